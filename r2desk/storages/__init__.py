"""Storage Types: the abstract ``storages.Meta`` contract and the built-in R2 Type."""

from r2desk.errors import StorageError
from r2desk.storages.config import StorageConfig
from r2desk.storages.meta import Meta
from r2desk.storages.r2 import CloudflareR2Type

#: Built-in Type elements by fully qualified name; an app's own Type elements override these.
BUILTIN_TYPES: dict[str, type[Meta]] = {
    # Abstract on purpose: an app's Type element extends it; no instance is built from it.
    "storages.Meta": Meta,  # type: ignore[type-abstract]
    "storages.CloudflareR2Type": CloudflareR2Type,
}

__all__ = ["BUILTIN_TYPES", "CloudflareR2Type", "Meta", "StorageConfig", "StorageError"]
