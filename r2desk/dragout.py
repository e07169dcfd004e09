"""Drag-out as real files: each drag's private folder under the cache, its plan, and the sweep.

A file manager that takes a drop of objects gets local ``file://`` URLs, so the objects are
downloaded first (the GUI does that through its transfer queue, on demand). Each drag gets a
fresh folder of its own below ``<cache>/drag``, so two drags of ``report.txt`` never share a
file and a drag never writes outside it: keys are placed by the same planner as Download
(``plan_download``), which refuses ``..``, absolute paths and the like in words. The file
manager copies the files when they are dropped, so old drag folders are removed by age.
No Qt here.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from r2desk.dirs import cache_dir
from r2desk.transfers.plans import Cancelled, Lister, plan_download

#: A drag folder older than this is removed at the next drag (or start): the drop has long
#: been copied by then, and a drop a user left pending for a day is not worth keeping.
DRAG_MAX_AGE = 24 * 3600
#: Above either bound a drag shows a progress dialog at once (smaller ones only if slow).
BIG_FILES = 20
BIG_BYTES = 50 * 1024**2
_FOLDER_RE = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{8}$")


def drag_root() -> Path:
    """Where every drag's folder lives (private: only this user reads the cache)."""
    return cache_dir() / "drag"


@dataclass
class DragPlan:
    """One drag: its folder, (key, local path, size) per file, and the keys refused, with why."""

    folder: Path
    files: list[tuple[str, Path, int]] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    #: What the drop receives: each selected file's path, and each selected folder's.
    tops: list[tuple[str, Path]] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        return sum(size for _, _, size in self.files)


def sweep_drags(root: Path, max_age: float = DRAG_MAX_AGE, now: float | None = None) -> int:
    """Remove drag folders (only ours, by their name) last changed over ``max_age`` ago."""
    cutoff = (time.time() if now is None else now) - max_age
    removed = 0
    try:
        entries = list(os.scandir(root))
    except OSError:
        return 0
    for entry in entries:
        with contextlib.suppress(OSError):
            if (
                _FOLDER_RE.match(entry.name)
                and entry.is_dir(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < cutoff
            ):
                shutil.rmtree(entry.path)
                removed += 1
    return removed


def new_drag_folder(root: Path) -> Path:
    """A fresh, empty folder for one drag, readable by this user only."""
    root.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(root, 0o700)
    while True:
        folder = root / f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(4)}"
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        return folder


def prepare_drag(
    element: Lister,
    files: list[tuple[str, int]],
    folders: list[str],
    prefix: str,
    root: Path,
    cancel: Cancelled | None = None,
) -> DragPlan:
    """Sweep old drags, make this drag's folder and place every file of the selection in it
    (folders listed recursively; keys relative to the prefix shown, as Download does)."""
    sweep_drags(root)
    folder = new_drag_folder(root)
    items, refused = plan_download(element, files, folders, prefix, folder, cancel)
    plan = DragPlan(folder, items, refused)
    placed = {key: path for key, path, _ in items}
    for key, _size in files:
        if key in placed:
            plan.tops.append((key, placed[key]))
    for key in folders:
        rel = key[len(prefix) :] if key.startswith(prefix) else key
        name = rel.rstrip("/")
        local = folder.joinpath(*[p for p in name.split("/") if p not in ("", ".")])
        if name and ".." not in name.split("/") and inside(folder, local):
            local.mkdir(parents=True, exist_ok=True)  # an empty folder drags as one too
            plan.tops.append((key, local))
        else:
            plan.refused.setdefault(key, "cannot be written safely into a folder")
    return plan


def inside(folder: Path, path: Path) -> bool:
    """Whether ``path`` is below ``folder`` (as written: no link is followed to decide)."""
    a, b = os.path.abspath(folder), os.path.abspath(path)
    return a != b and os.path.commonpath([a, b]) == a
