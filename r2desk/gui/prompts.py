"""Every question the window asks the user, in one object a test can replace.

Keeping modal dialogs behind these few methods lets the window's flows run offscreen in tests
without patching Qt, and keeps the wording of the questions in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QWidget

from r2desk.gui.objects.dialogs import ExpiryDialog, NameDialog
from r2desk.gui.settings import Settings
from r2desk.gui.widgets import message_box


class Prompts:
    """Modal questions, parented to the window."""

    def __init__(self, parent: QWidget, settings: Settings | None = None) -> None:
        self.parent = parent
        self.settings = settings

    def start_folder(self) -> str:
        """Where a file dialog opens: the folder last used, else home (not the working folder,
        which for a desktop launch is wherever the launcher happened to be)."""
        last = self.settings.last_folder() if self.settings is not None else ""
        return last if last and Path(last).is_dir() else str(Path.home())

    def _remember(self, folder: Path) -> None:
        if self.settings is not None:
            self.settings.set_last_folder(str(folder))

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
        path = QFileDialog.getExistingDirectory(self.parent, title, self.start_folder())
        if not path:
            return None
        self._remember(Path(path))
        return Path(path)

    def save_file(self, title: str, suggested: Path) -> Path | None:
        """Where one download goes: a save dialog on ``suggested`` (it asks before replacing)."""
        path, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested))
        return Path(path) if path else None

    def replace_choice(self, path: Path, others: int) -> tuple[str, bool]:
        """``path`` exists: ``replace``, ``keep`` (both) or ``skip``, and whether the answer is
        for the ``others`` existing files of this download too."""
        return self._replace_question(
            QCoreApplication.translate("Prompts", "Replace file?"),
            QCoreApplication.translate("Prompts", "{0} already exists in {1}.").format(
                path.name, path.parent
            ),
            (
                QCoreApplication.translate("Prompts", "Download over the existing file"),
                QCoreApplication.translate(
                    "Prompts", "Download beside it under a new name, e.g. name (2).txt"
                ),
                QCoreApplication.translate(
                    "Prompts", "Leave the existing file and do not download this one"
                ),
            ),
            QCoreApplication.translate(
                "Prompts", "Do the same for the other {0} existing files"
            ).format(others)
            if others
            else "",
        )

    def replace_object(self, key: str, others: int) -> tuple[str, bool]:
        """A pasted or uploaded object's key exists: ``replace``, ``keep`` (both) or ``skip``,
        and whether the answer is for the ``others`` existing objects of this paste or upload
        too."""
        folder, _, name = key.rpartition("/")
        return self._replace_question(
            QCoreApplication.translate("Prompts", "Replace object?"),
            QCoreApplication.translate("Prompts", "{0} already exists in {1}.").format(
                name, f"/{folder}"
            ),
            (
                "",
                QCoreApplication.translate(
                    "Prompts", "Put it beside the existing one under a new name, e.g. name (2).txt"
                ),
                "",
            ),
            QCoreApplication.translate(
                "Prompts", "Do the same for the other {0} existing objects"
            ).format(others)
            if others
            else "",
        )

    def _replace_question(
        self, title: str, text: str, tips: tuple[str, str, str], every_text: str
    ) -> tuple[str, bool]:
        """The one Replace / Keep both / Skip box (downloads and pastes), with "do the same
        for the others" when ``every_text`` is given."""
        box = message_box(self.parent, QMessageBox.Icon.Question, title, text)
        replace = box.addButton(
            QCoreApplication.translate("Prompts", "Replace"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(
            QCoreApplication.translate("Prompts", "Keep both"), QMessageBox.ButtonRole.AcceptRole
        )
        skip = box.addButton(
            QCoreApplication.translate("Prompts", "Skip"), QMessageBox.ButtonRole.RejectRole
        )
        for button, tip in zip((replace, keep, skip), tips, strict=True):
            if tip:
                button.setToolTip(tip)
        box.setDefaultButton(keep)
        box.setEscapeButton(skip)
        every = None
        if every_text:
            every = QCheckBox(every_text, box)
            box.setCheckBox(every)
        box.exec()
        clicked = box.clickedButton()
        choice = "replace" if clicked is replace else "keep" if clicked is keep else "skip"
        return choice, bool(every is not None and every.isChecked())

    def files(self, title: str) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, self.start_folder())
        if paths:
            self._remember(Path(paths[0]).parent)
        return [Path(p) for p in paths]

    def expiry(self) -> int | None:
        dialog = ExpiryDialog(self.parent)
        return dialog.seconds() if dialog.exec() else None
