"""The transfer queue's rules, without Qt: jobs, states, what starts next, totals.

The GUI's table model is a thin view over :class:`JobQueue`. Every event costs O(1) (plus the
few running jobs): queued jobs wait in a heap ordered by their row, running ones in a dict, and
the totals and the number of jobs in each state are kept as running sums, so a 100,000-file
drop is O(n) in all, not O(n²), and what the commands may do is known without a scan.
``examined`` counts the jobs looked at, for the test that proves it.

Running a job is not the queue's business: it calls ``start(job)`` when a job should run and
``stop(job, pause)`` when a running one should stop; the caller reports the end back with
:meth:`JobQueue.finish`, :meth:`JobQueue.stopped` or :meth:`JobQueue.fail`.
"""

from __future__ import annotations

import enum
import heapq
import itertools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

UPLOAD, DOWNLOAD = "upload", "download"
DEFAULT_CONCURRENCY = 3
MAX_CONCURRENCY = 16


class State(enum.Enum):
    QUEUED = "Queued"
    RUNNING = "Running"
    DONE = "Done"
    FAILED = "Failed"
    CANCELLED = "Cancelled"

    @property
    def finished(self) -> bool:
        return self in (State.DONE, State.FAILED, State.CANCELLED)


#: The element a job runs on; the queue never calls it, so any type will do.
E = TypeVar("E")

_ids = itertools.count(1)


@dataclass(eq=False)
class Job(Generic[E]):
    """One file going one way. ``done``/``total`` are written by the worker, read by the timer."""

    direction: str
    element: E
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
    result: object = None
    started: float = 0.0
    last_done: int = 0
    last_time: float = 0.0
    #: Stopped by "pause": goes back to the queue, not to Cancelled.
    requeue: bool = False
    #: A stop (pause or cancel) was asked and the worker has not ended yet.
    stopping: bool = False
    #: Position in ``JobQueue.jobs`` (-1 once cleared), so a change needs no search.
    row: int = -1
    #: (bytes done, bytes total) this job adds to the totals while queued or done.
    counted: tuple[int, int] = (0, 0)
    #: The job has an entry in the waiting heap.
    in_heap: bool = False
    #: Paused on its own (not the whole queue): waits until resumed, the rest go on.
    held: bool = False
    #: What the engine says it is doing while no bytes move (``control.VERIFYING``), else None.
    activity: str | None = None

    @property
    def name(self) -> str:
        return self.key if self.direction == UPLOAD else str(self.path)

    def report(self, done: int, total: int) -> None:
        """The engine's progress callback; runs on a worker thread, so it only stores numbers."""
        self.done = done
        self.total = total

    def phase(self, name: str | None) -> None:
        """The engine's phase hook (``control.ReportsPhase``); a worker thread stores it."""
        self.activity = name


class Totals(NamedTuple):
    done: int
    total: int
    running: int
    waiting: int


def clamp_concurrency(count: int) -> int:
    return max(1, min(MAX_CONCURRENCY, int(count)))


def _noop(_job: Job[E]) -> None:
    return None


