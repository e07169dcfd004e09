"""The journal of folder moves: which objects were copied (verified) and which sources deleted.

A folder move is many copies and a few batched deletes; a process that stops halfway (a cut
network, Ctrl+C, a crash, the app quitting) leaves a row here, so the same move run again
skips what is already verified at the target and deletes nothing that was not copied. The
rows live in the transfer journal's file (``transfers.sqlite3``, migration 3) and hold keys,
ETags and element names, never a secret. A move's row exists exactly while it is unfinished.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from r2desk.transfers.journal import Journal, owner_alive, owner_id

_MOVE_COLUMNS = (
    "id, src_element, src_endpoint, src_bucket, src_prefix, dst_element, dst_endpoint,"
    " dst_bucket, dst_prefix, owner, created, updated"
)


@dataclass(frozen=True)
class Side:
    """One end of a move: the element's name (to find it again), where it is, the prefix."""

    element: str
    endpoint: str
    bucket: str
    prefix: str


@dataclass
class MoveRow:
    id: int
    source: Side
    target: Side
    owner: str
    created: float
    updated: float

    @property
    def running_elsewhere(self) -> bool:
        """Another live process is running this move (so it must not be touched here)."""
        return owner_alive(self.owner, self.updated)


@dataclass(frozen=True)
class MovedItem:
    source: str
    target: str
    src_etag: str
    etag: str
    size: int
    deleted: bool


def _row(r: tuple[object, ...]) -> MoveRow:
    return MoveRow(
        id=int(str(r[0])),
        source=Side(str(r[1]), str(r[2]), str(r[3]), str(r[4])),
        target=Side(str(r[5]), str(r[6]), str(r[7]), str(r[8])),
        owner=str(r[9]),
        created=float(str(r[10])),
        updated=float(str(r[11])),
    )


def _where(end: Side) -> tuple[str, str, str]:
    return end.endpoint, end.bucket, end.prefix


class MoveLog:
    """Move rows and their items, in one journal; every change is one short transaction."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def moves(self) -> list[MoveRow]:
        """Every unfinished move, oldest first (what the app offers to resume)."""
        return [
            _row(r) for r in self.journal.read(f"SELECT {_MOVE_COLUMNS} FROM moves ORDER BY id")
        ]

    def find(self, source: Side, target: Side) -> MoveRow | None:
        rows = self.journal.read(
            f"SELECT {_MOVE_COLUMNS} FROM moves WHERE src_endpoint=? AND src_bucket=? AND"
            " src_prefix=? AND dst_endpoint=? AND dst_bucket=? AND dst_prefix=?",
            (*_where(source), *_where(target)),
        )
        return _row(rows[0]) if rows else None

    def begin(self, source: Side, target: Side) -> tuple[MoveRow, bool]:
        """The move's row, made now or found from an earlier run (then claimed by this process);
        returns it and whether it was found (a resume)."""
        found = self.find(source, target)
        now = time.time()
        if found is not None:
            found.owner, found.updated = owner_id(), now
            self.journal.write(
                "UPDATE moves SET owner=?, updated=? WHERE id=?", (found.owner, now, found.id)
            )
            return found, True
        self.journal.write(
            "INSERT INTO moves(src_element, src_endpoint, src_bucket, src_prefix, dst_element,"
            " dst_endpoint, dst_bucket, dst_prefix, owner, created, updated)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                source.element,
                *_where(source),
                target.element,
                *_where(target),
                owner_id(),
                now,
                now,
            ),
        )
        made = self.find(source, target)
        assert made is not None
        return made, False

    def item(self, move: MoveRow, source: str) -> MovedItem | None:
        rows = self.journal.read(
            "SELECT source, target, src_etag, etag, size, deleted FROM move_items"
            " WHERE move=? AND source=?",
            (move.id, source),
        )
        if not rows:
            return None
        r = rows[0]
        return MovedItem(str(r[0]), str(r[1]), str(r[2]), str(r[3]), int(r[4]), bool(r[5]))

    def is_ours(self, move: MoveRow, target: str) -> bool:
        """Whether this move wrote ``target`` (so it is no conflict when the move resumes)."""
        rows = self.journal.read(
            "SELECT 1 FROM move_items WHERE move=? AND target=? LIMIT 1", (move.id, target)
        )
        return bool(rows)

    def copied(
        self, move: MoveRow, source: str, target: str, src_etag: str, etag: str, size: int
    ) -> None:
        """Record a copy once it is verified at the target (before its source may go)."""
        self.journal.write(
            "INSERT OR REPLACE INTO move_items(move, source, target, src_etag, etag, size, deleted)"
            " VALUES (?,?,?,?,?,?,0)",
            (move.id, source, target, src_etag, etag, size),
        )
        self.journal.write("UPDATE moves SET updated=? WHERE id=?", (time.time(), move.id))

    def deleted(self, move: MoveRow, sources: list[str]) -> None:
        self.journal.write_many(
            "UPDATE move_items SET deleted=1 WHERE move=? AND source=?",
            [(move.id, s) for s in sources],
        )

    def counts(self, move: MoveRow) -> tuple[int, int]:
        """(objects copied, sources deleted) so far."""
        rows = self.journal.read(
            "SELECT COUNT(*), COALESCE(SUM(deleted), 0) FROM move_items WHERE move=?", (move.id,)
        )
        return int(rows[0][0]), int(rows[0][1])

    def finish(self, move: MoveRow) -> None:
        """The move is complete: its row and items go (a row exists only while unfinished)."""
        self.journal.write("DELETE FROM moves WHERE id=?", (move.id,))
