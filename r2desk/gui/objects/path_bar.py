"""``PathBar``: breadcrumb buttons for the current prefix, turning into a text field to type a path.

Ctrl+L (or the edit button) shows the field; Enter goes there, Escape goes back to the
breadcrumbs. A typed path is a prefix inside the bucket: ``docs/2026`` and ``/docs/2026/`` are
the same place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QToolButton,
    QWidget,
)

from r2desk.gui.widgets import plain_tip


def normalize_prefix(text: str) -> str:
    """A typed path to a prefix: no leading slash, one trailing slash (root is ``""``)."""
    text = text.strip().lstrip("/")
    return f"{text.rstrip('/')}/" if text.strip("/") else ""


class _PathEdit(QLineEdit):
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class PathBar(QWidget):
    """Shows ``bucket / a / b`` as buttons; ``navigate`` carries the prefix the user chose."""

    navigate = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Path"))
        self._bucket = ""
        self._prefix = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.stack = QStackedWidget(self)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.crumbs = QWidget(self.stack)
        self.crumbs.setAccessibleName(self.tr("Breadcrumbs"))
        self.crumb_layout = QHBoxLayout(self.crumbs)
        self.crumb_layout.setContentsMargins(0, 0, 0, 0)
        self.crumb_layout.setSpacing(0)
        self.edit = _PathEdit(self.stack)
        self.edit.setAccessibleName(self.tr("Path field"))
        self.edit.setToolTip(
            self.tr("Type a folder path in the bucket and press Enter (Escape cancels)")
        )
        self.edit.setPlaceholderText(self.tr("folder/sub-folder/"))
        self.edit.returnPressed.connect(self._commit)
        self.edit.escaped.connect(self.show_crumbs)
        self.edit.editingFinished.connect(self._maybe_leave)
        self.stack.addWidget(self.crumbs)
        self.stack.addWidget(self.edit)
        layout.addWidget(self.stack, 1)
        self.edit_button = QToolButton(self)
        self.edit_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        )
        self.edit_button.setText(self.tr("Edit path"))
        self.edit_button.setToolTip(self.tr("Type a path (Ctrl+L)"))
        self.edit_button.setAccessibleName(self.tr("Edit path"))
        self.edit_button.clicked.connect(self.start_editing)
        layout.addWidget(self.edit_button)
        self.crumb_buttons: list[QToolButton] = []
        self._rebuild()

    def set_location(self, bucket: str, prefix: str) -> None:
        self._bucket = bucket
        self._prefix = prefix
        self.edit.setText(prefix)
        self._rebuild()

    def start_editing(self) -> None:
        """Show the text field with the current path selected (Ctrl+L)."""
        self.edit.setText(self._prefix)
        self.stack.setCurrentWidget(self.edit)
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def show_crumbs(self) -> None:
        had_focus = self.edit.hasFocus()
        self.stack.setCurrentWidget(self.crumbs)
        if had_focus and self.crumb_buttons:
            self.crumb_buttons[-1].setFocus()

    @property
    def editing(self) -> bool:
        return self.stack.currentWidget() is self.edit

    def _commit(self) -> None:
        prefix = normalize_prefix(self.edit.text())
        self.show_crumbs()
        self.navigate.emit(prefix)

    def _maybe_leave(self) -> None:
        if not self.edit.hasFocus() and self.editing:
            self.stack.setCurrentWidget(self.crumbs)

    def _rebuild(self) -> None:
        for button in self.crumb_buttons:
            self.crumb_layout.removeWidget(button)
            button.hide()  # deleteLater alone leaves it painted until the next event loop turn
            button.deleteLater()
        self.crumb_buttons = []
        while self.crumb_layout.count():
            self.crumb_layout.takeAt(0)
        parts = [p for p in self._prefix.split("/") if p] if self._prefix else []
        targets = [("", self._bucket or self.tr("(no connection)"))]
        acc = ""
        for part in parts:
            acc += f"{part}/"
            targets.append((acc, part))
        for i, (prefix, label) in enumerate(targets):
            button = QToolButton(self.crumbs)
            button.setText(label if i == 0 else f"› {label}")
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            where = self.tr("the bucket root") if i == 0 else prefix
            button.setToolTip(plain_tip(self.tr("Go to {0}").format(where)))
            button.setAccessibleName(self.tr("Go to {0}").format(where))
            button.setProperty("prefix", prefix)
            button.clicked.connect(lambda _=False, p=prefix: self.navigate.emit(p))
            if i == len(targets) - 1:
                font = button.font()
                font.setBold(True)
                button.setFont(font)
            self.crumb_layout.addWidget(button)
            self.crumb_buttons.append(button)
        self.crumb_layout.addStretch(1)
