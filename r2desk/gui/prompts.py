"""Every question the window asks the user, in one object a test can replace.

Keeping modal dialogs behind these few methods lets the window's flows run offscreen in tests
without patching Qt, and keeps the wording of the questions in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QWidget

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

    def save_file(self, title: str, suggested: Path) -> Path | None:
        """Where one download goes: a save dialog on ``suggested`` (it asks before replacing)."""
        path, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested))
        return Path(path) if path else None

    def replace_choice(self, path: Path, others: int) -> tuple[str, bool]:
        """``path`` exists: ``replace``, ``keep`` (both) or ``skip``, and whether the answer is
        for the ``others`` existing files of this download too."""
        box = message_box(
            self.parent,
            QMessageBox.Icon.Question,
            "Replace file?",
            f"{path.name} already exists in {path.parent}.",
        )
        replace = box.addButton("Replace", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep both", QMessageBox.ButtonRole.AcceptRole)
        skip = box.addButton("Skip", QMessageBox.ButtonRole.RejectRole)
        replace.setToolTip("Download over the existing file")
        keep.setToolTip("Download beside it under a new name, e.g. name (2).txt")
        skip.setToolTip("Leave the existing file and do not download this one")
        box.setDefaultButton(keep)
        box.setEscapeButton(skip)
        every = None
        if others:
            every = QCheckBox(f"Do the same for the other {others} existing files", box)
            box.setCheckBox(every)
        box.exec()
        clicked = box.clickedButton()
        choice = "replace" if clicked is replace else "keep" if clicked is keep else "skip"
        return choice, bool(every is not None and every.isChecked())

    def files(self, title: str) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title)
        return [Path(p) for p in paths]

    def expiry(self) -> int | None:
        dialog = ExpiryDialog(self.parent)
        return dialog.seconds() if dialog.exec() else None
