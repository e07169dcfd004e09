"""Browsing: listing and paging a large prefix, navigation by path bar, breadcrumbs, keyboard."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from PySide6.QtCore import Qt
from support.gui import wait_listed

from r2desk.gui.objects.model import FILE, FOLDER, ObjectTableModel, Row

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def fill(s3: Any, keys: list[str], body: bytes = b"x") -> None:
    """Put many small objects quickly (moto answers each in ~1 ms; 16 at a time)."""
    with ThreadPoolExecutor(16) as ex:
        list(ex.map(lambda k: s3.put_object(Bucket=s3.bucket, Key=k, Body=body), keys))


def test_large_prefix_pages_in_as_the_view_scrolls(qtbot: Any, window: Any, s3: Any) -> None:
    keys = [f"big/obj-{i:05d}.txt" for i in range(1500)]
    keys += ["big/aaa/inner.txt", "big/zzz/inner.txt", "big/mmm/inner.txt"]
    fill(s3, keys)
    window.model.page_size = 200
    window.navigate("big/")
    wait_listed(qtbot, window)
    model: ObjectTableModel = window.model
    first = model.rowCount()
    assert 0 < first <= 200
    assert model.canFetchMore()
    assert "scroll for more" in window.count_label.text()

    # Scrolling to the end makes the view call fetchMore, page after page.
    def scrolled_to_end() -> bool:
        window.view.scrollToBottom()
        return model.complete and not model.loading

    qtbot.waitUntil(scrolled_to_end, timeout=60_000)
    rows = model.rows()
    assert len(rows) == 1503
    assert [r.kind for r in rows[:3]] == [FOLDER] * 3
    assert [r.name for r in rows[:3]] == ["aaa", "mmm", "zzz"]
    names = [r.name for r in rows[3:]]
    assert names == sorted(names) and len(set(names)) == 1500
    assert window.count_label.text() == "1,500 objects, 3 folders"
    assert not model.canFetchMore()


def test_sort_and_filter_keep_folders_first(qtbot: Any, window: Any, s3: Any) -> None:
    s3.put_object(Bucket=s3.bucket, Key="b-small.txt", Body=b"1")
    s3.put_object(Bucket=s3.bucket, Key="a-large.bin", Body=b"1" * 5000)
    s3.put_object(Bucket=s3.bucket, Key="folder/x.txt", Body=b"1")
    window.refresh()
    wait_listed(qtbot, window)
    model = window.model
    assert [r.name for r in model.rows()] == ["folder", "a-large.bin", "b-small.txt"]
    window.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [r.name for r in model.rows()] == ["folder", "a-large.bin", "b-small.txt"]
    window.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [r.name for r in model.rows()] == ["folder", "b-small.txt", "a-large.bin"]
    assert model.data(model.index(2, 1)) == "4.9 KiB"
    window.filter_edit.setText("SMALL")
    assert [r.name for r in model.rows()] == ["b-small.txt"]
    assert window.count_label.text().startswith("1 shown of 2 objects, 1 folder")
    window.filter_edit.clear()
    assert model.rowCount() == 3


def test_navigation_path_bar_breadcrumbs_and_keyboard(qtbot: Any, window: Any, s3: Any) -> None:
    for key in ("docs/2026/report.txt", "docs/readme.md", "top.txt"):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=b"hi")
    window.refresh()
    wait_listed(qtbot, window)
    window.activateWindow()
    window.view.setFocus()

    # Ctrl+L: type a path and press Enter.
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.path_bar.editing and window.path_bar.edit.hasFocus())
    qtbot.keyClicks(window.path_bar.edit, "/docs/2026")
    qtbot.keyClick(window.path_bar.edit, Qt.Key.Key_Return)
    assert window.prefix == "docs/2026/"
    wait_listed(qtbot, window)
    assert [r.name for r in window.model.rows()] == ["report.txt"]
    assert [b.text() for b in window.path_bar.crumb_buttons] == [s3.bucket, "› docs", "› 2026"]

    # Breadcrumb: back to docs/.
    qtbot.mouseClick(window.path_bar.crumb_buttons[1], Qt.MouseButton.LeftButton)
    assert window.prefix == "docs/"
    wait_listed(qtbot, window)
    assert [r.key for r in window.model.rows()] == ["docs/2026/", "docs/readme.md"]

    # Keyboard: Enter opens the folder under the cursor, Backspace goes up.
    window.view.setFocus()
    window.view.setCurrentIndex(window.model.index(0, 0))
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.prefix == "docs/2026/"
    wait_listed(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    assert window.prefix == "docs/"
    wait_listed(qtbot, window)
    # Going up puts the cursor on the folder we came from.
    qtbot.waitUntil(lambda: window.view.currentIndex().row() == 0)
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    assert window.prefix == ""

    # Back and forward (Alt+Left / Alt+Right).
    window.go_back()
    assert window.prefix == "docs/"
    window.go_forward()
    assert window.prefix == ""
    # Escape in the path field returns to the breadcrumbs without moving.
    window.path_bar.start_editing()
    qtbot.keyClicks(window.path_bar.edit, "nowhere")
    qtbot.keyClick(window.path_bar.edit, Qt.Key.Key_Escape)
    assert not window.path_bar.editing and window.prefix == ""


def test_every_control_has_an_accessible_name_and_tooltip(window: Any) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit, QSpinBox, QTableView

    missing = []
    for cls in (QAbstractButton, QLineEdit, QSpinBox, QTableView):
        for widget in window.findChildren(cls):
            if widget.objectName().startswith("qt_") or not widget.isVisibleTo(window):
                continue
            if not widget.accessibleName() and not (
                isinstance(widget, QAbstractButton) and widget.text()
            ):
                missing.append(f"{type(widget).__name__} without accessible name")
            if not widget.toolTip() and not isinstance(widget, QTableView):
                missing.append(
                    f"{type(widget).__name__} {widget.accessibleName()!r} without tooltip"
                )
    assert not missing, missing


def test_rows_hold_preformatted_text(qapp: Any) -> None:
    """data() only indexes tuples: every display string is made by the worker."""
    import datetime as dt

    from r2desk.gui.objects.model import file_row

    row = file_row("a/b.png", 1536, dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC), "")
    assert isinstance(row, Row) and row.kind == FILE
    assert (row.name, row.size_text, row.storage_class, row.icon) == (
        "b.png",
        "1.5 KiB",
        "STANDARD",
        "image",
    )


def test_main_window_offers_keyring_move(
    qtbot: Any, make_window: Any, gui_app: Any, memory_keyring: Any
) -> None:
    """Opening an element whose file holds its secret asks to move it; accepting moves it."""
    import json

    from PySide6.QtWidgets import QApplication, QMessageBox

    from r2desk.credentials import entry_name

    config_path = gui_app.root / "storages" / "TestR2" / "TestR2.json"
    secret = json.loads(config_path.read_text())["accessKeySecret"]
    window = make_window(gui_app, offer_keyring_moves=True)

    def prompt() -> QMessageBox | None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox)
            and w.isVisible()
            and w.windowTitle() == "Move the secret into the keyring?"
        ]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: prompt() is not None, timeout=5000)
    box = prompt()
    assert box is not None
    move = next(b for b in box.buttons() if b.text() == "Move to keyring")
    qtbot.mouseClick(move, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "accessKeySecret" not in config_path.read_text(), timeout=5000)
    element = window.app.getElement("storages.TestR2")
    key = entry_name(element.config.endpoint_url, element.config.accessKeyId)
    assert memory_keyring.get_password("r2desk", key) == secret
    assert element.listObjects()["nextToken"] is None  # the secret now comes from the keyring


def test_long_status_message_never_covers_the_counts(qtbot: Any, window: Any) -> None:
    long = "UploadFromPath failed: " + "a very long reason " * 30
    window.show_status(long)
    window.transfer_label.setText("Transfers: 2 running, 1 waiting")
    window.transfer_label.show()
    qtbot.waitUntil(lambda: window.message_label.text() != "", timeout=2000)
    label = window.message_label
    assert label.full_text() == long and label.toolTip().startswith(long)
    assert label.text().endswith("…") and len(label.text()) < len(long)
    right = label.mapTo(window, label.rect().topRight()).x()
    count_left = window.count_label.mapTo(window, window.count_label.rect().topLeft()).x()
    assert right <= count_left
    # A click shows the message in full.
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert window.prompts.asked[-1] == ("Status message", f"{long}\n")
