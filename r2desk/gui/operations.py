"""Worker-side steps the window composes from the element API (no Qt here).

Each runs in the task pool; they check the cancel token between requests so a long folder
operation stops promptly.
"""

from __future__ import annotations

import posixpath
from typing import Any


def count_under(element: Any, folders: list[str], cancel: Any = None) -> int:
    """How many objects the folders hold, for the delete confirmation."""
    count = 0
    for folder in folders:
        for _ in element.iterObjects(folder):
            count += 1
            if cancel is not None and cancel.cancelled:
                return count
    return count


def delete_selection(element: Any, files: list[str], folders: list[str]) -> dict[str, Any]:
    """Delete files in batches and folders recursively; returns counts and failures."""
    deleted = 0
    failed: list[dict[str, str]] = []
    if files:
        result = element.deleteMany(files)
        deleted += len(result["deleted"])
        failed.extend(result["failed"])
    for folder in folders:
        result = element.deleteFolder(folder)
        deleted += result["deleted"]
        failed.extend(result["failed"])
    return {"deleted": deleted, "failed": failed}


def move_conflicts(element: Any, moves: list[tuple[str, str]]) -> list[str]:
    """Target keys of ``moves`` that already exist and would be replaced (runs in a worker)."""
    existing: list[str] = []
    for source, target in moves:
        if source.endswith("/"):
            taken = {obj["key"] for obj in element.iterObjects(target)}
            existing += sorted(
                target + obj["key"][len(source) :]
                for obj in element.iterObjects(source)
                if target + obj["key"][len(source) :] in taken
            )
        elif element.exists(target):
            existing.append(target)
    return existing


def move_keys(
    element: Any, moves: list[tuple[str, str]], cancel: Any = None
) -> list[tuple[str, str]]:
    """Move files and folders (``a/`` -> ``b/`` moves everything under it); returns done moves."""
    done: list[tuple[str, str]] = []
    for source, target in moves:
        if source.endswith("/"):
            for obj in list(element.iterObjects(source)):
                if cancel is not None and cancel.cancelled:
                    return done
                key = obj["key"]
                element.move(key, target + key[len(source) :])
        else:
            element.move(source, target)
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


def read_preview(element: Any, key: str, limit: int) -> bytes:
    """The object's bytes for the preview pane (callers only ask for objects under ``limit``)."""
    data: bytes = element.download(key)
    return data[:limit]
