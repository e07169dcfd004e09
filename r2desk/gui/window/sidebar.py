"""The sidebar: the app's connections, their buttons and menu, and the connection editor.

Choosing a connection emits ``element_chosen``; the window opens it. Creating, editing,
duplicating and deleting connections happen here, in the connection dialog or in the pool.
The connections are read and built in the pool (``load_connections``: their folders, files and
Types); the main thread keeps what it read, so opening one reads no disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMenu,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from r2desk.elements.locations import parse_element
from r2desk.errors import StorageError
from r2desk.gui.buckets.branch import LOCATION, BucketBranch, connection_of
from r2desk.gui.messages import ErrorBridge
from r2desk.gui.prompts import Prompts
from r2desk.gui.tasks import TaskPool
from r2desk.gui.widgets import mirror, plain_tip
from r2desk.gui.window.actions import WindowActions, on
from r2desk.gui.window.clipboard import KEYS_FORMAT, read_objects

if TYPE_CHECKING:
    from r2desk.elements import App, ElementInfo
    from r2desk.gui.connections.dialog import ConnectionDialog
    from r2desk.storages.meta import Meta


@dataclass(frozen=True)
class LoadedConnections:
    """The app folder's connections as a worker read them: every listed one, and for each with
    a valid ``e.json`` its built element or why it cannot be built."""

    infos: list[ElementInfo]
    built: dict[str, Meta | StorageError]


def load_connections(app: App) -> LoadedConnections:
    """Runs in the pool: list the app folder and build each connection (local files only; no
    request, no keyring). Building the first one imports the wire layer, off the main thread."""
    infos = app.listElements()
    built: dict[str, Meta | StorageError] = {}
    for info in infos:
        if info.type:
            try:
                built[info.name] = app.getElement(info.name)
            except StorageError as exc:
                built[info.name] = exc
    return LoadedConnections(infos, built)


class ConnectionTree(QTreeWidget):
    """The connections and their buckets; objects dragged from the list drop onto one."""

    # The dragged objects (element, bucket, keys) and the location dropped on.
    objects_dropped = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def _location_at(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> str:
        """The connection or bucket under the pointer, if objects may be dropped there: not
        the one being browsed (that would only copy each object beside itself)."""
        if not event.mimeData().hasFormat(KEYS_FORMAT):
            return ""
        item = self.itemAt(event.position().toPoint())
        current = self.currentItem()
        location = str(item.data(0, LOCATION) or "") if item is not None else ""
        here = str(current.data(0, LOCATION) or "") if current is not None else ""
        return location if location and location != here else ""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(KEYS_FORMAT):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._location_at(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        location = self._location_at(event)
        data = read_objects(event.mimeData()) if location else None
        if data is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.objects_dropped.emit(data, location)


class Sidebar(QWidget):
    """The connections, each expanding to its buckets, with New / Edit / Duplicate / Delete."""

    #: The location to browse: an element's name, or ``name@bucket`` for another bucket of it
    #: ("" when none is left).
    element_chosen = Signal(str)
    activated = Signal()  # Enter on a connection: the window moves the focus to the objects
    #: A connection was saved under a new name (old, new): what points at it follows.
    connection_renamed = Signal(str, str)
    #: The list was (re)filled from the app folder.
    loaded = Signal()

    def __init__(
        self,
        app: App,
        pool: TaskPool,
        actions: WindowActions,
        errors: ErrorBridge,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.pool = pool
        self.acts = actions
        self.errors = errors
        self.prompts = prompts
        self.connection_dialog: ConnectionDialog | None = None
        #: What the last load read: each listed connection's element, or why it cannot be built.
        self.built: dict[str, Meta | StorageError] = {}
        #: The first load has filled the list (until then no connection is known, none gone).
        self.listed = False
        self._loads = 0  # the latest load asked for; an older one's result is dropped
        self._filled = 0  # the load the list shows
        self.setAccessibleName(self.tr("Connections panel"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        title = QLabel(self.tr("&Connections"), self)
        layout.addWidget(title)
        self.list = ConnectionTree(self)
        self.list.setHeaderHidden(True)
        self.list.setAccessibleName(self.tr("Connections"))
        self.list.setToolTip(
            self.tr(
                "Your storage connections; choose one to browse its bucket, expand it to see "
                "its other buckets; drop objects on one to copy them there"
            )
        )
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # A long title is elided (its tooltip has it whole) rather than scrolled sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        title.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        # Two rows of two: one row of four made the sidebar the widest pane of a small window.
        row = QGridLayout()
        row.setSpacing(0)
        self.buttons: list[QToolButton] = []
        for i, (act, label) in enumerate(
            zip(
                actions.connection_actions,
                (self.tr("New…"), self.tr("Edit…"), self.tr("Duplicate…"), self.tr("Delete…")),
                strict=True,
            )
        ):
            # Short labels; the action keeps the long text for menus, so no setDefaultAction.
            button = QToolButton(self)
            button.setText(label)
            button.setAutoRaise(True)
            button.clicked.connect(act.trigger)
            mirror(act, button)
            row.addWidget(button, i // 2, i % 2)
            self.buttons.append(button)
        row.setColumnStretch(2, 1)
        layout.addLayout(row)
        on(actions.act_new_conn, self.new_connection)
        on(actions.act_edit_conn, self.edit_connection)
        on(actions.act_dup_conn, self.duplicate_connection)
        on(actions.act_del_conn, self.delete_connection)
        self.list.currentItemChanged.connect(self._chosen)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.itemActivated.connect(lambda _item: self.activated.emit())
        self.buckets = BucketBranch(
            self.list,
            app,
            pool,
            errors,
            lambda: self.prompts,
            self.reload_elements,
            element=self.element,
        )

    # -- the list -----------------------------------------------------------------------------

    def reload_elements(self, select: str = "") -> None:
        """Read the app folder in the pool, then fill the list and choose ``select`` (or the
        first): ``loaded`` says when."""
        self._loads += 1
        load = self._loads
        self.pool.submit(
            load_connections,
            self.app,
            on_result=lambda found: self._fill(found, select, load),
            on_crash=self.errors.crash,
            owner=self,
        )

    def _fill(self, found: LoadedConnections, select: str, load: int) -> None:
        if load != self._loads:
            return  # a newer load is on its way (a connection saved meanwhile)
        self._filled = load
        self.built = found.built
        self.listed = True
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QTreeWidgetItem | None = None
        for info in found.infos:
            item = QTreeWidgetItem([info.title])
            item.setData(0, LOCATION, info.name)
            item.setToolTip(
                0,
                plain_tip(
                    f"{info.name}\n{info.path}" + ("" if info.type else "\n(e.json is not valid)")
                ),
            )
            item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon))
            if info.type:
                self.buckets.prepare(item)
            self.list.addTopLevelItem(item)
            if info.name == select or chosen is None:
                chosen = item
        self.list.blockSignals(False)
        self.loaded.emit()
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        else:
            self.element_chosen.emit("")
        self.update_actions()

    @property
    def loading(self) -> bool:
        """The list is not filled yet, or a load asked for since has not filled it."""
        return not self.listed or self._filled != self._loads

    def element(self, location: str) -> Meta:
        """The element of a listed connection (``name``, or ``name@bucket`` for another bucket
        of it), as the last load built it: no disk. Raises why it cannot be built, and
        ``KeyError`` for a connection the last load did not list."""
        loc = parse_element(location)
        found = self.built[loc.element]
        if isinstance(found, StorageError):
            raise found
        return found.forBucket(loc.bucket) if loc.bucket is not None else found

    def own_bucket(self, connection: str) -> str:
        """The bucket a listed connection is configured with ("" if unknown or not valid)."""
        found = self.built.get(connection)
        return "" if found is None or isinstance(found, StorageError) else found.config.bucketName

    def current_element_name(self) -> str:
        """The chosen connection (for a bucket under it, the connection's element)."""
        item = connection_of(self.list.currentItem())
        return str(item.data(0, LOCATION)) if item else ""

    def current_location(self) -> str:
        """What is browsed: the element, or ``element@bucket`` for another bucket of it."""
        item = self.list.currentItem()
        return str(item.data(0, LOCATION) or "") if item else ""

    def connection_names(self) -> list[str]:
        """The connections listed (read from the tree: no disk)."""
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [str(item.data(0, LOCATION)) for item in items if item is not None]

    def connection_title(self, name: str) -> str:
        """The listed title of connection ``name`` ("" when it is not listed)."""
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, LOCATION) == name:
                return item.text(0)
        return ""

    def show_location(self, location: str) -> None:
        """Make ``location``'s row (its bucket's when listed, else its connection's) the current
        one without choosing it: the window opens it itself (a bookmark, Back, a reopen)."""
        connection = location.partition("@")[0]
        for i in range(self.list.topLevelItemCount()):
            top = self.list.topLevelItem(i)
            if top is None or top.data(0, LOCATION) != connection:
                continue
            item = top
            current = self.list.currentItem()
            if (
                current is not None
                and connection_of(current) is top
                and current.data(0, LOCATION) == location
            ):
                item = current  # the connection or its own bucket: whichever was chosen stays
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and location != connection:
                    item = child if child.data(0, LOCATION) == location else item
            self.list.blockSignals(True)
            self.list.setCurrentItem(item)
            self.list.blockSignals(False)
            self.update_actions()
            return

    def update_actions(self) -> None:
        if self.acts.connection_editor:
            has_conn = bool(self.current_element_name())
            for act in self.acts.connection_actions[1:]:
                act.setEnabled(has_conn)

    def _chosen(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        location = str(item.data(0, LOCATION) or "") if item else ""
        if item is None or location:  # a "Listing buckets…" row chooses nothing
            self.element_chosen.emit(location)
        self.update_actions()

    def build_menu(self, item: QTreeWidgetItem | None) -> QMenu:
        menu = QMenu(self)
        for act in self.acts.connection_actions:
            menu.addAction(act)
        self.buckets.fill_menu(menu, item)
        return menu

    def _menu(self, pos: QPoint) -> None:
        menu = self.build_menu(self.list.itemAt(pos))
        menu.popup(self.list.viewport().mapToGlobal(pos))

    # -- editing ------------------------------------------------------------------------------

    def _open_dialog(self, element: str | None, duplicate: bool = False) -> None:
        from r2desk.gui.connections.dialog import ConnectionDialog

        dialog = ConnectionDialog(
            self.app, self.pool, element, duplicate=duplicate, parent=self.window()
        )
        original = element if element and not duplicate else ""
        dialog.saved.connect(lambda name: self._renamed(original, name))
        dialog.saved.connect(self._saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.connection_dialog = dialog

    def _renamed(self, original: str, name: str) -> None:
        if original and name != original:
            self.connection_renamed.emit(original, name)

    def _saved(self, name: str) -> None:
        self.app.forget(name)
        self.reload_elements(select=name)
        if name == self.current_element_name():
            self.element_chosen.emit(name)

    def new_connection(self) -> None:
        self._open_dialog(None)

    def edit_connection(self) -> None:
        if self.current_element_name():
            self._open_dialog(self.current_element_name())

    def duplicate_connection(self) -> None:
        if self.current_element_name():
            self._open_dialog(self.current_element_name(), duplicate=True)

    def delete_connection(self) -> None:
        name = self.current_element_name()
        title = self.connection_title(name) or name
        if not name or not self.prompts.confirm(
            self.tr("Delete connection"),
            self.tr(
                "Remove the connection '{0}' from this computer? Its secret is removed "
                "from the keyring; the bucket and its objects are not touched."
            ).format(title),
            self.tr("Delete"),
        ):
            return
        from r2desk.elements.store import delete_element

        def done(_result: object) -> None:
            self.app.forget(name)
            self.errors.message(self.tr("Connection '{0}' removed.").format(title))
            self.reload_elements()

        self.pool.submit(
            delete_element,
            self.app,
            name,
            on_result=done,
            on_error=lambda exc: self.errors.error(exc, dialog=True),
            on_crash=self.errors.crash,
            owner=self,
        )
