"""Bandwidth limits: one token bucket per direction, shared by every transfer of the process.

The engine calls :func:`take` where bytes really move (a part body read for sending, a chunk
read from a response), so the CLI's ``--bwlimit`` and the app's preference limit uploads,
downloads and streamed copies alike, however many run at once. A limit can change while
transfers run; 0 means none. Waiting is in short slices so a cancel or pause still stops a
throttled transfer at once.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable

UP, DOWN = "upload", "download"
#: The longest single sleep: a stop is noticed at most this late.
_SLICE = 0.05
_RATE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)(b?)(?:/s)?\s*$", re.IGNORECASE)


class Limiter:
    """A token bucket: ``rate`` bytes per second, bursts of at most about a quarter second."""

    def __init__(
        self,
        rate: float = 0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        self._lock = threading.Lock()
        self._clock, self._sleep = clock, sleep
        self._rate = 0.0
        self._tokens = 0.0
        self._stamp = clock()
        self._generation = 0  # bumped by each set_rate: a waiting read re-times itself
        #: Bytes that went through this bucket, limited or not (what the tests count).
        self.moved = 0
        self.set_rate(rate)

    @property
    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate: float) -> None:
        """A new rate, for the reads already waiting too: their debt (bytes) is paid at the
        new rate from now on, or at once when the limit is lifted."""
        if rate < 0:
            raise ValueError("a bandwidth limit cannot be negative")
        with self._lock:
            now = self._clock()
            if self._rate > 0:
                self._tokens = min(self._burst(), self._tokens + (now - self._stamp) * self._rate)
            if rate <= 0:
                self._tokens = max(self._tokens, 0.0)  # waiting reads go now: their debt is void
            self._rate = float(rate)
            self._tokens = min(self._tokens, self._burst())
            self._stamp = now
            self._generation += 1

    def _burst(self) -> float:
        return max(self._rate / 4, 64 * 1024)

    def take(self, n: int, check: Callable[[], object] | None = None) -> None:
        """Wait until ``n`` bytes may move; ``check`` (a stop's ``check``) may raise to end it.

        Tokens may go negative (a 1 MiB read is taken whole), so the average holds and no read
        waits for a bucket it can never fill.
        """
        if n <= 0:
            return
        with self._lock:
            self.moved += n
            if self._rate <= 0:
                return
            now = self._clock()
            self._tokens = min(self._burst(), self._tokens + (now - self._stamp) * self._rate)
            self._stamp = now
            self._tokens -= n
            debt = -self._tokens
            wait = debt / self._rate if debt > 0 else 0.0
            rate, generation = self._rate, self._generation
        deadline = self._clock() + wait
        while True:
            now = self._clock()
            left = deadline - now
            if generation != self._generation:  # the limit changed while this read waited
                with self._lock:
                    owed = max(left, 0.0) * rate
                    rate, generation = self._rate, self._generation
                if rate <= 0:
                    return
                deadline = now + owed / rate
                left = deadline - now
            if left <= 0:
                return
            if check is not None:
                try:
                    check()
                except BaseException:
                    self._refund(left * rate, generation)
                    raise
            self._sleep(min(_SLICE, left))

    def _refund(self, unpaid: float, generation: int) -> None:
        """A stopped read moves none of what it still owed: the next transfer must not pay it."""
        with self._lock:
            if generation == self._generation and self._rate > 0:
                self._tokens = min(self._burst(), self._tokens + unpaid)


LIMITERS = {UP: Limiter(), DOWN: Limiter()}


def set_limits(upload: float | None = None, download: float | None = None) -> None:
    """Change the process-wide limits (bytes per second; 0 lifts one; None leaves it)."""
    if upload is not None:
        LIMITERS[UP].set_rate(upload)
    if download is not None:
        LIMITERS[DOWN].set_rate(download)


def take(direction: str, n: int, check: Callable[[], object] | None = None) -> None:
    LIMITERS[direction].take(n, check)


def parse_rate(text: str) -> int:
    """``500k``, ``10M``, ``1.5MiB/s``, ``0`` (none): bytes per second, binary multiples, as
    the app shows speeds. Raises ValueError with what to write instead."""
    m = _RATE.match(text)
    if not m:
        raise ValueError(f"not a rate: {text!r} (try 500k, 10M or 1.5MiB/s; 0 for no limit)")
    return int(float(m.group(1)) * 1024 ** " kmgt".index(m.group(2).lower() or " "))
