"""``storages.CloudflareR2Type``: the storage Type for Cloudflare R2 and other S3-compatible stores.

One boto3 client per element, built lazily (so a GUI can create elements without touching the
network or the keyring) and shared by worker threads, configured for R2's rules: checksums only
when required, SigV4, path-style addressing, standard retries.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import threading
import uuid
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any
from urllib.parse import quote, unquote_plus

import boto3
import botocore.exceptions as bex
from botocore.config import Config

from r2desk.storages.cancel import CancelToken, ProgressCallback
from r2desk.storages.errors import StorageError
from r2desk.storages.meta import Meta
from r2desk.storages.transfers import TransferEngine

SINGLE_PUT_LIMIT = 5 * 1024**3 - 5 * 1024**2
DELETE_BATCH = 1000
DEFAULT_CONCURRENCY = 10
PRESIGN_METHODS = {
    "GET": "get_object",
    "PUT": "put_object",
    "HEAD": "head_object",
    "DELETE": "delete_object",
}

_AUTH_CODES = {
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "Unauthorized",
    "InvalidToken",
    "ExpiredToken",
    "AuthorizationHeaderMalformed",
    "InvalidSecurity",
}
_CODE_MAP = {
    "NoSuchKey": "not_found",
    "NotFound": "not_found",
    "404": "not_found",
    "NoSuchUpload": "not_found",
    "NoSuchBucket": "bucket_not_found",
    "AccessDenied": "access_denied",
    "403": "access_denied",
    "Forbidden": "access_denied",
    "PreconditionFailed": "precondition_failed",
    "412": "precondition_failed",
    "NotImplemented": "not_implemented",
    "501": "not_implemented",
    "SlowDown": "throttled",
    "TooManyRequests": "throttled",
    "ServiceUnavailable": "throttled",
    "503": "throttled",
    "InternalError": "server_error",
    "BucketAlreadyExists": "conflict",
    "BucketNotEmpty": "conflict",
    "OperationAborted": "conflict",
    "EntityTooLarge": "invalid_argument",
    "EntityTooSmall": "invalid_argument",
    "InvalidArgument": "invalid_argument",
    "InvalidPart": "invalid_argument",
    "InvalidPartOrder": "invalid_argument",
    "KeyTooLongError": "invalid_argument",
    "BadDigest": "integrity_error",
    "InvalidDigest": "integrity_error",
}


def _client_error_code(exc: bex.ClientError) -> tuple[str, str, int]:
    err = exc.response.get("Error", {}) or {}
    status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
    return str(err.get("Code", "") or status), str(err.get("Message", "") or ""), status


def classify(exc: BaseException) -> tuple[str, str]:
    """Map any exception from botocore (or the OS) to our error code and a short detail."""
    if isinstance(exc, StorageError):
        return exc.code, exc.detail
    if isinstance(exc, bex.ClientError):
        code, message, status = _client_error_code(exc)
        detail = f"{code}: {message}" if message else f"HTTP {status} {code}".strip()
        if code in _AUTH_CODES or status == 401:
            return "auth_failed", detail
        if code in _CODE_MAP:
            return _CODE_MAP[code], detail
        if status == 404:
            return "not_found", detail
        if status == 403:
            return "access_denied", detail
        if status == 409:
            return "conflict", detail
        if status == 429:
            return "throttled", detail
        if status >= 500:
            return "server_error", detail
        if status >= 400:
            return "invalid_argument", detail
        return "unknown", detail
    if isinstance(exc, bex.SSLError):
        return "tls_error", str(exc)
    if isinstance(exc, bex.ConnectTimeoutError | bex.ReadTimeoutError):
        return "timeout", str(exc)
    if isinstance(exc, bex.EndpointConnectionError | bex.ConnectionClosedError):
        return "unreachable", str(exc)
    if isinstance(exc, bex.HTTPClientError):
        return "unreachable", str(exc)
    if isinstance(exc, bex.NoCredentialsError | bex.PartialCredentialsError):
        return "missing_secret", str(exc)
    if isinstance(exc, bex.ParamValidationError):
        return "invalid_argument", str(exc)
    if isinstance(exc, bex.ProfileNotFound):
        return "invalid_config", str(exc)
    if isinstance(exc, OSError):
        return "local_io", f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
    return "unknown", f"{type(exc).__name__}: {exc}"


def _etag(value: Any) -> str:
    return str(value or "").strip('"')


#: Set (per thread) while listObjects runs, so only its ListObjectsV2 calls take the lean parse.
_LEAN_LIST = threading.local()


def _timestamp(text: str) -> datetime:
    """ISO 8601 from a listing; C-fast fromisoformat, botocore's parser for anything odd."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        from botocore.utils import parse_timestamp

        return parse_timestamp(text)  # type: ignore[no-any-return]


