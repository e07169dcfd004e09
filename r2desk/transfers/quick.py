"""The small files of a folder transfer, sent over the CRT wire (``r2desk.s3.crt``).

Through the pool each small file costs a worker thread's whole ``download_file`` or
``upload_file`` and ~2-4 ms of client CPU, most of it Python's HTTP stack and the GIL
hand-offs between ten threads: a folder of 2000 small files took twice s5cmd's time. Here the
folder's own thread prepares each file (a download's temp file; an upload's bytes, MD5 and
unchanged check) and starts its request; awscrt's threads carry it (a download's bytes are
written and hashed as they arrive); two finisher threads check the answer and, for a
download, sync and rename, as the pool would.

Never the authority on a failure: a file this path does not finish cleanly (an HTTP error, a
network error, a stall, a size or checksum mismatch, a local error) is handed to the pool's
own task for it, which starts it over and reports what goes wrong in the element's usual
words. After a few such hand-offs the rest of the folder goes through the pool from the start.
A bandwidth limit, a journaled (resumable) download of the same file and a file another
transfer is using also go through the pool; so do uploads with more than ``INLINE_LIMIT``
bytes (they would be held in memory) and what the lean wire cannot send.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import logging
import os
import queue
import stat
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from r2desk.errors import StorageError
from r2desk.s3 import crt
from r2desk.transfers import bandwidth
from r2desk.transfers.contenttypes import guess_type
from r2desk.transfers.control import Integrity, Progress, SourceChanged, Stop, TransferCancelled
from r2desk.transfers.localpaths import commit_temp, local_identity, reserve_temp, sweep_temps
from r2desk.transfers.parts import INLINE_LIMIT, MD5_RE, clean_etag, verify_whole
from r2desk.transfers.upload import check_unchanged

if TYPE_CHECKING:
    from typing import BinaryIO

    from mypy_boto3_s3.type_defs import PutObjectRequestTypeDef

    from r2desk.transfers.context import Context

log = logging.getLogger(__name__)

#: Hand-offs to the pool after which the rest of the folder skips this path.
HANDOFF_LIMIT = 8
#: Finisher threads (verify, fsync, rename); fsync waits on the disk, not the CPU.
FINISHERS = 2
#: How often waits look at the cancel token and for stalled requests, in seconds.
TICK = 0.1


class _Job:
    """One file's request and what its answer said so far; the sink methods run on awscrt's
    threads. A kind says how it starts, what its bytes are, and how it is put in place."""

    def __init__(
        self,
        key: str,
        size: int,
        ident: tuple[str, ...],
        fallback: Callable[[], None],
        placed: Callable[[str], None],
    ) -> None:
        self.key, self.size, self.ident = key, size, ident
        self.fallback, self.placed = fallback, placed
        self.owner: Quick | None = None
        self.status = 0
        self.etag = ""
        self.bad = ""  # why the answer cannot be used, once known
        self.error: BaseException | None = None
        self.seen = time.monotonic()
        self.request: crt.Request | None = None

    def start(self, wire: crt.CrtWire, bucket: str) -> crt.Request | None:
        raise NotImplementedError

    def finish(self) -> None:
        """Check the answer and put the file in place; raises (Integrity, OSError, ...) if not."""
        raise NotImplementedError

    def discard(self) -> None:
        """Undo what preparing the file did (a temp file), after a failure."""

    def headers(self, status: int, headers: list[tuple[str, str]]) -> None:
        self.seen = time.monotonic()
        self.status = status
        for name, value in headers:
            self.header(name.lower(), value)

    def header(self, name: str, value: str) -> None:
        if name == "etag":
            self.etag = clean_etag(value)

    def body(self, chunk: bytes, offset: int) -> None:
        self.seen = time.monotonic()

    def done(self, error: BaseException | None) -> None:
        self.error = error
        assert self.owner is not None
        self.owner._answered(self)

    def cancel(self) -> None:
        request = self.request
        if request is not None:
            request.cancel()

    def answered_ok(self) -> bool:
        return self.error is None and not self.bad and self.status == 200

    def why(self) -> str:
        """Why the answer was not used (no server text: it could quote the request)."""
        if self.bad:
            return self.bad
        if self.error is not None:
            return str(getattr(self.error, "name", "") or type(self.error).__name__)
        if self.status != 200:
            return f"HTTP {self.status}"
        return "a size or ETag that does not match"


class _Get(_Job):
    """A download into a temp file beside ``target``, hashed as it lands."""

    def __init__(self, target: str, temp: str, f: BinaryIO, *args: Any) -> None:
        super().__init__(*args)
        self.target, self.temp, self.f = target, temp, f
        self.h = hashlib.md5(usedforsecurity=False)
        self.got = 0
        self.length = -1

    def start(self, wire: crt.CrtWire, bucket: str) -> crt.Request | None:
        return wire.get(bucket, self.key, self)

    def header(self, name: str, value: str) -> None:
        super().header(name, value)
        if name == "content-length" and value.isdigit():
            self.length = int(value)

    def body(self, chunk: bytes, offset: int) -> None:
        self.seen = time.monotonic()
        if self.bad:
            return
        if self.status != 200:
            self.bad = f"HTTP {self.status}"
            return
        if offset != self.got:
            if offset != 0:
                self.bad = f"a piece at {offset} after {self.got} bytes"
                return
            self.f.seek(0)  # the runtime retried the request: start the file over
            self.f.truncate()
            self.h = hashlib.md5(usedforsecurity=False)
            self.got = 0
        if self.got + len(chunk) > self.size:
            self.bad = "more bytes than the listing gave"
            self.cancel()
            return
        try:
            self.f.write(chunk)
        except OSError as exc:
            self.bad = str(exc)
            self.cancel()
            return
        self.h.update(chunk)
        self.got += len(chunk)

    def finish(self) -> None:
        if not (self.answered_ok() and self.got == self.size and self.length in (-1, self.size)):
            raise Integrity(self.why())
        verify_whole(self.etag, self.h)
        commit_temp(self.temp, self.target, self.f)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.f.close()
        with contextlib.suppress(OSError):
            os.unlink(self.temp)


class _Put(_Job):
    """An upload of bytes already read and hashed, the source checked unchanged since its stat."""

    def __init__(self, params: PutObjectRequestTypeDef, md5: str, *args: Any) -> None:
        super().__init__(*args)
        self.params, self.md5 = params, md5

    def start(self, wire: crt.CrtWire, bucket: str) -> crt.Request | None:
        return wire.put(self.params, self)

    def finish(self) -> None:
        if not self.answered_ok():
            raise Integrity(self.why())
        if MD5_RE.match(self.etag) and self.etag != self.md5:
            raise Integrity(f"the server's ETag {self.etag} differs from the file's MD5")


class Quick:
    """Small files of one folder transfer over one CRT wire, at most 2 x ``-j`` at once."""

    def __init__(
        self,
        ctx: Context,
        wire: crt.CrtWire,
        stop: Stop,
        prog: Progress,
        forget: Callable[[str], object],
        upload: bool,
    ) -> None:
        self._ctx, self._wire, self._stop, self._prog = ctx, wire, stop, prog
        self._forget = forget
        #: (key, local path, size, the pool's task for it, called with the key once done):
        #: False leaves the file to the pool's task.
        self.take = self._put if upload else self._get
        self._slots = threading.BoundedSemaphore(2 * ctx.pool.concurrency)
        self._cond = threading.Condition()
        self._live: set[_Job] = set()  # started, not yet answered
        self._pending = 0  # taken, not yet finished (handed-off ones included)
        self._ready: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._finishers: list[threading.Thread] = []
        self._handoffs = 0
        self._placed = 0
        self._folder = ""
        self._closing = False  # the folder transfer is ending: nothing more is handed over

    @classmethod
    def start(
        cls,
        ctx: Context,
        stop: Stop,
        prog: Progress,
        *,
        upload: bool = False,
        forget: Callable[[str], object] = id,
    ) -> Quick | None:
        """A Quick for a folder download (``upload``: an upload), or None where this path
        does not apply; ``forget(key)`` once a file is in place."""
        wire = crt.wire_for(ctx.client, ctx.pool.concurrency)
        return None if wire is None else cls(ctx, wire, stop, prog, forget, upload)

    def _off(self, direction: str) -> bool:
        return self._handoffs >= HANDOFF_LIMIT or bandwidth.LIMITERS[direction].rate > 0

    def _get(
        self,
        key: str,
        target: str,
        size: int,
        fallback: Callable[[], None],
        done: Callable[[str], None],
    ) -> bool:
        """Start ``key``'s GET into a temp file beside ``target``; False leaves the file to the
        pool (``fallback``, the pool's task for it). ``done(key)`` is called once it is in place."""
        if self._off(bandwidth.DOWN):
            return False
        ctx = self._ctx
        ident = ("download", local_identity(target))
        if not self._claim(ident):
            return False  # another transfer writes that file: the pool's task says so
        try:
            folder = os.path.dirname(target)
            if folder != self._folder:
                os.makedirs(folder, exist_ok=True)
                self._folder = folder
            if ctx.first_visit(folder):
                sweep_temps(folder, ctx.journal.download_temps)
            if ctx.journal.find_download(ctx.endpoint, ctx.bucket, key, target) is not None:
                raise LookupError("a journaled download to resume")
            temp = reserve_temp(folder)
            f = open(temp, "wb")  # noqa: SIM115  # closed by commit_temp or discard
        except (OSError, LookupError):  # the pool's task resumes it, or reports the disk's error
            self._unclaim(ident)
            return False
        return self._start(_Get(target, temp, f, key, size, ident, fallback, done))

    def _put(
        self,
        key: str,
        path: str,
        size: int,
        fallback: Callable[[], None],
        done: Callable[[str], None],
    ) -> bool:
        """Start the PUT of the file at ``path`` to ``key``, as ``upload_file`` would send it;
        False leaves the file to the pool (``fallback``). ``done(key)`` once it is stored."""
        if size > INLINE_LIMIT or self._off(bandwidth.UP):
            return False
        ctx = self._ctx
        ident = ("upload", key, path)
        if not self._claim(ident):
            return False
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):  # a FIFO would block this thread for good
                raise SourceChanged("no longer a regular file")
            with open(path, "rb") as f:
                data = f.read(size + 1)
            if len(data) != st.st_size or len(data) != size:
                raise SourceChanged("changed size")
            digest = hashlib.md5(data, usedforsecurity=False)
            check_unchanged(path, st)
        except (OSError, SourceChanged):  # the pool's task says what is wrong with the file
            self._unclaim(ident)
            return False
        params: PutObjectRequestTypeDef = {
            "Bucket": ctx.bucket,
            "Key": key,
            "Body": data,
            "ContentLength": size,
            "ContentType": guess_type(key, path),
            "ContentMD5": base64.b64encode(digest.digest()).decode("ascii"),
            "Metadata": {},
        }
        return self._start(_Put(params, digest.hexdigest(), key, size, ident, fallback, done))

    def _claim(self, ident: tuple[str, ...]) -> bool:
        """A slot in the window (waited for) and the file, unless another transfer has it."""
        self._wait(lambda: self._slots.acquire(timeout=TICK))
        if self._ctx.claim(ident):
            return True
        self._slots.release()
        return False

    def _unclaim(self, ident: tuple[str, ...]) -> None:
        self._ctx.release(ident)
        self._slots.release()

    def _start(self, job: _Job) -> bool:
        job.owner = self
        with self._cond:
            self._pending += 1
            self._live.add(job)
        if not self._finishers:
            for _ in range(FINISHERS):
                t = threading.Thread(target=self._finish_loop, name="r2desk-finish", daemon=True)
                t.start()
                self._finishers.append(t)
        try:
            request = job.start(self._wire, self._ctx.bucket)
        except Exception as exc:  # the pool's task will meet it and say it in its words
            job.done(exc)
            return True
        if request is None:  # only botocore can send it
            job.bad = "not for this wire"
            job.done(None)
        job.request = request
        return True

    def drain(self) -> None:
        """Wait until every file taken is in place or handed off; raises TransferCancelled
        when the transfer was stopped (what was in flight is removed first)."""
        self._wait(lambda: self._idle(TICK))
        self._stop.check()

    def close(self) -> None:
        """Stop what is in flight, wait for it to settle (its temp files removed), end the
        finishers. Safe to call more than once, and after ``drain``."""
        self._closing = True
        with self._cond:
            live = list(self._live)
        for job in live:
            job.bad = job.bad or "stopped"
            job.cancel()
        with contextlib.suppress(TransferCancelled):
            self._wait(lambda: self._idle(TICK), checked=False)
        for _ in self._finishers:
            self._ready.put(None)
        for t in self._finishers:
            t.join()
        if self._finishers:
            log.debug(
                "%d small file(s) over the CRT wire, %d handed to the pool",
                self._placed,
                self._handoffs,
            )
        self._finishers.clear()

    # -- the callbacks' side ---------------------------------------------------------------

    def _answered(self, job: _Job) -> None:
        with self._cond:
            self._live.discard(job)
        self._slots.release()
        self._ready.put(job)

    def _finish_loop(self) -> None:
        while (get := self._ready.get()) is not None:
            try:
                self._finish(get)
            finally:
                with self._cond:
                    self._pending -= 1
                    self._cond.notify_all()

    def _finish(self, job: _Job) -> None:
        placed = False
        try:
            job.finish()
            placed = True
        except (Integrity, OSError) as exc:
            job.bad = job.bad or str(exc)
        finally:
            if not placed:
                job.discard()
            self._ctx.release(job.ident)
        if placed:
            self._prog.add(job.size)
            self._forget(job.key)
            job.placed(job.key)
            with self._cond:
                self._placed += 1
            return
        if self._stop.stopped or self._closing:
            return  # cancelled, paused or failing: a small file has nothing to keep
        with self._cond:
            self._handoffs += 1
        log.debug("%r handed to the pool: %s", job.key, job.why())
        with contextlib.suppress(StorageError):  # only a cancel comes out: drain sees the stop
            job.fallback()

    # -- waiting ----------------------------------------------------------------------------

    def _idle(self, timeout: float) -> bool:
        with self._cond:
            if self._pending:
                self._cond.wait(timeout)
            return self._pending == 0

    def _wait(self, attempt: Callable[[], bool], checked: bool = True) -> None:
        """Retry ``attempt`` every TICK until it succeeds, watching the cancel token (a stop
        cancels what is in flight) and stalls (a request silent for the read timeout is cancelled,
        so the pool's task retries it with its own timeouts)."""
        while not attempt():
            now = time.monotonic()
            with self._cond:
                live = list(self._live)
            stopped = self._stop.stopped
            for job in live:
                if stopped or now - job.seen > self._wire.read_timeout:
                    job.bad = job.bad or ("stopped" if stopped else "stalled")
                    job.cancel()
            if stopped and checked:
                self._wait(lambda: self._idle(TICK), checked=False)
                raise TransferCancelled()
