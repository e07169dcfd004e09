"""Places the user goes back to: bookmarks, recent locations, and where each connection was left.

A place is a connection, one of its buckets and a prefix. This module is the Qt-free part: the
values, the rules for the recent list, reading them back from stored data (anything malformed
is dropped, never raised: settings outlive versions), and the worker-side search for the nearest
folder that still exists. The window's part is ``r2desk/gui/window/places.py``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from r2desk.storages.meta import Meta

#: How many recent locations are kept (newest first).
RECENT_CAP = 10


@dataclass(frozen=True)
class Place:
    """A connection (``storages.X``), one of its buckets, and a prefix ("" or ending in "/")."""

    connection: str
    bucket: str
    prefix: str = ""

    def label(self) -> str:
        """``bucket/prefix`` as the path bar shows it."""
        return f"{self.bucket}/{self.prefix}"

    def folder_name(self) -> str:
        """The last folder of the prefix, or the bucket's name at its root."""
        return posixpath.basename(self.prefix.rstrip("/")) or self.bucket

    def to_data(self) -> dict[str, str]:
        return {"connection": self.connection, "bucket": self.bucket, "prefix": self.prefix}

    @classmethod
    def from_data(cls, data: object) -> Place | None:
        if not isinstance(data, dict):
            return None
        parts = [data.get(k) for k in ("connection", "bucket", "prefix")]
        if not all(isinstance(p, str) for p in parts) or not parts[0] or not parts[1]:
            return None
        connection, bucket, prefix = (str(p) for p in parts)
        if prefix and not prefix.endswith("/"):
            return None
        return cls(connection, bucket, prefix)


@dataclass(frozen=True)
class Bookmark:
    """A named place; the name is the user's (the folder's name until renamed)."""

    name: str
    place: Place

    def to_data(self) -> dict[str, str]:
        return {"name": self.name, **self.place.to_data()}

    @classmethod
    def from_data(cls, data: object) -> Bookmark | None:
        place = Place.from_data(data)
        name = data.get("name") if isinstance(data, dict) else None
        if place is None or not isinstance(name, str) or not name.strip():
            return None
        return cls(name, place)


def read_places(data: object) -> list[Place]:
    items = data if isinstance(data, list) else []
    return [p for p in (Place.from_data(d) for d in items) if p is not None]


def read_bookmarks(data: object) -> list[Bookmark]:
    items = data if isinstance(data, list) else []
    return [b for b in (Bookmark.from_data(d) for d in items) if b is not None]


def read_last_shown(data: object) -> dict[str, Place]:
    """Where each connection was left: ``{connection: place}``."""
    if not isinstance(data, dict):
        return {}
    out: dict[str, Place] = {}
    for connection, value in data.items():
        place = Place.from_data(value)
        if place is not None and place.connection == connection:
            out[connection] = place
    return out


def push_recent(recent: list[Place], place: Place, cap: int = RECENT_CAP) -> list[Place]:
    """``place`` first, each place once, at most ``cap``."""
    return [place, *(p for p in recent if p != place)][:cap]


def parent_prefix(prefix: str) -> str:
    """``a/b/`` → ``a/``; ``a/`` → ``""``."""
    parent = posixpath.dirname(prefix.rstrip("/"))
    return f"{parent}/" if parent else ""


def nearest_existing(element: Meta, prefix: str) -> str:
    """``prefix`` if anything is stored below it (a folder marker counts), else its nearest
    parent that holds something, else the bucket's root. Worker side: one small listing per
    level (without a delimiter, so a folder's own marker is listed), stopping at the first
    that answers with a key."""
    while prefix:
        if element.listObjects(prefix, "", None, 1)["objects"]:
            return prefix
        prefix = parent_prefix(prefix)
    return ""
