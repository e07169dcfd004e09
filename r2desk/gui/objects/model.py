"""``ObjectTableModel``: one prefix of a bucket, listed page by page as the user scrolls.

Pages are fetched in the app's task pool (``fetchMore``); the worker turns each into a block of
columns (``rows.Columns``: keys, sizes, times, natural sort keys), so the main thread only
extends arrays, and a million rows take ~180 bytes each. What the view shows is an array of
indexes into those columns; texts are made when a row is painted (a screenful at a time).
Nothing asks the store for more than the listing gives (no HEAD per object). Sorting and
filtering are done here over the loaded rows, by precomputed keys sorted in C, rather than in a
QSortFilterProxyModel whose C++ comparisons would call back into Python per comparison.
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from r2desk.gui.i18n import QT_TRANSLATE_NOOP
from r2desk.gui.objects.icons import FileIcons
from r2desk.gui.objects.rows import (
    FILE,
    FOLDER,
    Columns,
    Page,
    Row,
    file_row,
    folder_row,
    icon_kind,
    list_page,
    positions,
)
from r2desk.gui.widgets import plain_tip

if TYPE_CHECKING:
    from r2desk.gui.tasks import Task, TaskPool
    from r2desk.storages.meta import Meta

__all__ = [
    "COLUMNS",
    "FILE",
    "FOLDER",
    "KEYS_MIME",
    "ObjectTableModel",
    "Page",
    "Row",
    "file_row",
    "folder_row",
    "icon_kind",
    "list_page",
]

COLUMNS = (
    QT_TRANSLATE_NOOP("ObjectTableModel", "Name"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "Size"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "Modified"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "Storage class"),
)
COL_NAME, COL_SIZE, COL_MODIFIED, COL_CLASS = range(4)
#: MIME type of objects dragged inside the window (keys, one a line).
KEYS_MIME = "application/x-r2desk-keys"


def _sort_key(rows: Columns, column: int, byte_order: bool) -> Callable[[int], Any]:
    """Each column's sort key over row indexes; names compare naturally (or by code point in the
    store's order), and break the ties of the other columns."""
    nat = rows.naturals
    if column == COL_NAME:
        return rows.name if byte_order else nat.__getitem__
    if column == COL_SIZE:
        sizes = rows.sizes
        return lambda i: (sizes[i], nat[i])
    if column == COL_MODIFIED:
        mtimes = rows.mtimes
        return lambda i: (mtimes[i], nat[i])
    return lambda i: (rows.storage_class(i), nat[i])


_SORTABLE = (COL_NAME, COL_SIZE, COL_MODIFIED, COL_CLASS)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_F = Qt.ItemFlag
_FLAGS_EMPTY = _F.ItemIsDropEnabled
_FLAGS_FILE = _F.ItemIsSelectable | _F.ItemIsEnabled | _F.ItemNeverHasChildren
_FLAGS_FILE |= _F.ItemIsDragEnabled
_FLAGS_FOLDER = _FLAGS_FILE | _F.ItemIsDropEnabled


