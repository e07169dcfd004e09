"""Where the keys of a listing too big to hold land: ``downloadFolder`` and ``get -r`` at any
key count, in memory that does not grow with the keys.

The rules are ``localpaths.plan_local_paths``'s (``KeyPlacer`` decides each key), but the
whole-listing ones (two keys on one local file, a file where other keys need a folder) are
checked on 64-bit hashes of local identities in flat tables (``HashSet64``, 8 bytes a slot)
instead of dicts of keys:

1. ``survey`` reads the listing once: counts and sizes what would be downloaded, and finds
   the identities more than one key lands on and the folders files need.
2. When anything is refused and the caller did not ask to skip, ``refusals`` reads it again
   to name them, before anything is written (the promise of ``downloadFolder``).
3. Otherwise ``Survey.decide`` places each key of a second listing as it arrives, so the
   downloads start with the first page.

A new key between the readings is placed by the same rules; one landing on a file another key
of the second reading already took is refused, never written over it. Two different
identities sharing a 64-bit hash (about one chance in 10^7 at a million keys) would refuse
both keys: the safe way to be wrong.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from r2desk.results import ListedObject
from r2desk.transfers.localpaths import KeyPlacer, Placed

#: Refused keys named in full before the rest are only counted.
NAMED_REFUSALS = 1000


def _hash(ident: str) -> int:
    digest = hashlib.blake2b(ident.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") | 1  # never 0: 0 marks an empty slot


class HashSet64:
    """A set of 64-bit hashes in one flat table (open addressing): 8 to 16 bytes a member,
    where a Python ``set`` of strings takes about 150."""

    def __init__(self) -> None:
        self._slots = memoryview(bytearray(8 * 1024)).cast("Q")
        self._mask = len(self._slots) - 1
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def _find(self, h: int) -> int:
        i = h & self._mask
        slots = self._slots
        while slots[i] and slots[i] != h:
            i = (i + 1) & self._mask
        return i

    def add(self, h: int) -> bool:
        """Add ``h``; True when it was not there yet."""
        i = self._find(h)
        if self._slots[i]:
            return False
        self._slots[i] = h
        self._count += 1
        if self._count * 2 > len(self._slots):
            self._grow()
        return True

    def __contains__(self, h: object) -> bool:
        return isinstance(h, int) and bool(self._slots[self._find(h)])

    def members(self) -> Iterator[int]:
        return (h for h in self._slots if h)

    def _grow(self) -> None:
        old = self._slots
        self._slots = memoryview(bytearray(16 * len(old))).cast("Q")
        self._mask = len(self._slots) - 1
        for h in old:
            if h:
                self._slots[self._find(h)] = h


@dataclass
class Survey:
    """What the first reading of a listing found (``survey``)."""

    placer: KeyPlacer
    prefix: str
    files: int = 0  # keys that would be downloaded, if nothing is refused
    bytes: int = 0
    refused: int = 0  # more than 0: something may be refused (``refusals`` says exactly)
    collided: HashSet64 = field(default_factory=HashSet64)  # identities keys share
    dirs: HashSet64 = field(default_factory=HashSet64)  # folders placed files need

    def place(self, key: str) -> Placed | None:
        rel = key[len(self.prefix) :] if key.startswith(self.prefix) else key
        return self.placer.place(rel)

    def decide(self, spot: Placed, taken: HashSet64) -> str | None:
        """Why the key placed at ``spot`` is refused in the end, or None to download it;
        ``taken`` holds the files this reading already placed (one per reading)."""
        if spot.reason is not None:
            return spot.reason
        if spot.marker:
            return None
        h = _hash(spot.ident)
        if h in self.collided:
            return "lands on the same local file as another key"
        if h in self.dirs:
            return "lands where other keys need a folder of the same name"
        if not taken.add(h):  # a key that appeared since the first reading
            return "lands on the same local file as another key"
        return None


def survey(root: str, prefix: str, objects: Iterable[ListedObject]) -> Survey:
    """Read a listing once, keeping hashes only; ``Survey.refused`` says whether anything
    may be refused."""
    found = Survey(KeyPlacer(root), prefix)
    claimed = HashSet64()  # identities claimed by a key (placed files, and 'a//x')
    for obj in objects:
        spot = found.place(obj["key"])
        if spot is None:
            continue
        h = _hash(spot.ident)
        if spot.claims and not claimed.add(h):
            found.collided.add(h)
        if spot.reason is not None:
            found.refused += 1
        elif spot.marker:
            found.dirs.add(h)
        else:
            found.files += 1
            found.bytes += int(obj["size"])
            for parent in found.placer.parents(spot.ident):
                if not found.dirs.add(_hash(parent)):
                    break
    if len(found.collided) or any(h in claimed for h in found.dirs.members()):
        found.refused += 1  # two keys on one file, or a file where a folder is needed
    return found


def refusals(found: Survey, objects: Iterable[ListedObject]) -> tuple[list[tuple[str, str]], int]:
    """The refused keys of a second reading with their reasons (the first
    ``NAMED_REFUSALS``), and how many there are in all."""
    named: list[tuple[str, str]] = []
    count = 0
    taken = HashSet64()
    for obj in objects:
        spot = found.place(obj["key"])
        if spot is None:
            continue
        reason = found.decide(spot, taken)
        if reason is not None:
            count += 1
            if len(named) < NAMED_REFUSALS:
                named.append((obj["key"], reason))
    return named, count
