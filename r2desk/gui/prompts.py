"""Every question the window asks the user, in one object a test can replace.

Keeping modal dialogs behind these few methods lets the window's flows run offscreen in tests
without patching Qt, and keeps the wording of the questions in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from r2desk.gui.objects.dialogs import ExpiryDialog, NameDialog
from r2desk.gui.widgets import message_box


class Prompts:
    """Modal questions, parented to the window."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def name(
        self,
        title: str,
        label: str,
        default: str,
        check: Callable[[str], str | None],
        *,
        select_stem: bool = False,
    ) -> str | None:
        """A name that passes ``check`` (the dialog stays open until it does), or None."""
        dialog = NameDialog(title, label, default, check, self.parent, select_stem=select_stem)
        return dialog.value() if dialog.exec() else None

    def confirm(self, title: str, text: str, action: str = "OK") -> bool:
        box = message_box(self.parent, QMessageBox.Icon.Question, title, text)
        yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def inform(self, title: str, text: str, details: str = "", *, warning: bool = True) -> None:
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = message_box(self.parent, icon, title, text)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if details:
            box.setDetailedText(details)
        box.exec()

    def folder(self, title: str) -> Path | None:
        path = QFileDialog.getExistingDirectory(self.parent, title)
        return Path(path) if path else None

    def files(self, title: str) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title)
        return [Path(p) for p in paths]

    def expiry(self) -> int | None:
        dialog = ExpiryDialog(self.parent)
        return dialog.seconds() if dialog.exec() else None
