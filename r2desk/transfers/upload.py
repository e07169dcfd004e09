"""Uploads: one verified PUT for a small file, equal parallel parts for a big one (resumable
from the journal), equal parts from memory for a big buffer.

Every byte is checked end to end. A single PUT carries Content-MD5 and its ETag must equal the
MD5. A multipart upload is created for a full-object CRC64NVME (R2's multipart checksum): each
part carries its CRC as a plain header (never aws-chunked trailers, which R2 refuses), which the
server checks and echoes, and CompleteMultipartUpload carries the parts' CRCs combined, which
the server checks against the object and returns. Where a server echoes no CRC, the part's
ETag must equal the MD5 of the bytes sent and the final ETag the MD5 of those MD5s, as for a
server that refuses the checksum at creation. The journal row is written before the server
learns of an upload, so a killed process leaves enough behind for the next run to continue.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from r2desk.errors import ErrorCode
from r2desk.results import UploadResult
from r2desk.s3 import lean
from r2desk.s3.classify import error_code
from r2desk.transfers import bandwidth, checksums
from r2desk.transfers.bodies import FileWindow, LocalSource, hash_file_range, md5_of_range
from r2desk.transfers.contenttypes import guess_type
from r2desk.transfers.context import Context
from r2desk.transfers.control import (
    VERIFYING,
    Cancel,
    Integrity,
    Progress,
    ProgressCallback,
    SourceChanged,
    Stop,
    TransferCancelled,
)
from r2desk.transfers.journal import UploadRow
from r2desk.transfers.parts import (
    INLINE_LIMIT,
    MD5_RE,
    MULTI_RE,
    MULTIPART_THRESHOLD,
    PART_RETRIES,
    clean_etag,
    multipart_etag,
    part_ranges,
    part_size_for,
    size_problem,
)
from r2desk.transfers.resume import already_completed, resume_row, server_parts, verify_parts
from r2desk.transfers.unfinished import abort_quietly

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import CompletedPartTypeDef, PutObjectRequestTypeDef

log = logging.getLogger(__name__)
_E = ErrorCode
#: The most user metadata R2 stores with an object, in bytes of names and values.
METADATA_LIMIT = 8192


def check_metadata(ctx: Context, op: str, key: str, metadata: object) -> dict[str, str]:
    """``metadata`` as a plain ``str -> str`` dict within R2's size limit, else the error."""
    if metadata is None:
        return {}
    if not isinstance(metadata, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()
    ):
        raise ctx.where.error(_E.INVALID_ARGUMENT, op, key, "metadata must map str to str")
    size = sum(len(k.encode()) + len(v.encode()) for k, v in metadata.items())
    if size > METADATA_LIMIT:
        raise ctx.where.error(
            _E.INVALID_ARGUMENT, op, key, f"metadata is {size} bytes; R2 allows {METADATA_LIMIT}"
        )
    return dict(metadata)


#: Stored headers an upload may carry besides the content type (an edit keeps them).
STORED_HEADERS = frozenset({"CacheControl", "ContentDisposition", "ContentLanguage"})


def check_headers(
    ctx: Context, op: str, key: str, headers: dict[str, str] | None
) -> dict[str, str]:
    """The stored headers to send, refusing names we do not pass on (a typo would be lost)."""
    if not headers:
        return {}
    unknown = sorted(set(headers) - STORED_HEADERS)
    if unknown or not all(isinstance(v, str) for v in headers.values()):
        raise ctx.where.error(
            _E.INVALID_ARGUMENT,
            op,
            key,
            f"headers may be {', '.join(sorted(STORED_HEADERS))} with string values"
            + (f" (not {', '.join(unknown)})" if unknown else ""),
        )
    return dict(headers)


