"""The one exception type every storage operation raises, and the redaction that keeps it clean.

A user must be able to paste any error message into a bug report, so every message, ``repr`` and
chained cause is scrubbed of the secrets this process knows about before it leaves the element.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

STORAGE_TYPE = "storages.CloudflareR2Type"

# What each code means to a person, and what they can do about it.
CODE_HINTS: dict[str, str] = {
    "not_found": "the object does not exist",
    "unknown_element": "there is no such element in the app folder",
    "bucket_not_found": "the bucket does not exist at this endpoint",
    "access_denied": "access was denied: the token lacks permission for this bucket or operation",
    "auth_failed": "the credentials were rejected: check the access key id and secret",
    "missing_secret": "no secret access key was found",
    "keyring_unavailable": "the OS keyring is not available or is locked",
    "unreachable": "the endpoint could not be reached: check the network and the endpoint address",
    "timeout": "the endpoint did not answer in time",
    "tls_error": "the TLS connection failed (certificate problem)",
    "invalid_argument": "an argument is not valid",
    "invalid_config": "the element's configuration is not valid",
    "conflict": "the request conflicts with the object's current state",
    "precondition_failed": "the object changed since it was read",
    "integrity_error": "the data did not verify: sizes or checksums differ",
    "cancelled": "the operation was cancelled",
    "not_implemented": "the storage does not implement this request",
    "throttled": "the storage asked us to slow down: try again shortly",
    "server_error": "the storage reported an internal error: try again later",
    "not_configured": "the element is not configured for this",
    "local_io": "a local file could not be read or written",
    "unknown": "an unexpected error occurred",
}

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

    Attributes let callers branch without parsing text: ``code`` is one of ``CODE_HINTS``;
    ``storage_type``, ``element``, ``operation`` and ``key`` say where it happened; ``cause`` is the
    original exception (also chained as ``__cause__``), replaced by a scrubbed copy if its text
    held a secret.
    """

    def __init__(
        self,
        code: str,
        *,
        operation: str,
        key: str | None = None,
        element: str = "",
        storage_type: str = STORAGE_TYPE,
        detail: str = "",
        cause: BaseException | None = None,
    ) -> None:
        self.code = code if code in CODE_HINTS else "unknown"
        self.operation = operation
        self.key = key
        self.element = element
        self.storage_type = storage_type
        self.detail = redact(detail)
        self.cause = _clean_cause(cause)
        super().__init__(self.message)
        self.__cause__ = self.cause
        # The implicit context could hold the unscrubbed original: never show it.
        self.__suppress_context__ = True

    @property
    def hint(self) -> str:
        return CODE_HINTS[self.code]

    @property
    def message(self) -> str:
        where = f"{self.storage_type} {self.element or '(no element)'}"
        target = f" on key {self.key!r}" if self.key is not None else ""
        text = f"{where}: {self.operation}{target} failed: {self.hint}"
        if self.detail:
            text += f" ({self.detail})"
        return redact(text) + f" [{self.code}]"

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"StorageError({self.message!r})"

    def __reduce__(self):  # type: ignore[no-untyped-def]
        """Pickle without the cause (it may not pickle) so errors cross process boundaries."""
        return (
            _rebuild,
            (self.code, self.operation, self.key, self.element, self.storage_type, self.detail),
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
