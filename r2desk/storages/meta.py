"""``storages.Meta``: the whole storage contract every storage Type implements, typed.

The five methods of the platform's reference page are the public contract; the rest is what a
file manager needs, and the CLI and the GUI call nothing an element does not declare here. A
Type written by an app subclasses a built-in Type (usually ``CloudflareR2Type``) and overrides
what it must.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from r2desk.credentials import CredentialStore, KeyringUnavailable, entry_name
from r2desk.errors import register_secret
from r2desk.s3.classify import Where
from r2desk.storages.config import MAX_PRESIGN_SECONDS, StorageConfig
from r2desk.storages.transfer_methods import TransferMethods

if TYPE_CHECKING:
    from r2desk import results as r

SECRET_ENV = "R2_SECRET_ACCESS_KEY"


class Meta(TransferMethods, ABC):
    """A storage element instance: one bucket at one endpoint, with its own credentials.

    The transfer methods (``uploadFromPath``, ``downloadFolder``, ...) come from
    ``TransferMethods``, written once over the engine a Type provides as ``transfers``.
    """

    #: The fully qualified Type name, shown in every error message.
    TYPE_NAME = "storages.Meta"
    #: How many requests one element may run at once (its pool follows; set before the first
    #: transfer, as ``r2desk put --jobs`` does).
    max_concurrency: int = 10

    def __init__(
        self,
        name: str,
        config: StorageConfig,
        *,
        title: str = "",
        path: Path | None = None,
        config_path: Path | None = None,
        credentials: CredentialStore | None = None,
        variables: list[object] | None = None,
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

    @property
    def where(self) -> Where:
        """This element as its errors name it: ``self.where.error(code, operation, key,
        detail)`` builds every StorageError of the element (read each time: a Type element may
        set TYPE_NAME after the class is made)."""
        c = self.config
        return Where(
            self.TYPE_NAME, self.name, c.endpoint_url, c.bucketName, c.is_r2, c.publicBaseUrl
        )

    def check_key(self, key: object, operation: str) -> str:
        """Refuse a key S3 cannot store before any request is made (the rule: ``r2desk.keys``)."""
        return self.where.check_key(key, operation)

    def check_expires(self, expires: object, operation: str, key: str) -> int:
        """Presigned URLs live 1 s to 7 days on R2; boto3 does not enforce that, so we do."""
        if isinstance(expires, bool) or not isinstance(expires, int):
            raise self.where.error(
                "invalid_argument", operation, key, "expires must be whole seconds"
            )
        if not 1 <= expires <= MAX_PRESIGN_SECONDS:
            raise self.where.error(
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
            raise self.where.error(
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
    ) -> r.UploadResult: ...

    @abstractmethod
    def getSignUrl(
        self, file: str, contentType: str | None, expires: int = 300, method: str = "GET"
    ) -> str: ...

    @abstractmethod
    def download(self, name: str) -> bytes: ...

    @abstractmethod
    def getObject(self, name: str) -> r.ObjectInfo: ...

    @abstractmethod
    def delete(self, name: str) -> r.DeleteResult: ...

    # -- browsing and object management -----------------------------------------------------

    @abstractmethod
    def listObjects(
        self,
        prefix: str = "",
        delimiter: str = "/",
        continuationToken: str | None = None,
        maxKeys: int = 1000,
    ) -> r.ListPage: ...

    @abstractmethod
    def iterObjects(self, prefix: str = "") -> Iterator[r.ListedObject]: ...

    @abstractmethod
    def getPublicUrl(self, name: str) -> str: ...

    @abstractmethod
    def exists(self, name: str) -> bool: ...

    @abstractmethod
    def copy(self, source: str, target: str, overwrite: bool = True) -> r.CopyResult: ...

    @abstractmethod
    def move(self, source: str, target: str, overwrite: bool = True) -> r.CopyResult: ...

    @abstractmethod
    def deleteMany(self, names: Iterable[str]) -> r.DeleteManyResult: ...

    @abstractmethod
    def createFolder(self, prefix: str) -> r.CreateFolderResult: ...

    @abstractmethod
    def deleteFolder(self, prefix: str) -> r.DeleteFolderResult: ...

    @abstractmethod
    def updateObject(
        self,
        name: str,
        contentType: str | None = None,
        cacheControl: str | None = None,
        metadata: dict[str, str] | None = None,
    ) -> r.UpdateResult: ...

    @abstractmethod
    def listBuckets(self) -> list[str]: ...

    @abstractmethod
    def testConnection(self, write: bool = True) -> r.ConnectionReport: ...
