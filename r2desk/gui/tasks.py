"""The app's one worker pool: every call that can block (network, keyring, disk) runs here.

A task is a plain callable; it reports through a ``TaskSignals`` object whose signals Qt delivers
on the main thread (queued connections), so workers never touch widgets. Cancellation is
cooperative: the task receives a ``CancelToken`` when it asks for one.
"""

from __future__ import annotations

import functools
import inspect
import logging
import traceback
from collections.abc import Callable
from types import CodeType
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

from r2desk.errors import StorageError, redact
from r2desk.transfers.control import CancelToken

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """What a task tells the main thread. ``failed`` carries the exception, ``crashed`` text."""

    result = Signal(object)
    failed = Signal(object)  # a StorageError or other expected exception, for the user
    crashed = Signal(str)  # an unexpected exception: scrubbed traceback for the crash dialog
    progress = Signal(int, int)  # running totals: done, total
    finished = Signal()


@functools.lru_cache(maxsize=512)
def _code_parameters(code: CodeType) -> frozenset[str]:
    return frozenset(code.co_varnames[: code.co_argcount + code.co_kwonlyargcount])


def _parameters(fn: Callable[..., Any]) -> frozenset[str]:
    """The names ``fn`` takes. A plain function's are read from its code, once per code (a
    drop submits one task per file, and ``inspect.signature`` cost the main thread ~50 µs
    each); anything else is asked of ``inspect``."""
    code = getattr(getattr(fn, "__func__", fn), "__code__", None)
    if isinstance(code, CodeType) and not hasattr(fn, "__wrapped__"):
        return _code_parameters(code)
    try:
        return frozenset(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        return frozenset()


class Task(QRunnable):
    """One unit of background work.

    ``fn`` is called with the given arguments; if it accepts ``progress`` or ``cancel`` keyword
    arguments they are filled in with the signal emitter and this task's token.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the pool's owner keeps a reference until finished
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = TaskSignals()
        self.cancel_token = CancelToken()
        params = _parameters(fn)
        if "progress" in params and "progress" not in kwargs:
            self.kwargs["progress"] = self.signals.progress.emit
        if "cancel" in params and "cancel" not in kwargs:
            self.kwargs["cancel"] = self.cancel_token

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run(self) -> None:
        try:
            value = self.fn(*self.args, **self.kwargs)
        except StorageError as exc:
            self._emit(self.signals.failed, exc)
        except Exception as exc:
            log.exception("task %s crashed", getattr(self.fn, "__name__", self.fn))
            text = redact("".join(traceback.format_exception(exc)))
            self._emit(self.signals.crashed, text)
        else:
            self._emit(self.signals.result, value)
        finally:
            self._emit(self.signals.finished)

    def _emit(self, signal: Any, *args: Any) -> None:
        """Report, unless the window that asked is already gone (closed while this ran): then
        there is no one to tell, and Qt's "source has been deleted" is no error to print."""
        try:
            signal.emit(*args)
        except RuntimeError:
            log.debug("task %s finished after its receiver was deleted", self.fn)


def _while_alive(owner: QObject, callback: Callable[..., Any] | None) -> Any:
    if callback is None:
        return None

    def guarded(*args: Any) -> None:
        if isValid(owner):
            callback(*args)

    return guarded


class TaskPool(QObject):
    """Owns the QThreadPool and keeps running tasks alive until they finish."""

    def __init__(self, max_threads: int = 8, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_crash: Callable[[str], None] | None = None,
        on_finished: Callable[[], None] | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Task:
        """Run ``fn(*args, **kwargs)`` in the pool; callbacks run on the main thread.

        With ``owner`` (a widget), callbacks are dropped once it has been deleted: a listing or
        preview that outlives its window must not touch dead widgets.
        """
        task = Task(fn, *args, **kwargs)
        sig = task.signals
        if owner is not None:
            on_result, on_error, on_progress, on_crash, on_finished = (
                _while_alive(owner, cb)
                for cb in (on_result, on_error, on_progress, on_crash, on_finished)
            )
        if on_result:
            sig.result.connect(on_result)
        if on_error:
            sig.failed.connect(on_error)
        if on_progress:
            sig.progress.connect(on_progress)
        if on_crash:
            sig.crashed.connect(on_crash)
        if on_finished:
            sig.finished.connect(on_finished)
        sig.finished.connect(lambda t=task: self._running.discard(t))
        self._running.add(task)
        self.pool.start(task)
        return task

    @property
    def active(self) -> int:
        return len(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel everything and wait for the workers (called when the app quits)."""
        self.cancel_all()
        self.pool.clear()
        return self.pool.waitForDone(timeout_ms)