def stat_file(ctx: Context, op: str, key: str, path: str) -> os.stat_result:
    """The file's stat, once it is known to be a regular file we can open and read.

    Reading its first byte before anything reaches the server or the journal means an
    unreadable file (permission denied) fails at once as a local problem: no multipart upload
    is created to be left behind, no journal row is written, nothing is retried.
    """
    try:
        st = os.stat(path)
        if os.path.isfile(path):
            with open(path, "rb", buffering=0) as f:
                f.read(1)
    except OSError as exc:
        raise ctx.where.error(
            _E.LOCAL_IO, op, key, f"cannot read {path}: {exc.strerror}", exc
        ) from exc
    if not os.path.isfile(path):
        raise ctx.where.error(_E.LOCAL_IO, op, key, f"{path} is not a regular file")
    problem = size_problem(st.st_size)
    if problem is not None:
        raise ctx.where.error(_E.INVALID_ARGUMENT, op, key, f"{path} {problem}")
    return st


def check_unchanged(path: str, st: os.stat_result) -> None:
    try:
        now = os.stat(path)
    except FileNotFoundError:
        raise SourceChanged("the file vanished while it was being uploaded") from None
    # ctime and inode also catch a replacement that kept size and mtime (cp -p, rsync -t).
    if (now.st_size, now.st_mtime_ns, now.st_ctime_ns, now.st_ino) != (
        st.st_size,
        st.st_mtime_ns,
        st.st_ctime_ns,
        st.st_ino,
    ):
        raise SourceChanged("the file was modified while it was being uploaded")


def upload_file(
    ctx: Context,
    name: str,
    path: str | os.PathLike[str],
    contentType: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: Cancel | None = None,
    metadata: dict[str, str] | None = None,
    *,
    op: str = "uploadFromPath",
    shared: Progress | None = None,
    if_match: str | None = None,
    headers: dict[str, str] | None = None,
) -> UploadResult:
    """Upload one file: a verified PUT when small, a resumable multipart upload when big.

    ``shared`` is a folder's running total: this file adds to it and leaves finishing to it.
    ``if_match`` makes the write conditional on the object's current ETag (412 otherwise);
    ``headers`` are stored headers to keep (see :data:`STORED_HEADERS`).
    """
    key = ctx.where.check_key(name, op)
    stop = ctx.stop(cancel, op, key)
    local = os.path.abspath(os.fspath(path))
    meta = check_metadata(ctx, op, key, metadata)
    ctype = contentType or guess_type(key, local)
    st = stat_file(ctx, op, key, local)
    prog = shared or Progress(progress, st.st_size)
    src = LocalSource(key, local, st, ctype, meta, check_headers(ctx, op, key, headers), if_match)
    busy = f"{local} is already being uploaded to this key"
    with ctx.exclusive(op, key, ("upload", key, local), busy):
        try:
            if st.st_size <= MULTIPART_THRESHOLD:
                result = ctx.pool.call(lambda: put_small(ctx, src, prog, stop), stop)
            else:
                result = upload_multipart(ctx, src, prog, stop)
        except (KeyboardInterrupt, SystemExit):
            raise  # an interrupted process keeps its journal: the next run resumes
        except BaseException as exc:
            raise ctx.convert(exc, op, key, stop) from exc
    if shared is None:
        prog.finish()
    return result


def put_small(ctx: Context, src: LocalSource, prog: Progress, stop: Stop) -> UploadResult:
    """One PUT with Content-MD5, so the server itself refuses bytes that do not match.

    The source is checked after it is read (or hashed) and before the PUT, never after: a
    PUT replaces the object, so a change found once it is sent would be reported as a failure
    with the previous object already gone. What is sent is one whole version of the file: the
    bytes read, or streamed bytes the server checks against the MD5 of the version hashed.
    """
    stop.check()
    key, path, size = src.key, src.path, src.size
    body: bytes | FileWindow
    if size <= INLINE_LIMIT:
        with open(path, "rb") as f:
            body = f.read(size + 1)
        if len(body) != size:
            raise SourceChanged(f"the file changed size while it was read ({len(body)} bytes)")
        digest = hashlib.md5(body, usedforsecurity=False)
    else:
        digest = hashlib.md5(usedforsecurity=False)
        hash_file_range(path, 0, size, [digest])
        body = FileWindow(path, 0, size, Progress(None, size), stop, md5=False)
    if isinstance(body, bytes):
        bandwidth.take(bandwidth.UP, size, stop.check)  # FileWindow takes as it is read
    try:
        check_unchanged(path, src.st)
        params: PutObjectRequestTypeDef = {
            "Bucket": ctx.bucket,
            "Key": key,
            "Body": body,  # bytes, or a file-like object (FileWindow)
            "ContentLength": size,
            "ContentType": src.ctype,
            "ContentMD5": base64.b64encode(digest.digest()).decode("ascii"),
            "Metadata": src.meta,
            **src.headers,  # type: ignore[typeddict-item]
        }
        if src.if_match:
            params["IfMatch"] = src.if_match
        resp = lean.put_object(ctx.client, params)
    except Exception as exc:
        if error_code(exc) == "BadDigest":
            raise SourceChanged("the file changed while it was being uploaded") from exc
        raise
    finally:
        if isinstance(body, FileWindow):
            body.close()
    etag = clean_etag(resp.get("ETag"))
    if MD5_RE.match(etag) and etag != digest.hexdigest():
        raise Integrity(f"the server's ETag {etag} differs from the file's MD5")
    prog.add(size)
    return ctx.upload_result(key, size, etag, src.ctype, parts=0, resumed=False)


