"""The element's bucket methods: the buckets of its connection, and its own bucket's settings.

Part of ``Meta``'s contract, written once over the element's S3 client and ``where``. The
account-wide calls (``listBucketPage``, ``createBucket``, ``deleteBucket``) take bucket names;
everything else acts on the element's own bucket, so another bucket's settings are those of
``element.forBucket(name)``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from r2desk.errors import StorageError
from r2desk.results import (
    BucketCount,
    BucketInfo,
    BucketPage,
    ConnectionBuckets,
    CorsRule,
    DeleteFailure,
    EmptyBucketResult,
    LifecycleRule,
    StorageClassResult,
    UploadParts,
)
from r2desk.s3.buckets import list_bucket_page
from r2desk.s3.classify import Where, error_code
from r2desk.s3.listing import list_page
from r2desk.storages import bucket_rules as rules_
from r2desk.storages.config import bucket_name_problem

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

#: CopyObject's single-request limit; a bigger object cannot change class in place.
COPY_LIMIT = 5 * 1024**3
#: Codes that mean "this server has no such call" (the dialog says so instead of failing).
UNSUPPORTED = ("not_implemented",)
#: Stored headers a copy-in-place carries over (with the content type and user metadata).
KEPT_HEADERS = (
    "CacheControl",
    "ContentDisposition",
    "ContentEncoding",
    "ContentLanguage",
    "Expires",
)
_NO_CONFIG = {"NoSuchCORSConfiguration", "NoSuchLifecycleConfiguration"}


class BucketMethods(ABC):
    """Bucket listing, creation, emptying and settings, over ``client`` and ``where``."""

    @property
    @abstractmethod
    def client(self) -> S3Client:
        """The element's boto3 client (built on first use)."""

    @property
    @abstractmethod
    def where(self) -> Where:
        """The element as its errors name it."""

    @property
    def _bucket(self) -> str:
        return self.where.bucket

    def _check_bucket(self, name: object, op: str) -> str:
        if not isinstance(name, str):
            raise self.where.error("invalid_argument", op, None, "the bucket name must be a string")
        problem = bucket_name_problem(name, r2=self.where.is_r2)
        if problem:
            raise self.where.error("invalid_argument", op, None, f"bucket name {name!r} {problem}")
        return name

    # -- the connection's buckets -----------------------------------------------------------------

    def listBucketPage(
        self, continuationToken: str | None = None, maxBuckets: int = 1000
    ) -> BucketPage:
        """One page of the buckets the token may list (R2 pages them like object listings)."""
        if isinstance(maxBuckets, bool) or not isinstance(maxBuckets, int):
            raise self.where.error("invalid_argument", "listBuckets", None, "maxBuckets: 1-1000")
        if not 1 <= maxBuckets <= 1000:
            raise self.where.error("invalid_argument", "listBuckets", None, "maxBuckets: 1-1000")
        with self.where.guard("listBuckets", None):
            return list_bucket_page(self.client, continuationToken, maxBuckets)

    def listBuckets(self) -> list[str]:
        """Every bucket name the token may list, page by page (object-scoped tokens may not:
        ``access_denied``)."""
        names: list[str] = []
        token: str | None = None
        while True:
            page = self.listBucketPage(token)
            names += [b["name"] for b in page["buckets"]]
            token = page["nextToken"]
            if not token:
                return names

    def connectionBuckets(self) -> ConnectionBuckets:
        """The buckets to show under this connection: its own bucket first, then the others
        by name. A token that may not list buckets gives just its own bucket, no error."""
        own: BucketInfo = {"name": self._bucket, "created": None}
        others: list[BucketInfo] = []
        token: str | None = None
        try:
            while True:
                page = self.listBucketPage(token)
                for b in page["buckets"]:
                    if b["name"] == own["name"]:
                        own = b
                    else:
                        others.append(b)
                token = page["nextToken"]
                if not token:
                    break
        except StorageError as exc:
            if exc.code not in ("access_denied", *UNSUPPORTED):
                raise
            return {"buckets": [own], "listed": False, "problem": exc.hint}
        others.sort(key=lambda b: b["name"])
        return {"buckets": [own, *others], "listed": True, "problem": ""}

    def createBucket(self, name: str, locationHint: str | None = None) -> BucketInfo:
        """Create a bucket; ``locationHint`` (R2: wnam, enam, weur, eeur, apac, oc; None or
        "none" lets R2 choose) is honoured only at creation. The jurisdiction is the
        connection's endpoint's."""
        op = "createBucket"
        bucket = self._check_bucket(name, op)
        hint = (locationHint or "").strip().lower()
        if hint == "none":
            hint = ""
        if hint and hint not in rules_.R2_LOCATION_HINTS:
            raise self.where.error(
                "invalid_argument",
                op,
                None,
                f"location hint {locationHint!r} is not one of "
                f"{', '.join(rules_.R2_LOCATION_HINTS)} or none",
            )
        params: dict[str, Any] = {"Bucket": bucket}
        region = self.client.meta.region_name or ""
        if hint:
            params["CreateBucketConfiguration"] = {"LocationConstraint": hint}
        elif not self.where.is_r2 and region not in ("", "us-east-1"):
            # S3 servers want the region named unless it is us-east-1 (R2 takes no region).
            params["CreateBucketConfiguration"] = {"LocationConstraint": region}
        with self.where.guard(op, None):
            try:
                self.client.create_bucket(**params)
            except Exception as exc:
                if error_code(exc) in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                    raise self.where.error(
                        "conflict", op, None, f"a bucket named {bucket!r} already exists", exc
                    ) from exc
                raise
        return {"name": bucket, "created": None}

    def deleteBucket(self, name: str) -> dict[str, object]:
        """Delete an empty bucket (a bucket with objects or unfinished uploads is refused:
        empty it first)."""
        op = "deleteBucket"
        bucket = self._check_bucket(name, op)
        with self.where.guard(op, None):
            try:
                self.client.delete_bucket(Bucket=bucket)
            except Exception as exc:
                if error_code(exc) == "BucketNotEmpty":
                    raise self.where.error(
                        "conflict",
                        op,
                        None,
                        f"bucket {bucket!r} is not empty: empty it first (Empty bucket…, or "
                        "r2desk buckets empty)",
                        exc,
                    ) from exc
                raise
        return {"bucket": bucket, "deleted": True}

    # -- the element's own bucket ------------------------------------------------------------------

    def countObjects(self, prefix: str = "") -> BucketCount:
        """How many objects and bytes the bucket (or a prefix) holds, from its listing."""
        count: BucketCount = {"objects": 0, "bytes": 0}
        token: str | None = None
        with self.where.guard("countObjects", prefix or None):
            while True:
                page = list_page(self.client, self._bucket, prefix, "", token, 1000)
                count["objects"] += len(page["objects"])
                count["bytes"] += sum(o["size"] for o in page["objects"])
                token = page["nextToken"]
                if not token:
                    return count

    def emptyBucket(self, progress: Callable[[int], None] | None = None) -> EmptyBucketResult:
        """Delete every object of the bucket, 1000 per request, then abort its unfinished
        multipart uploads; ``progress`` gets the running count of deleted objects."""
        op = "emptyBucket"
        bucket = self._bucket
        deleted, aborted = 0, 0
        failed: list[DeleteFailure] = []
        token: str | None = None
        with self.where.guard(op, None):
            while True:
                page = list_page(self.client, bucket, "", "", token, 1000)
                keys = [o["key"] for o in page["objects"]]
                if keys:
                    resp = self.client.delete_objects(
                        Bucket=bucket,
                        Delete={"Objects": [{"Key": k} for k in keys], "Quiet": True},
                    )
                    errors = resp.get("Errors", [])
                    failed += [
                        {
                            "key": str(e.get("Key", "")),
                            "code": str(e.get("Code", "")),
                            "message": str(e.get("Message", "")),
                        }
                        for e in errors
                    ]
                    deleted += len(keys) - len(errors)
                    if progress is not None:
                        progress(deleted)
                token = page["nextToken"]
                if not token:
                    break
            params: dict[str, Any] = {"Bucket": bucket}
            while True:
                resp_u = self.client.list_multipart_uploads(**params)
                for u in resp_u.get("Uploads", []):
                    self.client.abort_multipart_upload(
                        Bucket=bucket, Key=u["Key"], UploadId=u["UploadId"]
                    )
                    aborted += 1
                if not resp_u.get("IsTruncated"):
                    break
                params["KeyMarker"] = resp_u.get("NextKeyMarker", "")
                params["UploadIdMarker"] = resp_u.get("NextUploadIdMarker", "")
        return {"bucket": bucket, "deleted": deleted, "failed": failed, "abortedUploads": aborted}

    def getBucketCors(self) -> list[CorsRule]:
        """The bucket's CORS rules ([] when it has none)."""
        with self.where.guard("getBucketCors", None):
            try:
                resp = self.client.get_bucket_cors(Bucket=self._bucket)
            except Exception as exc:
                if error_code(exc) in _NO_CONFIG:
                    return []
                raise
        return rules_.cors_from_s3(list(resp.get("CORSRules", [])))

    def putBucketCors(self, rules: list[CorsRule]) -> list[CorsRule]:
        """Replace the bucket's CORS rules (checked first; [] clears them). Sent with a
        Content-MD5 and no checksum headers, which R2 rejects here."""
        op = "putBucketCors"
        problems = rules_.cors_problems(rules)
        if problems:
            raise self.where.error("invalid_argument", op, None, "; ".join(problems))
        if not rules:
            self.deleteBucketCors()
            return []
        with self.where.guard(op, None):
            self.client.put_bucket_cors(
                Bucket=self._bucket,
                CORSConfiguration=rules_.cors_to_s3(rules),  # type: ignore[arg-type]
            )
        return rules

    def deleteBucketCors(self) -> None:
        with self.where.guard("deleteBucketCors", None):
            self.client.delete_bucket_cors(Bucket=self._bucket)

    def getBucketLifecycle(self) -> list[LifecycleRule]:
        """The bucket's lifecycle rules ([] when it has none)."""
        with self.where.guard("getBucketLifecycle", None):
            try:
                resp = self.client.get_bucket_lifecycle_configuration(Bucket=self._bucket)
            except Exception as exc:
                if error_code(exc) in _NO_CONFIG:
                    return []
                raise
        return rules_.lifecycle_from_s3(list(resp.get("Rules", [])))

    def putBucketLifecycle(self, rules: list[LifecycleRule]) -> list[LifecycleRule]:
        """Replace the bucket's lifecycle rules (checked first, at most 1000; [] clears)."""
        op = "putBucketLifecycle"
        problems = rules_.lifecycle_problems(rules)
        if problems:
            raise self.where.error("invalid_argument", op, None, "; ".join(problems))
        if not rules:
            self.deleteBucketLifecycle()
            return []
        with self.where.guard(op, None):
            self.client.put_bucket_lifecycle_configuration(
                Bucket=self._bucket,
                LifecycleConfiguration=rules_.lifecycle_to_s3(rules),  # type: ignore[arg-type]
            )
        return rules

    def deleteBucketLifecycle(self) -> None:
        with self.where.guard("deleteBucketLifecycle", None):
            self.client.delete_bucket_lifecycle(Bucket=self._bucket)

    def setStorageClass(self, name: str, storageClass: str) -> StorageClassResult:
        """Move an object to STANDARD or STANDARD_IA by copying it onto itself: content type,
        metadata and other stored headers are kept (see ``bucket_rules.IA_TERMS``)."""
        op = "setStorageClass"
        key = self.where.check_key(name, op)
        if storageClass not in rules_.STORAGE_CLASSES:
            raise self.where.error(
                "invalid_argument",
                op,
                key,
                f"storage class must be {' or '.join(rules_.STORAGE_CLASSES)}, not "
                f"{storageClass!r}",
            )
        bucket = self._bucket
        with self.where.guard(op, key):
            head = self.client.head_object(Bucket=bucket, Key=key)
            previous = str(head.get("StorageClass") or "STANDARD")
            etag = str(head.get("ETag", "")).strip('"')
            if previous == storageClass:
                return {
                    "key": key,
                    "storageClass": storageClass,
                    "previous": previous,
                    "etag": etag,
                }
            if int(head.get("ContentLength", 0)) > COPY_LIMIT:
                raise self.where.error(
                    "invalid_argument", op, key, "objects over 5 GiB cannot change class in place"
                )
            # REPLACE with the stored headers, not COPY: some servers (SeaweedFS) refuse a
            # copy onto itself whose only change is the class.
            params: dict[str, Any] = {
                "Bucket": bucket,
                "Key": key,
                "CopySource": {"Bucket": bucket, "Key": key},
                "MetadataDirective": "REPLACE",
                "StorageClass": storageClass,
                "CopySourceIfMatch": str(head.get("ETag", "")),
                "Metadata": dict(head.get("Metadata", {})),
                "ContentType": head.get("ContentType") or "application/octet-stream",
            }
            for header in KEPT_HEADERS:
                if head.get(header):
                    params[header] = head[header]  # type: ignore[literal-required]
            resp = self.client.copy_object(**params)
        etag = str(resp.get("CopyObjectResult", {}).get("ETag", "")).strip('"')
        return {"key": key, "storageClass": storageClass, "previous": previous, "etag": etag}

    def listUploadParts(self, key: str, uploadId: str) -> UploadParts:
        """How many parts and bytes an unfinished multipart upload holds (ListParts, paged)."""
        op = "listUploadParts"
        key = self.where.check_key(key, op)
        parts = size = 0
        params: dict[str, Any] = {"Bucket": self._bucket, "Key": key, "UploadId": uploadId}
        with self.where.guard(op, key):
            while True:
                resp = self.client.list_parts(**params)
                for p in resp.get("Parts", []):
                    parts += 1
                    size += int(p.get("Size", 0))
                if not resp.get("IsTruncated"):
                    break
                params["PartNumberMarker"] = resp.get("NextPartNumberMarker", 0)
        return {"key": key, "uploadId": uploadId, "parts": parts, "bytes": size}
