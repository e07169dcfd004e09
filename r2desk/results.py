"""What the element's methods return, typed: plain dicts at runtime, as the seed page has them.

Callers index them like the page's examples (``result["url"]``); these declarations let mypy
check every such use in the CLI, the GUI and the engine.
"""

from __future__ import annotations

from datetime import datetime
from typing import NotRequired, TypedDict


class UploadResult(TypedDict):
    """``uploadByFile`` / ``uploadFromPath``: where the object is and what was stored."""

    url: str
    key: str
    size: int
    etag: str
    contentType: str
    parts: NotRequired[int]  # 0 for a single PUT
    partSize: NotRequired[int]
    resumed: NotRequired[bool]
    restartReason: NotRequired[str]  # why an interrupted upload could not be continued


class ObjectInfo(TypedDict):
    """``getObject``: one HEAD, no body."""

    key: str
    size: int
    contentType: str
    etag: str
    lastModified: datetime | None
    metadata: dict[str, str]
    storageClass: str
    cacheControl: str
    contentDisposition: str
    contentEncoding: str
    contentLanguage: str


class ListedObject(TypedDict):
    """One object of a listing (listings carry no content type)."""

    key: str
    size: int
    etag: str
    lastModified: datetime | None
    storageClass: str


class ListPage(TypedDict):
    objects: list[ListedObject]
    folders: list[str]
    nextToken: str | None


class DeleteResult(TypedDict):
    key: str
    deleted: bool


class DeleteFailure(TypedDict):
    key: str
    code: str
    message: str


class DeleteManyResult(TypedDict):
    deleted: list[str]
    failed: list[DeleteFailure]


class DeleteFolderResult(TypedDict):
    prefix: str
    deleted: int
    failed: list[DeleteFailure]


class CreateFolderResult(TypedDict):
    key: str


class CopyResult(TypedDict):
    source: str
    target: str
    etag: str
    size: int


class UpdateResult(TypedDict):
    key: str
    etag: str
    contentType: str
    cacheControl: str
    metadata: dict[str, str]


class ConnectionReport(TypedDict):
    """``testConnection``: each check True, False or None (not reached), failures in words."""

    endpoint: bool | None
    credentials: bool | None
    bucket: bool | None
    write: bool | None
    problems: list[str]
    codes: list[str]
    ok: bool


class ProbeReport(ConnectionReport):
    """A connection test of the form: the report plus sentences a user can act on."""

    found_in_jurisdiction: str | None
    explanations: list[str]


class DownloadResult(TypedDict):
    key: str
    path: str
    size: int
    etag: str
    verified: str  # "crc64nvme", "md5", "parts" or "size": how the bytes were checked
    resumed: bool


class FolderFailure(TypedDict):
    key: str
    path: str
    code: str
    error: str


class SkippedKey(TypedDict):
    key: str
    reason: str


class FolderResult(TypedDict):
    """``uploadFolder`` / ``downloadFolder``."""

    prefix: str
    files: int
    bytes: int
    done: list[str]  # empty when asked not to list them (listDone=False)
    doneCount: int
    failed: list[FolderFailure]
    skipped: NotRequired[list[SkippedKey]]  # left out: links not followed, unsafe keys
    folders: NotRequired[list[str]]  # uploadFolder: folder markers made for empty folders


class UploadInfo(TypedDict):
    """One unfinished multipart upload, with our journal's view of it."""

    key: str
    uploadId: str
    initiated: datetime | None
    ours: bool
    path: str | None
    size: int | None
    partsDone: int | None


class AbortResult(TypedDict):
    key: str
    uploadId: str
    aborted: bool


class ObjectCopyResult(CopyResult):
    """``copyTo``: one object copied to another element (or the same), and how it was checked."""

    method: str  # "server" (the store copied it) or "stream" (through this machine)
    verified: str  # "etag", "md5", "parts" or "size": how much the bytes could be checked
    parts: int  # 0 for a single request


class SyncItem(TypedDict):
    """One difference a comparison found (``same`` items are only counted)."""

    action: str  # create, update, delete, extra, conflict, collision, invalid
    id: str  # the key as compared (NFC where the store folds it): what choices are keyed by
    key: str
    direction: str  # "a>b" (first side to second) or "b>a" (two-way, back)
    size: int
    reason: str


