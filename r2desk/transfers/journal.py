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
from r2desk.transfers.journal_schema import MIGRATIONS as MIGRATIONS
from r2desk.transfers.journal_schema import SCHEMA_VERSION as SCHEMA_VERSION
from r2desk.transfers.journal_schema import JournalTooNew as JournalTooNew
from r2desk.transfers.journal_schema import JournalUnreadable as JournalUnreadable
from r2desk.transfers.journal_schema import migrate
from r2desk.transfers.journal_schema import stored_version as stored_version


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
    #: The checksum algorithm the upload was created with ("CRC64NVME"), or "" (MD5 only).
    checksum: str = ""
    parts: dict[int, tuple[int, str]] = field(default_factory=dict)  # number -> (size, ETag)
    crcs: dict[int, int] = field(default_factory=dict)  # number -> CRC64NVME of the part


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
    #: The object's full-object CRC64NVME (base64, as the server gave it), or "": then the
    #: chunks hold MD5s (or "" when the plan needs none) instead of CRCs (16 hex digits).
    checksum: str = ""
    chunks: dict[int, str] = field(default_factory=dict)  # index -> md5 or CRC


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
            " content_type, metadata, owner, created, updated, checksum FROM uploads"
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
            checksum=str(r[15]),
        )
        for number, size, md5, crc in self._rows(
            "SELECT part_number, size, md5, crc FROM upload_parts WHERE upload=?", (row.id,)
        ):
            row.parts[int(number)] = (int(size), str(md5))
            if crc:
                row.crcs[int(number)] = int(str(crc), 16)
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
        checksum: str = "",
    ) -> UploadRow:
        """Record the upload *before* it is created on the server, so a kill leaves a trace."""
        now = time.time()
        self._insert(
            "INSERT INTO uploads(element, endpoint, bucket, key, path, size, mtime_ns, part_size,"
            " upload_id, content_type, metadata, owner, created, updated, checksum)"
            " VALUES (?,?,?,?,?,?,?,?,NULL,?,?,?,?,?,?)",
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
                checksum,
            ),
        )
        row = self.find_upload(endpoint, bucket, key, path)
        assert row is not None
        return row

    def set_upload_id(self, row: UploadRow, upload_id: str, checksum: str | None = None) -> None:
        """The server's id of the upload (and, when given, the checksum it was created with)."""
        row.upload_id = upload_id
        if checksum is not None:
            row.checksum = checksum
        self._run(
            "UPDATE uploads SET upload_id=?, checksum=?, updated=? WHERE id=?",
            (upload_id, row.checksum, time.time(), row.id),
        )

    def claim_upload(self, row: UploadRow) -> None:
        row.owner = owner_id()
        self._run(
            "UPDATE uploads SET owner=?, updated=? WHERE id=?", (row.owner, time.time(), row.id)
        )

    def part_done(
        self, row: UploadRow, number: int, size: int, etag: str, crc: int | None = None
    ) -> None:
        """A part the server holds: its ETag and, for a CRC64NVME upload, the CRC sent."""
        with self._lock:
            db = self._conn()
            db.execute(
                "INSERT OR REPLACE INTO upload_parts(upload, part_number, size, md5, crc)"
                " VALUES (?,?,?,?,?)",
                (row.id, number, size, etag, "" if crc is None else f"{crc:016x}"),
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
            " owner, created, updated, checksum FROM downloads"
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
        checksum: str = "",
    ) -> DownloadRow:
        now = time.time()
        self._insert(
            "INSERT INTO downloads(element, endpoint, bucket, key, path, temp_path, size, etag,"
            " chunk_size, owner, created, updated, checksum) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                checksum,
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
