"""From merged triples to plan items: one-way (the first side is the source) and two-way (the
state row tells which side changed, and a deletion from a creation).

Conflicts in two-way follow the policy: ``ask`` (reported; the GUI passes the user's choice per
key in ``decisions``), ``newer`` (the later modification wins; a change beats a deletion),
``keep-both`` (the second side's version is kept beside the first's under a conflict name),
``skip`` (left alone, reported).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from r2desk.sync.compare import Judge, Triple, sig_of
from r2desk.sync.plan import A_TO_B, B_TO_A, Action, PlanItem
from r2desk.sync.sides import LocalSide, Side
from r2desk.sync.state import Row
from r2desk.sync.walk import Entry

#: Choices for one conflict (the GUI's "ask"): keep the first side's, the second's, both, none.
CHOICES = ("a", "b", "both", "skip")

Work = tuple[Callable[[], object] | None, object]


@dataclass
class Counts:
    """How many entries each side had (the delete cap is a share of the side deleted from)."""

    a: int = 0
    b: int = 0
    dropped: list[str] = field(default_factory=list)


class CaseGuard:
    """A case-insensitive local destination: a new key whose file name exists there in another
    case would overwrite that file. One folder listing is cached (keys come in order)."""

    def __init__(self, side: LocalSide) -> None:
        self.side = side
        self._folder = ""
        self._names: dict[str, str] = {}
        self.protected: set[str] = set()

    def variant(self, key: str) -> str:
        """The existing name that differs from ``key``'s only in case, or ""."""
        path = self.side.path_of(key)
        folder, name = os.path.split(path)
        if folder != self._folder:
            self._folder = folder
            try:
                self._names = {n.casefold(): n for n in os.listdir(folder)}
            except OSError:
                self._names = {}
        found = self._names.get(name.casefold(), "")
        if found and found != name:
            self.protected.add(key.casefold())
            rel = key.rsplit("/", 1)[0] + "/" + found if "/" in key else found
            self.protected.add(rel.casefold())
            return found
        return ""


def _problem_item(ck: str, ea: Entry | None, eb: Entry | None, direction: str) -> PlanItem | None:
    for e in (ea, eb):
        if e is not None and e.problem:
            kind = Action.COLLISION if e.twins else Action.INVALID
            return PlanItem(kind, ck, ea, eb, direction, e.problem)
    return None


