"""``ObjectTableModel``: one prefix of a bucket, listed page by page as the user scrolls.

Pages are fetched in the app's task pool (``fetchMore``); the worker also pre-formats every
row (size and time text, icon kind) so ``data()`` only indexes a tuple: a prefix of 100,000
objects scrolls without any per-row work or allocation on the main thread, and nothing asks
the store for more than the listing gives (no HEAD per object). Sorting and filtering are
done here, in Python, over the loaded rows, rather than in a QSortFilterProxyModel whose
C++ comparisons would call back into Python per comparison.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import posixpath
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from r2desk.formatting import human_size, local_time, natural_key
from r2desk.gui.i18n import QT_TRANSLATE_NOOP
from r2desk.gui.objects.icons import FileIcons
from r2desk.gui.tasks import Task, TaskPool
from r2desk.gui.widgets import plain_tip
from r2desk.storages.meta import Meta

FOLDER, FILE = 0, 1
COLUMNS = (
    QT_TRANSLATE_NOOP("ObjectTableModel", "Name"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "Size"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "Modified"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "Storage class"),
)
COL_NAME, COL_SIZE, COL_MODIFIED, COL_CLASS = range(4)
#: MIME type of objects dragged inside the window (keys, one a line).
KEYS_MIME = "application/x-r2desk-keys"

_IMAGE = {"png", "jpg", "jpeg", "gif", "webp", "bmp", "svg", "ico", "tif", "tiff", "avif"}
_TEXT = {"txt", "md", "csv", "log", "json", "yaml", "yml", "xml", "ini", "toml", "cfg", "tsv"}
_CODE = {"py", "js", "ts", "html", "css", "c", "h", "cpp", "rs", "go", "java", "sh", "sql"}
_ARCHIVE = {"zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar"}
_AUDIO = {"mp3", "wav", "flac", "ogg", "m4a", "aac", "opus"}
_VIDEO = {"mp4", "mkv", "mov", "webm", "avi", "m4v"}


class Row(NamedTuple):
    """One listed entry, fully formatted by the worker that listed it."""

    kind: int  # FOLDER sorts before FILE
    name: str  # last path segment (folders without their trailing slash)
    key: str  # full key; folders end with "/"
    size: int
    size_text: str
    mtime: float  # epoch seconds, 0 for folders
    mtime_text: str
    storage_class: str
    icon: str  # icon kind: folder, image, text, code, archive, audio, video, pdf, file
    natural: tuple[str | int, ...]  # the name's natural sort key, made by the worker too


class Page(NamedTuple):
    rows: list[Row]
    next_token: str | None


def icon_kind(name: str) -> str:
    """Which icon a file name gets, from its extension only (listings carry no content type)."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in _IMAGE:
        return "image"
    if ext in _TEXT:
        return "text"
    if ext in _CODE:
        return "code"
    if ext in _ARCHIVE:
        return "archive"
    if ext in _AUDIO:
        return "audio"
    if ext in _VIDEO:
        return "video"
    if ext == "pdf":
        return "pdf"
    return "file"


def folder_row(key: str) -> Row:
    name = posixpath.basename(key.rstrip("/")) or key
    return Row(FOLDER, name, key, 0, "", 0.0, "", "", "folder", natural_key(name))


def file_row(key: str, size: int, modified: _dt.datetime | None, storage_class: str) -> Row:
    name = key.rsplit("/", 1)[-1]
    return Row(
        FILE,
        name,
        key,
        size,
        human_size(size),
        modified.timestamp() if modified else 0.0,
        local_time(modified),
        storage_class or "STANDARD",
        icon_kind(name),
        natural_key(name),
    )


def list_page(element: Meta, prefix: str, token: str | None, max_keys: int) -> Page:
    """Worker side: one ListObjectsV2 page turned into display-ready rows."""
    page = element.listObjects(prefix, "/", token, max_keys)
    rows = [folder_row(p) for p in page["folders"]]
    rows.extend(
        file_row(o["key"], o["size"], o.get("lastModified"), o.get("storageClass", ""))
        for o in page["objects"]
        if not o["key"].endswith("/")  # a stray "dir/" marker is shown by its folder row
    )
    return Page(rows, page["nextToken"])


def _name(r: Row) -> Any:
    return r.natural


def _byte_name(r: Row) -> Any:
    return r.name


