"""Copy one object from one element's bucket to another's (or the same), verified.

Same endpoint and credentials: the store copies it itself (CopyObject, or UploadPartCopy in
equal parts above 5 GiB), so no object byte passes through this machine. Otherwise the bytes
stream through the engine, one part at a time per worker (never the whole object in memory):
ranged GETs pinned to the source's ETag, each part's MD5 checked against the ETag the target
returns, and the whole checked against the source's checksum wherever it can be computed.

Content type, cache control, disposition, encoding, language and user metadata are kept.
"""

from __future__ import annotations

import base64
import hashlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from r2desk.errors import ErrorCode
from r2desk.results import ObjectCopyResult
from r2desk.transfers import bandwidth
from r2desk.transfers.context import Context
from r2desk.transfers.control import (
    Cancel,
    Integrity,
    Progress,
    ProgressCallback,
    Stop,
)
from r2desk.transfers.parts import (
    IO_CHUNK,
    MAX_PARTS,
    MD5_RE,
    MULTI_RE,
    MiB,
    candidate_part_sizes,
    clean_etag,
    multipart_etag,
    part_ranges,
    part_size_for,
)
from r2desk.transfers.ranges import NETWORK_ERRORS, wrong_range_answer
from r2desk.transfers.unfinished import abort_quietly

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import CompletedPartTypeDef, HeadObjectOutputTypeDef

_E = ErrorCode
#: The largest object one CopyObject may copy; above it, UploadPartCopy in equal parts.
SINGLE_COPY_LIMIT = 5 * 1024**3
#: Streamed copies at or below this size are one GET and one PUT (held in memory: bounded).
STREAM_SINGLE = 8 * MiB
#: The largest part a streamed copy holds in memory (per worker).
STREAM_MAX_PART = 64 * MiB
READ_TRIES = 4
#: Stored headers a copy carries over (HEAD field -> create/put parameter, same names).
KEPT_HEADERS = ("CacheControl", "ContentDisposition", "ContentEncoding", "ContentLanguage")


def copy_object(
    src: Context,
    src_key: str,
    dst: Context,
    dst_key: str,
    *,
    server_side: bool,
    progress: ProgressCallback | None = None,
    cancel: Cancel | None = None,
    single_limit: int = SINGLE_COPY_LIMIT,
    op: str = "copyTo",
) -> ObjectCopyResult:
    """Copy ``src``/``src_key`` to ``dst``/``dst_key``; returns what was stored and how it was
    checked (``verified``: ``etag``, ``md5``, ``parts`` or ``size``).

    ``server_side`` is the caller's word that both contexts reach one account at one endpoint
    with the same credentials (the element knows its config; the engine does not). A failed
    copy never leaves a partial object: an unfinished multipart upload is aborted.
    """
    skey = src.where.check_key(src_key, op)
    dkey = dst.where.check_key(dst_key, op)
    stop = src.stop(cancel, op, skey)
    with src.guard(op, skey):
        head = src.pool.call(lambda: src.client.head_object(Bucket=src.bucket, Key=skey), stop)
    size = int(head.get("ContentLength", 0))
    prog = Progress(progress, size)
    try:
        if server_side:
            if size <= single_limit:
                result = _server_single(src, skey, dst, dkey, head, stop)
            else:
                result = _server_parts(src, skey, dst, dkey, head, prog, stop)
        elif size <= STREAM_SINGLE:
            result = dst.pool.call(lambda: _stream_single(src, skey, dst, dkey, head, stop), stop)
        else:
            result = _stream_parts(src, skey, dst, dkey, head, prog, stop)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        raise dst.convert(exc, op, dkey, stop) from exc
    prog.finish()
    return result


def _kept(head: HeadObjectOutputTypeDef) -> dict[str, Any]:
    """The parameters that give the target the source's content type, headers and metadata."""
    params: dict[str, Any] = {
        "ContentType": head.get("ContentType") or "application/octet-stream",
        "Metadata": dict(head.get("Metadata", {})),
    }
    for name in KEPT_HEADERS:
        value = head.get(name)
        if value:
            params[name] = value
    return params


def _result(
    skey: str, dkey: str, etag: str, size: int, method: str, verified: str, parts: int
) -> ObjectCopyResult:
    return {
        "source": skey,
        "target": dkey,
        "etag": etag,
        "size": size,
        "method": method,
        "verified": verified,
        "parts": parts,
    }


# -- server side ------------------------------------------------------------------------------


