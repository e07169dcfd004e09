"""The transfer queue's table model: a thin Qt view over :class:`r2desk.transfers.queue.JobQueue`.

The rules (order, concurrency, pause, retry, totals) live in the core queue; this model runs the
jobs the queue starts in the app's task pool and repaints their rows. Workers only write two
integers into their job (bytes done, bytes total); a 4 Hz timer on the main thread turns those
into progress, speed and ETA and repaints the running rows, whatever the engine's callback rate.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from r2desk.errors import StorageError
from r2desk.formatting import human_duration, human_rate, human_size
from r2desk.gui.i18n import QT_TRANSLATE_NOOP
from r2desk.gui.messages import one_line
from r2desk.gui.widgets import plain_tip
from r2desk.transfers.control import VERIFYING, CancelToken
from r2desk.transfers.queue import (
    DEFAULT_CONCURRENCY,
    DOWNLOAD,
    UPLOAD,
    Job,
    JobQueue,
    State,
    clamp_concurrency,
)

if TYPE_CHECKING:
    from r2desk.gui.tasks import Task, TaskPool
    from r2desk.storages.meta import Meta

COLUMNS = (
    "⇅",
    QT_TRANSLATE_NOOP("TransferQueue", "Name"),
    QT_TRANSLATE_NOOP("TransferQueue", "Size"),
    QT_TRANSLATE_NOOP("TransferQueue", "Progress"),
    QT_TRANSLATE_NOOP("TransferQueue", "Speed"),
    QT_TRANSLATE_NOOP("TransferQueue", "ETA"),
    QT_TRANSLATE_NOOP("TransferQueue", "State"),
)
COL_DIR, COL_NAME, COL_SIZE, COL_PROGRESS, COL_SPEED, COL_ETA, COL_STATE = range(7)
TICK_MS = 250
#: The totals (the status bar's summary and bar) follow the jobs' changes at most this often:
#: per finished job, a 2,000-file drop repainted the bar 2,000 times.
TOTALS_MS = 100

#: One file going one way on one element.
TransferJob = Job["Meta"]


class JobProgress:
    """The engine's progress callback for one job: its totals, and its phase (Verifying…)."""

    def __init__(self, job: TransferJob) -> None:
        self.job = job

    def __call__(self, done: int, total: int) -> None:
        self.job.report(done, total)

    def phase(self, name: str | None) -> None:
        self.job.phase(name)


def run_job(job: TransferJob, cancel: CancelToken) -> object:
    """Worker side: hand one file to the element's transfer engine."""
    element = job.element
    job.activity = None  # a retried job starts afresh
    progress = JobProgress(job)
    if job.direction == UPLOAD:
        return element.uploadFromPath(job.key, str(job.path), progress=progress, cancel=cancel)
    job.path.parent.mkdir(parents=True, exist_ok=True)
    return element.downloadToPath(job.key, str(job.path), progress=progress, cancel=cancel)