#: Each column's sort key; names compare naturally (or by code point in the store's order).
_SORT_KEYS: dict[int, Callable[[Row], Any]] = {
    COL_NAME: _name,
    COL_SIZE: lambda r: (r.size, r.natural),
    COL_MODIFIED: lambda r: (r.mtime, r.natural),
    COL_CLASS: lambda r: (r.storage_class, r.natural),
}


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
        self._all: list[Row] = []  # every loaded row
        self._rows: list[Row] = []  # what the view shows: filtered and sorted
        self._nfolders = 0  # folders lead self._rows
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
        self._all = []
        self._rows = []
        self._nfolders = 0
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
        self._add_rows(page.rows)
        self.page_loaded.emit(len(page.rows))

    # -- adding and removing rows ----------

    def _natural(self) -> bool:
        """Sorted by name, ascending: new rows can be placed by bisection."""
        return self._sort_column == COL_NAME and self._sort_order == Qt.SortOrder.AscendingOrder

    def _sort_key(self) -> Callable[[Row], Any]:
        if self._sort_column == COL_NAME and self.byte_order:
            return _byte_name
        return _SORT_KEYS[self._sort_column]

    def set_byte_order(self, on: bool) -> None:
        """Names in the store's byte order (True) or in natural order (False)."""
        if on != self.byte_order:
            self.byte_order = on
            self._resort()

    def _accepts(self, row: Row) -> bool:
        return not self._filter or self._filter in row.name.casefold()

    def _add_rows(self, rows: list[Row]) -> None:
        self._all.extend(rows)
        shown = [r for r in rows if self._accepts(r)]
        if not shown:
            return
        folders = [r for r in shown if r.kind == FOLDER]
        files = [r for r in shown if r.kind == FILE]
        if self._natural() and self._appends_in_order(folders, files):
            self._insert_block(self._nfolders, folders)
            self._insert_block(len(self._rows), files)
            return
        self._insert_block(self._nfolders, folders)
        self._insert_block(len(self._rows), files)
        self._resort()

    def _appends_in_order(self, folders: list[Row], files: list[Row]) -> bool:
        """Whether the new rows (each group in order) simply follow the loaded ones."""
        k = self._sort_key()
        if any(k(a) > k(b) for group in (folders, files) for a, b in itertools.pairwise(group)):
            return False
        if folders and self._nfolders and k(folders[0]) < k(self._rows[self._nfolders - 1]):
            return False
        last = len(self._rows) - 1
        return not (files and last >= self._nfolders and k(files[0]) < k(self._rows[last]))

    def _insert_block(self, at: int, rows: list[Row]) -> None:
        if not rows:
            return
        # beginInsertRows takes the first and the *inclusive* last row of the new block.
        self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
        self._rows[at:at] = rows
        if rows[0].kind == FOLDER:
            self._nfolders += len(rows)
        self.endInsertRows()

    def upsert(self, row: Row) -> None:
        """Show a new or changed entry of this prefix at once (after an upload, a new folder)."""
        parent = row.key[: -len(row.name) - (1 if row.kind == FOLDER else 0)]
        if parent != self.prefix:
            return
        for i, old in enumerate(self._all):
            if old.key == row.key:
                self._all[i] = row
                break
        else:
            self._all.append(row)
        for i, old in enumerate(self._rows):
            if old.key == row.key:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
                return
        if not self._accepts(row):
            return
        k = self._sort_key()
        if row.kind == FOLDER:
            names = [k(r) for r in self._rows[: self._nfolders]]
            at = bisect.bisect_left(names, k(row)) if self._natural() else self._nfolders
        else:
            names = [k(r) for r in self._rows[self._nfolders :]]
            at = (
                self._nfolders + bisect.bisect_left(names, k(row))
                if self._natural()
                else len(self._rows)
            )
        self._insert_block(at, [row])
        if not self._natural():
            self._resort()

    def remove_keys(self, keys: set[str]) -> None:
        """Drop entries that were deleted or moved away, without listing again."""
        if not keys:
            return
        self._all = [r for r in self._all if r.key not in keys]
        i = len(self._rows) - 1
        while i >= 0:
            if self._rows[i].key in keys:
                end = i
                while i - 1 >= 0 and self._rows[i - 1].key in keys:
                    i -= 1
                self.beginRemoveRows(QModelIndex(), i, end)
                removed_folders = sum(1 for r in self._rows[i : end + 1] if r.kind == FOLDER)
                del self._rows[i : end + 1]
                self._nfolders -= removed_folders
                self.endRemoveRows()
            i -= 1

    # -- filter and sort ----------

    def set_filter(self, text: str) -> None:
        """Show only loaded rows whose name contains ``text`` (any case)."""
        text = text.strip().casefold()
        if text == self._filter:
            return
        self.beginResetModel()
        self._filter = text
        self._rows = self._sorted([r for r in self._all if self._accepts(r)])
        self._nfolders = sum(1 for r in self._rows if r.kind == FOLDER)
        self.endResetModel()

    @property
    def filter_text(self) -> str:
        return self._filter

    def _sorted(self, rows: list[Row]) -> list[Row]:
        key = self._sort_key()
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        folders = sorted((r for r in rows if r.kind == FOLDER), key=key, reverse=reverse)
        files = sorted((r for r in rows if r.kind == FILE), key=key, reverse=reverse)
        return folders + files

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
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
        keyed = [(p, self._rows[p.row()].key) for p in persistent if 0 <= p.row() < len(self._rows)]
        self._rows = self._sorted(self._rows)
        if keyed:
            where = {r.key: i for i, r in enumerate(self._rows)}
            self.changePersistentIndexList(
                [p for p, _ in keyed],
                [self.index(where.get(k, -1), p.column()) for p, k in keyed],
            )
        self.layoutChanged.emit()

    # -- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return row.name
            if col == COL_SIZE:
                return row.size_text
            if col == COL_MODIFIED:
                return row.mtime_text
            return row.storage_class
        if role == Qt.ItemDataRole.DecorationRole and col == COL_NAME:
            if row.kind == FOLDER:
                return self.icons.folder()
            return self.icons.for_name(row.name, row.icon)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME:
            return plain_tip(row.key)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_SIZE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.name if col == COL_NAME else self.data(index)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        flags = base | Qt.ItemFlag.ItemIsDragEnabled
        if self._rows[index.row()].kind == FOLDER:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [KEYS_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Keys for drags inside the window; the view adds signed URLs for drags outside."""
        keys = sorted({self._rows[i.row()].key for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(KEYS_MIME, "\n".join(keys).encode("utf-8"))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    # -- helpers for the window ----------

    def loaded_rows(self) -> list[Row]:
        """Every loaded row, whatever the filter shows."""
        return self._all

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_for_key(self, key: str) -> int:
        for i, r in enumerate(self._rows):
            if r.key == key:
                return i
        return -1
