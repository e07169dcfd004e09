"""Keys, paths and messages are shown as plain text: a key named like HTML never restyles the
window (a hostile bucket could otherwise draw fake UI)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from support.gui import wait_listed
from support.keys import HOSTILE_KEYS, KEY_1024, RICH_TEXT_KEYS

from r2desk.gui.prompts import Prompts
from r2desk.gui.widgets import plain_tip

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

KEYS = [k for k in [*RICH_TEXT_KEYS, *HOSTILE_KEYS] if k != KEY_1024]


def _rich_labels(window: Any) -> list[str]:
    """Labels that would interpret markup and hold text that looks like markup."""
    return [
        f"{label.accessibleName() or label.objectName()}: {label.text()!r}"
        for label in window.findChildren(QLabel)
        if label.textFormat() != Qt.TextFormat.PlainText
        and any(mark in label.text() for mark in ("<", "&amp;", "&lt;"))
    ]


def test_hostile_names_read_as_written_everywhere(qtbot: Any, window: Any, s3: Any) -> None:
    for key in KEYS:
        s3.put_object(Bucket=s3.bucket, Key=key, Body=b"plain body")
    window.refresh()
    wait_listed(qtbot, window)
    model = window.model
    for row in range(model.rowCount()):
        entry = model.row_at(row)
        window.view.selectRow(row)
        qtbot.waitUntil(lambda e=entry: window.preview.title.text().startswith(e.name))
        title = window.preview.title
        assert title.textFormat() == Qt.TextFormat.PlainText
        # Rendered as one line of text (an <h1> would make it taller), the name kept literally.
        assert title.sizeHint().height() < 4 * title.fontMetrics().height()
        window.show_status(f"Renamed {entry.key} to {entry.key}")
        assert window.message_label.full_text().count(entry.key) == 2
        assert not _rich_labels(window)
        # Tooltips shown as HTML carry the name escaped, so it reads as written.
        tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        doc_text = _tooltip_text(tip)
        assert doc_text == entry.key
    # The breadcrumbs of a folder named like markup.
    window.navigate("<b>bold/")
    wait_listed(qtbot, window)
    crumb = window.path_bar.crumb_buttons[-1]
    assert crumb.text() == "› <b>bold"
    assert _tooltip_text(crumb.toolTip()) == "Go to <b>bold/"
    assert not _rich_labels(window)


def _tooltip_text(tip: str) -> str:
    """What a tooltip shows: Qt renders it as HTML when it looks like HTML."""
    from PySide6 import QtGui

    if QtGui.Qt.mightBeRichText(tip):
        doc = QtGui.QTextDocument()
        doc.setHtml(tip)
        return doc.toPlainText()
    return tip


def test_plain_tip_keeps_ordinary_text_and_escapes_markup(qapp: Any) -> None:
    assert plain_tip("docs/a.txt") == "docs/a.txt"
    for key in RICH_TEXT_KEYS:
        assert _tooltip_text(plain_tip(key)) == key


def test_message_boxes_show_keys_as_text(qtbot: Any, window: Any) -> None:
    prompts = Prompts(window)
    seen: list[tuple[Qt.TextFormat, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append((box.textFormat(), box.text()))
        box.reject()

    text = f"Delete '{RICH_TEXT_KEYS[0]}'?"
    QTimer.singleShot(0, answer)
    assert prompts.confirm("Delete", text, "Delete") is False
    QTimer.singleShot(0, answer)
    prompts.inform("Some items cannot be uploaded", text)
    assert seen == [(Qt.TextFormat.PlainText, text)] * 2
