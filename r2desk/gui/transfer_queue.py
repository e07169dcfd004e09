"""The transfer queue: one job per file, a bounded number running at once, and its panel.

Workers only write two integers into their job (bytes done, bytes total); a 4 Hz timer on the
main thread turns those into progress, speed and ETA and repaints the running rows. So a 1 GiB
transfer that reports thousands of times costs the window a handful of repaints per second,
whatever the engine's callback rate.
"""

from __future__ import annotations

import enum
import itertools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from r2desk.errors import StorageError
from r2desk.formatting import human_duration, human_rate, human_size
from r2desk.gui.errors import one_line
from r2desk.gui.tasks import Task, TaskPool

UPLOAD, DOWNLOAD = "upload", "download"
COLUMNS = ("⇅", "Name", "Size", "Progress", "Speed", "ETA", "State")
COL_DIR, COL_NAME, COL_SIZE, COL_PROGRESS, COL_SPEED, COL_ETA, COL_STATE = range(7)
DEFAULT_CONCURRENCY = 3
MAX_CONCURRENCY = 16
TICK_MS = 250


class State(enum.Enum):
    QUEUED = "Queued"
    RUNNING = "Running"
    DONE = "Done"
    FAILED = "Failed"
    CANCELLED = "Cancelled"

    @property
    def finished(self) -> bool:
        return self in (State.DONE, State.FAILED, State.CANCELLED)


_ids = itertools.count(1)


@dataclass(eq=False)
class TransferJob:
    """One file going one way. ``done``/``total`` are written by the worker, read by the timer."""

    direction: str
    element: Any
    key: str
    path: Path
    size: int
    id: int = field(default_factory=lambda: next(_ids))
    state: State = State.QUEUED
    done: int = 0
    total: int = 0
    error: str = ""
    exception: BaseException | None = None
    speed: float = 0.0
    result: Any = None
    task: Task | None = field(default=None, repr=False)
    started: float = 0.0
    _last_done: int = 0
    _last_time: float = 0.0
    requeue: bool = False  # cancelled by "pause": goes back to the queue, not to Cancelled

    @property
    def name(self) -> str:
        return self.key if self.direction == UPLOAD else str(self.path)

    def report(self, done: int, total: int) -> None:
        """The engine's progress callback; runs on a worker thread, so it only stores numbers."""
        self.done = done
        self.total = total


def run_job(job: TransferJob, cancel: Any) -> Any:
    """Worker side: hand one file to the element's transfer engine."""
    element = job.element
    if job.direction == UPLOAD:
        return element.uploadFromPath(job.key, str(job.path), progress=job.report, cancel=cancel)
    job.path.parent.mkdir(parents=True, exist_ok=True)
    return element.downloadToPath(job.key, str(job.path), progress=job.report, cancel=cancel)


