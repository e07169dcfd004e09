"""The small files of a folder download, fetched over the CRT wire (``r2desk.s3.crt``).

Through the pool each small file costs a worker thread's whole ``download_file`` and ~3.8 ms
of client CPU, most of it Python's HTTP stack and the GIL hand-offs between ten threads: a
folder of 2000 small files took twice s5cmd's time. Here the listing's thread only reserves
each file's temp file and starts its GET; awscrt's threads write and hash the bytes as they
arrive; two finisher threads verify (size and MD5 ETag), sync and rename, as the pool would.

Never the authority on a failure: a file this path does not finish cleanly (an HTTP error, a
network error, a stall, a size or checksum mismatch, a local error) is removed and handed to
the pool's own task for it (``download_file``), which starts it over and reports what goes
wrong in the element's usual words. After a few such hand-offs the rest of the folder goes
through the pool from the start. A bandwidth limit, a journaled (resumable) download of the
same file and a file another transfer is writing also go through the pool.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from r2desk.errors import StorageError
from r2desk.s3 import crt
from r2desk.transfers import bandwidth
from r2desk.transfers.control import Integrity, Progress, Stop, TransferCancelled
from r2desk.transfers.localpaths import commit_temp, local_identity, reserve_temp, sweep_temps
from r2desk.transfers.parts import clean_etag, verify_whole

if TYPE_CHECKING:
    from typing import BinaryIO

    from r2desk.transfers.context import Context

log = logging.getLogger(__name__)

#: Hand-offs to the pool after which the rest of the folder skips this path.
HANDOFF_LIMIT = 8
#: Finisher threads (verify, fsync, rename); fsync waits on the disk, not the CPU.
FINISHERS = 2
#: How often waits look at the cancel token and for stalled requests, in seconds.
TICK = 0.1


class _Get:
    """One file's GET: what it received so far. Its sink methods run on awscrt's threads."""

    def __init__(
        self,
        owner: QuickGets,
        key: str,
        target: str,
        size: int,
        temp: str,
        f: BinaryIO,
        ident: tuple[str, ...],
        fallback: Callable[[], None],
        placed: Callable[[str], None],
    ) -> None:
        self.owner, self.key, self.target, self.size = owner, key, target, size
        self.temp, self.f, self.ident = temp, f, ident
        self.fallback, self.placed = fallback, placed
        self.h = hashlib.md5(usedforsecurity=False)
        self.got = 0
        self.status = 0
        self.etag = ""
        self.length = -1
        self.bad = ""  # why the bytes cannot be used, once known
        self.error: BaseException | None = None
        self.seen = time.monotonic()
        self.request: crt.Request | None = None

    def headers(self, status: int, headers: list[tuple[str, str]]) -> None:
        self.seen = time.monotonic()
        self.status = status
        for name, value in headers:
            low = name.lower()
            if low == "etag":
                self.etag = clean_etag(value)
            elif low == "content-length" and value.isdigit():
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

    def done(self, error: BaseException | None) -> None:
        self.error = error
        self.owner._answered(self)

    def cancel(self) -> None:
        request = self.request
        if request is not None:
            request.cancel()

    def why(self) -> str:
        """Why the bytes were not used (no server text: it could quote the request)."""
        if self.bad:
            return self.bad
        if self.error is not None:
            return str(getattr(self.error, "name", "") or type(self.error).__name__)
        if self.status != 200:
            return f"HTTP {self.status}"
        return f"{self.got} of {self.size} bytes, or an ETag that does not match"

    def usable(self) -> bool:
        return (
            self.error is None
            and not self.bad
            and self.status == 200
            and self.got == self.size
            and self.length in (-1, self.size)
        )


class QuickGets:
    """Small files of one folder download over one CRT wire, at most ``window`` at once."""

    def __init__(
        self,
        ctx: Context,
        wire: crt.CrtWire,
        stop: Stop,
        prog: Progress,
        forget: Callable[[str], object],
    ) -> None:
        self._ctx, self._wire, self._stop, self._prog = ctx, wire, stop, prog
        self._forget = forget
        self._slots = threading.BoundedSemaphore(2 * ctx.pool.concurrency)
        self._cond = threading.Condition()
        self._live: set[_Get] = set()  # started, not yet answered
        self._pending = 0  # taken, not yet finished (handed-off ones included)
        self._ready: queue.SimpleQueue[_Get | None] = queue.SimpleQueue()
        self._finishers: list[threading.Thread] = []
        self._handoffs = 0
        self._placed = 0
        self._folder = ""
        self._closing = False  # the folder download is ending: nothing more is handed over

    @classmethod
    def start(
        cls, ctx: Context, stop: Stop, prog: Progress, forget: Callable[[str], object]
    ) -> QuickGets | None:
        """A QuickGets for a folder download, or None where this path does not apply."""
        wire = crt.wire_for(ctx.client, ctx.pool.concurrency)
        return None if wire is None else cls(ctx, wire, stop, prog, forget)

    @property
    def off(self) -> bool:
        return self._handoffs >= HANDOFF_LIMIT or bandwidth.LIMITERS[bandwidth.DOWN].rate > 0

    def take(
        self,
        key: str,
        target: str,
        size: int,
        fallback: Callable[[], None],
        done: Callable[[str], None],
    ) -> bool:
        """Start ``key``'s GET into a temp file beside ``target``; False leaves the file to the
        pool (``fallback``, the pool's task for it). ``done(key)`` is called once it is in place."""
        if self.off:
            return False
        ctx = self._ctx
        self._wait(lambda: self._slots.acquire(timeout=TICK))
        ident = ("download", local_identity(target))
        if not ctx.claim(ident):
            self._slots.release()
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
            f = open(temp, "wb")  # noqa: SIM115  # closed by commit_temp or _discard
        except (OSError, LookupError):  # the pool's task resumes it, or reports the disk's error
            ctx.release(ident)
            self._slots.release()
            return False
        get = _Get(self, key, target, size, temp, f, ident, fallback, done)
        with self._cond:
            self._pending += 1
            self._live.add(get)
        if not self._finishers:
            for _ in range(FINISHERS):
                t = threading.Thread(target=self._finish_loop, name="r2desk-finish", daemon=True)
                t.start()
                self._finishers.append(t)
        try:
            get.request = self._wire.get(ctx.bucket, key, get)
        except Exception as exc:  # the pool's task will meet it and say it in its words
            get.done(exc)
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
        for get in live:
            get.bad = get.bad or "stopped"
            get.cancel()
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

    def _answered(self, get: _Get) -> None:
        with self._cond:
            self._live.discard(get)
        self._slots.release()
        self._ready.put(get)

    def _finish_loop(self) -> None:
        while (get := self._ready.get()) is not None:
            try:
                self._finish(get)
            finally:
                with self._cond:
                    self._pending -= 1
                    self._cond.notify_all()

    def _finish(self, get: _Get) -> None:
        placed = False
        try:
            if get.usable():
                verify_whole(get.etag, get.h)
                commit_temp(get.temp, get.target, get.f)
                placed = True
        except (Integrity, OSError):
            pass
        finally:
            if not placed:
                self._discard(get)
            self._ctx.release(get.ident)
        if placed:
            self._prog.add(get.size)
            self._forget(get.key)
            get.placed(get.key)
            with self._cond:
                self._placed += 1
            return
        if self._stop.stopped or self._closing:
            return  # cancelled, paused or failing: a small file has nothing to keep
        with self._cond:
            self._handoffs += 1
        log.debug("%r handed to the pool: %s", get.key, get.why())
        with contextlib.suppress(StorageError):  # only a cancel comes out: drain sees the stop
            get.fallback()

    @staticmethod
    def _discard(get: _Get) -> None:
        with contextlib.suppress(OSError):
            get.f.close()
        with contextlib.suppress(OSError):
            os.unlink(get.temp)

    # -- waiting ----------------------------------------------------------------------------

    def _idle(self, timeout: float) -> bool:
        with self._cond:
            if self._pending:
                self._cond.wait(timeout)
            return self._pending == 0

    def _wait(self, attempt: Callable[[], bool], checked: bool = True) -> None:
        """Retry ``attempt`` every TICK until it succeeds, watching the cancel token (a stop
        cancels what is in flight) and stalls (a GET silent for the read timeout is cancelled,
        so the pool's task retries it with its own timeouts)."""
        while not attempt():
            now = time.monotonic()
            with self._cond:
                live = list(self._live)
            stopped = self._stop.stopped
            for get in live:
                if stopped or now - get.seen > self._wire.read_timeout:
                    get.bad = get.bad or ("stopped" if stopped else "stalled")
                    get.cancel()
            if stopped and checked:
                self._wait(lambda: self._idle(TICK), checked=False)
                raise TransferCancelled()