class Planner:
    def __init__(
        self,
        a: Side,
        b: Side,
        judge: Judge,
        *,
        two_way: bool,
        delete: bool,
        policy: str = "ask",
        decisions: Mapping[str, str] | None = None,
    ) -> None:
        self.a, self.b = a, b
        self.judge = judge
        self.two_way = two_way
        self.delete = delete
        self.policy = policy
        self.decisions = decisions or {}
        self.counts = Counts()
        receiving = (("a", a), ("b", b)) if two_way else (("b", b),)
        self.guards = {
            side: CaseGuard(s)
            for side, s in receiving
            if isinstance(s, LocalSide) and s.case_insensitive  # asked only where files land
        }

    def items(self, triples: Iterator[Triple]) -> Iterator[Work]:
        for ck, ea, eb, row in triples:
            if ea is not None and not ea.problem:
                self.counts.a += 1
            if eb is not None and not eb.problem:
                self.counts.b += 1
            yield from self._one(ck, ea, eb, row)

    # -- the cases ---------------------------------------------------------------------------

    def _one(self, ck: str, ea: Entry | None, eb: Entry | None, row: Row | None) -> Iterator[Work]:
        problem = _problem_item(ck, ea, eb, A_TO_B)
        if problem is not None:
            yield None, problem
            return
        if ea is None and eb is None:
            if row is not None and self.judge.state is not None:
                self.judge.state.drop(ck)
            return
        if not self.two_way:
            yield from self._one_way(ck, ea, eb, row)
        else:
            yield from self._two_way(ck, ea, eb, row)

    def _new(
        self, ck: str, e: Entry, direction: str, ea: Entry | None, eb: Entry | None
    ) -> PlanItem:
        """A key only one side has, to be created on the other (unless it cannot hold it)."""
        target, tname = (self.b, "b") if direction == A_TO_B else (self.a, "a")
        why = target.key_problem(e.key)
        if why:
            return PlanItem(Action.INVALID, ck, ea, eb, direction, why)
        guard = self.guards.get(tname)
        if guard is not None:
            found = guard.variant(e.key)
            if found:
                return PlanItem(
                    Action.COLLISION,
                    ck,
                    ea,
                    eb,
                    direction,
                    f"the folder ignores case and already holds {found!r}",
                )
        return PlanItem(Action.CREATE, ck, ea, eb, direction, "new")

    def _gone(
        self, ck: str, ea: Entry | None, eb: Entry | None, direction: str, why: str
    ) -> PlanItem:
        kind = Action.DELETE if self.delete or self.two_way else Action.EXTRA
        return PlanItem(kind, ck, ea, eb, direction, why)

    def _judged(
        self, ck: str, ea: Entry, eb: Entry, row: Row | None, on_differ: Callable[[str], PlanItem]
    ) -> Work:
        same, reason = self.judge.quick(ea, eb, row)

        def finish(same: bool, reason: str) -> PlanItem:
            if same:
                if row is None or reason != "unchanged since the last sync":
                    self.judge.record(ck, ea, eb)
                return PlanItem(Action.SAME, ck, ea, eb, A_TO_B, reason)
            return on_differ(reason)

        if same is not None:
            return None, finish(same, reason)
        return (lambda: finish(*self.judge.slow(ea, eb, True))), None

    def _one_way(
        self, ck: str, ea: Entry | None, eb: Entry | None, row: Row | None
    ) -> Iterator[Work]:
        if ea is not None and eb is None:
            yield None, self._new(ck, ea, A_TO_B, ea, eb)
        elif eb is not None and ea is None:
            yield None, self._gone(ck, ea, eb, A_TO_B, "not in the source")
        elif ea is not None and eb is not None:
            yield self._judged(
                ck, ea, eb, row, lambda why: PlanItem(Action.UPDATE, ck, ea, eb, A_TO_B, why)
            )

    def _two_way(
        self, ck: str, ea: Entry | None, eb: Entry | None, row: Row | None
    ) -> Iterator[Work]:
        a_changed = ea is not None and (row is None or sig_of(self.a, ea) != row.a)
        b_changed = eb is not None and (row is None or sig_of(self.b, eb) != row.b)
        if ea is not None and eb is not None:
            if row is not None and not a_changed and not b_changed:
                yield (
                    None,
                    PlanItem(Action.SAME, ck, ea, eb, A_TO_B, "unchanged since the last sync"),
                )
            elif row is not None and a_changed != b_changed:
                direction = A_TO_B if a_changed else B_TO_A
                yield self._judged(
                    ck,
                    ea,
                    eb,
                    None,
                    lambda why: PlanItem(Action.UPDATE, ck, ea, eb, direction, why),
                )
            else:
                why = (
                    "changed on both sides"
                    if row is not None
                    else "both sides have it, no last sync"
                )
                yield self._judged(
                    ck, ea, eb, None, lambda r: self._conflict(ck, ea, eb, f"{why}; {r}")
                )
        elif ea is not None:
            if row is None:
                yield None, self._new(ck, ea, A_TO_B, ea, eb)
            elif a_changed:
                yield None, self._conflict(ck, ea, eb, "changed here, deleted on the other side")
            else:
                yield None, self._gone(ck, ea, eb, B_TO_A, "deleted on the other side")
        elif eb is not None:
            if row is None:
                yield None, self._new(ck, eb, B_TO_A, ea, eb)
            elif b_changed:
                yield None, self._conflict(ck, ea, eb, "changed there, deleted on this side")
            else:
                yield None, self._gone(ck, ea, eb, A_TO_B, "deleted on this side")

    def _conflict(self, ck: str, ea: Entry | None, eb: Entry | None, why: str) -> PlanItem:
        choice = self.decisions.get(ck)
        if choice is None:
            choice = {"newer": _newer(self.a, self.b, ea, eb), "keep-both": "both"}.get(
                self.policy, ""
            )
        if choice == "both" and (ea is None or eb is None):
            choice = "a" if ea is not None else "b"  # nothing of a deletion to keep
        if choice not in ("a", "b", "both"):
            return PlanItem(Action.CONFLICT, ck, ea, eb, A_TO_B, why)
        if choice == "both":
            return PlanItem(Action.UPDATE, ck, ea, eb, "both", f"{why}; both kept")
        direction = A_TO_B if choice == "a" else B_TO_A
        winner = ea if choice == "a" else eb
        kind = Action.UPDATE if ea is not None and eb is not None else Action.CREATE
        if winner is None:
            return PlanItem(Action.DELETE, ck, ea, eb, direction, f"{why}; the deletion wins")
        return PlanItem(
            kind,
            ck,
            ea,
            eb,
            direction,
            f"{why}; {'first' if choice == 'a' else 'second'} side's version wins",
        )


def _time(side: Side, e: Entry) -> float:
    if isinstance(side, LocalSide) or e.mtime_ns is not None:
        return (e.mtime_ns or 0) / 1e9
    return e.modified or 0.0


def _newer(a: Side, b: Side, ea: Entry | None, eb: Entry | None) -> str:
    """Which side's version is newer; a change beats a deletion."""
    if ea is None:
        return "b"
    if eb is None:
        return "a"
    return "a" if _time(a, ea) >= _time(b, eb) else "b"
