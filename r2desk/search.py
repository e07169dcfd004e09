"""Searching a bucket: a filter over a streamed listing, shared by ``r2desk find`` and the GUI.

The store has no search call, so a search is a recursive listing read page by page and filtered
as it arrives: what does not match is dropped at once, and at most ``limit`` matches are kept,
so memory stays flat however many keys the prefix holds.
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from r2desk.results import ListedObject

_GLOB = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Query:
    """What to look for. ``pattern`` is a glob when it holds ``* ? [``, else a substring.

    Both are case-insensitive. A pattern without ``/`` is matched against the object's name (its
    last segment); one with ``/`` against the key below the searched prefix, as a file manager's
    search field would.
    """

    pattern: str = ""
    min_size: int | None = None
    max_size: int | None = None
    newer: _dt.datetime | None = None
    older: _dt.datetime | None = None

    def matcher(self, prefix: str = "") -> Callable[[ListedObject], bool]:
        """A predicate for one listed object; built once, called per key (the hot path)."""
        text = self.pattern.casefold()
        whole_key = "/" in text
        if not text:
            test_name: Callable[[str], bool] = lambda _name: True  # noqa: E731
        elif _GLOB.search(text):
            rx = re.compile(fnmatch.translate(text), re.DOTALL)
            test_name = lambda name: rx.match(name) is not None  # noqa: E731
        else:
            test_name = lambda name: text in name  # noqa: E731
        cut = len(prefix)
        lo, hi, newer, older = self.min_size, self.max_size, self.newer, self.older

        def match(obj: ListedObject) -> bool:
            key = obj["key"]
            if key.endswith("/"):  # a folder marker is not a file to find
                return False
            rest = key[cut:] if key.startswith(prefix) else key
            name = rest if whole_key else rest.rsplit("/", 1)[-1]
            if not test_name(name.casefold()):
                return False
            size = obj["size"]
            if (lo is not None and size < lo) or (hi is not None and size > hi):
                return False
            if newer is not None or older is not None:
                when = obj["lastModified"]
                if when is None:
                    return False
                if (newer is not None and when < newer) or (older is not None and when >= older):
                    return False
            return True

        return match


@dataclass
class SearchProgress:
    """How far a search got: shown as "12 found in 48,000 scanned"."""

    scanned: int = 0
    found: int = 0
    capped: bool = False


def search(
    objects: Iterable[ListedObject],
    query: Query,
    *,
    prefix: str = "",
    limit: int | None = 10_000,
    progress: SearchProgress | None = None,
) -> Iterator[ListedObject]:
    """Yield the matches of ``objects`` as they stream past; stop after ``limit`` matches.

    ``progress`` is updated in place so a caller (a GUI worker, the CLI) can report the count
    scanned while matches are still rare.
    """
    state = progress if progress is not None else SearchProgress()
    match = query.matcher(prefix)
    for obj in objects:
        state.scanned += 1
        if match(obj):
            if limit is not None and state.found >= limit:
                state.capped = True
                return
            state.found += 1
            yield obj
