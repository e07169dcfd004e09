"""The transfer engine of one element: streaming, parallel, verified, resumable transfers.

It holds what every transfer needs (a client factory, ``Where`` for the bucket, key rule and
errors, the journal, the bounded pool) and forwards to the rooms that do the work: ``upload``,
``resume``, ``download``, ``folders``, ``unfinished``. It never sees the element that owns
it: the element forwards its transfer methods here.

Memory stays bounded whatever the size (``bodies``); one bounded pool per element runs every
request (``pool``); every byte is checked end to end (``parts``); the journal is written before
the server learns of an upload, so a killed process leaves enough for the next run to continue.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from r2desk.results import AbortResult, DownloadResult, FolderResult, UploadInfo, UploadResult
from r2desk.s3.classify import Where
from r2desk.transfers import download, folders, unfinished, upload
from r2desk.transfers.context import Context
from r2desk.transfers.control import CancelToken, ProgressCallback
from r2desk.transfers.journal import Journal
from r2desk.transfers.pool import Pool

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


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
        self.where = where
        self.pool = Pool(concurrency)
        self.journal = Journal(state_dir)
        self._ctx = Context(client, where, self.journal, self.pool)

    @property
    def endpoint(self) -> str:
        """Journal rows are filed under it (with the bucket)."""
        return self.where.endpoint

    def close(self) -> None:
        self.pool.close()
        self.journal.close()

    def upload_file(
        self,
        name: str,
        path: str | os.PathLike[str],
        contentType: str | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        metadata: dict[str, str] | None = None,
    ) -> UploadResult:
        """Upload one file: a verified PUT when small, a resumable multipart upload when big."""
        return upload.upload_file(self._ctx, name, path, contentType, progress, cancel, metadata)

    def upload_buffer(
        self, name: str, data: bytes | bytearray | memoryview, contentType: str | None
    ) -> UploadResult:
        """Data in memory over the single-PUT limit: equal parts, verified, not journaled."""
        return upload.upload_buffer(self._ctx, name, data, contentType)

    def download_file(
        self,
        name: str,
        path: str | os.PathLike[str],
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> DownloadResult:
        """Download to a temporary file beside ``path``, verify, then rename into place."""
        return download.download_file(self._ctx, name, path, progress, cancel)

    def upload_folder(
        self,
        localDir: str | os.PathLike[str],
        prefix: str,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        *,
        followSymlinks: bool = False,
        raiseOnError: bool = True,
    ) -> FolderResult:
        """Upload a folder tree under ``prefix`` by the one planner's rules (``plans``)."""
        return folders.upload_folder(
            self._ctx,
            localDir,
            prefix,
            progress,
            cancel,
            followSymlinks=followSymlinks,
            raiseOnError=raiseOnError,
        )

    def download_folder(
        self,
        prefix: str,
        localDir: str | os.PathLike[str],
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        *,
        skipUnsafe: bool = False,
        raiseOnError: bool = True,
    ) -> FolderResult:
        """Download a prefix into a folder, refusing (or skipping) keys that are unsafe."""
        return folders.download_folder(
            self._ctx,
            prefix,
            localDir,
            progress,
            cancel,
            skipUnsafe=skipUnsafe,
            raiseOnError=raiseOnError,
        )

    def list_uploads(self, prefix: str = "") -> list[UploadInfo]:
        """Unfinished multipart uploads on the server (anyone's), with our journal's view."""
        return unfinished.list_uploads(self._ctx, prefix)

    def abort_upload(self, key: str, uploadId: str) -> AbortResult:
        """Abort one unfinished upload and forget it in the journal."""
        return unfinished.abort_upload(self._ctx, key, uploadId)