#: A server's answers to a CreateMultipartUpload asking for a checksum it does not keep: the
#: upload is created again without one and checked by ETags.
_NO_CHECKSUM = frozenset({"NotImplemented", "InvalidArgument", "InvalidRequest", "400", "501"})


def create_upload(ctx: Context, key: str, stop: Stop, **kwargs: object) -> tuple[str, str]:
    """CreateMultipartUpload for a full-object CRC64NVME, or without a checksum where the
    server refuses one (or awscrt is missing here). Returns the upload id and the algorithm
    ("" for none)."""

    def create(**extra: object) -> str:
        resp = ctx.pool.call(
            lambda: ctx.client.create_multipart_upload(
                Bucket=ctx.bucket,
                Key=key,
                **kwargs,  # type: ignore[arg-type]
                **extra,  # type: ignore[arg-type]
            ),
            stop,
        )
        return resp["UploadId"]

    if not checksums.available():
        return create(), ""
    try:
        return create(ChecksumAlgorithm=checksums.ALGORITHM, ChecksumType="FULL_OBJECT"), (
            checksums.ALGORITHM
        )
    except Exception as exc:
        if error_code(exc) not in _NO_CHECKSUM:
            raise
        log.warning("%r: the server keeps no CRC64NVME (%s); checking ETags", key, exc)
    return create(), ""


def _start_upload(ctx: Context, src: LocalSource, stop: Stop) -> UploadRow:
    """Journal a new upload, then create it on the server (in that order: a kill between
    them leaves a row whose upload ``adopt_upload`` finds)."""
    row = ctx.journal.begin_upload(
        element=ctx.where.element,
        endpoint=ctx.endpoint,
        bucket=ctx.bucket,
        key=src.key,
        path=src.path,
        size=src.size,
        mtime_ns=src.st.st_mtime_ns,
        part_size=part_size_for(src.size),
        content_type=src.ctype,
        metadata=src.meta,
        checksum=checksums.ALGORITHM if checksums.available() else "",
    )
    try:
        upload_id, algorithm = create_upload(
            ctx, src.key, stop, ContentType=src.ctype, Metadata=src.meta, **src.headers
        )
    except BaseException:
        ctx.journal.delete_upload(row.id)
        raise
    ctx.journal.set_upload_id(row, upload_id, checksum=algorithm)
    return row


