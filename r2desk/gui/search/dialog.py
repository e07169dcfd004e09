"""Search the bucket: a non-modal dialog over :mod:`r2desk.search`, fed by a streaming worker.

The worker lists the whole prefix page by page and sends matches in batches (a signal queued
to the main thread); the dialog adds them as they come, shows the count scanned, and can stop at
any time. Results are capped (``LIMIT``), so a search of a million keys keeps a bounded table.
"""

from __future__ import annotations

import datetime as _dt
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from r2desk.formatting import human_size, local_time
from r2desk.gui.i18n import QT_TRANSLATE_NOOP
from r2desk.gui.messages import one_line
from r2desk.search import Query, SearchProgress, search

if TYPE_CHECKING:
    from r2desk.gui.tasks import Task, TaskPool
    from r2desk.results import ListedObject
    from r2desk.storages.meta import Meta
    from r2desk.transfers.control import CancelToken

#: The most matches one search keeps (and shows); the scan stops there and says so.
LIMIT = 10_000
#: How often the worker hands a batch to the main thread (seconds), whatever the match rate.
BATCH_SECONDS = 0.15

_AnyIndex = QModelIndex | QPersistentModelIndex
_SIZES = [
    (QT_TRANSLATE_NOOP("SearchDialog", "any size"), None, None),
    (QT_TRANSLATE_NOOP("SearchDialog", "under 1 MiB"), None, 1024**2 - 1),
    (QT_TRANSLATE_NOOP("SearchDialog", "1 MiB to 100 MiB"), 1024**2, 100 * 1024**2),
    (QT_TRANSLATE_NOOP("SearchDialog", "over 100 MiB"), 100 * 1024**2 + 1, None),
]
_AGES = [
    (QT_TRANSLATE_NOOP("SearchDialog", "any time"), None),
    (QT_TRANSLATE_NOOP("SearchDialog", "last 24 hours"), 86400),
    (QT_TRANSLATE_NOOP("SearchDialog", "last 7 days"), 7 * 86400),
    (QT_TRANSLATE_NOOP("SearchDialog", "last 30 days"), 30 * 86400),
    (QT_TRANSLATE_NOOP("SearchDialog", "last year"), 365 * 86400),
]


