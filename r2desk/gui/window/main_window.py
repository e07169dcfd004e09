"""``MainWindow``: connections on the left, the object browser in the middle, preview on the right,
the transfer queue docked below.

The window only assembles its parts and wires them: ``WindowState`` (what is open and
selected), ``WindowActions`` (actions, menus, shortcuts), ``Sidebar`` (connections),
``Browser`` (the listing) and ``ObjectCommands`` (what the actions do). Every request goes
through the app's ``TaskPool``. Questions to the user go through ``self.prompts`` and errors
through ``self.errors`` (one place for both), so the flows are the same in tests and in use.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QToolBar,
    QWidget,
)

from r2desk.gui.buckets.storage_class import StorageClassActions
from r2desk.gui.messages import ErrorBridge
from r2desk.gui.objects.model import ObjectTableModel
from r2desk.gui.preferences.hook import PreferencesActions
from r2desk.gui.prompts import Prompts
from r2desk.gui.settings import VIEW_ICONS, Settings
from r2desk.gui.sync.hook import SyncActions
from r2desk.gui.transfers.model import TransferQueue
from r2desk.gui.transfers.panel import TransferPanel
from r2desk.gui.widgets import ElidedLabel, app_icon, plain_label
from r2desk.gui.window.about import AboutDialog, ReadmeDialog
from r2desk.gui.window.actions import WindowActions, on
from r2desk.gui.window.browser import Browser
from r2desk.gui.window.clipboard import ClipboardActions
from r2desk.gui.window.commands import ObjectCommands
from r2desk.gui.window.dragout import DragOut
from r2desk.gui.window.files import FileActions
from r2desk.gui.window.opening import Opening
from r2desk.gui.window.places import Places
from r2desk.gui.window.sidebar import Sidebar
from r2desk.gui.window.state import WindowState
from r2desk.transfers.queue import DEFAULT_CONCURRENCY

if TYPE_CHECKING:
    from r2desk.elements import App
    from r2desk.gui.objects.dialogs import PropertiesDialog
    from r2desk.gui.tasks import Task, TaskPool
    from r2desk.storages.meta import Meta


def demo_command() -> tuple[str, list[str]]:
    """How to start this same r2desk on the demo (an installed build is its own executable)."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "r2desk.cli", "--demo"]


