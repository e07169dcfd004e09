"""Continuing an interrupted multipart upload: the journal row, the upload it may have created
before a kill, the parts the server holds and the file still matches, and an upload that was
in fact completed just before the process died."""

from __future__ import annotations

import logging

import botocore.exceptions as bex

from r2desk.errors import ErrorCode
from r2desk.results import UploadResult
from r2desk.transfers import checksums
from r2desk.transfers.bodies import LocalSource, md5_of_range
from r2desk.transfers.context import Context
from r2desk.transfers.journal import UploadRow, owner_alive
from r2desk.transfers.parts import clean_etag, multipart_etag, part_ranges
from r2desk.transfers.unfinished import abort_quietly, iter_uploads

log = logging.getLogger(__name__)


def resume_row(ctx: Context, src: LocalSource) -> tuple[UploadRow | None, str]:
    """The journal row to continue, or None and the reason it cannot be continued."""
    key, path, st = src.key, src.path, src.st
    row = ctx.journal.find_upload(ctx.endpoint, ctx.bucket, key, path)
    if row is None:
        return None, ""
    if owner_alive(row.owner, row.updated):
        raise ctx.where.error(
            ErrorCode.CONFLICT,
            "uploadFromPath",
            key,
            f"another r2desk process ({row.owner}) is uploading {path} to this key",
        )
    reason = ""
    if row.size != st.st_size or row.mtime_ns != st.st_mtime_ns:
        reason = "the local file changed since the interrupted upload began"
    elif row.content_type != src.ctype or row.metadata != src.meta:
        reason = "the content type or metadata differ from the interrupted upload's"
    elif row.checksum == checksums.ALGORITHM and not checksums.available():
        reason = "this r2desk cannot compute the CRC64NVME the interrupted upload was begun with"
    elif row.upload_id is None:
        row.upload_id = adopt_upload(ctx, key, row)
        if row.upload_id is None:
            ctx.journal.delete_upload(row.id)
            return None, ""
        ctx.journal.set_upload_id(row, row.upload_id)
    if reason:
        abort_quietly(ctx, key, row.upload_id)
        ctx.journal.delete_upload(row.id)
        log.warning("starting %r over: %s", key, reason)
        return None, reason
    ctx.journal.claim_upload(row)
    return row, ""


def adopt_upload(ctx: Context, key: str, row: UploadRow) -> str | None:
    """A kill between journal row and CreateMultipartUpload: find the upload it made.

    Only an unambiguous match is adopted. Several candidates cannot be told apart and may
    be another client's uploads in progress: none is touched (listUploads shows them).
    """
    found = []
    for item in iter_uploads(ctx, key):
        initiated = item.get("Initiated")
        stamp = initiated.timestamp() if initiated is not None else 0.0
        if item["Key"] == key and stamp >= row.created - 5:
            found.append(item["UploadId"])
    if len(found) > 1:
        log.warning(
            "%d unfinished uploads of %r began after our interrupted one; starting a new one "
            "and leaving them alone",
            len(found),
            key,
        )
    return found[0] if len(found) == 1 else None


#: A part as ListParts gives it: size, ETag and CRC64NVME (None where the server lists none).
Listed = tuple[int, str, int | None]


def server_parts(ctx: Context, key: str, upload_id: str) -> dict[int, Listed]:
    """``number -> (size, ETag, CRC)`` of every part the server holds for the upload."""
    parts: dict[int, Listed] = {}
    marker = 0
    while True:
        resp = ctx.client.list_parts(
            Bucket=ctx.bucket, Key=key, UploadId=upload_id, PartNumberMarker=marker
        )
        for p in resp.get("Parts", []):
            parts[int(p["PartNumber"])] = (
                int(p["Size"]),
                clean_etag(p.get("ETag")),
                checksums.from_wire(p.get("ChecksumCRC64NVME")),
            )
        if not resp.get("IsTruncated"):
            return parts
        marker = int(resp.get("NextPartNumberMarker") or 0)
        if not marker:
            return parts


def already_completed(ctx: Context, key: str, row: UploadRow) -> UploadResult | None:
    """Killed after CompleteMultipartUpload but before the journal knew: the object is done
    when its size and its full-object CRC64NVME (the journaled parts' CRCs combined) or, where
    the server gives none, its ETag (the journaled part ETags') match."""
    ranges = part_ranges(row.size, row.part_size)
    if any(n not in row.parts for n, _, _ in ranges):
        return None
    expected = multipart_etag(row.parts[n][1] for n, _, _ in ranges)
    try:
        head = ctx.client.head_object(Bucket=ctx.bucket, Key=key, ChecksumMode="ENABLED")
    except bex.ClientError:  # the server answered: no such object, or no access to it
        return None
    etag = clean_etag(head.get("ETag"))
    if int(head.get("ContentLength", -1)) != row.size:
        return None
    crc = checksums.full_object_crc(head, etag)
    if crc is not None and all(n in row.crcs for n, _, _ in ranges):
        if crc != checksums.combine((row.crcs[n], length) for n, _, length in ranges):
            return None
    elif etag != expected:
        return None
    return ctx.upload_result(key, row.size, etag, row.content_type, parts=len(ranges), resumed=True)


def verify_parts(
    ctx: Context, key: str, path: str, row: UploadRow, server: dict[int, Listed]
) -> dict[int, tuple[str, int | None]]:
    """Parts already on the server whose bytes the file still holds (``number -> (ETag,
    CRC)``); the rest go again.

    Every part is hashed again, journaled or not: a file replaced by one of the same size
    and mtime (cp -p, rsync -t, unzip) would otherwise complete as a mix of old and new
    parts whose ETag still checks out. Reading is far cheaper than uploading. A CRC64NVME
    upload recomputes each part's CRC (the object's checksum is combined from them) and
    compares it with the one the server listed or, failing that, the one journaled when the
    server accepted the part; only a part with neither is checked by MD5 against its ETag.
    """
    crc_upload = row.checksum == checksums.ALGORITHM
    done: dict[int, tuple[str, int | None]] = {}
    for number, offset, length in part_ranges(row.size, row.part_size):
        if number not in server or server[number][0] != length:
            continue
        _, etag, listed = server[number]
        crc = checksums.crc_of_range(path, offset, length) if crc_upload else None
        known = listed if listed is not None else row.crcs.get(number)
        if crc is not None and known is not None and row.parts.get(number, (0, etag))[1] == etag:
            same = crc == known
        else:
            same = md5_of_range(path, offset, length) == etag
        if not same:
            if number in row.parts:
                log.warning(
                    "part %d of %r: the file's bytes changed; sending it again", number, key
                )
            continue
        if row.parts.get(number) != (length, etag) or row.crcs.get(number) != crc:
            ctx.journal.part_done(row, number, length, etag, crc)
        done[number] = (etag, crc)
    return done
