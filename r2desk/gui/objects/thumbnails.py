"""Thumbnails of images for the icon grid (and, when asked, the details table).

A folder of 10,000 photos must cost nothing until it is scrolled to: a view asks only for the
items it shows (``Thumbnails.want``), which replaces whatever was still waiting, so rows
scrolled away before their turn are never fetched; at most ``CONCURRENCY`` run at once on the
app's pool. Nothing is fetched for an object over the size limit (the listing says the size).
The worker downloads, decodes at thumbnail size with ``QImageReader.setScaledSize`` (a QImage,
safe off the main thread) and stores a PNG on disk under the cache folder, named by a hash of
endpoint, bucket, key and ETag: a second look costs no request, and a changed object (a new
ETag) gets a new thumbnail. Bytes that are no image leave a marker, so they are not fetched
again and show their type's icon. Pixmaps are kept in memory up to ``MEMORY_BYTES``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap

from r2desk.dirs import cache_dir
from r2desk.gui.objects.icons import extension
from r2desk.gui.objects.model import FILE, Row
from r2desk.gui.objects.preview import image_formats

if TYPE_CHECKING:
    from r2desk.gui.tasks import Task, TaskPool
    from r2desk.storages.meta import Meta

log = logging.getLogger(__name__)

#: Pixels of a stored thumbnail's longer side (the grid shows them at up to 96 points); twice
#: that on a screen with two pixels a point, so a scaled screen shows them sharp.
EDGE = 128
#: Thumbnails fetched at once: a few, so listings and transfers keep the pool.
CONCURRENCY = 4
#: Decoded thumbnails kept in memory (a 128 px thumbnail is about 64 KiB).
MEMORY_BYTES = 48 * 1024 * 1024
#: The disk cache is trimmed (oldest first) to this when a window starts using it.
DISK_BYTES = 256 * 1024 * 1024
#: Objects over this size get no thumbnail unless the settings say otherwise.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Failures remembered per session (then forgotten oldest first: memory stays bounded).
FAILED_LIMIT = 10_000


class Ident(NamedTuple):
    """What a thumbnail shows: one version of one object. ``etag`` is the listed one, or
    ``mtime:<seconds>`` for a row changed since the listing (its ETag is read with a HEAD)."""

    endpoint: str
    bucket: str
    key: str
    etag: str

    def digest(self) -> str:
        text = "\0".join(self)
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:40]


class ThumbnailStore:
    """The disk cache: ``<digest>.png`` per thumbnail, ``<digest>.bad`` for bytes that are no
    image. Files appear whole (written aside, then renamed)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else cache_dir() / "thumbnails"

    def path(self, ident: Ident, edge: int = EDGE) -> Path:
        suffix = "" if edge == EDGE else f"-{edge}"
        return self.root / f"{ident.digest()}{suffix}.png"

    def bad_path(self, ident: Ident) -> Path:
        return self.root / f"{ident.digest()}.bad"

    def prune(self, limit: int = DISK_BYTES) -> int:
        """Remove the least recently used files until the folder holds at most ``limit`` bytes
        (worker side); returns how many went."""
        try:
            entries = [(e.stat().st_mtime, e.stat().st_size, e.path) for e in os.scandir(self.root)]
        except OSError:
            return 0
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, path in sorted(entries):
            if total <= limit:
                break
            try:
                os.remove(path)
            except OSError:
                continue
            total -= size
            removed += 1
        return removed


