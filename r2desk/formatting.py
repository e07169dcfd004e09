"""Plain-text formatting shared by the CLI and the views (sizes, times, durations); no Qt."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")


def human_size(size: int) -> str:
    """Binary units with one decimal place (``1.5 MiB``); bytes are shown exactly."""
    if size < 1024:
        return f"{size} B"
    value = float(size)
    for unit in _UNITS[1:]:
        value /= 1024.0
        if value < 1024.0 or unit == _UNITS[-1]:
            return f"{value:.1f} {unit}"
    return f"{size} B"  # pragma: no cover - the loop always returns


def local_time(when: _dt.datetime | None) -> str:
    """A timestamp in the user's local zone, sortable and unambiguous (``2026-11-25 14:03``)."""
    if when is None:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def human_duration(seconds: float) -> str:
    """A short duration for an ETA: ``45 s``, ``3 min 05 s``, ``2 h 10 min``."""
    seconds = max(0, int(seconds + 0.5))
    if seconds < 60:
        return f"{seconds} s"
    minutes, sec = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {sec:02d} s"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d} min"
    return f"{hours // 24} d {hours % 24} h"


def human_rate(bytes_per_second: float) -> str:
    return f"{human_size(int(bytes_per_second))}/s"


def expiry_words(seconds: int) -> str:
    """``5 minutes``, ``1 hour``, ``7 days``: how the menu and status bar name an expiry."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{seconds} seconds"


_DIGITS = re.compile(r"([0-9]+)")


def natural_key(name: str) -> bytes:
    """How a person orders names: case- and accent-insensitive, runs of digits by value ("file2"
    before "file10", "ä" with "a"), then the name itself, so the order is total and repeatable.

    One ``bytes`` that compares as that order: each text run ends with a 0 byte, each digit run
    is its digit count (two bytes) and digits without leading zeros, the end is two 0 bytes
    (before any number: "a" before "a1"). A million of them sort in C, and each costs one small
    object where a tuple of parts cost several."""
    if name.isascii():
        base = name.lower()
    else:
        folded = unicodedata.normalize("NFKD", name.casefold())
        base = "".join(c for c in folded if not unicodedata.combining(c))
    out = bytearray()
    for i, part in enumerate(_DIGITS.split(base)):
        if i % 2:
            digits = part.lstrip("0") or "0"
            out += len(digits).to_bytes(2, "big")
            out += digits.encode("ascii")
        else:
            out += part.encode("utf-8", "surrogatepass")
            out += b"\0"
    out += b"\0\0"
    out += name.encode("utf-8", "surrogatepass")
    return bytes(out)
