"""``MainWindow``: connections on the left, the object browser in the middle, preview on the right,
the transfer queue docked below.

Every request goes through the app's ``TaskPool``; handlers here only update widgets with what
the tasks report. Questions to the user go through ``self.prompts`` and errors through
``self.errors`` (one place for both), so the flows are the same in tests and in use.
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from r2desk.elements import App
from r2desk.errors import StorageError
from r2desk.formatting import expiry_words, human_size
from r2desk.gui.dialogs import PropertiesDialog
from r2desk.gui.errors import ErrorBridge, one_line
from r2desk.gui.object_model import FILE, FOLDER, ObjectTableModel, Row, file_row, folder_row
from r2desk.gui.object_view import ObjectView
from r2desk.gui.operations import (
    count_under,
    delete_selection,
    move_conflicts,
    move_keys,
    plan_download,
    plan_drop,
    rename_target,
)
from r2desk.gui.path_bar import PathBar
from r2desk.gui.preview_pane import PreviewPane
from r2desk.gui.prompts import Prompts
from r2desk.gui.tasks import TaskPool
from r2desk.gui.transfer_queue import (
    DEFAULT_CONCURRENCY,
    DOWNLOAD,
    UPLOAD,
    TransferJob,
    TransferPanel,
    TransferQueue,
)

#: The expiry submenu of "Copy signed URL" (seconds); "Custom…" asks for up to 7 days.
EXPIRIES = (300, 3600, 86400, 604800)
RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "icons"


def app_icon() -> QIcon:
    """The r2desk icon from the source tree or the installed theme."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        path = RESOURCES / "hicolor" / f"{size}x{size}" / "apps" / "r2desk.png"
        if path.exists():
            icon.addFile(str(path))
    return icon if not icon.isNull() else QIcon.fromTheme("r2desk")


def _connection_dialog_available() -> bool:
    return importlib.util.find_spec("r2desk.gui.connection_dialog") is not None


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

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        self.setText(shown)
        self.setToolTip(self._full if shown != self._full else "Latest status message")


