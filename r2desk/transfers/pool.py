"""The one bounded pool that runs every request of an element (parts, small files, ranges).

A GUI queueing hundreds of transfers at once still opens at most ``concurrency`` connections.
Callers' threads only orchestrate and never occupy a pool slot while waiting, so nothing can
deadlock on the pool; a task already in a pool thread runs its sub-requests right there.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import TypeVar

from r2desk.transfers.control import Stop, TransferCancelled

T = TypeVar("T")

#: Parts (or ranges) of one big file in flight at once when nothing says otherwise, as in
#: rclone (4) and s5cmd (5). More streams of one file mostly add contention: measured on the
#: benchmark's 2-core machine, 10 parts in flight took 1.4x the time of 4-5 for a 1 GiB upload
#: (the server's CPU per byte rises with its concurrent writes) and 1.1x for a download (GIL
#: hand-offs between ten readers). A folder's files still use the whole pool.
AUTO_PARTS = 4

#: The preference (0: automatic, ``AUTO_PARTS``). Process-wide: the app's preference or the
#: CLI's ``--parts`` sets it; a change applies to the next refill of every running transfer.
_part_limit = 0


def set_part_limit(count: int) -> None:
    """How many parts of one file may be in flight at once (0: automatic)."""
    global _part_limit
    if count < 0:
        raise ValueError("a part limit cannot be negative")
    _part_limit = int(count)


def part_limit() -> int:
    """The preference as set (0: automatic)."""
    return _part_limit


def parts_in_flight() -> int:
    """Parts of one file in flight at once: the preference, or ``AUTO_PARTS``."""
    return _part_limit or AUTO_PARTS


class Pool:
    """A lazily started thread pool with a bounded submission window."""

    def __init__(self, concurrency: int) -> None:
        self.concurrency = max(1, int(concurrency))
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._tls = threading.local()

    def _mark_worker(self) -> None:
        self._tls.worker = True

    @property
    def in_worker(self) -> bool:
        """True in a pool thread: a small file of a folder runs its request right there, as
        waiting on the pool from inside it could deadlock."""
        return bool(getattr(self._tls, "worker", False))

    @property
    def executor(self) -> ThreadPoolExecutor:
        """Created on first use: no threads for an element that never transfers."""
        if self._executor is None:
            with self._lock:
                if self._executor is None:
                    self._executor = ThreadPoolExecutor(
                        max_workers=self.concurrency,
                        thread_name_prefix="r2desk-transfer",
                        initializer=self._mark_worker,
                    )
        return self._executor

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def run_all(
        self,
        tasks: Iterator[Callable[[], T]],
        stop: Stop,
        *,
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], bool] | None = None,
        tick: Callable[[], None] | None = None,
        parts: bool = False,
    ) -> None:
        """Run tasks in the pool, at most ``2 × concurrency`` queued at once; for the ``parts``
        of one file, at most :func:`parts_in_flight` (queued or running).

        The first error (or a cancel) stops the rest unless ``on_error`` returns True (keep
        going); running tasks are waited for, so nothing touches the server or the file after
        this returns.
        """
        if self.in_worker:
            for inline in tasks:
                stop.check()
                result = inline()
                if on_result is not None:
                    on_result(result)
                if tick is not None:
                    tick()
            return
        window = self.concurrency * 2
        pending: set[Future[T]] = set()
        # Finished futures arrive here as they finish, so the window refills at once; waiting
        # for FIRST_EXCEPTION would hold every slot until the whole window had finished.
        finished: queue.SimpleQueue[Future[T]] = queue.SimpleQueue()
        error: BaseException | None = None
        exhausted = False
        try:
            while True:
                limit = min(window, parts_in_flight()) if parts else window
                while not exhausted and len(pending) < limit and error is None:
                    if stop.stopped:
                        break
                    task = next(tasks, None)
                    if task is None:
                        exhausted = True
                        break
                    fut = self.executor.submit(task)
                    pending.add(fut)
                    fut.add_done_callback(finished.put)
                if not pending:
                    break
                done: list[Future[T]] = []
                with contextlib.suppress(queue.Empty):
                    done.append(finished.get(timeout=0.1))
                    while True:
                        done.append(finished.get_nowait())
                for fut in done:
                    pending.discard(fut)
                    if fut.cancelled():  # cancelled by us below, never ran
                        continue
                    exc = fut.exception()
                    if exc is None:
                        if on_result is not None:
                            on_result(fut.result())
                    elif error is None and not (
                        on_error is not None
                        and not isinstance(exc, TransferCancelled)
                        and on_error(exc)
                    ):
                        error = exc
                        stop.set()
                if tick is not None and error is None:
                    tick()
                if stop.stopped and error is None:
                    for fut in pending:
                        fut.cancel()
                    error = TransferCancelled()
        except BaseException:
            stop.set()
            for fut in pending:
                fut.cancel()
            wait(pending)
            raise
        if error is not None:
            for fut in pending:
                fut.cancel()
            wait(pending)
            raise error
        stop.check()  # cancelled before anything was queued

    def call(self, fn: Callable[[], T], stop: Stop) -> T:
        """Run one request in the pool (so it counts against the bound) and wait for it."""
        box: list[T] = []
        self.run_all(iter([fn]), stop, on_result=box.append)
        return box[0]
