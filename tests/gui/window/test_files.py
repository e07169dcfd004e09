"""Files from the window: Enter opens a file with its application, Edit in place watches it,
Search finds keys anywhere below and reveals one in the listing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from support.gui import wait_listed

from r2desk.edits import Workspace

pytestmark = [pytest.mark.gui]


@pytest.fixture
def launched(window: Any, tmp_path: Path) -> list[str]:
    opened: list[str] = []
    window.files.edits.workspace = Workspace(tmp_path / "cache")
    window.files.edits.launch = lambda path: opened.append(path) or True
    return opened


def select(qtbot: Any, window: Any, key: str) -> None:
    wait_listed(qtbot, window)
    row = window.model.row_for_key(key)
    assert row >= 0, key
    window.view.setFocus()
    window.view.setCurrentIndex(window.model.index(row, 0))
    window.view.selectRow(row)


def test_enter_on_a_file_opens_it_with_its_application(
    qtbot: Any, window: Any, s3: Any, launched: list[str]
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="report.txt", Body=b"numbers")
    window.refresh()
    select(qtbot, window, "report.txt")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(launched), timeout=10_000)
    assert Path(launched[0]).read_bytes() == b"numbers"
    assert window.files.editing_button.isHidden()  # opened, not edited


def test_edit_in_place_shows_editing_and_stop_watching(
    qtbot: Any, window: Any, s3: Any, launched: list[str]
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="notes.md", Body=b"# v1")
    window.refresh()
    select(qtbot, window, "notes.md")
    assert window.acts.act_edit.isEnabled()
    window.acts.act_edit.trigger()
    qtbot.waitUntil(lambda: bool(launched), timeout=10_000)
    button = window.files.editing_button
    assert button.isVisible() and button.text() == "Editing 1 file"
    window.files._fill_menu()
    [stop] = [a for a in window.files.editing_menu.actions() if a.isEnabled()]
    assert stop.text() == "Stop watching notes.md"
    stop.trigger()
    assert button.isHidden() and window.files.edits.paths == []


def test_search_reveals_a_deep_match_in_the_listing(qtbot: Any, window: Any, s3: Any) -> None:
    for key in ("a/b/deep-photo.jpg", "a/other.txt", "top.txt"):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=b"x")
    window.refresh()
    wait_listed(qtbot, window)
    window.acts.act_search.trigger()
    dialog = window.files.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.pattern, "photo")
    qtbot.keyClick(dialog.pattern, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.task is None and len(dialog.model.rows) == 1, timeout=10_000)
    dialog.table.selectRow(0)
    dialog.show_btn.click()
    assert window.prefix == "a/b/"
    qtbot.waitUntil(
        lambda: (
            window.view.currentIndex().isValid()
            and window.model.row_at(window.view.currentIndex().row()).key == "a/b/deep-photo.jpg"
        ),
        timeout=10_000,
    )
    dialog.close()
