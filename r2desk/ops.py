"""Steps on trees of objects, composed from the element API: count, delete, move, rename.

S3 has no folders and no rename: a folder is every key under a prefix, and a move is a
server-side copy then a delete, key by key, through the element. The GUI runs these in its task
pool and the CLI (``r2desk mv -r``, ``rm -r``) calls them directly, so both follow one rule set.
They check the cancel token between requests so a long folder operation stops promptly. No Qt.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from r2desk.moves import move_folder

if TYPE_CHECKING:
    from r2desk.results import DeleteFailure
    from r2desk.storages.meta import Meta


class Cancel(Protocol):
    """What these steps need of a cancel token (``r2desk.transfers.control.CancelToken``)."""

    @property
    def cancelled(self) -> bool: ...


def _stopped(cancel: Cancel | None) -> bool:
    return cancel is not None and cancel.cancelled


def count_under(element: Meta, folders: list[str], cancel: Cancel | None = None) -> int:
    """How many objects the folders hold, for the delete confirmation."""
    count = 0
    for folder in folders:
        for _ in element.iterObjects(folder):
            count += 1
            if _stopped(cancel):
                return count
    return count


def delete_selection(element: Meta, files: list[str], folders: list[str]) -> dict[str, Any]:
    """Delete files in batches and folders recursively; returns counts and failures."""
    deleted = 0
    failed: list[DeleteFailure] = []
    if files:
        batch = element.deleteMany(files)
        deleted += len(batch["deleted"])
        failed.extend(batch["failed"])
    for folder in folders:
        tree = element.deleteFolder(folder)
        deleted += tree["deleted"]
        failed.extend(tree["failed"])
    return {"deleted": deleted, "failed": failed}


def _retarget(key: str, source: str, target: str) -> str:
    """Where ``key`` under the folder ``source`` lands when the folder moves to ``target``."""
    return target + key[len(source) :]


def move_conflicts(element: Meta, moves: list[tuple[str, str]]) -> list[str]:
    """Target keys of ``moves`` that already exist and would be replaced (runs in a worker)."""
    existing: list[str] = []
    for source, target in moves:
        if source.endswith("/"):
            taken = {obj["key"] for obj in element.iterObjects(target)}
            existing += sorted(
                _retarget(obj["key"], source, target)
                for obj in element.iterObjects(source)
                if _retarget(obj["key"], source, target) in taken
            )
        elif element.exists(target):
            existing.append(target)
    return existing


def _move_tree(
    element: Meta,
    source: str,
    target: str,
    cancel: Cancel | None,
    on_moved: Callable[[str, str], None] | None,
) -> bool:
    """A folder moved as one batched, journaled move; its first failure is raised (the rest
    stay at the source, and the journal lets the same move finish later). False: cancelled."""
    result = move_folder(element, source, element, target, on_moved=on_moved, cancel=cancel)
    if result["failed"]:
        first = result["failed"][0]
        raise element.where.error(
            "server_error",
            "move",
            first["key"],
            f"{result['failedCount']} of the objects under {source} could not be moved and "
            f"stay where they were; the first: {first['message']}",
        )
    return result["complete"]


def move_keys(
    element: Meta,
    moves: list[tuple[str, str]],
    cancel: Cancel | None = None,
    *,
    on_moved: Callable[[str, str], None] | None = None,
) -> list[tuple[str, str]]:
    """Move files and folders (``a/`` -> ``b/`` moves every key under it); returns done moves.

    A folder's keys are listed before the first copy, so a target inside the source is not
    moved twice. ``on_moved(key, new_key)`` is told after each object (the CLI counts them).
    Existing targets are replaced: ask first with :func:`move_conflicts`.
    """
    done: list[tuple[str, str]] = []
    for source, target in moves:
        if source.endswith("/") and not target.startswith(source):
            if not _move_tree(element, source, target, cancel, on_moved):
                return done
        elif source.endswith("/"):
            for obj in list(element.iterObjects(source)):
                if _stopped(cancel):
                    return done
                key = obj["key"]
                new_key = _retarget(key, source, target)
                if new_key:
                    element.move(key, new_key)
                else:  # the folder's own marker, moving to the bucket root: nothing to keep
                    element.delete(key)
                if on_moved is not None:
                    on_moved(key, new_key)
        else:
            element.move(source, target)
            if on_moved is not None:
                on_moved(source, target)
        done.append((source, target))
    return done


def rename_target(key: str, new_name: str) -> str:
    """The key for ``key`` renamed to ``new_name``; a name with ``/`` moves it (relative to root
    when it starts with ``/``)."""
    is_folder = key.endswith("/")
    if new_name.startswith("/"):
        target = new_name.lstrip("/")
    else:
        parent = posixpath.dirname(key.rstrip("/"))
        target = f"{parent}/{new_name}" if parent else new_name
    target = target.rstrip("/") if not is_folder else target.rstrip("/") + "/"
    return target


def read_preview(element: Meta, key: str, limit: int) -> bytes:
    """The object's bytes for the preview pane (callers only ask for objects under ``limit``)."""
    data: bytes = element.download(key)
    return data[:limit]
