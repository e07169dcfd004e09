"""``storages.CloudflareR2Type``: the storage Type for Cloudflare R2 and other S3-compatible stores.

One boto3 client per element, built lazily (so a GUI can create elements without touching the
network or the keyring) and shared by worker threads, configured for R2's rules by
``r2desk.s3.client``. Transfers are forwarded to the element's ``TransferEngine``, which knows
the client factory and ``where`` of the element, never the element itself.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import botocore.exceptions as bex

from r2desk.errors import StorageError
from r2desk.results import (
    ConnectionReport,
    CopyResult,
    CreateFolderResult,
    DeleteFailure,
    DeleteFolderResult,
    DeleteManyResult,
    DeleteResult,
    ListedObject,
    ListPage,
    ObjectInfo,
    UpdateResult,
    UploadResult,
)
from r2desk.s3 import lean
from r2desk.s3.classify import classify
from r2desk.s3.client import LOOKUP_READ_TIMEOUT, build_client, client_config
from r2desk.s3.listing import PageGuard, list_page
from r2desk.storages.checks import run_checks
from r2desk.storages.meta import Meta
from r2desk.transfers.engine import TransferEngine
from r2desk.transfers.parts import clean_etag
from r2desk.transfers.upload import upload_buffer

if TYPE_CHECKING:
    from botocore.config import Config
    from mypy_boto3_s3 import S3Client

SINGLE_PUT_LIMIT = 5 * 1024**3 - 5 * 1024**2
DELETE_BATCH = 1000
PRESIGN_METHODS = {
    "GET": "get_object",
    "PUT": "put_object",
    "HEAD": "head_object",
    "DELETE": "delete_object",
}


class CloudflareR2Type(Meta):
    """Cloudflare R2 (or any S3-compatible store) through boto3."""

    TYPE_NAME = "storages.CloudflareR2Type"

    #: Folder of the transfer journal; None: R2DESK_STATE_DIR, else the platform state folder.
    state_dir: str | None = None
    #: Read timeout of listings and HEADs (data transfers keep the config's 60 s).
    lookup_read_timeout: float = LOOKUP_READ_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._client_lock = threading.Lock()
        self._client: S3Client | None = None
        self._transfers: TransferEngine | None = None

    # -- client ---------------------------------------------------------------------------------

    def client_config(self) -> Config:
        """The botocore settings R2 needs (``r2desk.s3.client``); a subclass may extend them."""
        c = self.config
        return client_config(c.endpoint_url, c.signing_region, self.max_concurrency + 4)

    @property
    def client(self) -> S3Client:
        """The element's boto3 client; the first use resolves the secret (may touch the keyring)."""
        if self._client is None:
            with self._client_lock:
                if self._client is None:
                    secret = self.resolve_secret()
                    c = self.config
                    with self.guard("connect", None):
                        self._client = build_client(
                            c.endpoint_url,
                            c.accessKeyId,
                            secret,
                            self.client_config(),
                            c.caBundle,
                            lookup_timeout=self.lookup_read_timeout,
                        )
        return self._client

    @property
    def bucket(self) -> str:
        return self.config.bucketName

    def make_sibling(self, bucket: str) -> Meta:
        """The sibling keeps this element's journal folder too."""
        sibling = super().make_sibling(bucket)
        if isinstance(sibling, CloudflareR2Type):
            sibling.state_dir = self.state_dir
        return sibling

    @contextlib.contextmanager
    def guard(self, operation: str, key: str | None) -> Iterator[None]:
        """Turn any failure inside the block into this element's StorageError."""
        with self.where.guard(operation, key):
            yield

    # -- the platform page's methods --------------------------------------------------------

    def uploadByFile(
        self, name: str, data: bytes, contentType: str = "application/octet-stream"
    ) -> UploadResult:
        """Store ``data`` under ``name`` in one verified PUT; the server checks Content-MD5."""
        op = "uploadByFile"
        key = self.check_key(name, op)
        if isinstance(data, str) or not isinstance(data, bytes | bytearray | memoryview):
            raise self.where.error("invalid_argument", op, key, "data must be bytes")
        if memoryview(data).nbytes > SINGLE_PUT_LIMIT:
            # Over the single-PUT limit: equal parts through the engine, without a copy.
            return upload_buffer(self.transfers.context, key, data, contentType)
        body = bytes(data)
        digest = hashlib.md5(body, usedforsecurity=False)
        with self.guard(op, key):
            resp = lean.put_object(
                self.client,
                {
                    "Bucket": self.bucket,
                    "Key": key,
                    "Body": body,
                    "ContentType": contentType or "application/octet-stream",
                    "ContentMD5": base64.b64encode(digest.digest()).decode("ascii"),
                },
            )
        etag = clean_etag(resp.get("ETag"))
        if etag and "-" not in etag and etag != digest.hexdigest():
            raise self.where.error(
                "integrity_error", op, key, f"server ETag {etag} differs from the data's MD5"
            )
        return {
            "url": self.where.object_url(key),
            "key": key,
            "size": len(body),
            "etag": etag,
            "contentType": contentType or "application/octet-stream",
        }

    def getSignUrl(
        self, file: str, contentType: str | None, expires: int = 300, method: str = "GET"
    ) -> str:
        """A SigV4 presigned URL; no request is made, but the secret must be resolvable."""
        op = "getSignUrl"
        key = self.check_key(file, op)
        expires = self.check_expires(expires, op, key)
        verb = str(method).upper()
        if verb not in PRESIGN_METHODS:
            raise self.where.error(
                "invalid_argument", op, key, f"method must be one of {sorted(PRESIGN_METHODS)}"
            )
        if contentType is not None and not isinstance(contentType, str):
            raise self.where.error("invalid_argument", op, key, "contentType must be a string")
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        if contentType and verb == "GET":
            params["ResponseContentType"] = contentType
        elif contentType and verb == "PUT":
            params["ContentType"] = contentType
        client = self.client
        with self.guard(op, key):
            return str(
                client.generate_presigned_url(
                    PRESIGN_METHODS[verb], Params=params, ExpiresIn=expires, HttpMethod=verb
                )
            )

    def download(self, name: str) -> bytes:
        """The whole object, checked against its size and (single-part) ETag."""
        op = "download"
        key = self.check_key(name, op)
        with self.guard(op, key):
            resp = lean.get_object(self.client, {"Bucket": self.bucket, "Key": key})
            body = resp["Body"]
            try:
                data: bytes = body.read()
            finally:
                body.close()
        expected = resp.get("ContentLength")
        if expected is not None and len(data) != int(expected):
            raise self.where.error(
                "integrity_error", op, key, f"received {len(data)} of {expected} bytes"
            )
        etag = clean_etag(resp.get("ETag"))
        if (
            len(etag) == 32
            and "SSECustomerAlgorithm" not in resp
            and hashlib.md5(data, usedforsecurity=False).hexdigest() != etag
        ):
            raise self.where.error("integrity_error", op, key, "the data does not match its ETag")
        return data

    def getObject(self, name: str) -> ObjectInfo:
        """Object information without the body (one HEAD request)."""
        op = "getObject"
        key = self.check_key(name, op)
        try:
            with self.guard(op, key):
                resp = self.client.head_object(Bucket=self.bucket, Key=key)
        except StorageError as exc:
            # A HEAD has no body: a 404 may mean the bucket is missing, so ask once more.
            if exc.code == "not_found":
                self._raise_if_bucket_missing(op, key)
            raise
        return {
            "key": key,
            "size": int(resp.get("ContentLength", 0)),
            "contentType": resp.get("ContentType", ""),
            "etag": clean_etag(resp.get("ETag")),
            "lastModified": resp.get("LastModified"),
            "metadata": dict(resp.get("Metadata", {})),
            "storageClass": resp.get("StorageClass") or "STANDARD",
            "cacheControl": resp.get("CacheControl", ""),
            "contentDisposition": resp.get("ContentDisposition", ""),
            "contentEncoding": resp.get("ContentEncoding", ""),
            "contentLanguage": resp.get("ContentLanguage", ""),
        }

    def _raise_if_bucket_missing(self, op: str, key: str | None) -> None:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except bex.ClientError as exc:
            if classify(exc)[0] in ("not_found", "bucket_not_found"):
                raise self.where.error(
                    "bucket_not_found",
                    op,
                    key,
                    f"bucket {self.bucket!r} at {self.config.endpoint_url}",
                    exc,
                ) from exc
        except bex.BotoCoreError:
            pass

    def delete(self, name: str) -> DeleteResult:
        """Delete one object. As on S3, deleting a key that does not exist succeeds."""
        op = "delete"
        key = self.check_key(name, op)
        with self.guard(op, key):
            self.client.delete_object(Bucket=self.bucket, Key=key)
        return {"key": key, "deleted": True}

    # -- extensions --------------------------------------------------------------------------

    def listObjects(
        self,
        prefix: str = "",
        delimiter: str = "/",
        continuationToken: str | None = None,
        maxKeys: int = 1000,
    ) -> ListPage:
        """One page of a prefix: objects, sub-folders, and the token of the next page."""
        op = "listObjects"
        if not isinstance(prefix, str) or len(prefix.encode("utf-8", "replace")) > 1024:
            raise self.where.error(
                "invalid_argument", op, None, "prefix must be a string of ≤1024 bytes"
            )
        if isinstance(maxKeys, bool) or not isinstance(maxKeys, int) or not 1 <= maxKeys <= 1000:
            raise self.where.error("invalid_argument", op, prefix, "maxKeys must be 1 to 1000")
        with self.guard(op, prefix or None):
            return list_page(
                self.client, self.bucket, prefix, delimiter, continuationToken, maxKeys
            )

    def iterPages(self, prefix: str = "", delimiter: str = "/") -> Iterator[ListPage]:
        """Every page of a prefix, each as it arrives (so nothing holds the whole listing); a
        server that would keep the listing going forever is stopped in words (``PageGuard``)."""
        guard = PageGuard()
        token: str | None = None
        while True:
            page = self.listObjects(prefix, delimiter=delimiter, continuationToken=token)
            with self.guard("listObjects", prefix or None):
                token = guard.next_token(page)  # before the page is used: not a page twice
            yield page
            if token is None:
                return

    def iterObjects(self, prefix: str = "") -> Iterator[ListedObject]:
        """Every object under ``prefix`` (no delimiter), page by page."""
        for page in self.iterPages(prefix, delimiter=""):
            yield from page["objects"]

    def getPublicUrl(self, name: str) -> str:
        """``<publicBaseUrl>/<key>``: a custom domain or r2.dev URL carries no bucket name."""
        op = "getPublicUrl"
        key = self.check_key(name, op)
        if not self.config.publicBaseUrl:
            raise self.where.error(
                "not_configured", op, key, "set publicBaseUrl (custom domain or r2.dev URL)"
            )
        return self.where.object_url(key)

    def exists(self, name: str) -> bool:
        """Whether an object is stored under ``name`` (one HEAD; other failures raise)."""
        try:
            self.getObject(name)
        except StorageError as exc:
            if exc.code == "not_found":
                return False
            raise
        return True

    def _refuse_overwrite(self, op: str, src: str, dst: str) -> None:
        if self.exists(dst):
            raise self.where.error(
                "conflict", op, src, f"{dst!r} already exists; pass overwrite=True to replace it"
            )

    def copy(self, source: str, target: str, overwrite: bool = True) -> CopyResult:
        """Server-side copy with metadata; objects over 5 GiB go through multipart copy.

        ``overwrite=False`` refuses (code ``conflict``) when the target exists, so a file manager
        never replaces an object the user did not mean to.
        """
        op = "copy"
        src = self.check_key(source, op)
        dst = self.check_key(target, op)
        info = self.getObject(src)
        if not overwrite:
            self._refuse_overwrite(op, src, dst)
        with self.guard(op, src):
            if info["size"] <= SINGLE_PUT_LIMIT:
                resp = self.client.copy_object(
                    Bucket=self.bucket,
                    Key=dst,
                    CopySource={"Bucket": self.bucket, "Key": src},
                    MetadataDirective="COPY",
                )
                etag = clean_etag(resp.get("CopyObjectResult", {}).get("ETag"))
            else:
                from boto3.s3.transfer import TransferConfig

                chunk = max(64 * 1024**2, -(-info["size"] // 10_000))
                self.client.copy(
                    {"Bucket": self.bucket, "Key": src},
                    self.bucket,
                    dst,
                    Config=TransferConfig(multipart_chunksize=chunk, multipart_threshold=chunk),
                )
                etag = ""
        return {"source": src, "target": dst, "etag": etag, "size": info["size"]}

    def move(self, source: str, target: str, overwrite: bool = True) -> CopyResult:
        """Copy, then delete the source (S3 has no rename); see ``copy`` for ``overwrite``."""
        op = "move"
        src = self.check_key(source, op)
        dst = self.check_key(target, op)
        if src == dst:
            raise self.where.error(
                "invalid_argument", op, src, "source and target are the same key"
            )
        if not overwrite:
            self._refuse_overwrite(op, src, dst)
        result = self.copy(src, dst)
        try:
            self.delete(src)
        except StorageError as exc:
            raise self.where.error(
                exc.code,
                op,
                src,
                f"copied to {dst!r}, but the source could not be deleted: {exc.detail}",
                exc,
            ) from exc
        return result

    def deleteMany(self, names: Iterable[str]) -> DeleteManyResult:
        """Delete keys in batches of 1000; returns the deleted keys and what failed, and why."""
        op = "deleteMany"
        keys = [self.check_key(name, op) for name in names]
        deleted: list[str] = []
        failed: list[DeleteFailure] = []
        for start in range(0, len(keys), DELETE_BATCH):
            batch = keys[start : start + DELETE_BATCH]
            try:
                with self.guard(op, batch[0]):
                    resp = self.client.delete_objects(
                        Bucket=self.bucket,
                        Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True},
                    )
            except StorageError as exc:
                done = f"{len(deleted)} of {len(keys)} keys were deleted before this"
                raise self.where.error(
                    exc.code, op, batch[0], f"{exc.detail}; {done}", exc
                ) from exc
            errors = {e.get("Key", ""): e for e in resp.get("Errors", [])}
            for k in batch:
                if k in errors:
                    failed.append(
                        {
                            "key": k,
                            "code": str(errors[k].get("Code", "")),
                            "message": str(errors[k].get("Message", "")),
                        }
                    )
                else:
                    deleted.append(k)
        return {"deleted": deleted, "failed": failed}

    def createFolder(self, prefix: str) -> CreateFolderResult:
        """An empty ``prefix/`` marker object, so an empty folder shows up in listings."""
        op = "createFolder"
        key = self.check_key(prefix if str(prefix).endswith("/") else f"{prefix}/", op)
        if key.strip("/") == "":
            raise self.where.error("invalid_argument", op, key, "the folder name is empty")
        with self.guard(op, key):
            self.client.put_object(
                Bucket=self.bucket, Key=key, Body=b"", ContentType="application/x-directory"
            )
        return {"key": key}

    def deleteFolder(self, prefix: str) -> DeleteFolderResult:
        """Delete every object under ``prefix/`` (batched); refuses the bucket root."""
        op = "deleteFolder"
        if not isinstance(prefix, str) or not prefix.strip("/"):
            raise self.where.error(
                "invalid_argument", op, str(prefix), "refusing to delete the root"
            )
        key = self.check_key(prefix if prefix.endswith("/") else f"{prefix}/", op)
        deleted = 0
        failed: list[DeleteFailure] = []
        for page in self.iterPages(key, delimiter=""):  # one page held at a time
            names = [o["key"] for o in page["objects"]]  # with no delimiter: the marker too
            if names:
                result = self.deleteMany(names)
                deleted += len(result["deleted"])
                failed.extend(result["failed"])
        return {"prefix": key, "deleted": deleted, "failed": failed}

    def updateObject(
        self,
        name: str,
        contentType: str | None = None,
        cacheControl: str | None = None,
        metadata: dict[str, str] | None = None,
    ) -> UpdateResult:
        """Change content type, cache control or user metadata in place.

        S3 has no metadata edit: the object is copied onto itself with ``MetadataDirective``
        REPLACE. Arguments left as None keep their current value; the other stored headers
        (disposition, encoding, language) are carried over.
        """
        op = "updateObject"
        key = self.check_key(name, op)
        if metadata is not None and (
            not isinstance(metadata, dict)
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in metadata.items())
        ):
            raise self.where.error(
                "invalid_argument", op, key, "metadata must map strings to strings"
            )
        info = self.getObject(key)
        if info["size"] > SINGLE_PUT_LIMIT:
            raise self.where.error(
                "invalid_argument", op, key, "objects over 5 GiB cannot be updated in place"
            )
        params: dict[str, Any] = {
            "Bucket": self.bucket,
            "Key": key,
            "CopySource": {"Bucket": self.bucket, "Key": key},
            "MetadataDirective": "REPLACE",
            "Metadata": dict(info["metadata"] if metadata is None else metadata),
            "ContentType": (info["contentType"] if contentType is None else contentType)
            or "application/octet-stream",
        }
        cache = info["cacheControl"] if cacheControl is None else cacheControl
        if cache:
            params["CacheControl"] = cache
        for value, header in (
            (info["contentDisposition"], "ContentDisposition"),
            (info["contentEncoding"], "ContentEncoding"),
            (info["contentLanguage"], "ContentLanguage"),
        ):
            if value:
                params[header] = value
        if info["storageClass"] and info["storageClass"] != "STANDARD":
            params["StorageClass"] = info["storageClass"]
        with self.guard(op, key):
            resp = self.client.copy_object(**params)
        return {
            "key": key,
            "etag": clean_etag(resp.get("CopyObjectResult", {}).get("ETag")),
            "contentType": params["ContentType"],
            "cacheControl": cache or "",
            "metadata": params["Metadata"],
        }

    def testConnection(self, write: bool = True) -> ConnectionReport:
        """Check, cheapest first, what works (``r2desk.storages.checks``); never raises."""
        return run_checks(self, write)

    # -- transfers: the engine; Meta's transfer methods (TransferMethods) use its context -----

    @property
    def transfers(self) -> TransferEngine:
        """The element's transfer engine: its bounded pool and its journal, made on first use."""
        if self._transfers is None:
            with self._client_lock:
                if self._transfers is None:
                    self._transfers = TransferEngine(
                        lambda: self.client,
                        self.where,
                        state_dir=self.state_dir,
                        concurrency=self.max_concurrency,
                    )
        return self._transfers
