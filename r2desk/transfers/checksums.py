"""CRC64NVME, the full-object checksum R2 keeps for multipart uploads: computed per part (or per
downloaded range) in the workers and combined in order, so no pass over the whole file is needed.

MD5 costs ~1.8 CPU-s per GiB here, more than all of s5cmd's download; CRC64NVME in awscrt's C
code (the implementation botocore itself uses for it) costs ~0.15. The import of awscrt's
extension costs ~70 ms of CPU, so it happens only when a big transfer first needs a checksum:
small PUTs and GETs keep Content-MD5 and the MD5 ETag, which cost less than that import.
Where awscrt cannot be imported (a platform without its wheel, a build that lost the
extension), ``available()`` says so and big transfers keep the MD5 / multipart-ETag checks.

On the wire a checksum is the base64 of the 8 big-endian bytes (``x-amz-checksum-crc64nvme``);
the journal keeps the 16-hex-digit form.
"""

from __future__ import annotations

import base64
import binascii
import functools
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from r2desk.transfers.control import SourceChanged
from r2desk.transfers.parts import IO_CHUNK, MULTI_RE

log = logging.getLogger(__name__)

#: The algorithm name S3 and R2 use (``ChecksumAlgorithm``, the response's member suffix).
ALGORITHM = "CRC64NVME"
#: ``verified`` of a download checked against the object's full-object CRC64NVME.
VERIFIED = "crc64nvme"


@functools.cache
def _crt() -> tuple[Callable[[Any, int], int], Callable[[int, int, int], int]]:
    from awscrt.checksums import combine_crc64nvme, crc64nvme  # type: ignore[import-untyped]

    return crc64nvme, combine_crc64nvme


@functools.cache
def available() -> bool:
    """Whether CRC64NVME can be computed here; asked before a big transfer chooses its check."""
    try:
        _crt()
    except ImportError as exc:
        log.warning("no CRC64NVME (awscrt: %s); big transfers are checked by MD5", exc)
        return False
    return True


class Crc64:
    """A running CRC64NVME with hashlib's ``update`` (bytes, bytearray or memoryview)."""

    def __init__(self) -> None:
        self._update = _crt()[0]
        self.value = 0
        self.length = 0

    def update(self, data: bytes | bytearray | memoryview) -> None:
        self.value = self._update(data, self.value)
        self.length += len(data)


def crc_of_range(path: str | memoryview, offset: int, length: int) -> int:
    """The CRC64NVME of ``length`` bytes of a file (or of data in memory) at ``offset``,
    read into one buffer."""
    h = Crc64()
    if isinstance(path, memoryview):
        h.update(path[offset : offset + length])
        return h.value
    buf = memoryview(bytearray(min(IO_CHUNK, max(length, 1))))
    try:
        f = open(path, "rb", buffering=0)  # noqa: SIM115
    except FileNotFoundError:  # as FileWindow says: an upload's source gone mid-transfer
        raise SourceChanged("the file vanished while it was being read") from None
    with f:
        f.seek(offset)
        left = length
        while left > 0:
            n = f.readinto(buf[: min(len(buf), left)])
            if not n:
                raise SourceChanged("the file is shorter than expected")
            h.update(buf[:n])
            left -= n
    return h.value


def combine(pieces: Iterable[tuple[int, int]]) -> int:
    """The CRC of the concatenation of pieces given in order as ``(crc, length)``."""
    join = _crt()[1]
    out = 0
    for crc, length in pieces:
        out = join(out, crc, length) if out or length else crc
    return out


def to_wire(crc: int) -> str:
    return base64.b64encode(crc.to_bytes(8, "big")).decode("ascii")


def from_wire(text: object) -> int | None:
    """The CRC in a header value, or None for anything that is not one (absent, composite)."""
    if not isinstance(text, str) or not text:
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return int.from_bytes(raw, "big") if len(raw) == 8 else None


def to_hex(crc: int) -> str:
    return f"{crc:016x}"


def from_hex(text: str) -> int | None:
    try:
        return int(text, 16) if len(text) == 16 else None
    except ValueError:
        return None


def full_object_crc(resp: Mapping[str, Any], etag: str) -> int | None:
    """The object's whole-content CRC64NVME from a HEAD or GET answer, or None.

    Full-object when the server says so (``ChecksumType: FULL_OBJECT``), or when it names no
    type for a single-PUT object (SeaweedFS); a multipart object's untyped or ``COMPOSITE``
    value is a checksum of part checksums, which says nothing about a byte range.
    """
    kind = str(resp.get("ChecksumType") or "")
    if kind == "FULL_OBJECT" or (not kind and not MULTI_RE.match(etag)):
        return from_wire(resp.get("ChecksumCRC64NVME"))
    return None
