"""Download to a stream (``r2desk get KEY -``): chunk by chunk, never the whole object in memory.

A stream cannot be rewound, so the bytes are hashed as they pass: the whole MD5 for a
single-part ETag, or the part MD5s for every plausible uploader part size at once for a
multipart one. A cut stream resumes at the byte it reached, pinned to the ETag (If-Match).
Bytes are written before they can be verified, so a mismatch at the end is an
``integrity_error`` (exit 7): the consumer must not trust output of a failed run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from r2desk.results import DownloadResult
from r2desk.s3 import lean
from r2desk.transfers import bandwidth
from r2desk.transfers.context import Context
from r2desk.transfers.control import Cancel, Integrity, Progress, ProgressCallback, Stop
from r2desk.transfers.parts import IO_CHUNK, READ_RETRIES, clean_etag, multipart_etag, verify_plan
from r2desk.transfers.ranges import NETWORK_ERRORS, wrong_range_answer

if TYPE_CHECKING:
    from hashlib import _Hash

    from mypy_boto3_s3.type_defs import GetObjectRequestTypeDef

#: At most this many part sizes are hashed side by side for a multipart ETag.
MAX_GUESSES = 4


class _Parts:
    """Per-part MD5s for one guess of the uploader's part size, fed sequentially."""

    def __init__(self, part: int) -> None:
        self.part = part
        self.md5s: list[str] = []
        self._h = hashlib.md5(usedforsecurity=False)
        self._in = 0

    def update(self, data: memoryview) -> None:
        while data:
            n = min(len(data), self.part - self._in)
            self._h.update(data[:n])
            self._in += n
            data = data[n:]
            if self._in == self.part:
                self.md5s.append(self._h.hexdigest())
                self._h = hashlib.md5(usedforsecurity=False)
                self._in = 0

    def etag(self) -> str:
        tail = [self._h.hexdigest()] if self._in or not self.md5s else []
        return multipart_etag([*self.md5s, *tail])


def download_to_stream(
    ctx: Context,
    name: str,
    write: Callable[[bytes], object],
    progress: ProgressCallback | None = None,
    cancel: Cancel | None = None,
    *,
    op: str = "downloadToStream",
) -> DownloadResult:
    """GET ``name`` and pass its bytes to ``write`` in chunks of at most ``IO_CHUNK``."""
    key = ctx.where.check_key(name, op)
    stop = ctx.stop(cancel, op, key)
    prog = Progress(progress, 0)
    try:
        result = ctx.pool.call(lambda: _stream(ctx, key, write, prog, stop), stop)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        raise ctx.convert(exc, op, key, stop) from exc
    assert isinstance(result, dict)
    prog.finish()
    return result


def _stream(
    ctx: Context, key: str, write: Callable[[bytes], object], prog: Progress, stop: Stop
) -> DownloadResult:
    pos = 0
    size = -1
    etag = ""
    whole: _Hash = hashlib.md5(usedforsecurity=False)
    guesses: list[_Parts] = []
    mode = "size"
    attempt = 0
    while size < 0 or pos < size:
        stop.check()
        params: GetObjectRequestTypeDef = {"Bucket": ctx.bucket, "Key": key}
        if pos:
            params["Range"] = f"bytes={pos}-"
            params["IfMatch"] = f'"{etag}"'
        try:
            resp = lean.get_object(ctx.client, params)
            problem = wrong_range_answer(resp, pos, etag) if pos else ""
            if problem:
                resp["Body"].close()  # its bytes would repeat or mix two objects
                raise Integrity(problem)
            if size < 0:
                size = int(resp["ContentLength"])
                etag = clean_etag(resp.get("ETag"))
                mode, part, others = verify_plan(size, etag)
                guesses = [_Parts(p) for p in [part, *others][:MAX_GUESSES]]
                prog.total = size
            body = resp["Body"]
            try:
                while pos < size:
                    stop.check()
                    data = body.read(min(IO_CHUNK, size - pos))
                    if not data:
                        break  # ended early: the next GET resumes here
                    bandwidth.take(bandwidth.DOWN, len(data), stop.check)
                    write(data)
                    view = memoryview(data)
                    if mode == "md5":
                        whole.update(view)
                    elif mode == "parts":
                        for g in guesses:
                            g.update(view)
                    pos += len(data)
                    prog.add(len(data))
            finally:
                body.close()
            if pos < size:
                raise ConnectionResetError(f"the body ended after {pos} of {size} bytes")
        except NETWORK_ERRORS:
            attempt += 1
            if attempt >= READ_RETRIES:
                raise
            stop.sleep(0.2 * 2**attempt)
    if mode == "md5" and whole.hexdigest() != etag:
        raise Integrity(f"the data's MD5 {whole.hexdigest()} differs from the ETag {etag}")
    if mode == "parts" and not any(g.etag() == etag for g in guesses):
        raise Integrity(f"the data does not match the ETag {etag}")
    return {
        "key": key,
        "path": "-",
        "size": size,
        "etag": etag,
        "verified": mode,
        "resumed": False,
    }