class ActionTotal(TypedDict):
    count: int
    bytes: int


#: Per action: how many items and how many bytes.
PlanTotals = dict[str, ActionTotal]


class SyncFailure(TypedDict):
    key: str
    code: str
    error: str


class SyncReport(TypedDict):
    """``compare`` / ``sync``: the plan's totals, and what running it did."""

    source: str
    target: str
    mode: str  # "compare", "one-way" or "two-way"
    dryRun: bool
    totals: PlanTotals
    done: int  # items carried out
    failed: list[SyncFailure]
    deletesRefused: str  # why the planned deletes were not made ("" when they were, or none)
    stateFile: str


class VerifyRecord(TypedDict):
    """One line of a migration report."""

    key: str
    size: int
    checksum: str  # the source's ETag (or MD5 read back)
    status: str  # verified, missing, size_mismatch, checksum_mismatch, failed
    method: str  # how it was checked: etag, read-back, size
    detail: str


class MigrateReport(TypedDict):
    sync: SyncReport
    objects: int
    verified: int
    problems: int
    report: str  # the JSON-lines file
    switched: bool
    backup: str  # the old config's copy, when switched


# -- buckets of a connection, and their settings ----------------------------------------------


class BucketInfo(TypedDict):
    name: str
    created: datetime | None


class BucketPage(TypedDict):
    """One page of ListBuckets; ``nextToken`` None on the last."""

    buckets: list[BucketInfo]
    nextToken: str | None


class ConnectionBuckets(TypedDict):
    """The buckets a connection shows: its own first; ``listed`` False when the token may not
    list buckets (an object-scoped token), then only its own bucket is there."""

    buckets: list[BucketInfo]
    listed: bool
    problem: str  # why the list is short ("" when it is complete)


class BucketCount(TypedDict):
    """What a bucket (or prefix) holds, counted from a listing."""

    objects: int
    bytes: int


class EmptyBucketResult(TypedDict):
    bucket: str
    deleted: int
    failed: list[DeleteFailure]
    abortedUploads: int


class CorsRule(TypedDict):
    """One CORS rule, as the settings dialog and ``r2desk cors`` edit it."""

    allowedOrigins: list[str]
    allowedMethods: list[str]
    allowedHeaders: list[str]
    exposeHeaders: list[str]
    maxAgeSeconds: int | None


class LifecycleRule(TypedDict):
    """One lifecycle rule under a prefix: any of its actions may be None (not set)."""

    id: str
    enabled: bool
    prefix: str
    expireDays: int | None
    expireDate: str | None  # YYYY-MM-DD
    abortMultipartDays: int | None
    transitionDays: int | None  # to STANDARD_IA


class StorageClassResult(TypedDict):
    key: str
    storageClass: str
    previous: str
    etag: str


class UploadParts(TypedDict):
    """What an unfinished multipart upload holds on the server (ListParts)."""

    key: str
    uploadId: str
    parts: int
    bytes: int


class UnfinishedUpload(TypedDict):
    """A row of the unfinished-uploads view: the server's upload with what we know of it."""

    key: str
    uploadId: str
    initiated: datetime | None
    ageDays: float | None
    parts: int | None  # None when ListParts failed
    bytes: int | None
    resumable: bool  # the journal knows the local file and it is still there, same size
    path: str | None  # the local file the journal has for it
    size: int | None  # that file's size
    expiresInDays: float | None  # under the bucket's abort rule; None: never aborted


class MoveFailure(TypedDict):
    key: str
    message: str


class FolderMoveResult(TypedDict):
    """A folder move (``r2desk/moves.py``): counts only, so memory does not grow with it."""

    source: str  # the source prefix
    target: str  # the target prefix
    moved: int  # objects now at the target whose source is deleted
    resumed: int  # of them, copies an earlier run made and verified (not copied again)
    skipped: int  # left where they were (a conflict answered Skip, or --no-clobber)
    failed: list[MoveFailure]  # the first MAX_FAILED of them; the source stays
    failedCount: int
    deleteRequests: int  # DeleteObjects requests: up to 1,000 sources each
    complete: bool  # nothing left to do: the journal row is gone
