"""``storages.Meta``: the whole storage contract every storage Type implements, typed.

The five methods of the platform's reference page are the public contract; the rest is what a
file manager needs, and the CLI and the GUI call nothing an element does not declare here. A
Type written by an app subclasses a built-in Type (usually ``CloudflareR2Type``) and overrides
what it must.
"""

from __future__ import annotations

import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from r2desk.credentials import CredentialStore, KeyringUnavailable, entry_name
from r2desk.errors import register_secret
from r2desk.s3.classify import Where
from r2desk.storages.bucket_methods import BucketMethods
from r2desk.storages.config import MAX_PRESIGN_SECONDS, StorageConfig, bucket_name_problem
from r2desk.storages.transfer_methods import TransferMethods

if TYPE_CHECKING:
    from r2desk import results as r

SECRET_ENV = "R2_SECRET_ACCESS_KEY"


class Meta(TransferMethods, BucketMethods, ABC):
    """A storage element instance: one bucket at one endpoint, with its own credentials.

    The transfer methods (``uploadFromPath``, ``downloadFolder``, ...) come from
    ``TransferMethods``, written once over the engine a Type provides as ``transfers``; the
    bucket methods (``connectionBuckets``, ``createBucket``, ``getBucketCors``, ...) from
    ``BucketMethods``, over the ``client`` a Type provides.
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
        #: The element this one is a sibling of (``forBucket``); None for the configured bucket.
        self.sibling_of: Meta | None = None
        self._siblings: dict[str, Meta] = {}
        self._siblings_lock = threading.Lock()
        register_secret(config.accessKeySecret)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.location} bucket={self.config.bucketName!r}>"

    @property
    def location(self) -> str:
        """How this element is written in a location (``storages.MyR2`` or, for a sibling,
        ``storages.MyR2@other-bucket``); every error of the element names it, so an error of
        a sibling names its bucket."""
        if self.sibling_of is None:
            return self.name
        return f"{self.name}@{self.config.bucketName}"

    # -- other buckets of the same connection -------------------------------------------------

    def forBucket(self, name: str) -> Meta:
        """The element for another bucket of this connection: same endpoint, credentials and
        settings, built once and cached (so its client and transfer journal are reused).

        The configured bucket's name gives the configured element itself; a sibling asked for
        a bucket gives the configured element's sibling. The seed methods of a sibling work
        exactly as on the configured element. A public base URL (custom domain) serves one
        bucket, so a sibling has none: its ``url`` results are S3 API URLs.
        """
        root = self.sibling_of or self
        if name == root.config.bucketName:
            return root
        if not isinstance(name, str):
            raise root.where.error(
                "invalid_argument", "forBucket", None, "the bucket name must be a string"
            )
        problem = bucket_name_problem(name, r2=root.config.is_r2)
        if problem:
            raise root.where.error(
                "invalid_argument", "forBucket", None, f"bucket name {name!r} {problem}"
            )
        with root._siblings_lock:
            sibling = root._siblings.get(name)
            if sibling is None:
                sibling = root._siblings[name] = root.make_sibling(name)
        return sibling

    def make_sibling(self, bucket: str) -> Meta:
        """Build (uncached) the sibling for ``bucket``; a Type with more state extends this."""
        config = replace(
            self.config, bucketName=bucket, publicBaseUrl="", extra=dict(self.config.extra)
        )
        sibling = type(self)(
            self.name,
            config,
            title=self.title,
            path=self.path,
            config_path=self.config_path,
            credentials=self.credentials,
            variables=self.variables,
        )
        sibling.sibling_of = self
        sibling.max_concurrency = self.max_concurrency
        return sibling

    # -- helpers shared by every Type ------------------------------------------------------

    @property
    def where(self) -> Where:
        """This element as its errors name it: ``self.where.error(code, operation, key,
        detail)`` builds every StorageError of the element (read each time: a Type element may
        set TYPE_NAME after the class is made)."""
        c = self.config
        return Where(
            self.TYPE_NAME, self.location, c.endpoint_url, c.bucketName, c.is_r2, c.publicBaseUrl
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
    def iterPages(self, prefix: str = "", delimiter: str = "/") -> Iterator[r.ListPage]: ...

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
    def testConnection(self, write: bool = True) -> r.ConnectionReport: ...
