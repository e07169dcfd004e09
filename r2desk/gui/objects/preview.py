"""``PreviewPane``: a look at the selected image or small text object, loaded in a worker.

Only objects under a size cap are fetched (the listing already says the size, so no request is
made for a large one); the image is decoded into a QImage in the worker, and turned into a
pixmap on the main thread.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget

from r2desk.formatting import human_size
from r2desk.gui.objects.icons import extension
from r2desk.gui.objects.model import FOLDER, Row
from r2desk.gui.widgets import plain_label
from r2desk.ops import read_preview

if TYPE_CHECKING:
    from r2desk.gui.tasks import Task, TaskPool
    from r2desk.storages.meta import Meta

IMAGE_LIMIT = 8 * 1024 * 1024
TEXT_LIMIT = 256 * 1024


@functools.cache
def image_formats() -> frozenset[str]:
    """The image types the bundled Qt decodes (its plugins decide: webp and tiff yes, avif
    only with an extra plugin)."""
    return frozenset(bytes(f.data()).decode().lower() for f in QImageReader.supportedImageFormats())


def load_preview(element: Meta, key: str, kind: str) -> Any:
    """Worker side: a QImage (safe off the main thread) or decoded text."""
    limit = IMAGE_LIMIT if kind == "image" else TEXT_LIMIT
    data = read_preview(element, key, limit)
    if kind == "image":
        image = QImage.fromData(data)
        return image if not image.isNull() else "This image could not be decoded."
    return data.decode("utf-8", errors="replace")


class PreviewPane(QWidget):
    """Shows what the selection is; debounced so arrowing through a list costs nothing."""

    def __init__(self, pool: TaskPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.setAccessibleName(self.tr("Preview"))
        self.setMinimumWidth(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = plain_label(self)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName(self.tr("Preview title"))
        layout.addWidget(self.title)
        self.stack = QStackedWidget(self)
        self.message = plain_label(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setAccessibleName(self.tr("Preview message"))
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Image preview"))
        self.image.setMinimumSize(1, 1)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Text preview"))
        self.text.setToolTip(self.tr("The start of the object's text"))
        for w in (self.message, self.image, self.text):
            self.stack.addWidget(w)
        layout.addWidget(self.stack, 1)
        self._pixmap: QPixmap | None = None
        self._task: Task | None = None
        self._pending: tuple[Meta | None, Row | None] | None = None
        self._shown_key = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._load)
        self.show_row(None, None)

    def show_row(self, element: Meta | None, row: Row | None) -> None:
        """Preview ``row`` (None: nothing selected); the same row again is not fetched again
        (a changed object is a different row: its size or time differ)."""
        if self._pending is not None and self._pending == (element, row):
            return
        self._pending = (element, row)
        if row is None or row.kind == FOLDER:
            self._timer.stop()
            self._cancel()
            self._shown_key = ""
            self.title.setText(row.key if row is not None else "")
            self._say(
                self.tr("Select an image or a text file to preview it.")
                if row is None
                else self.tr("A folder.")
            )
            return
        # Say at once what is chosen; only the fetch waits for the cursor to settle.
        self._timer.stop()
        self._cancel()
        self._shown_key = ""
        self.title.setText(f"{row.name}\n{row.size_text} · {row.mtime_text}")
        if self._unpreviewable(row):
            return
        self._say(self.tr("Loading preview…"))
        self._timer.start()

    @property
    def shown_key(self) -> str:
        return self._shown_key

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _load(self) -> None:
        if self._pending is None:
            return
        element, row = self._pending
        if row is None:
            return
        self._cancel()
        key = row.key
        self._task = self.pool.submit(
            load_preview,
            element,
            key,
            row.icon,
            on_result=functools.partial(self._loaded, key),
            on_error=functools.partial(self._failed, key),
            on_crash=lambda _text: self._failed(key, RuntimeError("preview failed")),
            owner=self,
        )

    def _unpreviewable(self, row: Row) -> bool:
        """Say why ``row`` gets no preview, if it does not (nothing to fetch then)."""
        limit = IMAGE_LIMIT if row.icon == "image" else TEXT_LIMIT
        ext = extension(row.name)
        if row.icon not in ("image", "text", "code"):
            self._say(self.tr("No preview for this type of file."))
        elif row.icon == "image" and ext not in image_formats():
            self._say(
                self.tr(
                    "No preview for this type: .{0} images cannot be shown by this build."
                ).format(ext)
            )
        elif row.size > limit:
            self._say(
                self.tr("Too large to preview ({0}; the limit is {1}).").format(
                    row.size_text, human_size(limit)
                )
            )
        else:
            return False
        self._shown_key = row.key
        return True

    def _current(self, key: str) -> bool:
        return (
            self._pending is not None
            and self._pending[1] is not None
            and (self._pending[1].key == key)
        )

    def _loaded(self, key: str, value: Any) -> None:
        if not self._current(key):
            return
        self._task = None
        self._shown_key = key
        if isinstance(value, QImage):
            self._pixmap = QPixmap.fromImage(value)
            self.stack.setCurrentWidget(self.image)
            self._fit()
            self.image.setToolTip(self.tr("{0} × {1} pixels").format(value.width(), value.height()))
        else:
            self.text.setPlainText(value)
            self.stack.setCurrentWidget(self.text)

    def _failed(self, key: str, exc: BaseException) -> None:
        if self._current(key):
            self._task = None
            self._shown_key = key
            self._say(
                self.tr("The preview could not be loaded: {0}.").format(getattr(exc, "hint", exc))
            )

    def _fit(self) -> None:
        if self._pixmap is None:
            return
        # The stack's room, not the label's: a label that was hidden keeps its old, small size.
        size = self.stack.contentsRect().size()
        pm = self._pixmap
        if pm.width() > size.width() or pm.height() > size.height():
            pm = pm.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self.image.setPixmap(pm)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
