"""The one location syntax of every command: ``ELEMENT[@bucket][:key-or-prefix]``, or a local path.

``parse_location`` reads the text into a typed ``Location`` without touching the disk, the
network or the element files; ``resolve`` turns a remote location into the element for its
bucket (``Meta.forBucket``) and the key. The CLI, the sync and the copy commands all read
locations here, so ``MyR2@photos:2024/`` means the same thing everywhere.

The rules, in order (written for people, in the README's "Locations" section):

* ``/abs/path``, ``./rel``, ``../rel``, ``~/x``, ``.``, ``..``, ``C:\\x`` or ``C:/x``: a local
  path, whatever it holds.
* text with a ``:`` whose part before the first ``:`` holds no ``/`` or ``\\``: a remote
  location, ``ELEMENT[@bucket]:key``. ``ELEMENT`` is ``MyR2`` or ``storages.MyR2``; ``@bucket``
  picks another bucket of the same connection; an empty key (``MyR2:``) is the bucket's root.
* anything else: a local path. So a local file whose name holds a ``:`` before any ``/`` is
  written ``./name:with:colons`` (or as an absolute path).

Where a command takes only an element (``r2desk ls ELEMENT``), ``parse_element`` reads
``ELEMENT[@bucket]`` (a trailing ``:`` is allowed, a key is not: keys are their own arguments).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from r2desk.storages.config import bucket_name_problem

if TYPE_CHECKING:
    from r2desk.elements.app import App
    from r2desk.storages.meta import Meta

#: The element folder every short name (``MyR2``) lives in.
DEFAULT_FOLDER = "storages"

_ELEMENT_RE = re.compile(
    r"^(?:(?P<folder>[A-Za-z_][A-Za-z0-9_-]*)\.)?(?P<short>[A-Za-z_][A-Za-z0-9_-]{0,63})$"
)
_DRIVE_RE = re.compile(r"^[A-Za-z]:[\\/]")
_LOCAL_PREFIXES = ("/", "./", "../", "~", ".\\", "..\\", "\\")


class LocationError(ValueError):
    """The text is not a location; the message says what is wrong and how to write it."""

    def __init__(self, text: str, problem: str) -> None:
        self.text = text
        self.problem = problem
        super().__init__(f"{text!r} is not a valid location: {problem}")


@dataclass(frozen=True)
class Location:
    """A local path, or an element (fully qualified), an optional other bucket and a key.

    ``bucket`` None means the element's configured bucket; ``key`` "" means the bucket's root
    (a prefix ends with ``/``). For a local location only ``path`` is set.
    """

    element: str = ""
    bucket: str | None = None
    key: str = ""
    path: str = ""

    @property
    def is_local(self) -> bool:
        return not self.element

    @property
    def short_element(self) -> str:
        """``MyR2`` for ``storages.MyR2``."""
        return self.element.split(".", 1)[-1]

    def __str__(self) -> str:
        """The location written back in the syntax it was read from (round-trips)."""
        if self.is_local:
            return self.path
        bucket = f"@{self.bucket}" if self.bucket else ""
        return f"{self.element}{bucket}:{self.key}"


def _looks_local(text: str) -> bool:
    return text in (".", "..") or text.startswith(_LOCAL_PREFIXES) or bool(_DRIVE_RE.match(text))


def _element_part(text: str, head: str) -> tuple[str, str | None]:
    """``ELEMENT[@bucket]`` read into (fully qualified element, bucket or None)."""
    name, at, bucket = head.partition("@")
    match = _ELEMENT_RE.match(name)
    if not match:
        raise LocationError(
            text,
            f"{name!r} is not an element name (letters, digits, '_' and '-', like MyR2 or "
            "storages.MyR2); a local path holding ':' is written ./name or as an absolute path",
        )
    folder = match.group("folder") or DEFAULT_FOLDER
    if not at:
        return f"{folder}.{match.group('short')}", None
    problem = bucket_name_problem(bucket)
    if problem:
        raise LocationError(text, f"bucket name {bucket!r} {problem}")
    return f"{folder}.{match.group('short')}", bucket


def parse_location(text: str) -> Location:
    """Read ``ELEMENT[@bucket]:key`` or a local path (the rules are in the module docstring)."""
    if not isinstance(text, str) or not text:
        raise LocationError(str(text), "it is empty")
    if _looks_local(text):
        return Location(path=text)
    head, colon, key = text.partition(":")
    if not colon or "/" in head or "\\" in head:
        return Location(path=text)
    element, bucket = _element_part(text, head)
    return Location(element=element, bucket=bucket, key=key)


def parse_element(text: str) -> Location:
    """Read ``ELEMENT[@bucket]`` (a trailing ``:`` is allowed) for commands whose keys are
    separate arguments."""
    if not isinstance(text, str) or not text:
        raise LocationError(str(text), "it is empty; give an element such as MyR2 or MyR2@bucket")
    head, _, key = text.partition(":")
    if key:
        raise LocationError(
            text,
            f"this command takes an element (like {head} or {head}@bucket); give the key "
            f"{key!r} as its own argument",
        )
    element, bucket = _element_part(text, head)
    return Location(element=element, bucket=bucket)


def resolve(app: App, location: Location | str) -> tuple[Meta, str]:
    """The element for the location's bucket (a cached sibling for ``@bucket``) and its key.

    Element-file problems and a bad bucket name raise the element's StorageError; a local
    location is a LocationError (the caller wanted a bucket).
    """
    loc = parse_location(location) if isinstance(location, str) else location
    if loc.is_local:
        raise LocationError(
            loc.path, "this is a local path; a bucket location is written ELEMENT[@bucket]:key"
        )
    element = app.getElement(loc.element)
    if loc.bucket is not None:
        element = element.forBucket(loc.bucket)
    return element, loc.key
