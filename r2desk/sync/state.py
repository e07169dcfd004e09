"""The state of a sync pair: what both sides held when each key was last known to be in sync.

One SQLite file per pair in the state folder (``r2desk.dirs.state_dir()/sync``), holding no
secret. It tells a deletion from a creation in a two-way sync, and lets a re-sync of an
unchanged tree decide without a request per object (the row says the local size and mtime and
the object's size and ETag that were equal). Rows are written as each transfer finishes, so a
killed sync rerun skips what it finished. Read in key order (SQLite's BINARY collation is
byte order of the UTF-8 text, the order of the listings), it is the third stream of the merge.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from r2desk.dirs import state_dir

SCHEMA = """
CREATE TABLE IF NOT EXISTS pair (id INTEGER PRIMARY KEY CHECK (id = 1), a TEXT, b TEXT,
    a_label TEXT, b_label TEXT, options TEXT, last_run REAL);
CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, a_size INTEGER, a_mtime INTEGER,
    a_etag TEXT, b_size INTEGER, b_mtime INTEGER, b_etag TEXT) WITHOUT ROWID;
"""
#: Commit the rows written so far at least this often (a killed run loses at most this much).
COMMIT_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Sig:
    """What identifies one side's version of a key: size, plus mtime (files) or ETag (objects)."""

    size: int
    mtime: int | None
    etag: str


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    a: Sig
    b: Sig


@dataclass(frozen=True)
class PairInfo:
    """A saved pair, as the GUI's sidebar lists them."""

    path: Path
    a: str
    b: str
    a_label: str
    b_label: str
    options: dict[str, object]
    last_run: float | None


def pair_path(a: str, b: str, folder: Path | None = None) -> Path:
    """The state file of the pair (a, b), named by a hash of both descriptions."""
    digest = hashlib.sha256(f"{a}\n{b}".encode()).hexdigest()[:24]
    return (folder or state_dir()) / "sync" / f"{digest}.sqlite"


class SyncState:
    """A pair's rows: read in key order by one connection, written by another (WAL lets the
    reader keep its snapshot while rows land), from any thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._reader = sqlite3.connect(path, check_same_thread=False)
        self._lock = threading.Lock()
        self._open_tx = False
        self._last_commit = time.monotonic()

    def close(self) -> None:
        with self._lock:
            self._commit()
            self._db.close()
            self._reader.close()

    def describe(
        self, a: str, b: str, a_label: str, b_label: str, options: dict[str, object]
    ) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO pair VALUES (1, ?, ?, ?, ?, ?, ?)",
                (a, b, a_label, b_label, json.dumps(options), time.time()),
            )

    def rows(self) -> Iterator[Row]:
        """Every row in key order, from a snapshot taken now."""
        cur = self._reader.execute("SELECT * FROM entries ORDER BY key")
        try:
            for k, asz, amt, aet, bsz, bmt, bet in cur:
                yield Row(k, Sig(asz, amt, aet or ""), Sig(bsz, bmt, bet or ""))
        finally:
            cur.close()
            self._reader.rollback()

    def put(self, key: str, a: Sig, b: Sig) -> None:
        self._write(
            "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key, a.size, a.mtime, a.etag, b.size, b.mtime, b.etag),
        )

    def drop(self, key: str) -> None:
        self._write("DELETE FROM entries WHERE key = ?", (key,))

    def flush(self) -> None:
        with self._lock:
            self._commit()

    def _write(self, sql: str, args: tuple[object, ...]) -> None:
        with self._lock:
            if not self._open_tx:
                self._db.execute("BEGIN")
                self._open_tx = True
            self._db.execute(sql, args)
            if time.monotonic() - self._last_commit >= COMMIT_SECONDS:
                self._commit()

    def _commit(self) -> None:
        if self._open_tx:
            self._db.execute("COMMIT")
            self._open_tx = False
        self._last_commit = time.monotonic()


def saved_pairs(folder: Path | None = None) -> list[PairInfo]:
    """Every pair that has a state file, newest run first (for re-running with one click)."""
    base = (folder or state_dir()) / "sync"
    found: list[PairInfo] = []
    if not base.is_dir():
        return found
    for path in base.glob("*.sqlite"):
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                row = db.execute(
                    "SELECT a, b, a_label, b_label, options, last_run FROM pair"
                ).fetchone()
            finally:
                db.close()
        except sqlite3.Error:
            continue
        if row is None:
            continue
        a, b, a_label, b_label, options, last_run = row
        try:
            opts = json.loads(options or "{}")
        except ValueError:
            opts = {}
        found.append(
            PairInfo(path, a, b, a_label, b_label, opts if isinstance(opts, dict) else {}, last_run)
        )
    found.sort(key=lambda p: -(p.last_run or 0))
    return found


def forget_pair(path: Path) -> None:
    """Delete a pair's state (the next two-way sync treats every key as new on both sides)."""
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")
