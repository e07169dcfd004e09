"""A ranged GET into a file: the network errors a stream may meet mid-body (retried from the
byte reached), the checks of a ranged answer before a byte is written, and the copy loop of a
big download's chunks."""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING

import botocore.exceptions as bex

from r2desk.transfers import bandwidth, checksums
from r2desk.transfers.bodies import body_reader
from r2desk.transfers.context import Context
from r2desk.transfers.control import Integrity, Progress, Stop
from r2desk.transfers.parts import IO_CHUNK, READ_RETRIES, clean_etag

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import GetObjectOutputTypeDef

#: What a stream may do mid-body: the GET is retried from the byte it reached.
NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    bex.ResponseStreamingError,
    bex.ReadTimeoutError,
    bex.ConnectionClosedError,
    bex.EndpointConnectionError,
    bex.ConnectTimeoutError,
    bex.IncompleteReadError,
    bex.HTTPClientError,
    ConnectionError,
    TimeoutError,
)


def wrong_range_answer(resp: GetObjectOutputTypeDef, pos: int, etag: str) -> str:
    """Why a ranged answer cannot be written at ``pos`` ("" when it can): a server that
    ignored the range sends the object from byte 0; one that ignored If-Match sends another
    object's bytes. Caught before a byte is written, not by the checksum at the end."""
    crange = str(resp.get("ContentRange") or "")
    from_start = pos == 0 and not crange  # the whole object: its first bytes are the range's
    if not from_start and not crange.startswith(f"bytes {pos}-"):
        got = f"Content-Range {crange!r}" if crange else "the whole object"
        return f"the server ignored the range request for byte {pos} (it sent {got})"
    got_etag = clean_etag(resp.get("ETag"))
    if got_etag and etag and got_etag != etag:
        return f"the object changed on the server during the download (ETag {got_etag}, was {etag})"
    return ""


def get_range(
    ctx: Context,
    key: str,
    etag: str,
    temp: str,
    start: int,
    end: int,
    prog: Progress,
    stop: Stop,
    hashing: str,
) -> str:
    """Fetch ``[start, end)`` into the temp file; a cut or stalled stream resumes at the
    byte it reached, a changed object (If-Match) fails with 412. Returns the range's digest:
    ``hashing`` "md5" (hex MD5), "crc" (CRC64NVME, 16 hex digits) or "" (none, "").

    The bytes go from the socket into one buffer of this worker, from there to the file
    (``pwrite``) and the hash: no object per chunk, no copy in Python.
    """
    h: hashlib._Hash | checksums.Crc64 | None = None
    if hashing == "md5":
        h = hashlib.md5(usedforsecurity=False)
    elif hashing == "crc":
        h = checksums.Crc64()
    buf = memoryview(bytearray(min(IO_CHUNK, end - start)))
    pos = start
    attempt = 0
    fd = os.open(temp, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        while pos < end:
            stop.check()
            try:
                resp = ctx.client.get_object(
                    Bucket=ctx.bucket, Key=key, Range=f"bytes={pos}-{end - 1}", IfMatch=etag
                )
                body = resp["Body"]
                problem = wrong_range_answer(resp, pos, etag)
                if problem:
                    body.close()
                    raise Integrity(problem)
                readinto, done = body_reader(body)
                try:
                    while pos < end:
                        stop.check()
                        view = buf[: min(len(buf), end - pos)]
                        n = readinto(view)
                        if not n:
                            raise bex.IncompleteReadError(
                                actual_bytes=pos - start, expected_bytes=end - start
                            )
                        bandwidth.take(bandwidth.DOWN, n, stop.check)
                        got = view[:n]
                        _pwrite_all(fd, got, pos)
                        if h is not None:
                            h.update(got)
                        pos += n
                        prog.add(n)
                    done()
                finally:
                    body.close()
            except NETWORK_ERRORS:
                attempt += 1
                if attempt >= READ_RETRIES:
                    raise
                stop.sleep(0.2 * 2**attempt)
    finally:
        os.close(fd)
    if isinstance(h, checksums.Crc64):
        return checksums.to_hex(h.value)
    return "" if h is None else h.hexdigest()


def _pwrite_all(fd: int, data: memoryview, pos: int) -> None:
    """Write every byte at ``pos`` (a short write is legal, if rare); Windows has no pwrite,
    and the descriptor is this worker's own, so a seek there is as good."""
    while data:
        if hasattr(os, "pwrite"):
            n = os.pwrite(fd, data, pos)
        else:
            os.lseek(fd, pos, os.SEEK_SET)
            n = os.write(fd, data)
        data, pos = data[n:], pos + n