class TransferQueue(QAbstractTableModel):
    """Jobs in the order added; runs up to ``concurrency`` of them in the app's task pool."""

    job_finished = Signal(object)  # the TransferJob, when done (for the listing to update)
    job_failed = Signal(object)
    totals_changed = Signal(int, int, int, int)  # bytes done, bytes total, running, waiting
    paused_changed = Signal(bool)
    concurrency_changed = Signal(int)
    crashed = Signal(str)

    def __init__(self, pool: TaskPool, parent: Any = None, *, concurrency: int = 0) -> None:
        super().__init__(parent)
        self.pool = pool
        self.jobs: list[TransferJob] = []
        self._paused = False
        self._concurrency = 0
        self.set_concurrency(concurrency or DEFAULT_CONCURRENCY)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    # -- adding -----------------------------------------------------------------------------------

    def add_upload(self, element: Any, path: Path, key: str, size: int) -> TransferJob:
        return self._add(TransferJob(UPLOAD, element, key, Path(path), size, total=size))

    def add_download(self, element: Any, key: str, path: Path, size: int) -> TransferJob:
        return self._add(TransferJob(DOWNLOAD, element, key, Path(path), size, total=size))

    def add_many(self, jobs: list[TransferJob]) -> None:
        """Add a batch (a dropped folder) with one model insert."""
        if not jobs:
            return
        at = len(self.jobs)
        self.beginInsertRows(QModelIndex(), at, at + len(jobs) - 1)
        self.jobs.extend(jobs)
        self.endInsertRows()
        self._pump()
        self._emit_totals()

    def _add(self, job: TransferJob) -> TransferJob:
        self.add_many([job])
        return job

    # -- control ----------------------------------------------------------------------------------

    @property
    def concurrency(self) -> int:
        return self._concurrency

    def set_concurrency(self, count: int) -> None:
        """How many transfers run at once; the pool grows so listings are never starved."""
        self._concurrency = max(1, min(MAX_CONCURRENCY, int(count)))
        self.concurrency_changed.emit(self._concurrency)
        wanted = self._concurrency + 4
        if self.pool.pool.maxThreadCount() < wanted:
            self.pool.pool.setMaxThreadCount(wanted)
        self._pump()

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        """Stop starting jobs and put running ones back in the queue.

        A paused token (not a cancelled one) makes the engine keep the multipart upload, the
        partial download and their journal rows, so the job's next run resumes them.
        """
        if self._paused:
            return
        self._paused = True
        for job in self.jobs:
            if job.state is State.RUNNING and job.task is not None:
                job.requeue = True
                job.task.cancel_token.pause()
        self.paused_changed.emit(True)
        self._refresh_rows()

    def resume(self) -> None:
        if not self._paused:
            return
        self._paused = False
        self.paused_changed.emit(False)
        self._refresh_rows()
        self._pump()

    def cancel(self, jobs: list[TransferJob] | None = None) -> None:
        """Cancel the given jobs (all unfinished ones by default)."""
        for job in jobs if jobs is not None else list(self.jobs):
            if job.state is State.QUEUED:
                self._set_state(job, State.CANCELLED)
            elif job.state is State.RUNNING and job.task is not None:
                job.requeue = False
                job.task.cancel()
        self._emit_totals()

    def retry(self, jobs: list[TransferJob] | None = None) -> None:
        """Queue failed or cancelled jobs again from the start."""
        for job in jobs if jobs is not None else list(self.jobs):
            if job.state in (State.FAILED, State.CANCELLED):
                job.done = 0
                job.total = job.size
                job.error = ""
                job.exception = None
                job.speed = 0.0
                self._set_state(job, State.QUEUED)
        self._pump()
        self._emit_totals()

    def clear_finished(self) -> None:
        """Remove done, failed and cancelled rows."""
        keep = [j for j in self.jobs if not j.state.finished]
        if len(keep) == len(self.jobs):
            return
        self.beginResetModel()
        self.jobs = keep
        self.endResetModel()
        self._emit_totals()

    @property
    def running(self) -> list[TransferJob]:
        return [j for j in self.jobs if j.state is State.RUNNING]

    @property
    def idle(self) -> bool:
        return not any(j.state in (State.QUEUED, State.RUNNING) for j in self.jobs)

    # -- running ----------------------------------------------------------------------------------

    def _pump(self) -> None:
        if self._paused:
            return
        running = sum(1 for j in self.jobs if j.state is State.RUNNING)
        for job in self.jobs:
            if running >= self._concurrency:
                break
            if job.state is State.QUEUED:
                self._start(job)
                running += 1

    def _start(self, job: TransferJob) -> None:
        job.requeue = False
        job.started = job._last_time = time.monotonic()
        job._last_done = job.done = 0
        self._set_state(job, State.RUNNING)
        job.task = self.pool.submit(
            run_job,
            job,
            on_result=lambda result, j=job: self._finished(j, result, None),
            on_error=lambda exc, j=job: self._finished(j, None, exc),
            on_crash=lambda text, j=job: self._crashed(j, text),
            owner=self,
        )
        if not self._timer.isActive():
            self._timer.start()

    def _finished(self, job: TransferJob, result: Any, exc: BaseException | None) -> None:
        job.task = None
        if exc is None:
            job.result = result
            job.done = job.total = max(job.total, job.done)
            self._set_state(job, State.DONE)
            self.job_finished.emit(job)
        elif isinstance(exc, StorageError) and exc.code == "cancelled":
            self._set_state(job, State.QUEUED if job.requeue else State.CANCELLED)
        else:
            job.exception = exc
            job.error = one_line(exc)
            self._set_state(job, State.FAILED)
            self.job_failed.emit(job)
        self._pump()
        self._emit_totals()

    def _crashed(self, job: TransferJob, text: str) -> None:
        job.task = None
        job.error = "Unexpected error (see the error details)"
        self._set_state(job, State.FAILED)
        self.crashed.emit(text)
        self._pump()
        self._emit_totals()

    def _tick(self) -> None:
        """4 Hz: speed (smoothed), ETA and progress of running rows; stop when idle."""
        now = time.monotonic()
        any_running = False
        for row, job in enumerate(self.jobs):
            if job.state is not State.RUNNING:
                continue
            any_running = True
            dt = now - job._last_time
            if dt > 0:
                rate = max(0, job.done - job._last_done) / dt
                job.speed = rate if job.speed == 0 else 0.7 * job.speed + 0.3 * rate
            job._last_done = job.done
            job._last_time = now
            self.dataChanged.emit(self.index(row, COL_SIZE), self.index(row, COL_STATE))
        self._emit_totals()
        if not any_running:
            self._timer.stop()

    def _emit_totals(self) -> None:
        done = total = running = waiting = 0
        for job in self.jobs:
            if job.state is State.RUNNING:
                running += 1
            elif job.state is State.QUEUED:
                waiting += 1
            elif job.state is not State.DONE:
                continue
            done += min(job.done, job.total or job.size)
            total += job.total or job.size
        self.totals_changed.emit(done, total, running, waiting)

    def _set_state(self, job: TransferJob, state: State) -> None:
        job.state = state
        try:
            row = self.jobs.index(job)
        except ValueError:
            return
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _refresh_rows(self) -> None:
        if self.jobs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.jobs) - 1, COL_STATE))

    # -- model ------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.jobs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_DIR:
            return "Direction: ↑ upload, ↓ download"
        return None

    def state_text(self, job: TransferJob) -> str:
        if job.state is State.FAILED:
            hint = getattr(job.exception, "hint", "")
            return f"Failed: {hint}" if hint else f"Failed: {job.error}"
        if job.state is State.QUEUED and self._paused:
            return "Paused"
        if job.state is State.RUNNING and job.task is not None and job.task.cancel_token.cancelled:
            return "Pausing…" if job.requeue else "Cancelling…"
        return job.state.value

    def progress(self, job: TransferJob) -> int:
        total = job.total or job.size
        if job.state is State.DONE:
            return 100
        return int(100 * job.done / total) if total else 0

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        job = self.jobs[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == COL_DIR:
                return "↑" if job.direction == UPLOAD else "↓"
            if col == COL_NAME:
                return job.name
            if col == COL_SIZE:
                return human_size(job.total or job.size)
            if col == COL_PROGRESS:
                return f"{self.progress(job)}%"
            if col == COL_SPEED:
                return human_rate(job.speed) if job.state is State.RUNNING and job.speed else ""
            if col == COL_ETA:
                if job.state is State.RUNNING and job.speed > 0:
                    return human_duration(max(0, (job.total or job.size) - job.done) / job.speed)
                return ""
            return self.state_text(job)
        if role == Qt.ItemDataRole.UserRole and col == COL_PROGRESS:
            return self.progress(job)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_DIR:
                return "Upload" if job.direction == UPLOAD else "Download"
            if col == COL_STATE and job.state is State.FAILED:
                return job.error
            if col == COL_NAME:
                other = str(job.path) if job.direction == UPLOAD else job.key
                return f"{job.name}\n{'from' if job.direction == UPLOAD else 'of'} {other}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_SIZE, COL_SPEED, COL_ETA):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class ProgressDelegate(QStyledItemDelegate):
    """Paints the progress column as a flat bar in the palette's highlight colour.

    Drawn by hand rather than with the style's progress bar: styles size that control for a
    widget, and squeezed into a table row some draw the text over a sliver of a bar.
    """

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.UserRole)
        if value is None:
            super().paint(painter, option, index)
            return
        palette = option.palette
        rect = option.rect.adjusted(3, 4, -3, -4)
        painter.save()
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        filled = QRect(rect.x(), rect.y(), int(rect.width() * int(value) / 100), rect.height())
        painter.fillRect(filled, palette.color(QPalette.ColorRole.Highlight))
        text = f"{int(value)}%"
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setClipRect(filled)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def _tool(parent: QWidget, text: str, tip: str, icon: QStyle.StandardPixmap) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setIcon(parent.style().standardIcon(icon))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return button


