"""Request bodies streamed from a file (or memory) in bounded pieces, hashed as they are read.

A part is never held in memory whole: RSS does not grow with the part size or the concurrency.
"""

from __future__ import annotations

import hashlib
import http.client
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import botocore.exceptions as bex

from r2desk.transfers import bandwidth
from r2desk.transfers.control import Progress, SourceChanged, Stop
from r2desk.transfers.parts import IO_CHUNK

if TYPE_CHECKING:
    from hashlib import _Hash

    from botocore.response import StreamingBody


@dataclass(frozen=True)
class LocalSource:
    """A local file being uploaded: its key, path, what it was when the upload began (a
    resume must find it unchanged) and what the object will carry."""

    key: str
    path: str
    st: os.stat_result
    ctype: str
    meta: dict[str, str]
    #: Stored headers to send with the object (CacheControl, ContentDisposition, ...).
    headers: dict[str, str] = field(default_factory=dict)
    #: Write only if the object still has this ETag (an edit saved back); None: always write.
    if_match: str | None = None

    @property
    def size(self) -> int:
        return self.st.st_size


class _Source(Protocol):
    def read(self, n: int, /) -> bytes: ...
    def seek(self, pos: int, /) -> object: ...
    def close(self) -> None: ...


class MemFile:
    """The least of a file over a memoryview, so in-memory data takes the same part path."""

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._pos = 0

    def read(self, n: int, /) -> bytes:
        data = bytes(self._view[self._pos : self._pos + n])
        self._pos += len(data)
        return data

    def seek(self, pos: int, /) -> int:
        self._pos = pos
        return pos

    def close(self) -> None:
        pass


class FileWindow:
    """A file-like view of ``length`` bytes at ``offset``, hashed (MD5, unless ``md5`` is
    False: the part's checksum was computed before it was sent) as botocore reads it.

    botocore may read it twice (a SHA-256 payload pass over plain HTTP) and rewinds it on a
    retry: a rewind to 0 restarts the hash; progress counts the furthest point reached, so
    retries never make it jump backwards. A short read means the file shrank: SourceChanged.
    """

    def __init__(
        self,
        path: str | memoryview,
        offset: int,
        length: int,
        progress: Progress,
        stop: Stop,
        *,
        md5: bool = True,
    ) -> None:
        self._file: _Source
        try:
            self._file = (
                MemFile(path) if isinstance(path, memoryview) else open(path, "rb", buffering=0)  # noqa: SIM115
            )
        except FileNotFoundError:
            raise SourceChanged("the file vanished while it was being uploaded") from None
        self._file.seek(offset)
        self.offset = offset
        self.length = length
        self.pos = 0
        self._hashing = md5
        self.md5 = hashlib.md5(usedforsecurity=False)
        self._progress = progress
        self._reported = 0
        self._stop = stop

    def __len__(self) -> int:
        return self.length

    def read(self, n: int | None = -1) -> bytes:
        """Up to ``max(n, IO_CHUNK)`` bytes: deliberately more than a small ``n``.

        urllib3 asks for 16 KiB at a time and sends whatever it gets; handing it 1 MiB pieces
        cuts the Python-level read/hash/send loop (and its GIL hand-offs) 64-fold. Every
        caller in the chain (urllib3, http.client, botocore's hashing loops) reads until b"".
        """
        remaining = self.length - self.pos
        if n is None or n < 0 or n > remaining:
            n = remaining
        elif n < IO_CHUNK:
            n = min(IO_CHUNK, remaining)
        return self._take(n)

    def readinto(self, buf: memoryview) -> int:
        """At most ``len(buf)`` bytes, for a reader that holds a caller to its size (awscrt's
        input stream, which botocore's CRT signer reads a body through)."""
        data = self._take(min(len(buf), self.length - self.pos))
        buf[: len(data)] = data
        return len(data)

    def _take(self, n: int) -> bytes:
        self._stop.check()
        if n == 0:
            return b""
        data = self._file.read(n)
        if len(data) < n:
            raise SourceChanged("the file shrank while it was being uploaded")
        self.pos += len(data)
        if self._hashing:
            self.md5.update(data)
        if self.pos > self._reported:  # bytes being sent (not a rewound or hashing pass)
            bandwidth.take(bandwidth.UP, self.pos - self._reported, self._stop.check)
            self._progress.add(self.pos - self._reported)
            self._reported = self.pos
        return data

    def seek(self, pos: int, whence: int = 0) -> int:
        if whence == 1:
            pos += self.pos
        elif whence == 2:
            pos += self.length
        if pos not in (0, self.pos):
            raise ValueError("a part can only be rewound to its start")
        if pos == 0:
            self.md5 = hashlib.md5(usedforsecurity=False)
        self.pos = pos
        self._file.seek(self.offset + pos)
        return pos

    def tell(self) -> int:
        return self.pos

    def close(self) -> None:
        self._file.close()


def hash_file_range(path: str, offset: int, length: int, hashers: list[_Hash]) -> None:
    """Feed ``length`` bytes of a file to every hasher (one read serves several candidates)."""
    with open(path, "rb", buffering=0) as f:
        f.seek(offset)
        left = length
        while left > 0:
            data = f.read(min(IO_CHUNK, left))
            if not data:
                raise SourceChanged("the file is shorter than expected")
            for h in hashers:
                h.update(data)
            left -= len(data)


def md5_of_range(path: str, offset: int, length: int) -> str:
    """The hex MD5 of ``length`` bytes of a file at ``offset``."""
    h = hashlib.md5(usedforsecurity=False)
    hash_file_range(path, offset, length, [h])
    return h.hexdigest()


#: Reads a response body into the given buffer; returns the byte count, 0 at its end.
ReadInto = Callable[[memoryview], int]


def body_reader(body: StreamingBody) -> tuple[ReadInto, Callable[[], None]]:
    """A ``readinto`` for a GET's body and a ``done`` that hands its connection back.

    botocore's ``read(n)`` makes a new bytes object per call and copies it twice on the way
    (http.client, urllib3); a download moves every byte through here, so it reads straight
    into the caller's buffer from http.client's response under urllib3 (botocore asks for
    no content decoding, so the bytes are the same). Socket and TLS errors become botocore's
    ``ResponseStreamingError``, as botocore's own read would raise them: retried, and never
    mistaken for a local disk error. Another stack falls back to ``body.read``.
    """
    raw = getattr(body, "_raw_stream", None)
    fp = getattr(raw, "_fp", None)
    release = getattr(raw, "release_conn", None)
    if not isinstance(fp, http.client.HTTPResponse) or release is None:

        def copy(view: memoryview) -> int:
            data = body.read(len(view))
            view[: len(data)] = data
            return len(data)

        return copy, lambda: None
    response = fp
    url = str(getattr(raw, "url", None) or "")

    def readinto(view: memoryview) -> int:
        try:
            return response.readinto(view)
        except TimeoutError as exc:  # the socket's read timeout, as botocore reports it
            raise bex.ReadTimeoutError(endpoint_url=url, error=exc) from exc
        except (OSError, http.client.HTTPException) as exc:
            raise bex.ResponseStreamingError(error=exc) from exc

    def done() -> None:
        """The body was read to its end: reuse the connection (urllib3 never saw the end)."""
        if response.isclosed():
            release()

    return readinto, done
