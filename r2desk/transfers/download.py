"""Downloads: into a unique temporary file beside the target, verified, then renamed into place.

A small object is one GET; a big one is ranged GETs in parallel into a preallocated temp file,
journaled chunk by chunk so a killed process resumes. Every byte is hashed as it lands and,
before the rename, compared with the object's full-object CRC64NVME where the server keeps one
(the chunks' CRCs combined in order), else with the ETag (the whole MD5, or the MD5 of part MD5s).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

import botocore.exceptions as bex

from r2desk.errors import ErrorCode
from r2desk.formatting import human_size
from r2desk.results import DownloadResult
from r2desk.s3 import lean
from r2desk.s3.classify import error_code
from r2desk.transfers import bandwidth, checksums
from r2desk.transfers.bodies import hash_file_range, md5_of_range
from r2desk.transfers.context import Context
from r2desk.transfers.control import (
    VERIFYING,
    Cancel,
    Integrity,
    Progress,
    ProgressCallback,
    Stop,
    TransferCancelled,
)
from r2desk.transfers.journal import DownloadRow, owner_alive
from r2desk.transfers.localpaths import (
    TEMP_RE,
    commit_temp,
    local_identity,
    reserve_temp,
    sweep_temps,
    unsafe_reason,
)
from r2desk.transfers.parts import (
    IO_CHUNK,
    MIN_PART,
    MULTIPART_THRESHOLD,
    READ_RETRIES,
    clean_etag,
    multipart_etag,
    verify_plan,
    verify_whole,
)
from r2desk.transfers.ranges import NETWORK_ERRORS, get_range

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import GetObjectOutputTypeDef, GetObjectRequestTypeDef

log = logging.getLogger(__name__)
_E = ErrorCode


@dataclass
class Listed:
    """Size and ETag of an object as a listing gave them: no probe needed."""

    size: int
    etag: str


@dataclass
class _Owned:
    """The temp file and journal row one download call made or claimed: all it may delete."""

    temp: str | None = None
    row: DownloadRow | None = None


def download_file(
    ctx: Context,
    name: str,
    path: str | os.PathLike[str],
    progress: ProgressCallback | None = None,
    cancel: Cancel | None = None,
    *,
    op: str = "downloadToPath",
    shared: Progress | None = None,
    listed: Listed | None = None,
    exact: bool = False,
) -> DownloadResult:
    """Download to a temporary file beside ``path``, verify, then rename into place.

    A ``path`` that is a folder, or ends in a path separator (a folder, created if needed),
    receives the key's last segment as file name, unless ``exact`` (a folder transfer's
    planned file: a folder there is in the way). One target file takes one download at a
    time, whatever the key: two would race to rename over each other.
    """
    key = ctx.where.check_key(name, op)
    stop = ctx.stop(cancel, op, key)
    raw = os.fspath(path)
    target = os.path.abspath(raw)
    as_folder = raw.endswith(os.sep) or bool(os.altsep and raw.endswith(os.altsep))
    if not exact and (as_folder or os.path.isdir(target)):
        base = key.rstrip("/").rsplit("/", 1)[-1]
        if not base or unsafe_reason(base) or base in (".", ".."):
            raise ctx.where.error(
                _E.INVALID_ARGUMENT, op, key, f"{target} is a folder; give a file name"
            )
        target = os.path.join(target, base)
    if os.path.isdir(target):
        raise ctx.where.error(_E.LOCAL_IO, op, key, _in_the_way(target))
    prog = shared or Progress(progress, 0)
    folder = os.path.dirname(target)
    try:
        os.makedirs(folder, exist_ok=True)
        ident = ("download", local_identity(target))
    except OSError as exc:
        raise ctx.convert(exc, op, key, stop) from exc
    busy = f"{target} is already being downloaded to (by another transfer)"
    with ctx.exclusive(op, key, ident, busy):
        owned = _Owned()
        try:
            if ctx.first_visit(folder):
                sweep_temps(folder, ctx.journal.download_temps)
            result = _download(ctx, key, target, prog, stop, listed, owned)
        except BaseException as exc:
            local = _local_failure(exc)
            discard = (
                local is not None
                or isinstance(exc, Integrity)
                or (isinstance(exc, TransferCancelled) and not stop.paused)
            )
            if discard or owned.row is None or not os.path.exists(owned.row.temp_path):
                if owned.temp is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(owned.temp)
                if owned.row is not None:
                    ctx.journal.delete_download(owned.row.id)
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            if local is not None:
                size = owned.row.size if owned.row is not None else prog.total
                detail = _local_detail(local, target, size)
                raise ctx.where.error(_E.LOCAL_IO, op, key, detail, exc) from exc
            raise ctx.convert(exc, op, key, stop) from exc
    if shared is None:
        prog.finish()
    return result


#: The target's file system cannot hold the file: out of space, over a quota, or over its
#: file-size limit (FAT32's 4 GiB). Not resumable in place, so nothing is kept.
_NO_ROOM = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _local_failure(exc: BaseException) -> OSError | None:
    """``exc`` when it is the local disk's error (botocore's network errors are OSErrors too)."""
    if isinstance(exc, OSError) and not isinstance(exc, (*NETWORK_ERRORS, bex.BotoCoreError)):
        return exc
    return None


def _in_the_way(target: str) -> str:
    return (
        f"{target} is a folder, so the download cannot be saved there: "
        "rename or remove that folder, or download to another name"
    )


def _local_detail(exc: OSError, target: str, size: int) -> str:
    """Words for a local failure that name the folder or file concerned, not the temp file
    (which was removed)."""
    folder = os.path.dirname(target)
    if exc.errno in _NO_ROOM:
        try:
            free = f", {human_size(shutil.disk_usage(folder).free)} free there"
        except OSError:
            free = ""
        why = (
            "the file is larger than that file system allows"
            if exc.errno == errno.EFBIG
            else "it is out of space"
        )
        return (
            f"{folder}: {why} ({exc.strerror}); the object is {human_size(size)}{free}. "
            "The partial file was removed: free some space or choose another folder, "
            "then download again"
        )
    if os.path.isdir(target):
        return _in_the_way(target)
    name = exc.filename2 if exc.filename2 is not None else exc.filename
    shown = target if name is None or TEMP_RE.match(os.path.basename(str(name))) else name
    return f"{exc.strerror or exc}: {shown}"


def _download(
    ctx: Context,
    key: str,
    target: str,
    prog: Progress,
    stop: Stop,
    listed: Listed | None,
    owned: _Owned,
) -> DownloadResult:
    row = ctx.journal.find_download(ctx.endpoint, ctx.bucket, key, target)
    if row is not None:
        if owner_alive(row.owner, row.updated):
            raise ctx.where.error(
                _E.CONFLICT, "downloadToPath", key, f"another process ({row.owner}) is at it"
            )
        try:
            ok = os.path.getsize(row.temp_path) == row.size
        except OSError:
            ok = False
        owned.row, owned.temp = row, row.temp_path
        if ok:
            ctx.journal.claim_download(row)
            prog.total = prog.total or row.size
            try:
                return _download_ranged(ctx, key, target, row, prog, stop, resumed=True)
            except Exception as exc:
                if error_code(exc) not in ("PreconditionFailed", "412"):
                    raise
                log.warning("starting %r over: the object changed on the server", key)
        with contextlib.suppress(OSError):
            os.unlink(row.temp_path)
        ctx.journal.delete_download(row.id)
        owned.row = owned.temp = None
    temp = owned.temp = reserve_temp(os.path.dirname(target))
    if listed is not None and listed.size <= MULTIPART_THRESHOLD:
        # The listing gave size and ETag: one plain GET, no range needed.
        whole = ctx.pool.call(lambda: _get_whole(ctx, key, target, temp, prog, stop), stop)
        assert isinstance(whole, dict)
        return whole
    first = ctx.pool.call(lambda: _get_whole(ctx, key, target, temp, prog, stop, probe=True), stop)
    if isinstance(first, dict):
        return first
    size, etag = first.size, first.etag
    checksum = ctx.pool.call(lambda: _full_checksum(ctx, key, etag), stop)
    _, chunk, _ = verify_plan(size, etag)
    with open(temp, "wb") as f:
        f.truncate(size)
    row = owned.row = ctx.journal.begin_download(
        element=ctx.where.element,
        endpoint=ctx.endpoint,
        bucket=ctx.bucket,
        key=key,
        path=target,
        temp_path=temp,
        size=size,
        etag=etag,
        chunk_size=chunk,
        checksum=checksum,
    )
    if prog.total == 0:
        prog.total = size
    return _download_ranged(ctx, key, target, row, prog, stop, resumed=False)


#: Answers of a server that does not take ``x-amz-checksum-mode``: the ETag check it is.
_NO_CHECKSUM_MODE = frozenset(
    {"NotImplemented", "InvalidArgument", "InvalidRequest", "BadRequest", "400", "501"}
)


def _full_checksum(ctx: Context, key: str, etag: str) -> str:
    """The object's full-object CRC64NVME as the server gives it (base64), or "".

    A HEAD, because a ranged GET (the probe) carries no whole-object checksum on S3 or
    SeaweedFS; one small request per big download. If-Match: the value is this version's.
    """
    if not checksums.available():
        return ""
    try:
        head = ctx.client.head_object(
            Bucket=ctx.bucket, Key=key, IfMatch=f'"{etag}"', ChecksumMode="ENABLED"
        )
    except bex.ClientError as exc:
        if error_code(exc) in _NO_CHECKSUM_MODE:
            return ""
        raise
    crc = checksums.full_object_crc(head, etag)
    return "" if crc is None else checksums.to_wire(crc)


def _get_whole(
    ctx: Context,
    key: str,
    target: str,
    temp: str,
    prog: Progress,
    stop: Stop,
    probe: bool = False,
) -> DownloadResult | Listed:
    """GET a small object (or, with ``probe``, its first 5 MiB) straight into the temp file.

    The probe replaces a HEAD: its Content-Range says the size, and an object that fits
    is finished by that same request; for a bigger one it returns its size and ETag.
    """
    params: GetObjectRequestTypeDef = {"Bucket": ctx.bucket, "Key": key}
    if probe:
        params["Range"] = f"bytes=0-{MIN_PART - 1}"
    with open(temp, "wb") as f:  # kept open until it is synced (commit_temp)
        return _get_into(ctx, key, target, temp, f, params, prog, stop, probe)


def _get_into(
    ctx: Context,
    key: str,
    target: str,
    temp: str,
    f: BinaryIO,
    params: GetObjectRequestTypeDef,
    prog: Progress,
    stop: Stop,
    probe: bool,
) -> DownloadResult | Listed:
    for attempt in range(1, READ_RETRIES + 1):
        stop.check()
        try:
            resp: GetObjectOutputTypeDef
            try:
                resp = lean.get_object(ctx.client, params)
            except Exception as exc:
                if not (probe and error_code(exc) == "InvalidRange"):
                    raise
                params.pop("Range")  # an empty object has no byte 0
                resp = lean.get_object(ctx.client, params)
            etag = clean_etag(resp.get("ETag"))
            crange = str(resp.get("ContentRange") or "")
            try:
                size = _total_size(crange, resp.get("ContentLength"))
            except Integrity:
                resp["Body"].close()  # or its connection stays open, unread
                raise
            if size > MIN_PART and probe and crange:
                resp["Body"].close()
                return Listed(size, etag)
            if prog.total == 0:
                prog.total = size
            h = hashlib.md5(usedforsecurity=False)
            got = 0
            body = resp["Body"]
            try:
                f.seek(0)
                f.truncate()  # a retry starts the file over
                while True:
                    stop.check()
                    data = body.read(IO_CHUNK)
                    if not data:
                        break
                    bandwidth.take(bandwidth.DOWN, len(data), stop.check)
                    f.write(data)
                    h.update(data)
                    got += len(data)
            finally:
                body.close()
            break
        except NETWORK_ERRORS:
            if attempt == READ_RETRIES:
                raise
            stop.sleep(0.2 * 2**attempt)
    if got != size:
        raise Integrity(f"received {got} of {size} bytes")
    verified = verify_whole(etag, h)
    commit_temp(temp, target, f)
    prog.add(size)
    return {
        "key": key,
        "path": target,
        "size": size,
        "etag": etag,
        "verified": verified,
        "resumed": False,
    }


def _total_size(crange: str, length: object) -> int:
    """The object's size from a ``Content-Range`` (``bytes 0-99/1234``), else the length."""
    if not crange:
        return int(str(length))
    total = crange.rsplit("/", 1)[-1].strip()
    if not total.isdigit():
        raise Integrity(f"the server gave no object size (Content-Range: {crange!r})")
    return int(total)


