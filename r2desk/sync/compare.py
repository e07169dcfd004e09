"""The merge-join: three sorted streams (first side, second side, last-sync state) in one pass,
and the judge that tells whether two versions of a key are the same.

Criteria, cheapest first: sizes; the state row (both sides unchanged since they were last known
equal: no request); ETags of two objects; then the object's recorded mtime (``x-amz-meta-mtime``,
which r2desk writes on upload, as rclone does) against the file's, read with one HEAD; without
it, the file's MD5 (or multipart ETag from the part size the object was made with) against the
ETag; when even that cannot be computed, the source being newer than the destination, and the
item says so. ``checksum`` mode hashes every file whose size matches.

Slow checks (HEAD, hashing) run on a few threads in a bounded window, so the output keeps key
order and memory stays bounded.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from r2desk.errors import ErrorCode, StorageError
from r2desk.sync.sides import BucketSide, LocalSide, Side
from r2desk.sync.state import Row, Sig, SyncState
from r2desk.sync.walk import Entry, order_key
from r2desk.transfers.bodies import hash_file_range
from r2desk.transfers.control import SourceChanged
from r2desk.transfers.parts import MD5_RE, MULTI_RE, candidate_part_sizes, multipart_etag

#: The object metadata field holding the source file's mtime (seconds.nanoseconds).
MTIME_FIELD = "mtime"
#: Two mtimes this close are the same (float rounding of metadata written by other tools).
MTIME_TOLERANCE_NS = 1_000_000
#: Slow checks in flight at once, and how far ahead of the output they may run.
CHECK_WORKERS = 8
CHECK_WINDOW = 64

Triple = tuple[str, Entry | None, Entry | None, Row | None]


def format_mtime(ns: int) -> str:
    return f"{ns // 1_000_000_000}.{ns % 1_000_000_000:09d}"


def parse_mtime(text: str) -> int | None:
    """``x-amz-meta-mtime`` as nanoseconds: ``1700000000.123456789`` (or fewer decimals)."""
    try:
        whole, _, frac = text.strip().partition(".")
        return int(whole) * 1_000_000_000 + int((frac + "000000000")[:9] or 0)
    except ValueError:
        return None


def merge(
    a: Iterator[Entry], b: Iterator[Entry], rows: Iterator[Row] | None = None
) -> Iterator[Triple]:
    """Join the sorted streams on the compare key: ``(ck, a, b, row)`` with None where absent.

    An entry that covers a subtree (a local folder that cannot be read, NFC/NFD twin folders)
    is yielded once and every entry of the other side under it comes paired with it, so it is
    reported, never taken for a deletion.
    """
    ia, ib = iter(a), iter(b)
    ir = iter(rows) if rows is not None else iter(())
    ea, eb, er = next(ia, None), next(ib, None), next(ir, None)
    cover: Entry | None = None
    while ea is not None or eb is not None or er is not None:
        keys = [order_key(x.ck if isinstance(x, Entry) else x.key) for x in (ea, eb, er) if x]
        low = min(keys)
        ta = ea if ea is not None and order_key(ea.ck) == low else None
        tb = eb if eb is not None and order_key(eb.ck) == low else None
        tr = er if er is not None and order_key(er.key) == low else None
        ck = (ta or tb).ck if (ta or tb) is not None else tr.key  # type: ignore[union-attr]
        if ta is not None:
            ea = next(ia, None)
        if tb is not None:
            eb = next(ib, None)
        if tr is not None:
            er = next(ir, None)
        if cover is not None and not ck.startswith(cover.ck):
            cover = None
        if cover is not None:
            yield ck, ta or cover, tb or cover, tr
            continue
        for t in (ta, tb):
            if t is not None and t.subtree:
                cover = t
        yield ck, ta, tb, tr


def sig_of(side: Side, e: Entry) -> Sig:
    if isinstance(side, LocalSide):
        return Sig(e.size, e.mtime_ns, "")
    return Sig(e.size, None, e.etag)


def local_checksum(path: str, size: int, etag: str) -> tuple[str | None, str]:
    """The file's checksum in the ETag's own form, or None and why it cannot be computed."""
    if MD5_RE.match(etag):
        h = hashlib.md5(usedforsecurity=False)
        hash_file_range(path, 0, size, [h])
        return h.hexdigest(), ""
    m = MULTI_RE.match(etag)
    if not m:
        return None, "the object's ETag is not an MD5 (encrypted, or another store's form)"
    candidates = candidate_part_sizes(size, int(m.group(2)))[:3]
    if not candidates:
        return None, "the part size of its multipart ETag cannot be told from size and parts"
    first = ""
    for part in candidates:
        md5s = []
        for off in range(0, size, part):
            h = hashlib.md5(usedforsecurity=False)
            hash_file_range(path, off, min(part, size - off), [h])
            md5s.append(h.hexdigest())
        got = multipart_etag(md5s)
        if got == etag:
            return got, ""
        first = first or got
    return first, ""


class Judge:
    """Decides whether the two versions of a key are the same (see the module text)."""

    def __init__(self, a: Side, b: Side, state: SyncState | None, *, checksum: bool) -> None:
        self.a, self.b = a, b
        self.state = state
        self.checksum = checksum
        self._pool: ThreadPoolExecutor | None = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def quick(self, a: Entry, b: Entry, row: Row | None) -> tuple[bool | None, str]:
        """(same, reason) from what the streams carry; (None, "") when it takes a request or a
        hash (``slow``)."""
        if a.size != b.size:
            return False, "size differs"
        if (
            row is not None
            and not self.checksum
            and sig_of(self.a, a) == row.a
            and sig_of(self.b, b) == row.b
        ):
            return True, "unchanged since the last sync"
        if isinstance(self.a, BucketSide) and isinstance(self.b, BucketSide):
            if a.etag and a.etag == b.etag:
                return True, "same ETag"
            if MD5_RE.match(a.etag) and MD5_RE.match(b.etag):
                return False, "checksum differs"
            return False, "ETags not comparable (different part layouts); copied to be sure"
        return None, ""

    def slow(self, a: Entry, b: Entry, source_is_a: bool) -> tuple[bool, str]:
        """The judgement that takes a HEAD or a hash (file vs object only).

        A file that cannot be read, or an object gone since the listing, is "different": the
        transfer then says what is wrong with it, item by item, instead of the whole run
        stopping here.
        """
        try:
            return self._slow(a, b, source_is_a)
        except (OSError, SourceChanged) as exc:
            return False, f"the file could not be read to compare it ({exc})"
        except StorageError as exc:
            if exc.code is not ErrorCode.NOT_FOUND:
                raise
            return False, "the object changed during the comparison"

    def _slow(self, a: Entry, b: Entry, source_is_a: bool) -> tuple[bool, str]:
        if isinstance(self.a, LocalSide):
            local, obj, remote = a, b, self.b
        else:
            local, obj, remote = b, a, self.a
        assert isinstance(remote, BucketSide)
        note = ""
        if self.checksum:
            value, why = local_checksum(local.path, local.size, obj.etag)
            if value is not None:
                return value == obj.etag, "checksum " + (
                    "matches" if value == obj.etag else "differs"
                )
            note = f"checksum cannot be computed: {why}; "
        if obj.mtime_ns is None:
            info = remote.element.getObject(remote.key_of(obj.key))
            obj.mtime_ns = parse_mtime(info["metadata"].get(MTIME_FIELD, ""))
            if info["etag"] != obj.etag:  # replaced since the listing
                return False, note + "the object changed during the comparison"
        if obj.mtime_ns is not None and local.mtime_ns is not None:
            same = abs(obj.mtime_ns - local.mtime_ns) <= MTIME_TOLERANCE_NS
            return same, note + ("same size and mtime" if same else "mtime differs")
        if not self.checksum:
            value, why = local_checksum(local.path, local.size, obj.etag)
            if value is not None:
                return value == obj.etag, "no recorded mtime; checksum " + (
                    "matches" if value == obj.etag else "differs"
                )
            note = f"no recorded mtime and checksum cannot be computed ({why}); "
        local_s = (local.mtime_ns or 0) / 1e9
        obj_s = obj.modified or 0.0
        source_newer = (
            local_s > obj_s if (source_is_a == isinstance(self.a, LocalSide)) else obj_s > local_s
        )
        return (not source_newer), note + (
            "the source is newer" if source_newer else "judged by size and upload time"
        )

    def judge(
        self, a: Entry, b: Entry, row: Row | None, source_is_a: bool = True
    ) -> tuple[bool, str]:
        same, reason = self.quick(a, b, row)
        if same is None:
            return self.slow(a, b, source_is_a)
        return same, reason

    def record(self, ck: str, a: Entry, b: Entry) -> None:
        if self.state is not None:
            self.state.put(ck, sig_of(self.a, a), sig_of(self.b, b))

    def pipeline(
        self, items: Iterator[tuple[Callable[[], object] | None, object]]
    ) -> Iterator[object]:
        """Run each item's slow check (if any) on the judge's threads, yielding results in
        input order; at most ``CHECK_WINDOW`` are ahead of the output."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(CHECK_WORKERS, thread_name_prefix="r2desk-compare")
        window: deque[Future[object] | object] = deque()

        def out(x: Future[object] | object) -> object:
            return x.result() if isinstance(x, Future) else x

        for work, value in items:
            window.append(self._pool.submit(work) if work is not None else value)
            while len(window) > CHECK_WINDOW or (window and not isinstance(window[0], Future)):
                yield out(window.popleft())
        while window:
            yield out(window.popleft())
