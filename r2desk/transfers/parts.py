"""Sizes and checksums of parts: the rules R2 imposes and the ETags S3 computes.

R2 refuses a multipart upload whose parts are not all the same size (except a smaller last one),
so the part size is chosen once per file, stored in the journal, and reused on resume.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from r2desk.formatting import human_size
from r2desk.transfers.control import Integrity

if TYPE_CHECKING:
    from hashlib import _Hash

MiB = 1024**2
MIN_PART = 5 * MiB  # S3/R2 minimum for every part but the last
MAX_PARTS = 10_000
MAX_PART = 5 * 1024**3
#: R2's largest object: 5 TiB minus 5 GiB (S3's is 5 TiB). A bigger file is refused up front.
MAX_OBJECT = 5 * 1024**4 - 5 * 1024**3
BASE_PART = 8 * MiB
BIG_PART = 64 * MiB  # parts grow up to this for big files, fewer requests
#: Files above this size go multipart (parts in parallel); at or below, one PUT.
MULTIPART_THRESHOLD = 16 * MiB
#: Files up to this size are read into memory for their PUT (one read, one hash).
INLINE_LIMIT = 1 * MiB
IO_CHUNK = 1 * MiB
READ_RETRIES = 5
PART_RETRIES = 3
#: Part sizes other tools use, tried when verifying a multipart ETag we did not create.
COMMON_PART_SIZES = tuple(
    n * MiB for n in (5, 8, 10, 15, 16, 25, 32, 50, 64, 100, 128, 256, 512, 1024)
)

MD5_RE = re.compile(r"^[0-9a-f]{32}$")
MULTI_RE = re.compile(r"^([0-9a-f]{32})-(\d+)$")


def clean_etag(value: object) -> str:
    """An ETag as S3 sends it (quoted, or missing) as bare text."""
    return str(value or "").strip('"')


def part_size_for(size: int) -> int:
    """The one part size for a file of ``size`` bytes: every part equal except a smaller last.

    8 MiB doubling up to 64 MiB while a file would need more than 64 parts (fewer, longer
    requests amortise per-request cost), then doubling further so that any size up to R2's 5 TiB
    fits in 10,000 parts. Deterministic, so a download can guess it to verify our own ETags.
    """
    part = BASE_PART
    while part < BIG_PART and size > part * 64:
        part *= 2
    while -(-size // part) > MAX_PARTS:
        part *= 2
    return min(part, MAX_PART)


def part_ranges(size: int, part: int) -> list[tuple[int, int, int]]:
    """``(number, offset, length)`` of each part; asserts R2's equal-size rule."""
    ranges = [(i + 1, off, min(part, size - off)) for i, off in enumerate(range(0, size, part))]
    if len(ranges) > MAX_PARTS or any(r[2] != part for r in ranges[:-1]) or ranges[-1][2] > part:
        raise ValueError(f"bad part plan for {size} bytes in parts of {part}")
    return ranges


def multipart_etag(md5s: Iterable[str]) -> str:
    """S3's multipart ETag: MD5 of the concatenated part MD5s, then ``-<parts>``."""
    digests = [bytes.fromhex(m) for m in md5s]
    return f"{hashlib.md5(b''.join(digests), usedforsecurity=False).hexdigest()}-{len(digests)}"


def candidate_part_sizes(size: int, parts: int) -> list[int]:
    """Part sizes that split ``size`` bytes into exactly ``parts`` parts, likeliest first."""
    exact = -(-size // parts)
    options = [part_size_for(size), *COMMON_PART_SIZES, -(-exact // MiB) * MiB, exact]
    out: list[int] = []
    for p in options:
        if p > 0 and -(-size // p) == parts and p not in out:
            out.append(p)
    return out


def verify_plan(size: int, etag: str) -> tuple[str, int, list[int]]:
    """How a download can check an object: whole-file MD5, per-part MD5s (chunks aligned to
    the uploader's parts, alternatives after the likeliest part size), or size only."""
    if MD5_RE.match(etag):
        return "md5", part_size_for(size), []
    m = MULTI_RE.match(etag)
    if m:
        candidates = candidate_part_sizes(size, int(m.group(2)))
        if candidates:
            return "parts", candidates[0], candidates[1:]
    return "size", part_size_for(size), []


def size_problem(size: int) -> str | None:
    """Why a file of ``size`` bytes cannot become one object, or None (uploads and the planner
    ask)."""
    if size <= MAX_OBJECT:
        return None
    return (
        f"is {human_size(size)} ({size:,} bytes); R2 stores objects up to {MAX_OBJECT:,} bytes "
        "(5 TiB minus 5 GiB): nothing was sent"
    )


def verify_whole(etag: str, h: _Hash) -> str:
    """Check a whole object's MD5 against its ETag (plain, or a one-part multipart ETag);
    what ``verified`` says: "md5", or "size" for an ETag that is no MD5 (SSE-C, ...)."""
    if MD5_RE.match(etag):
        if h.hexdigest() != etag:
            raise Integrity(f"the data's MD5 {h.hexdigest()} differs from the ETag {etag}")
        return "md5"
    m = MULTI_RE.match(etag)
    if m and m.group(2) == "1":
        if multipart_etag([h.hexdigest()]) != etag:
            raise Integrity(f"the data does not match the ETag {etag}")
        return "md5"
    return "size"
