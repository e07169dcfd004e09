"""The transfer journal: what a restarted process needs to resume an unfinished transfer.

SQLite in the platformdirs state folder (or ``R2DESK_STATE_DIR``), WAL mode so that a CLI and a
GUI may share it. It holds keys, local paths, upload ids and part checksums, never a secret.
A row exists exactly while its transfer is unfinished.

The file says its schema version (table ``meta``); opening it runs the numbered migrations
up to this code's version, and a journal from a newer r2desk is refused in words, untouched.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from r2desk import dirs

_META = "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)"
_V1 = (
    _META,
    """CREATE TABLE IF NOT EXISTS uploads (
    id INTEGER PRIMARY KEY,
    element TEXT NOT NULL,          -- e.g. storages.MyR2, for people reading listUploads
    endpoint TEXT NOT NULL,
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    path TEXT NOT NULL,             -- absolute local path of the source file
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    part_size INTEGER NOT NULL,
    upload_id TEXT,                 -- NULL between the journal row and CreateMultipartUpload
    content_type TEXT NOT NULL,
    metadata TEXT NOT NULL,         -- JSON of the user metadata given at creation
    owner TEXT NOT NULL,            -- host:pid of the process running it
    created REAL NOT NULL,
    updated REAL NOT NULL,
    UNIQUE (endpoint, bucket, key, path)
)""",
    """CREATE TABLE IF NOT EXISTS upload_parts (
    upload INTEGER NOT NULL REFERENCES uploads(id) ON DELETE CASCADE,
    part_number INTEGER NOT NULL,
    size INTEGER NOT NULL,
    md5 TEXT NOT NULL,              -- hex MD5 of the bytes sent; equals the part's ETag
    PRIMARY KEY (upload, part_number)
)""",
    """CREATE TABLE IF NOT EXISTS downloads (
    id INTEGER PRIMARY KEY,
    element TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    path TEXT NOT NULL,             -- absolute local target
    temp_path TEXT NOT NULL,        -- the partial file beside it
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,             -- ranged GETs send If-Match with it
    chunk_size INTEGER NOT NULL,
    owner TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    UNIQUE (endpoint, bucket, key, path)
)""",
    """CREATE TABLE IF NOT EXISTS download_chunks (
    download INTEGER NOT NULL REFERENCES downloads(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    md5 TEXT NOT NULL,
    PRIMARY KEY (download, idx)
)""",
)

#: The numbered migrations: ``MIGRATIONS[n]`` takes a journal at version ``n - 1`` to ``n``
#: (0 is a new, empty file). Append only: a released step never changes.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: _V1,
    # 2: listUploads / abortUpload look uploads up by id, the temp sweep downloads by temp file.
    2: (
        "CREATE INDEX IF NOT EXISTS uploads_by_upload_id ON uploads(endpoint, bucket, upload_id)",
        "CREATE INDEX IF NOT EXISTS downloads_by_temp ON downloads(temp_path)",
    ),
    # 3: folder moves (``r2desk/transfers/movelog.py``): what was copied, verified and deleted.
    3: (
        """CREATE TABLE IF NOT EXISTS moves (
    id INTEGER PRIMARY KEY,
    src_element TEXT NOT NULL,      -- element names, so the app can offer to resume it
    src_endpoint TEXT NOT NULL,
    src_bucket TEXT NOT NULL,
    src_prefix TEXT NOT NULL,
    dst_element TEXT NOT NULL,
    dst_endpoint TEXT NOT NULL,
    dst_bucket TEXT NOT NULL,
    dst_prefix TEXT NOT NULL,
    owner TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    UNIQUE (src_endpoint, src_bucket, src_prefix, dst_endpoint, dst_bucket, dst_prefix)
)""",
        """CREATE TABLE IF NOT EXISTS move_items (
    move INTEGER NOT NULL REFERENCES moves(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    target TEXT NOT NULL,           -- where it went (a "keep both" name included)
    src_etag TEXT NOT NULL,         -- the source as copied: a source replaced since is recopied
    etag TEXT NOT NULL,             -- the verified copy's ETag, checked again before a delete
    size INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (move, source)
)""",
    ),
}
SCHEMA_VERSION = max(MIGRATIONS)


class JournalUnreadable(Exception):
    """The journal file cannot be used as it is; the message names the file and what to do."""


class JournalTooNew(JournalUnreadable):
    """The journal was written by a newer r2desk, with a schema this one does not know."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path, self.found, self.supported = path, found, supported
        super().__init__(
            f"the transfer journal {path} has schema version {found}, but this r2desk reads "
            f"versions up to {supported}: it was written by a newer r2desk. Use that version, "
            f"or move the file away to start a new journal (unfinished transfers then start over)"
        )


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    found = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
    ).fetchone()
    return found is not None


def stored_version(db: sqlite3.Connection, path: Path) -> int:
    """The schema version a journal says it has; 0 when it has no version row.

    Before migrations, the tables were created one by one and the version row written last,
    so a journal without the row may be one whose set-up was cut short: it is taken as
    version 0, and migration 1 (all ``IF NOT EXISTS``) completes whatever it lacks.
    """
    row = None
    if _has_table(db, "meta"):
        row = db.execute("SELECT value FROM meta WHERE name='schema_version'").fetchone()
    if row is None:
        return 0
    try:
        return int(row[0])
    except (TypeError, ValueError):
        raise JournalUnreadable(
            f"the transfer journal {path} has an unreadable schema version {row[0]!r}: move the "
            "file away to start a new journal (unfinished transfers then start over)"
        ) from None


def migrate(db: sqlite3.Connection, path: Path) -> int:
    """Bring the journal to ``SCHEMA_VERSION`` in one transaction (two processes starting at
    once take turns); a journal newer than this code is refused, untouched. Returns the version
    found."""
    level = db.isolation_level
    db.isolation_level = None  # our own BEGIN/COMMIT: DDL must share the transaction
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            found = stored_version(db, path)
            if found > SCHEMA_VERSION:
                raise JournalTooNew(path, found, SCHEMA_VERSION)
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version]:
                    db.execute(statement)
            if found != SCHEMA_VERSION:
                db.execute(_META)  # a journal from before the version row has none
                db.execute(
                    "INSERT OR REPLACE INTO meta(name, value) VALUES ('schema_version', ?)",
                    (str(SCHEMA_VERSION),),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.isolation_level = level
    return found


class JournalBusy(Exception):
    """Another process journaled the same transfer between our look-up and our insert."""


def owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def owner_alive(owner: str, updated: float) -> bool:
    """Whether another process still runs the transfer (so we must not touch it)."""
    if owner == owner_id():
        return False  # ours: a previous call in this process that ended
    host, _, pid_text = owner.rpartition(":")
    if host == socket.gethostname() and pid_text.isdigit() and os.name == "posix":
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    # Another host (a shared home folder) or Windows: trust a recent heartbeat only.
    return time.time() - updated < 120


@dataclass
class UploadRow:
    id: int
    element: str
    endpoint: str
    bucket: str
    key: str
    path: str
    size: int
    mtime_ns: int
    part_size: int
    upload_id: str | None
    content_type: str
    metadata: dict[str, str]
    owner: str
    created: float
    updated: float
    parts: dict[int, tuple[int, str]] = field(default_factory=dict)  # number -> (size, md5)


@dataclass
class DownloadRow:
    id: int
    element: str
    endpoint: str
    bucket: str
    key: str
    path: str
    temp_path: str
    size: int
    etag: str
    chunk_size: int
    owner: str
    created: float
    updated: float
    chunks: dict[int, str] = field(default_factory=dict)  # index -> md5 ("" when not hashed)


class Journal:
    """Thread-safe access to the journal file; one short transaction per change."""

    def __init__(self, state_dir: str | os.PathLike[str] | None = None) -> None:
        self.dir = Path(state_dir).expanduser() if state_dir else dirs.state_dir()
        self.path = self.dir / "transfers.sqlite3"
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self.dir.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=15, check_same_thread=False)
            try:
                # Read before WAL mode is switched on, so a newer journal stays untouched.
                found = stored_version(db, self.path)
                if found > SCHEMA_VERSION:
                    raise JournalTooNew(self.path, found, SCHEMA_VERSION)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("PRAGMA foreign_keys=ON")
                migrate(db, self.path)
            except BaseException:
                db.close()
                raise
            self._db = db
        return self._db

    def _run(self, sql: str, args: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        with self._lock:
            db = self._conn()
            cur = db.execute(sql, args)
            db.commit()
            return cur

    def _insert(self, sql: str, args: tuple[Any, ...]) -> None:
        """An INSERT of a new transfer; the UNIQUE constraint means someone else has it."""
        try:
            self._run(sql, args)
        except sqlite3.IntegrityError as exc:
            with self._lock:
                if self._db is not None:
                    self._db.rollback()
            raise JournalBusy(str(exc)) from exc

    def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return list(self._conn().execute(sql, args).fetchall())

    def write(self, sql: str, args: tuple[Any, ...] = ()) -> int:
        """One statement in its own transaction; returns the new row id (for other rooms'
        tables, such as the move log's)."""
        return int(self._run(sql, args).lastrowid or 0)

    def write_many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """One statement for many rows in one transaction (a batch of deletes, say)."""
        with self._lock:
            db = self._conn()
            db.executemany(sql, rows)
            db.commit()

    def read(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self._rows(sql, args)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # -- uploads -------------------------------------------------------------------------------

    def find_upload(self, endpoint: str, bucket: str, key: str, path: str) -> UploadRow | None:
        rows = self._rows(
            "SELECT id, element, endpoint, bucket, key, path, size, mtime_ns, part_size, upload_id,"
            " content_type, metadata, owner, created, updated FROM uploads"
            " WHERE endpoint=? AND bucket=? AND key=? AND path=?",
            (endpoint, bucket, key, path),
        )
        if not rows:
            return None
        r = rows[0]
        row = UploadRow(
            id=int(r[0]),
            element=str(r[1]),
            endpoint=str(r[2]),
            bucket=str(r[3]),
            key=str(r[4]),
            path=str(r[5]),
            size=int(r[6]),
            mtime_ns=int(r[7]),
            part_size=int(r[8]),
            upload_id=None if r[9] is None else str(r[9]),
            content_type=str(r[10]),
            metadata=json.loads(r[11]),
            owner=str(r[12]),
            created=float(r[13]),
            updated=float(r[14]),
        )
        for number, size, md5 in self._rows(
            "SELECT part_number, size, md5 FROM upload_parts WHERE upload=?", (row.id,)
        ):
            row.parts[int(number)] = (int(size), str(md5))
        return row

    def uploads(self, endpoint: str, bucket: str) -> list[UploadRow]:
        rows = self._rows(
            "SELECT endpoint, bucket, key, path FROM uploads WHERE endpoint=? AND bucket=?",
            (endpoint, bucket),
        )
        return [r for r in (self.find_upload(*row) for row in rows) if r is not None]

    def begin_upload(
        self,
        *,
        element: str,
        endpoint: str,
        bucket: str,
        key: str,
        path: str,
        size: int,
        mtime_ns: int,
        part_size: int,
        content_type: str,
        metadata: dict[str, str],
    ) -> UploadRow:
        """Record the upload *before* it is created on the server, so a kill leaves a trace."""
        now = time.time()
        self._insert(
            "INSERT INTO uploads(element, endpoint, bucket, key, path, size, mtime_ns, part_size,"
            " upload_id, content_type, metadata, owner, created, updated)"
            " VALUES (?,?,?,?,?,?,?,?,NULL,?,?,?,?,?)",
            (
                element,
                endpoint,
                bucket,
                key,
                path,
                size,
                mtime_ns,
                part_size,
                content_type,
                json.dumps(metadata, sort_keys=True),
                owner_id(),
                now,
                now,
            ),
        )
        row = self.find_upload(endpoint, bucket, key, path)
        assert row is not None
        return row

    def set_upload_id(self, row: UploadRow, upload_id: str) -> None:
        row.upload_id = upload_id
        self._run(
            "UPDATE uploads SET upload_id=?, updated=? WHERE id=?", (upload_id, time.time(), row.id)
        )

    def claim_upload(self, row: UploadRow) -> None:
        row.owner = owner_id()
        self._run(
            "UPDATE uploads SET owner=?, updated=? WHERE id=?", (row.owner, time.time(), row.id)
        )

    def part_done(self, row: UploadRow, number: int, size: int, md5: str) -> None:
        with self._lock:
            db = self._conn()
            db.execute(
                "INSERT OR REPLACE INTO upload_parts(upload, part_number, size, md5)"
                " VALUES (?,?,?,?)",
                (row.id, number, size, md5),
            )
            db.execute("UPDATE uploads SET updated=? WHERE id=?", (time.time(), row.id))
            db.commit()

    def forget_part(self, row: UploadRow, number: int) -> None:
        self._run("DELETE FROM upload_parts WHERE upload=? AND part_number=?", (row.id, number))

    def delete_upload(self, row_id: int) -> None:
        self._run("DELETE FROM uploads WHERE id=?", (row_id,))

    def delete_upload_by_id(self, endpoint: str, bucket: str, upload_id: str) -> None:
        self._run(
            "DELETE FROM uploads WHERE endpoint=? AND bucket=? AND upload_id=?",
            (endpoint, bucket, upload_id),
        )

    # -- downloads -----------------------------------------------------------------------------

    def find_download(self, endpoint: str, bucket: str, key: str, path: str) -> DownloadRow | None:
        rows = self._rows(
            "SELECT id, element, endpoint, bucket, key, path, temp_path, size, etag, chunk_size,"
            " owner, created, updated FROM downloads"
            " WHERE endpoint=? AND bucket=? AND key=? AND path=?",
            (endpoint, bucket, key, path),
        )
        if not rows:
            return None
        row = DownloadRow(*rows[0])
        for idx, md5 in self._rows(
            "SELECT idx, md5 FROM download_chunks WHERE download=?", (row.id,)
        ):
            row.chunks[int(idx)] = str(md5)
        return row

    def begin_download(
        self,
        *,
        element: str,
        endpoint: str,
        bucket: str,
        key: str,
        path: str,
        temp_path: str,
        size: int,
        etag: str,
        chunk_size: int,
    ) -> DownloadRow:
        now = time.time()
        self._insert(
            "INSERT INTO downloads(element, endpoint, bucket, key, path, temp_path, size, etag,"
            " chunk_size, owner, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                element,
                endpoint,
                bucket,
                key,
                path,
                temp_path,
                size,
                etag,
                chunk_size,
                owner_id(),
                now,
                now,
            ),
        )
        row = self.find_download(endpoint, bucket, key, path)
        assert row is not None
        return row

    def claim_download(self, row: DownloadRow) -> None:
        row.owner = owner_id()
        self._run(
            "UPDATE downloads SET owner=?, updated=? WHERE id=?", (row.owner, time.time(), row.id)
        )

    def chunk_done(self, row: DownloadRow, idx: int, md5: str) -> None:
        with self._lock:
            db = self._conn()
            db.execute(
                "INSERT OR REPLACE INTO download_chunks(download, idx, md5) VALUES (?,?,?)",
                (row.id, idx, md5),
            )
            db.execute("UPDATE downloads SET updated=? WHERE id=?", (time.time(), row.id))
            db.commit()

    def download_temps(self) -> set[str]:
        """Temp files of every unfinished download: they must survive any cleanup."""
        return {str(r[0]) for r in self._rows("SELECT temp_path FROM downloads")}

    def delete_download(self, row_id: int) -> None:
        self._run("DELETE FROM downloads WHERE id=?", (row_id,))
