"""Keys as local paths: which keys may become files under a folder, where they land, and the
temporary files a download writes beside its target (no Qt here; the GUI plans with it too)."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from r2desk.keys import is_windows_reserved

#: A download lands in ``.r2desk-<12 hex>.part`` beside its target: unique, so two downloads to
#: one folder never share it, and short, so it fits wherever the target's name fits.
TEMP_PREFIX = ".r2desk-"
TEMP_SUFFIX = ".part"
TEMP_RE = re.compile(r"^\.r2desk-[0-9a-f]{12}\.part$")
#: A temp file no journal row owns and untouched this long is a killed download's leftover.
STALE_TEMP_AGE = 24 * 3600

#: Folders whose resolved path a ``KeyPlacer`` keeps at once.
_REAL_DIRS_KEPT = 4096

_WINDOWS = os.name == "nt"
_WIN_BAD_CHAR = re.compile(r'[<>:"|?*\x01-\x1f]')
_DRIVE_RE = re.compile(r"^[A-Za-z]:")


def unsafe_reason(relative: str) -> str | None:
    """Why a key (relative to the downloaded prefix) must not become a local path, or None."""
    if "\x00" in relative:
        return "contains a NUL byte"
    if relative.startswith(("/", "\\")):
        return "is an absolute path"
    parts = re.split(r"[\\/]", relative)
    if any(p == ".." for p in parts):
        return "climbs out of the folder with '..'"
    for p in parts:
        if _DRIVE_RE.match(p):
            return f"names a drive ({p[:2]!r})"
        if _WINDOWS:  # ':' would write an NTFS stream; the rest Windows refuses or renames
            bad = _WIN_BAD_CHAR.search(p)
            if bad:
                return f"has a character Windows does not allow in a name ({bad.group()!r})"
            if is_windows_reserved(p):
                return f"uses a name Windows reserves ({p!r})"
            if p.endswith((".", " ")) and p not in (".", ""):
                return f"ends in a dot or space, which Windows drops ({p!r})"
    return None


@dataclass
class LocalPlan:
    """Where keys land under a local folder; ``refused`` maps each key left out to the reason."""

    files: list[tuple[str, str]] = field(default_factory=list)  # (key, local file)
    folders: list[tuple[str, str]] = field(default_factory=list)  # (marker key, local folder)
    refused: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Placed:
    """Where one key lands: its local path and identity, and why it may not (or None)."""

    local: str
    ident: str  # one spelling per local file (case folded where the disk ignores case)
    reason: str | None
    marker: bool  # a folder marker (the relative path ends in '/')
    #: Whether it claims its local file even when refused: 'a//x' is refused as absolute
    #: under prefix 'a/', yet names the same file as 'a/x', so neither may be downloaded.
    claims: bool


class KeyPlacer:
    """The per-key rule of ``plan_local_paths``: where one key lands under ``root`` and why it
    must not (``..``, absolute, drive letters, a symbolic link out); the whole-listing rules
    (two keys on one file, a file where a folder is needed) are the caller's."""

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(root)
        self._real_root = os.path.realpath(self.root)
        self._fold = case_insensitive(self.root)
        self._split = re.compile(r"[\\/]" if _WINDOWS else "/")
        self.root_id = self.ident(self.root)
        self._real_dirs: dict[str, str] = {}  # folder -> its realpath (keys share folders)

    def _realpath(self, local: str) -> str:
        """``os.path.realpath(local)``, resolving each folder once: a listing's keys share
        their folders, and resolving every key's whole path (an lstat per component) was a
        fifth of a 2,000-file download's CPU. The file itself is resolved only when it is a
        link. The cache is cleared when it is full, so memory stays bounded."""
        folder, name = os.path.split(local)
        real_folder = self._real_dirs.get(folder)
        if real_folder is None:
            if len(self._real_dirs) >= _REAL_DIRS_KEPT:
                self._real_dirs.clear()
            real_folder = self._real_dirs[folder] = os.path.realpath(folder)
        real = os.path.join(real_folder, name)
        return os.path.realpath(real) if os.path.islink(real) else real

    def ident(self, local: str) -> str:
        norm = os.path.normcase(local)
        return norm.casefold() if self._fold else norm

    def place(self, rel: str) -> Placed | None:
        """Where ``rel`` (a key relative to the downloaded prefix) lands; None for the prefix
        itself (or its folder marker)."""
        parts = [p for p in self._split.split(rel) if p not in ("", ".")]
        if not parts:
            return None
        local = os.path.join(self.root, *parts)
        reason = unsafe_reason(rel)
        if reason is None:
            try:
                real = self._realpath(local)
                if os.path.commonpath([self._real_root, real]) != self._real_root:
                    reason = "resolves outside the folder (through a symbolic link)"
            except ValueError:  # another drive on Windows
                reason = "resolves to another drive"
        marker = rel.endswith("/")
        claims = not marker and (reason is None or rel.startswith("/"))
        return Placed(local, self.ident(local), reason, marker, claims)

    def parents(self, ident: str) -> Iterator[str]:
        """The identities of the folders between ``root`` and a placed file, nearest first."""
        parent = os.path.dirname(ident)
        while len(parent) > len(self.root_id):
            yield parent
            parent = os.path.dirname(parent)


