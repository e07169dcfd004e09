"""Copy / cut and paste of objects and folders between any two places: the steps, without Qt.

The GUI plans a paste in a worker (:func:`plan_paste`: every source key with its target, and the
targets that already exist), asks about the conflicts on the main thread, then runs it in a
worker (:func:`run_paste`). Each object goes through the element's ``copyTo``: a server-side
copy within one account, else streamed through this machine and verified; a cut deletes each
source only after its copy succeeded, so a failure leaves the object where it was.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from r2desk.errors import StorageError
from r2desk.moves import move_folder, move_log

if TYPE_CHECKING:
    from r2desk.ops import Cancel
    from r2desk.storages.meta import Meta
    from r2desk.transfers.movelog import MoveRow

REPLACE, KEEP_BOTH, SKIP = "replace", "keep", "skip"


@dataclass
class PastePlan:
    """What a paste will do: (source key, target key) pairs and which targets exist."""

    pairs: list[tuple[str, str]] = field(default_factory=list)
    existing: set[str] = field(default_factory=set)
    #: Every key already below the target prefix (so "keep both" picks a free name).
    taken: set[str] = field(default_factory=set)
    #: Targets equal to their source (pasted into its own folder): always kept as a copy.
    onto_itself: set[str] = field(default_factory=set)
    #: Sources that cannot go where they were pasted, with why (a folder into itself).
    refused: dict[str, str] = field(default_factory=dict)
    #: (source folder, target folder) of each copied folder: a cut moves it as one batched,
    #: journaled move (``r2desk/moves.py``), resumable when it is cut short.
    folders: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class PasteResult:
    done: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source key, message)


def same_place(src: Meta, dst: Meta) -> bool:
    return src.where.bucket == dst.where.bucket and src.sameAccount(dst)


def plan_paste(
    src: Meta, keys: list[str], dst: Meta, prefix: str, cancel: Cancel | None = None
) -> PastePlan:
    """Every object under the copied files and folders, with its key below ``prefix``."""
    plan = PastePlan()
    here = same_place(src, dst)
    for key in keys:
        if key.endswith("/"):
            name = posixpath.basename(key.rstrip("/")) + "/"
            target_root = prefix + name
            if here and target_root.startswith(key):
                plan.refused[key] = "a folder cannot be pasted into itself"
                continue
            plan.folders.append((key, target_root))
            for obj in src.iterObjects(key):
                if cancel is not None and cancel.cancelled:
                    return plan
                plan.pairs.append((obj["key"], target_root + obj["key"][len(key) :]))
        else:
            plan.pairs.append((key, prefix + posixpath.basename(key)))
    if here:
        plan.onto_itself = {t for s, t in plan.pairs if s == t}
    targets = {t for _, t in plan.pairs}
    plan.taken = {obj["key"] for obj in dst.iterObjects(prefix)} if targets else set()
    plan.existing = (targets & plan.taken) - plan.onto_itself
    return plan


def plan_resume(src: Meta, dst: Meta, row: MoveRow, cancel: Cancel | None = None) -> PastePlan:
    """The plan that finishes an unfinished folder move: the objects still at its source. A
    target the move wrote itself is no conflict; any other existing target is asked again."""
    source, target = row.source.prefix, row.target.prefix
    plan = PastePlan(folders=[(source, target)])
    for obj in src.iterObjects(source):
        if cancel is not None and cancel.cancelled:
            return plan
        plan.pairs.append((obj["key"], target + obj["key"][len(source) :]))
    plan.taken = {obj["key"] for obj in dst.iterObjects(target)} if plan.pairs else set()
    log = move_log(src)
    plan.existing = {t for _, t in plan.pairs if t in plan.taken and not log.is_ours(row, t)}
    return plan


def keep_both_key(key: str, taken: set[str]) -> str:
    """A free key beside ``key`` for "keep both": ``a/report.txt`` -> ``a/report (2).txt``
    (``taken`` holds keys that exist or are promised to this paste)."""
    folder, name = posixpath.split(key)
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    for n in range(2, 100_000):
        candidate = posixpath.join(folder, f"{stem} ({n}){'.' + ext if ext else ''}")
        if candidate not in taken:
            return candidate
    raise ValueError(f"no free key beside {key}")


def run_paste(
    src: Meta,
    dst: Meta,
    pairs: list[tuple[str, str]],
    *,
    move: bool,
    choices: dict[str, str] | None = None,
    taken: set[str] | None = None,
    folders: list[tuple[str, str]] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Cancel | None = None,
) -> PasteResult:
    """Copy (or move) each pair; ``choices`` maps an existing target to replace/keep/skip.

    A move of ``folders`` (source folder, target folder) goes through the batched, journaled
    folder move; its objects' pairs are left out of the one-by-one loop.
    """
    result = PasteResult()
    same = same_place(src, dst)
    choices = choices or {}
    promised = set(taken or ())
    promised.update(t for _, t in pairs)
    whole = [(s, t) for s, t in (folders or []) if move and not (same and s == t)]
    done_count = 0

    def step() -> None:
        nonlocal done_count
        done_count += 1
        if progress is not None:
            progress(done_count, len(pairs))

    def choose(source: str, target: str) -> str | None:
        """The key ``source`` goes to under this paste's answers; None: skip it."""
        choice = choices.get(target, KEEP_BOTH if target == source and same else REPLACE)
        if choice == SKIP:
            return None
        if choice == KEEP_BOTH:
            target = keep_both_key(target, promised)
        promised.add(target)
        return target

    for folder, target_root in whole:
        if cancel is not None and cancel.cancelled:
            return result

        def skipped_or(source: str, target: str) -> str | None:
            target_key = choose(source, target)
            if target_key is None:
                result.skipped.append(source)
                step()
            return target_key

        def moved(source: str, target: str) -> None:
            result.done.append((source, target))
            step()

        def failed(source: str, why: str) -> None:
            result.failed.append((source, why))
            step()

        try:
            move_folder(
                src,
                folder,
                dst,
                target_root,
                place=skipped_or,
                on_moved=moved,
                on_failed=failed,
                cancel=cancel,
            )
        except StorageError as exc:
            result.failed.append((folder, str(exc)))
    inside = tuple(f for f, _ in whole)
    for source, target in pairs:
        if cancel is not None and cancel.cancelled:
            break
        if inside and source.startswith(inside):
            continue  # moved with its folder above
        if target == source and same and move:
            result.skipped.append(source)  # cut and pasted where it is: nothing to do
            continue
        final = choose(source, target)
        if final is None:
            result.skipped.append(source)
            continue
        try:
            if move and same:
                src.move(source, final)
            else:
                src.copyTo(source, dst, final)
                if move:
                    src.delete(source)
        except StorageError as exc:
            result.failed.append((source, str(exc)))
        else:
            result.done.append((source, final))
        step()
    return result
