"""Copy, Cut and Paste in the window: within a bucket, into another connection's bucket, with
Replace / Keep both / Skip for existing objects, and local files pasted from a file manager."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication
from support.gui import wait_listed, write_app

from r2desk.paste import plan_paste

pytestmark = [pytest.mark.gui]


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp: Any) -> Any:
    """Each test leaves the clipboard empty: mime data it still owns when the test process
    tears Qt down is destroyed after the objects it refers to (a crash at exit)."""
    yield
    QGuiApplication.clipboard().clear()


def keys_of(s3: Any, bucket: str, prefix: str = "") -> list[str]:
    resp = s3.list_objects_v2(Bucket=bucket, Prefix=prefix)
    return sorted(o["Key"] for o in resp.get("Contents", []))


def select_keys(qtbot: Any, window: Any, keys: list[str]) -> None:
    wait_listed(qtbot, window)
    window.view.clearSelection()
    for key in keys:
        row = window.model.row_for_key(key)
        assert row >= 0, key
        window.view.selectRow(row) if len(keys) == 1 else window.view.selectionModel().select(
            window.model.index(row, 0),
            window.view.selectionModel().SelectionFlag.Select
            | window.view.selectionModel().SelectionFlag.Rows,
        )
    qtbot.waitUntil(lambda: len(window.state.selection) == len(keys))


def wait_status(qtbot: Any, window: Any, start: str) -> None:
    qtbot.waitUntil(lambda: window.message_label.full_text().startswith(start), timeout=15_000)


def test_copy_a_folder_and_a_file_into_another_folder(qtbot: Any, window: Any, s3: Any) -> None:
    for key in ("src/a.txt", "src/deep/b.txt", "note.md", "dest/keep.txt"):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=key.encode(), ContentType="text/plain")
    window.refresh()
    select_keys(qtbot, window, ["src/", "note.md"])
    window.acts.act_copy.trigger()
    assert "src/" in QGuiApplication.clipboard().text()
    window.navigate("dest/")
    wait_listed(qtbot, window)
    window.acts.act_paste.trigger()
    wait_status(qtbot, window, "Copied 3 objects")
    assert keys_of(s3, s3.bucket, "dest/") == [
        "dest/keep.txt",
        "dest/note.md",
        "dest/src/a.txt",
        "dest/src/deep/b.txt",
    ]
    assert keys_of(s3, s3.bucket, "src/") == ["src/a.txt", "src/deep/b.txt"]  # copy keeps them
    head = s3.head_object(Bucket=s3.bucket, Key="dest/src/deep/b.txt")
    assert head["ContentType"] == "text/plain"


def test_cut_moves_and_existing_objects_are_asked_about(qtbot: Any, window: Any, s3: Any) -> None:
    for key in ("a.txt", "b.txt", "c.txt", "to/a.txt", "to/b.txt"):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=b"new " + key.encode())
    window.refresh()
    select_keys(qtbot, window, ["a.txt", "b.txt", "c.txt"])
    window.acts.act_cut.trigger()
    window.navigate("to/")
    wait_listed(qtbot, window)
    window.prompts.replace_answers = [("keep", False), ("skip", False)]
    window.acts.act_paste.trigger()
    wait_status(qtbot, window, "Moved 2 objects; skipped 1")
    assert [a for a in window.prompts.asked if a[0] == "Replace object?"] == [
        ("Replace object?", "to/a.txt (+1)"),
        ("Replace object?", "to/b.txt (+0)"),
    ]
    assert keys_of(s3, s3.bucket) == ["b.txt", "to/a (2).txt", "to/a.txt", "to/b.txt", "to/c.txt"]
    body = s3.get_object(Bucket=s3.bucket, Key="to/a (2).txt")["Body"].read()
    assert body == b"new a.txt"


def test_paste_into_another_connection(
    qtbot: Any, make_window: Any, tmp_path: Path, moto_server: Any, s3: Any
) -> None:
    other_bucket = moto_server.s3.make_bucket()
    app = write_app(tmp_path / "app2", moto_server.s3, s3.bucket, name="First")
    write_app(tmp_path / "app2", moto_server.s3, other_bucket, name="Second")
    s3.put_object(Bucket=s3.bucket, Key="x/report.pdf", Body=b"%PDF")
    window = make_window(app)
    window.open_element("storages.First")
    window.navigate("x/")
    select_keys(qtbot, window, ["x/report.pdf"])
    window.acts.act_copy.trigger()
    window.open_element("storages.Second")
    wait_listed(qtbot, window)
    window.acts.act_paste.trigger()
    wait_status(qtbot, window, "Copied 1 object")
    assert keys_of(s3, other_bucket) == ["report.pdf"]


def test_files_copied_in_a_file_manager_are_uploaded(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    f = tmp_path / "photo.jpg"
    f.write_bytes(b"jpeg")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    QGuiApplication.clipboard().setMimeData(mime)
    wait_listed(qtbot, window)
    window.acts.act_paste.trigger()
    qtbot.waitUntil(lambda: keys_of(s3, s3.bucket) == ["photo.jpg"], timeout=15_000)


def test_a_folder_cannot_be_pasted_into_itself(gui_app: Any, s3: Any) -> None:
    el = gui_app.getElement("storages.TestR2")
    s3.put_object(Bucket=s3.bucket, Key="a/x.txt", Body=b"1")
    plan = plan_paste(el, ["a/"], el, "a/")
    assert plan.pairs == [] and "into itself" in plan.refused["a/"]
    same = plan_paste(el, ["a/x.txt"], el, "a/")  # pasted where it is: kept as a copy
    assert same.pairs == [("a/x.txt", "a/x.txt")] and same.onto_itself == {"a/x.txt"}
