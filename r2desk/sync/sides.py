"""The two kinds of side a sync joins: a local folder and a bucket prefix of an element.

Each gives its entries as a sorted stream (``walk``), says how it is described in the state
file (no secret: endpoint, bucket and prefix, or the absolute path), and knows its own rules:
R2 folds NFC/NFD into one key; a local folder may ignore case and cannot hold every key.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from r2desk.errors import ErrorCode, StorageError
from r2desk.keys import key_problem
from r2desk.storages.meta import Meta
from r2desk.sync.walk import Entry, local_key_problem, walk_listing, walk_local
from r2desk.transfers.localpaths import case_insensitive

_E = ErrorCode


@dataclass
class LocalSide:
    """A local folder (created on the first download into it)."""

    root: str
    #: None: ask the file system (``localpaths.case_insensitive``); tests may force it.
    ignore_case: bool | None = None
    is_local: bool = field(default=True, init=False)

    def __post_init__(self) -> None:
        self.root = os.path.abspath(os.path.expanduser(self.root))

    @property
    def folds_nfc(self) -> bool:
        return False

    @property
    def case_insensitive(self) -> bool:
        if self.ignore_case is None:
            self.ignore_case = case_insensitive(self.root)
        return self.ignore_case

    def describe(self) -> str:
        return f"local:{self.root}"

    def label(self) -> str:
        return self.root

    def walk(self, nfc: bool) -> Iterator[Entry]:
        if not os.path.exists(self.root):
            return iter(())
        if not os.path.isdir(self.root):
            raise StorageError(
                _E.LOCAL_IO,
                operation="sync",
                element="local",
                storage_type="folder",
                detail=f"{self.root} is not a folder",
            )
        return walk_local(self.root, nfc=nfc)

    def path_of(self, key: str) -> str:
        return os.path.join(self.root, *key.split("/"))

    def key_problem(self, key: str) -> str:
        """Why ``key`` (relative) cannot be a file here, or ""."""
        return local_key_problem(key)


@dataclass
class BucketSide:
    """A prefix (``""``: the whole bucket) of an element's bucket."""

    element: Meta
    prefix: str = ""
    is_local: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        if self.prefix and not self.prefix.endswith("/"):
            self.prefix += "/"

    @property
    def folds_nfc(self) -> bool:
        """R2 stores keys NFC-normalised: NFC and NFD spellings are one object there."""
        return self.element.config.is_r2

    @property
    def case_insensitive(self) -> bool:
        return False

    def describe(self) -> str:
        c = self.element.config
        return f"s3:{c.endpoint_url}/{c.bucketName}/{self.prefix}"

    def label(self) -> str:
        return f"{self.element.name}@{self.element.config.bucketName}:{self.prefix}"

    def walk(self, nfc: bool) -> Iterator[Entry]:
        el = self.element
        listing = walk_listing(el.iterObjects(self.prefix), self.prefix, nfc=nfc)
        while True:
            try:
                entry = next(listing)
            except StopIteration:
                return
            except ValueError as exc:
                raise el.where.error(
                    _E.SERVER_ERROR, "sync", self.prefix or None, str(exc)
                ) from exc
            yield entry

    def key_of(self, key: str) -> str:
        return self.prefix + key

    def key_problem(self, key: str) -> str:
        problem = key_problem(self.prefix + key)
        return f"the key {problem.removeprefix('the key ')}" if problem else ""


Side = LocalSide | BucketSide