def upload_multipart(ctx: Context, src: LocalSource, prog: Progress, stop: Stop) -> UploadResult:
    """Equal parts in parallel, continuing the journal's interrupted upload when it can."""
    key, path, size = src.key, src.path, src.size
    row, restart_reason = resume_row(ctx, src)
    done: dict[int, Sent] = {}
    resumed = False
    if row is not None:
        assert row.upload_id is not None
        try:
            server = server_parts(ctx, key, row.upload_id)
        except Exception as exc:
            if error_code(exc) != "NoSuchUpload":
                raise
            finished = already_completed(ctx, key, row)
            ctx.journal.delete_upload(row.id)
            if finished is not None:
                prog.add(size)
                return finished
            restart_reason = "the server no longer has the interrupted upload"
            log.warning("starting %r over: %s", key, restart_reason)
            row = None
        else:
            prog.phase(VERIFYING)
            done = verify_parts(ctx, key, path, row, server)
            prog.phase(None)
            resumed = True
    if row is None:
        row = _start_upload(ctx, src, stop)
    upload_id = row.upload_id
    assert upload_id is not None
    ranges = part_ranges(size, row.part_size)
    prog.add(sum(length for n, _, length in ranges if n in done))
    sent = dict(done)
    journaled = row
    crc = row.checksum == checksums.ALGORITHM

    def part_task(number: int, offset: int, length: int) -> Callable[[], None]:
        def run() -> None:
            sent[number] = upload_part(
                ctx, key, upload_id, journaled, path, number, offset, length, prog, stop, crc
            )

        return run

    todo = (part_task(n, off, ln) for n, off, ln in ranges if n not in done)
    try:
        ctx.pool.run_all(todo, stop, parts=True)
        check_unchanged(path, src.st)
        stop.check()
        etag = complete(ctx, key, upload_id, ranges, sent, stop, crc, if_match=src.if_match)
    except BaseException as exc:
        # Cancel, a changed source or bad data: nothing worth keeping. A pause, network and
        # server errors keep the upload and its journal row so the next run resumes it.
        cancelled = isinstance(exc, TransferCancelled) and not stop.paused
        if cancelled or isinstance(exc, SourceChanged | Integrity):
            abort_quietly(ctx, key, upload_id)
            ctx.journal.delete_upload(row.id)
        raise
    ctx.journal.delete_upload(row.id)
    return ctx.upload_result(
        key,
        size,
        etag,
        src.ctype,
        parts=len(ranges),
        resumed=resumed,
        part_size=row.part_size,
        restart_reason=restart_reason,
    )


def upload_buffer(
    ctx: Context, name: str, data: bytes | bytearray | memoryview, contentType: str | None
) -> UploadResult:
    """``uploadByFile`` data over the single-PUT limit: equal parts from memory, verified.

    Not journaled: data in memory cannot outlive the process, so there is nothing to resume.
    """
    op = "uploadByFile"
    key = ctx.where.check_key(name, op)
    view = memoryview(data).cast("B")
    size = view.nbytes
    ctype = contentType or "application/octet-stream"
    stop = Stop(None)
    prog = Progress(None, size)
    ranges = part_ranges(size, part_size_for(size))
    sent: dict[int, Sent] = {}
    upload_id = ""
    try:
        upload_id, algorithm = create_upload(ctx, key, stop, ContentType=ctype)
        crc = bool(algorithm)

        def part_task(number: int, offset: int, length: int) -> Callable[[], None]:
            def run() -> None:
                sent[number] = upload_part(
                    ctx, key, upload_id, None, view, number, offset, length, prog, stop, crc
                )

            return run

        ctx.pool.run_all((part_task(*r) for r in ranges), stop, parts=True)
        etag = complete(ctx, key, upload_id, ranges, sent, stop, crc)
    except BaseException as exc:
        abort_quietly(ctx, key, upload_id)
        raise ctx.convert(exc, op, key, stop) from exc
    return ctx.upload_result(key, size, etag, ctype, parts=len(ranges), resumed=False)


