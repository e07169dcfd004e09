"""Small widgets shared by the window's parts: the app icon, plain-text labels, tooltips and
message boxes, an eliding label, tool buttons.

Keys, paths, titles and server messages come from outside: Qt guesses rich text for any string
that looks like HTML, so a key named ``<h1>x</h1>`` would restyle a label. Everything that shows
such a string goes through the plain-text helpers here.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QIcon, QMouseEvent, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

#: Package data (in the wheel, the source tree and the frozen bundle alike).
RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "icons"


def app_icon() -> QIcon:
    """The r2desk icon from the source tree or the installed theme."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        path = RESOURCES / "hicolor" / f"{size}x{size}" / "apps" / "r2desk.png"
        if path.exists():
            icon.addFile(str(path))
    return icon if not icon.isNull() else QIcon.fromTheme("r2desk")


def plain_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A label that never interprets its text as rich text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` as written (Qt renders a tooltip as HTML when it looks so)."""
    if "<" not in text and "&" not in text:
        return text
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    """A message box whose text is plain (it often quotes a key or a server message)."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def read_only_look(field: QLineEdit) -> None:
    """A read-only field drawn as text on the window, not as an input box waiting for typing
    (it stays selectable and reachable by Tab, to copy from)."""
    field.setFrame(False)
    palette = field.palette()
    palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
    field.setPalette(palette)
    field.setFocusPolicy(Qt.FocusPolicy.TabFocus)


def warning_style(palette: QPalette) -> str:
    """A warning box's style sheet that reads on the current palette: pale yellow with dark text
    on a light palette, dark amber with light text on a dark one."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    colours = (
        "background: #4a3b00; color: #ffe8a3;" if dark else ("background: #fff4ce; color: #3d2c00;")
    )
    return f"{colours} padding: 6px; border-radius: 4px;"


def error_style(palette: QPalette) -> str:
    """Red words that read on the palette: dark red on a light one, light red on a dark one."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return "color: #ff8a80;" if dark else "color: #b00020;"


def paint_focus_frame(viewport: QWidget) -> None:
    """A frame in the highlight colour inside an item view's viewport while the view has the
    focus: styles such as Fusion draw none, and an empty list shows no current row."""
    painter = QPainter(viewport)
    pen = QPen(viewport.palette().color(QPalette.ColorRole.Highlight))
    pen.setWidth(2)
    painter.setPen(pen)
    painter.drawRect(viewport.rect().adjusted(1, 1, -1, -1))
    painter.end()


class ElidedLabel(QLabel):
    """A one-line label that elides its text to its width and shows the whole in a tooltip;
    ``clicked`` lets the window show a long message in full."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._full:
            self.clicked.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        self.setText(shown)
        elided = shown != self._full
        self.setToolTip(
            plain_tip(self._full + "\n\n" + self.tr("Click to read it in full."))
            if elided
            else self.tr("Latest status message")
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor if elided else Qt.CursorShape.ArrowCursor)


def tool_button(parent: QWidget, text: str, tip: str, icon: QStyle.StandardPixmap) -> QToolButton:
    """A text-beside-icon tool button with its tooltip and accessible name set."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setIcon(parent.style().standardIcon(icon))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return button


def mirror(action: QAction, button: QToolButton) -> None:
    """Keep a short-labelled button's state, tooltip and name in step with its action."""

    def sync() -> None:
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.toolTip())
        button.setAccessibleName(action.text().replace("&", "").rstrip("…"))

    action.changed.connect(sync)
    sync()
