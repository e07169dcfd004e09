"""The one place botocore and OS errors are read and turned into a ``StorageError``.

``classify`` maps an exception to an ``ErrorCode`` and a short detail; ``Where`` adds what only
the caller knows (element, endpoint, bucket) and builds the error. The element and the transfer
engine both hold a ``Where``, so one failure reads the same whichever path raised it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import botocore.exceptions as bex

from r2desk.errors import ErrorCode, StorageError
from r2desk.keys import key_problem, shown_key
from r2desk.s3.listing import EndlessListing

_E = ErrorCode

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
    "NoSuchKey": _E.NOT_FOUND,
    "NotFound": _E.NOT_FOUND,
    "404": _E.NOT_FOUND,
    "NoSuchUpload": _E.NOT_FOUND,
    "NoSuchBucket": _E.BUCKET_NOT_FOUND,
    "AccessDenied": _E.ACCESS_DENIED,
    "403": _E.ACCESS_DENIED,
    "Forbidden": _E.ACCESS_DENIED,
    "PreconditionFailed": _E.PRECONDITION_FAILED,
    "412": _E.PRECONDITION_FAILED,
    "NotImplemented": _E.NOT_IMPLEMENTED,
    "501": _E.NOT_IMPLEMENTED,
    "SlowDown": _E.THROTTLED,
    "TooManyRequests": _E.THROTTLED,
    "ServiceUnavailable": _E.THROTTLED,
    "503": _E.THROTTLED,
    "InternalError": _E.SERVER_ERROR,
    "BucketAlreadyExists": _E.CONFLICT,
    "BucketNotEmpty": _E.CONFLICT,
    "OperationAborted": _E.CONFLICT,
    "EntityTooLarge": _E.INVALID_ARGUMENT,
    "EntityTooSmall": _E.INVALID_ARGUMENT,
    "InvalidArgument": _E.INVALID_ARGUMENT,
    "InvalidPart": _E.INVALID_ARGUMENT,
    "InvalidPartOrder": _E.INVALID_ARGUMENT,
    "KeyTooLongError": _E.INVALID_ARGUMENT,
    "BadDigest": _E.INTEGRITY_ERROR,
    "InvalidDigest": _E.INTEGRITY_ERROR,
}
_NETWORK_CODES = (_E.UNREACHABLE, _E.TIMEOUT, _E.TLS_ERROR)


def error_code(exc: BaseException) -> str:
    """The S3 error code of a ClientError (``NoSuchUpload``, ``412``, ...), else ``""``."""
    if not isinstance(exc, bex.ClientError):
        return ""
    err = exc.response.get("Error", {}) or {}
    status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0
    return str(err.get("Code", "") or status)


def _status(exc: bex.ClientError) -> int:
    return int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)


def _client_error(exc: bex.ClientError) -> tuple[ErrorCode, str]:
    code, status = error_code(exc), _status(exc)
    message = str((exc.response.get("Error", {}) or {}).get("Message", "") or "")
    detail = f"{code}: {message}" if message else f"HTTP {status} {code}".strip()
    if code in _AUTH_CODES or status == 401:
        return _E.AUTH_FAILED, detail
    if code in _CODE_MAP:
        return _CODE_MAP[code], detail
    by_status = {404: _E.NOT_FOUND, 403: _E.ACCESS_DENIED, 409: _E.CONFLICT, 429: _E.THROTTLED}
    if status in by_status:
        return by_status[status], detail
    if status >= 500:
        return _E.SERVER_ERROR, detail
    if status >= 400:
        return _E.INVALID_ARGUMENT, detail
    return _E.UNKNOWN, detail


def classify(exc: BaseException) -> tuple[ErrorCode, str]:
    """Map any exception from botocore (or the OS) to our error code and a short detail."""
    if isinstance(exc, StorageError):
        return exc.code, exc.detail
    if isinstance(exc, bex.ClientError):
        return _client_error(exc)
    if isinstance(exc, bex.SSLError):
        return _E.TLS_ERROR, str(exc)
    if isinstance(exc, bex.ReadTimeoutError):
        return _E.TIMEOUT, f"the endpoint accepted the connection but is not answering ({exc})"
    if isinstance(exc, bex.ConnectTimeoutError):
        return _E.TIMEOUT, str(exc)
    if isinstance(exc, bex.EndpointConnectionError | bex.ConnectionClosedError):
        return _E.UNREACHABLE, str(exc)
    if isinstance(exc, bex.HTTPClientError | bex.ConnectionError):
        return _E.UNREACHABLE, str(exc)
    if isinstance(exc, bex.IncompleteReadError):
        # The body ended early and the retries did too: the connection, not the data.
        got, want = exc.kwargs.get("actual_bytes"), exc.kwargs.get("expected_bytes")
        return _E.UNREACHABLE, f"the connection was cut after {got} of {want} bytes"
    if isinstance(exc, TimeoutError):
        return _E.TIMEOUT, str(exc) or "a read timed out"
    if isinstance(exc, ConnectionResetError | ConnectionAbortedError | ConnectionRefusedError):
        return _E.UNREACHABLE, str(exc)
    if isinstance(exc, bex.NoCredentialsError | bex.PartialCredentialsError):
        return _E.MISSING_SECRET, str(exc)
    if isinstance(exc, bex.ParamValidationError):
        return _E.INVALID_ARGUMENT, str(exc)
    if isinstance(exc, bex.ProfileNotFound):
        return _E.INVALID_CONFIG, str(exc)
    if isinstance(exc, EndlessListing):
        return _E.SERVER_ERROR, str(exc)
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return _E.LOCAL_IO, f"{exc.strerror or exc}{where}"
    return _E.UNKNOWN, f"{type(exc).__name__}: {exc}"


@dataclass(frozen=True)
class Where:
    """Where requests go and whose they are: builds every StorageError of one element."""

    storage_type: str
    element: str
    endpoint: str
    bucket: str
    is_r2: bool = False
    #: A custom domain or r2.dev URL the bucket is served from; "" when it is not public.
    public_base: str = ""

    def object_url(self, key: str) -> str:
        """The object's public URL where the bucket has one, else its S3 API URL; a public
        URL carries no bucket name (a custom domain serves one bucket)."""
        if self.public_base:
            return f"{self.public_base}/{quote(key, safe='/~')}"
        return f"{self.endpoint}/{self.bucket}/{quote(key, safe='/~')}"

    def check_key(self, key: object, operation: str) -> str:
        """``key`` when S3 can store it (the rule: ``r2desk.keys``), else the error in words,
        before any request is made."""
        problem = key_problem(key)
        if problem is not None:
            shown = shown_key(key) if isinstance(key, str) else None
            raise self.error(_E.INVALID_ARGUMENT, operation, shown, problem)
        assert isinstance(key, str)
        return key

    def error(
        self,
        code: ErrorCode | str,
        operation: str,
        key: str | None = None,
        detail: str = "",
        cause: BaseException | None = None,
    ) -> StorageError:
        """A StorageError that names this element and its Type."""
        return StorageError(
            code,
            operation=operation,
            key=key,
            element=self.element,
            storage_type=self.storage_type,
            detail=detail,
            cause=cause,
        )

    def convert(self, exc: BaseException, operation: str, key: str | None) -> StorageError:
        """``exc`` as this element's StorageError, with the endpoint or bucket it concerns."""
        if isinstance(exc, StorageError):
            return exc
        code, detail = classify(exc)
        if code == _E.BUCKET_NOT_FOUND:
            detail = f"bucket {self.bucket!r} at {self.endpoint}; {detail}"
            if self.is_r2:
                detail += (
                    "; a bucket in a jurisdiction (EU, FedRAMP) is visible only through "
                    "that jurisdiction's endpoint"
                )
        elif code in _NETWORK_CODES:
            detail = f"{self.endpoint}: {detail}"
        return self.error(code, operation, key, detail, exc)

    @contextlib.contextmanager
    def guard(self, operation: str, key: str | None) -> Iterator[None]:
        """Turn any failure inside the block into this element's StorageError."""
        try:
            yield
        except StorageError:
            raise
        except Exception as exc:
            raise self.convert(exc, operation, key) from exc
