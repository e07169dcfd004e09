"""Storage Types: the abstract ``storages.Meta`` contract and the built-in R2 Type.

The names are loaded on first use, so ``r2desk.storages.config`` (read by the desktop app before
its first window) does not import the wire layer and botocore.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from r2desk.lazy import lazy_exports

if TYPE_CHECKING:
    from r2desk.errors import StorageError
    from r2desk.storages.builtin_types import BUILTIN_TYPES
    from r2desk.storages.config import StorageConfig
    from r2desk.storages.meta import Meta
    from r2desk.storages.r2 import CloudflareR2Type

_EXPORTS = {
    "StorageError": "r2desk.errors",
    "StorageConfig": "r2desk.storages.config",
    "Meta": "r2desk.storages.meta",
    "CloudflareR2Type": "r2desk.storages.r2",
    "BUILTIN_TYPES": "r2desk.storages.builtin_types",
}

__all__ = ["BUILTIN_TYPES", "CloudflareR2Type", "Meta", "StorageConfig", "StorageError"]


__getattr__ = lazy_exports(__name__, _EXPORTS)
