"""The object browser: path bar, filter, the object table, the preview, the listing's status.

It lists what ``WindowState`` says is open, keeps the navigation history (Back, Forward, Up) and
reports the selection back to the state. Commands act on the listing only through
:meth:`Browser.show_new_key` and :meth:`Browser.refresh`, which the window hands them.
"""

from __future__ import annotations

import datetime as _dt
import posixpath
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from r2desk.errors import failure_words
from r2desk.formatting import human_size
from r2desk.gui.messages import ErrorBridge
from r2desk.gui.objects.grid import ObjectViews
from r2desk.gui.objects.model import FOLDER, ObjectTableModel, Row, file_row, folder_row
from r2desk.gui.objects.path_bar import PathBar
from r2desk.gui.objects.preview import PreviewPane
from r2desk.gui.objects.thumbnails import Thumbnails
from r2desk.gui.objects.view import ObjectView
from r2desk.gui.settings import VIEW_DETAILS, VIEW_ICONS
from r2desk.gui.tasks import TaskPool
from r2desk.gui.widgets import plain_label, plain_tip
from r2desk.gui.window.actions import WindowActions, on
from r2desk.gui.window.placeholders import BusyView, ErrorView, WelcomeView
from r2desk.gui.window.state import WindowState

if TYPE_CHECKING:
    from r2desk.storages.meta import Meta

#: Uploads that finish within this long join the listing together (a 2,000-file drop: a few
#: updates a second, not one per file).
UPLOADED_MS = 250

#: Listing failures that mean the connection itself does not work.
NOT_CONNECTED = ("auth_failed", "missing_secret", "unreachable", "timeout", "tls_error")


