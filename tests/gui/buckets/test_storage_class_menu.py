"""The object menu's "Storage class" submenu: the Infrequent Access terms are asked first, the
objects keep their type and metadata; and an upload's queue message counts its write requests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.gui import wait_listed

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def test_move_selection_to_infrequent_access(
    qtbot: Any, make_window: Any, gui_app: Any, s3: Any
) -> None:
    s3.put_object(
        Bucket=s3.bucket,
        Key="a.pdf",
        Body=b"%PDF",
        ContentType="application/pdf",
        Metadata={"owner": "ana"},
    )
    window = make_window(gui_app)
    wait_listed(qtbot, window)
    window.view.selectAll()
    qtbot.waitUntil(lambda: len(window.state.selection) == 1)
    menu = window.build_object_menu()
    sub = next(a.menu() for a in menu.actions() if a.menu() is window.storage_class.menu)
    ia = next(a for a in sub.actions() if "Infrequent" in a.text())
    window.prompts.confirms = [False]
    ia.trigger()
    title, text = window.prompts.asked[-1]
    assert title == "Move to Infrequent Access" and "30 days" in text
    assert s3.head_object(Bucket=s3.bucket, Key="a.pdf").get("StorageClass") is None  # no
    ia.trigger()  # the next confirm says yes
    qtbot.waitUntil(
        lambda: s3.head_object(Bucket=s3.bucket, Key="a.pdf").get("StorageClass") == "STANDARD_IA",
        timeout=10_000,
    )
    head = s3.head_object(Bucket=s3.bucket, Key="a.pdf")
    assert head["ContentType"] == "application/pdf" and head["Metadata"] == {"owner": "ana"}


def test_queued_upload_says_its_write_requests(
    qtbot: Any, make_window: Any, gui_app: Any, tmp_path: Path
) -> None:
    window = make_window(gui_app)
    wait_listed(qtbot, window)
    files = []
    for n in range(3):
        path = tmp_path / f"f{n}.txt"
        path.write_bytes(b"x" * 10)
        files.append(path)
    said: list[str] = []
    window.errors.shown.connect(said.append)
    window.upload_paths(files, "")
    qtbot.waitUntil(lambda: any("Queued 3 files" in s for s in said), timeout=10_000)
    assert any("3 write (Class A) requests" in s for s in said)
