"""The sidebar: a connection expands to its buckets (own first); a bucket is browsed with the
same keys; buckets are created, emptied (typed confirmation), deleted, saved as connections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QTreeWidgetItem
from support.gui import wait_listed, write_app

from r2desk.gui.buckets.branch import BUCKET, KIND, LOCATION

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def _expand(qtbot: Any, window: Any) -> QTreeWidgetItem:
    conn = window.sidebar.list.topLevelItem(0)
    conn.setExpanded(True)
    qtbot.waitUntil(
        lambda: conn.childCount() > 0 and conn.child(0).data(0, KIND) == "bucket", timeout=10_000
    )
    return conn


def _action(menu: Any, text: str) -> Any:
    return next(a for a in menu.actions() if a.text() == text)


def test_expand_browse_create_empty_delete(
    qtbot: Any, make_window: Any, tmp_path: Path, moto_server: Any, moto_bucket: str
) -> None:
    s3 = moto_server.s3
    other = s3.make_bucket(f"{moto_bucket}-b")
    s3.client().put_object(Bucket=other, Key="in-other.txt", Body=b"x")
    app = write_app(tmp_path / "app", s3, moto_bucket)
    window = make_window(app)
    wait_listed(qtbot, window)
    conn = _expand(qtbot, window)
    names = [conn.child(i).data(0, BUCKET) for i in range(conn.childCount())]
    assert names[0] == moto_bucket and other in names  # the connection's own bucket first
    item = conn.child(names.index(other))
    assert item.data(0, LOCATION) == f"storages.TestR2@{other}"

    window.sidebar.list.setCurrentItem(item)  # browse the other bucket
    qtbot.waitUntil(lambda: window.element is not None and window.element.bucket == other)
    wait_listed(qtbot, window)
    assert [r.key for r in window.model.rows()] == ["in-other.txt"]
    assert window.current_element_name() == "storages.TestR2"  # Edit/Delete: the connection

    # Empty bucket…: counted first, the name typed; a wrong name deletes nothing.
    window.prompts.texts = ["not-the-name", None]
    _action(window.sidebar.build_menu(item), "Empty bucket…").trigger()
    qtbot.waitUntil(lambda: bool(window.prompts.asked), timeout=10_000)
    title, label = window.prompts.asked[-1]
    assert title == "Empty bucket" and "holds 1 objects (1 B)" in label
    assert window.prompts.refused[0][0] == "not-the-name"
    assert s3.client().list_objects_v2(Bucket=other)["KeyCount"] == 1
    window.prompts.texts = [other]
    _action(window.sidebar.build_menu(item), "Empty bucket…").trigger()
    qtbot.waitUntil(
        lambda: s3.client().list_objects_v2(Bucket=other)["KeyCount"] == 0, timeout=10_000
    )

    # Delete bucket…: then the branch is listed again without it.
    _action(window.sidebar.build_menu(item), "Delete bucket…").trigger()
    qtbot.waitUntil(
        lambda: other not in [b["Name"] for b in s3.client().list_buckets()["Buckets"]],
        timeout=10_000,
    )
    qtbot.waitUntil(
        lambda: (
            conn.childCount() > 0
            and other not in [conn.child(i).data(0, BUCKET) for i in range(conn.childCount())]
        ),
        timeout=10_000,
    )


def test_add_bucket_as_its_own_connection(
    qtbot: Any,
    make_window: Any,
    tmp_path: Path,
    moto_server: Any,
    moto_bucket: str,
    memory_keyring: Any,
) -> None:
    s3 = moto_server.s3
    other = s3.make_bucket(f"{moto_bucket}-c")
    app = write_app(tmp_path / "app", s3, moto_bucket)
    window = make_window(app)
    conn = _expand(qtbot, window)
    item = next(
        conn.child(i) for i in range(conn.childCount()) if conn.child(i).data(0, BUCKET) == other
    )
    own_menu = window.sidebar.build_menu(conn.child(0))
    assert "Add this bucket as its own connection" not in [a.text() for a in own_menu.actions()]
    _action(window.sidebar.build_menu(item), "Add this bucket as its own connection").trigger()
    qtbot.waitUntil(lambda: window.sidebar.list.topLevelItemCount() == 2, timeout=10_000)
    new = [i.name for i in app.listElements() if i.name != "storages.TestR2"]
    assert len(new) == 1
    app.forget()
    element = app.getElement(new[0])
    assert element.config.bucketName == other
    assert element.config.endpoint_url == app.getElement("storages.TestR2").config.endpoint_url


def test_new_bucket_dialog_checks_the_name(qtbot: Any, gui_app: Any) -> None:
    from r2desk.gui.buckets.create import CreateBucketDialog

    dialog = CreateBucketDialog(gui_app.getElement("storages.TestR2"))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    dialog.name_edit.setText("Bad_Name")
    assert not ok.isEnabled() and "lowercase" in dialog.problem.text()
    dialog.name_edit.setText("good-name")
    assert ok.isEnabled() and dialog.problem.text() == ""
    assert not dialog.hint.isEnabled()  # a local endpoint is not R2: no location hints
    assert dialog.values() == ("good-name", None)
