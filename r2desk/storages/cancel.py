"""A cancel token the caller may set from any thread while a transfer runs."""

from __future__ import annotations

import threading
from collections.abc import Callable

#: Progress callbacks receive running totals: (bytes done, bytes total), from any thread.
ProgressCallback = Callable[[int, int], None]


class CancelToken:
    """Cooperative cancellation: workers poll ``cancelled`` or wait on it between chunks."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds, waking early (True) when cancelled."""
        return self._event.wait(timeout)
