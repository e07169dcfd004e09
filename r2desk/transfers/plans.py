"""The one planner: which local files and folders an upload creates, and where downloaded
keys land. A GUI drop, ``r2desk put -r`` and ``uploadFolder`` plan with ``plan_tree``; the
GUI's download, ``r2desk get -r`` and ``downloadFolder`` with ``place_keys``.

The rules (the README's "Folder uploads" says them for users):

* Every regular file becomes ``<prefix><relative path>``; an empty folder becomes a folder
  marker ``<prefix><relative path>/`` (the object the app's "New folder" makes).
* A symbolic link inside a folder is skipped, and reported as skipped, unless links are
  followed (``followSymlinks``, ``put -r --follow-symlinks``). Even then a link that points
  outside the folder being uploaded, into a folder that contains it (a loop), or nowhere is
  never followed, and is reported. A path named explicitly (dropped, or given to ``put``) is
  what the user asked for: it is followed.
* Devices, sockets and pipes are skipped and reported; unreadable files and folders, and keys
  S3 cannot store (``r2desk.keys``), are problems: reported, never queued.
* Files that would become one object (names differing only in Unicode normalisation, which
  R2 folds, or one key from two dropped paths) are a conflict: reported, none of them queued.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from r2desk.errors import ErrorCode
from r2desk.keys import key_problem
from r2desk.results import ListedObject
from r2desk.transfers.localpaths import LocalPlan, plan_local_paths
from r2desk.transfers.parts import size_problem

_E = ErrorCode
NOT_FOLLOWED = "is a symbolic link; links are followed only when asked (followSymlinks)"


@dataclass
class LeftOut:
    """A local path the upload leaves out, and why."""

    path: str
    key: str  # the key it would have had ("" for a path given that has none)
    reason: str
    #: LOCAL_IO / INVALID_ARGUMENT / CONFLICT for a problem (it cannot be uploaded); None when
    #: left out by the rules (a link not followed, a device).
    code: ErrorCode | None = None


@dataclass
class DropPlan:
    """What a drop of local paths (or one folder) becomes: (path, key, size) per file, the
    folder markers of empty folders, and what was left out."""

    files: list[tuple[Path, str, int]] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)  # empty local folders -> folder markers
    left_out: list[LeftOut] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """Every path left out, in words: the GUI shows them all (never a silent skip)."""
        return [f"{item.path}: {item.reason}" for item in self.left_out]

    @property
    def total_bytes(self) -> int:
        return sum(size for _, _, size in self.files)


def _add_file(plan: DropPlan, path: Path, key: str) -> None:
    problem = key_problem(key)
    code = _E.INVALID_ARGUMENT
    if problem is None:
        code = _E.LOCAL_IO
        try:
            if not path.is_file():
                problem = "it is not a regular file"
            elif not os.access(path, os.R_OK):
                problem = "it cannot be read (permission denied)"
            else:
                size = path.stat().st_size
                problem = size_problem(size)
                if problem is None:
                    plan.files.append((path, key, size))
                    return
                code = _E.INVALID_ARGUMENT
        except OSError as exc:
            problem = f"it cannot be read ({exc.strerror or exc})"
    plan.left_out.append(LeftOut(str(path), key, problem, code))


def _inside(real: str, folder: str) -> bool:
    try:
        return os.path.commonpath([folder, real]) == folder
    except ValueError:  # another drive on Windows
        return False


def _link_reason(link: str, follow: bool, real_root: str, chain: tuple[str, ...]) -> str | None:
    """Why the link at ``link`` is not followed, or None to follow it."""
    if not follow:
        return NOT_FOLLOWED
    real = os.path.realpath(link)
    if not os.path.exists(real):
        return "is a symbolic link to nothing"
    if not _inside(real, real_root):
        return "is a symbolic link to outside the folder (never followed)"
    if os.path.isdir(real) and real in chain:
        return "is a symbolic link to a folder that contains it (a loop; never followed)"
    return None


def _walk(
    plan: DropPlan, folder: Path, base: str, follow: bool, real_root: str, chain: tuple[str, ...]
) -> None:
    """Plan the contents of ``folder`` under ``base`` (``""`` or ending in ``/``)."""
    if not os.access(folder, os.R_OK | os.X_OK):
        plan.left_out.append(LeftOut(str(folder), base, "the folder cannot be read", _E.LOCAL_IO))
        return
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        reason = f"the folder cannot be read ({exc.strerror or exc})"
        plan.left_out.append(LeftOut(str(folder), base, reason, _E.LOCAL_IO))
        return
    if not entries:
        if base:
            problem = key_problem(base)
            if problem is None:
                plan.folders.append(base)
            else:  # an empty folder's marker obeys the key rule like any file
                plan.left_out.append(LeftOut(str(folder), base, problem, _E.INVALID_ARGUMENT))
        return
    for entry in entries:
        path = folder / entry.name
        key = f"{base}{entry.name}"
        if entry.is_symlink():
            why = _link_reason(entry.path, follow, real_root, chain)
            if why is not None:
                plan.left_out.append(LeftOut(str(path), key, why))
                continue
            if os.path.isdir(entry.path):
                real = os.path.realpath(entry.path)
                _walk(plan, path, f"{key}/", follow, real_root, (*chain, real))
            else:
                _add_file(plan, path, key)
        elif entry.is_dir(follow_symlinks=False):
            real = os.path.realpath(entry.path)
            _walk(plan, path, f"{key}/", follow, real_root, (*chain, real))
        elif entry.is_file(follow_symlinks=False):
            _add_file(plan, path, key)
        else:
            reason = "is not a regular file (a device, socket or pipe)"
            plan.left_out.append(LeftOut(str(path), key, reason))


def _refuse_twins(plan: DropPlan) -> None:
    """Leave out every group of files that would become one object: names that differ only in
    Unicode normalisation (``Résumé.txt`` in NFC and in NFD, both possible on Linux; R2 stores
    keys NFC-normalised) or the same key from two dropped paths. Uploading them would keep one
    and silently lose the others, so none of them is uploaded and each is reported."""
    groups: dict[str, list[tuple[Path, str, int]]] = {}
    for item in plan.files:
        groups.setdefault(unicodedata.normalize("NFC", item[1]), []).append(item)
    if all(len(group) == 1 for group in groups.values()):
        return
    kept: list[tuple[Path, str, int]] = []
    for group in groups.values():
        if len(group) == 1:
            kept += group
            continue
        for path, key, _ in group:
            other = next(p for p, _, _ in group if p != path)
            how = "once Unicode-normalised, as R2 stores keys" if key != group[0][1] else ""
            reason = (
                f"it would become the same object as {str(other)!r}{' ' if how else ''}{how}: "
                "one would silently replace the other, so neither is uploaded (rename one)"
            )
            plan.left_out.append(LeftOut(str(path), key, reason, _E.CONFLICT))
    plan.files = kept
    markers: dict[str, str] = {}
    for marker in plan.folders:  # empty twin folders: one marker is the same object
        markers.setdefault(unicodedata.normalize("NFC", marker), marker)
    plan.folders = list(markers.values())


def plan_tree(root: Path, base: str, *, follow_symlinks: bool = False) -> DropPlan:
    """Plan the folder ``root`` under ``base`` (``""`` or ending in ``/``) by the rules above."""
    plan = DropPlan()
    _plan_folder(plan, root, base, follow_symlinks)
    _refuse_twins(plan)
    return plan


def _plan_folder(plan: DropPlan, root: Path, base: str, follow_symlinks: bool) -> None:
    real_root = os.path.realpath(root)
    _walk(plan, root, base, follow_symlinks, real_root, (real_root,))


def plan_drop(paths: list[Path], prefix: str, *, follow_symlinks: bool = False) -> DropPlan:
    """Turn dropped files and folders into keys under ``prefix``, checking each file now.

    Folders keep their own name and relative paths (``photos/2026/a.jpg``); what cannot be
    uploaded, and what the rules leave out, is reported (``problems``), not queued.
    """
    plan = DropPlan()
    for path in paths:
        if path.is_dir():
            _plan_folder(plan, path, f"{prefix}{path.name}/", follow_symlinks)
        elif path.exists():
            _add_file(plan, path, f"{prefix}{path.name}")
        else:
            reason = "it does not exist"
            plan.left_out.append(LeftOut(str(path), f"{prefix}{path.name}", reason, _E.LOCAL_IO))
    _refuse_twins(plan)
    return plan


# -- downloads ---------------------------------------------------------------------------------


def place_keys(dest: str, keys: Iterable[str], prefix: str) -> LocalPlan:
    """Where keys land under ``dest``, relative to ``prefix`` (a key outside it keeps its whole
    name); keys escaping ``dest`` or landing on one local file are refused, in words."""
    return plan_local_paths(
        dest, ((k, k[len(prefix) :] if k.startswith(prefix) else k) for k in keys)
    )


class Lister(Protocol):
    """What ``plan_download`` needs of an element (``Meta`` has it)."""

    def iterObjects(self, prefix: str = "") -> Iterator[ListedObject]: ...


class Cancelled(Protocol):
    @property
    def cancelled(self) -> bool: ...


def plan_download(
    element: Lister,
    files: list[tuple[str, int]],
    folders: list[str],
    prefix: str,
    dest: Path,
    cancel: Cancelled | None = None,
) -> tuple[list[tuple[str, Path, int]], dict[str, str]]:
    """(key, local path, size) for every file and every object under the folders, and the
    refused keys with their reasons.

    Keys are placed relative to the prefix being shown, so a folder ``docs/`` chosen while in
    the root lands as ``<dest>/docs/...``; ``place_keys`` decides, as for ``downloadFolder``.
    Folder markers are left out: their folders come with their files.
    """
    sizes: dict[str, int] = {}

    def add(key: str, size: int) -> None:
        if not key.endswith("/"):
            sizes[key] = size

    for key, size in files:
        add(key, size)
    for folder in folders:
        for obj in element.iterObjects(folder):
            if cancel is not None and cancel.cancelled:
                return [], {}
            add(obj["key"], obj["size"])
    plan = place_keys(str(dest), sizes, prefix)
    return [(key, Path(local), sizes[key]) for key, local in plan.files], plan.refused
