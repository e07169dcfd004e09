"""Migrate a whole store: one-way sync of everything, verification of every object, a report, and
(``switch``) the app's element pointed at the new store, only once every object checked out.

Verification lists both buckets again and merges them: a missing object or a size that differs
fails; equal ETags pass; otherwise the destination's bytes are read back and hashed in the form
of the source's ETag (its MD5, or the multipart ETag for each likely part size), and when the
source's ETag is no checksum at all, both are read and their MD5s compared. Each object gives
one JSON line of the report (key, size, checksum, status, method, detail).
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from r2desk.elements.store import switch_element
from r2desk.errors import ErrorCode, StorageError
from r2desk.results import MigrateReport, VerifyRecord
from r2desk.storages.meta import Meta
from r2desk.sync.compare import merge
from r2desk.sync.run import ItemCallback, Options, run, sync_error
from r2desk.sync.sides import BucketSide
from r2desk.sync.walk import Entry
from r2desk.transfers.control import CancelToken, ProgressCallback, Stop
from r2desk.transfers.parts import IO_CHUNK, MD5_RE, MULTI_RE, candidate_part_sizes, multipart_etag

if TYPE_CHECKING:
    from r2desk.elements.app import App

_E = ErrorCode
VERIFY_WORKERS = 8
VERIFY_WINDOW = 32


class _PartHashes:
    """MD5 of the whole stream and the multipart ETag for several part sizes, in one pass."""

    def __init__(self, part_sizes: list[int]) -> None:
        self.whole = hashlib.md5(usedforsecurity=False)
        self.sizes = part_sizes
        self.md5s: list[list[str]] = [[] for _ in part_sizes]
        self.current = [hashlib.md5(usedforsecurity=False) for _ in part_sizes]
        self.filled = [0 for _ in part_sizes]

    def update(self, data: bytes) -> None:
        self.whole.update(data)
        for i, size in enumerate(self.sizes):
            view = memoryview(data)
            while view:
                take = min(len(view), size - self.filled[i])
                self.current[i].update(view[:take])
                self.filled[i] += take
                view = view[take:]
                if self.filled[i] == size:
                    self.md5s[i].append(self.current[i].hexdigest())
                    self.current[i] = hashlib.md5(usedforsecurity=False)
                    self.filled[i] = 0

    def etags(self) -> list[str]:
        out = []
        for i in range(len(self.sizes)):
            md5s = self.md5s[i] + ([self.current[i].hexdigest()] if self.filled[i] else [])
            out.append(multipart_etag(md5s))
        return out


def _read(el: Meta, key: str, part_sizes: list[int], stop: Stop) -> tuple[int, _PartHashes]:
    """Stream an object through the hashers (bounded memory); returns the bytes read."""
    hashes = _PartHashes(part_sizes)
    got = 0
    ctx = el.transfers.context
    with ctx.guard("verify", key):
        body = ctx.client.get_object(Bucket=ctx.bucket, Key=key)["Body"]
        try:
            while data := body.read(IO_CHUNK):
                stop.check()
                hashes.update(data)
                got += len(data)
        finally:
            body.close()
    return got, hashes


def verify_one(src: Meta, dst: Meta, a: Entry | None, b: Entry | None, stop: Stop) -> VerifyRecord:
    """Check one object of the source against the destination's copy."""
    assert a is not None
    rec: VerifyRecord = {
        "key": a.key,
        "size": a.size,
        "checksum": a.etag,
        "status": "verified",
        "method": "etag",
        "detail": "",
    }
    if a.problem:
        rec["status"] = "failed"
        rec["method"] = ""
        rec["detail"] = a.problem
        return rec
    if b is None:
        rec["status"] = "missing"
        rec["method"] = ""
        rec["detail"] = "not in the destination"
        return rec
    if b.size != a.size:
        rec["status"] = "size_mismatch"
        rec["method"] = "size"
        rec["detail"] = f"{b.size} bytes, not {a.size}"
        return rec
    if a.etag and a.etag == b.etag:
        return rec
    try:
        m = MULTI_RE.match(a.etag)
        if MD5_RE.match(a.etag) or m:
            sizes = candidate_part_sizes(a.size, int(m.group(2)))[:4] if m else []
            got, hashes = _read(dst, b.key, sizes, stop)
            ok = got == a.size and (
                hashes.whole.hexdigest() == a.etag if not m else a.etag in hashes.etags()
            )
            rec["method"] = "read-back"
            if not ok:
                rec["status"] = "checksum_mismatch"
                rec["detail"] = "the copy's bytes differ from the source's checksum"
            return rec
        got_b, hb = _read(dst, b.key, [], stop)
        got_a, ha = _read(src, a.key, [], stop)
        rec["method"] = "read-both"
        rec["checksum"] = ha.whole.hexdigest()
        if got_a != got_b or ha.whole.hexdigest() != hb.whole.hexdigest():
            rec["status"] = "checksum_mismatch"
            rec["detail"] = "the MD5s of the two objects differ"
    except StorageError as exc:
        if exc.code is _E.CANCELLED:
            raise
        rec["status"] = "failed"
        rec["detail"] = str(exc)
    return rec


