"""The one exception type every storage operation raises, the one table of its words, and the
redaction that keeps it clean.

A user must be able to paste any error message into a bug report, so every message, ``repr`` and
chained cause is scrubbed of the secrets this process knows about before it leaves the element.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from typing import NamedTuple

STORAGE_TYPE = "storages.CloudflareR2Type"


class ErrorCode(StrEnum):
    """Why an operation failed; a closed set, so a misspelt code is a bug, not "unknown"."""

    NOT_FOUND = "not_found"
    UNKNOWN_ELEMENT = "unknown_element"
    BUCKET_NOT_FOUND = "bucket_not_found"
    ACCESS_DENIED = "access_denied"
    AUTH_FAILED = "auth_failed"
    MISSING_SECRET = "missing_secret"
    KEYRING_UNAVAILABLE = "keyring_unavailable"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    TLS_ERROR = "tls_error"
    INVALID_ARGUMENT = "invalid_argument"
    INVALID_CONFIG = "invalid_config"
    CONFLICT = "conflict"
    PRECONDITION_FAILED = "precondition_failed"
    INTEGRITY_ERROR = "integrity_error"
    CANCELLED = "cancelled"
    NOT_IMPLEMENTED = "not_implemented"
    THROTTLED = "throttled"
    SERVER_ERROR = "server_error"
    NOT_CONFIGURED = "not_configured"
    LOCAL_IO = "local_io"
    UNKNOWN = "unknown"


class Words(NamedTuple):
    """How one code reads everywhere: the CLI, the GUI and the connection test."""

    hint: str  # what happened, completing "<operation> failed: ..."
    todo: str  # what the user can do about it ("" when nothing helps)
    exit_code: int  # the CLI's exit status


_E = ErrorCode
#: THE table: every place that says an error in words, or exits with it, reads it from here.
WORDS: dict[ErrorCode, Words] = {
    _E.NOT_FOUND: Words(
        "the object does not exist",
        "Refresh the listing: the object may have been removed.",
        3,
    ),
    _E.UNKNOWN_ELEMENT: Words(
        "there is no such element in the app folder",
        "Check the connection name (r2desk elements lists them).",
        3,
    ),
    _E.BUCKET_NOT_FOUND: Words(
        "the bucket does not exist at this endpoint",
        "Check the bucket name and the endpoint (jurisdiction) of the connection.",
        3,
    ),
    _E.ACCESS_DENIED: Words(
        "access was denied: the token lacks permission for this bucket or operation",
        "Use a token with permission for this bucket, or ask its owner.",
        4,
    ),
    _E.AUTH_FAILED: Words(
        "the credentials were rejected: check the access key id and secret",
        "Edit the connection and check its access key id and secret.",
        4,
    ),
    _E.MISSING_SECRET: Words(
        "no secret access key was found",
        "Edit the connection and enter its secret access key.",
        4,
    ),
    _E.KEYRING_UNAVAILABLE: Words(
        "the OS keyring is not available or is locked",
        "Unlock the OS keyring, or set R2_SECRET_ACCESS_KEY in the environment.",
        4,
    ),
    _E.UNREACHABLE: Words(
        "the endpoint could not be reached: check the network and the endpoint address",
        "Check the network connection and the endpoint address.",
        5,
    ),
    _E.TIMEOUT: Words(
        "the endpoint did not answer in time",
        "Check the network connection, then try again.",
        5,
    ),
    _E.TLS_ERROR: Words(
        "the TLS connection failed (certificate problem)",
        "Check the endpoint address; a custom CA bundle may be needed.",
        5,
    ),
    _E.INVALID_ARGUMENT: Words("an argument is not valid", "", 2),
    _E.INVALID_CONFIG: Words(
        "the element's configuration is not valid",
        "Edit the connection and correct the field named.",
        6,
    ),
    _E.CONFLICT: Words("the request conflicts with the object's current state", "", 1),
    _E.PRECONDITION_FAILED: Words(
        "the object changed since it was read",
        "Refresh the listing and try again.",
        1,
    ),
    _E.INTEGRITY_ERROR: Words(
        "the data did not verify: sizes or checksums differ",
        "Try again; if it persists, the stored object may be damaged.",
        7,
    ),
    _E.CANCELLED: Words("the operation was cancelled", "", 130),
    _E.NOT_IMPLEMENTED: Words("the storage does not implement this request", "", 1),
    _E.THROTTLED: Words(
        "the storage asked us to slow down: try again shortly",
        "Wait a moment, then try again.",
        1,
    ),
    _E.SERVER_ERROR: Words(
        "the storage reported an internal error: try again later",
        "Try again later.",
        1,
    ),
    _E.NOT_CONFIGURED: Words("the element is not configured for this", "", 6),
    _E.LOCAL_IO: Words(
        "a local file could not be read or written",
        "Check that the local file or folder exists and can be read or written.",
        1,
    ),
    _E.UNKNOWN: Words("an unexpected error occurred", "", 1),
}


#: What each operation was trying to do, in words, completing "Could not ...": the GUI says
#: "Could not list 'photos/'" where the API name would be "listObjects failed".
OPERATION_WORDS: dict[str, str] = {
    "listObjects": "list",
    "listBuckets": "list the buckets",
    "listUploads": "list the unfinished uploads of",
    "abortUpload": "abort the unfinished upload of",
    "download": "download",
    "downloadToPath": "download",
    "downloadFolder": "download the folder",
    "uploadByFile": "upload",
    "uploadFromPath": "upload",
    "uploadFolder": "upload the folder",
    "getObject": "read the properties of",
    "updateObject": "save the properties of",
    "delete": "delete",
    "deleteMany": "delete",
    "deleteFolder": "delete the folder",
    "createFolder": "create the folder",
    "copy": "copy",
    "move": "move",
    "getSignUrl": "make a signed link to",
    "getPublicUrl": "make a public link to",
    "getElement": "open the connection",
    "connect": "connect",
    "connection": "test the connection",
    "edit": "edit",
    "sync": "sync",
}
#: Operations on the store as a whole: their key is not worth naming.
_WHOLE_STORE = {"listBuckets", "getElement", "connect", "connection"}


def failure_words(operation: str, key: str | None) -> str:
    """``Could not list 'photos/'``: what failed, in words, naming the key (or the root)."""
    verb = OPERATION_WORDS.get(operation, operation)
    if operation == "listObjects" and not key:
        return f"Could not {verb} the bucket root"
    if operation in _WHOLE_STORE or not key:
        return f"Could not {verb}"
    shown = key if len(key) <= 80 else key[:77] + "…"
    return f"Could not {verb} '{shown}'"


_secrets_lock = threading.Lock()
_secrets: set[str] = set()


def register_secret(secret: str | None) -> None:
    """Remember a secret so that every message this process produces can be scrubbed of it."""
    if secret and len(secret) >= 4:
        with _secrets_lock:
            _secrets.add(secret)


def redact(text: str, extra: Iterable[str] = ()) -> str:
    """Replace every known secret (and any in ``extra``) in ``text`` with ``***``."""
    with _secrets_lock:
        secrets = set(_secrets)
    secrets.update(s for s in extra if s and len(s) >= 4)
    for secret in sorted(secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, "***")
    return text


class RedactedError(Exception):
    """Stand-in for a cause whose text contained a secret: same class name, scrubbed text."""

    def __init__(self, original: BaseException) -> None:
        self.original_type = f"{type(original).__module__}.{type(original).__qualname__}"
        super().__init__(f"{self.original_type}: {redact(str(original))}")


def _clean_cause(cause: BaseException | None) -> BaseException | None:
    """Keep the original exception unless its text (or its own chain) carries a secret."""
    if cause is None:
        return None
    seen: set[int] = set()
    node: BaseException | None = cause
    while node is not None and id(node) not in seen:
        seen.add(id(node))
        try:
            text = f"{node!s} {node!r}"
        except Exception:  # a broken __str__ must not hide the real error
            text = ""
        if redact(text) != text:
            return RedactedError(cause)
        node = node.__cause__ or node.__context__
    return cause


class StorageError(Exception):
    """Any failure of a storage element, said in one plain sentence.

    Attributes let callers branch without parsing text: ``code`` is an ``ErrorCode``;
    ``storage_type``, ``element``, ``operation`` and ``key`` say where it happened; ``cause`` is the
    original exception (also chained as ``__cause__``), replaced by a scrubbed copy if its text
    held a secret.
    """

    def __init__(
        self,
        code: ErrorCode | str,
        *,
        operation: str,
        key: str | None = None,
        element: str = "",
        storage_type: str = STORAGE_TYPE,
        detail: str = "",
        cause: BaseException | None = None,
    ) -> None:
        self.code = ErrorCode(code)  # a code outside the table is a bug: ValueError
        self.operation = operation
        self.key = key
        self.element = element
        self.storage_type = storage_type
        self.detail = redact(detail)
        self.cause = _clean_cause(cause)
        #: What a batch (uploadFolder, downloadFolder) did before it failed, for the caller.
        self.result: Mapping[str, object] | None = None
        super().__init__(self.message)
        self.__cause__ = self.cause
        # The implicit context could hold the unscrubbed original: never show it.
        self.__suppress_context__ = True

    @property
    def hint(self) -> str:
        return WORDS[self.code].hint

    @property
    def todo(self) -> str:
        """What the user can do about it, from the one table (may be empty)."""
        return WORDS[self.code].todo

    @property
    def exit_code(self) -> int:
        return WORDS[self.code].exit_code

    @property
    def message(self) -> str:
        where = f"{self.storage_type} {self.element or '(no element)'}"
        target = f" on key {self.key!r}" if self.key is not None else ""
        text = f"{where}: {self.operation}{target} failed: {self.hint}"
        if self.detail:
            text += f" ({self.detail})"
        return redact(text) + f" [{self.code.value}]"

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"StorageError({self.message!r})"

    def __reduce__(self) -> tuple[Callable[..., StorageError], tuple[str | None, ...]]:
        """Pickle without the cause (it may not pickle) so errors cross process boundaries."""
        return (
            _rebuild,
            (
                self.code.value,
                self.operation,
                self.key,
                self.element,
                self.storage_type,
                self.detail,
            ),
        )


def _rebuild(
    code: str, operation: str, key: str | None, element: str, storage_type: str, detail: str
) -> StorageError:
    return StorageError(
        code,
        operation=operation,
        key=key,
        element=element,
        storage_type=storage_type,
        detail=detail,
    )
