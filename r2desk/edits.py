"""Open and edit objects as local files: a private, bounded cache and the save-back rules.

Opening downloads the object (verified) into its own slot under the cache folder; editing then
uploads each save with a precondition on the ETag the copy came from, so a change made on the
server meanwhile is never overwritten silently: it is a ``precondition_failed`` error, and the
caller (the GUI's prompt, ``r2desk edit``) chooses Overwrite, Save as a copy or Discard.

A slot's record (``.r2desk-edit.json`` beside the file) survives a crash, so an edit that was
not uploaded is found again (``pending``) and never removed by the cache trim. No Qt here: the
GUI watches the files, the rules are this module's.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import stat
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from r2desk.dirs import cache_dir
from r2desk.errors import StorageError
from r2desk.transfers.control import CancelToken, ProgressCallback
from r2desk.transfers.localpaths import unsafe_reason

if TYPE_CHECKING:
    from r2desk.storages.meta import Meta

RECORD = ".r2desk-edit.json"
#: A slot folder's name (``Workspace.slot``): the trim removes nothing else.
_SLOT_NAME = re.compile(r"^[0-9a-f]{24}$")
#: The cache's default bound; slots with unsaved edits are never trimmed, whatever their size.
DEFAULT_LIMIT = 2 * 1024**3


@dataclass
class Opened:
    """One object's local copy: where it came from and what it was when last in sync."""

    element: str
    endpoint: str
    bucket: str
    key: str
    etag: str  # the server's ETag the local bytes equal (as of the download or last save)
    path: str
    editable: bool
    size: int
    mtime_ns: int
    content_type: str
    metadata: dict[str, str]
    headers: dict[str, str]  # CacheControl, ContentDisposition, ContentLanguage to keep

    def changed(self) -> bool:
        """Whether the local file differs from what was downloaded or last saved."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return False
        return (st.st_size, st.st_mtime_ns) != (self.size, self.mtime_ns)

    def _synced(self) -> None:
        st = os.stat(self.path)
        self.size, self.mtime_ns = st.st_size, st.st_mtime_ns


def _local_name(key: str) -> str:
    """The key's last segment as a file name the platform accepts (the editor shows it)."""
    name = PurePosixPath(key.rstrip("/")).name or "object"
    if unsafe_reason(name) is not None or name in (".", ".."):
        name = "object" + (PurePosixPath(name).suffix if "." in name else "")
    return name