def complete(
    ctx: Context,
    key: str,
    upload_id: str,
    ranges: list[tuple[int, int, int]],
    sent: dict[int, Sent],
    stop: Stop,
    crc: bool,
    *,
    if_match: str | None = None,
) -> str:
    """CompleteMultipartUpload, then check the object: its full-object CRC64NVME against the
    parts' CRCs combined, where the server returns one, else its ETag against the part ETags
    (the MD5s of the bytes sent)."""
    expected = multipart_etag(sent[n][0] for n, _, _ in ranges)
    parts: list[CompletedPartTypeDef] = []
    for n, _, _ in ranges:
        part: CompletedPartTypeDef = {"PartNumber": n, "ETag": f'"{sent[n][0]}"'}
        part_crc = sent[n][1]
        if crc and part_crc is not None:
            part["ChecksumCRC64NVME"] = checksums.to_wire(part_crc)
        parts.append(part)
    extra: dict[str, str] = {"IfMatch": if_match} if if_match else {}
    whole: int | None = None
    if crc and all(sent[n][1] is not None for n, _, _ in ranges):
        whole = checksums.combine((sent[n][1] or 0, length) for n, _, length in ranges)
        extra.update(ChecksumCRC64NVME=checksums.to_wire(whole), ChecksumType="FULL_OBJECT")
    try:
        resp = ctx.pool.call(
            lambda: ctx.client.complete_multipart_upload(
                Bucket=ctx.bucket,
                Key=key,
                UploadId=upload_id,
                MultipartUpload={"Parts": parts},
                **extra,  # type: ignore[arg-type]
            ),
            stop,
        )
    except Exception as exc:
        if error_code(exc) == "BadDigest":  # the server found other bytes than the CRCs say
            raise Integrity(
                f"the server's object does not match the file's CRC64NVME: {exc}"
            ) from exc
        raise
    etag = clean_etag(resp.get("ETag"))
    got = checksums.from_wire(resp.get("ChecksumCRC64NVME")) if whole is not None else None
    if got is not None:
        if got != whole:
            raise Integrity(
                f"the server's CRC64NVME {resp.get('ChecksumCRC64NVME')} differs from the "
                f"file's {checksums.to_wire(whole or 0)}"
            )
    elif MULTI_RE.match(etag) and etag != expected:
        raise Integrity(f"the server's ETag {etag} differs from the expected {expected}")
    return etag


#: What a part's upload leaves: the server's ETag and the CRC64NVME sent (None: MD5 only).
Sent = tuple[str, int | None]


def upload_part(
    ctx: Context,
    key: str,
    upload_id: str,
    row: UploadRow | None,
    path: str | memoryview,
    number: int,
    offset: int,
    length: int,
    prog: Progress,
    stop: Stop,
    crc: bool = False,
) -> Sent:
    """Upload one part streaming from the file.

    With ``crc`` its CRC64NVME is computed first (a read of the part, cheap next to MD5) and
    sent as a header: the server checks the bytes against it and echoes it. A server that
    echoes nothing gets the MD5 check: the part's ETag must equal the MD5 of the bytes.
    """
    for attempt in range(1, PART_RETRIES + 1):
        stop.check()
        value = checksums.crc_of_range(path, offset, length) if crc else None
        body = FileWindow(path, offset, length, prog, stop, md5=not crc)
        extra = {} if value is None else {"ChecksumCRC64NVME": checksums.to_wire(value)}
        try:
            resp = ctx.client.upload_part(
                Bucket=ctx.bucket,
                Key=key,
                UploadId=upload_id,
                PartNumber=number,
                Body=body,  # type: ignore[arg-type]  # a file-like object; see put_small
                ContentLength=length,
                **extra,  # type: ignore[arg-type]
            )
        except Exception as exc:
            if value is None or error_code(exc) != "BadDigest":
                raise
            # The bytes sent are not those the CRC was computed from: read and send again.
            log.warning(
                "part %d of %r: the server found another CRC (try %d)", number, key, attempt
            )
            continue
        finally:
            body.close()
        if body.pos != length:
            raise SourceChanged("the file shrank while it was being uploaded")
        etag = clean_etag(resp.get("ETag"))
        echoed = checksums.from_wire(resp.get("ChecksumCRC64NVME"))
        if value is not None and echoed == value:
            ok = True
        elif value is not None and echoed is not None:
            ok = False
        else:
            md5 = body.md5.hexdigest() if value is None else _md5_of(path, offset, length)
            ok = not MD5_RE.match(etag) or etag == md5
        if ok:
            if row is not None:
                ctx.journal.part_done(row, number, length, etag, value)
            return etag, value
        log.warning(
            "part %d of %r: ETag %s or CRC differ from the file (try %d)",
            number,
            key,
            etag,
            attempt,
        )
    raise Integrity(f"part {number}: the server kept storing bytes that differ from the file")


def _md5_of(path: str | memoryview, offset: int, length: int) -> str:
    """The MD5 of a part read again: a server that echoed no CRC is checked by its ETag."""
    if isinstance(path, memoryview):
        return hashlib.md5(path[offset : offset + length], usedforsecurity=False).hexdigest()
    return md5_of_range(path, offset, length)