class Browser(QWidget):
    """The centre of the window; ``preview`` and the status labels are placed by the window."""

    file_activated = Signal()  # Enter or double-click on a file: the window opens it
    #: Back or Forward reached a place in another connection or bucket (location, prefix): the
    #: window opens it there, and the history stays as it is.
    history_open = Signal(str, str)

    def __init__(
        self,
        pool: TaskPool,
        model: ObjectTableModel,
        state: WindowState,
        actions: WindowActions,
        errors: ErrorBridge,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.state = state
        self.acts = actions
        self.errors = errors
        #: (location, prefix): the history spans connections and buckets.
        self.back_stack: list[tuple[str, str]] = []
        self.forward_stack: list[tuple[str, str]] = []
        self._shown: tuple[str, str] | None = None  # the place listed last
        self._replaying = False  # the element opening is Back or Forward's: no new entry
        self._uploaded: list[tuple[Meta, str, int]] = []  # finished, not shown yet
        self._uploaded_later = QTimer(self)
        self._uploaded_later.setSingleShot(True)
        self._uploaded_later.setInterval(UPLOADED_MS)
        self._uploaded_later.timeout.connect(self._show_uploaded)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        top = QHBoxLayout()
        self.path_bar = PathBar(self)
        top.addWidget(self.path_bar, 1)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter"))
        self.filter_edit.setToolTip(self.tr("Show only entries whose name contains this text"))
        self.filter_edit.setMaximumWidth(240)
        top.addWidget(self.filter_edit)
        layout.addLayout(top)
        self.view = ObjectView(self)
        self.view.setModel(model)
        self.view.setToolTip(self.tr("Objects in this folder: drop files here to upload them"))
        # The name takes the room the other columns leave (they are sized for their content), so
        # the table fits its width instead of scrolling sideways.
        header = self.view.horizontalHeader()
        fm = self.view.fontMetrics()
        pad = 3 * fm.averageCharWidth()
        for col, sample in ((1, "1023.9 MiB"), (2, "2026-12-31 23:59"), (3, "STANDARD_IA")):
            header.resizeSection(col, fm.horizontalAdvance(sample) + pad)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(fm.horizontalAdvance("Size") + pad)
        # The listing (as a table or as a grid of icons), or in its place a welcome (no
        # connection), an error with Retry, or a busy page (the demo being prepared).
        self.pages = QStackedWidget(self)
        self.thumbnails = Thumbnails(pool, self)
        self.views = ObjectViews(self.view, self.thumbnails, self.pages)
        self.grid = self.views.grid
        self.grid.setToolTip(self.view.toolTip())
        self.welcome = WelcomeView(self.pages)
        self.error_view = ErrorView(self.pages)
        self.busy = BusyView(self.pages)
        for page in (self.views, self.welcome, self.error_view, self.busy):
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)
        self.preview = PreviewPane(pool, parent)
        self._build_status()
        self._connect()

    def _build_status(self) -> None:
        self.count_label = plain_label(self)
        self.count_label.setAccessibleName(self.tr("Object count"))
        self.count_label.setToolTip(self.tr("Entries listed in this folder"))
        self.selection_label = plain_label(self)
        self.selection_label.setAccessibleName(self.tr("Selection"))
        self.selection_label.setToolTip(self.tr("Selected entries and their total size"))
        self.state_label = plain_label(self, "Not connected")
        self.state_label.setAccessibleName(self.tr("Connection state"))
        self.state_label.setToolTip(self.tr("State of the current connection"))

    def _connect(self) -> None:
        a = self.acts
        on(a.act_back, self.go_back)
        on(a.act_forward, self.go_forward)
        on(a.act_up, self.go_up)
        on(a.act_refresh, self.refresh)
        on(a.act_path, self.path_bar.start_editing)
        on(a.act_filter, self.focus_filter)
        on(a.act_open, self.open_current)
        on(a.act_select_all, self.view.selectAll)
        a.act_show_preview.toggled.connect(self.preview.setVisible)
        a.act_byte_order.toggled.connect(self.model.set_byte_order)
        a.act_view_icons.toggled.connect(lambda on: self.views.set_mode(VIEW_ICONS) if on else None)
        a.act_view_details.toggled.connect(
            lambda on: self.views.set_mode(VIEW_DETAILS) if on else None
        )
        a.act_list_thumbnails.toggled.connect(self.views.set_list_thumbnails)
        self.welcome.add_connection.connect(a.act_new_conn.trigger)
        self.error_view.retry.connect(self.retry)
        self.path_bar.navigate.connect(self.navigate)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.filter_edit.returnPressed.connect(self.views.focus)
        self.view.activated_row.connect(self._activate_row)
        self.view.go_up.connect(self.go_up)
        self.view.customContextMenuRequested.connect(self._object_menu)
        self.grid.customContextMenuRequested.connect(self._object_menu)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        # The preview follows the selection once it has settled: on a mouse click the current
        # row changes before the selection does, so reading the selection then showed the
        # previously selected file.
        self._preview_later = QTimer(self)
        self._preview_later.setSingleShot(True)
        self._preview_later.setInterval(0)
        self._preview_later.timeout.connect(self._update_preview)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._preview_later.start())
        m = self.model
        m.loading_changed.connect(self._loading_changed)
        m.page_loaded.connect(self._page_loaded)
        m.load_failed.connect(self._listing_failed)
        m.crashed.connect(self.errors.crash)
        m.rowsInserted.connect(lambda *_: self.update_counts())
        m.rowsRemoved.connect(lambda *_: self.update_counts())
        m.modelReset.connect(self.update_counts)
        # The shared selection holds rows by value: follow every change of the selected rows,
        # once per turn of the event loop (uploads finishing into a big selection come in bursts).
        self._reselect = QTimer(self)
        self._reselect.setSingleShot(True)
        self._reselect.setInterval(0)
        self._reselect.timeout.connect(self._selection_changed)
        m.modelReset.connect(self._reselect.start)
        m.rowsRemoved.connect(lambda *_: self._reselect.start())
        m.dataChanged.connect(lambda *_: self._reselect.start())
        self.state.element_changed.connect(self._element_changed)
        self.state.connection_text_changed.connect(self.state_label.setText)
        self._update_history()

    # -- navigation ---------------------------------------------------------------------------

    @property
    def prefix(self) -> str:
        return self.model.prefix

    def _here(self) -> tuple[str, str]:
        return (self.state.element_name, self.prefix)

    def _element_changed(self, _name: str) -> None:
        replaying, self._replaying = self._replaying, False
        if self.state.element is None:
            self.back_stack.clear()
            self.forward_stack.clear()
            self._shown = None
            self.pages.setCurrentWidget(self.views)
            self.model.set_location(None, "")
            self.path_bar.set_location("", "")
            self._update_history()
            self.state.set_prefix("")
        else:
            arrived = (self.state.element_name, self.state.prefix)
            if not replaying and self._shown is not None and self._shown != arrived:
                # Another connection or bucket: Back returns to where we were.
                self.back_stack.append(self._shown)
                self.forward_stack.clear()
            self.show_prefix(self.state.prefix)

    def show_prefix(self, prefix: str) -> None:
        """List ``prefix`` of the open element (no history entry)."""
        element = self.state.element
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.model.set_filter("")
        self.model.set_location(element, prefix)
        self.path_bar.set_location(element.config.bucketName if element is not None else "", prefix)
        self.preview.show_row(None, None)
        self.view.horizontalScrollBar().setValue(0)
        self.pages.setCurrentWidget(self.views)
        self._show_listing_parts(True)
        self._shown = (self.state.element_name, prefix)
        self._update_history()
        self.state.set_prefix(prefix)

    def navigate(self, prefix: str) -> None:
        """Go to ``prefix`` of the current element, remembering where we were."""
        if self.state.element is None:
            return
        if prefix != self.prefix:
            self.back_stack.append(self._here())
            self.forward_stack.clear()
        self.show_prefix(prefix)
        self.views.focus()

    def rename_connection(self, old: str, new: str) -> None:
        """The history follows a connection saved under a new name."""

        def moved(place: tuple[str, str]) -> tuple[str, str]:
            connection, at, bucket = place[0].partition("@")
            return (new + at + bucket if connection == old else place[0], place[1])

        self.back_stack[:] = [moved(p) for p in self.back_stack]
        self.forward_stack[:] = [moved(p) for p in self.forward_stack]
        if self._shown is not None:
            self._shown = moved(self._shown)

    def go_back(self) -> None:
        if self.back_stack:
            self.forward_stack.append(self._here())
            self._return_to(self.back_stack.pop())

    def go_forward(self) -> None:
        if self.forward_stack:
            self.back_stack.append(self._here())
            self._return_to(self.forward_stack.pop())

    def _return_to(self, place: tuple[str, str]) -> None:
        location, prefix = place
        if location == self.state.element_name:
            self.show_prefix(prefix)
        else:
            self._replaying = True
            self.history_open.emit(location, prefix)
            self._replaying = False

    def go_up(self) -> None:
        if self.prefix:
            parent = posixpath.dirname(self.prefix.rstrip("/"))
            child = self.prefix
            self.navigate(f"{parent}/" if parent else "")
            self.select_when_listed(child)

    def refresh(self) -> None:
        if self.state.element is not None:
            self.pages.setCurrentWidget(self.views)
            self.model.refresh()

    def retry(self) -> None:
        """Retry from the error view: list the same folder again."""
        self.state.set_connection_text(self.tr("Connecting…"))
        self.refresh()

    def show_welcome(self) -> None:
        """No connection at all: the welcome takes the listing's place (and the path, filter and
        preview, which have nothing to show, step aside)."""
        self.pages.setCurrentWidget(self.welcome)
        self._show_listing_parts(False)

    def show_busy(self, heading: str, details: str) -> None:
        """Nothing to list yet, but on its way: the busy page takes the listing's place."""
        self.busy.show_busy(heading, details)
        self.pages.setCurrentWidget(self.busy)
        self._show_listing_parts(False)

    def _show_listing_parts(self, shown: bool) -> None:
        for widget in (self.path_bar, self.filter_edit):
            widget.setVisible(shown)
        self.preview.setVisible(shown and self.acts.act_show_preview.isChecked())

    def show_failure(self, exc: BaseException, title: str = "", *, retry: bool = True) -> None:
        """Nothing can be listed: the error, in full, takes the listing's place (with Retry,
        unless listing again cannot help)."""
        self.error_view.show_error(exc, title)
        self.error_view.retry_button.setVisible(retry)
        self.pages.setCurrentWidget(self.error_view)

    @property
    def page(self) -> QWidget | None:
        """Which page the browser area shows: ``view`` (the listing, as a table or a grid),
        ``welcome``, ``error_view`` or ``busy``."""
        page = self.pages.currentWidget()
        return self.view if page is self.views else page

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _update_history(self) -> None:
        self.acts.act_back.setEnabled(bool(self.back_stack))
        self.acts.act_forward.setEnabled(bool(self.forward_stack))
        self.acts.act_up.setEnabled(bool(self.prefix))

    def _activate_row(self, row: int) -> None:
        entry = self.model.row_at(row)
        if entry.kind == FOLDER:
            self.navigate(entry.key)
        else:
            self.file_activated.emit()

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._activate_row(index.row())

    def select_when_listed(self, key: str) -> None:
        """Put the cursor on ``key`` once its page is listed (the folder we came from after
        going up; a search result revealed)."""

        def try_select(*_: object) -> None:
            row = self.model.row_for_key(key)
            if row >= 0:
                self.views.current().setCurrentIndex(self.model.index(row, 0))
                self.model.page_loaded.disconnect(try_select)
            elif self.model.complete:
                self.model.page_loaded.disconnect(try_select)

        self.model.page_loaded.connect(try_select)

    # -- the listing --------------------------------------------------------------------------

    def show_new_key(self, key: str, size: int = 0) -> None:
        """Make a new key visible in the current listing without listing again."""
        self.show_new_keys([(key, size)])

    def show_new_keys(self, items: Iterable[tuple[str, int]]) -> None:
        """Make new keys (with their sizes) visible in the current listing without listing
        again: one model update for the batch (the uploads of a drop)."""
        prefix = self.prefix
        if self.state.element is None:
            return
        now = _dt.datetime.now(_dt.UTC)
        rows = []
        for key, size in items:
            if not key.startswith(prefix):
                continue
            rest = key[len(prefix) :]
            if "/" in rest.rstrip("/") or rest.endswith("/"):
                rows.append(folder_row(f"{prefix}{rest.split('/', 1)[0]}/"))
            else:
                rows.append(file_row(key, size, now, "STANDARD"))
        self.model.upsert_many(rows)  # the counts follow its inserts

    def show_uploaded(self, element: Meta, key: str, size: int) -> None:
        """An upload finished: it joins the listing (if it is the one shown) with the others
        that finish within ``UPLOADED_MS``, in one update."""
        self._uploaded.append((element, key, size))
        if not self._uploaded_later.isActive():
            self._uploaded_later.start()

    def _show_uploaded(self) -> None:
        done, self._uploaded = self._uploaded, []
        element = self.state.element
        self.show_new_keys((key, size) for e, key, size in done if e is element)

    def remove_keys(self, keys: set[str]) -> None:
        self.model.remove_keys(keys)

    def size_of(self, key: str) -> int:
        row = self.model.row_for_key(key)
        return self.model.row_at(row).size if row >= 0 else 0

    def _loading_changed(self, loading: bool) -> None:
        if loading and self.model.loaded_count == 0:
            self.count_label.setText(self.tr("Listing…"))

    def _page_loaded(self, _count: int) -> None:
        element = self.state.element
        self.state.set_connection_text(
            self.tr("Connected to {0}").format(element.config.bucketName)
            if element is not None
            else ""
        )
        self.state_label.setToolTip(
            plain_tip(f"{element.title}: {element.config.endpoint_url}")
            if element is not None
            else ""
        )
        self.update_counts()

    def _listing_failed(self, exc: BaseException) -> None:
        code = getattr(exc, "code", "")
        not_connected = code in (*NOT_CONNECTED, "bucket_not_found")
        self.state.set_connection_text(
            self.tr("Not connected") if not_connected else self.tr("Listing failed")
        )
        self.count_label.setText("")
        if self.model.loaded_count == 0:
            # Nothing listed: say it where the list would be, not as an empty table, naming the
            # place as the path bar does ("Could not list 'photos/2026/'").
            element = self.state.element
            bucket = element.config.bucketName if element is not None else ""
            where = f"{bucket}/{self.prefix}" if bucket else self.prefix
            self.show_failure(exc, failure_words("listObjects", where))
        self.errors.error(exc)

    def update_counts(self) -> None:
        folders, files = self.model.loaded_counts()
        objects = self.tr("1 object") if files == 1 else self.tr("{0} objects").format(f"{files:,}")
        text = self.tr("{0}, {1}").format(
            objects,
            self.tr("1 folder") if folders == 1 else self.tr("{0} folders").format(f"{folders:,}"),
        )
        if not self.model.complete and self.state.element is not None:
            # Pages come in the store's order: only what is loaded so far is sorted.
            text += self.tr(" so far; sorted as loaded (scroll for more)")
        if self.model.filter_text:
            text = self.tr("{0} shown of {1}").format(f"{self.model.rowCount():,}", text)
        self.count_label.setText(text if self.state.element is not None else "")

    # -- selection ----------------------------------------------------------------------------

    def selected(self) -> list[Row]:
        return [self.model.row_at(r) for r in self.view.selected_rows()]

    def _selection_changed(self, *_: object) -> None:
        rows = self.selected()
        if rows:
            files = [r for r in rows if r.kind != FOLDER]
            text = self.tr("{0} selected").format(f"{len(rows):,}")
            if files:
                # A folder's size is unknown until counted: only the files' sizes are summed.
                size = human_size(sum(r.size for r in files))
                text += (
                    f", {size}"
                    if len(files) == len(rows)
                    else self.tr(", {0} in files").format(size)
                )
            self.selection_label.setText(text)
        else:
            self.selection_label.setText("")
        self.state.set_selection(rows)
        self._preview_later.start()

    def _update_preview(self) -> None:
        rows = self.selected()
        index = self.view.currentIndex()
        if len(rows) == 1:
            self.preview.show_row(self.state.element, rows[0])
        elif not rows and index.isValid():
            self.preview.show_row(self.state.element, self.model.row_at(index.row()))
        else:
            self.preview.show_row(None, None)

    def build_object_menu(self) -> QMenu:
        """The right-click menu for the current selection (also used by tests)."""
        return self.acts.object_menu(self)

    def _object_menu(self, pos: QPoint) -> None:
        self.build_object_menu().popup(self.views.current().viewport().mapToGlobal(pos))