def parse_list_v2(body: bytes) -> dict[str, Any]:
    """A ListObjectsV2 result as listObjects' page, parsed by ElementTree's C accelerator.

    botocore's generic shape walker costs ~30 µs per key (3.2 s for 50k keys on a small
    machine); this is a few µs. Keys and folder prefixes are url-decoded exactly when the
    response says ``EncodingType=url`` (botocore asks for it on every listing), with the same
    ``unquote_plus`` botocore uses, so hostile keys come out as they were stored.
    """
    root = ElementTree.fromstring(body)
    tag = root.tag
    ns = tag[: tag.index("}") + 1] if tag.startswith("{") else ""
    cut = len(ns)
    encoded = (root.findtext(ns + "EncodingType") or "") == "url"
    objects: list[dict[str, Any]] = []
    folders: list[str] = []
    truncated = False
    token: str | None = None
    for node in root:
        name = node.tag[cut:]
        if name == "Contents":
            f = {child.tag[cut:]: child.text or "" for child in node}
            key = f.get("Key", "")
            objects.append(
                {
                    "key": unquote_plus(key) if encoded else key,
                    "size": int(f.get("Size") or 0),
                    "etag": f.get("ETag", "").strip('"'),
                    "lastModified": _timestamp(f["LastModified"])
                    if f.get("LastModified")
                    else None,
                    "storageClass": f.get("StorageClass") or "STANDARD",
                }
            )
        elif name == "CommonPrefixes":
            prefix = node.findtext(ns + "Prefix") or ""
            folders.append(unquote_plus(prefix) if encoded else prefix)
        elif name == "IsTruncated":
            truncated = (node.text or "").strip().lower() == "true"
        elif name == "NextContinuationToken":
            token = node.text or None
    return {"objects": objects, "folders": folders, "nextToken": token if truncated else None}


def _lean_list_parse(
    response_dict: dict[str, Any], customized_response_dict: dict[str, Any], **_: Any
) -> None:
    """botocore 'before-parse' hook: parse a successful listing ourselves, hand botocore an
    empty body. botocore still builds, signs, sends and retries the request and parses errors;
    a body we cannot parse is left to botocore, which then raises its usual error."""
    if not getattr(_LEAN_LIST, "on", False) or response_dict.get("status_code") != 200:
        return
    body = response_dict.get("body")
    if not isinstance(body, bytes) or not body:
        return
    try:
        page = parse_list_v2(body)
    except (ElementTree.ParseError, ValueError):
        return
    customized_response_dict["R2deskPage"] = page
    response_dict["body"] = b""


