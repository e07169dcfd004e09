"""Small widgets shared by the window's parts: the app icon, an eliding label, tool buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QToolButton, QWidget

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "icons"


def app_icon() -> QIcon:
    """The r2desk icon from the source tree or the installed theme."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        path = RESOURCES / "hicolor" / f"{size}x{size}" / "apps" / "r2desk.png"
        if path.exists():
            icon.addFile(str(path))
    return icon if not icon.isNull() else QIcon.fromTheme("r2desk")


class ElidedLabel(QLabel):
    """A one-line label that elides its text to its width and shows the whole in a tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        self.setText(shown)
        self.setToolTip(self._full if shown != self._full else "Latest status message")


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
