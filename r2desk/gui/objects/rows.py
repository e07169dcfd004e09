"""The listing's rows, stored column-wise so a million of them fit in a few hundred bytes each.

A listing worker turns each ListObjectsV2 page into a :class:`Columns` block (keys, kinds, sizes,
modification times, storage classes as small numbers, and each name's natural sort key as one
``bytes``); the model keeps one ``Columns`` for everything loaded and shows it through an array
of indexes. Names, size and time texts and icon kinds are derived when a row is painted, never
stored: one ``Row`` tuple of ten formatted fields per object cost ~700 bytes (706 MiB for a
million rows), these columns cost ~180.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import posixpath
from array import array
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from r2desk.formatting import human_size, local_time, natural_key

if TYPE_CHECKING:
    from r2desk.storages.meta import Meta

FOLDER, FILE = 0, 1

_IMAGE = {"png", "jpg", "jpeg", "gif", "webp", "bmp", "svg", "ico", "tif", "tiff", "avif"}
_TEXT = {"txt", "md", "csv", "log", "json", "yaml", "yml", "xml", "ini", "toml", "cfg", "tsv"}
_CODE = {"py", "js", "ts", "html", "css", "c", "h", "cpp", "rs", "go", "java", "sh", "sql"}
_ARCHIVE = {"zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar"}
_AUDIO = {"mp3", "wav", "flac", "ogg", "m4a", "aac", "opus"}
_VIDEO = {"mp4", "mkv", "mov", "webm", "avi", "m4v"}

#: Storage class names, stored per row as their index here (a listing holds a handful).
_CLASS_NAMES: list[str] = ["STANDARD", ""]
_CLASS_INDEX: dict[str, int] = {"STANDARD": 0, "": 1}


def _class_id(name: str) -> int:
    at = _CLASS_INDEX.get(name)
    if at is None:
        at = _CLASS_INDEX[name] = len(_CLASS_NAMES)
        _CLASS_NAMES.append(name)
    return at


class Row(NamedTuple):
    """One listed entry as the window reads it (made on demand from the columns)."""

    kind: int  # FOLDER sorts before FILE
    name: str  # last path segment (folders without their trailing slash)
    key: str  # full key; folders end with "/"
    size: int
    size_text: str
    mtime: float  # epoch seconds, 0 for folders
    mtime_text: str
    storage_class: str
    icon: str  # icon kind: folder, image, text, code, archive, audio, video, pdf, file
    natural: bytes  # the name's natural sort key


def icon_kind(name: str) -> str:
    """Which icon a file name gets, from its extension only (listings carry no content type)."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in _IMAGE:
        return "image"
    if ext in _TEXT:
        return "text"
    if ext in _CODE:
        return "code"
    if ext in _ARCHIVE:
        return "archive"
    if ext in _AUDIO:
        return "audio"
    if ext in _VIDEO:
        return "video"
    if ext == "pdf":
        return "pdf"
    return "file"


def name_of(key: str, kind: int) -> str:
    """The shown name: a file's last segment; a folder's last segment without its slash."""
    if kind == FOLDER:
        return posixpath.basename(key.rstrip("/")) or key
    return key.rsplit("/", 1)[-1]


