"""Search the bucket from the window: matches stream in from a worker, shown as plain text."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from r2desk.elements import App
from r2desk.gui.search.dialog import SearchDialog
from r2desk.gui.tasks import TaskPool

pytestmark = [pytest.mark.gui]


def fill(s3: Any, keys: list[str], body: bytes = b"x") -> None:
    with ThreadPoolExecutor(16) as ex:
        list(ex.map(lambda k: s3.put_object(Bucket=s3.bucket, Key=k, Body=body), keys))


@pytest.fixture
def dialog(qtbot: Any, pool: TaskPool, gui_app: App) -> SearchDialog:
    element = gui_app.getElement("storages.TestR2")
    dlg = SearchDialog(pool, element, "")
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def finished(dlg: SearchDialog) -> bool:
    return dlg.task is None and dlg.go.isEnabled()


def test_matches_come_from_the_whole_bucket_and_reveal_one(
    qtbot: Any, dialog: SearchDialog, s3: Any
) -> None:
    fill(s3, [f"deep/{i % 7}/file-{i:04d}.txt" for i in range(600)] + ["a/b/c/photo.JPG"])
    qtbot.keyClicks(dialog.pattern, "*.jpg")
    qtbot.keyClick(dialog.pattern, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: finished(dialog), timeout=15_000)
    assert [o["key"] for o in dialog.model.rows] == ["a/b/c/photo.JPG"]
    assert dialog.status.text() == "1 found in 601 objects"
    view = dialog.table
    view.selectRow(0)
    with qtbot.waitSignal(dialog.reveal) as revealed:
        dialog.show_btn.click()
    assert revealed.args == ["a/b/c/photo.JPG"]
    assert dialog.model.data(dialog.model.index(0, 1)) == "a/b/c/"


def test_hostile_names_are_plain_text(qtbot: Any, dialog: SearchDialog, s3: Any) -> None:
    key = "<img src=x onerror=alert(1)><h1>big&amp;bold"  # no "/": all of it is the name
    fill(s3, [key])
    dialog.start()
    qtbot.waitUntil(lambda: finished(dialog), timeout=15_000)
    assert dialog.model.data(dialog.model.index(0, 0)) == key
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_stop_keeps_what_was_found_and_ignores_the_rest(
    qtbot: Any, dialog: SearchDialog, s3: Any
) -> None:
    fill(s3, [f"k/{i:05d}" for i in range(3000)])
    dialog.start()
    qtbot.waitUntil(lambda: len(dialog.model.rows) > 0, timeout=15_000)
    dialog.stop.click()
    shown = len(dialog.model.rows)
    assert dialog.go.isEnabled() and not dialog.stop.isEnabled()
    qtbot.wait(800)  # batches still in flight from the stopped worker are dropped
    assert len(dialog.model.rows) == shown


def test_size_filter(qtbot: Any, dialog: SearchDialog, s3: Any) -> None:
    fill(s3, ["small.bin"], b"x")
    fill(s3, ["big.bin"], b"x" * (1024**2 + 10))
    dialog.sizes.setCurrentIndex(2)  # 1 MiB to 100 MiB
    dialog.start()
    qtbot.waitUntil(lambda: finished(dialog), timeout=15_000)
    assert [o["key"] for o in dialog.model.rows] == ["big.bin"]
