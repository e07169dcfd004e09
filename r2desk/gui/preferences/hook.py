"""Edit → Preferences… in the window, and the one place the preferences reach the running app.

``apply`` runs when the window is built (the saved choices, restored) and after OK or Apply:
the bandwidth limits and the part limit change in the engine at once, running transfers
included; the cache's new folder and size reach the Open/Edit workspace (trimmed in a worker);
Ctrl+Shift+C's expiry shows in its menu text. The language waits for the next start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from r2desk.edits import Workspace
from r2desk.formatting import expiry_words
from r2desk.gui.preferences.dialog import PreferencesDialog
from r2desk.gui.preferences.values import Prefs
from r2desk.gui.window.actions import WindowActions, on
from r2desk.transfers.bandwidth import set_limits
from r2desk.transfers.pool import set_part_limit

if TYPE_CHECKING:
    from r2desk.gui.objects.editing import EditSessions
    from r2desk.gui.settings import Settings
    from r2desk.gui.transfers.model import TransferQueue
    from r2desk.gui.transfers.panel import TransferPanel
    from r2desk.gui.window.commands import ObjectCommands


class _Files(Protocol):
    edits: EditSessions


class _Views(Protocol):
    def request_visible(self) -> None: ...


class _Browser(Protocol):
    @property
    def views(self) -> _Views: ...


class Window(Protocol):
    """What this module needs of the main window (which imports it: no import back)."""

    settings: Settings
    acts: WindowActions
    queue: TransferQueue
    transfers: TransferPanel
    commands: ObjectCommands

    @property
    def files(self) -> _Files: ...

    @property
    def browser(self) -> _Browser: ...


def preferences_shortcuts() -> list[QKeySequence]:
    """The platform's Preferences keys, else Ctrl+, (Linux and Windows have none)."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    return keys or [QKeySequence("Ctrl+,")]


class PreferencesActions(QObject):
    """The Preferences action, its dialog, and applying what it holds."""

    def __init__(self, window: Window, main: QMainWindow) -> None:
        super().__init__(main)
        self.window = window
        self.main = main
        self.dialog: PreferencesDialog | None = None
        self.action = QAction(self.tr("Pre&ferences…"), main)
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.setShortcuts(preferences_shortcuts())
        keys = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = self.tr("Transfers, bandwidth, cache, links, deleting and language ({0})")
        self.action.setToolTip(tip.format(keys))
        self.action.setStatusTip(tip.format(keys))
        main.addAction(self.action)
        on(self.action, self.show)
        edit = main.menuBar().findChild(QMenu, "edit_menu")
        if edit is not None:
            edit.addSeparator()
            edit.addAction(self.action)
        self.apply(Prefs.load(window.settings))

    def show(self) -> PreferencesDialog:
        """The dialog (one at a time; a second Ctrl+, brings the open one forward)."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = PreferencesDialog(self.window.settings, self.main)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self.apply)
        dialog.destroyed.connect(self._closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self) -> None:
        self.dialog = None

    def apply(self, p: Prefs) -> None:
        w = self.window
        w.queue.set_concurrency(p.concurrency)
        set_part_limit(p.part_concurrency)
        set_limits(upload=p.upload_limit, download=p.download_limit)
        w.transfers.show_limits(p.upload_limit, p.download_limit)
        c = w.commands
        c.default_expiry = p.url_expiry
        c.confirm_delete = p.confirm_delete
        c.conflicts.policy = p.upload_conflicts
        words = expiry_words(p.url_expiry)
        act = w.acts.act_signed_default
        act.setText(self.tr("Copy si&gned URL ({0})").format(words))
        tip = self.tr("Copy a link valid for {0} (Ctrl+Shift+C)").format(words)
        act.setToolTip(tip)
        act.setStatusTip(tip)
        edits = w.files.edits
        workspace = Workspace(
            Path(p.cache_folder) if p.cache_folder else None, limit=p.cache_max_bytes
        )
        if (workspace.root, workspace.limit) != (edits.workspace.root, edits.workspace.limit):
            edits.set_workspace(workspace)
        # The thumbnail size limit (read from the settings): the items on screen look again.
        w.browser.views.request_visible()