class TransferPanel(QWidget):
    """The queue's table with its controls: pause/resume, cancel, retry, clear, concurrency."""

    def __init__(self, queue: TransferQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.setAccessibleName("Transfer queue")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        bar = QHBoxLayout()
        SP = QStyle.StandardPixmap
        self.pause_button = _tool(
            self, "Pause", "Pause the queue (running transfers stop and wait)", SP.SP_MediaPause
        )
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = _tool(
            self,
            "Cancel",
            "Cancel the selected transfers (all unfinished ones when none is selected)",
            SP.SP_DialogCancelButton,
        )
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.retry_button = _tool(
            self,
            "Retry",
            "Retry the selected failed or cancelled transfers (all of them when none is selected)",
            SP.SP_BrowserReload,
        )
        self.retry_button.clicked.connect(self.retry_selected)
        self.clear_button = _tool(
            self,
            "Clear finished",
            "Remove done, failed and cancelled transfers from the list",
            SP.SP_DialogResetButton,
        )
        self.clear_button.clicked.connect(queue.clear_finished)
        for b in (self.pause_button, self.cancel_button, self.retry_button, self.clear_button):
            bar.addWidget(b)
        bar.addStretch(1)
        label = QLabel("&At once:", self)
        self.concurrency = QSpinBox(self)
        self.concurrency.setRange(1, MAX_CONCURRENCY)
        self.concurrency.setValue(queue.concurrency)
        self.concurrency.setToolTip("How many transfers run at the same time")
        self.concurrency.setAccessibleName("Transfers at once")
        self.concurrency.valueChanged.connect(self._concurrency_changed)
        label.setBuddy(self.concurrency)
        bar.addWidget(label)
        bar.addWidget(self.concurrency)
        layout.addLayout(bar)
        self.view = QTableView(self)
        self.view.setModel(queue)
        self.view.setAccessibleName("Transfers")
        self.view.setToolTip("Uploads and downloads; select rows to cancel or retry them")
        self.view.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(self.view))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (COL_DIR, 28),
            (COL_SIZE, 90),
            (COL_PROGRESS, 140),
            (COL_SPEED, 100),
            (COL_ETA, 90),
            (COL_STATE, 180),
        ):
            header.resizeSection(col, width)
        layout.addWidget(self.view)
        queue.paused_changed.connect(self._paused_changed)
        queue.concurrency_changed.connect(self._show_concurrency)

    def _show_concurrency(self, value: int) -> None:
        self.concurrency.blockSignals(True)
        self.concurrency.setValue(value)
        self.concurrency.blockSignals(False)

    def selected_jobs(self) -> list[TransferJob]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.queue.jobs[r] for r in rows if r < len(self.queue.jobs)]

    def cancel_selected(self) -> None:
        self.queue.cancel(self.selected_jobs() or None)

    def retry_selected(self) -> None:
        self.queue.retry(self.selected_jobs() or None)

    def toggle_pause(self) -> None:
        if self.queue.paused:
            self.queue.resume()
        else:
            self.queue.pause()

    def _paused_changed(self, paused: bool) -> None:
        SP = QStyle.StandardPixmap
        text = "Resume" if paused else "Pause"
        self.pause_button.setText(text)
        self.pause_button.setAccessibleName(text)
        self.pause_button.setToolTip(
            "Resume the queue" if paused else "Pause the queue (running transfers stop and wait)"
        )
        self.pause_button.setIcon(
            self.style().standardIcon(SP.SP_MediaPlay if paused else SP.SP_MediaPause)
        )

    def _concurrency_changed(self, value: int) -> None:
        self.queue.set_concurrency(value)
        QSettings().setValue("transfers/concurrency", value)
