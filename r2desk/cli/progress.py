"""A terminal progress bar for transfers: bytes, speed, ETA; silent when not on a terminal.

It is a ProgressCallback (running totals, any thread), so the CLI hands it straight to the
engine. No Qt: the GUI draws its own.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from typing import TextIO

from r2desk.cli.output import escaped
from r2desk.formatting import human_size


def human_duration(seconds: float) -> str:
    """A fixed-width clock (m:ss, h:mm:ss), so the progress line does not jump as it counts."""
    seconds = int(max(0, seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class ProgressBar:
    """``bar(done, total)`` redraws one line at most 10 times a second; ``close()`` ends it.

    Speed is a moving average over the last few seconds, so ETA follows the current rate rather
    than the whole run's.
    """

    def __init__(
        self, label: str, stream: TextIO | None = None, enabled: bool | None = None
    ) -> None:
        self.label = escaped(label)  # it names keys and paths: no control characters drawn
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._lock = threading.Lock()
        self._start = time.monotonic()
        self._samples: list[tuple[float, int]] = [(self._start, 0)]
        self._last_draw = 0.0
        self._done = 0
        self._total = 0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        with self._lock:
            self._done, self._total = done, total
            now = time.monotonic()
            self._samples.append((now, done))
            while len(self._samples) > 2 and now - self._samples[0][0] > 5:
                self._samples.pop(0)
            if self.enabled and (now - self._last_draw >= 0.1 or done >= total):
                self._last_draw = now
                self._draw(now)

    def speed(self) -> float:
        (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
        return (d1 - d0) / (t1 - t0) if t1 > t0 else 0.0

    def line(self, now: float | None = None) -> str:
        now = now or time.monotonic()
        done, total = self._done, self._total
        speed = self.speed()
        pct = 100.0 * done / total if total else 100.0
        if done >= total:
            tail = f"in {human_duration(now - self._start)}"
        elif speed > 0:
            tail = f"ETA {human_duration((total - done) / speed)}"
        else:
            tail = "ETA --:--"
        stats = (
            f"{pct:5.1f}% {human_size(done)}/{human_size(total)} {human_size(int(speed))}/s {tail}"
        )
        width = shutil.get_terminal_size((80, 20)).columns
        bar_width = max(10, min(30, width - len(stats) - len(self.label) - 6))
        filled = int(bar_width * pct / 100)
        label = self.label
        room = width - bar_width - len(stats) - 5
        if len(label) > room:
            label = "…" + label[-max(1, room - 1) :]
        return f"{label} [{'#' * filled}{'.' * (bar_width - filled)}] {stats}"

    def _draw(self, now: float) -> None:
        self.stream.write("\r\x1b[K" + self.line(now))
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        with self._lock:
            if self.enabled and self._drawn:
                self.stream.write("\n")
                self.stream.flush()