def _download_ranged(
    ctx: Context,
    key: str,
    target: str,
    row: DownloadRow,
    prog: Progress,
    stop: Stop,
    *,
    resumed: bool,
) -> DownloadResult:
    """Ranged GETs in parallel into the preallocated temp file, each chunk hashed in its worker.

    With a full-object CRC64NVME each worker computes its chunk's CRC, combined in order at
    the end (no pass over the file). Else, in ``md5`` mode the whole-file hash follows the
    frontier of finished chunks in this (otherwise idle) thread, reading back what the
    workers wrote.
    """
    # A journaled CRC with no awscrt now (a resume by another build): the ETag check.
    expected_crc = checksums.from_wire(row.checksum) if checksums.available() else None
    alternatives: list[int] = []
    if expected_crc is not None:
        mode = checksums.VERIFIED
    else:
        mode, _, alternatives = verify_plan(row.size, row.etag)
    chunk = row.chunk_size
    ranges = [
        (i, off, min(chunk, row.size - off)) for i, off in enumerate(range(0, row.size, chunk))
    ]
    md5s: dict[int, str] = {}  # index -> the chunk's MD5 or CRC (hex), as journaled
    if resumed and mode in ("parts", checksums.VERIFIED):
        prog.phase(VERIFYING)  # re-hashing the kept chunks moves no bytes: say so
        for idx, off, length in ranges:
            if (
                idx in row.chunks
                and _digest_of(mode, row.temp_path, off, length) == row.chunks[idx]
            ):
                md5s[idx] = row.chunks[idx]
        prog.phase(None)
    elif resumed:
        md5s = {idx: "" for idx in row.chunks}
    prog.add(sum(length for idx, _, length in ranges if idx in md5s))
    whole = hashlib.md5(usedforsecurity=False)
    frontier = [0]

    def advance() -> None:
        while frontier[0] < len(ranges) and ranges[frontier[0]][0] in md5s:
            _, off, length = ranges[frontier[0]]
            hash_file_range(row.temp_path, off, length, [whole])
            frontier[0] += 1

    def chunk_task(idx: int, off: int, length: int) -> Callable[[], None]:
        def run() -> None:
            digest = get_range(
                ctx, key, row.etag, row.temp_path, off, off + length, prog, stop, hashing
            )
            ctx.journal.chunk_done(row, idx, digest)
            md5s[idx] = digest

        return run

    hashing = {"parts": "md5", checksums.VERIFIED: "crc"}.get(mode, "")
    todo = (chunk_task(i, off, ln) for i, off, ln in ranges if i not in md5s)
    ctx.pool.run_all(todo, stop, tick=advance if mode == "md5" else None, parts=True)
    stop.check()
    if os.path.getsize(row.temp_path) != row.size:
        raise Integrity("the temporary file has the wrong size")
    if mode == "md5":
        advance()
        if whole.hexdigest() != row.etag:
            raise Integrity(f"the data's MD5 {whole.hexdigest()} differs from ETag {row.etag}")
    elif mode == "parts" and multipart_etag(md5s[i] for i, _, _ in ranges) != row.etag:
        _verify_alternatives(row, alternatives)
    elif expected_crc is not None:
        got = checksums.combine((int(md5s[i], 16), length) for i, _, length in ranges)
        if got != expected_crc:
            raise Integrity(
                f"the data's CRC64NVME {checksums.to_wire(got)} differs from the object's "
                f"{row.checksum}"
            )
    commit_temp(row.temp_path, target)
    ctx.journal.delete_download(row.id)
    return {
        "key": key,
        "path": target,
        "size": row.size,
        "etag": row.etag,
        "verified": mode,
        "resumed": resumed,
    }


def _digest_of(mode: str, path: str, offset: int, length: int) -> str:
    """A kept chunk's digest, as ``get_range`` journals it in ``mode``."""
    if mode == checksums.VERIFIED:
        return checksums.to_hex(checksums.crc_of_range(path, offset, length))
    return md5_of_range(path, offset, length)


def _verify_alternatives(row: DownloadRow, alternatives: list[int]) -> None:
    """The first guess of the uploader's part size failed: try the others in one pass."""
    for part in alternatives:
        md5s = [
            md5_of_range(row.temp_path, off, min(part, row.size - off))
            for off in range(0, row.size, part)
        ]
        if multipart_etag(md5s) == row.etag:
            return
    raise Integrity(f"the data does not match the ETag {row.etag}")
