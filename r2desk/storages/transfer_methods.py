"""The element's transfer methods, forwarded to its engine (``r2desk.transfers``).

Part of ``Meta``'s contract, written once: a Type provides ``transfers`` (its engine, which is
told a client factory and ``where``, never the element) and these methods call the engine's
rooms with its context.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

from r2desk.transfers import copy, download, folders, stream, unfinished, upload

if TYPE_CHECKING:
    from collections.abc import Callable

    from r2desk.results import (
        AbortResult,
        DownloadResult,
        FolderResult,
        ObjectCopyResult,
        UploadInfo,
        UploadResult,
    )
    from r2desk.storages.config import StorageConfig
    from r2desk.transfers.control import Cancel, ProgressCallback
    from r2desk.transfers.engine import TransferEngine


class TransferMethods(ABC):
    """``uploadFromPath`` and the rest of Meta's transfer contract, over ``transfers``."""

    config: StorageConfig

    @property
    @abstractmethod
    def transfers(self) -> TransferEngine:
        """The element's engine (its bounded pool and journal)."""

    def sameAccount(self, other: TransferMethods) -> bool:
        """Whether ``other`` reaches the same account at the same endpoint with the same access
        key, so the store can copy between the two buckets itself."""
        a, b = self.config, other.config
        return (a.endpoint_url, a.accessKeyId) == (b.endpoint_url, b.accessKeyId)

    def copyTo(
        self,
        name: str,
        target: TransferMethods,
        targetName: str | None = None,
        progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
    ) -> ObjectCopyResult:
        """Copy ``name`` to ``targetName`` (default: the same key) in ``target``'s bucket: a
        server-side copy within one account, else streamed through this machine, verified."""
        return copy.copy_object(
            self.transfers.context,
            name,
            target.transfers.context,
            name if targetName is None else targetName,
            server_side=self.sameAccount(target),
            progress=progress,
            cancel=cancel,
        )

    def uploadFromPath(
        self,
        name: str,
        path: str,
        contentType: str | None = None,
        progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
        metadata: dict[str, str] | None = None,
        *,
        ifMatch: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> UploadResult:
        """Stream a local file to ``name``: verified, parallel parts when big, resumable.

        ``ifMatch`` writes only if the object still has that ETag (``precondition_failed``
        otherwise, nothing written); ``headers`` keeps stored headers such as CacheControl.
        """
        return upload.upload_file(
            self.transfers.context,
            name,
            path,
            contentType,
            progress,
            cancel,
            metadata,
            if_match=ifMatch,
            headers=headers,
        )

    def downloadToPath(
        self,
        name: str,
        path: str,
        progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
    ) -> DownloadResult:
        """Stream ``name`` to a local file via a verified temporary file; resumable."""
        return download.download_file(self.transfers.context, name, path, progress, cancel)

    def downloadToStream(
        self,
        name: str,
        write: Callable[[bytes], object],
        progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
    ) -> DownloadResult:
        """Pass ``name``'s bytes to ``write`` (e.g. ``sys.stdout.buffer.write``) in chunks of at
        most 1 MiB, hashed on the way and verified at the end (``integrity_error`` then: the
        bytes already written must be discarded); a cut stream resumes where it was."""
        return stream.download_to_stream(self.transfers.context, name, write, progress, cancel)

    def uploadFolder(
        self,
        localDir: str,
        prefix: str,
        progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
        *,
        followSymlinks: bool = False,
        raiseOnError: bool = True,
        listDone: bool = True,
    ) -> FolderResult:
        """Upload a folder tree under ``prefix``; failed files are listed (and raised at the
        end unless ``raiseOnError`` is False). ``listDone=False`` leaves ``done`` empty (only
        ``doneCount``), so memory does not grow with the file count."""
        return folders.upload_folder(
            self.transfers.context,
            localDir,
            prefix,
            progress,
            cancel,
            followSymlinks=followSymlinks,
            raiseOnError=raiseOnError,
            listDone=listDone,
        )

    def downloadFolder(
        self,
        prefix: str,
        localDir: str,
        progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
        *,
        skipUnsafe: bool = False,
        raiseOnError: bool = True,
        listDone: bool = True,
    ) -> FolderResult:
        """Download a prefix into a folder; unsafe keys are refused (or, with ``skipUnsafe``,
        skipped and listed). The listing is never held; ``listDone=False`` leaves ``done``
        empty (only ``doneCount``), so memory does not grow with the key count."""
        return folders.download_folder(
            self.transfers.context,
            prefix,
            localDir,
            progress,
            cancel,
            skipUnsafe=skipUnsafe,
            raiseOnError=raiseOnError,
            listDone=listDone,
        )

    def listUploads(self, prefix: str = "") -> list[UploadInfo]:
        """Unfinished multipart uploads (anyone's), marked ``ours`` when the journal has them."""
        return unfinished.list_uploads(self.transfers.context, prefix)

    def abortUpload(self, key: str, uploadId: str) -> AbortResult:
        """Abort an unfinished multipart upload and forget it in the journal."""
        return unfinished.abort_upload(self.transfers.context, key, uploadId)
