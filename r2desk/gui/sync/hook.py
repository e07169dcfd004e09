"""The window's one hook for sync: a "Sync" menu (Synchronize…, Compare…) and the saved pairs
under the connections. The window creates it; nothing here reaches into the window's parts
beyond what ``Window`` declares."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from r2desk.gui.sync.pairs import SavedPairs

if TYPE_CHECKING:
    from r2desk.elements import App
    from r2desk.gui.sync.dialog import SyncDialog
    from r2desk.gui.tasks import TaskPool
    from r2desk.storages.meta import Meta


class Window(Protocol):
    app: App
    pool: TaskPool

    @property
    def element(self) -> Meta | None: ...

    @property
    def prefix(self) -> str: ...

    def refresh(self) -> None: ...


class SyncActions(QObject):
    def __init__(self, window: Window, main: QMainWindow, sidebar: QWidget) -> None:
        super().__init__(main)
        self.window, self.main = window, main
        self.dialog: SyncDialog | None = None
        self.act_sync = QAction(self.tr("S&ynchronize…"), main)
        self.act_sync.setToolTip(
            self.tr("Sync a local folder and a bucket prefix, or two prefixes")
        )
        self.act_compare = QAction(self.tr("&Compare…"), main)
        self.act_compare.setToolTip(self.tr("Show what differs between two places; change nothing"))
        mb = main.menuBar()
        menu = QMenu(self.tr("&Sync"), mb)
        help_menu = next(
            (a for a in mb.actions() if a.menu() and a.menu().objectName() == "help_menu"), None
        )
        if help_menu is not None:  # Help stays the last menu
            mb.insertMenu(help_menu, menu)
        else:
            mb.addMenu(menu)
        menu.setToolTipsVisible(True)
        menu.addAction(self.act_sync)
        menu.addAction(self.act_compare)
        self.act_sync.triggered.connect(lambda: self.open())
        self.act_compare.triggered.connect(lambda: self.open(compare_only=True))
        self.pairs = SavedPairs(window.pool, sidebar)
        layout = sidebar.layout()
        if layout is not None:
            layout.addWidget(self.pairs)
        self.pairs.chosen.connect(self._rerun)
        self.pairs.hide()
        self.pairs.reload()

    def _here(self) -> str:
        el = self.window.element
        if el is None:
            return ""
        return f"{el.name}@{el.config.bucketName}:{self.window.prefix}"

    def open(
        self,
        source: str = "",
        target: str | None = None,
        *,
        compare_only: bool = False,
        options: dict[str, object] | None = None,
    ) -> SyncDialog:
        # Imported when first opened: the dialog brings the sync engine and the wire layer,
        # which the window's first paint does not need.
        from r2desk.gui.sync.dialog import SyncDialog

        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        dialog = SyncDialog(
            self.window.app,
            self.window.pool,
            self.main,
            source=source,
            target=self._here() if target is None else target,
            compare_only=compare_only,
            options=options,
        )
        dialog.finished_run.connect(self._ran)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _rerun(self, source: str, target: str, options: object) -> None:
        dialog = self.open(source, target, options=options if isinstance(options, dict) else None)
        dialog.start_compare()

    def _ran(self, _report: object) -> None:
        self.pairs.reload()
        self.window.refresh()