class ResultModel(QAbstractTableModel):
    """Matches: name, folder, size, modified. Plain text only (``DisplayRole`` strings)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ResultModel", "Name"),
        QT_TRANSLATE_NOOP("ResultModel", "Folder"),
        QT_TRANSLATE_NOOP("ResultModel", "Size"),
        QT_TRANSLATE_NOOP("ResultModel", "Modified"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ListedObject] = []

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        obj = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            folder, _, name = obj["key"].rpartition("/")
            return (
                name,
                folder + "/" if folder else "/",
                human_size(obj["size"]),
                local_time(obj["lastModified"]),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return obj["key"]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def add(self, batch: list[ListedObject]) -> None:
        if not batch:
            return
        start = len(self.rows)
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        self.rows.extend(batch)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.endResetModel()


class _Feed(QObject):
    """Lives on the main thread; the worker emits, Qt queues the call to the dialog."""

    batch = Signal(int, list, int)  # search number, matches, scanned so far


def run_search(
    element: Meta,
    prefix: str,
    query: Query,
    feed: _Feed,
    number: int,
    cancel: CancelToken,
    limit: int = LIMIT,
) -> SearchProgress:
    """The worker: stream the listing through the filter, emitting batches; stop on cancel."""
    progress = SearchProgress()
    batch: list[ListedObject] = []
    sent = time.monotonic()

    def objects() -> Any:
        for obj in element.iterObjects(prefix):
            if cancel.cancelled:
                return
            yield obj

    for obj in search(objects(), query, prefix=prefix, limit=limit, progress=progress):
        batch.append(obj)
        now = time.monotonic()
        if now - sent >= BATCH_SECONDS:
            feed.batch.emit(number, batch, progress.scanned)
            batch, sent = [], now
    feed.batch.emit(number, batch, progress.scanned)
    return progress


class SearchDialog(QDialog):
    """Find objects anywhere below a prefix. ``reveal(key)`` asks the window to show one."""

    reveal = Signal(str)
    download = Signal(list)  # keys

    def __init__(
        self, pool: TaskPool, element: Meta, prefix: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pool, self.element, self.prefix = pool, element, prefix
        self.task: Task | None = None
        self.number = 0  # which search is current: batches of a stopped one are dropped
        self.setWindowTitle(self.tr("Search"))
        self.setAccessibleName(self.tr("Search the bucket"))
        self.resize(720, 460)

        self.pattern = QLineEdit(self)
        self.pattern.setPlaceholderText(self.tr("Name, or a pattern such as *.jpg"))
        self.pattern.setAccessibleName(self.tr("Search for"))
        self.pattern.setClearButtonEnabled(True)
        self.sizes = QComboBox(self)
        self.sizes.setAccessibleName(self.tr("Size"))
        for text, _, _ in _SIZES:
            self.sizes.addItem(self.tr(text))
        self.ages = QComboBox(self)
        self.ages.setAccessibleName(self.tr("Modified"))
        for text, _ in _AGES:
            self.ages.addItem(self.tr(text))
        self.go = QPushButton(self.tr("Search"), self)
        self.go.setDefault(True)
        self.stop = QPushButton(self.tr("Stop"), self)
        self.stop.setEnabled(False)

        self.where = QLabel(self)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setText(self.tr("In: {0}").format(f"{element.title} / {prefix or ''}"))
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Search status"))

        self.model = ResultModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Search results"))
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        hh.resizeSection(1, 220)
        # Size and date fit their widest text (measured once: resizing to the contents would
        # measure every row again as matches stream in).
        fm = self.table.fontMetrics()
        pad = 3 * fm.averageCharWidth()
        hh.resizeSection(2, fm.horizontalAdvance(human_size(1023 * 1024**3 + 1)) + pad)
        latest = _dt.datetime(2026, 12, 30, 23, 59, tzinfo=_dt.UTC)
        hh.resizeSection(3, fm.horizontalAdvance(local_time(latest)) + pad)

        self.show_btn = QPushButton(self.tr("Show in folder"), self)
        self.download_btn = QPushButton(self.tr("Download…"), self)
        close = QPushButton(self.tr("Close"), self)
        for b in (self.show_btn, self.download_btn):
            b.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.pattern, 1)
        top.addWidget(self.sizes)
        top.addWidget(self.ages)
        top.addWidget(self.go)
        top.addWidget(self.stop)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.show_btn)
        bottom.addWidget(self.download_btn)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.feed = _Feed(self)
        self.feed.batch.connect(self._batch)
        self.go.clicked.connect(self.start)
        self.pattern.returnPressed.connect(self.start)
        self.stop.clicked.connect(self.cancel)
        close.clicked.connect(self.close)
        self.table.doubleClicked.connect(lambda _i: self._reveal())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.show_btn.clicked.connect(self._reveal)
        self.download_btn.clicked.connect(
            lambda: self.download.emit([o["key"] for o in self._selected()])
        )

    def query(self) -> Query:
        _, lo, hi = _SIZES[self.sizes.currentIndex()]
        age = _AGES[self.ages.currentIndex()][1]
        newer = _dt.datetime.now(_dt.UTC) - _dt.timedelta(seconds=age) if age else None
        return Query(self.pattern.text().strip(), min_size=lo, max_size=hi, newer=newer)

    def start(self) -> None:
        self.cancel()
        self.model.clear()
        self.status.setText(self.tr("Searching…"))
        self.go.setEnabled(False)
        self.stop.setEnabled(True)
        self.number += 1
        number = self.number
        self.task = self.pool.submit(
            run_search,
            self.element,
            self.prefix,
            self.query(),
            self.feed,
            number,
            on_result=lambda p: self._done(p) if number == self.number else None,
            on_error=lambda e: self._failed(e) if number == self.number else None,
            owner=self,
        )

    def cancel(self) -> None:
        if self.task is not None:
            self.number += 1
            self.task.cancel()
            self.task = None
        self.go.setEnabled(True)
        self.stop.setEnabled(False)

    def _batch(self, number: int, batch: list[ListedObject], scanned: int) -> None:
        if number != self.number:
            return
        self.model.add(batch)
        self.status.setText(
            self.tr("{0} found in {1} scanned…").format(f"{len(self.model.rows):,}", f"{scanned:,}")
        )

    def _done(self, progress: SearchProgress) -> None:
        self.task = None
        self.go.setEnabled(True)
        self.stop.setEnabled(False)
        text = self.tr("{0} found in {1} objects").format(
            f"{progress.found:,}", f"{progress.scanned:,}"
        )
        if progress.capped:
            text += " " + self.tr("(stopped at {0}: narrow the search)").format(f"{LIMIT:,}")
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.cancel()
        self.status.setText(self.tr("Search stopped: {0}").format(one_line(exc)))

    def _selected(self) -> list[ListedObject]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows]

    def _selection_changed(self, *_: object) -> None:
        chosen = self._selected()
        self.show_btn.setEnabled(len(chosen) == 1)
        self.download_btn.setEnabled(bool(chosen))

    def _reveal(self) -> None:
        chosen = self._selected()
        if len(chosen) == 1:
            self.reveal.emit(chosen[0]["key"])

    def closeEvent(self, event: Any) -> None:
        self.cancel()
        super().closeEvent(event)