class MainWindow(QMainWindow):
    """The browser window on one App (a folder of storage elements)."""

    def __init__(
        self,
        app: App,
        pool: TaskPool,
        parent: QWidget | None = None,
        *,
        offer_keyring_moves: bool = True,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.pool = pool
        self.settings = settings if settings is not None else Settings()
        self.setWindowTitle(self.tr("r2desk"))
        self.setWindowIcon(app_icon())
        self.setAccessibleName(self.tr("r2desk main window"))
        self.errors = ErrorBridge(self)
        self.errors.status = self.show_status
        self._prompts = Prompts(self, self.settings)
        #: Offer to move a plaintext secret into the keyring when an element opens (not in the
        #: demo, whose throwaway credentials live in a temporary folder).
        self.offer_keyring_moves = offer_keyring_moves
        self.state = WindowState(self)
        #: The transfer queue has had its first size (from the saved layout, or on first use).
        self._dock_sized = False
        self.model = ObjectTableModel(pool, self)
        self.queue = TransferQueue(
            pool, self, concurrency=self.settings.concurrency(DEFAULT_CONCURRENCY)
        )
        self.acts = WindowActions(self, self.state)
        self.sidebar = Sidebar(app, pool, self.acts, self.errors, self._prompts, self)
        self.browser = Browser(pool, self.model, self.state, self.acts, self.errors, self)
        self._build_ui()
        self.commands = ObjectCommands(
            pool,
            self.state,
            self.browser,
            self.queue,
            self.acts,
            self.errors,
            self._prompts,
            show_transfers=self.show_transfers,
            parent=self,
        )
        self.files = FileActions(self, self)
        self.clipboard = ClipboardActions(self, self)
        self.places = Places(self, self)
        self.drag_out = DragOut(self, self)
        self.sync = SyncActions(self, self, self.sidebar)
        self.storage_class = StorageClassActions(self, self)
        self.acts.storage_class_menu = self.storage_class.menu
        self.preferences = PreferencesActions(self, self)
        self._help_menu_last()
        self._connect()
        self._restore()
        self.opening = Opening(self, self)
        # The connections are read in the pool once the first frame is on screen.
        self.opening.after_first_paint(
            lambda: self.sidebar.reload_elements(select=self.settings.last_element())
        )
        self.clipboard.offer_unfinished_moves()

    # -- building -----------------------------------------------------------------------------

    def _build_ui(self) -> None:
        b = self.browser
        #: The browser's widgets, by the names the window has always had.
        self.view, self.path_bar, self.filter_edit, self.preview = (
            b.view,
            b.path_bar,
            b.filter_edit,
            b.preview,
        )
        self.count_label, self.state_label = b.count_label, b.state_label
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(b)
        self.splitter.addWidget(b.preview)
        # Resizing the window mostly resizes the list; the sidebar keeps its width.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.transfers = TransferPanel(self.queue, self)
        self.transfer_dock = QDockWidget(self.tr("Transfers"), self)
        self.transfer_dock.setObjectName("transfers")
        self.transfer_dock.setAccessibleName(self.tr("Transfers dock"))
        self.transfer_dock.setWidget(self.transfers)
        self.transfer_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.transfer_dock)
        # Hidden until the first transfer (unless the saved layout shows it); then it starts
        # small and keeps the size the user gives it (saved with the window state).
        self.transfer_dock.hide()

        a = self.acts
        tb = QToolBar(self.tr("Navigation"), self)
        tb.setObjectName("navigation")
        tb.setAccessibleName(self.tr("Navigation toolbar"))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (a.act_back, a.act_forward, a.act_up, a.act_refresh):
            tb.addAction(act)
        tb.addSeparator()
        for act in (a.act_new_folder, a.act_upload_files, a.act_download):
            tb.addAction(act)
        self.addToolBar(tb)
        self.toolbar = tb
        self._build_status_bar()
        transfers_toggle = self.transfer_dock.toggleViewAction()
        a.install(b.views, transfers_toggle)  # the table's and the grid's shortcuts
        a.build_menus(self.menuBar(), transfers_toggle)
        self._add_transfers_menu()

    def _help_menu_last(self) -> None:
        """Help stays the last menu whatever the parts added after it."""
        mb = self.menuBar()
        for action in mb.actions():
            if action.text().replace("&", "") == "Help":
                mb.removeAction(action)
                mb.addAction(action)

    def _add_transfers_menu(self) -> None:
        """The queue's commands (with their shortcuts) in a Transfers menu, before Help."""
        mb = self.menuBar()
        menu = self.transfers.fill_menu(QMenu(self.tr("&Transfers"), mb))
        menu.setObjectName("transfers_menu")
        help_menu = next(
            (m for m in mb.actions() if m.menu() and m.menu().objectName() == "help_menu"), None
        )
        if help_menu is not None:
            mb.insertMenu(help_menu, menu)
        else:
            mb.addMenu(menu)
        self.transfers_menu = menu

    def _build_status_bar(self) -> None:
        """Message | counts | selection | transfers | connection state."""
        sb = self.statusBar()
        self.message_label = ElidedLabel(sb)
        self.message_label.setAccessibleName(self.tr("Status message"))
        sb.addWidget(self.message_label, 1)
        self.message_label.clicked.connect(self.show_full_status)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.message_label.set_full_text(""))
        self.transfer_bar = QProgressBar(sb)
        self.transfer_bar.setRange(0, 1000)
        self.transfer_bar.setMaximumWidth(160)
        self.transfer_bar.setAccessibleName(self.tr("Total transfer progress"))
        self.transfer_bar.setToolTip(self.tr("Progress of all queued and running transfers"))
        self.transfer_bar.setTextVisible(False)
        self.transfer_label = plain_label(sb)
        self.transfer_label.setAccessibleName(self.tr("Transfers summary"))
        for w in (
            self.browser.count_label,
            self.browser.selection_label,
            self.transfer_label,
            self.transfer_bar,
            self.browser.state_label,
        ):
            sb.addPermanentWidget(w)
        self.transfer_bar.hide()
        self.transfer_label.hide()

    def _connect(self) -> None:
        on(self.acts.act_quit, self.close)
        on(self.acts.act_about, self.show_about)
        on(self.acts.act_readme, self.show_readme)
        self.sidebar.element_chosen.connect(self.places.choose)  # where it was left
        self.sidebar.activated.connect(self.browser.views.focus)
        self.browser.welcome.open_demo.connect(self.open_demo)
        self.view.files_dropped.connect(self.commands.upload_paths)
        self.view.keys_dropped.connect(self.commands.move_into)
        self.view.drag_mime = self.drag_out.mime_for
        self.sidebar.list.objects_dropped.connect(self.clipboard.drop_objects)
        self.state.prefix_changed.connect(self._update_title)
        self.queue.job_failed.connect(lambda job: self.errors.message(job.error))
        self.queue.crashed.connect(self.errors.crash)
        self.queue.totals_changed.connect(self._totals_changed)
        self.queue.concurrency_changed.connect(self.settings.set_concurrency)
        self.transfers.confirm = lambda *q: self.prompts.confirm(*q)
        self.transfers.reveal_requested.connect(self._reveal_transfer)
        self.acts.update()

    def _reveal_transfer(self, element: Meta, key: str) -> None:
        """A finished transfer's object, shown in the listing (when its connection is open)."""
        if element is self.state.element:
            self.files.reveal(key)
        else:
            self.show_status(
                self.tr("{0} is in {1}: open that connection to see it.").format(key, element.title)
            )

    # -- what tests and scripts use -----------------------------------------------------------

    @property
    def prompts(self) -> Prompts:
        return self._prompts

    @prompts.setter
    def prompts(self, prompts: Prompts) -> None:
        """Replace the questions (tests script them) for every part that asks."""
        self._prompts = prompts
        self.sidebar.prompts = prompts
        self.commands.prompts = prompts

    @property
    def element(self) -> Meta | None:
        return self.state.element

    @property
    def prefix(self) -> str:
        return self.browser.prefix

    @property
    def properties_dialog(self) -> PropertiesDialog | None:
        return self.commands.properties_dialog

    def reload_elements(self, select: str = "") -> None:
        self.sidebar.reload_elements(select)

    def current_element_name(self) -> str:
        return self.sidebar.current_element_name()

    def navigate(self, prefix: str) -> None:
        self.browser.navigate(prefix)

    def go_back(self) -> None:
        self.browser.go_back()

    def go_forward(self) -> None:
        self.browser.go_forward()

    def go_up(self) -> None:
        self.browser.go_up()

    def refresh(self) -> None:
        self.browser.refresh()

    def upload_paths(self, paths: list[Path], prefix: str) -> Task | None:
        """Plan in a worker, then queue (see ObjectCommands.upload_paths)."""
        return self.commands.upload_paths(paths, prefix)

    def download(self) -> None:
        self.commands.download()

    def build_object_menu(self) -> QMenu:
        return self.browser.build_object_menu()

    # -- opening an element -------------------------------------------------------------------

    def open_element(self, name: str, prefix: str = "") -> None:
        """Browse the element's bucket, or with ``name@bucket`` another bucket of its
        connection (see ``Opening.open``: no disk on this thread, no request yet)."""
        self.opening.open(name, prefix)

    def open_demo(self) -> bool:
        """Start ``r2desk --demo`` as its own process: a throwaway session beside this one, which
        never touches this window's connections or settings."""
        program, args = demo_command()
        started = self.launch(program, args)
        if started:
            self.errors.message(self.tr("Opening the demo in a new window…"))
        else:
            self.errors.message(self.tr("The demo could not be started ({0}).").format(program))
        return started

    def show_about(self) -> AboutDialog:
        store = self.settings.file_name()
        dialog = AboutDialog(store, self.app.root, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_readme(self) -> ReadmeDialog:
        dialog = ReadmeDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    #: Starts a detached process (tests replace it).
    launch = staticmethod(lambda program, args: bool(QProcess.startDetached(program, args)[0]))

    def _update_title(self, prefix: str) -> None:
        element = self.state.element
        bucket = element.config.bucketName if element is not None else ""
        where = f"{bucket}/{prefix}" if bucket else ""
        title = element.title if element is not None else ""
        self.setWindowTitle(
            self.tr("{0} — {1} — r2desk").format(where, title) if where else self.tr("r2desk")
        )

    # -- status bar ---------------------------------------------------------------------------

    def show_status(self, text: str, timeout_ms: int = 20000) -> None:
        """A temporary status message in its own eliding label (full text in the tooltip).

        QStatusBar.showMessage paints a long message underneath the permanent widgets; a label
        in the bar's layout gets only the room that is left.
        """
        self.message_label.set_full_text(text)
        self._message_timer.start(timeout_ms)

    def show_full_status(self) -> None:
        """The whole of the latest status message (a long error is cut in the bar)."""
        text = self.message_label.full_text()
        if text:
            self.prompts.inform(self.tr("Status message"), text, warning=False)

    def _totals_changed(self, done: int, total: int, running: int, waiting: int) -> None:
        active = running + waiting
        self.transfer_bar.setVisible(bool(active))
        self.transfer_label.setVisible(bool(active))
        if active:
            self.transfer_bar.setValue(int(1000 * done / total) if total else 0)
            pct = f"{100 * done / total:.0f}%" if total else ""
            # Short: in a narrow window the status message needs the room.
            text = self.tr("{0} running").format(running)
            if waiting:
                text += self.tr(", {0} waiting").format(waiting)
            self.transfer_label.setText(f"{text} {pct}".rstrip())
            self.transfer_label.setToolTip(
                self.tr("Transfers: {0} running, {1} waiting").format(running, waiting)
            )
            self.transfer_bar.setAccessibleDescription(pct)

    # -- settings -----------------------------------------------------------------------------

    def show_transfers(self) -> None:
        """Show the queue (on the first transfer): a few rows tall, unless the user sized it."""
        if self.transfer_dock.isVisible():
            return
        self.transfer_dock.show()
        if not self._dock_sized:
            self._dock_sized = True
            rows = self.transfers.view.verticalHeader().defaultSectionSize()
            height = min(
                self.height() // 3,
                4 * rows + self.transfers.pause_button.sizeHint().height() * 2 + 24,
            )
            self.resizeDocks([self.transfer_dock], [height], Qt.Orientation.Vertical)

    def _default_size(self) -> None:
        """1200 × 760, or less on a small (or scaled) screen: never wider than the screen."""
        screen = self.screen().availableGeometry()
        width = min(1200, int(screen.width() * 0.9))
        height = min(760, int(screen.height() * 0.9))
        self.resize(width, height)

    def _restore(self) -> None:
        s = self.settings
        geometry = s.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._default_size()
        state = s.window_state()
        if state is not None:
            self.restoreState(state)
            self._dock_sized = True
        split = s.splitter()
        if split is not None:
            self.splitter.restoreState(split)
        header = s.header()
        if header is not None:
            self.view.horizontalHeader().restoreState(header)
            # A layout saved before the name column stretched would pin it again.
            self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.acts.act_byte_order.setChecked(s.byte_order())
        self.browser.thumbnails.limit = s.thumbnail_max_bytes
        icons = s.view_mode() == VIEW_ICONS
        (self.acts.act_view_icons if icons else self.acts.act_view_details).setChecked(True)
        self.acts.act_list_thumbnails.setChecked(s.list_thumbnails())
        # A narrow window gives the list the room: the preview starts hidden there (F3 shows it).
        self.acts.act_show_preview.setChecked(s.preview_shown(default=self.width() >= 900))
        if split is None:
            width = self.width()
            side = max(140, min(200, width // 7))
            preview = max(160, min(300, width // 5))
            self.splitter.setSizes([side, max(300, width - side - preview), preview])

    def save_settings(self) -> None:
        """The layout and the last element (the transfer concurrency is saved as it changes)."""
        s = self.settings
        s.set_geometry(self.saveGeometry())
        s.set_window_state(self.saveState())
        s.set_splitter(self.splitter.saveState())
        s.set_preview_shown(self.acts.act_show_preview.isChecked())
        s.set_byte_order(self.acts.act_byte_order.isChecked())
        s.set_view_mode(self.browser.views.mode)
        s.set_list_thumbnails(self.acts.act_list_thumbnails.isChecked())
        s.set_header(self.view.horizontalHeader().saveState())
        s.set_last_element(self.model.element_name)

    def closeEvent(self, event: QCloseEvent) -> None:
        busy = sum(1 for j in self.queue.jobs if not j.state.finished)
        if busy and not self.prompts.confirm(
            self.tr("Quit r2desk?"),
            self.tr("1 transfer is not finished. Quit and cancel it?")
            if busy == 1
            else self.tr("{0} transfers are not finished. Quit and cancel them?").format(busy),
            self.tr("Quit"),
        ):
            event.ignore()
            return
        self.save_settings()
        self.queue.cancel()
        event.accept()
