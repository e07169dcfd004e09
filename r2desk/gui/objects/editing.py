"""Open and Edit from the window: download in a worker, hand the file to its app, upload saves.

The rules (cache slots, the ETag precondition, save as a copy) are :mod:`r2desk.edits`; this
module adds what only the desktop has: the platform's default application, a file watcher with a
debounce (editors write a file in several steps, or replace it by a rename), and the question
when the object changed on the server meanwhile. A failed save keeps the local file and says
where it is; the file stays watched, so the next save tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from r2desk.edits import Opened, Workspace
from r2desk.errors import StorageError
from r2desk.gui.messages import one_line
from r2desk.gui.widgets import message_box

if TYPE_CHECKING:
    from r2desk.gui.tasks import TaskPool
    from r2desk.storages.meta import Meta

#: Quiet time after the last change before a save is uploaded.
DEBOUNCE_MS = 800

OVERWRITE, COPY, DISCARD, KEEP = "overwrite", "copy", "discard", "keep"


def ask_conflict(parent: QWidget | None, opened: Opened, current_missing: bool) -> str:
    """Overwrite / Save as a copy / Discard / Keep editing: the user's choice after a conflict."""
    box = message_box(parent, QMessageBox.Icon.Warning, "", "")
    box.setWindowTitle(box.tr("Changed on the server"))
    what = (
        box.tr("“{0}” was deleted on the server since you opened it.")
        if current_missing
        else box.tr("“{0}” was changed on the server since you opened it.")
    )
    keep = box.tr("Your edit is kept in {0}. Replace the server's version with yours?")
    box.setText(what.format(opened.key) + "\n\n" + keep.format(opened.path))
    buttons = {
        box.addButton(box.tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole): OVERWRITE,
        box.addButton(box.tr("Save as a copy"), QMessageBox.ButtonRole.AcceptRole): COPY,
        box.addButton(box.tr("Discard my edit"), QMessageBox.ButtonRole.RejectRole): DISCARD,
        box.addButton(box.tr("Keep editing"), QMessageBox.ButtonRole.NoRole): KEEP,
    }
    box.setDefaultButton(next(b for b, v in buttons.items() if v == COPY))
    box.exec()
    clicked = box.clickedButton()
    return next((v for b, v in buttons.items() if b is clicked), KEEP)


@dataclass
class _Watched:
    element: Meta
    opened: Opened
    timer: QTimer
    saving: bool = False
    again: bool = False  # a change arrived while a save was running
    errors: list[str] = field(default_factory=list)