class TransferQueue(QAbstractTableModel):
    """Jobs in the order added; runs up to ``concurrency`` of them in the app's task pool."""

    job_finished = Signal(object)  # the TransferJob, when done (for the listing to update)
    job_failed = Signal(object)
    totals_changed = Signal(int, int, int, int)  # bytes done, bytes total, running, waiting
    paused_changed = Signal(bool)
    concurrency_changed = Signal(int)
    crashed = Signal(str)

    def __init__(
        self, pool: TaskPool, parent: QObject | None = None, *, concurrency: int = 0
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self._tasks: dict[int, Task] = {}
        self.rules: JobQueue[Meta] = JobQueue(self._start, self._stop, on_change=self._changed)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._totals_later = QTimer(self)
        self._totals_later.setSingleShot(True)
        self._totals_later.setInterval(TOTALS_MS)
        self._totals_later.timeout.connect(self._emit_totals)
        self.set_concurrency(concurrency or DEFAULT_CONCURRENCY)

    @property
    def jobs(self) -> list[TransferJob]:
        return self.rules.jobs

    # -- adding -----------------------------------------------------------------------------------

    def add_upload(self, element: Meta, path: Path, key: str, size: int) -> TransferJob:
        return self._add(TransferJob(UPLOAD, element, key, Path(path), size, total=size))

    def add_download(self, element: Meta, key: str, path: Path, size: int) -> TransferJob:
        return self._add(TransferJob(DOWNLOAD, element, key, Path(path), size, total=size))

    def add_many(self, jobs: list[TransferJob]) -> None:
        """Add a batch (a dropped folder) with one model insert."""
        if not jobs:
            return
        at = len(self.jobs)
        self.beginInsertRows(QModelIndex(), at, at + len(jobs) - 1)
        self.rules.add(jobs)
        self.endInsertRows()
        self.rules.pump()
        self._totals_soon()

    def _add(self, job: TransferJob) -> TransferJob:
        self.add_many([job])
        return job

    # -- control ----------------------------------------------------------------------------------

    @property
    def concurrency(self) -> int:
        return self.rules.concurrency

    def set_concurrency(self, count: int) -> None:
        """How many transfers run at once; the pool grows so listings are never starved."""
        value = clamp_concurrency(count)
        self.concurrency_changed.emit(value)
        wanted = value + 4
        if self.pool.pool.maxThreadCount() < wanted:
            self.pool.pool.setMaxThreadCount(wanted)
        self.rules.set_concurrency(value)

    @property
    def paused(self) -> bool:
        return self.rules.paused

    def pause(self) -> None:
        """Stop starting jobs and put running ones back in the queue.

        A paused token (not a cancelled one) makes the engine keep the multipart upload, the
        partial download and their journal rows, so the job's next run resumes them.
        """
        if self.rules.pause():
            self.paused_changed.emit(True)
            self._refresh_rows()

    def resume(self) -> None:
        if self.rules.resume():
            self.paused_changed.emit(False)
            self._refresh_rows()

    def pause_jobs(self, jobs: list[TransferJob]) -> None:
        """Pause these transfers only (resumable); the rest of the queue goes on."""
        self.rules.hold(jobs)
        self._totals_soon()

    def resume_jobs(self, jobs: list[TransferJob]) -> None:
        self.rules.release(jobs)
        self._totals_soon()

    def cancel(self, jobs: list[TransferJob] | None = None) -> None:
        """Cancel the given jobs (all unfinished ones by default)."""
        self.rules.cancel(jobs)
        self._totals_soon()

    def retry(self, jobs: list[TransferJob] | None = None) -> None:
        """Queue failed or cancelled jobs again from the start."""
        self.rules.retry(jobs)
        self._totals_soon()

    def clear_finished(self) -> None:
        """Remove done, failed and cancelled rows."""
        if not self.rules.finished:
            return
        self.beginResetModel()
        self.rules.clear_finished()
        self.endResetModel()
        self._totals_soon()

    @property
    def running(self) -> list[TransferJob]:
        return self.rules.running

    @property
    def idle(self) -> bool:
        return self.rules.idle

    # -- running ----------------------------------------------------------------------------------

    def _start(self, job: TransferJob) -> None:
        def result(value: object) -> None:
            self._finished(job, value, None)

        def error(exc: BaseException) -> None:
            self._finished(job, None, exc)

        self._tasks[job.id] = self.pool.submit(
            run_job,
            job,
            on_result=result,
            on_error=error,
            on_crash=functools.partial(self._crashed, job),
            owner=self,
        )
        if not self._timer.isActive():
            self._timer.start()

    def _stop(self, job: TransferJob, pause: bool) -> None:
        task = self._tasks.get(job.id)
        if task is None:
            return
        if pause:
            task.cancel_token.pause()
        else:
            task.cancel()

    def _finished(self, job: TransferJob, result: object, exc: BaseException | None) -> None:
        self._tasks.pop(job.id, None)
        if exc is None:
            self.rules.finish(job, result)
            self.job_finished.emit(job)
        elif isinstance(exc, StorageError) and exc.code == "cancelled":
            self.rules.stopped(job)
        else:
            self.rules.fail(job, one_line(exc), exc)
            self.job_failed.emit(job)
        self._totals_soon()

    def _crashed(self, job: TransferJob, text: str) -> None:
        self._tasks.pop(job.id, None)
        self.rules.fail(job, "Unexpected error (see the error details)")
        self.crashed.emit(text)
        self._totals_soon()

    def _tick(self) -> None:
        """4 Hz: speed (smoothed), ETA and progress of running rows; stop when idle."""
        running = self.rules.tick()
        for job in running:
            self.dataChanged.emit(self.index(job.row, COL_SIZE), self.index(job.row, COL_STATE))
        self._emit_totals()
        if not running:
            self._timer.stop()

    def _totals_soon(self) -> None:
        if not self._totals_later.isActive():  # not restarted: a steady stream still updates
            self._totals_later.start()

    def _emit_totals(self) -> None:
        self._totals_later.stop()
        self.totals_changed.emit(*self.rules.totals())

    def _changed(self, job: TransferJob) -> None:
        if job.row >= 0:
            self.dataChanged.emit(self.index(job.row, 0), self.index(job.row, len(COLUMNS) - 1))

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
            return self.tr(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_DIR:
            return "Direction: ↑ upload, ↓ download"
        return None

    def state_text(self, job: TransferJob) -> str:
        if job.state is State.FAILED:
            hint = getattr(job.exception, "hint", "")
            return f"Failed: {hint}" if hint else f"Failed: {job.error}"
        if job.state is State.QUEUED and (self.paused or job.held):
            return "Paused"
        if job.state is State.RUNNING and job.stopping:
            return "Pausing…" if job.requeue else "Cancelling…"
        if job.state is State.RUNNING and job.activity == VERIFYING:
            return "Verifying…"  # re-hashing the parts a resumed transfer kept
        if job.state is State.RUNNING and job.total and job.done >= job.total:
            # Every byte has moved; the file is being hashed against the ETag (or the upload
            # completed), which for a big file takes a while with no bytes to count.
            return "Verifying…"
        return str(job.state.value)

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
                return plain_tip(job.error)
            if col == COL_NAME:
                other = str(job.path) if job.direction == UPLOAD else job.key
                return plain_tip(
                    f"{job.name}\n{'from' if job.direction == UPLOAD else 'of'} {other}"
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_SIZE, COL_SPEED, COL_ETA):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
