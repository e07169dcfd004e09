"""A terminal progress bar for transfers: bytes, speed, ETA; silent when not on a terminal.

It is a ProgressCallback (running totals, any thread), so the CLI hands it straight to the
engine. No Qt: the GUI draws its own.

The line is redrawn with a carriage return and padded to the terminal's width less one column,
so it never wraps, never needs an erase escape (Windows consoles print those raw) and its
fields do not jump as the numbers change. The last line, drawn by ``close()``, gives the whole
run's mean speed. ``bench/cli_progress.py`` measured it against tqdm and rich.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from typing import TextIO

from r2desk.cli.output import escaped
from r2desk.formatting import human_size

#: The widest a size gets ("1023.9 KiB"): sizes are padded to it so the line keeps its shape.
SIZE_WIDTH = 10


def human_duration(seconds: float) -> str:
    """A fixed-width clock (m:ss, h:mm:ss), so the progress line does not jump as it counts."""
    seconds = int(max(0, seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _fit(text: str, width: int) -> str:
    """``text`` in at most ``width`` columns, cut at the start (the end of a path says most)."""
    if len(text) <= width:
        return text
    return ("…" + text[-(width - 1) :]) if width > 1 else text[:width]


class ProgressBar:
    """``bar(done, total)`` redraws one line at most 10 times a second; ``close()`` ends it.

    Speed is a moving average over the last few seconds, so ETA follows the current rate rather
    than the whole run's; the final line shows the mean over the whole run.
    """

    def __init__(
        self,
        label: str,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        columns: int | None = None,
    ) -> None:
        self.label = escaped(label)  # it names keys and paths: no control characters drawn
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.columns = columns
        self._lock = threading.Lock()
        self._start = time.monotonic()
        self._samples: list[tuple[float, int]] = [(self._start, 0)]
        self._last_draw = 0.0
        self._done = 0
        self._total = 0
        self._drawn = False
        self._closed = False

    def __call__(self, done: int, total: int) -> None:
        with self._lock:
            self._done, self._total = done, total
            now = time.monotonic()
            self._samples.append((now, done))
            while len(self._samples) > 2 and now - self._samples[0][0] > 5:
                self._samples.pop(0)
            if self.enabled and not self._closed and now - self._last_draw >= 0.1:
                self._last_draw = now
                self._draw(self.line(now))

    def speed(self) -> float:
        (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
        return (d1 - d0) / (t1 - t0) if t1 > t0 else 0.0

    def mean_speed(self, now: float | None = None) -> float:
        elapsed = (now or time.monotonic()) - self._start
        return self._done / elapsed if elapsed > 0 else 0.0

    def _width(self) -> int:
        columns = self.columns or shutil.get_terminal_size((80, 20)).columns
        return max(1, columns - 1)  # the last column would wrap on some terminals

    def line(self, now: float | None = None, *, final: bool = False) -> str:
        """The line for the current totals, exactly the terminal's width less one column.

        The widest layout that fits wins: label, bar and numbers; label and numbers; the
        numbers; percent, speed and time; the start of that. The label gives way first.
        """
        now = now or time.monotonic()
        done, total = self._done, self._total
        pct = f"{100.0 * done / total if total else 100.0:5.1f}%"
        sizes = f"{human_size(done):>{SIZE_WIDTH}}/{human_size(total):<{SIZE_WIDTH}}"
        if final:
            speed = f"{human_size(int(self.mean_speed(now)))}/s mean"
            tail = f"in {human_duration(now - self._start)}"
        else:
            rate = self.speed()
            speed = f"{human_size(int(rate)):>{SIZE_WIDTH}}/s"
            left = human_duration((total - done) / rate) if rate > 0 and done < total else "--:--"
            tail = f"ETA {left:<7}"
        stats = f"{pct} {sizes} {speed} {tail}"
        width = self._width()
        room = width - len(stats) - 1  # for the label and the bar
        bar_width = min(30, room - 12 - 3)
        if bar_width >= 5:
            share = min(1.0, done / total) if total else 1.0
            filled = int(bar_width * share)
            bar = f"[{'#' * filled}{'.' * (bar_width - filled)}]"
            text = f"{_fit(self.label, room - len(bar) - 1)} {bar} {stats}"
        elif room >= 8:
            text = f"{_fit(self.label, room)} {stats}"
        elif len(stats) <= width:
            text = stats
        else:
            text = f"{pct} {speed.strip()} {tail.strip()}"[:width]
        return text.ljust(width)

    def _draw(self, text: str) -> None:
        encoding = getattr(self.stream, "encoding", None) or "utf-8"
        # A console that cannot show "…" or "→" gets "?" rather than an exception.
        text = text.encode(encoding, "replace").decode(encoding, "replace")
        self.stream.write("\r" + text)
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Draw the final line (mean speed, time taken) and end it; idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self.enabled and (self._drawn or self._total):
                self._draw(self.line(final=True))
                self.stream.write("\n")
                self.stream.flush()