def time_text(mtime: float) -> str:
    return _minute_text(int(mtime // 60)) if mtime else ""


@functools.lru_cache(maxsize=4096)
def _minute_text(minute: int) -> str:
    """Texts show minutes: a screenful of rows mostly shares a few (strftime is the costly part
    of painting a row)."""
    return local_time(_dt.datetime.fromtimestamp(minute * 60, _dt.UTC))


def folder_row(key: str) -> Row:
    name = name_of(key, FOLDER)
    return Row(FOLDER, name, key, 0, "", 0.0, "", "", "folder", natural_key(name))


def file_row(key: str, size: int, modified: _dt.datetime | None, storage_class: str) -> Row:
    name = name_of(key, FILE)
    mtime = modified.timestamp() if modified else 0.0
    return Row(
        FILE,
        name,
        key,
        size,
        human_size(size),
        mtime,
        local_time(modified),
        storage_class or "STANDARD",
        icon_kind(name),
        natural_key(name),
    )


#: Up to this many values are searched for one by one (in C); more take one pass.
_FEW = 8

T = TypeVar("T")


def positions(seq: Sequence[T], wanted: Collection[T]) -> dict[T, int]:
    """Where the wanted values are in ``seq`` (absent ones left out): a batch of finished
    uploads costs one pass over a big listing, not one search each."""
    if len(wanted) > _FEW:
        return {value: at for at, value in enumerate(seq) if value in wanted}
    out: dict[T, int] = {}
    for value in wanted:
        with contextlib.suppress(ValueError):
            out[value] = seq.index(value)
    return out


class Columns:
    """Rows column-wise: one list of keys and natural keys, compact arrays for the rest."""

    __slots__ = ("classes", "keys", "kinds", "mtimes", "naturals", "sizes")

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.kinds = bytearray()
        self.sizes = array("q")
        self.mtimes = array("d")
        self.classes = array("H")
        self.naturals: list[bytes] = []

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, kind: int, key: str, size: int, mtime: float, storage_class: str) -> None:
        self.keys.append(key)
        self.kinds.append(kind)
        self.sizes.append(size)
        self.mtimes.append(mtime)
        self.classes.append(_class_id(storage_class))
        self.naturals.append(natural_key(name_of(key, kind)))

    def add_row(self, row: Row) -> None:
        self.add(row.kind, row.key, row.size, row.mtime, row.storage_class)

    def set_row(self, i: int, row: Row) -> None:
        self.keys[i] = row.key
        self.kinds[i] = row.kind
        self.sizes[i] = row.size
        self.mtimes[i] = row.mtime
        self.classes[i] = _class_id(row.storage_class)
        self.naturals[i] = row.natural

    def extend(self, other: Columns) -> None:
        self.keys.extend(other.keys)
        self.kinds.extend(other.kinds)
        self.sizes.extend(other.sizes)
        self.mtimes.extend(other.mtimes)
        self.classes.extend(other.classes)
        self.naturals.extend(other.naturals)

    def take(self, indexes: Iterable[int]) -> Columns:
        """A new block of the given rows, in that order."""
        out = Columns()
        for i in indexes:
            out.keys.append(self.keys[i])
            out.kinds.append(self.kinds[i])
            out.sizes.append(self.sizes[i])
            out.mtimes.append(self.mtimes[i])
            out.classes.append(self.classes[i])
            out.naturals.append(self.naturals[i])
        return out

    # -- one row's fields, derived ----------

    def name(self, i: int) -> str:
        return name_of(self.keys[i], self.kinds[i])

    def storage_class(self, i: int) -> str:
        return _CLASS_NAMES[self.classes[i]]

    def size_text(self, i: int) -> str:
        return "" if self.kinds[i] == FOLDER else human_size(self.sizes[i])

    def mtime_text(self, i: int) -> str:
        return time_text(self.mtimes[i])

    def row(self, i: int) -> Row:
        kind, name = self.kinds[i], self.name(i)
        return Row(
            kind,
            name,
            self.keys[i],
            self.sizes[i],
            self.size_text(i),
            self.mtimes[i],
            self.mtime_text(i),
            self.storage_class(i),
            "folder" if kind == FOLDER else icon_kind(name),
            self.naturals[i],
        )

    @classmethod
    def of(cls, rows: Iterable[Row]) -> Columns:
        out = cls()
        for row in rows:
            out.add_row(row)
        return out


class Page(NamedTuple):
    rows: Columns
    next_token: str | None
    #: The ETags of the page's images (thumbnails are cached by them), beside the rows.
    etags: dict[str, str] | None = None


def list_page(element: Meta, prefix: str, token: str | None, max_keys: int) -> Page:
    """Worker side: one ListObjectsV2 page turned into a block of rows (no text formatting:
    that waits until a row is painted)."""
    page = element.listObjects(prefix, "/", token, max_keys)
    rows = Columns()
    for p in page["folders"]:
        rows.add(FOLDER, p, 0, 0.0, "")
    for o in page["objects"]:
        key = o["key"]
        if key.endswith("/"):  # a stray "dir/" marker is shown by its folder row
            continue
        modified = o.get("lastModified")
        mtime = modified.timestamp() if modified else 0.0
        rows.add(FILE, key, o["size"], mtime, o.get("storageClass", "") or "STANDARD")
    etags = {
        o["key"]: o["etag"]
        for o in page["objects"]
        if icon_kind(o["key"].rsplit("/", 1)[-1]) == "image"
    }
    return Page(rows, page["nextToken"], etags)
