"""The transfer engine: streaming, parallel, verified, resumable uploads and downloads.

Why it is built this way:

* Memory stays bounded whatever the size: a part is streamed from the file in small reads
  (``_FileWindow``) and a download is written as it arrives, so RSS does not grow with the part
  size or the concurrency.
* One bounded thread pool per element runs every request (parts, small files, ranged GETs), so a
  GUI queueing hundreds of transfers at once still opens at most ``concurrency`` connections.
  Callers' threads only orchestrate and never occupy a pool slot while waiting, so nothing can
  deadlock on the pool.
* R2 refuses a multipart upload whose parts are not all the same size (except a smaller last one),
  so the part size is chosen once per file, stored in the journal, and reused on resume.
* Every byte is checked end to end: a part's ETag must equal the MD5 of the bytes we sent, the
  final ETag the MD5 of those MD5s; a download is hashed as it lands and compared with the ETag
  before it is renamed into place.
* The journal (``journal.py``) is written before the server learns of an upload, so a killed
  process leaves enough behind for the next run to continue, never to start a second upload.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import mimetypes
import os
import re
import secrets
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import botocore.exceptions as bex

from r2desk.errors import StorageError
from r2desk.s3.classify import Where
from r2desk.s3.listing import iter_objects
from r2desk.transfers.control import CancelToken, ProgressCallback
from r2desk.transfers.journal import DownloadRow, Journal, JournalBusy, UploadRow, owner_alive

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

log = logging.getLogger(__name__)

MiB = 1024**2
MIN_PART = 5 * MiB  # S3/R2 minimum for every part but the last
MAX_PARTS = 10_000
MAX_PART = 5 * 1024**3
BASE_PART = 8 * MiB
BIG_PART = 64 * MiB  # parts grow up to this for big files, fewer requests
#: Files above this size go multipart (parts in parallel); at or below, one PUT.
MULTIPART_THRESHOLD = 16 * MiB
#: Files up to this size are read into memory for their PUT (one read, one hash).
INLINE_LIMIT = 1 * MiB
IO_CHUNK = 1 * MiB
PROGRESS_INTERVAL = 0.1
READ_RETRIES = 5
PART_RETRIES = 3
#: A download lands in ``.r2desk-<12 hex>.part`` beside its target: unique, so two downloads to
#: one folder never share it, and short, so it fits wherever the target's name fits.
TEMP_PREFIX = ".r2desk-"
TEMP_SUFFIX = ".part"
_TEMP_RE = re.compile(r"^\.r2desk-[0-9a-f]{12}\.part$")
#: A temp file no journal row owns and untouched this long is a killed download's leftover.
STALE_TEMP_AGE = 24 * 3600
#: Part sizes other tools use, tried when verifying a multipart ETag we did not create.
COMMON_PART_SIZES = tuple(
    n * MiB for n in (5, 8, 10, 15, 16, 25, 32, 50, 64, 100, 128, 256, 512, 1024)
)

_MD5_RE = re.compile(r"^[0-9a-f]{32}$")
_MULTI_RE = re.compile(r"^([0-9a-f]{32})-(\d+)$")
_DRIVE_RE = re.compile(r"^[A-Za-z]:")


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


_WINDOWS = os.name == "nt"
_WIN_BAD_CHAR = re.compile(r'[<>:"|?*\x01-\x1f]')
_WIN_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{d}{i}" for d in ("com", "lpt") for i in range(10)
}


def unsafe_reason(relative: str) -> str | None:
    """Why a key (relative to the downloaded prefix) must not become a local path, or None."""
    if "\x00" in relative:
        return "contains a NUL byte"
    if relative.startswith(("/", "\\")):
        return "is an absolute path"
    parts = re.split(r"[\\/]", relative)
    if any(p == ".." for p in parts):
        return "climbs out of the folder with '..'"
    for p in parts:
        if _DRIVE_RE.match(p):
            return f"names a drive ({p[:2]!r})"
        if _WINDOWS:  # ':' would write an NTFS stream; the rest Windows refuses or renames
            bad = _WIN_BAD_CHAR.search(p)
            if bad:
                return f"has a character Windows does not allow in a name ({bad.group()!r})"
            if p.split(".")[0].rstrip(" ").lower() in _WIN_RESERVED:
                return f"uses a name Windows reserves ({p!r})"
            if p.endswith((".", " ")) and p not in (".", ""):
                return f"ends in a dot or space, which Windows drops ({p!r})"
    return None


@dataclass
class LocalPlan:
    """Where keys land under a local folder; ``refused`` maps each key left out to the reason."""

    files: list[tuple[str, str]] = field(default_factory=list)  # (key, local file)
    folders: list[tuple[str, str]] = field(default_factory=list)  # (marker key, local folder)
    refused: dict[str, str] = field(default_factory=dict)


def plan_local_paths(root: str, entries: Iterable[tuple[str, str]]) -> LocalPlan:
    """Map ``(key, path relative to root)`` pairs to local paths under ``root``, refusing in
    words every key that would escape it (``..``, absolute, drive letters, symbolic links) and
    every group of keys that would land on one local file (``a.txt`` and ``/a.txt``; ``A.txt``
    and ``a.txt`` where the file system ignores case), so no download overwrites another.

    A relative path ending in ``/`` is a folder marker. The one place the GUI and the engine
    turn keys into local paths (no Qt here).
    """
    root = os.path.abspath(root)
    real_root = os.path.realpath(root)
    fold = case_insensitive(root)
    split = re.compile(r"[\\/]" if _WINDOWS else "/")

    def ident(local: str) -> str:
        norm = os.path.normcase(local)
        return norm.casefold() if fold else norm

    plan = LocalPlan()
    spots: dict[str, list[str]] = {}  # identity -> every key (even a refused one) landing there
    placed: list[tuple[str, str, str]] = []
    dirs: set[str] = set()
    for key, rel in entries:
        parts = [p for p in split.split(rel) if p not in ("", ".")]
        if not parts:
            continue  # the prefix itself (or its folder marker)
        local = os.path.join(root, *parts)
        reason = unsafe_reason(rel)
        if reason is None:
            try:
                if os.path.commonpath([real_root, os.path.realpath(local)]) != real_root:
                    reason = "resolves outside the folder (through a symbolic link)"
            except ValueError:  # another drive on Windows
                reason = "resolves to another drive"
        marker = rel.endswith("/")
        # 'a//x' is refused as absolute under prefix 'a/', yet it names the same file as 'a/x':
        # count it, so that neither is downloaded in the other's place.
        if not marker and (reason is None or rel.startswith("/")):
            spots.setdefault(ident(local), []).append(key)
        if reason is not None:
            plan.refused[key] = reason
        elif marker:
            plan.folders.append((key, local))
            dirs.add(ident(local))
        else:
            placed.append((key, local, ident(local)))
    root_id = ident(root)
    for _, _, local_id in placed:
        parent = os.path.dirname(local_id)
        while len(parent) > len(root_id) and parent not in dirs:
            dirs.add(parent)
            parent = os.path.dirname(parent)
    for key, local, local_id in placed:
        others = [k for k in spots[local_id] if k != key]
        if others:
            plan.refused[key] = f"lands on the same local file as {others[0]!r}"
        elif local_id in dirs:
            plan.refused[key] = "lands where other keys need a folder of the same name"
        else:
            plan.files.append((key, local))
    return plan


_CASE_INSENSITIVE: dict[str, bool] = {}


def _existing_folder(path: str) -> str:
    while not os.path.isdir(path):
        parent = os.path.dirname(path)
        if parent == path:
            break
        path = parent
    return path


def case_insensitive(folder: str) -> bool:
    """Whether file names in ``folder`` (or its nearest existing ancestor) ignore case.

    macOS, Windows and FAT/exFAT drives usually do, Linux usually not, and any can be mounted
    anywhere: so ask the file system itself, once per folder, with one tiny probe file.
    """
    probe_dir = _existing_folder(os.path.abspath(folder))
    known = _CASE_INSENSITIVE.get(probe_dir)
    if known is not None:
        return known
    try:
        fd, probe = tempfile.mkstemp(prefix=".r2desk-case-", dir=probe_dir)
        os.close(fd)
        try:
            head, tail = os.path.split(probe)
            result = os.path.exists(os.path.join(head, tail.upper()))
        finally:
            os.unlink(probe)
    except OSError:  # a read-only folder: the platform's usual answer
        result = sys.platform in ("win32", "darwin")
    _CASE_INSENSITIVE[probe_dir] = result
    return result


def local_identity(path: str) -> str:
    """One spelling per local file: its folder resolved, normalised, case folded where the
    file system ignores case; two paths with the same identity are the same file."""
    folder, name = os.path.split(os.path.abspath(path))
    ident = os.path.normcase(os.path.join(os.path.realpath(folder), name))
    return ident.casefold() if case_insensitive(folder) else ident


def _reserve_temp(folder: str) -> str:
    """Create a new, empty, uniquely named temp file in ``folder`` (O_EXCL: never shared)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        path = os.path.join(folder, f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}")
        try:
            fd = os.open(path, flags, 0o666)  # the umask applies, as for any new file
        except FileExistsError:
            continue
        os.close(fd)
        return path


