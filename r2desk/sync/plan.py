"""What a comparison finds, item by item, and the plan's totals (counts and bytes per action).

Items stream out of the merge; only the totals (and the first failures) are kept, so a plan of a
million keys takes no more memory than one of ten.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from r2desk.results import PlanTotals, SyncItem
from r2desk.sync.walk import Entry


class Action(StrEnum):
    SAME = "same"  # both sides hold the same file
    CREATE = "create"  # only the source has it: copied
    UPDATE = "update"  # both have it and they differ: the source's copy replaces the other
    DELETE = "delete"  # the destination has it and the source lacks it (with --delete)
    EXTRA = "extra"  # the same, left alone (no --delete)
    CONFLICT = "conflict"  # two-way: both sides changed since the last sync
    COLLISION = "collision"  # two local names are one key (NFC/NFD), or one file (case)
    INVALID = "invalid"  # a key the other side cannot hold, or a file that cannot be sent


#: Actions that change something when the plan runs.
CHANGING = (Action.CREATE, Action.UPDATE, Action.DELETE)
#: Two-way directions: from the first side to the second, and back.
A_TO_B = "a>b"
B_TO_A = "b>a"
#: How a two-way sync settles a conflict (``--conflict``; the planner applies it).
POLICIES = ("ask", "newer", "keep-both", "skip")
#: Refuse deletes that would remove more than this share of a side's files, unless forced.
DEFAULT_MAX_DELETE = 25.0


@dataclass(slots=True)
class PlanItem:
    action: Action
    ck: str
    a: Entry | None
    b: Entry | None
    direction: str = A_TO_B  # which way bytes (or a delete) go: a>b acts on b
    reason: str = ""

    @property
    def key(self) -> str:
        """The key as its source side spells it (the side acted from)."""
        first, second = (self.a, self.b) if self.direction == A_TO_B else (self.b, self.a)
        entry = first or second
        return entry.key if entry is not None else self.ck

    @property
    def size(self) -> int:
        """Bytes this item moves (a delete moves none; its size is what it frees)."""
        first, second = (self.a, self.b) if self.direction == A_TO_B else (self.b, self.a)
        if self.action in (Action.DELETE, Action.EXTRA):
            return second.size if second is not None else 0
        entry = first or second
        return entry.size if entry is not None else 0

    def as_dict(self) -> SyncItem:
        return {
            "action": self.action.value,
            "id": self.ck,
            "key": self.key,
            "direction": self.direction,
            "size": self.size,
            "reason": self.reason,
        }


def empty_totals() -> PlanTotals:
    return {a.value: {"count": 0, "bytes": 0} for a in Action}


def add_to(totals: PlanTotals, item: PlanItem) -> None:
    slot = totals[item.action.value]
    slot["count"] += 1
    slot["bytes"] += item.size