class MainWindow(QMainWindow):
    """The browser window on one App (a folder of storage elements)."""

    def __init__(
        self,
        app: App,
        pool: TaskPool,
        parent: QWidget | None = None,
        *,
        offer_keyring_moves: bool = True,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.pool = pool
        self.settings = QSettings()
        self.setWindowTitle("r2desk")
        self.setWindowIcon(app_icon())
        self.setAccessibleName("r2desk main window")
        self.errors = ErrorBridge(self)
        self.errors.status = self.show_status
        self.prompts = Prompts(self)
        self.element: Any = None
        #: Offer to move a plaintext secret into the keyring when an element opens (not in the
        #: demo, whose throwaway credentials live in a temporary folder).
        self.offer_keyring_moves = offer_keyring_moves
        self.back_stack: list[tuple[str, str]] = []
        self.forward_stack: list[tuple[str, str]] = []
        self.properties_dialog: PropertiesDialog | None = None
        self.model = ObjectTableModel(pool, self)
        concurrency = self.settings.value("transfers/concurrency", DEFAULT_CONCURRENCY, int)
        self.queue = TransferQueue(pool, self, concurrency=int(concurrency))
        self._build_actions()
        self._build_ui()
        self._build_menus()
        self._connect()
        self._restore()
        self.reload_elements(select=str(self.settings.value("browser/element", "") or ""))

    # ------------------------------------------------------------------------------ building

    def _action(
        self,
        text: str,
        tip: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
        *,
        view_only: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            if view_only:
                # Del in the filter box must delete text, not objects.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: slot())
        return action

    def _build_actions(self) -> None:
        SP = QStyle.StandardPixmap
        K = QKeySequence.StandardKey
        a = self._action
        self.act_back = a("&Back", "Go back (Alt+Left)", self.go_back, K.Back, SP.SP_ArrowBack)
        self.act_forward = a(
            "&Forward", "Go forward (Alt+Right)", self.go_forward, K.Forward, SP.SP_ArrowForward
        )
        self.act_up = a(
            "&Up",
            "Go to the parent folder (Backspace, Alt+Up)",
            self.go_up,
            "Alt+Up",
            SP.SP_ArrowUp,
        )
        self.act_refresh = a(
            "&Refresh", "List this folder again (F5)", self.refresh, K.Refresh, SP.SP_BrowserReload
        )
        self.act_path = a("Edit &path", "Type a path (Ctrl+L)", self.edit_path, "Ctrl+L")
        self.act_filter = a(
            "&Filter", "Filter the listing by name (Ctrl+F)", self.focus_filter, K.Find
        )
        self.act_new_folder = a(
            "&New folder…",
            "Create a folder here (Ctrl+Shift+N)",
            self.new_folder,
            "Ctrl+Shift+N",
            SP.SP_FileDialogNewFolder,
        )
        self.act_upload_files = a(
            "Upload &files…",
            "Choose files to upload here (Ctrl+U)",
            self.upload_files,
            "Ctrl+U",
            SP.SP_ArrowUp,
        )
        self.act_upload_folder = a(
            "Upload f&older…",
            "Choose a folder to upload here, with its sub-folders",
            self.upload_folder,
            "Ctrl+Shift+U",
        )
        self.act_download = a(
            "&Download…",
            "Download the selected files and folders (Ctrl+D)",
            self.download,
            "Ctrl+D",
            SP.SP_ArrowDown,
            view_only=True,
        )
        self.act_open = a("&Open", "Open the folder (Enter)", self.open_current)
        self.act_rename = a(
            "Rena&me / Move…",
            "Rename or move the selected object or folder (F2)",
            self.rename,
            "F2",
            view_only=True,
        )
        self.act_delete = a(
            "De&lete…",
            "Delete the selected objects and folders (Del)",
            self.delete_selected,
            K.Delete,
            SP.SP_TrashIcon,
            view_only=True,
        )
        self.act_properties = a(
            "Proper&ties…",
            "Show and edit the object's properties (Alt+Enter)",
            self.show_properties,
            "Alt+Return",
            SP.SP_FileDialogInfoView,
            view_only=True,
        )
        self.act_public_url = a(
            "Copy p&ublic URL",
            "Copy the public URL (needs the connection's public base URL)",
            self.copy_public_url,
            "Ctrl+Shift+P",
            view_only=True,
        )
        self.act_signed_default = a(
            "Copy si&gned URL (1 hour)",
            "Copy a link valid for 1 hour (Ctrl+Shift+C)",
            lambda: self.copy_signed_url(3600),
            "Ctrl+Shift+C",
            view_only=True,
        )
        self.signed_menu = QMenu("Copy si&gned URL", self)
        self.signed_menu.setToolTip("Copy a presigned link that works without credentials")
        self.signed_menu.setToolTipsVisible(True)
        self.signed_actions: dict[int, QAction] = {}
        for seconds in EXPIRIES:
            act = a(
                f"Valid for {expiry_words(seconds)}",
                f"Copy a link that stops working after {expiry_words(seconds)}",
                lambda s=seconds: self.copy_signed_url(s),
            )
            self.signed_actions[seconds] = act
            self.signed_menu.addAction(act)
        self.act_signed_custom = a(
            "Custom…", "Choose how long the link works (at most 7 days)", self.copy_signed_custom
        )
        self.signed_menu.addAction(self.act_signed_custom)
        self.act_select_all = a(
            "Select &all",
            "Select every listed entry",
            self._select_all,
            K.SelectAll,
            view_only=True,
        )
        self.act_new_conn = a("&New connection…", "Add a storage connection", self.new_connection)
        self.act_edit_conn = a(
            "&Edit connection…", "Edit the selected connection", self.edit_connection
        )
        self.act_dup_conn = a(
            "D&uplicate connection…", "Copy the selected connection", self.duplicate_connection
        )
        self.act_del_conn = a(
            "Delete co&nnection…", "Remove the selected connection", self.delete_connection
        )
        self.act_quit = a("&Quit", "Quit r2desk (Ctrl+Q)", self.close, K.Quit)

    def _build_ui(self) -> None:
        # Sidebar: connections.
        side = QWidget(self)
        side.setAccessibleName("Connections panel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 4, 0, 4)
        title = QLabel("&Connections", side)
        side_layout.addWidget(title)
        self.sidebar = QListWidget(side)
        self.sidebar.setAccessibleName("Connections")
        self.sidebar.setToolTip("Your storage connections; choose one to browse its bucket")
        self.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        title.setBuddy(self.sidebar)
        side_layout.addWidget(self.sidebar, 1)
        conn_row = QHBoxLayout()
        self.conn_buttons: list[QToolButton] = []
        for act, label in (
            (self.act_new_conn, "New…"),
            (self.act_edit_conn, "Edit…"),
            (self.act_dup_conn, "Duplicate…"),
            (self.act_del_conn, "Delete…"),
        ):
            # Short labels; the action keeps the long text for menus, so no setDefaultAction.
            button = QToolButton(side)
            button.setText(label)
            button.setAutoRaise(True)
            button.clicked.connect(act.trigger)
            self._mirror(act, button)
            conn_row.addWidget(button)
            self.conn_buttons.append(button)
        conn_row.addStretch(1)
        side_layout.addLayout(conn_row)

        # Centre: path bar, filter, table.
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(4, 4, 4, 0)
        top = QHBoxLayout()
        self.path_bar = PathBar(centre)
        top.addWidget(self.path_bar, 1)
        self.filter_edit = QLineEdit(centre)
        self.filter_edit.setPlaceholderText("Filter (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter")
        self.filter_edit.setToolTip("Show only entries whose name contains this text")
        self.filter_edit.setMaximumWidth(240)
        top.addWidget(self.filter_edit)
        centre_layout.addLayout(top)
        self.view = ObjectView(centre)
        self.view.setModel(self.model)
        self.view.setToolTip("Objects in this folder: drop files here to upload them")
        header = self.view.horizontalHeader()
        for col, width in enumerate((360, 90, 140, 110)):
            header.resizeSection(col, width)
        centre_layout.addWidget(self.view, 1)

        self.preview = PreviewPane(self.pool, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(side)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 760, 260])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        # Transfers dock.
        self.transfers = TransferPanel(self.queue, self)
        self.transfer_dock = QDockWidget("Transfers", self)
        self.transfer_dock.setObjectName("transfers")
        self.transfer_dock.setAccessibleName("Transfers dock")
        self.transfer_dock.setWidget(self.transfers)
        self.transfer_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.transfer_dock)

        # Toolbar.
        tb = QToolBar("Navigation", self)
        tb.setObjectName("navigation")
        tb.setAccessibleName("Navigation toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.act_back, self.act_forward, self.act_up, self.act_refresh):
            tb.addAction(act)
        tb.addSeparator()
        for act in (self.act_new_folder, self.act_upload_files, self.act_download):
            tb.addAction(act)
        self.addToolBar(tb)
        self.toolbar = tb

        # Status bar: message | counts | selection | transfers | connection state.
        sb = self.statusBar()
        self.message_label = ElidedLabel(sb)
        self.message_label.setAccessibleName("Status message")
        sb.addWidget(self.message_label, 1)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.message_label.set_full_text(""))
        self.count_label = QLabel(sb)
        self.count_label.setAccessibleName("Object count")
        self.count_label.setToolTip("Entries listed in this folder")
        self.selection_label = QLabel(sb)
        self.selection_label.setAccessibleName("Selection")
        self.selection_label.setToolTip("Selected entries and their total size")
        self.transfer_bar = QProgressBar(sb)
        self.transfer_bar.setRange(0, 1000)
        self.transfer_bar.setMaximumWidth(160)
        self.transfer_bar.setAccessibleName("Total transfer progress")
        self.transfer_bar.setToolTip("Progress of all queued and running transfers")
        self.transfer_bar.setTextVisible(False)
        self.transfer_label = QLabel(sb)
        self.transfer_label.setAccessibleName("Transfers summary")
        self.state_label = QLabel("Not connected", sb)
        self.state_label.setAccessibleName("Connection state")
        self.state_label.setToolTip("State of the current connection")
        for w in (
            self.count_label,
            self.selection_label,
            self.transfer_label,
            self.transfer_bar,
            self.state_label,
        ):
            sb.addPermanentWidget(w)
        self.transfer_bar.hide()
        self.transfer_label.hide()

        # Actions whose shortcuts belong to the table only.
        for act in (
            self.act_download,
            self.act_rename,
            self.act_delete,
            self.act_properties,
            self.act_public_url,
            self.act_signed_default,
            self.act_select_all,
        ):
            self.view.addAction(act)
        for act in (
            self.act_back,
            self.act_forward,
            self.act_up,
            self.act_refresh,
            self.act_path,
            self.act_filter,
            self.act_new_folder,
            self.act_upload_files,
            self.act_upload_folder,
            self.act_quit,
        ):
            self.addAction(act)
        available = _connection_dialog_available()
        for act in (self.act_new_conn, self.act_edit_conn, self.act_dup_conn, self.act_del_conn):
            if not available:
                act.setEnabled(False)
                act.setToolTip("The connection editor is not available in this build")
        self._conn_editor = available

    @staticmethod
    def _mirror(action: QAction, button: QToolButton) -> None:
        """Keep a short-labelled button's state, tooltip and name in step with its action."""

        def sync() -> None:
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.toolTip())
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))

        action.changed.connect(sync)
        sync()

    def _build_menus(self) -> None:
        mb = self.menuBar()
        file_menu = mb.addMenu("&File")
        for act in (self.act_upload_files, self.act_upload_folder, self.act_download):
            file_menu.addAction(act)
        file_menu.addSeparator()
        for act in (self.act_new_conn, self.act_edit_conn, self.act_dup_conn, self.act_del_conn):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = mb.addMenu("&Edit")
        edit.addMenu(self.signed_menu)
        for act in (
            self.act_signed_default,
            self.act_public_url,
            None,
            self.act_rename,
            self.act_delete,
            self.act_new_folder,
            None,
            self.act_select_all,
            self.act_properties,
        ):
            edit.addSeparator() if act is None else edit.addAction(act)
        view = mb.addMenu("&View")
        view.addAction(self.act_refresh)
        view.addAction(self.act_filter)
        self.act_show_preview = QAction("&Preview pane", self, checkable=True)
        self.act_show_preview.setShortcut(QKeySequence("F3"))
        self.act_show_preview.setToolTip("Show or hide the preview pane (F3)")
        self.act_show_preview.setChecked(True)
        self.act_show_preview.toggled.connect(self.preview.setVisible)
        self.addAction(self.act_show_preview)
        view.addAction(self.act_show_preview)
        transfers_toggle = self.transfer_dock.toggleViewAction()
        transfers_toggle.setText("&Transfers")
        transfers_toggle.setShortcut(QKeySequence("Ctrl+T"))
        transfers_toggle.setToolTip("Show or hide the transfer queue (Ctrl+T)")
        self.addAction(transfers_toggle)
        view.addAction(transfers_toggle)
        go = mb.addMenu("&Go")
        for act in (self.act_back, self.act_forward, self.act_up, self.act_path):
            go.addAction(act)

    def _connect(self) -> None:
        self.sidebar.currentItemChanged.connect(self._element_chosen)
        self.sidebar.customContextMenuRequested.connect(self._sidebar_menu)
        self.sidebar.itemActivated.connect(lambda _item: self.view.setFocus())
        self.path_bar.navigate.connect(self.navigate)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.returnPressed.connect(self.view.setFocus)
        self.view.activated_row.connect(self._activate_row)
        self.view.go_up.connect(self.go_up)
        self.view.customContextMenuRequested.connect(self._object_menu)
        self.view.files_dropped.connect(self.upload_paths)
        self.view.keys_dropped.connect(self._move_into)
        self.view.url_for_drag = self._url_for_drag
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_preview())
        self.model.loading_changed.connect(self._loading_changed)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._listing_failed)
        self.model.crashed.connect(self.errors.crash)
        self.model.rowsInserted.connect(lambda *_: self._update_counts())
        self.model.rowsRemoved.connect(lambda *_: self._update_counts())
        self.model.modelReset.connect(self._update_counts)
        self.model.modelReset.connect(self._selection_changed)
        self.queue.job_finished.connect(self._transfer_done)
        self.queue.job_failed.connect(lambda job: self.errors.message(job.error))
        self.queue.crashed.connect(self.errors.crash)
        self.queue.totals_changed.connect(self._totals_changed)
        self._update_actions()

    def _run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Any:
        """Submit to the pool; failures the user asked for are shown in a dialog by default."""
        return self.pool.submit(
            fn,
            *args,
            on_result=on_result,
            on_error=on_error or (lambda exc: self.errors.error(exc, dialog=True)),
            on_crash=self.errors.crash,
            owner=self,
        )

    # ------------------------------------------------------------------------------ settings

    def _restore(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = s.value("window/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        header = s.value("browser/header")
        if isinstance(header, QByteArray):
            self.view.horizontalHeader().restoreState(header)
        self.act_show_preview.setChecked(s.value("window/preview", True, bool) in (True, "true"))
        if not isinstance(split, QByteArray):
            width = self.width()
            self.splitter.setSizes([190, max(400, width - 190 - 280), 280])

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/preview", self.act_show_preview.isChecked())
        s.setValue("browser/header", self.view.horizontalHeader().saveState())
        s.setValue("browser/element", self.model.element_name)
        s.setValue("transfers/concurrency", self.queue.concurrency)

    def closeEvent(self, event: QCloseEvent) -> None:
        busy = sum(1 for j in self.queue.jobs if not j.state.finished)
        if busy and not self.prompts.confirm(
            "Quit r2desk?",
            f"{busy} transfer{'s are' if busy != 1 else ' is'} not finished. Quit and cancel them?",
            "Quit",
        ):
            event.ignore()
            return
        self.save_settings()
        self.queue.cancel()
        event.accept()

    # ------------------------------------------------------------------------------ connections

    def reload_elements(self, select: str = "") -> None:
        """Fill the sidebar from the app folder and choose ``select`` (or the first)."""
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        chosen: QListWidgetItem | None = None
        for info in self.app.listElements():
            item = QListWidgetItem(info.title)
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            item.setToolTip(
                f"{info.name}\n{info.path}" + ("" if info.type else "\n(e.json is not valid)")
            )
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon))
            self.sidebar.addItem(item)
            if info.name == select or chosen is None:
                chosen = item
        self.sidebar.blockSignals(False)
        if chosen is not None:
            self.sidebar.setCurrentItem(chosen)
        else:
            self.open_element("")
        self._update_actions()

    def current_element_name(self) -> str:
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def _element_chosen(self, item: QListWidgetItem | None, _prev: Any = None) -> None:
        self.open_element(str(item.data(Qt.ItemDataRole.UserRole)) if item else "")

    def open_element(self, name: str, prefix: str = "") -> None:
        """Browse the element's bucket (building it reads only local files; no request yet)."""
        self.back_stack.clear()
        self.forward_stack.clear()
        if not name:
            self.element = None
            self.model.set_location(None, "")
            self.path_bar.set_location("", "")
            self._set_state("No connection: add one with New connection…")
            self._update_actions()
            return
        try:
            self.element = self.app.getElement(name)
        except StorageError as exc:
            self.element = None
            self.model.set_location(None, "")
            self.path_bar.set_location("", "")
            self._set_state("Connection not valid")
            self.errors.error(exc)
            self._update_actions()
            return
        self._set_state("Connecting…")
        self._show(prefix)
        if self.offer_keyring_moves:
            from r2desk.gui.connection_dialog import offer_keyring_migration

            offer_keyring_migration(
                self,
                self.app,
                self.pool,
                name,
                on_done=lambda moved: (
                    moved and self.errors.status("Secret moved into the keyring.")
                ),
            )

    def show_status(self, text: str, timeout_ms: int = 20000) -> None:
        """A temporary status message in its own eliding label (full text in the tooltip).

        QStatusBar.showMessage paints a long message underneath the permanent widgets; a label
        in the bar's layout gets only the room that is left.
        """
        self.message_label.set_full_text(text)
        self._message_timer.start(timeout_ms)

    def _set_state(self, text: str) -> None:
        self.state_label.setText(text)

    def _sidebar_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        for act in (self.act_new_conn, self.act_edit_conn, self.act_dup_conn, self.act_del_conn):
            menu.addAction(act)
        menu.popup(self.sidebar.viewport().mapToGlobal(pos))

    def _open_connection_dialog(self, element: str | None, duplicate: bool = False) -> None:
        from r2desk.gui.connection_dialog import ConnectionDialog  # lands with its own issue

        dialog = ConnectionDialog(self.app, self.pool, element, duplicate=duplicate, parent=self)
        dialog.saved.connect(self._connection_saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.connection_dialog = dialog

    def _connection_saved(self, name: str) -> None:
        self.app.forget(name)
        self.reload_elements(select=name)
        if name == self.current_element_name():
            self.open_element(name)

    def new_connection(self) -> None:
        self._open_connection_dialog(None)

    def edit_connection(self) -> None:
        if self.current_element_name():
            self._open_connection_dialog(self.current_element_name())

    def duplicate_connection(self) -> None:
        if self.current_element_name():
            self._open_connection_dialog(self.current_element_name(), duplicate=True)

    def delete_connection(self) -> None:
        name = self.current_element_name()
        if not name or not self.prompts.confirm(
            "Delete connection",
            f"Remove the connection {name} from this computer? Its secret is removed from the "
            "keyring; the bucket and its objects are not touched.",
            "Delete",
        ):
            return
        from r2desk.elements.store import delete_element

        def done(_result: Any) -> None:
            self.app.forget(name)
            self.errors.message(f"Connection {name} removed.")
            self.reload_elements()

        self._run(
            delete_element,
            self.app,
            name,
            on_result=done,
            on_error=lambda exc: self.errors.error(exc, dialog=True),
        )

    # ------------------------------------------------------------------------------ navigation

    @property
    def prefix(self) -> str:
        return self.model.prefix

    def _show(self, prefix: str) -> None:
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.model.set_filter("")
        self.model.set_location(self.element, prefix)
        bucket = self.element.config.bucketName if self.element is not None else ""
        self.path_bar.set_location(bucket, prefix)
        title = self.element.title if self.element is not None else ""
        where = f"{bucket}/{prefix}" if bucket else ""
        self.setWindowTitle(f"{where} — {title} — r2desk" if where else "r2desk")
        self.preview.show_row(None, None)
        self._update_actions()

    def navigate(self, prefix: str) -> None:
        """Go to ``prefix`` of the current element, remembering where we were."""
        if self.element is None:
            return
        if prefix != self.prefix:
            self.back_stack.append((self.model.element_name, self.prefix))
            self.forward_stack.clear()
        self._show(prefix)
        self.view.setFocus()

    def go_back(self) -> None:
        if self.back_stack:
            self.forward_stack.append((self.model.element_name, self.prefix))
            self._show(self.back_stack.pop()[1])

    def go_forward(self) -> None:
        if self.forward_stack:
            self.back_stack.append((self.model.element_name, self.prefix))
            self._show(self.forward_stack.pop()[1])

    def go_up(self) -> None:
        if self.prefix:
            parent = posixpath.dirname(self.prefix.rstrip("/"))
            child = self.prefix
            self.navigate(f"{parent}/" if parent else "")
            self._select_when_listed(child)

    def refresh(self) -> None:
        if self.element is not None:
            self.model.refresh()

    def edit_path(self) -> None:
        self.path_bar.start_editing()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)

    def _activate_row(self, row: int) -> None:
        entry = self.model.row_at(row)
        if entry.kind == FOLDER:
            self.navigate(entry.key)
        else:
            self.show_properties()

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._activate_row(index.row())

    def _select_when_listed(self, key: str) -> None:
        """After going up, put the cursor on the folder we came from once it is listed."""

        def try_select(*_: Any) -> None:
            row = self.model.row_for_key(key)
            if row >= 0:
                self.view.setCurrentIndex(self.model.index(row, 0))
                self.model.page_loaded.disconnect(try_select)
            elif self.model.complete:
                self.model.page_loaded.disconnect(try_select)

        self.model.page_loaded.connect(try_select)

    # ------------------------------------------------------------------------------ listing state

    def _loading_changed(self, loading: bool) -> None:
        if loading and self.model.loaded_count == 0:
            self.count_label.setText("Listing…")

    def _page_loaded(self, _count: int) -> None:
        self._set_state(
            f"Connected to {self.element.config.bucketName}" if self.element is not None else ""
        )
        self.state_label.setToolTip(
            f"{self.model.element_name}: {self.element.config.endpoint_url}"
            if self.element is not None
            else ""
        )
        self._update_counts()

    def _listing_failed(self, exc: BaseException) -> None:
        code = getattr(exc, "code", "")
        self._set_state(
            "Not connected"
            if code
            in (
                "auth_failed",
                "missing_secret",
                "unreachable",
                "timeout",
                "tls_error",
                "bucket_not_found",
            )
            else "Listing failed"
        )
        self.count_label.setText("")
        self.errors.error(exc)

    def _update_counts(self) -> None:
        rows = self.model._all
        folders = sum(1 for r in rows if r.kind == FOLDER)
        files = len(rows) - folders
        text = f"{files:,} object{'s' if files != 1 else ''}, {folders:,} folder" + (
            "s" if folders != 1 else ""
        )
        if not self.model.complete and self.element is not None:
            text += " (scroll for more)"
        if self.model.filter_text:
            text = f"{self.model.rowCount():,} shown of {text}"
        self.count_label.setText(text if self.element is not None else "")

    def _selected(self) -> list[Row]:
        return [self.model.row_at(r) for r in self.view.selected_rows()]

    def _selection_changed(self, *_: Any) -> None:
        rows = self._selected()
        if rows:
            size = sum(r.size for r in rows)
            self.selection_label.setText(f"{len(rows):,} selected, {human_size(size)}")
        else:
            self.selection_label.setText("")
        self._update_actions()

    def _update_preview(self) -> None:
        rows = self._selected()
        index = self.view.currentIndex()
        if len(rows) == 1:
            self.preview.show_row(self.element, rows[0])
        elif not rows and index.isValid():
            self.preview.show_row(self.element, self.model.row_at(index.row()))
        else:
            self.preview.show_row(None, None)

    def _update_actions(self) -> None:
        rows = self._selected()
        has_element = self.element is not None
        files = [r for r in rows if r.kind == FILE]
        self.act_back.setEnabled(bool(self.back_stack))
        self.act_forward.setEnabled(bool(self.forward_stack))
        self.act_up.setEnabled(bool(self.prefix))
        for act in (
            self.act_refresh,
            self.act_new_folder,
            self.act_upload_files,
            self.act_upload_folder,
            self.act_path,
            self.act_filter,
        ):
            act.setEnabled(has_element)
        self.act_download.setEnabled(bool(rows))
        self.act_delete.setEnabled(bool(rows))
        self.act_rename.setEnabled(len(rows) == 1)
        self.act_properties.setEnabled(len(rows) == 1 and rows[0].kind == FILE)
        self.signed_menu.setEnabled(bool(files))
        self.act_signed_default.setEnabled(bool(files))
        public = has_element and bool(getattr(self.element.config, "publicBaseUrl", ""))
        self.act_public_url.setEnabled(bool(files) and public)
        if self._conn_editor:
            has_conn = bool(self.current_element_name())
            for act in (self.act_edit_conn, self.act_dup_conn, self.act_del_conn):
                act.setEnabled(has_conn)

    def _select_all(self) -> None:
        self.view.selectAll()

    # ------------------------------------------------------------------------------ context menu

    def _object_menu(self, pos: Any) -> None:
        menu = self.build_object_menu()
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def build_object_menu(self) -> QMenu:
        """The right-click menu for the current selection (also used by tests)."""
        rows = self._selected()
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        if len(rows) == 1 and rows[0].kind == FOLDER:
            menu.addAction(self.act_open)
        if rows:
            menu.addAction(self.act_download)
            menu.addMenu(self.signed_menu)
            menu.addAction(self.act_public_url)
            menu.addSeparator()
            menu.addAction(self.act_rename)
            menu.addAction(self.act_delete)
            menu.addSeparator()
        menu.addAction(self.act_new_folder)
        menu.addAction(self.act_upload_files)
        menu.addAction(self.act_upload_folder)
        menu.addSeparator()
        if rows:
            menu.addAction(self.act_properties)
        menu.addAction(self.act_refresh)
        return menu

    # ------------------------------------------------------------------------------ URLs

    def _selected_file_keys(self) -> list[str]:
        return [r.key for r in self._selected() if r.kind == FILE]

    def copy_signed_url(self, seconds: int) -> None:
        """Presign in a worker (first use may read the keyring), then fill the clipboard."""
        keys = self._selected_file_keys()
        element = self.element
        if not keys or element is None:
            self.errors.message("Select one or more files to copy signed URLs.")
            return

        def sign() -> list[str]:
            return [element.getSignUrl(k, None, seconds) for k in keys]

        def done(urls: list[str]) -> None:
            QGuiApplication.clipboard().setText("\n".join(urls))
            until = (_dt.datetime.now() + _dt.timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M")
            what = "Signed URL" if len(urls) == 1 else f"{len(urls)} signed URLs"
            self.errors.message(
                f"{what} copied to the clipboard; valid until {until} ({expiry_words(seconds)})."
            )

        self._run(
            sign,
            on_result=done,
        )

    def copy_signed_custom(self) -> None:
        if not self._selected_file_keys():
            return
        seconds = self.prompts.expiry()
        if seconds:
            self.copy_signed_url(seconds)

    def copy_public_url(self) -> None:
        keys = self._selected_file_keys()
        if not keys or self.element is None:
            return
        try:
            urls = [self.element.getPublicUrl(k) for k in keys]
        except StorageError as exc:
            self.errors.error(exc, dialog=True)
            return
        QGuiApplication.clipboard().setText("\n".join(urls))
        self.errors.message(f"Public URL{'s' if len(urls) > 1 else ''} copied to the clipboard.")

    def _url_for_drag(self, key: str) -> str | None:
        """A 1-hour signed URL for a drag to another app, only if signing cannot block."""
        element = self.element
        if element is None or getattr(element, "_client", None) is None:
            return None
        try:
            return str(element.getSignUrl(key, None, 3600))
        except StorageError:
            return None

    # ------------------------------------------------------------------------------ uploads

    def upload_files(self) -> None:
        if self.element is None:
            return
        paths = self.prompts.files("Upload files")
        if paths:
            self.upload_paths(paths, self.prefix)

    def upload_folder(self) -> None:
        if self.element is None:
            return
        path = self.prompts.folder("Upload a folder")
        if path:
            self.upload_paths([path], self.prefix)

    def upload_paths(self, paths: list[Path], prefix: str) -> None:
        """Validate dropped or chosen paths now, then queue one upload per file."""
        element = self.element
        if element is None:
            self.errors.message("Choose a connection before uploading.")
            return
        plan = plan_drop([Path(p) for p in paths], prefix)
        if plan.problems:
            count = len(plan.problems)
            self.errors.message(
                f"{count} item{'s' if count != 1 else ''} cannot be uploaded: {plan.problems[0]}"
            )
            if self.errors.dialogs_enabled:
                self.prompts.inform(
                    "Some items cannot be uploaded",
                    f"{count} item{'s' if count != 1 else ''} cannot be uploaded"
                    + (f"; the other {len(plan.files)} files are queued." if plan.files else "."),
                    "\n".join(plan.problems),
                )
        for folder in plan.folders:
            self._run(
                element.createFolder,
                folder,
                on_result=lambda _r, f=folder: self._show_new_key(f),
                on_error=self.errors.error,
            )
        if not plan.files:
            return
        jobs = [
            TransferJob(UPLOAD, element, key, path, size, total=size)
            for path, key, size in plan.files
        ]
        self.queue.add_many(jobs)
        self.transfer_dock.show()
        where = prefix or "the bucket root"
        self.errors.message(
            f"Queued {len(jobs):,} file{'s' if len(jobs) != 1 else ''} "
            f"({human_size(plan.total_bytes)}) for upload to {where}."
        )

    def _show_new_key(self, key: str, size: int = 0) -> None:
        """Make a new key visible in the current listing without listing again."""
        if self.element is None or not key.startswith(self.prefix):
            return
        rest = key[len(self.prefix) :]
        if "/" in rest.rstrip("/") or rest.endswith("/"):
            first = rest.split("/", 1)[0]
            self.model.upsert(folder_row(f"{self.prefix}{first}/"))
        else:
            self.model.upsert(file_row(key, size, _dt.datetime.now(_dt.UTC), "STANDARD"))
        self._update_counts()

    def _transfer_done(self, job: TransferJob) -> None:
        if job.direction == UPLOAD and job.element is self.element:
            self._show_new_key(job.key, job.size)
        elif job.direction == DOWNLOAD and self.queue.idle:
            self.errors.message(f"Downloads finished; the last one is {job.path}.")

    def _totals_changed(self, done: int, total: int, running: int, waiting: int) -> None:
        active = running + waiting
        self.transfer_bar.setVisible(bool(active))
        self.transfer_label.setVisible(bool(active))
        if active:
            self.transfer_bar.setValue(int(1000 * done / total) if total else 0)
            pct = f"{100 * done / total:.0f}%" if total else ""
            self.transfer_label.setText(
                f"Transfers: {running} running, {waiting} waiting {pct}".rstrip()
            )
            self.transfer_bar.setAccessibleDescription(pct)

    # ------------------------------------------------------------------------------ downloads

    def download(self) -> None:
        rows = self._selected()
        element = self.element
        if not rows or element is None:
            return
        dest = self.prompts.folder("Download to folder")
        if dest is None:
            return
        files = [(r.key, r.size) for r in rows if r.kind == FILE]
        folders = [r.key for r in rows if r.kind == FOLDER]
        prefix = self.prefix

        def planned(result: tuple[list[tuple[str, Path, int]], dict[str, str]]) -> None:
            items, refused = result
            if refused:
                key, reason = next(iter(refused.items()))
                self.errors.message(
                    f"{len(refused)} key{'s' if len(refused) != 1 else ''} refused: they cannot "
                    f"be written safely into {dest} (e.g. {key!r} {reason})."
                )
            existing = [p for _, p, _ in items if p.exists()]
            if existing and not self.prompts.confirm(
                "Replace files?",
                f"{len(existing)} of the {len(items)} files already exist in {dest}. Replace them?",
                "Replace",
            ):
                items = [i for i in items if not i[1].exists()]
            jobs = [
                TransferJob(DOWNLOAD, element, key, path, size, total=size)
                for key, path, size in items
            ]
            self.queue.add_many(jobs)
            if jobs:
                self.transfer_dock.show()
                self.errors.message(
                    f"Queued {len(jobs):,} download{'s' if len(jobs) != 1 else ''} to {dest}."
                )

        self._run(
            plan_download,
            element,
            files,
            folders,
            prefix,
            dest,
            on_result=planned,
        )

    # ------------------------------------------------------------------------------ edits

    def new_folder(self) -> None:
        element = self.element
        if element is None:
            return
        name = self.prompts.text("New folder", f"Name of the new folder in /{self.prefix}:")
        if name is None:
            return
        name = name.strip().strip("/")
        if not name:
            self.errors.message("A folder needs a name.")
            return
        key = f"{self.prefix}{name}/"
        self._run(
            element.createFolder,
            key,
            on_result=lambda _r: (
                self._show_new_key(key),
                self.errors.message(f"Folder {name} created."),
            ),
        )

    def rename(self) -> None:
        rows = self._selected()
        element = self.element
        if len(rows) != 1 or element is None:
            return
        row = rows[0]
        new = self.prompts.text(
            "Rename / Move",
            "New name (a name with '/' moves it; start with '/' for a path from the root):",
            row.name,
        )
        if new is None or not new.strip().strip("/"):
            return
        target = rename_target(row.key, new.strip())
        if target == row.key:
            return
        self._run_moves([(row.key, target)], f"Renamed {row.name} to {new.strip()}.")

    def _move_into(self, keys: list[str], folder: str) -> None:
        """Objects dragged onto a folder row move into it."""
        moves = []
        for key in keys:
            name = posixpath.basename(key.rstrip("/")) + ("/" if key.endswith("/") else "")
            target = f"{folder}{name}"
            if target != key and not folder.startswith(key):
                moves.append((key, target))
        if moves:
            self._run_moves(
                moves, f"Moved {len(moves)} item{'s' if len(moves) != 1 else ''} to {folder}."
            )

    def _run_moves(self, moves: list[tuple[str, str]], message: str) -> None:
        """Look for objects the moves would replace (in a worker), ask, then move."""
        element = self.element

        def checked(existing: list[str]) -> None:
            if existing:
                shown = "\n".join(existing[:5]) + ("\n…" if len(existing) > 5 else "")
                count = len(existing)
                what = "1 object already exists" if count == 1 else f"{count} objects already exist"
                if not self.prompts.confirm(
                    "Replace existing objects?",
                    f"{what} at the target and would be replaced:\n{shown}",
                    "Replace",
                ):
                    self.errors.message("Nothing was moved.")
                    return
            self._move_now(element, moves, message)

        self.errors.message("Checking the target…")
        self._run(
            move_conflicts,
            element,
            moves,
            on_result=checked,
            on_error=lambda exc: self.errors.error(exc, dialog=True),
        )

    def _move_now(self, element: Any, moves: list[tuple[str, str]], message: str) -> None:
        self.errors.message("Moving…")

        sizes = {src: self._size_of(src) for src, _ in moves}

        def done(result: list[tuple[str, str]]) -> None:
            self.model.remove_keys({src for src, _ in result})
            for src, dst in result:
                self._show_new_key(dst, sizes.get(src, 0))
            self.errors.message(message)

        def failed(exc: BaseException) -> None:
            self.errors.error(exc, dialog=True)
            self.refresh()

        self._run(
            move_keys,
            element,
            moves,
            on_result=done,
            on_error=failed,
        )

    def _size_of(self, key: str) -> int:
        row = self.model.row_for_key(key)
        return self.model.row_at(row).size if row >= 0 else 0

    def delete_selected(self) -> None:
        rows = self._selected()
        element = self.element
        if not rows or element is None:
            return
        files = [r.key for r in rows if r.kind == FILE]
        folders = [r.key for r in rows if r.kind == FOLDER]

        def confirm(inside: int) -> None:
            parts = []
            if files:
                parts.append(f"{len(files)} file{'s' if len(files) != 1 else ''}")
            if folders:
                parts.append(
                    f"{len(folders)} folder{'s' if len(folders) != 1 else ''} holding "
                    f"{inside:,} object{'s' if inside != 1 else ''}"
                )
            total = len(files) + inside
            text = (
                f"Delete {' and '.join(parts)}? That is {total:,} object"
                f"{'s' if total != 1 else ''} in all. This cannot be undone."
            )
            if not self.prompts.confirm("Delete", text, "Delete"):
                return
            self._run(
                delete_selection,
                element,
                files,
                folders,
                on_result=deleted,
                on_error=failed,
            )

        def deleted(result: dict[str, Any]) -> None:
            failed_keys = {f["key"] for f in result["failed"]}
            self.model.remove_keys({k for k in files + folders if k not in failed_keys})
            if result["failed"]:
                first = result["failed"][0]
                self.errors.message(
                    f"{len(result['failed'])} objects could not be deleted "
                    f"(e.g. {first['key']}: {first['code']} {first['message']})."
                )
            else:
                n = result["deleted"]
                self.errors.message(f"Deleted {n:,} object{'s' if n != 1 else ''}.")

        def failed(exc: BaseException) -> None:
            self.errors.error(exc, dialog=True)
            self.refresh()

        if folders:
            self.errors.message("Counting the objects in the selected folders…")
            self._run(
                count_under,
                element,
                folders,
                on_result=confirm,
                on_error=failed,
            )
        else:
            confirm(0)

    def show_properties(self) -> None:
        rows = [r for r in self._selected() if r.kind == FILE]
        element = self.element
        if len(rows) != 1 or element is None:
            return
        key = rows[0].key

        def show(info: dict[str, Any]) -> None:
            public = ""
            if element.config.publicBaseUrl:
                public = element.getPublicUrl(key)
            dialog = PropertiesDialog(info, public, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.save_requested.connect(
                lambda ct, cc, meta: self._save_properties(dialog, key, ct, cc, meta)
            )
            dialog.destroyed.connect(lambda *_: setattr(self, "properties_dialog", None))
            self.properties_dialog = dialog
            dialog.open()

        self._run(
            element.getObject,
            key,
            on_result=show,
        )

    def _save_properties(
        self,
        dialog: PropertiesDialog,
        key: str,
        content_type: str,
        cache: str,
        meta: dict[str, str],
    ) -> None:
        element = self.element

        def ok(_result: Any) -> None:
            self.errors.message(f"Properties of {key} saved.")
            dialog.save_done()

        def bad(exc: BaseException) -> None:
            self.errors.error(exc)
            dialog.save_done(one_line(exc))

        self._run(
            element.updateObject,
            key,
            content_type,
            cache,
            meta,
            on_result=ok,
            on_error=bad,
        )