def decode(data: bytes, edge: int = EDGE) -> QImage | None:
    """The image in ``data`` at most ``edge`` pixels on its longer side; None when the bytes
    are no image this Qt can decode. Scaled while reading (JPEG decodes at the smaller size)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a photo's EXIF orientation
    size = reader.size()
    if size.isValid() and (size.width() > edge or size.height() > edge):
        reader.setScaledSize(size.scaled(edge, edge, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    return None if image.isNull() else image


def load_thumbnail(
    element: Meta, store: ThumbnailStore, ident: Ident, edge: int = EDGE
) -> QImage | None:
    """Worker side: the cached thumbnail, else download, decode and cache it."""
    if ident.etag.startswith("mtime:"):  # changed since the listing: which version is it?
        ident = ident._replace(etag=element.getObject(ident.key)["etag"])
    path = store.path(ident, edge)
    if path.is_file():
        image = QImage(str(path))
        if not image.isNull():
            _touch(path)
            return image
    if store.bad_path(ident).is_file():
        return None
    decoded = decode(element.download(ident.key), edge)
    store.root.mkdir(parents=True, exist_ok=True)
    if decoded is None:
        store.bad_path(ident).touch()
        return None
    # Written aside (the suffix names the format), then renamed: never a partial thumbnail.
    tmp = path.with_name(f"{path.stem}.{os.getpid()}-{threading.get_ident()}.tmp.png")
    if decoded.save(str(tmp)):
        os.replace(tmp, path)
    else:
        tmp.unlink(missing_ok=True)
    return decoded


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last


class Thumbnails(QObject):
    """Thumbnails for the rows the views show; ``changed`` asks them to repaint."""

    changed = Signal()

    def __init__(
        self,
        pool: TaskPool,
        parent: QObject | None = None,
        *,
        store: ThumbnailStore | None = None,
        concurrency: int = CONCURRENCY,
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.store = store if store is not None else ThumbnailStore()
        #: The size limit, read from the settings at each request (the window sets it).
        self.limit: Callable[[], int] = lambda: DEFAULT_MAX_BYTES
        #: Objects larger than this get no thumbnail: the limit as of the last request.
        self.max_bytes = DEFAULT_MAX_BYTES
        self.concurrency = concurrency
        #: The stored size, set by the window from its screen's pixel ratio.
        self.edge = EDGE
        self._memory: OrderedDict[Ident, tuple[QIcon, int]] = OrderedDict()  # icon, bytes
        self._memory_bytes = 0
        self._failed: OrderedDict[Ident, None] = OrderedDict()
        self._waiting: list[tuple[Meta, Ident]] = []
        self._running: dict[Ident, Task] = {}
        self._place: tuple[int, tuple[str, str]] = (0, ("", ""))
        self._repaint = QTimer(self)
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(30)  # a burst of arrivals repaints once
        self._repaint.timeout.connect(self.changed.emit)
        self._pruned = False

    # -- which rows get one -------------------------------------------------------------------

    def eligible(self, row: Row) -> bool:
        """An image this Qt decodes, not empty and not over the size limit (nothing else is
        ever fetched)."""
        return (
            row.kind == FILE
            and row.icon == "image"
            and 0 < row.size <= self.max_bytes
            and extension(row.name) in image_formats()
        )

    def ident(self, element: Meta, row: Row, etag: str) -> Ident:
        if self._place[0] != id(element):
            where = element.where
            self._place = (id(element), (where.endpoint, where.bucket))
        endpoint, bucket = self._place[1]
        return Ident(endpoint, bucket, row.key, etag or f"mtime:{row.mtime!r}")

    def icon(self, element: Meta | None, row: Row, etag: str) -> QIcon | None:
        """The thumbnail of ``row`` if it is in memory (painting never waits)."""
        if element is None or not self.eligible(row):
            return None
        ident = self.ident(element, row, etag)
        kept = self._memory.get(ident)
        if kept is None:
            return None
        self._memory.move_to_end(ident)
        return kept[0]

    # -- requests -----------------------------------------------------------------------------

    def want(self, element: Meta | None, rows: Iterable[tuple[Row, str]]) -> None:
        """The rows (with their ETags) on screen now, in order: they replace what was waiting
        (rows scrolled away are dropped before they start)."""
        waiting: list[tuple[Meta, Ident]] = []
        self.max_bytes = self.limit()
        if element is not None:
            for row, etag in rows:
                if not self.eligible(row):
                    continue
                ident = self.ident(element, row, etag)
                if ident in self._memory or ident in self._failed or ident in self._running:
                    continue
                waiting.append((element, ident))
        self._waiting = waiting
        if waiting and not self._pruned:
            self._pruned = True
            self.pool.submit(self.store.prune, owner=self)
        self._start()

    def forget_failures(self) -> None:
        """A refresh tries again what failed (not what was no image: that is on disk)."""
        self._failed.clear()

    @property
    def running(self) -> int:
        return len(self._running)

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def _start(self) -> None:
        while self._waiting and len(self._running) < self.concurrency:
            element, ident = self._waiting.pop(0)
            self._running[ident] = self.pool.submit(
                load_thumbnail,
                element,
                self.store,
                ident,
                self.edge,
                on_result=functools.partial(self._done, ident),
                on_error=functools.partial(self._failed_with, ident),
                on_crash=functools.partial(self._crashed, ident),
                owner=self,
            )

    def _done(self, ident: Ident, image: QImage | None) -> None:
        self._running.pop(ident, None)
        if image is None:
            self._remember_failure(ident)
        else:
            self._keep(ident, image)
            self._repaint.start()
        self._start()

    def _failed_with(self, ident: Ident, exc: BaseException) -> None:
        """A thumbnail that could not be fetched keeps the type's icon: no message (the user
        asked for no download; the preview and Open say why in words)."""
        log.debug("no thumbnail for %s: %s", ident.key, exc)
        self._running.pop(ident, None)
        self._remember_failure(ident)
        self._start()

    def _crashed(self, ident: Ident, text: str) -> None:
        self._failed_with(ident, RuntimeError(text))

    def _remember_failure(self, ident: Ident) -> None:
        self._failed[ident] = None
        while len(self._failed) > FAILED_LIMIT:
            self._failed.popitem(last=False)

    def _keep(self, ident: Ident, image: QImage) -> None:
        size = image.sizeInBytes()
        self._memory[ident] = (QIcon(QPixmap.fromImage(image)), size)
        self._memory_bytes += size
        while self._memory_bytes > MEMORY_BYTES and len(self._memory) > 1:
            _old, (_icon, old_size) = self._memory.popitem(last=False)
            self._memory_bytes -= old_size

    @property
    def memory_bytes(self) -> int:
        return self._memory_bytes