class EditSessions(QObject):
    """Every object being opened or edited from this window."""

    status = Signal(str)  # a line for the status bar
    count_changed = Signal(int)  # files being edited
    failed = Signal(object)  # an exception to show

    def __init__(
        self, pool: TaskPool, workspace: Workspace | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.workspace = workspace or Workspace()
        self.parent_widget = parent
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._dir_changed)
        self.editing: dict[str, _Watched] = {}  # local path -> session
        #: Opens a local file with its application (tests replace it).
        self.launch: Callable[[str], bool] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(path)
        )
        #: Asks what to do after a conflict (tests script it).
        self.ask: Callable[[Opened, bool], str] = lambda opened, missing: ask_conflict(
            self.parent_widget, opened, missing
        )

    # ---------------------------------------------------------------- open
    def open(self, element: Meta, key: str, *, edit: bool = False) -> None:
        name = key.rsplit("/", 1)[-1]
        self.status.emit(self.tr("Opening {0}…").format(name))

        def opened(result: Opened) -> None:
            if edit:
                self._watch(element, result)
            if not self.launch(result.path):
                self.status.emit(
                    self.tr("No application opens {0}; it is in {1}").format(name, result.path)
                )
            else:
                self.status.emit(self.tr("Opened {0}").format(name))

        workspace = self.workspace
        keep = set(self.editing)

        def open_and_trim() -> Opened:
            result = workspace.open(element, key, edit=edit)
            # The cache stays within its size: the oldest copies go, never one being edited,
            # one with a save not yet uploaded, or the one just opened.
            workspace.trim(keep | {result.path})
            return result

        self.pool.submit(
            open_and_trim,
            on_result=opened,
            on_error=self.failed.emit,
            owner=self,
        )

    def set_workspace(self, workspace: Workspace) -> None:
        """A new cache folder or size (Preferences): files being edited keep their copies;
        the new bound is applied at once, in a worker."""
        self.workspace = workspace
        keep = set(self.editing)
        self.pool.submit(workspace.trim, keep, on_error=self.failed.emit, owner=self)

    @property
    def paths(self) -> list[str]:
        return sorted(self.editing)

    def stop_watching(self, path: str) -> None:
        session = self.editing.pop(path, None)
        if session is None:
            return
        session.timer.stop()
        self.watcher.removePath(path)
        folder = str(Path(path).parent)
        if folder in self.watcher.directories():
            self.watcher.removePath(folder)
        self.count_changed.emit(len(self.editing))

    # ---------------------------------------------------------------- watching
    def _watch(self, element: Meta, opened: Opened) -> None:
        if opened.path in self.editing:
            self.editing[opened.path].opened = opened
            return
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(DEBOUNCE_MS)
        timer.timeout.connect(lambda p=opened.path: self._save(p))
        self.editing[opened.path] = _Watched(element, opened, timer)
        # The folder too: an editor that saves by writing a new file and renaming it over the
        # old one ends the file's watch; the folder's change puts it back.
        self.watcher.addPath(opened.path)
        self.watcher.addPath(str(Path(opened.path).parent))
        self.count_changed.emit(len(self.editing))

    def _changed(self, path: str) -> None:
        session = self.editing.get(path)
        if session is None:
            return
        if path not in self.watcher.files() and Path(path).exists():
            self.watcher.addPath(path)
        session.timer.start()

    def _dir_changed(self, folder: str) -> None:
        for path, _session in list(self.editing.items()):
            if str(Path(path).parent) == folder:
                self._changed(path)

    # ---------------------------------------------------------------- saving
    def _save(self, path: str, *, overwrite: bool = False) -> None:
        session = self.editing.get(path)
        if session is None or (not session.opened.changed() and not overwrite):
            return
        if session.saving:
            session.again = True
            return
        session.saving = True
        name = session.opened.key.rsplit("/", 1)[-1]
        self.status.emit(self.tr("Saving {0}…").format(name))

        def done(_result: object) -> None:
            session.saving = False
            self.status.emit(self.tr("Saved {0} to the bucket").format(name))
            if session.again:
                session.again = False
                self._save(path)

        def bad(exc: BaseException) -> None:
            session.saving = False
            if isinstance(exc, StorageError) and exc.code == "precondition_failed":
                self._conflict(path, session, "deleted on the server" in exc.detail)
                return
            session.errors.append(one_line(exc))
            self.status.emit(
                self.tr("Could not save {0}: {1}. Your edit is kept in {2}").format(
                    name, one_line(exc), path
                )
            )

        self.pool.submit(
            self.workspace.save,
            session.element,
            session.opened,
            overwrite=overwrite,
            on_result=done,
            on_error=bad,
            owner=self,
        )

    def _conflict(self, path: str, session: _Watched, missing: bool) -> None:
        choice = self.ask(session.opened, missing)
        if choice == OVERWRITE:
            self._save(path, overwrite=True)
        elif choice == COPY:
            self.stop_watching(path)

            def copied(copy: Opened) -> None:
                self._watch(session.element, copy)
                self.status.emit(self.tr("Saved your edit as {0}").format(copy.key))

            self.pool.submit(
                self.workspace.save_copy,
                session.element,
                session.opened,
                on_result=copied,
                on_error=self.failed.emit,
                owner=self,
            )
        elif choice == DISCARD:
            self.stop_watching(path)
            self.workspace.discard(session.opened)
            self.status.emit(self.tr("Discarded your edit of {0}").format(session.opened.key))
        else:
            self.status.emit(self.tr("Not saved: your edit is kept in {0}").format(path))
