"""Unfinished multipart uploads of a bucket as a view shows them, and the write-request counts
a queue of uploads will make; composed from the element API, no Qt (the GUI and ``r2desk
uploads`` share it).

An unfinished upload costs storage for its parts until it is completed or aborted; R2 aborts
one after 7 days unless a lifecycle rule says otherwise, which is what "expires in" shows.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from r2desk.errors import StorageError
from r2desk.storages.bucket_rules import abort_days_for
from r2desk.transfers.parts import MULTIPART_THRESHOLD, part_size_for

if TYPE_CHECKING:
    from r2desk.results import LifecycleRule, UnfinishedUpload, UploadInfo, UploadResult
    from r2desk.storages.meta import Meta

DAY = 86_400.0


def bucket_lifecycle(el: Meta) -> list[LifecycleRule]:
    """The bucket's lifecycle rules, or [] where the server lacks the call or the token may
    not read them (then only R2's default applies)."""
    try:
        return el.getBucketLifecycle()
    except StorageError as exc:
        if exc.code in ("not_implemented", "access_denied"):
            return []
        raise


def _resumable(u: UploadInfo) -> bool:
    path = u["path"]
    if not u["ours"] or not path:
        return False
    try:
        return os.path.getsize(path) == u["size"]
    except OSError:
        return False


def unfinished_uploads(
    el: Meta, prefix: str = "", *, now: _dt.datetime | None = None, parts: bool = True
) -> list[UnfinishedUpload]:
    """Every unfinished upload under ``prefix``, oldest first, with its age, parts and bytes
    (one ListParts each unless ``parts`` is False), whether the journal can resume it and from
    which file, and when the bucket's abort rule removes it."""
    now = now or _dt.datetime.now(_dt.UTC)
    rules = bucket_lifecycle(el)
    out: list[UnfinishedUpload] = []
    for u in el.listUploads(prefix):
        started = u["initiated"]
        age = (now - started).total_seconds() / DAY if started is not None else None
        days = abort_days_for(rules, u["key"], r2=el.config.is_r2)
        n_parts: int | None = None
        n_bytes: int | None = None
        if parts:
            try:
                counted = el.listUploadParts(u["key"], u["uploadId"])
                n_parts, n_bytes = counted["parts"], counted["bytes"]
            except StorageError as exc:
                if exc.code != "not_found":  # finished or aborted meanwhile: keep the row
                    raise
        out.append(
            {
                "key": u["key"],
                "uploadId": u["uploadId"],
                "initiated": started,
                "ageDays": age,
                "parts": n_parts,
                "bytes": n_bytes,
                "resumable": _resumable(u),
                "path": u["path"],
                "size": u["size"],
                "expiresInDays": (days - age) if days is not None and age is not None else None,
            }
        )
    out.sort(key=lambda r: r["initiated"] or now)
    return out


def resume_upload(el: Meta, row: UnfinishedUpload) -> UploadResult:
    """Finish the upload from the file the journal knows (the same upload id: the engine
    continues its parts)."""
    if not row["resumable"] or not row["path"]:
        raise el.where.error(
            "invalid_argument",
            "resumeUpload",
            row["key"],
            "the journal on this computer has no file for this upload (or the file changed): "
            "upload the file again, or abort this upload",
        )
    return el.uploadFromPath(row["key"], row["path"])


def abort_older_than(el: Meta, days: float, prefix: str = "") -> list[str]:
    """Abort every unfinished upload started more than ``days`` ago; returns their keys."""
    if days < 0:
        raise el.where.error("invalid_argument", "abortUpload", None, "days must be 0 or more")
    now = _dt.datetime.now(_dt.UTC)
    done: list[str] = []
    for u in el.listUploads(prefix):
        started = u["initiated"]
        if started is None or (now - started).total_seconds() < days * DAY:
            continue
        try:
            el.abortUpload(u["key"], u["uploadId"])
        except StorageError as exc:
            if exc.code != "not_found":  # finished or aborted meanwhile
                raise
            continue
        done.append(u["key"])
    return done


def class_a_requests(sizes: Iterable[int]) -> int:
    """How many write (Class A) requests uploading files of these sizes makes: one PUT for a
    small file; create, one per part, and complete for a multipart one (our part sizes)."""
    total = 0
    for size in sizes:
        if size <= MULTIPART_THRESHOLD:
            total += 1
        else:
            total += 2 + -(-size // part_size_for(size))
    return total