def plan_local_paths(root: str, entries: Iterable[tuple[str, str]]) -> LocalPlan:
    """Map ``(key, path relative to root)`` pairs to local paths under ``root``, refusing in
    words every key that would escape it (``..``, absolute, drive letters, symbolic links) and
    every group of keys that would land on one local file (``a.txt`` and ``/a.txt``; ``A.txt``
    and ``a.txt`` where the file system ignores case), so no download overwrites another.

    A relative path ending in ``/`` is a folder marker. It holds the whole listing: a listing
    too big for that is placed by ``transfers.placing`` with the same ``KeyPlacer``.
    """
    placer = KeyPlacer(root)
    plan = LocalPlan()
    spots: dict[str, list[str]] = {}  # identity -> every key (even a refused one) landing there
    placed: list[tuple[str, str, str]] = []
    dirs: set[str] = set()
    for key, rel in entries:
        spot = placer.place(rel)
        if spot is None:
            continue
        if spot.claims:
            spots.setdefault(spot.ident, []).append(key)
        if spot.reason is not None:
            plan.refused[key] = spot.reason
        elif spot.marker:
            plan.folders.append((key, spot.local))
            dirs.add(spot.ident)
        else:
            placed.append((key, spot.local, spot.ident))
    for _, _, local_id in placed:
        for parent in placer.parents(local_id):
            if parent in dirs:
                break
            dirs.add(parent)
    for key, local, local_id in placed:
        others = [k for k in spots[local_id] if k != key]
        if others:
            plan.refused[key] = f"lands on the same local file as {others[0]!r}"
        elif local_id in dirs:
            plan.refused[key] = "lands where other keys need a folder of the same name"
        else:
            plan.files.append((key, local))
    return plan


_CASE_INSENSITIVE: dict[str, bool] = {}


def _existing_folder(path: str) -> str:
    while not os.path.isdir(path):
        parent = os.path.dirname(path)
        if parent == path:
            break
        path = parent
    return path


def case_insensitive(folder: str) -> bool:
    """Whether file names in ``folder`` (or its nearest existing ancestor) ignore case.

    macOS, Windows and FAT/exFAT drives usually do, Linux usually not, and any can be mounted
    anywhere: so ask the file system itself, once per folder, with one tiny probe file.
    """
    probe_dir = _existing_folder(os.path.abspath(folder))
    known = _CASE_INSENSITIVE.get(probe_dir)
    if known is not None:
        return known
    try:
        fd, probe = tempfile.mkstemp(prefix=".r2desk-case-", dir=probe_dir)
        os.close(fd)
        try:
            head, tail = os.path.split(probe)
            result = os.path.exists(os.path.join(head, tail.upper()))
        finally:
            os.unlink(probe)
    except OSError:  # a read-only folder: the platform's usual answer
        result = sys.platform in ("win32", "darwin")
    _CASE_INSENSITIVE[probe_dir] = result
    return result


def local_identity(path: str) -> str:
    """One spelling per local file: its folder resolved, normalised, case folded where the
    file system ignores case; two paths with the same identity are the same file."""
    folder, name = os.path.split(os.path.abspath(path))
    ident = os.path.normcase(os.path.join(os.path.realpath(folder), name))
    return ident.casefold() if case_insensitive(folder) else ident


def reserve_temp(folder: str) -> str:
    """Create a new, empty, uniquely named temp file in ``folder`` (O_EXCL: never shared)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        path = os.path.join(folder, f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}")
        try:
            fd = os.open(path, flags, 0o666)  # the umask applies, as for any new file
        except FileExistsError:
            continue
        os.close(fd)
        return path


def commit_temp(temp: str, target: str, written: BinaryIO | None = None) -> None:
    """Put a finished, verified temp file in place: its data reaches the disk (fsync) before
    the rename, so a crash or power loss never leaves ``target`` holding a hole or an empty
    file under the complete name. The folder is not synced: a rename lost in a crash leaves
    only the temp file (swept later), never a partial file as the target.

    ``written`` is the temp file still open from writing it: synced and closed (Windows
    renames no open file) instead of opened once more, two system calls less per file."""
    if written is not None:
        written.flush()
        os.fsync(written.fileno())
        written.close()
    else:
        fd = os.open(temp, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows needs write access
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    os.replace(temp, target)


def sweep_temps(folder: str, owned: Callable[[], set[str]]) -> None:
    """Delete leftover temp files in ``folder`` that no journal row owns (``owned()``) and
    nothing wrote to for a day (a killed download of a small, unjournaled file).

    The old fixed temp name was overwritten by the next try; a unique one is not.
    """
    try:
        with os.scandir(folder) as entries:
            found = [e for e in entries if TEMP_RE.match(e.name)]
    except OSError:
        return
    if not found:
        return
    keep = owned()
    cutoff = time.time() - STALE_TEMP_AGE
    for entry in found:
        with contextlib.suppress(OSError):
            if entry.path not in keep and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)


def keep_both_name(path: str | os.PathLike[str], taken: Iterable[str] = ()) -> str:
    """A free name beside ``path`` for "keep both": ``report.txt`` -> ``report (2).txt``.

    ``taken`` holds paths already promised to other downloads of the same batch (they do not
    exist yet); the check against the folder is case-insensitive where the folder is.
    """
    target = os.fspath(path)
    folder, name = os.path.split(target)
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    fold = case_insensitive(folder or ".")
    promised = {t.lower() if fold else t for t in map(os.fspath, taken)}
    for n in range(2, 10_000):
        candidate = os.path.join(folder, f"{stem} ({n}){'.' + ext if ext else ''}")
        free = (candidate.lower() if fold else candidate) not in promised
        if free and not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(f"no free name beside {target}")
