"""``storages.Meta``: the abstract storage contract every storage Type implements.

The five methods of the platform's reference page are the public contract; the extensions are
what a file manager needs. A Type written by an app subclasses a built-in Type (usually
``CloudflareR2Type``) and overrides what it must.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING, Any

from r2desk.credentials import CredentialStore, KeyringUnavailable, entry_name
from r2desk.storages.config import MAX_PRESIGN_SECONDS, StorageConfig
from r2desk.storages.errors import StorageError, register_secret

if TYPE_CHECKING:
    from collections.abc import Iterable

MAX_KEY_BYTES = 1024
SECRET_ENV = "R2_SECRET_ACCESS_KEY"


class Meta(ABC):
    """A storage element instance: one bucket at one endpoint, with its own credentials."""

    #: The fully qualified Type name, shown in every error message.
    TYPE_NAME = "storages.Meta"

    def __init__(
        self,
        name: str,
        config: StorageConfig,
        *,
        title: str = "",
        path: Path | None = None,
        config_path: Path | None = None,
        credentials: CredentialStore | None = None,
        variables: list[Any] | None = None,
    ) -> None:
        self.name = name
        self.config = config
        self.title = title or name
        self.path = path
        self.config_path = config_path
        self.credentials = credentials if credentials is not None else CredentialStore()
        self.variables = list(variables or [])
        register_secret(config.accessKeySecret)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} bucket={self.config.bucketName!r}>"

    # -- helpers shared by every Type ------------------------------------------------------

    def error(
        self,
        code: str,
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
            element=self.name,
            storage_type=self.TYPE_NAME,
            detail=detail,
            cause=cause,
        )

    def check_key(self, key: Any, operation: str) -> str:
        """Refuse a key S3 cannot store before any request is made."""
        if not isinstance(key, str):
            raise self.error("invalid_argument", operation, None, "the key must be a string")
        if not key:
            raise self.error("invalid_argument", operation, key, "the key is empty")
        try:
            size = len(key.encode("utf-8"))
        except UnicodeEncodeError:
            raise self.error(
                "invalid_argument", operation, key, "the key is not valid UTF-8"
            ) from None
        if size > MAX_KEY_BYTES:
            raise self.error(
                "invalid_argument",
                operation,
                key[:64] + "…",
                f"the key is {size} bytes long; at most {MAX_KEY_BYTES} are allowed",
            )
        return key

    def check_expires(self, expires: Any, operation: str, key: str) -> int:
        """Presigned URLs live 1 s to 7 days on R2; boto3 does not enforce that, so we do."""
        if isinstance(expires, bool) or not isinstance(expires, int):
            raise self.error("invalid_argument", operation, key, "expires must be whole seconds")
        if not 1 <= expires <= MAX_PRESIGN_SECONDS:
            raise self.error(
                "invalid_argument",
                operation,
                key,
                f"expires must be 1 to {MAX_PRESIGN_SECONDS} seconds (7 days), not {expires}",
            )
        return expires

    def resolve_secret(self, operation: str = "connect") -> str:
        """The secret access key: config file, then OS keyring, then the environment."""
        if self.config.accessKeySecret:
            return self.config.accessKeySecret
        keyring_note = ""
        try:
            secret = self.credentials.get(self.config.endpoint_url, self.config.accessKeyId)
        except KeyringUnavailable as exc:
            secret, keyring_note = None, f" ({exc})"
        if not secret:
            secret = os.environ.get(SECRET_ENV) or None
        if not secret:
            where = str(self.config_path) if self.config_path else "the config file"
            entry = entry_name(self.config.endpoint_url, self.config.accessKeyId)
            raise self.error(
                "missing_secret",
                operation,
                None,
                f"looked in {where} (field accessKeySecret), in the OS keyring "
                f"(service 'r2desk', entry {entry!r}){keyring_note}, and in the environment "
                f"variable {SECRET_ENV}",
            )
        register_secret(secret)
        return secret

    # -- the platform page's contract --------------------------------------------------------

    @abstractmethod
    def uploadByFile(
        self, name: str, data: bytes, contentType: str = "application/octet-stream"
    ) -> dict[str, Any]: ...

    @abstractmethod
    def getSignUrl(
        self, file: str, contentType: str | None, expires: int = 300, method: str = "GET"
    ) -> str: ...

    @abstractmethod
    def download(self, name: str) -> bytes: ...

    @abstractmethod
    def getObject(self, name: str) -> dict[str, Any]: ...

    @abstractmethod
    def delete(self, name: str) -> dict[str, Any]: ...

    # -- file-manager extensions ---------------------------------------------------------------

    @abstractmethod
    def listObjects(
        self,
        prefix: str = "",
        delimiter: str = "/",
        continuationToken: str | None = None,
        maxKeys: int = 1000,
    ) -> dict[str, Any]: ...

    @abstractmethod
    def getPublicUrl(self, name: str) -> str: ...

    @abstractmethod
    def copy(self, source: str, target: str, overwrite: bool = True) -> dict[str, Any]: ...

    @abstractmethod
    def move(self, source: str, target: str, overwrite: bool = True) -> dict[str, Any]: ...

    @abstractmethod
    def deleteMany(self, names: Iterable[str]) -> dict[str, Any]: ...

    @abstractmethod
    def createFolder(self, prefix: str) -> dict[str, Any]: ...

    @abstractmethod
    def deleteFolder(self, prefix: str) -> dict[str, Any]: ...

    @abstractmethod
    def testConnection(self, write: bool = True) -> dict[str, Any]: ...