def verify(
    src: Meta,
    dst: Meta,
    report: Path,
    *,
    cancel: CancelToken | None = None,
    on_record: Callable[[VerifyRecord], None] | None = None,
) -> tuple[int, int]:
    """Check every object of ``src`` against ``dst``, writing the JSON-lines ``report``;
    returns (objects, problems)."""
    stop = Stop(cancel)
    a, b = BucketSide(src), BucketSide(dst)
    nfc = a.folds_nfc or b.folds_nfc
    objects = problems = 0
    pool = ThreadPoolExecutor(VERIFY_WORKERS, thread_name_prefix="r2desk-verify")
    window: deque[Future[VerifyRecord]] = deque()
    report.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(report, "w", encoding="utf-8") as out:

            def emit(rec: VerifyRecord) -> None:
                nonlocal problems
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                if rec["status"] != "verified":
                    problems += 1
                if on_record is not None:
                    on_record(rec)

            for _, ea, eb, _ in merge(a.walk(nfc), b.walk(nfc)):
                if ea is None:
                    continue  # only in the destination: not part of the migration
                stop.check()
                objects += 1
                window.append(pool.submit(verify_one, src, dst, ea, eb, stop))
                while len(window) > VERIFY_WINDOW or (window and window[0].done()):
                    emit(window.popleft().result())
            while window:
                emit(window.popleft().result())
    except BaseException as exc:
        stop.set()
        if isinstance(exc, StorageError):
            raise
        if stop.user.cancelled:
            raise sync_error(_E.CANCELLED, stop.reason) from None
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return objects, problems


def migrate(
    src: Meta,
    dst: Meta,
    report: Path,
    *,
    app: App | None = None,
    switch: bool = False,
    dry_run: bool = False,
    on_item: ItemCallback | None = None,
    on_record: Callable[[VerifyRecord], None] | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    state_folder: Path | None = None,
) -> MigrateReport:
    """Copy every object of ``src``'s bucket to ``dst``'s, verify each, write ``report``, and
    with ``switch`` point the app's element ``src`` at ``dst``'s store (backup kept) once
    verification passed. Nothing in the destination is deleted."""
    if switch and app is None:
        raise sync_error(_E.INVALID_ARGUMENT, "switching needs the app whose element to rewrite")
    synced = run(
        BucketSide(src),
        BucketSide(dst),
        Options(dry_run=dry_run),
        on_item=on_item,
        progress=progress,
        cancel=cancel,
        state_folder=state_folder,
        mode="migrate",
    )
    result: MigrateReport = {
        "sync": synced,
        "objects": 0,
        "verified": 0,
        "problems": 0,
        "report": str(report),
        "switched": False,
        "backup": "",
    }
    if dry_run:
        return result
    objects, problems = verify(src, dst, report, cancel=cancel, on_record=on_record)
    result["objects"] = objects
    result["verified"] = objects - problems
    result["problems"] = problems
    if switch and problems == 0 and not synced["failed"]:
        assert app is not None
        done = switch_element(app, src.name, dst.name, bucket=dst.config.bucketName)
        result["switched"] = True
        result["backup"] = str(done.backup)
    return result