@dataclass
class _Owned:
    """The temp file and journal row one download call made or claimed: all it may delete."""

    temp: str | None = None
    row: DownloadRow | None = None


def _etag(value: Any) -> str:
    return str(value or "").strip('"')


class TransferCancelled(BaseException):
    """Raised inside a worker (from a body read) to stop a request at once.

    A BaseException, like asyncio's CancelledError: botocore wraps any Exception raised while
    sending a body in HTTPClientError and retries it with backoff, so a stop inside the send
    (always the case over HTTPS, where no payload-hashing pass reads the part first) would be
    retried for seconds and then reported as an unknown error.
    """


class SourceChanged(BaseException):
    """The local file changed under an upload; a BaseException so no layer retries it
    (see TransferCancelled)."""


class _Integrity(Exception):
    """Received or stored bytes do not match their checksum."""


class _Stop:
    """The caller's cancel token plus our own flag, raised when a sibling part fails."""

    def __init__(self, user: CancelToken | None) -> None:
        self.user = user or CancelToken()
        self._own = threading.Event()

    def set(self) -> None:
        self._own.set()

    @property
    def stopped(self) -> bool:
        return self._own.is_set() or self.user.cancelled

    @property
    def paused(self) -> bool:
        """Stopped by the caller's ``pause()``: keep everything so the next run resumes."""
        return self.user.cancelled and self.user.paused

    @property
    def reason(self) -> str:
        if self.paused:
            return "paused; what was transferred is kept and the next run resumes it"
        return "cancelled by the caller"

    def check(self) -> None:
        if self.stopped:
            raise TransferCancelled()

    def sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.check()
            self.user.wait(min(0.05, max(0.0, deadline - time.monotonic())))
        self.check()


class Progress:
    """Running totals for a ProgressCallback: throttled, monotonic, final total always sent."""

    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback = callback
        self.total = total
        self.done = 0
        self._lock = threading.Lock()
        self._last = 0.0

    def add(self, n: int) -> None:
        if n <= 0:
            return
        with self._lock:
            self.done += n
            if self.callback is None:
                return
            now = time.monotonic()
            if now - self._last < PROGRESS_INTERVAL:
                return
            self._last = now
            self.callback(min(self.done, self.total), self.total)

    def finish(self) -> None:
        with self._lock:
            self.done = self.total
            if self.callback is not None:
                self.callback(self.total, self.total)


class _MemFile:
    """The least of a file over a memoryview, so in-memory data takes the same part path."""

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._pos = 0

    def read(self, n: int) -> bytes:
        data = bytes(self._view[self._pos : self._pos + n])
        self._pos += len(data)
        return data

    def seek(self, pos: int) -> None:
        self._pos = pos

    def close(self) -> None:
        pass


class _FileWindow:
    """A file-like view of ``length`` bytes at ``offset``, hashed (MD5) as botocore reads it.

    botocore may read it twice (a SHA-256 payload pass over plain HTTP) and rewinds it on a
    retry: a rewind to 0 restarts the hash; progress counts the furthest point reached, so
    retries never make it jump backwards. A short read means the file shrank: SourceChanged.
    """

    def __init__(
        self, path: str | memoryview, offset: int, length: int, progress: Progress, stop: _Stop
    ) -> None:
        try:
            self._file: Any = (
                _MemFile(path) if isinstance(path, memoryview) else open(path, "rb", buffering=0)  # noqa: SIM115
            )
        except FileNotFoundError:
            raise SourceChanged("the file vanished while it was being uploaded") from None
        self._file.seek(offset)
        self.offset = offset
        self.length = length
        self.pos = 0
        self.md5 = hashlib.md5(usedforsecurity=False)
        self._progress = progress
        self._reported = 0
        self._stop = stop

    def __len__(self) -> int:
        return self.length

    def read(self, n: int = -1) -> bytes:
        """Up to ``max(n, IO_CHUNK)`` bytes: deliberately more than a small ``n``.

        urllib3 asks for 16 KiB at a time and sends whatever it gets; handing it 1 MiB pieces
        cuts the Python-level read/hash/send loop (and its GIL hand-offs) 64-fold. Every
        caller in the chain (urllib3, http.client, botocore's hashing loops) reads until b"".
        """
        self._stop.check()
        remaining = self.length - self.pos
        if n is None or n < 0 or n > remaining:
            n = remaining
        elif n < IO_CHUNK:
            n = min(IO_CHUNK, remaining)
        if n == 0:
            return b""
        data = self._file.read(n)
        if len(data) < n:
            raise SourceChanged("the file shrank while it was being uploaded")
        self.pos += len(data)
        self.md5.update(data)
        if self.pos > self._reported:
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


