"""Both sides as sorted streams of entries, in the order S3 lists keys: UTF-8 byte order.

A local folder is walked one directory at a time, its entries sorted by name with ``/`` after
a folder's name, which yields the whole tree in byte order of the relative paths; memory holds
the directories on the current path, never the tree. Where keys are NFC-normalised (R2), names
are compared in NFC, and names that differ only in normalisation (NFC/NFD twins) come out side
by side: they are one key there, so they are reported as a collision instead of two files.

Names that cannot be keys (not UTF-8, too long) and files that are not regular (links,
devices) are yielded as problems, in order, so the comparison reports them instead of dropping
them and never deletes their counterpart as extraneous.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from r2desk.keys import key_problem
from r2desk.results import ListedObject
from r2desk.transfers.localpaths import TEMP_RE, unsafe_reason

#: Keys of at most this many bytes per segment: what common local file systems hold.
NAME_MAX = 255


@dataclass(slots=True)
class Entry:
    """One file of a side: its key relative to the side's root, in compare form (``ck``)."""

    ck: str  # the key as compared: NFC when the pair folds normalisation
    key: str  # the key (or relative path) as this side spells it
    size: int = 0
    mtime_ns: int | None = None  # local files; objects: only from metadata (HEAD)
    etag: str = ""
    modified: float | None = None  # objects: LastModified (seconds)
    path: str = ""  # local files: the absolute path
    problem: str = ""  # why this entry cannot take part (reported, never dropped)
    twins: tuple[str, ...] = ()  # NFC/NFD twins: every local spelling of this one key
    subtree: bool = False  # a problem that covers everything under ``ck`` (a folder)


def fold(text: str, nfc: bool) -> str:
    return unicodedata.normalize("NFC", text) if nfc else text


def order_key(text: str) -> bytes:
    """S3's listing order: the UTF-8 bytes (undecodable names keep their raw bytes)."""
    return text.encode("utf-8", "surrogateescape")


def local_name_problem(name: str) -> str:
    """Why a local name cannot become (part of) a key, or ""."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "its name is not valid UTF-8"
    return ""


def walk_local(root: str, *, nfc: bool = False) -> Iterator[Entry]:
    """Every file under ``root`` as an Entry, in UTF-8 byte order of the (folded) relative path.

    Symbolic links are not followed (reported); our own download temp files are left out.
    """
    yield from _walk_dir(os.path.abspath(root), "", "", nfc)


def _walk_dir(path: str, rel: str, ck_rel: str, nfc: bool) -> Iterator[Entry]:
    try:
        with os.scandir(path) as it:
            found = list(it)
    except OSError as exc:
        if rel:
            ck = ck_rel
            yield Entry(ck, rel, path=path, problem=f"unreadable: {exc.strerror}", subtree=True)
            return
        raise
    items: list[tuple[bytes, str, os.DirEntry[str], bool]] = []
    for e in found:
        try:
            is_dir = e.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if not is_dir and TEMP_RE.match(e.name):
            continue
        ck_name = fold(e.name, nfc) + ("/" if is_dir else "")
        items.append((order_key(ck_name), ck_name, e, is_dir))
    items.sort(key=lambda t: t[0])
    i = 0
    while i < len(items):
        j = i + 1
        while j < len(items) and items[j][0] == items[i][0]:
            j += 1
        group = items[i:j]
        i = j
        ck = ck_rel + group[0][1]
        if len(group) > 1:
            spellings = tuple(rel + g[2].name + ("/" if g[3] else "") for g in group)
            yield Entry(
                ck,
                spellings[0],
                path=group[0][2].path,
                problem="names that differ only in Unicode normalisation (NFC/NFD) are one "
                "key on this store: " + ", ".join(repr(s) for s in spellings),
                twins=spellings,
                subtree=group[0][3],
            )
            continue
        _, _, e, is_dir = group[0]
        key = rel + e.name
        if is_dir:
            problem = local_name_problem(e.name)
            if problem:
                yield Entry(ck, key + "/", path=e.path, problem=problem, subtree=True)
            else:
                yield from _walk_dir(e.path, key + "/", ck, nfc)
            continue
        yield _file_entry(e, ck, key)


def _file_entry(e: os.DirEntry[str], ck: str, key: str) -> Entry:
    problem = local_name_problem(e.name)
    if problem:
        return Entry(ck, key, path=e.path, problem=problem)
    try:
        st = e.stat(follow_symlinks=False)
    except OSError as exc:
        return Entry(ck, key, path=e.path, problem=f"unreadable: {exc.strerror}")
    if stat.S_ISLNK(st.st_mode):
        return Entry(ck, key, path=e.path, problem="a symbolic link (not followed)")
    if not stat.S_ISREG(st.st_mode):
        return Entry(ck, key, path=e.path, problem="not a regular file (device, pipe or socket)")
    return Entry(ck, key, size=st.st_size, mtime_ns=st.st_mtime_ns, path=e.path)


def walk_listing(
    objects: Iterator[ListedObject], prefix: str, *, nfc: bool = False
) -> Iterator[Entry]:
    """A listing as Entries relative to ``prefix``, checked to come in byte order.

    Folder markers (keys ending in ``/``) are folders, not files: left out.
    """
    cut = len(prefix)
    last = b""
    for obj in objects:
        key = obj["key"][cut:]
        if not key or key.endswith("/"):
            continue
        ck = fold(key, nfc)
        order = order_key(ck)
        if order <= last:
            raise ValueError(
                f"the listing is not in UTF-8 byte order ({key!r} came after a key that sorts "
                "after it); the comparison needs the order S3 defines"
            )
        last = order
        modified = obj["lastModified"]
        yield Entry(
            ck,
            key,
            size=obj["size"],
            etag=obj["etag"],
            modified=modified.timestamp() if modified is not None else None,
        )


def local_key_problem(key: str) -> str:
    """Why a key (relative to the synced prefix) cannot be a file under a local folder, or ""."""
    reason = unsafe_reason(key)
    if reason:
        return f"the key {reason}"
    parts = key.split("/")
    if any(p == "" for p in parts):
        return "the key has an empty path segment ('//'), which no local file name can hold"
    if any(p == "." for p in parts):
        return "the key has a '.' segment, which names the folder itself"
    long = next((p for p in parts if len(p.encode("utf-8")) > NAME_MAX), None)
    if long is not None:
        return f"a segment is {len(long.encode())} bytes long; local file names hold {NAME_MAX}"
    return ""


def remote_key_problem(key: str) -> str:
    """Why a relative local path cannot become a key under ``prefix``, or ""."""
    return key_problem(key) or ""
