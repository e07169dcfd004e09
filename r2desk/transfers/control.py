"""A cancel token the caller may set from any thread while a transfer runs."""

from __future__ import annotations

import threading
from collections.abc import Callable

#: Progress callbacks receive running totals: (bytes done, bytes total), from any thread.
ProgressCallback = Callable[[int, int], None]


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