class ObjectTableModel(QAbstractTableModel):
    """The rows of one prefix; more pages load through ``fetchMore`` as the view scrolls.

    Order is always folders first; within each group the chosen column, then the name. Names
    compare naturally ("file2" before "file10", any case) unless ``byte_order`` asks for the
    store's own (UTF-8 byte) order. Pages arrive in byte order, so with a natural sort a new
    page may land between loaded rows: what is loaded is sorted, and the window says when the
    listing is still partial.
    """

    loading_changed = Signal(bool)
    page_loaded = Signal(int)  # rows added
    load_failed = Signal(object)  # the exception
    crashed = Signal(str)
    location_changed = Signal(str, str)  # element, prefix

    def __init__(
        self, pool: TaskPool, parent: QObject | None = None, *, page_size: int = 1000
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.page_size = page_size
        self.element: Meta | None = None
        self.element_name = ""
        self.prefix = ""
        self._all = Columns()  # every loaded row
        self._view = array("q")  # what the view shows (filtered, sorted): indexes into _all
        self._nfolders = 0  # folders lead self._view
        self._folders_loaded = 0  # of self._all, for the counts
        self._token: str | None = None
        self._complete = False
        self._loading: Task | None = None
        self._generation = 0
        self._filter = ""
        self._sort_column = COL_NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.icons = FileIcons()
        self.byte_order = False
        self.last_error: BaseException | None = None
        #: Key -> ETag of the listed images only (a side table beside the rows).
        self._etags: dict[str, str] = {}

    # -- location and paging ----------

    def set_location(self, element: Meta | None, prefix: str) -> None:
        """Show ``prefix`` of ``element`` (None clears), starting a fresh listing."""
        self._generation += 1
        if self._loading is not None:
            self._loading.cancel()
            self._loading = None
            self.loading_changed.emit(False)
        self.beginResetModel()
        self.element = element
        self.element_name = getattr(element, "name", "") if element is not None else ""
        self.prefix = prefix
        self._all = Columns()
        self._view = array("q")
        self._etags = {}
        self._nfolders = 0
        self._folders_loaded = 0
        self._token = None
        self._complete = element is None
        self.last_error = None
        self.endResetModel()
        self.location_changed.emit(self.element_name, prefix)
        if element is not None:
            self._request_page()

    def refresh(self) -> None:
        self.set_location(self.element, self.prefix)

    @property
    def loading(self) -> bool:
        return self._loading is not None

    @property
    def complete(self) -> bool:
        """True once the last page of the prefix has been loaded."""
        return self._complete

    @property
    def loaded_count(self) -> int:
        return len(self._all)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self.element is not None  # none yet: the connections are still being read
            and not self._complete
            and self._loading is None
            and self.last_error is None
        )

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request_page()

    def retry(self) -> None:
        """After a failed page: try the same page again."""
        self.last_error = None
        if not self._complete and self._loading is None and self.element is not None:
            self._request_page()

    def _request_page(self) -> None:
        gen = self._generation
        self._loading = self.pool.submit(
            list_page,
            self.element,
            self.prefix,
            self._token,
            self.page_size,
            on_result=lambda page: self._on_page(gen, page),
            on_error=lambda exc: self._on_failed(gen, exc),
            on_crash=lambda text: self._on_crash(gen, text),
            owner=self,
        )
        self.loading_changed.emit(True)

    def _done_loading(self, gen: int) -> bool:
        if gen != self._generation:
            return False
        self._loading = None
        self.loading_changed.emit(False)
        return True

    def _on_failed(self, gen: int, exc: BaseException) -> None:
        if self._done_loading(gen):
            self.last_error = exc
            self.load_failed.emit(exc)

    def _on_crash(self, gen: int, text: str) -> None:
        if self._done_loading(gen):
            self.last_error = RuntimeError("listing crashed")
            self.crashed.emit(text)

    def _on_page(self, gen: int, page: Page) -> None:
        if not self._done_loading(gen):
            return
        self._token = page.next_token
        self._complete = page.next_token is None
        if page.etags:
            self._etags.update(page.etags)
        self._add_rows(page.rows)
        self.page_loaded.emit(len(page.rows))

    # -- adding and removing rows ----------

    def _natural(self) -> bool:
        """Sorted by name, ascending: new rows can be placed by bisection."""
        return self._sort_column == COL_NAME and self._sort_order == Qt.SortOrder.AscendingOrder

    def _key(self) -> Callable[[int], Any]:
        return _sort_key(self._all, self._sort_column, self.byte_order)

    def set_byte_order(self, on: bool) -> None:
        """Names in the store's byte order (True) or in natural order (False)."""
        if on != self.byte_order:
            self.byte_order = on
            self._resort()

    def _accepts(self, i: int) -> bool:
        return not self._filter or self._filter in self._all.name(i).casefold()

    def _add_rows(self, rows: Columns) -> None:
        """A listed block joins the loaded rows."""
        start = len(self._all)
        self._all.extend(rows)
        self._folders_loaded += rows.kinds.count(FOLDER)
        self._show_block(range(start, len(self._all)))

    def _show_block(self, new: Sequence[int]) -> None:
        """Stored rows join the view: in natural order a block that follows what is shown is
        appended (two inserts, no re-sort); else inserted and re-sorted once."""
        kinds = self._all.kinds
        shown = [i for i in new if self._accepts(i)] if self._filter else new
        folders = [i for i in shown if kinds[i] == FOLDER]
        files = [i for i in shown if kinds[i] == FILE] if folders else shown
        if not folders and not files:
            return
        in_order = self._natural() and self._appends_in_order(folders, files)
        self._insert_block(self._nfolders, folders, folders=True)
        self._insert_block(len(self._view), files, folders=False)
        if not in_order:
            self._resort()

    def _appends_in_order(self, folders: Sequence[int], files: Sequence[int]) -> bool:
        """Whether the new rows (each group in order) simply follow the loaded ones."""
        k = self._key()
        for group in (folders, files):
            keys = [k(i) for i in group]
            if any(a > b for a, b in itertools.pairwise(keys)):
                return False
        view = self._view
        if folders and self._nfolders and k(folders[0]) < k(view[self._nfolders - 1]):
            return False
        last = len(view) - 1
        return not (files and last >= self._nfolders and k(files[0]) < k(view[last]))

    def _insert_block(self, at: int, rows: Sequence[int], *, folders: bool) -> None:
        if not rows:
            return
        # beginInsertRows takes the first and the *inclusive* last row of the new block.
        self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
        self._view[at:at] = array("q", rows)
        if folders:
            self._nfolders += len(rows)
        self.endInsertRows()

    def _index_of_key(self, key: str) -> int:
        try:
            return self._all.keys.index(key)
        except ValueError:
            return -1

    def upsert(self, row: Row) -> None:
        """Show a new or changed entry of this prefix at once (after an upload, a new folder)."""
        self.upsert_many([row])

    def upsert_many(self, rows: Iterable[Row]) -> None:
        """Show new or changed entries of this prefix at once (the uploads that finished since
        the last call): one search of the listing, one insert and at most one re-sort for the
        batch, however many there are."""
        mine: dict[str, Row] = {}
        for row in rows:
            if row.key[: -len(row.name) - (1 if row.kind == FOLDER else 0)] == self.prefix:
                mine[row.key] = row  # the latest of a key wins
        if not mine:
            return
        for key in mine:
            self._etags.pop(key, None)  # changed: its ETag is not known until listed again
        found = positions(self._all.keys, mine.keys())
        kinds = self._all.kinds
        start = len(self._all)
        changed: list[int] = []
        for key, row in mine.items():
            j = found.get(key, -1)
            if j >= 0 and row.kind == FOLDER == kinds[j]:
                continue  # a folder has nothing to repaint (each of a dropped folder's files asks)
            if j >= 0:
                if kinds[j] == FOLDER:
                    self._folders_loaded -= 1
                self._all.set_row(j, row)
                changed.append(j)
            else:
                self._all.add_row(row)
            if row.kind == FOLDER:
                self._folders_loaded += 1
        shown = positions(self._view, set(changed))
        for at in shown.values():
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))
        new = [j for j in changed if j not in shown] + list(range(start, len(self._all)))
        new = [j for j in new if self._accepts(j)]
        if len(new) == 1:
            self._show_one(new[0])
        elif new:
            self._show_block(new)

    def _show_one(self, j: int) -> None:
        """One row joins the view where it sorts (no re-sort in natural order)."""
        folder = self._all.kinds[j] == FOLDER
        k = self._key()
        natural = self._natural()
        lo, hi = (0, self._nfolders) if folder else (self._nfolders, len(self._view))
        at = bisect.bisect_left(self._view, k(j), lo, hi, key=k) if natural else hi
        self._insert_block(at, [j], folders=folder)
        if not natural:
            self._resort()

    def remove_keys(self, keys: set[str]) -> None:
        """Drop entries that were deleted or moved away, without listing again."""
        if not keys:
            return
        for key in keys:
            self._etags.pop(key, None)
        store_keys, kinds, view = self._all.keys, self._all.kinds, self._view
        i = len(view) - 1
        while i >= 0:
            if store_keys[view[i]] in keys:
                end = i
                while i - 1 >= 0 and store_keys[view[i - 1]] in keys:
                    i -= 1
                self.beginRemoveRows(QModelIndex(), i, end)
                removed_folders = sum(1 for j in view[i : end + 1] if kinds[j] == FOLDER)
                del view[i : end + 1]
                self._nfolders -= removed_folders
                self.endRemoveRows()
            i -= 1
        # Compact the loaded rows and renumber what is shown (same rows, no signal needed).
        kept = [j for j, key in enumerate(store_keys) if key not in keys]
        if len(kept) == len(store_keys):
            return
        renumber = array("q", [-1]) * len(store_keys)
        for new, old in enumerate(kept):
            renumber[old] = new
        self._all = self._all.take(kept)
        self._folders_loaded = self._all.kinds.count(FOLDER)
        self._view = array("q", (renumber[j] for j in view))

    # -- filter and sort ----------

    def set_filter(self, text: str) -> None:
        """Show only loaded rows whose name contains ``text`` (any case)."""
        text = text.strip().casefold()
        if text == self._filter:
            return
        self.beginResetModel()
        self._filter = text
        self._view = self._sorted([i for i in range(len(self._all)) if self._accepts(i)])
        self.endResetModel()

    @property
    def filter_text(self) -> str:
        return self._filter

    def _sorted(self, rows: Sequence[int]) -> array[int]:
        """Folders, then files, each by the sort key; sets the folder count."""
        key = self._key()
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        kinds = self._all.kinds
        folders = sorted((i for i in rows if kinds[i] == FOLDER), key=key, reverse=reverse)
        files = sorted((i for i in rows if kinds[i] == FILE), key=key, reverse=reverse)
        self._nfolders = len(folders)
        out = array("q", folders)
        out.extend(files)
        return out

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORTABLE:
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return
        self._sort_column = column
        self._sort_order = order
        self._resort()

    def _resort(self) -> None:
        """Re-order in place, keeping selection and current row (persistent indexes) valid."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        view = self._view
        keyed = [(p, view[p.row()]) for p in persistent if 0 <= p.row() < len(view)]
        self._view = self._sorted(view)
        if keyed:
            where = {j: i for i, j in enumerate(self._view)}
            self.changePersistentIndexList(
                [p for p, _ in keyed],
                [self.index(where.get(j, -1), p.column()) for p, j in keyed],
            )
        self.layoutChanged.emit()

    # -- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        # Called ~7 times per cell per repaint: plain int roles, precomputed flags, one branch.
        rows = self._all
        j = self._view[index.row()]
        col = index.column()
        if role == _DISPLAY:
            if col == COL_NAME:
                return rows.name(j)
            if col == COL_SIZE:
                return rows.size_text(j)
            if col == COL_MODIFIED:
                return rows.mtime_text(j)
            return rows.storage_class(j)
        if role == _DECORATION and col == COL_NAME:
            if rows.kinds[j] == FOLDER:
                return self.icons.folder()
            name = rows.name(j)
            return self.icons.for_name(name, icon_kind(name))
        if role == _ALIGNMENT and col == COL_SIZE:
            return _RIGHT
        if role == _TOOLTIP and col == COL_NAME:
            return plain_tip(rows.keys[j])
        if role == _ACCESSIBLE:
            return rows.name(j) if col == COL_NAME else self.data(index)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _FLAGS_EMPTY
        return _FLAGS_FOLDER if self._all.kinds[self._view[index.row()]] == FOLDER else _FLAGS_FILE

    def mimeTypes(self) -> list[str]:
        return [KEYS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Keys for drags inside the window (the window's drag-out adds files on demand)."""
        keys = sorted({self._all.keys[self._view[i.row()]] for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(KEYS_MIME, "\n".join(keys).encode("utf-8"))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    # -- helpers for the window ----------

    def loaded_rows(self) -> list[Row]:
        """Every loaded row, whatever the filter shows (made on demand: prefer the counts)."""
        return [self._all.row(j) for j in range(len(self._all))]

    def loaded_counts(self) -> tuple[int, int]:
        """Folders and files loaded, whatever the filter shows (no row is made)."""
        return self._folders_loaded, len(self._all) - self._folders_loaded

    def row_at(self, row: int) -> Row:
        return self._all.row(self._view[row])

    def key_at(self, row: int) -> str:
        return self._all.keys[self._view[row]]

    def rows(self) -> list[Row]:
        return [self._all.row(j) for j in self._view]

    def etag(self, key: str) -> str:
        """The listed ETag of an image ("" for other rows, or one changed since the listing)."""
        return self._etags.get(key, "")

    def row_for_key(self, key: str) -> int:
        j = self._index_of_key(key)
        if j < 0:
            return -1
        try:
            return self._view.index(j)
        except ValueError:
            return -1
