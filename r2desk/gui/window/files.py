"""Objects as files from the window: Open (Enter), Edit in place, Search, and "Editing N files".

Kept apart from ``main_window`` so the window only creates it: this module wires the actions to
:class:`~r2desk.gui.objects.editing.EditSessions` and the search dialog, and owns the status-bar
button that lists the files being edited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMenu, QToolButton

from r2desk.gui.objects.editing import EditSessions
from r2desk.gui.objects.model import FILE
from r2desk.gui.search.dialog import SearchDialog
from r2desk.gui.window.actions import WindowActions, on

if TYPE_CHECKING:
    from r2desk.gui.messages import ErrorBridge
    from r2desk.gui.tasks import TaskPool
    from r2desk.gui.window.browser import Browser
    from r2desk.gui.window.state import WindowState
    from r2desk.storages.meta import Meta


class Window(Protocol):
    """What this module needs of the main window (which imports it: no import back)."""

    pool: TaskPool
    acts: WindowActions
    browser: Browser
    state: WindowState
    errors: ErrorBridge

    @property
    def element(self) -> Meta | None: ...

    @property
    def prefix(self) -> str: ...

    def navigate(self, prefix: str) -> None: ...

    def show_status(self, text: str, timeout_ms: int = 20000) -> None: ...


class FileActions(QObject):
    """What Open, Edit and Search do in one window."""

    def __init__(self, window: Window, main: QMainWindow) -> None:
        super().__init__(main)
        self.window = window
        self.main = main
        self.edits = EditSessions(window.pool, parent=main)
        self.search_dialog: SearchDialog | None = None
        acts = window.acts
        on(acts.act_edit, self.edit_current)
        on(acts.act_search, self.search)
        window.browser.file_activated.connect(self.open_current)
        self.edits.status.connect(window.show_status)
        self.edits.failed.connect(window.errors.error)

        self.editing_button = QToolButton(main.statusBar())
        self.editing_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.editing_button.setAccessibleName(self.tr("Files being edited"))
        self.editing_button.setToolTip(
            self.tr("Files open for editing: each save is uploaded. Click to stop watching one.")
        )
        self.editing_menu = QMenu(self.editing_button)
        self.editing_button.setMenu(self.editing_menu)
        self.editing_menu.aboutToShow.connect(self._fill_menu)
        main.statusBar().addPermanentWidget(self.editing_button)
        self.editing_button.hide()
        self.edits.count_changed.connect(self._count_changed)

    def _current_file(self) -> str | None:
        rows = self.window.state.selection
        if len(rows) == 1 and rows[0].kind == FILE:
            return rows[0].key
        return None

    def open_current(self) -> None:
        key, element = self._current_file(), self.window.element
        if key is not None and element is not None:
            self.edits.open(element, key)

    def edit_current(self) -> None:
        key, element = self._current_file(), self.window.element
        if key is not None and element is not None:
            self.edits.open(element, key, edit=True)

    def search(self) -> None:
        element = self.window.element
        if element is None:
            return
        if self.search_dialog is not None:
            self.search_dialog.close()
            self.search_dialog.deleteLater()
        dialog = SearchDialog(self.window.pool, element, self.window.prefix, self.main)
        dialog.reveal.connect(self.reveal)
        self.search_dialog = dialog
        dialog.show()
        dialog.pattern.setFocus()

    def reveal(self, key: str) -> None:
        """Show ``key`` in the listing: go to its folder, put the cursor on it once listed."""
        folder = key.rpartition("/")[0]
        self.window.navigate(folder + "/" if folder else "")
        self.window.browser.select_when_listed(key)

    def _count_changed(self, count: int) -> None:
        self.editing_button.setVisible(count > 0)
        self.editing_button.setText(
            self.tr("Editing 1 file") if count == 1 else self.tr("Editing {0} files").format(count)
        )

    def _fill_menu(self) -> None:
        self.editing_menu.clear()
        for path in self.edits.paths:
            key = self.edits.editing[path].opened.key
            act = self.editing_menu.addAction(self.tr("Stop watching {0}").format(key))
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.edits.stop_watching(p))
        if not self.edits.paths:
            self.editing_menu.addAction(self.tr("No files are being edited")).setEnabled(False)
