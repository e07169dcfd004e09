"""The transfer journal's schema: its tables, the numbered migrations between versions, and
the refusal of a journal written by a newer r2desk (``r2desk.transfers.journal`` uses them).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
    # 4: CRC64NVME, the full-object checksum (``r2desk/transfers/checksums.py``): the algorithm
    # an upload was created with ("" for MD5 only), each part's CRC (16 hex digits, "" when
    # not known) beside its ETag, and a download's expected whole-object CRC ("" for none:
    # then its chunks hold MD5s as before).
    4: (
        "ALTER TABLE uploads ADD COLUMN checksum TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE upload_parts ADD COLUMN crc TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE downloads ADD COLUMN checksum TEXT NOT NULL DEFAULT ''",
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