class JobQueue(Generic[E]):
    """Jobs in the order added; up to ``concurrency`` of them running, the lowest rows first."""

    def __init__(
        self,
        start: Callable[[Job[E]], None],
        stop: Callable[[Job[E], bool], None],
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        on_change: Callable[[Job[E]], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._start_job = start
        self._stop_job = stop
        self._on_change: Callable[[Job[E]], None] = on_change or _noop
        self._clock = clock
        self.jobs: list[Job[E]] = []
        self._heap: list[int] = []  # rows of queued jobs
        self._running: dict[int, Job[E]] = {}
        self._waiting = 0
        self._states = dict.fromkeys(State, 0)
        self._held = 0  # unfinished jobs held
        self._settled_done = 0
        self._settled_total = 0
        self._paused = False
        self._concurrency = clamp_concurrency(concurrency)
        #: Jobs looked at while deciding what runs and summing totals (for the O(n) test).
        self.examined = 0

    # -- state --------------------------------------------------------------------------------

    @property
    def concurrency(self) -> int:
        return self._concurrency

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def running(self) -> list[Job[E]]:
        return list(self._running.values())

    @property
    def idle(self) -> bool:
        return not self._running and not self._waiting

    def count(self, *states: State) -> int:
        """How many jobs are in these states (O(1): what the commands may apply to)."""
        return sum(self._states[state] for state in states)

    @property
    def unfinished(self) -> int:
        return self._states[State.QUEUED] + self._states[State.RUNNING]

    @property
    def finished(self) -> int:
        return self.count(State.DONE, State.FAILED, State.CANCELLED)

    @property
    def held_count(self) -> int:
        """Unfinished jobs paused on their own (see :meth:`hold`)."""
        return self._held

    def totals(self) -> Totals:
        """Bytes done and total of running, waiting and done jobs; how many run and wait."""
        done, total = self._settled_done, self._settled_total
        for job in self._running.values():
            self.examined += 1
            size = job.total or job.size
            done += min(job.done, size)
            total += size
        return Totals(done, total, len(self._running), self._waiting)

    # -- changes ------------------------------------------------------------------------------

    def add(self, jobs: Iterable[Job[E]]) -> None:
        """Append jobs (queued); call :meth:`pump` to start them."""
        for job in jobs:
            job.row = len(self.jobs)
            self.jobs.append(job)
            self._enter(job, State.QUEUED)

    def set_concurrency(self, count: int) -> int:
        self._concurrency = clamp_concurrency(count)
        self.pump()
        return self._concurrency

    def pause(self) -> bool:
        """Stop starting jobs and ask running ones to stop and go back to the queue.

        Returns False when already paused.
        """
        if self._paused:
            return False
        self._paused = True
        for job in list(self._running.values()):
            job.requeue = True
            job.stopping = True
            self._stop_job(job, True)
        return True

    def resume(self) -> bool:
        if not self._paused:
            return False
        self._paused = False
        self.pump()
        return True

    def hold(self, jobs: Iterable[Job[E]]) -> None:
        """Pause these jobs only: a running one stops and waits (resumable), a queued one is
        skipped until :meth:`release`; the others keep running."""
        for job in jobs:
            if job.state.finished:
                continue
            if not job.held:
                self._held += 1
            job.held = True
            if job.state is State.RUNNING and not job.stopping:
                job.requeue = True
                job.stopping = True
                self._stop_job(job, True)
            self._on_change(job)
        self.pump()

    def release(self, jobs: Iterable[Job[E]]) -> None:
        """Resume held jobs: they take their place in the queue again (row order)."""
        for job in jobs:
            if not job.held:
                continue
            if not job.state.finished:
                self._held -= 1
            job.held = False
            if job.state is State.QUEUED and not job.in_heap and job.row >= 0:
                job.in_heap = True
                heapq.heappush(self._heap, job.row)
            self._on_change(job)
        self.pump()

    def cancel(self, jobs: Iterable[Job[E]] | None = None) -> None:
        """Cancel the given jobs (all unfinished ones by default)."""
        for job in list(jobs if jobs is not None else self.jobs):
            if job.state is State.QUEUED:
                self._set_state(job, State.CANCELLED)
            elif job.state is State.RUNNING:
                job.requeue = False
                job.stopping = True
                self._stop_job(job, False)

    def retry(self, jobs: Iterable[Job[E]] | None = None) -> None:
        """Queue failed or cancelled jobs again from the start."""
        for job in list(jobs if jobs is not None else self.jobs):
            if job.state in (State.FAILED, State.CANCELLED):
                job.held = False
                job.done = 0
                job.total = job.size
                job.error = ""
                job.exception = None
                job.speed = 0.0
                self._set_state(job, State.QUEUED)
        self.pump()

    def clear_finished(self) -> bool:
        """Remove done, failed and cancelled jobs; False when there were none."""
        keep = [j for j in self.jobs if not j.state.finished]
        if len(keep) == len(self.jobs):
            return False
        for job in self.jobs:
            if job.state is State.DONE:
                self._settled_done -= job.counted[0]
                self._settled_total -= job.counted[1]
            if job.state.finished:
                self._states[job.state] -= 1
            job.row = -1
            job.in_heap = False
        self.jobs = keep
        self._heap = []
        for row, job in enumerate(keep):
            job.row = row
            if job.state is State.QUEUED and not job.held:
                job.in_heap = True
                self._heap.append(row)  # increasing rows: already a heap
        return True

    # -- running ------------------------------------------------------------------------------

    def pump(self) -> None:
        """Start the lowest-row queued jobs until ``concurrency`` run."""
        if self._paused:
            return
        while len(self._running) < self._concurrency and self._heap:
            row = heapq.heappop(self._heap)
            job = self.jobs[row]
            self.examined += 1
            job.in_heap = False
            if job.state is State.QUEUED and not job.held:  # release() puts it back
                self._start(job)

    def _start(self, job: Job[E]) -> None:
        job.requeue = False
        job.stopping = False
        job.started = job.last_time = self._clock()
        job.last_done = job.done = 0
        self._set_state(job, State.RUNNING)
        self._start_job(job)

    def finish(self, job: Job[E], result: object) -> None:
        """The job's worker succeeded."""
        job.result = result
        job.done = job.total = max(job.total, job.done)
        self._set_state(job, State.DONE)
        self.pump()

    def stopped(self, job: Job[E]) -> None:
        """The job's worker stopped as asked: back to the queue after a pause, else cancelled."""
        self._set_state(job, State.QUEUED if job.requeue else State.CANCELLED)
        self.pump()

    def fail(self, job: Job[E], error: str, exception: BaseException | None = None) -> None:
        job.exception = exception
        job.error = error
        self._set_state(job, State.FAILED)
        self.pump()

    def tick(self) -> list[Job[E]]:
        """Update the smoothed speed of running jobs; returns them (their rows to repaint)."""
        now = self._clock()
        jobs = list(self._running.values())
        for job in jobs:
            self.examined += 1
            dt = now - job.last_time
            if dt > 0:
                rate = max(0, job.done - job.last_done) / dt
                job.speed = rate if job.speed == 0 else 0.7 * job.speed + 0.3 * rate
            job.last_done = job.done
            job.last_time = now
        return jobs

    def _set_state(self, job: Job[E], state: State) -> None:
        """The one place a state changes, keeping the counts and sums in step (O(1))."""
        self._leave(job)
        self._enter(job, state)
        self._on_change(job)

    def _leave(self, job: Job[E]) -> None:
        self._states[job.state] -= 1
        if job.held and not job.state.finished:
            self._held -= 1
        if job.state is State.QUEUED:
            self._waiting -= 1
        elif job.state is State.RUNNING:
            self._running.pop(job.id, None)
        if job.state in (State.QUEUED, State.DONE):
            self._settled_done -= job.counted[0]
            self._settled_total -= job.counted[1]
            job.counted = (0, 0)

    def _enter(self, job: Job[E], state: State) -> None:
        job.state = state
        self._states[state] += 1
        if job.held and not state.finished:
            self._held += 1
        if state is State.QUEUED:
            self._waiting += 1
            if not job.in_heap and job.row >= 0:
                job.in_heap = True
                heapq.heappush(self._heap, job.row)
        elif state is State.RUNNING:
            self._running[job.id] = job
        if state in (State.QUEUED, State.DONE):
            size = job.total or job.size
            job.counted = (min(job.done, size), size)
            self._settled_done += job.counted[0]
            self._settled_total += job.counted[1]
