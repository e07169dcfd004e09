"""The journal's schema version: an old journal is migrated in place (its rows kept), a
journal from a newer r2desk is refused in words and left untouched."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from support.servers import MotoHandle
from support.transfers import transfer_element

from r2desk import StorageError
from r2desk.transfers.journal import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Journal,
    JournalTooNew,
    JournalUnreadable,
    stored_version,
)
from r2desk.transfers.journal_schema import _V1


def make_v1(state: Path) -> Path:
    """A journal as r2desk with schema version 1 left it: one unfinished upload, one part."""
    state.mkdir(parents=True, exist_ok=True)
    path = state / "transfers.sqlite3"
    db = sqlite3.connect(path)
    for statement in _V1:
        db.execute(statement)
    db.execute("INSERT INTO meta(name, value) VALUES ('schema_version', '1')")
    db.execute(
        "INSERT INTO uploads(element, endpoint, bucket, key, path, size, mtime_ns, part_size,"
        " upload_id, content_type, metadata, owner, created, updated)"
        " VALUES ('storages.MyR2', 'http://e', 'b', 'big.bin', '/tmp/big.bin', 20, 7, 8,"
        " 'up-1', 'application/octet-stream', ?, 'host:1', 1.0, 2.0)",
        (json.dumps({"a": "b"}),),
    )
    db.execute("INSERT INTO upload_parts(upload, part_number, size, md5) VALUES (1, 1, 8, 'ff')")
    db.commit()
    db.close()
    return path


def version_of(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return stored_version(db, path)
    finally:
        db.close()


def indexes(path: Path) -> set[str]:
    db = sqlite3.connect(path)
    try:
        rows = db.execute("SELECT name FROM sqlite_master WHERE type='index'").fetchall()
    finally:
        db.close()
    return {str(r[0]) for r in rows}


def test_migrations_are_numbered_without_gaps() -> None:
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))
    assert SCHEMA_VERSION >= 2


def test_a_new_journal_has_the_current_version(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    assert journal.uploads("http://e", "b") == []
    journal.close()
    assert version_of(tmp_path / "transfers.sqlite3") == SCHEMA_VERSION


def test_an_old_journal_is_upgraded_and_keeps_its_rows(tmp_path: Path) -> None:
    path = make_v1(tmp_path)
    assert version_of(path) == 1
    assert "uploads_by_upload_id" not in indexes(path)
    journal = Journal(tmp_path)
    row = journal.find_upload("http://e", "b", "big.bin", "/tmp/big.bin")
    assert row is not None
    assert (row.upload_id, row.size, row.metadata, row.parts) == (
        "up-1",
        20,
        {"a": "b"},
        {1: (8, "ff")},
    )
    journal.close()
    assert version_of(path) == SCHEMA_VERSION
    assert {"uploads_by_upload_id", "downloads_by_temp"} <= indexes(path)
    # Opening it again runs nothing more and changes nothing.
    again = Journal(tmp_path)
    assert [r.upload_id for r in again.uploads("http://e", "b")] == ["up-1"]
    again.close()


def test_a_journal_without_its_version_row_is_completed_and_kept(tmp_path: Path) -> None:
    path = make_v1(tmp_path)
    db = sqlite3.connect(path)
    db.execute("DROP TABLE meta")
    db.commit()
    db.close()
    assert version_of(path) == 0  # its set-up may have been cut short: migration 1 runs again
    journal = Journal(tmp_path)
    assert journal.find_upload("http://e", "b", "big.bin", "/tmp/big.bin") is not None
    journal.close()
    assert version_of(path) == SCHEMA_VERSION


def set_future_version(state: Path) -> tuple[Path, int]:
    path = make_v1(state)
    future = SCHEMA_VERSION + 7
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value=? WHERE name='schema_version'", (str(future),))
    db.commit()
    db.close()
    return path, future


def test_a_newer_journal_is_refused_and_left_alone(tmp_path: Path) -> None:
    path, future = set_future_version(tmp_path)
    before = path.read_bytes()
    journal = Journal(tmp_path)
    with pytest.raises(JournalTooNew) as info:
        journal.uploads("http://e", "b")
    text = str(info.value)
    assert str(path) in text
    assert f"version {future}" in text and f"up to {SCHEMA_VERSION}" in text
    with pytest.raises(JournalTooNew):  # every use says so, not only the first
        journal.find_upload("http://e", "b", "big.bin", "/tmp/big.bin")
    journal.close()
    assert version_of(path) == future
    assert path.read_bytes() == before


def test_the_element_says_the_journal_is_too_new(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    path, future = set_future_version(tmp_path / "state")
    el = transfer_element(
        tmp_path / "app", moto_server.s3, moto_bucket, state_dir=tmp_path / "state"
    )
    with pytest.raises(StorageError) as info:
        el.listUploads()
    assert info.value.code == "local_io"
    assert str(path) in str(info.value) and str(future) in str(info.value)
    src = tmp_path / "small.txt"
    src.write_bytes(b"small files need no journal")
    el.uploadFromPath("small.txt", str(src))  # a single PUT still works


def test_a_journal_whose_set_up_was_cut_short_still_opens(tmp_path: Path) -> None:
    """The old set-up made one table at a time and wrote the version last: a process killed
    in between left some tables and no version row. The next start completes the schema."""
    path = tmp_path / "transfers.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(MIGRATIONS[1][1])  # uploads only: no parts, downloads or chunks tables
    db.commit()
    db.close()
    journal = Journal(tmp_path)
    assert journal.uploads("http://e", "b") == []
    assert journal.find_download("http://e", "b", "k", "/tmp/k") is None
    journal.close()
    assert version_of(path) == SCHEMA_VERSION


def test_an_unreadable_version_is_said_with_the_file(tmp_path: Path) -> None:
    path = make_v1(tmp_path)
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value='two' WHERE name='schema_version'")
    db.commit()
    db.close()
    journal = Journal(tmp_path)
    with pytest.raises(JournalUnreadable, match="unreadable schema version 'two'") as info:
        journal.uploads("http://e", "b")
    assert str(path) in str(info.value)
    journal.close()