def _server_single(
    src: Context, skey: str, dst: Context, dkey: str, head: HeadObjectOutputTypeDef, stop: Stop
) -> ObjectCopyResult:
    """One CopyObject, pinned to the ETag we saw (a source replaced meanwhile fails: 412)."""
    etag = clean_etag(head.get("ETag"))
    size = int(head.get("ContentLength", 0))
    params: dict[str, Any] = {
        "Bucket": dst.bucket,
        "Key": dkey,
        "CopySource": {"Bucket": src.bucket, "Key": skey},
        "MetadataDirective": "COPY",
    }
    if etag:
        params["CopySourceIfMatch"] = f'"{etag}"'
    resp = dst.pool.call(lambda: dst.client.copy_object(**params), stop)
    new = clean_etag(resp.get("CopyObjectResult", {}).get("ETag"))
    if MD5_RE.match(etag) and MD5_RE.match(new) and new != etag:
        raise Integrity(f"the copy's ETag {new} differs from the source's {etag}")
    verified = "etag" if new and new == etag else "size"
    if verified == "size":
        got = dst.pool.call(lambda: dst.client.head_object(Bucket=dst.bucket, Key=dkey), stop)
        if int(got.get("ContentLength", -1)) != size:
            raise Integrity(f"the copy holds {got.get('ContentLength')} of {size} bytes")
    return _result(skey, dkey, new, size, "server", verified, 0)


def _server_parts(
    src: Context,
    skey: str,
    dst: Context,
    dkey: str,
    head: HeadObjectOutputTypeDef,
    prog: Progress,
    stop: Stop,
) -> ObjectCopyResult:
    """UploadPartCopy in equal parts (R2's rule) in parallel on the target's pool."""
    etag = clean_etag(head.get("ETag"))
    size = int(head.get("ContentLength", 0))
    ranges = part_ranges(size, part_size_for(size))
    upload_id = dst.pool.call(
        lambda: dst.client.create_multipart_upload(Bucket=dst.bucket, Key=dkey, **_kept(head))[
            "UploadId"
        ],
        stop,
    )
    etags: dict[int, str] = {}

    def part(number: int, offset: int, length: int) -> Callable[[], None]:
        def run() -> None:
            stop.check()
            resp = dst.client.upload_part_copy(
                Bucket=dst.bucket,
                Key=dkey,
                UploadId=upload_id,
                PartNumber=number,
                CopySource={"Bucket": src.bucket, "Key": skey},
                CopySourceRange=f"bytes={offset}-{offset + length - 1}",
                CopySourceIfMatch=f'"{etag}"',
            )
            etags[number] = clean_etag(resp.get("CopyPartResult", {}).get("ETag"))
            prog.add(length)

        return run

    try:
        dst.pool.run_all((part(*r) for r in ranges), stop, parts=True)
        new = _complete(dst, dkey, upload_id, ranges, etags, stop)
    except BaseException:
        abort_quietly(dst, dkey, upload_id)
        raise
    return _result(skey, dkey, new, size, "server", "parts", len(ranges))


def _complete(
    dst: Context,
    dkey: str,
    upload_id: str,
    ranges: list[tuple[int, int, int]],
    md5s: dict[int, str],
    stop: Stop,
) -> str:
    """CompleteMultipartUpload; its ETag must be the MD5 of the part MD5s when they are MD5s."""
    parts: list[CompletedPartTypeDef] = [
        {"PartNumber": n, "ETag": f'"{md5s[n]}"'} for n, _, _ in ranges
    ]
    resp = dst.pool.call(
        lambda: dst.client.complete_multipart_upload(
            Bucket=dst.bucket, Key=dkey, UploadId=upload_id, MultipartUpload={"Parts": parts}
        ),
        stop,
    )
    new = clean_etag(resp.get("ETag"))
    if all(MD5_RE.match(md5s[n]) for n, _, _ in ranges) and MULTI_RE.match(new):
        expected = multipart_etag(md5s[n] for n, _, _ in ranges)
        if new != expected:
            raise Integrity(f"the target's ETag {new} differs from the expected {expected}")
    return new


# -- streamed ---------------------------------------------------------------------------------


def _get_range(src: Context, skey: str, etag: str, start: int, length: int, stop: Stop) -> bytes:
    """``length`` bytes at ``start`` of the source, pinned to its ETag; a cut stream is retried."""
    for attempt in range(1, READ_TRIES + 1):
        stop.check()
        params: dict[str, Any] = {"Bucket": src.bucket, "Key": skey}
        if length:
            params["Range"] = f"bytes={start}-{start + length - 1}"
        if etag:
            params["IfMatch"] = f'"{etag}"'
        try:
            resp = src.client.get_object(**params)
            body = resp["Body"]
            problem = wrong_range_answer(resp, start, etag) if length else ""
            if problem:
                body.close()
                raise Integrity(problem)
            chunks: list[bytes] = []
            got = 0
            try:
                while got < length:
                    stop.check()
                    data = body.read(min(IO_CHUNK, length - got))
                    if not data:
                        break
                    bandwidth.take(bandwidth.DOWN, len(data), stop.check)
                    chunks.append(data)
                    got += len(data)
            finally:
                body.close()
        except NETWORK_ERRORS:
            if attempt == READ_TRIES:
                raise
            stop.sleep(0.2 * 2**attempt)
            continue
        if got != length:
            if attempt == READ_TRIES:
                raise Integrity(f"received {got} of {length} bytes at offset {start}")
            continue
        return b"".join(chunks)
    raise Integrity("the source could not be read")  # not reached


def _md5_b64(data: bytes) -> tuple[str, str]:
    digest = hashlib.md5(data, usedforsecurity=False)
    return digest.hexdigest(), base64.b64encode(digest.digest()).decode("ascii")


