"""Stopping and reporting a transfer: the caller's cancel token, progress totals, and the
exceptions that carry a stop, a changed source or bad data through the workers."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

#: Progress callbacks receive running totals: (bytes done, bytes total), from any thread.
ProgressCallback = Callable[[int, int], None]

#: The phase of a transfer that moves no bytes for a while: re-hashing the parts a resumed
#: transfer kept. A progress callback with a ``phase(name)`` method (``ReportsPhase``) hears
#: it, and ``phase(None)`` when bytes move again; a plain ``(done, total)`` function does not.
VERIFYING = "verifying"


class ReportsPhase(Protocol):
    def phase(self, name: str | None) -> None: ...


#: At most one progress callback per this many seconds (the final total is always sent).
PROGRESS_INTERVAL = 0.1


class CancelToken:
    """Cooperative cancellation: workers poll ``cancelled`` or wait on it between chunks.

    ``cancel()`` means "give up": the engine discards what it did (aborts the multipart
    upload, deletes the partial download). ``pause()`` stops just as fast but means "continue
    later": the engine keeps the upload, the partial file and their journal rows, so the next
    run of the same transfer resumes.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._paused = False

    def cancel(self) -> None:
        self._paused = False  # the last word wins: a cancel after a pause discards
        self._event.set()

    def pause(self) -> None:
        self._paused = True  # set before the event, so a woken worker sees why it stopped
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    @property
    def paused(self) -> bool:
        """True when stopped by ``pause()``: what the transfer did so far is kept to resume."""
        return self._paused

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds, waking early (True) when cancelled."""
        return self._event.wait(timeout)


class Flag(Protocol):
    """A plain stop flag, such as ``threading.Event``."""

    def is_set(self) -> bool: ...


#: What ``cancel=`` accepts: the project's token (cancel or pause) or a plain stop flag.
Cancel = CancelToken | Flag


class _Flag(CancelToken):
    """A caller's own stop flag as a token: ``threading.Event`` or anything with ``is_set()``.

    Setting the flag cancels (discards what was done); a pause needs the project's token.
    """

    def __init__(self, flag: object) -> None:
        super().__init__()
        self._flag = flag

    @property
    def cancelled(self) -> bool:
        return self._event.is_set() or bool(self._flag.is_set())  # type: ignore[attr-defined]

    def wait(self, timeout: float) -> bool:
        # Stop.sleep waits in slices of 0.05 s at most, so polling the flag is prompt enough.
        self._event.wait(min(timeout, 0.05))
        return self.cancelled


class BadCancel(TypeError):
    """``cancel=`` was neither a CancelToken nor a flag with ``is_set()``."""


def as_token(cancel: object) -> CancelToken:
    """The caller's ``cancel=``: our token, a ``threading.Event``-like flag, or None."""
    if cancel is None:
        return CancelToken()
    if isinstance(cancel, CancelToken):
        return cancel
    if callable(getattr(cancel, "is_set", None)):
        return _Flag(cancel)
    raise BadCancel(
        f"cancel must be a CancelToken, a threading.Event or any object with is_set(), "
        f"not {type(cancel).__name__}"
    )


class TransferCancelled(BaseException):
    """Raised inside a worker (from a body read) to stop a request at once.

    A BaseException, like asyncio's CancelledError: botocore wraps any Exception raised while
    sending a body in HTTPClientError and retries it with backoff, so a stop inside the send
    (always the case over HTTPS, where no payload-hashing pass reads the part first) would be
    retried for seconds and then reported as an unknown error.
    """


class SourceChanged(BaseException):
    """The local file changed under an upload; a BaseException so no layer retries it
    (see TransferCancelled)."""


class Integrity(Exception):
    """Received or stored bytes do not match their checksum."""


class Stop:
    """The caller's cancel token plus our own flag, raised when a sibling part fails."""

    def __init__(self, user: object) -> None:
        self.user = as_token(user)
        self._own = threading.Event()

    def set(self) -> None:
        self._own.set()

    @property
    def stopped(self) -> bool:
        return self._own.is_set() or self.user.cancelled

    @property
    def paused(self) -> bool:
        """Stopped by the caller's ``pause()``: keep everything so the next run resumes."""
        return self.user.cancelled and self.user.paused

    @property
    def reason(self) -> str:
        if self.paused:
            return "paused; what was transferred is kept and the next run resumes it"
        return "cancelled by the caller"

    def check(self) -> None:
        if self.stopped:
            raise TransferCancelled()

    def sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.check()
            self.user.wait(min(0.05, max(0.0, deadline - time.monotonic())))
        self.check()


class Progress:
    """Running totals for a ProgressCallback: throttled, monotonic, final total always sent."""

    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback = callback
        self.total = total
        self.done = 0
        self._lock = threading.Lock()
        self._last = 0.0

    def add(self, n: int) -> None:
        if n <= 0:
            return
        with self._lock:
            self.done += n
            if self.callback is None:
                return
            now = time.monotonic()
            if now - self._last < PROGRESS_INTERVAL:
                return
            self._last = now
            self.callback(min(self.done, self.total), self.total)

    def phase(self, name: str | None) -> None:
        """Tell a callback that can hear it what the transfer is doing while no bytes move."""
        hook = getattr(self.callback, "phase", None)
        if callable(hook):
            hook(name)

    def finish(self) -> None:
        with self._lock:
            self.done = self.total
            if self.callback is not None:
                self.callback(self.total, self.total)