def _hash_file_range(path: str, offset: int, length: int, hashers: list[Any]) -> None:
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


_NETWORK_ERRORS: tuple[type[BaseException], ...] = (
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


class TransferEngine:
    """Transfers for one element; owns its bounded pool and its journal."""

    def __init__(
        self,
        client: Callable[[], S3Client],
        where: Where,
        *,
        state_dir: str | os.PathLike[str] | None = None,
        concurrency: int = 10,
    ) -> None:
        self._client_factory = client
        self.where = where
        self.concurrency = max(1, int(concurrency))
        self.journal = Journal(state_dir)
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._active: set[tuple[str, ...]] = set()  # transfers running in this process
        self._swept: set[str] = set()  # folders already cleared of stale temp files
        self._tls = threading.local()

    def _mark_worker(self) -> None:
        self._tls.worker = True

    @property
    def _in_worker(self) -> bool:
        """True in a pool thread: a small file of a folder runs its request right there, as
        waiting on the pool from inside it could deadlock."""
        return bool(getattr(self._tls, "worker", False))

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def pool(self) -> ThreadPoolExecutor:
        """Created on first use: no threads for an element that never transfers."""
        if self._pool is None:
            with self._lock:
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(
                        max_workers=self.concurrency,
                        thread_name_prefix="r2desk-transfer",
                        initializer=self._mark_worker,
                    )
        return self._pool

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        self.journal.close()

    @property
    def client(self) -> Any:
        return self._client_factory()

    @property
    def bucket(self) -> str:
        return self.where.bucket

    @property
    def endpoint(self) -> str:
        return self.where.endpoint

    def _convert(self, exc: BaseException, op: str, key: str | None, stop: _Stop) -> StorageError:
        """One place that turns anything a transfer raised into the element's StorageError."""
        if isinstance(exc, StorageError):
            return exc
        if isinstance(exc, TransferCancelled):
            if stop.user.cancelled:
                return self.where.error("cancelled", op, key, stop.reason)
            return self.where.error("unknown", op, key, "stopped after another part failed")
        if isinstance(exc, SourceChanged):
            return self.where.error("local_io", op, key, str(exc), exc)
        if isinstance(exc, JournalBusy):
            detail = "another r2desk process started this same transfer just now; let it finish"
            return self.where.error("conflict", op, key, detail, exc)
        if isinstance(exc, _Integrity):
            return self.where.error("integrity_error", op, key, str(exc), exc)
        return self.where.convert(exc, op, key)

    def _run_all(
        self,
        tasks: Iterator[Callable[[], Any]],
        stop: _Stop,
        *,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], bool] | None = None,
        tick: Callable[[], None] | None = None,
    ) -> None:
        """Run tasks in the pool, at most ``2 × concurrency`` queued at once.

        The first error (or a cancel) stops the rest unless ``on_error`` returns True (keep
        going); running tasks are waited for, so nothing touches the server or the file after
        this returns.
        """
        if self._in_worker:
            for task in tasks:
                stop.check()
                result = task()
                if on_result is not None:
                    on_result(result)
                if tick is not None:
                    tick()
            return
        window = self.concurrency * 2
        pending: set[Future[Any]] = set()
        error: BaseException | None = None
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < window and error is None:
                    if stop.stopped:
                        break
                    task = next(tasks, None)
                    if task is None:
                        exhausted = True
                        break
                    pending.add(self.pool.submit(task))
                if not pending:
                    break
                done, pending = wait(pending, timeout=0.1, return_when=FIRST_EXCEPTION)
                for fut in done:
                    if fut.cancelled():  # cancelled by us below, never ran
                        continue
                    exc = fut.exception()
                    if exc is None:
                        if on_result is not None:
                            on_result(fut.result())
                    elif error is None and not (
                        on_error is not None
                        and not isinstance(exc, TransferCancelled)
                        and on_error(exc)
                    ):
                        error = exc
                        stop.set()
                if tick is not None and error is None:
                    tick()
                if stop.stopped and error is None:
                    for fut in pending:
                        fut.cancel()
                    error = TransferCancelled()
        except BaseException:
            stop.set()
            for fut in pending:
                fut.cancel()
            wait(pending)
            raise
        if error is not None:
            for fut in pending:
                fut.cancel()
            wait(pending)
            raise error
        stop.check()  # cancelled before anything was queued

    def _call(self, fn: Callable[[], Any], stop: _Stop) -> Any:
        """Run one request in the pool (so it counts against the bound) and wait for it."""
        box: list[Any] = []
        self._run_all(iter([fn]), stop, on_result=box.append)
        return box[0]

    @contextlib.contextmanager
    def _exclusive(self, op: str, key: str, ident: tuple[str, ...], busy: str) -> Iterator[None]:
        """Refuse to run two transfers with the same ``ident`` at once in this process."""
        with self._lock:
            if ident in self._active:
                raise self.where.error("conflict", op, key, busy)
            self._active.add(ident)
        try:
            yield
        finally:
            with self._lock:
                self._active.discard(ident)

    def _check_metadata(self, op: str, key: str, metadata: Any) -> dict[str, str]:
        if metadata is None:
            return {}
        if not isinstance(metadata, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()
        ):
            raise self.where.error("invalid_argument", op, key, "metadata must map str to str")
        size = sum(len(k.encode()) + len(v.encode()) for k, v in metadata.items())
        if size > 8192:
            raise self.where.error(
                "invalid_argument", op, key, f"metadata is {size} bytes; R2 allows 8192"
            )
        return dict(metadata)

    @staticmethod
    def guess_type(key: str, path: str) -> str:
        return (
            mimetypes.guess_type(path)[0]
            or mimetypes.guess_type(key)[0]
            or "application/octet-stream"
        )

    def _stat_file(self, op: str, key: str, path: str) -> os.stat_result:
        try:
            st = os.stat(path)
        except OSError as exc:
            raise self.where.error(
                "local_io", op, key, f"cannot read {path}: {exc.strerror}", exc
            ) from exc
        if not os.path.isfile(path):
            raise self.where.error("local_io", op, key, f"{path} is not a regular file")
        return st

    def _result(self, key: str, size: int, etag: str, ctype: str, **extra: Any) -> dict[str, Any]:
        return {
            "url": self.where.object_url(key),
            "key": key,
            "size": size,
            "etag": etag,
            "contentType": ctype,
            **extra,
        }

    # -- uploads -----------------------------------------------------------------------------

    def upload_file(
        self,
        name: str,
        path: str | os.PathLike[str],
        contentType: str | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        metadata: dict[str, str] | None = None,
        *,
        op: str = "uploadFromPath",
        _progress: Progress | None = None,
    ) -> dict[str, Any]:
        """Upload one file: a verified PUT when small, a resumable multipart upload when big."""
        key = self.where.check_key(name, op)
        local = os.path.abspath(os.fspath(path))
        meta = self._check_metadata(op, key, metadata)
        ctype = contentType or self.guess_type(key, local)
        stop = _Stop(cancel)
        st = self._stat_file(op, key, local)
        prog = _progress or Progress(progress, st.st_size)
        busy = f"{local} is already being uploaded to this key"
        with self._exclusive(op, key, ("upload", key, local), busy):
            try:
                if st.st_size <= MULTIPART_THRESHOLD:
                    result = self._call(
                        lambda: self._put_small(key, local, st, ctype, meta, prog, stop), stop
                    )
                else:
                    result = self._upload_multipart(op, key, local, st, ctype, meta, prog, stop)
            except (KeyboardInterrupt, SystemExit):
                raise  # an interrupted process keeps its journal: the next run resumes
            except BaseException as exc:
                raise self._convert(exc, op, key, stop) from exc
        if _progress is None:
            prog.finish()
        return result

    def _put_small(
        self,
        key: str,
        path: str,
        st: os.stat_result,
        ctype: str,
        meta: dict[str, str],
        prog: Progress,
        stop: _Stop,
    ) -> dict[str, Any]:
        """One PUT with Content-MD5, so the server itself refuses bytes that do not match."""
        import base64

        stop.check()
        size = st.st_size
        body: Any
        if size <= INLINE_LIMIT:
            with open(path, "rb") as f:
                body = f.read(size + 1)
            if len(body) != size:
                raise SourceChanged(f"the file changed size while it was read ({len(body)} bytes)")
            digest = hashlib.md5(body, usedforsecurity=False)
        else:
            digest = hashlib.md5(usedforsecurity=False)
            _hash_file_range(path, 0, size, [digest])
            body = _FileWindow(path, 0, size, Progress(None, size), stop)
        try:
            resp = self.client.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=body,
                ContentLength=size,
                ContentType=ctype,
                ContentMD5=base64.b64encode(digest.digest()).decode("ascii"),
                Metadata=meta,
            )
        except bex.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "BadDigest":
                raise SourceChanged("the file changed while it was being uploaded") from exc
            raise
        finally:
            if not isinstance(body, bytes):
                body.close()
        etag = _etag(resp.get("ETag"))
        if _MD5_RE.match(etag) and etag != digest.hexdigest():
            raise _Integrity(f"the server's ETag {etag} differs from the file's MD5")
        self._check_unchanged(path, st)
        prog.add(size)
        return self._result(key, size, etag, ctype, parts=0, resumed=False)

    @staticmethod
    def _check_unchanged(path: str, st: os.stat_result) -> None:
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

    def _abort_quietly(self, key: str, upload_id: str | None) -> None:
        if not upload_id:
            return
        try:
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id)
        except Exception as exc:  # the upload may already be gone; R2 expires it in 7 days
            log.warning("could not abort upload %s of %r: %s", upload_id, key, exc)

    def _resume_row(
        self, key: str, path: str, st: os.stat_result, ctype: str, meta: dict[str, str]
    ) -> tuple[UploadRow | None, str]:
        """The journal row to continue, or None and the reason it cannot be continued."""
        row = self.journal.find_upload(self.endpoint, self.bucket, key, path)
        if row is None:
            return None, ""
        if owner_alive(row.owner, row.updated):
            raise self.where.error(
                "conflict",
                "uploadFromPath",
                key,
                f"another r2desk process ({row.owner}) is uploading {path} to this key",
            )
        reason = ""
        if row.size != st.st_size or row.mtime_ns != st.st_mtime_ns:
            reason = "the local file changed since the interrupted upload began"
        elif row.content_type != ctype or row.metadata != meta:
            reason = "the content type or metadata differ from the interrupted upload's"
        elif row.upload_id is None:
            row.upload_id = self._adopt_upload(key, row)
            if row.upload_id is None:
                self.journal.delete_upload(row.id)
                return None, ""
            self.journal.set_upload_id(row, row.upload_id)
        if reason:
            self._abort_quietly(key, row.upload_id)
            self.journal.delete_upload(row.id)
            log.warning("starting %r over: %s", key, reason)
            return None, reason
        self.journal.claim_upload(row)
        return row, ""

    def _adopt_upload(self, key: str, row: UploadRow) -> str | None:
        """A kill between journal row and CreateMultipartUpload: find the upload it made.

        Only an unambiguous match is adopted. Several candidates cannot be told apart and may
        be another client's uploads in progress: none is touched (listUploads shows them).
        """
        found = []
        for item in self._iter_uploads(key):
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

    def _server_parts(self, key: str, upload_id: str) -> dict[int, tuple[int, str]]:
        parts: dict[int, tuple[int, str]] = {}
        marker = 0
        while True:
            resp = self.client.list_parts(
                Bucket=self.bucket, Key=key, UploadId=upload_id, PartNumberMarker=marker
            )
            for p in resp.get("Parts", []):
                parts[int(p["PartNumber"])] = (int(p["Size"]), _etag(p.get("ETag")))
            if not resp.get("IsTruncated"):
                return parts
            marker = int(resp.get("NextPartNumberMarker") or 0)
            if not marker:
                return parts

    def _upload_multipart(
        self,
        op: str,
        key: str,
        path: str,
        st: os.stat_result,
        ctype: str,
        meta: dict[str, str],
        prog: Progress,
        stop: _Stop,
    ) -> dict[str, Any]:
        size = st.st_size
        row, restart_reason = self._resume_row(key, path, st, ctype, meta)
        done: dict[int, str] = {}
        resumed = False
        if row is not None:
            assert row.upload_id is not None
            try:
                server = self._server_parts(key, row.upload_id)
            except bex.ClientError as exc:
                if exc.response.get("Error", {}).get("Code") != "NoSuchUpload":
                    raise
                finished = self._already_completed(key, row)
                if finished is not None:
                    self.journal.delete_upload(row.id)
                    prog.add(size)
                    return finished
                self.journal.delete_upload(row.id)
                restart_reason = "the server no longer has the interrupted upload"
                log.warning("starting %r over: %s", key, restart_reason)
                row = None
            else:
                done = self._verify_parts(key, path, row, server)
                resumed = True
        if row is None:
            row = self.journal.begin_upload(
                element=self.where.element,
                endpoint=self.endpoint,
                bucket=self.bucket,
                key=key,
                path=path,
                size=size,
                mtime_ns=st.st_mtime_ns,
                part_size=part_size_for(size),
                content_type=ctype,
                metadata=meta,
            )
            try:
                resp = self._call(
                    lambda: self.client.create_multipart_upload(
                        Bucket=self.bucket, Key=key, ContentType=ctype, Metadata=meta
                    ),
                    stop,
                )
            except BaseException:
                self.journal.delete_upload(row.id)
                raise
            self.journal.set_upload_id(row, resp["UploadId"])
        upload_id = row.upload_id
        assert upload_id is not None
        ranges = part_ranges(size, row.part_size)
        prog.add(sum(length for n, _, length in ranges if n in done))
        md5s = dict(done)

        def part_task(number: int, offset: int, length: int) -> Callable[[], None]:
            def run() -> None:
                md5s[number] = self._upload_part(
                    key, upload_id, row, path, number, offset, length, prog, stop
                )

            return run

        todo = (part_task(n, off, ln) for n, off, ln in ranges if n not in done)
        try:
            self._run_all(todo, stop)
            self._check_unchanged(path, st)
            stop.check()
            etag = self._complete(key, upload_id, ranges, md5s, stop)
        except BaseException as exc:
            # Cancel, a changed source or bad data: nothing worth keeping. A pause, network and
            # server errors keep the upload and its journal row so the next run resumes it.
            cancelled = isinstance(exc, TransferCancelled) and not stop.paused
            if cancelled or isinstance(exc, SourceChanged | _Integrity):
                self._abort_quietly(key, upload_id)
                self.journal.delete_upload(row.id)
            raise
        self.journal.delete_upload(row.id)
        return self._result(
            key,
            size,
            etag,
            ctype,
            parts=len(ranges),
            partSize=row.part_size,
            resumed=resumed,
            restartReason=restart_reason,
        )

    def upload_buffer(self, name: str, data: Any, contentType: str | None) -> dict[str, Any]:
        """``uploadByFile`` data over the single-PUT limit: equal parts from memory, verified.

        Not journaled: data in memory cannot outlive the process, so there is nothing to resume.
        """
        op = "uploadByFile"
        key = self.where.check_key(name, op)
        view = memoryview(data).cast("B")
        size = view.nbytes
        ctype = contentType or "application/octet-stream"
        stop = _Stop(None)
        prog = Progress(None, size)
        ranges = part_ranges(size, part_size_for(size))
        md5s: dict[int, str] = {}
        upload_id = ""
        try:
            upload_id = self._call(
                lambda: self.client.create_multipart_upload(
                    Bucket=self.bucket, Key=key, ContentType=ctype
                )["UploadId"],
                stop,
            )

            def part_task(number: int, offset: int, length: int) -> Callable[[], None]:
                def run() -> None:
                    md5s[number] = self._upload_part(
                        key, upload_id, None, view, number, offset, length, prog, stop
                    )

                return run

            self._run_all((part_task(*r) for r in ranges), stop)
            etag = self._complete(key, upload_id, ranges, md5s, stop)
        except BaseException as exc:
            self._abort_quietly(key, upload_id)
            raise self._convert(exc, op, key, stop) from exc
        return self._result(key, size, etag, ctype, parts=len(ranges), resumed=False)

    def _complete(
        self,
        key: str,
        upload_id: str,
        ranges: list[tuple[int, int, int]],
        md5s: dict[int, str],
        stop: _Stop,
    ) -> str:
        """CompleteMultipartUpload, then check its ETag against the part MD5s we computed."""
        expected = multipart_etag(md5s[n] for n, _, _ in ranges)
        parts = [{"PartNumber": n, "ETag": f'"{md5s[n]}"'} for n, _, _ in ranges]
        resp = self._call(
            lambda: self.client.complete_multipart_upload(
                Bucket=self.bucket,
                Key=key,
                UploadId=upload_id,
                MultipartUpload={"Parts": parts},
            ),
            stop,
        )
        etag = _etag(resp.get("ETag"))
        if _MULTI_RE.match(etag) and etag != expected:
            raise _Integrity(f"the server's ETag {etag} differs from the expected {expected}")
        return etag

    def _already_completed(self, key: str, row: UploadRow) -> dict[str, Any] | None:
        """Killed after CompleteMultipartUpload but before the journal knew: the object is done."""
        ranges = part_ranges(row.size, row.part_size)
        if any(n not in row.parts for n, _, _ in ranges):
            return None
        expected = multipart_etag(row.parts[n][1] for n, _, _ in ranges)
        try:
            head = self.client.head_object(Bucket=self.bucket, Key=key)
        except bex.ClientError:
            return None
        etag = _etag(head.get("ETag"))
        if etag != expected or int(head.get("ContentLength", -1)) != row.size:
            return None
        return self._result(key, row.size, etag, row.content_type, parts=len(ranges), resumed=True)

    def _verify_parts(
        self, key: str, path: str, row: UploadRow, server: dict[int, tuple[int, str]]
    ) -> dict[int, str]:
        """Parts already on the server whose bytes the file still holds; the rest go again.

        Every part is hashed again, journaled or not: a file replaced by one of the same size
        and mtime (cp -p, rsync -t, unzip) would otherwise complete as a mix of old and new
        parts whose ETag still checks out. Reading is far cheaper than uploading.
        """
        done: dict[int, str] = {}
        for number, offset, length in part_ranges(row.size, row.part_size):
            if number not in server or server[number][0] != length:
                continue
            etag = server[number][1]
            h = hashlib.md5(usedforsecurity=False)
            _hash_file_range(path, offset, length, [h])
            if h.hexdigest() != etag:
                if number in row.parts:
                    log.warning(
                        "part %d of %r: the file's bytes changed; sending it again", number, key
                    )
                continue
            if row.parts.get(number) != (length, etag):
                self.journal.part_done(row, number, length, etag)
            done[number] = etag
        return done

    def _upload_part(
        self,
        key: str,
        upload_id: str,
        row: UploadRow | None,
        path: str | memoryview,
        number: int,
        offset: int,
        length: int,
        prog: Progress,
        stop: _Stop,
    ) -> str:
        """Upload one part streaming from the file; its ETag must equal the MD5 we sent."""
        for attempt in range(1, PART_RETRIES + 1):
            stop.check()
            body = _FileWindow(path, offset, length, prog, stop)
            try:
                resp = self.client.upload_part(
                    Bucket=self.bucket,
                    Key=key,
                    UploadId=upload_id,
                    PartNumber=number,
                    Body=body,
                    ContentLength=length,
                )
            finally:
                body.close()
            if body.pos != length:
                raise SourceChanged("the file shrank while it was being uploaded")
            md5 = body.md5.hexdigest()
            etag = _etag(resp.get("ETag"))
            if not _MD5_RE.match(etag) or etag == md5:
                if row is not None:
                    self.journal.part_done(row, number, length, md5)
                return md5
            log.warning(
                "part %d of %r: ETag %s != MD5 %s (try %d)", number, key, etag, md5, attempt
            )
        raise _Integrity(f"part {number}: the server kept storing bytes that differ from the file")

    # -- downloads ---------------------------------------------------------------------------

    def download_file(
        self,
        name: str,
        path: str | os.PathLike[str],
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        *,
        op: str = "downloadToPath",
        _progress: Progress | None = None,
        _listed: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Download to a temporary file beside ``path``, verify, then rename into place.

        A ``path`` that is a folder, or ends in a path separator (a folder, created if needed),
        receives the key's last segment as file name. One target file takes one download at a
        time, whatever the key: two would race to rename over each other.
        """
        key = self.where.check_key(name, op)
        raw = os.fspath(path)
        target = os.path.abspath(raw)
        as_folder = raw.endswith(os.sep) or bool(os.altsep and raw.endswith(os.altsep))
        if as_folder or os.path.isdir(target):
            base = key.rstrip("/").rsplit("/", 1)[-1]
            if not base or unsafe_reason(base) or base in (".", ".."):
                raise self.where.error(
                    "invalid_argument", op, key, f"{target} is a folder; give a file name"
                )
            target = os.path.join(target, base)
        stop = _Stop(cancel)
        prog = _progress or Progress(progress, 0)
        folder = os.path.dirname(target)
        try:
            os.makedirs(folder, exist_ok=True)
            ident = ("download", local_identity(target))
        except OSError as exc:
            raise self._convert(exc, op, key, stop) from exc
        busy = f"{target} is already being downloaded to (by another transfer)"
        with self._exclusive(op, key, ident, busy):
            owned = _Owned()
            try:
                self._sweep_temps(folder)
                result = self._download(key, target, prog, stop, _listed, owned)
            except BaseException as exc:
                discard = isinstance(exc, _Integrity) or (
                    isinstance(exc, TransferCancelled) and not stop.paused
                )
                if discard or owned.row is None or not os.path.exists(owned.row.temp_path):
                    if owned.temp is not None:
                        with contextlib.suppress(OSError):
                            os.unlink(owned.temp)
                    if owned.row is not None:
                        self.journal.delete_download(owned.row.id)
                if isinstance(exc, KeyboardInterrupt | SystemExit):
                    raise
                raise self._convert(exc, op, key, stop) from exc
        if _progress is None:
            prog.finish()
        return result

    def _sweep_temps(self, folder: str) -> None:
        """Delete leftover temp files in ``folder`` once per engine: no journal row owns them
        and nothing wrote to them for a day (a killed download of a small, unjournaled file).

        The old fixed temp name was overwritten by the next try; a unique one is not.
        """
        with self._lock:
            if folder in self._swept:
                return
            self._swept.add(folder)
        try:
            with os.scandir(folder) as entries:
                found = [e for e in entries if _TEMP_RE.match(e.name)]
        except OSError:
            return
        if not found:
            return
        owned = self.journal.download_temps()
        cutoff = time.time() - STALE_TEMP_AGE
        for entry in found:
            with contextlib.suppress(OSError):
                if entry.path not in owned and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.unlink(entry.path)

    def _download(
        self,
        key: str,
        target: str,
        prog: Progress,
        stop: _Stop,
        listed: dict[str, Any] | None,
        owned: _Owned,
    ) -> dict[str, Any]:
        row = self.journal.find_download(self.endpoint, self.bucket, key, target)
        if row is not None:
            if owner_alive(row.owner, row.updated):
                raise self.where.error(
                    "conflict", "downloadToPath", key, f"another process ({row.owner}) is at it"
                )
            try:
                ok = os.path.getsize(row.temp_path) == row.size
            except OSError:
                ok = False
            owned.row, owned.temp = row, row.temp_path
            if ok:
                self.journal.claim_download(row)
                prog.total = prog.total or row.size
                try:
                    return self._download_ranged(key, target, row, prog, stop, resumed=True)
                except bex.ClientError as exc:
                    if exc.response.get("Error", {}).get("Code") not in (
                        "PreconditionFailed",
                        "412",
                    ):
                        raise
                    log.warning("starting %r over: the object changed on the server", key)
            with contextlib.suppress(OSError):
                os.unlink(row.temp_path)
            self.journal.delete_download(row.id)
            owned.row = owned.temp = None
        temp = owned.temp = _reserve_temp(os.path.dirname(target))
        if listed is not None and listed["size"] <= MULTIPART_THRESHOLD:
            # The listing gave size and ETag: one plain GET, no range needed.
            return self._call(lambda: self._get_whole(key, target, temp, prog, stop), stop)
        first = self._call(lambda: self._get_whole(key, target, temp, prog, stop, probe=True), stop)
        if "key" in first:
            return first
        size, etag = first["size"], first["etag"]
        _, chunk, _ = self._plan(size, etag)
        with open(temp, "wb") as f:
            f.truncate(size)
        row = owned.row = self.journal.begin_download(
            element=self.where.element,
            endpoint=self.endpoint,
            bucket=self.bucket,
            key=key,
            path=target,
            temp_path=temp,
            size=size,
            etag=etag,
            chunk_size=chunk,
        )
        if prog.total == 0:
            prog.total = size
        return self._download_ranged(key, target, row, prog, stop, resumed=False)

    @staticmethod
    def _plan(size: int, etag: str) -> tuple[str, int, list[int]]:
        """How to verify: whole-file MD5, per-part MD5s (chunks aligned to parts), or size only."""
        if _MD5_RE.match(etag):
            return "md5", part_size_for(size), []
        m = _MULTI_RE.match(etag)
        if m:
            candidates = candidate_part_sizes(size, int(m.group(2)))
            if candidates:
                return "parts", candidates[0], candidates[1:]
        return "size", part_size_for(size), []

    def _get_whole(
        self, key: str, target: str, temp: str, prog: Progress, stop: _Stop, probe: bool = False
    ) -> dict[str, Any]:
        """GET a small object (or, with ``probe``, its first 5 MiB) straight into the temp file.

        The probe replaces a HEAD: its Content-Range says the size, and an object that fits
        is finished by that same request.
        """
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        if probe:
            params["Range"] = f"bytes=0-{MIN_PART - 1}"
        for attempt in range(1, READ_RETRIES + 1):
            stop.check()
            try:
                try:
                    resp = self.client.get_object(**params)
                except bex.ClientError as exc:
                    if probe and exc.response.get("Error", {}).get("Code") == "InvalidRange":
                        params.pop("Range")  # an empty object has no byte 0
                        resp = self.client.get_object(**params)
                    else:
                        raise
                etag = _etag(resp.get("ETag"))
                crange = str(resp.get("ContentRange") or "")
                size = (
                    int(crange.rsplit("/", 1)[1]) if "/" in crange else int(resp["ContentLength"])
                )
                if size > MIN_PART and probe and crange:
                    resp["Body"].close()
                    return {"size": size, "etag": etag}
                if prog.total == 0:
                    prog.total = size
                h = hashlib.md5(usedforsecurity=False)
                got = 0
                body = resp["Body"]
                try:
                    with open(temp, "wb") as f:
                        while True:
                            stop.check()
                            data = body.read(IO_CHUNK)
                            if not data:
                                break
                            f.write(data)
                            h.update(data)
                            got += len(data)
                finally:
                    body.close()
                break
            except _NETWORK_ERRORS:
                if attempt == READ_RETRIES:
                    raise
                stop.sleep(0.2 * 2**attempt)
        if got != size:
            raise _Integrity(f"received {got} of {size} bytes")
        verified = self._verify_whole(etag, size, h)
        os.replace(temp, target)
        prog.add(size)
        return {
            "key": key,
            "path": target,
            "size": size,
            "etag": etag,
            "verified": verified,
            "resumed": False,
        }

    @staticmethod
    def _verify_whole(etag: str, size: int, h: Any) -> str:
        if _MD5_RE.match(etag):
            if h.hexdigest() != etag:
                raise _Integrity(f"the data's MD5 {h.hexdigest()} differs from the ETag {etag}")
            return "md5"
        m = _MULTI_RE.match(etag)
        if m and m.group(2) == "1":
            if multipart_etag([h.hexdigest()]) != etag:
                raise _Integrity(f"the data does not match the ETag {etag}")
            return "md5"
        return "size"

    def _download_ranged(
        self, key: str, target: str, row: DownloadRow, prog: Progress, stop: _Stop, *, resumed: bool
    ) -> dict[str, Any]:
        """Ranged GETs in parallel into the preallocated temp file, each chunk hashed in its worker.

        In ``md5`` mode the whole-file hash follows the frontier of finished chunks in this
        (otherwise idle) thread, reading back what the workers wrote.
        """
        mode, _, alternatives = self._plan(row.size, row.etag)
        chunk = row.chunk_size
        ranges = [
            (i, off, min(chunk, row.size - off)) for i, off in enumerate(range(0, row.size, chunk))
        ]
        md5s: dict[int, str] = {}
        if resumed and mode == "parts":
            for idx, off, length in ranges:
                if idx in row.chunks:
                    h = hashlib.md5(usedforsecurity=False)
                    _hash_file_range(row.temp_path, off, length, [h])
                    if h.hexdigest() == row.chunks[idx]:
                        md5s[idx] = row.chunks[idx]
        elif resumed:
            md5s = {idx: "" for idx in row.chunks}
        prog.add(sum(length for idx, _, length in ranges if idx in md5s))
        whole = hashlib.md5(usedforsecurity=False)
        frontier = [0]

        def advance() -> None:
            while frontier[0] < len(ranges) and ranges[frontier[0]][0] in md5s:
                _, off, length = ranges[frontier[0]]
                _hash_file_range(row.temp_path, off, length, [whole])
                frontier[0] += 1

        def chunk_task(idx: int, off: int, length: int) -> Callable[[], None]:
            def run() -> None:
                digest = self._get_range(
                    key, row.etag, row.temp_path, off, off + length, prog, stop, mode == "parts"
                )
                self.journal.chunk_done(row, idx, digest)
                md5s[idx] = digest

            return run

        todo = (chunk_task(i, off, ln) for i, off, ln in ranges if i not in md5s)
        self._run_all(todo, stop, tick=advance if mode == "md5" else None)
        stop.check()
        if os.path.getsize(row.temp_path) != row.size:
            raise _Integrity("the temporary file has the wrong size")
        verified = mode
        if mode == "md5":
            advance()
            if whole.hexdigest() != row.etag:
                raise _Integrity(f"the data's MD5 {whole.hexdigest()} differs from ETag {row.etag}")
        elif mode == "parts" and multipart_etag(md5s[i] for i, _, _ in ranges) != row.etag:
            self._verify_alternatives(row, alternatives)
        os.replace(row.temp_path, target)
        self.journal.delete_download(row.id)
        return {
            "key": key,
            "path": target,
            "size": row.size,
            "etag": row.etag,
            "verified": verified,
            "resumed": resumed,
        }

    @staticmethod
    def _verify_alternatives(row: DownloadRow, alternatives: list[int]) -> None:
        """The first guess of the uploader's part size failed: try the others in one pass."""
        for part in alternatives:
            md5s = []
            for off in range(0, row.size, part):
                h = hashlib.md5(usedforsecurity=False)
                _hash_file_range(row.temp_path, off, min(part, row.size - off), [h])
                md5s.append(h.hexdigest())
            if multipart_etag(md5s) == row.etag:
                return
        raise _Integrity(f"the data does not match the ETag {row.etag}")

    def _get_range(
        self,
        key: str,
        etag: str,
        temp: str,
        start: int,
        end: int,
        prog: Progress,
        stop: _Stop,
        hashed: bool,
    ) -> str:
        """Fetch ``[start, end)`` into the temp file; a cut or stalled stream resumes at the
        byte it reached, a changed object (If-Match) fails with 412."""
        h = hashlib.md5(usedforsecurity=False)
        pos = start
        attempt = 0
        with open(temp, "r+b", buffering=0) as f:
            while pos < end:
                stop.check()
                try:
                    resp = self.client.get_object(
                        Bucket=self.bucket, Key=key, Range=f"bytes={pos}-{end - 1}", IfMatch=etag
                    )
                    body = resp["Body"]
                    try:
                        f.seek(pos)
                        while pos < end:
                            stop.check()
                            data = body.read(min(IO_CHUNK, end - pos))
                            if not data:
                                raise bex.IncompleteReadError(
                                    actual_bytes=pos - start, expected_bytes=end - start
                                )
                            f.write(data)
                            if hashed:
                                h.update(data)
                            pos += len(data)
                            prog.add(len(data))
                    finally:
                        body.close()
                except _NETWORK_ERRORS:
                    attempt += 1
                    if attempt >= READ_RETRIES:
                        raise
                    stop.sleep(0.2 * 2**attempt)
        return h.hexdigest() if hashed else ""

    # -- folders -----------------------------------------------------------------------------

    def upload_folder(
        self,
        localDir: str | os.PathLike[str],
        prefix: str,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        *,
        followSymlinks: bool = False,
        raiseOnError: bool = True,
    ) -> dict[str, Any]:
        """Upload every regular file under ``localDir`` to ``prefix/<relative path>``.

        Small files go in parallel through the pool, big ones one at a time with their parts in
        parallel. A failed file does not stop the others; the failures are listed (and raised at
        the end unless ``raiseOnError`` is False). Empty folders are not recreated.
        """
        op = "uploadFolder"
        root = os.path.abspath(os.fspath(localDir))
        if not os.path.isdir(root):
            raise self.where.error("local_io", op, prefix, f"{root} is not a folder")
        base = prefix if not prefix or prefix.endswith("/") else prefix + "/"
        files: list[tuple[str, str, int]] = []
        for dirpath, dirnames, filenames in os.walk(root, followlinks=followSymlinks):
            dirnames.sort()
            for fname in sorted(filenames):
                full = os.path.join(dirpath, fname)
                if os.path.islink(full) and not followSymlinks:
                    continue
                try:
                    st = os.stat(full)
                except OSError:
                    continue
                if not os.path.isfile(full):
                    continue
                rel = os.path.relpath(full, root).replace(os.sep, "/")
                key = self.where.check_key(base + rel, op)
                files.append((key, full, st.st_size))
        stop = _Stop(cancel)
        prog = Progress(progress, sum(f[2] for f in files))
        return self._folder(
            op,
            base,
            files,
            prog,
            stop,
            raiseOnError,
            lambda key, path, p, token: self.upload_file(
                key, path, cancel=token, _progress=p, op=op
            ),
        )

    def _folder(
        self,
        op: str,
        base: str,
        items: list[tuple[str, str, int]],
        prog: Progress,
        stop: _Stop,
        raise_on_error: bool,
        one: Callable[[str, str, Progress, CancelToken], dict[str, Any]],
    ) -> dict[str, Any]:
        done: list[str] = []
        failed: list[dict[str, str]] = []
        lock = threading.Lock()

        def record(key: str, path: str, exc: StorageError) -> None:
            with lock:
                failed.append({"key": key, "path": path, "code": exc.code, "error": str(exc)})

        def small(key: str, path: str) -> Callable[[], None]:
            def run() -> None:
                try:
                    one(key, path, prog, stop.user)
                except StorageError as exc:
                    if exc.code == "cancelled":
                        raise
                    record(key, path, exc)
                else:
                    with lock:
                        done.append(key)

            return run

        small_items = [i for i in items if i[2] <= MULTIPART_THRESHOLD]
        big_items = [i for i in items if i[2] > MULTIPART_THRESHOLD]
        try:
            self._run_all((small(k, p) for k, p, _ in small_items), stop)
            for key, path, _ in big_items:
                stop.check()
                try:
                    one(key, path, prog, stop.user)
                    done.append(key)
                except StorageError as exc:
                    if exc.code == "cancelled":
                        raise
                    record(key, path, exc)
        except TransferCancelled:
            raise self.where.error("cancelled", op, base or None, stop.reason) from None
        except StorageError:
            raise
        prog.finish()
        result = {
            "prefix": base,
            "files": len(items),
            "bytes": prog.total,
            "done": done,
            "failed": failed,
        }
        if failed and raise_on_error:
            first = failed[0]
            err = self.where.error(
                first["code"],
                op,
                base or None,
                f"{len(failed)} of {len(items)} files failed; first: {first['error']}",
            )
            err.result = result  # type: ignore[attr-defined]
            raise err
        return result

    def download_folder(
        self,
        prefix: str,
        localDir: str | os.PathLike[str],
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        *,
        skipUnsafe: bool = False,
        raiseOnError: bool = True,
    ) -> dict[str, Any]:
        """Download every object under ``prefix`` into ``localDir``, keeping the key layout.

        Keys that would land outside ``localDir`` (``..``, absolute, drive letters, symbolic
        links) or on the same local file as another key are refused before anything is
        written, naming each (``plan_local_paths``); with ``skipUnsafe`` they are skipped and
        listed.
        """
        op = "downloadFolder"
        root = os.path.abspath(os.fspath(localDir))
        base = prefix if not prefix or prefix.endswith("/") else prefix + "/"
        stop = _Stop(cancel)
        with self.where.guard(op, base or None):
            listing = list(iter_objects(self.client, self.bucket, base))
        plan = plan_local_paths(root, ((o["key"], o["key"][len(base) :]) for o in listing))
        unsafe = [{"key": k, "reason": r} for k, r in plan.refused.items()]
        sizes = {o["key"]: int(o["size"]) for o in listing}
        items = [(key, local, sizes[key]) for key, local in plan.files]
        folders = [local for _, local in plan.folders]
        if unsafe and not skipUnsafe:
            shown = "; ".join(f"{u['key']!r} {u['reason']}" for u in unsafe[:10])
            more = f" and {len(unsafe) - 10} more" if len(unsafe) > 10 else ""
            raise self.where.error(
                "invalid_argument",
                op,
                base or None,
                f"refusing {len(unsafe)} key(s) that cannot be written safely into {root}: "
                f"{shown}{more}; nothing was downloaded",
            )
        try:
            os.makedirs(root, exist_ok=True)
            for folder in folders:
                os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise self._convert(exc, op, base or None, stop) from exc
        etags = {o["key"]: o.get("etag", "") for o in listing}
        prog = Progress(progress, sum(size for _, _, size in items))
        result = self._folder(
            op,
            base,
            items,
            prog,
            stop,
            raiseOnError,
            lambda key, path, p, token: self.download_file(
                key,
                path,
                cancel=token,
                _progress=p,
                op=op,
                _listed={"size": sizes[key], "etag": etags.get(key, "")},
            ),
        )
        result["skipped"] = unsafe
        return result

    # -- unfinished uploads --------------------------------------------------------------------

    def _iter_uploads(self, prefix: str) -> Iterator[dict[str, Any]]:
        params: dict[str, Any] = {"Bucket": self.bucket}
        if prefix:
            params["Prefix"] = prefix
        while True:
            resp = self.client.list_multipart_uploads(**params)
            yield from resp.get("Uploads", [])
            if not resp.get("IsTruncated"):
                return
            params["KeyMarker"] = resp.get("NextKeyMarker", "")
            params["UploadIdMarker"] = resp.get("NextUploadIdMarker", "")

    def list_uploads(self, prefix: str = "") -> list[dict[str, Any]]:
        """Unfinished multipart uploads on the server (anyone's), with our journal's view."""
        op = "listUploads"
        ours = {r.upload_id: r for r in self.journal.uploads(self.endpoint, self.bucket)}
        with self.where.guard(op, prefix or None):
            uploads = list(self._iter_uploads(prefix))
        out = []
        for u in uploads:
            row = ours.get(u["UploadId"])
            out.append(
                {
                    "key": u["Key"],
                    "uploadId": u["UploadId"],
                    "initiated": u.get("Initiated"),
                    "ours": row is not None,
                    "path": row.path if row else None,
                    "size": row.size if row else None,
                    "partsDone": len(row.parts) if row else None,
                }
            )
        return out

    def abort_upload(self, key: str, uploadId: str) -> dict[str, Any]:
        """Abort one unfinished upload and forget it in the journal."""
        op = "abortUpload"
        key = self.where.check_key(key, op)
        if not isinstance(uploadId, str) or not uploadId:
            raise self.where.error("invalid_argument", op, key, "uploadId is empty")
        with self.where.guard(op, key):
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=uploadId)
        self.journal.delete_upload_by_id(self.endpoint, self.bucket, uploadId)
        return {"key": key, "uploadId": uploadId, "aborted": True}
