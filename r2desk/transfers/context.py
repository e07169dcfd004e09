"""What every transfer step needs, in one small object: the client factory, ``Where`` (bucket,
key rule, error factory), the journal and the pool. The steps are plain functions over it."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from r2desk.errors import ErrorCode, StorageError
from r2desk.results import UploadResult
from r2desk.s3.classify import Where
from r2desk.transfers.control import BadCancel, Integrity, SourceChanged, Stop, TransferCancelled
from r2desk.transfers.journal import Journal, JournalBusy, JournalUnreadable
from r2desk.transfers.pool import Pool

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

_E = ErrorCode


class Context:
    """One element's transfer state; shared by every transfer of that element."""

    def __init__(
        self, client: Callable[[], S3Client], where: Where, journal: Journal, pool: Pool
    ) -> None:
        self._client_factory = client
        self.where = where
        self.journal = journal
        self.pool = pool
        self._lock = threading.Lock()
        self._active: set[tuple[str, ...]] = set()  # transfers running in this process
        self._swept: set[str] = set()  # folders already cleared of stale temp files

    @property
    def client(self) -> S3Client:
        return self._client_factory()

    @property
    def bucket(self) -> str:
        return self.where.bucket

    @property
    def endpoint(self) -> str:
        return self.where.endpoint

    def first_visit(self, folder: str) -> bool:
        """True the first time a download lands in ``folder`` (its stale temps are swept)."""
        with self._lock:
            if folder in self._swept:
                return False
            self._swept.add(folder)
            return True

    def stop(self, cancel: object, op: str, key: str | None) -> Stop:
        """The transfer's Stop over the caller's ``cancel=``; a wrong type is refused before
        anything starts."""
        try:
            return Stop(cancel)
        except BadCancel as exc:
            raise self.where.error(_E.INVALID_ARGUMENT, op, key, str(exc)) from None

    def convert(
        self, exc: BaseException, op: str, key: str | None, stop: Stop | None = None
    ) -> StorageError:
        """One place that turns anything a transfer raised into the element's StorageError."""
        if isinstance(exc, StorageError):
            return exc
        if isinstance(exc, TransferCancelled):
            if stop is not None and stop.user.cancelled:
                return self.where.error(_E.CANCELLED, op, key, stop.reason)
            return self.where.error(_E.UNKNOWN, op, key, "stopped after another part failed")
        if isinstance(exc, SourceChanged):
            return self.where.error(_E.LOCAL_IO, op, key, str(exc), exc)
        if isinstance(exc, JournalBusy):
            detail = "another r2desk process started this same transfer just now; let it finish"
            return self.where.error(_E.CONFLICT, op, key, detail, exc)
        if isinstance(exc, JournalUnreadable):
            return self.where.error(_E.LOCAL_IO, op, key, str(exc), exc)
        if isinstance(exc, Integrity):
            return self.where.error(_E.INTEGRITY_ERROR, op, key, str(exc), exc)
        return self.where.convert(exc, op, key)

    @contextlib.contextmanager
    def guard(self, op: str, key: str | None) -> Iterator[None]:
        """Like ``Where.guard``, and the journal's own failures read as the element's too."""
        try:
            yield
        except StorageError:
            raise
        except Exception as exc:
            raise self.convert(exc, op, key) from exc

    @contextlib.contextmanager
    def exclusive(self, op: str, key: str, ident: tuple[str, ...], busy: str) -> Iterator[None]:
        """Refuse to run two transfers with the same ``ident`` at once in this process."""
        if not self.claim(ident):
            raise self.where.error(_E.CONFLICT, op, key, busy)
        try:
            yield
        finally:
            self.release(ident)

    def claim(self, ident: tuple[str, ...]) -> bool:
        """Mark ``ident`` as being transferred; False if it already is (``exclusive``)."""
        with self._lock:
            if ident in self._active:
                return False
            self._active.add(ident)
            return True

    def release(self, ident: tuple[str, ...]) -> None:
        with self._lock:
            self._active.discard(ident)

    def upload_result(
        self,
        key: str,
        size: int,
        etag: str,
        ctype: str,
        *,
        parts: int,
        resumed: bool,
        part_size: int | None = None,
        restart_reason: str | None = None,
    ) -> UploadResult:
        """What an upload returns: where the object is (``where.object_url``) and what it holds."""
        result: UploadResult = {
            "url": self.where.object_url(key),
            "key": key,
            "size": size,
            "etag": etag,
            "contentType": ctype,
            "parts": parts,
            "resumed": resumed,
        }
        if part_size is not None:
            result["partSize"] = part_size
        if restart_reason is not None:
            result["restartReason"] = restart_reason
        return result
