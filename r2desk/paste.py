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

from r2desk.errors import StorageError
from r2desk.ops import Cancel
from r2desk.storages.meta import Meta

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
    progress: Callable[[int, int], None] | None = None,
    cancel: Cancel | None = None,
) -> PasteResult:
    """Copy (or move) each pair; ``choices`` maps an existing target to replace/keep/skip."""
    result = PasteResult()
    same = same_place(src, dst)
    choices = choices or {}
    promised = set(taken or ())
    promised.update(t for _, t in pairs)
    for number, (source, target) in enumerate(pairs, 1):
        if cancel is not None and cancel.cancelled:
            break
        if target == source and same and move:
            result.skipped.append(source)  # cut and pasted where it is: nothing to do
            continue
        choice = choices.get(target, KEEP_BOTH if target == source and same else REPLACE)
        if choice == SKIP:
            result.skipped.append(source)
            continue
        if choice == KEEP_BOTH:
            target = keep_both_key(target, promised)
        promised.add(target)
        try:
            if move and same:
                src.move(source, target)
            else:
                src.copyTo(source, dst, target)
                if move:
                    src.delete(source)
        except StorageError as exc:
            result.failed.append((source, str(exc)))
        else:
            result.done.append((source, target))
        if progress is not None:
            progress(number, len(pairs))
    return result