class Workspace:
    """The cache folder of opened objects, one slot per (endpoint, bucket, key)."""

    def __init__(self, root: Path | None = None, *, limit: int = DEFAULT_LIMIT) -> None:
        self.root = Path(root) if root is not None else cache_dir() / "open"
        self.limit = limit

    def slot(self, el: Meta, key: str) -> Path:
        w = el.where
        digest = hashlib.sha256(f"{w.endpoint}\0{w.bucket}\0{key}".encode()).hexdigest()
        return self.root / digest[:24]

    # ---------------------------------------------------------------- open
    def open(
        self,
        el: Meta,
        key: str,
        *,
        edit: bool = False,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Opened:
        """A verified local copy of ``key``, downloaded unless the slot already holds it.

        A slot holding unsaved edits is returned as it is (never overwritten by a download):
        the caller saves or discards them first.
        """
        op = "edit" if edit else "open"
        key = el.check_key(key, op)
        info = el.getObject(key)
        if edit and info["contentEncoding"]:
            raise el.where.error(
                "invalid_argument",
                op,
                key,
                f"the object is stored {info['contentEncoding']}-encoded, so its bytes are not "
                "the file an editor expects; open it read-only, or download it",
            )
        slot = self.slot(el, key)
        known = self._read(slot)
        if known is not None and known.changed():
            return known
        path = slot / _local_name(key)
        if known is None or known.etag != info["etag"] or not os.path.exists(path):
            slot.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)  # a read-only copy is replaced
            el.downloadToPath(key, str(path), progress, cancel)
        os.chmod(path, stat.S_IRUSR | (stat.S_IWUSR if edit else 0))
        headers = {
            name: info[field]  # type: ignore[literal-required]
            for name, field in (
                ("CacheControl", "cacheControl"),
                ("ContentDisposition", "contentDisposition"),
                ("ContentLanguage", "contentLanguage"),
            )
            if info[field]  # type: ignore[literal-required]
        }
        st = os.stat(path)
        opened = Opened(
            element=el.where.element,
            endpoint=el.where.endpoint,
            bucket=el.where.bucket,
            key=key,
            etag=info["etag"],
            path=str(path),
            editable=edit,
            size=st.st_size,
            mtime_ns=st.st_mtime_ns,
            content_type=info["contentType"],
            metadata=dict(info["metadata"]),
            headers=headers,
        )
        self._write(slot, opened)
        return opened

    # ---------------------------------------------------------------- save back
    def save(self, el: Meta, opened: Opened, *, overwrite: bool = False) -> Opened:
        """Upload the edited file to its key, only if the object is still the one opened.

        Raises ``precondition_failed`` when the server's object changed since (unless
        ``overwrite``): then nothing was written and the local file is kept as it is.
        """
        if not overwrite:
            current = self._server_etag(el, opened.key)
            if current != opened.etag:
                raise self._conflict(el, opened, current)
        try:
            result = el.uploadFromPath(
                opened.key,
                opened.path,
                opened.content_type or None,
                metadata=opened.metadata,
                ifMatch=None if overwrite else opened.etag,
                headers=opened.headers,
            )
        except StorageError as exc:
            if exc.code != "precondition_failed":
                raise
            raise self._conflict(el, opened, self._server_etag(el, opened.key)) from exc
        opened.etag = result["etag"]
        opened._synced()
        self._write(Path(opened.path).parent, opened)
        return opened

    def save_copy(self, el: Meta, opened: Opened, *, when: _dt.datetime | None = None) -> Opened:
        """Upload the edited file beside the original, as ``name (edited 2026-12-02 10.41).ext``;
        further saves go to the copy. The original object is left as the server has it."""
        stamp = (when or _dt.datetime.now()).strftime("%Y-%m-%d %H.%M")
        parent, name = opened.key.rpartition("/")[0], PurePosixPath(opened.key).name
        stem, dot, ext = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")
        base = f"{parent}/" if parent else ""
        for n in range(1, 1000):
            extra = "" if n == 1 else f" {n}"
            target = f"{base}{stem} (edited {stamp}{extra}){dot}{ext}"
            if not el.exists(target):
                break
        result = el.uploadFromPath(
            target,
            opened.path,
            opened.content_type or None,
            metadata=opened.metadata,
            ifMatch=None,
            headers=opened.headers,
        )
        old_slot = Path(opened.path).parent
        new_slot = self.slot(el, target)
        new_slot.mkdir(parents=True, exist_ok=True)
        new_path = new_slot / _local_name(target)
        os.replace(opened.path, new_path)
        shutil.rmtree(old_slot, ignore_errors=True)
        opened.key, opened.etag, opened.path = target, result["etag"], str(new_path)
        opened._synced()
        self._write(new_slot, opened)
        return opened

    def discard(self, opened: Opened) -> None:
        """Forget the local copy and its unsaved changes (the next open downloads again)."""
        shutil.rmtree(Path(opened.path).parent, ignore_errors=True)

    # ---------------------------------------------------------------- the cache
    def pending(self) -> list[Opened]:
        """Local copies with changes that were never uploaded (e.g. after a crash)."""
        if not self.root.is_dir():
            return []
        found = []
        for slot in sorted(self.root.iterdir()):
            known = self._read(slot)
            if known is not None and known.changed():
                found.append(known)
        return found

    def trim(self, keep: AbstractSet[str] = frozenset()) -> int:
        """Remove the least recently used slots until the cache fits ``limit``; slots with
        unsaved edits and those in ``keep`` (paths still being edited) stay. Returns the bytes
        freed."""
        if not self.root.is_dir():
            return 0
        slots: list[tuple[float, int, Path]] = []
        total = 0
        for slot in self.root.iterdir():
            if not _SLOT_NAME.match(slot.name):
                continue  # not ours: the cache folder may be one the user chose
            size, newest = 0, 0.0
            for f in slot.iterdir() if slot.is_dir() else ():
                st = f.stat()
                size += st.st_size
                newest = max(newest, st.st_atime, st.st_mtime)
            total += size
            known = self._read(slot)
            if known is not None and (known.changed() or known.path in keep):
                continue
            slots.append((newest, size, slot))
        freed = 0
        for _, size, slot in sorted(slots):
            if total - freed <= self.limit:
                break
            shutil.rmtree(slot, ignore_errors=True)
            freed += size
        return freed

    # ---------------------------------------------------------------- internals
    @staticmethod
    def _server_etag(el: Meta, key: str) -> str:
        try:
            return el.getObject(key)["etag"]
        except StorageError as exc:
            if exc.code == "not_found":
                return ""
            raise

    @staticmethod
    def _conflict(el: Meta, opened: Opened, current: str) -> StorageError:
        what = (
            "was deleted on the server" if not current else "was changed on the server"
        ) + " since you opened it"
        return el.where.error(
            "precondition_failed",
            "save",
            opened.key,
            f"{what}; your edit is kept in {opened.path}: overwrite, save it as a copy, "
            "or discard it",
        )

    @staticmethod
    def _read(slot: Path) -> Opened | None:
        try:
            data = json.loads((slot / RECORD).read_text("utf-8"))
            return Opened(**data)
        except (OSError, ValueError, TypeError):
            return None

    @staticmethod
    def _write(slot: Path, opened: Opened) -> None:
        tmp = slot / (RECORD + ".tmp")
        tmp.write_text(json.dumps(asdict(opened), ensure_ascii=False), "utf-8")
        os.replace(tmp, slot / RECORD)
