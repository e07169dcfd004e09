"""Worker-side steps the window composes from the element API (no Qt here).

The drop and download planners live here for now; the tree operations (count, delete, move,
rename, preview) are :mod:`r2desk.ops`, imported here while the window still imports them from
this module.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from r2desk.keys import MAX_KEY_BYTES
from r2desk.ops import (
    count_under,
    delete_selection,
    move_conflicts,
    move_keys,
    read_preview,
    rename_target,
)
from r2desk.transfers.engine import plan_local_paths


@dataclass
class DropPlan:
    """What a drop of local paths becomes: (path, key, size) per file, folders, and problems."""

    files: list[tuple[Path, str, int]] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)  # empty local folders -> folder markers
    problems: list[str] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        return sum(size for _, _, size in self.files)


def _key_problem(key: str) -> str | None:
    try:
        size = len(key.encode("utf-8"))
    except UnicodeEncodeError:
        return "its name is not valid UTF-8"
    if size > MAX_KEY_BYTES:
        return f"its key would be {size} bytes long (at most {MAX_KEY_BYTES})"
    return None


def plan_drop(paths: list[Path], prefix: str) -> DropPlan:
    """Turn dropped files and folders into keys under ``prefix``, checking each file now.

    Folders keep their own name and relative paths (``photos/2026/a.jpg``); unreadable files,
    keys that would be too long and names that are not UTF-8 are reported, not queued.
    """
    plan = DropPlan()

    def add_file(path: Path, key: str) -> None:
        problem = _key_problem(key)
        if problem is None:
            try:
                if not path.is_file():
                    problem = "it is not a regular file"
                elif not os.access(path, os.R_OK):
                    problem = "it cannot be read (permission denied)"
                else:
                    plan.files.append((path, key, path.stat().st_size))
                    return
            except OSError as exc:
                problem = f"it cannot be read ({exc.strerror or exc})"
        plan.problems.append(f"{path}: {problem}")

    for path in paths:
        if path.is_dir():
            base = f"{prefix}{path.name}/"
            for dirpath, dirnames, filenames in os.walk(path, onerror=None):
                dirnames.sort()
                here = Path(dirpath)
                rel = here.relative_to(path).as_posix()
                sub = base if rel == "." else f"{base}{rel}/"
                if not os.access(here, os.R_OK | os.X_OK):
                    plan.problems.append(f"{here}: the folder cannot be read")
                    continue
                if not filenames and not dirnames:
                    plan.folders.append(sub)
                for name in sorted(filenames):
                    add_file(here / name, f"{sub}{name}")
        elif path.exists():
            add_file(path, f"{prefix}{path.name}")
        else:
            plan.problems.append(f"{path}: it does not exist")
    return plan


def plan_download(
    element: Any,
    files: list[tuple[str, int]],
    folders: list[str],
    prefix: str,
    dest: Path,
    cancel: Any = None,
) -> tuple[list[tuple[str, Path, int]], dict[str, str]]:
    """(key, local path, size) for every file and every object under the folders, and the
    refused keys with their reasons.

    Keys are placed relative to the prefix being shown, so a folder ``docs/`` chosen while in
    the root lands as ``<dest>/docs/...``. The engine's ``plan_local_paths`` decides, as for
    ``downloadFolder``: keys escaping ``dest`` or landing on one local file are refused.
    """
    sizes: dict[str, int] = {}

    def add(key: str, size: int) -> None:
        if not key.endswith("/"):  # folder markers: their folders come with their files
            sizes[key] = size

    for key, size in files:
        add(key, size)
    for folder in folders:
        for obj in element.iterObjects(folder):
            if cancel is not None and cancel.cancelled:
                return [], {}
            add(obj["key"], obj["size"])
    plan = plan_local_paths(
        str(dest), ((k, k[len(prefix) :] if k.startswith(prefix) else k) for k in sizes)
    )
    return [(key, Path(local), sizes[key]) for key, local in plan.files], plan.refused


__all__ = [
    "DropPlan",
    "count_under",
    "delete_selection",
    "move_conflicts",
    "move_keys",
    "plan_download",
    "plan_drop",
    "read_preview",
    "rename_target",
]