class CloudflareR2Type(Meta):
    """Cloudflare R2 (or any S3-compatible store) through boto3."""

    TYPE_NAME = "storages.CloudflareR2Type"

    #: How many requests one element may run at once (pool size follows it).
    max_concurrency = DEFAULT_CONCURRENCY
    #: Folder of the transfer journal; None: R2DESK_STATE_DIR, else the platform state folder.
    state_dir: str | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._client_lock = threading.Lock()
        self._client: Any = None
        self._transfers: TransferEngine | None = None

    # -- client ---------------------------------------------------------------------------------

    def client_config(self) -> Config:
        """The botocore settings R2 needs; a subclass may extend them.

        Over HTTPS the payload is not SHA-256 signed: with checksums "when_required" a part
        carries no Content-MD5, so botocore would otherwise read and hash every part once more
        before sending it (and the server verify that hash), ~40% of an upload's CPU. TLS
        guards the bytes in flight; our MD5/ETag check guards them end to end.
        """
        s3: dict[str, Any] = {"addressing_style": "path"}
        if self.config.endpoint_url.lower().startswith("https://"):
            s3["payload_signing_enabled"] = False
        return Config(
            region_name=self.config.signing_region,
            signature_version="s3v4",
            s3=s3,
            retries={"mode": "standard", "max_attempts": 5},
            connect_timeout=10,
            read_timeout=60,
            max_pool_connections=self.max_concurrency + 4,
            tcp_keepalive=True,
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
            user_agent_extra="r2desk",
        )

    @property
    def client(self) -> Any:
        """The element's boto3 client; the first use resolves the secret (may touch the keyring)."""
        if self._client is None:
            with self._client_lock:
                if self._client is None:
                    self._client = self._build_client()
        return self._client

    def _build_client(self) -> Any:
        secret = self.resolve_secret()
        kwargs: dict[str, Any] = {}
        if self.config.caBundle:
            kwargs["verify"] = self.config.caBundle
        with self.guard("connect", None):
            session = boto3.session.Session()
            client = session.client(
                "s3",
                endpoint_url=self.config.endpoint_url,
                aws_access_key_id=self.config.accessKeyId,
                aws_secret_access_key=secret,
                config=self.client_config(),
                **kwargs,
            )
        client.meta.events.register("before-parse.s3.ListObjectsV2", _lean_list_parse)
        return client

    @property
    def bucket(self) -> str:
        return self.config.bucketName

    @contextlib.contextmanager
    def guard(self, operation: str, key: str | None) -> Iterator[None]:
        """Turn any failure inside the block into this element's StorageError."""
        try:
            yield
        except StorageError:
            raise
        except Exception as exc:
            code, detail = classify(exc)
            if code == "bucket_not_found":
                detail = f"bucket {self.bucket!r} at {self.config.endpoint_url}; {detail}"
                if self.config.is_r2:
                    detail += (
                        "; a bucket in a jurisdiction (EU, FedRAMP) is visible only through "
                        "that jurisdiction's endpoint"
                    )
            elif code in ("unreachable", "timeout", "tls_error"):
                detail = f"{self.config.endpoint_url}: {detail}"
            raise self.error(code, operation, key, detail, exc) from exc

    def _object_url(self, key: str) -> str:
        return f"{self.config.endpoint_url}/{self.bucket}/{quote(key, safe='/~')}"

    # -- the platform page's methods --------------------------------------------------------

    def uploadByFile(
        self, name: str, data: bytes, contentType: str = "application/octet-stream"
    ) -> dict[str, Any]:
        """Store ``data`` under ``name`` in one verified PUT; the server checks Content-MD5."""
        op = "uploadByFile"
        key = self.check_key(name, op)
        if isinstance(data, str) or not isinstance(data, bytes | bytearray | memoryview):
            raise self.error("invalid_argument", op, key, "data must be bytes")
        if memoryview(data).nbytes > SINGLE_PUT_LIMIT:
            # Over the single-PUT limit: equal parts through the engine, without a copy.
            return self.transfers.upload_buffer(key, data, contentType)
        body = bytes(data)
        digest = hashlib.md5(body, usedforsecurity=False)
        with self.guard(op, key):
            resp = self.client.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=body,
                ContentType=contentType or "application/octet-stream",
                ContentMD5=base64.b64encode(digest.digest()).decode("ascii"),
            )
        etag = _etag(resp.get("ETag"))
        if etag and "-" not in etag and etag != digest.hexdigest():
            raise self.error(
                "integrity_error", op, key, f"server ETag {etag} differs from the data's MD5"
            )
        return {
            "url": self.getPublicUrl(key) if self.config.publicBaseUrl else self._object_url(key),
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
            raise self.error(
                "invalid_argument", op, key, f"method must be one of {sorted(PRESIGN_METHODS)}"
            )
        if contentType is not None and not isinstance(contentType, str):
            raise self.error("invalid_argument", op, key, "contentType must be a string")
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
            resp = self.client.get_object(Bucket=self.bucket, Key=key)
            body = resp["Body"]
            try:
                data: bytes = body.read()
            finally:
                body.close()
        expected = resp.get("ContentLength")
        if expected is not None and len(data) != int(expected):
            raise self.error(
                "integrity_error", op, key, f"received {len(data)} of {expected} bytes"
            )
        etag = _etag(resp.get("ETag"))
        if (
            len(etag) == 32
            and "SSECustomerAlgorithm" not in resp
            and hashlib.md5(data, usedforsecurity=False).hexdigest() != etag
        ):
            raise self.error("integrity_error", op, key, "the data does not match its ETag")
        return data

    def getObject(self, name: str) -> dict[str, Any]:
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
            "etag": _etag(resp.get("ETag")),
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
                raise self.error(
                    "bucket_not_found",
                    op,
                    key,
                    f"bucket {self.bucket!r} at {self.config.endpoint_url}",
                    exc,
                ) from exc
        except bex.BotoCoreError:
            pass

    def delete(self, name: str) -> dict[str, Any]:
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
    ) -> dict[str, Any]:
        """One page of a prefix: objects, sub-folders, and the token of the next page."""
        op = "listObjects"
        if not isinstance(prefix, str) or len(prefix.encode("utf-8", "replace")) > 1024:
            raise self.error("invalid_argument", op, None, "prefix must be a string of ≤1024 bytes")
        if isinstance(maxKeys, bool) or not isinstance(maxKeys, int) or not 1 <= maxKeys <= 1000:
            raise self.error("invalid_argument", op, prefix, "maxKeys must be 1 to 1000")
        params: dict[str, Any] = {"Bucket": self.bucket, "MaxKeys": maxKeys}
        if prefix:
            params["Prefix"] = prefix
        if delimiter:
            params["Delimiter"] = delimiter
        if continuationToken:
            params["ContinuationToken"] = continuationToken
        with self.guard(op, prefix or None):
            _LEAN_LIST.on = True
            try:
                resp = self.client.list_objects_v2(**params)
            finally:
                _LEAN_LIST.on = False
        page = resp.get("R2deskPage")
        if page is not None:
            if delimiter and prefix.endswith(delimiter):
                # The folder's own marker object is the folder, not a file inside it.
                page["objects"] = [o for o in page["objects"] if o["key"] != prefix]
            return page  # type: ignore[no-any-return]
        objects = [
            {
                "key": item["Key"],
                "size": int(item.get("Size", 0)),
                "etag": _etag(item.get("ETag")),
                "lastModified": item.get("LastModified"),
                "storageClass": item.get("StorageClass") or "STANDARD",
            }
            for item in resp.get("Contents", [])
            # The folder's own marker object is the folder, not a file inside it.
            if not (delimiter and item["Key"] == prefix and prefix.endswith(delimiter))
        ]
        folders = [p["Prefix"] for p in resp.get("CommonPrefixes", [])]
        token = resp.get("NextContinuationToken") if resp.get("IsTruncated") else None
        return {"objects": objects, "folders": folders, "nextToken": token}

    def iterObjects(self, prefix: str = "") -> Iterator[dict[str, Any]]:
        """Every object under ``prefix`` (no delimiter), page by page."""
        token: str | None = None
        while True:
            page = self.listObjects(prefix, delimiter="", continuationToken=token)
            yield from page["objects"]
            token = page["nextToken"]
            if not token:
                return

    def getPublicUrl(self, name: str) -> str:
        """``<publicBaseUrl>/<key>``: a custom domain or r2.dev URL carries no bucket name."""
        op = "getPublicUrl"
        key = self.check_key(name, op)
        if not self.config.publicBaseUrl:
            raise self.error(
                "not_configured", op, key, "set publicBaseUrl (custom domain or r2.dev URL)"
            )
        return f"{self.config.publicBaseUrl}/{quote(key, safe='/~')}"

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
            raise self.error(
                "conflict", op, src, f"{dst!r} already exists; pass overwrite=True to replace it"
            )

    def copy(self, source: str, target: str, overwrite: bool = True) -> dict[str, Any]:
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
                etag = _etag(resp.get("CopyObjectResult", {}).get("ETag"))
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

    def move(self, source: str, target: str, overwrite: bool = True) -> dict[str, Any]:
        """Copy, then delete the source (S3 has no rename); see ``copy`` for ``overwrite``."""
        op = "move"
        src = self.check_key(source, op)
        dst = self.check_key(target, op)
        if src == dst:
            raise self.error("invalid_argument", op, src, "source and target are the same key")
        if not overwrite:
            self._refuse_overwrite(op, src, dst)
        result = self.copy(src, dst)
        try:
            self.delete(src)
        except StorageError as exc:
            raise self.error(
                exc.code,
                op,
                src,
                f"copied to {dst!r}, but the source could not be deleted: {exc.detail}",
                exc,
            ) from exc
        return result

    def deleteMany(self, names: Iterable[str]) -> dict[str, Any]:
        """Delete keys in batches of 1000; returns the deleted keys and what failed, and why."""
        op = "deleteMany"
        keys = [self.check_key(name, op) for name in names]
        deleted: list[str] = []
        failed: list[dict[str, str]] = []
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
                raise self.error(exc.code, op, batch[0], f"{exc.detail}; {done}", exc) from exc
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

    def createFolder(self, prefix: str) -> dict[str, Any]:
        """An empty ``prefix/`` marker object, so an empty folder shows up in listings."""
        op = "createFolder"
        key = self.check_key(prefix if str(prefix).endswith("/") else f"{prefix}/", op)
        if key.strip("/") == "":
            raise self.error("invalid_argument", op, key, "the folder name is empty")
        with self.guard(op, key):
            self.client.put_object(
                Bucket=self.bucket, Key=key, Body=b"", ContentType="application/x-directory"
            )
        return {"key": key}

    def deleteFolder(self, prefix: str) -> dict[str, Any]:
        """Delete every object under ``prefix/`` (batched); refuses the bucket root."""
        op = "deleteFolder"
        if not isinstance(prefix, str) or not prefix.strip("/"):
            raise self.error("invalid_argument", op, str(prefix), "refusing to delete the root")
        key = self.check_key(prefix if prefix.endswith("/") else f"{prefix}/", op)
        deleted = 0
        failed: list[dict[str, str]] = []
        token: str | None = None
        while True:
            page = self.listObjects(key, delimiter="", continuationToken=token)
            names = [o["key"] for o in page["objects"]]  # with no delimiter: the marker too
            if names:
                result = self.deleteMany(names)
                deleted += len(result["deleted"])
                failed.extend(result["failed"])
            token = page["nextToken"]
            if not token:
                break
        return {"prefix": key, "deleted": deleted, "failed": failed}

    def updateObject(
        self,
        name: str,
        contentType: str | None = None,
        cacheControl: str | None = None,
        metadata: dict[str, str] | None = None,
    ) -> dict[str, Any]:
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
            raise self.error("invalid_argument", op, key, "metadata must map strings to strings")
        info = self.getObject(key)
        if info["size"] > SINGLE_PUT_LIMIT:
            raise self.error(
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
        for field, header in (
            ("contentDisposition", "ContentDisposition"),
            ("contentEncoding", "ContentEncoding"),
            ("contentLanguage", "ContentLanguage"),
        ):
            if info[field]:
                params[header] = info[field]
        if info["storageClass"] and info["storageClass"] != "STANDARD":
            params["StorageClass"] = info["storageClass"]
        with self.guard(op, key):
            resp = self.client.copy_object(**params)
        return {
            "key": key,
            "etag": _etag(resp.get("CopyObjectResult", {}).get("ETag")),
            "contentType": params["ContentType"],
            "cacheControl": cache or "",
            "metadata": params["Metadata"],
        }

    def listBuckets(self) -> list[str]:
        """Bucket names the token may see (object-scoped tokens may not list: access_denied)."""
        with self.guard("listBuckets", None):
            resp = self.client.list_buckets()
        return [b["Name"] for b in resp.get("Buckets", [])]

    def testConnection(self, write: bool = True) -> dict[str, Any]:
        """Check, cheapest first, what works; never raises for a failed check.

        Returns ``ok`` and, for each of endpoint, credentials, bucket and write, True, False or
        None (not reached), with ``problems`` in words.
        """
        report: dict[str, Any] = {
            "endpoint": None,
            "credentials": None,
            "bucket": None,
            "write": None,
            "problems": [],
            "codes": [],
        }

        def fail(exc: StorageError) -> None:
            report["problems"].append(str(exc))
            report["codes"].append(exc.code)

        try:
            self.listObjects(maxKeys=1)
            report.update(endpoint=True, credentials=True, bucket=True)
        except StorageError as exc:
            fail(exc)
            if exc.code in ("unreachable", "timeout", "tls_error"):
                report["endpoint"] = False
            elif exc.code in ("auth_failed", "missing_secret"):
                report["endpoint"] = exc.code == "auth_failed"
                report["credentials"] = False
            elif exc.code in ("bucket_not_found", "not_found"):
                report.update(endpoint=True, credentials=True, bucket=False)
            elif exc.code == "access_denied":
                report.update(endpoint=True)
        if write and all(report[k] is not False for k in ("endpoint", "credentials", "bucket")):
            probe = f".r2desk-connection-test-{uuid.uuid4().hex}"
            try:
                self.uploadByFile(probe, b"r2desk connection test", "text/plain")
                report["write"] = True
                report.update(endpoint=True, credentials=True, bucket=True)
                self.delete(probe)
            except StorageError as exc:
                report["write"] = False
                if exc.code not in report["codes"]:
                    fail(exc)
        checks = [report[k] for k in ("endpoint", "credentials", "bucket")]
        if write:
            checks.append(report["write"])
        report["ok"] = all(c is True for c in checks)
        return report

    # -- transfers: the engine lives in transfers.py ------------------------------------------

    @property
    def transfers(self) -> TransferEngine:
        """The element's transfer engine: its bounded pool and its journal, made on first use."""
        if self._transfers is None:
            with self._client_lock:
                if self._transfers is None:
                    self._transfers = TransferEngine(self, state_dir=self.state_dir)
        return self._transfers

    def uploadFromPath(
        self,
        name: str,
        path: str,
        contentType: str | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        metadata: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """Stream a local file to ``name``: verified, parallel parts when big, resumable."""
        return self.transfers.upload_file(name, path, contentType, progress, cancel, metadata)

    def downloadToPath(
        self,
        name: str,
        path: str,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> dict[str, Any]:
        """Stream ``name`` to a local file via a verified temporary file; resumable."""
        return self.transfers.download_file(name, path, progress, cancel)

    def uploadFolder(
        self,
        localDir: str,
        prefix: str,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        **options: Any,
    ) -> dict[str, Any]:
        """Upload a folder tree under ``prefix`` (options: followSymlinks, raiseOnError)."""
        return self.transfers.upload_folder(localDir, prefix, progress, cancel, **options)

    def downloadFolder(
        self,
        prefix: str,
        localDir: str,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        **options: Any,
    ) -> dict[str, Any]:
        """Download a prefix into a folder (options: skipUnsafe, raiseOnError)."""
        return self.transfers.download_folder(prefix, localDir, progress, cancel, **options)

    def listUploads(self, prefix: str = "") -> list[dict[str, Any]]:
        """Unfinished multipart uploads (anyone's), marked ``ours`` when the journal has them."""
        return self.transfers.list_uploads(prefix)

    def abortUpload(self, key: str, uploadId: str) -> dict[str, Any]:
        """Abort an unfinished multipart upload and forget it in the journal."""
        return self.transfers.abort_upload(key, uploadId)