def _stream_single(
    src: Context, skey: str, dst: Context, dkey: str, head: HeadObjectOutputTypeDef, stop: Stop
) -> ObjectCopyResult:
    """A small object: one GET, checked against the source's MD5 ETag, one PUT with its MD5."""
    etag = clean_etag(head.get("ETag"))
    size = int(head.get("ContentLength", 0))
    data = _get_range(src, skey, etag, 0, size, stop)
    md5, b64 = _md5_b64(data)
    verified = "size"
    if MD5_RE.match(etag) or (MULTI_RE.match(etag) and etag.endswith("-1")):
        expected = etag if MD5_RE.match(etag) else multipart_etag([md5])
        got = md5 if MD5_RE.match(etag) else multipart_etag([md5])
        if got != expected:
            raise Integrity(f"the source's bytes do not match its ETag {etag}")
        verified = "md5"
    bandwidth.take(bandwidth.UP, len(data), stop.check)
    resp = dst.client.put_object(
        Bucket=dst.bucket, Key=dkey, Body=data, ContentMD5=b64, **_kept(head)
    )
    new = clean_etag(resp.get("ETag"))
    if MD5_RE.match(new) and new != md5:
        raise Integrity(f"the target's ETag {new} differs from the data's MD5 {md5}")
    return _result(skey, dkey, new, size, "stream", verified, 0)


class _Chain:
    """The whole-object MD5 over parts that finish out of order: each part waits its turn to
    feed the hash (its predecessor is always running or done: the pool starts tasks in order),
    so at most one part per worker is held in memory."""

    def __init__(self) -> None:
        self.md5 = hashlib.md5(usedforsecurity=False)
        self._next = 1
        self._cond = threading.Condition()

    def feed(self, number: int, data: bytes, stop: Stop) -> None:
        with self._cond:
            while self._next != number:
                stop.check()
                self._cond.wait(0.05)
            self.md5.update(data)
            self._next += 1
            self._cond.notify_all()


def stream_plan(size: int, etag: str) -> tuple[int, str]:
    """The part size of a streamed copy and how the source can be checked.

    A multipart source whose part size can be told from its size and part count is copied in
    the same parts, so the target gets the very same ETag (``etag``); a plain MD5 source is
    hashed whole (``md5``); anything else is checked by size only (``size``).
    """
    m = MULTI_RE.match(etag)
    if m:
        for part in candidate_part_sizes(size, int(m.group(2))):
            if 5 * MiB <= part <= STREAM_MAX_PART:
                return part, "etag"
    part = max(STREAM_SINGLE, -(-size // MAX_PARTS))
    part = -(-part // MiB) * MiB
    return part, "md5" if MD5_RE.match(etag) else "size"


def _stream_parts(
    src: Context,
    skey: str,
    dst: Context,
    dkey: str,
    head: HeadObjectOutputTypeDef,
    prog: Progress,
    stop: Stop,
) -> ObjectCopyResult:
    """Equal parts, each fetched and uploaded by one worker of the target's pool."""
    etag = clean_etag(head.get("ETag"))
    size = int(head.get("ContentLength", 0))
    part_size, mode = stream_plan(size, etag)
    ranges = part_ranges(size, part_size)
    chain = _Chain() if mode == "md5" else None
    upload_id = dst.pool.call(
        lambda: dst.client.create_multipart_upload(Bucket=dst.bucket, Key=dkey, **_kept(head))[
            "UploadId"
        ],
        stop,
    )
    md5s: dict[int, str] = {}

    def part(number: int, offset: int, length: int) -> Callable[[], None]:
        def run() -> None:
            data = _get_range(src, skey, etag, offset, length, stop)
            if chain is not None:
                chain.feed(number, data, stop)
            md5, b64 = _md5_b64(data)
            stop.check()
            bandwidth.take(bandwidth.UP, len(data), stop.check)
            resp = dst.client.upload_part(
                Bucket=dst.bucket,
                Key=dkey,
                UploadId=upload_id,
                PartNumber=number,
                Body=data,
                ContentMD5=b64,
            )
            got = clean_etag(resp.get("ETag"))
            if MD5_RE.match(got) and got != md5:
                raise Integrity(f"part {number}: the target stored bytes that differ")
            md5s[number] = md5
            prog.add(length)

        return run

    try:
        dst.pool.run_all((part(*r) for r in ranges), stop, parts=True)
        stop.check()
        if chain is not None and chain.md5.hexdigest() != etag:
            raise Integrity(f"the source's bytes do not match its ETag {etag}")
        if mode == "etag" and multipart_etag(md5s[n] for n, _, _ in ranges) != etag:
            raise Integrity(f"the source's bytes do not match its ETag {etag}")
        new = _complete(dst, dkey, upload_id, ranges, md5s, stop)
    except BaseException:
        abort_quietly(dst, dkey, upload_id)  # not journaled: nothing could resume it
        raise
    return _result(skey, dkey, new, size, "stream", mode, len(ranges))
