"""The built-in Type elements by name (``App.resolveType`` looks here after the app's own)."""

from __future__ import annotations

from r2desk.storages.meta import Meta
from r2desk.storages.r2 import CloudflareR2Type

#: Built-in Type elements by fully qualified name; an app's own Type elements override these.
BUILTIN_TYPES: dict[str, type[Meta]] = {
    # Abstract on purpose: an app's Type element extends it; no instance is built from it.
    "storages.Meta": Meta,  # type: ignore[type-abstract]
    "storages.CloudflareR2Type": CloudflareR2Type,
}
