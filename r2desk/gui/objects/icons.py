"""File-type icons from the platform's MIME database, one lookup per extension.

Listings carry no content type, so the name's extension decides: ``QMimeDatabase`` knows far more
types than a hand-made table, and its icon names follow the freedesktop theme (on Windows and
macOS Qt maps them to the platform's icons where it can). A listing of 100,000 ``.log`` files
asks the database once.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeDatabase
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

#: The theme icon each kind of r2desk.gui.objects.model.icon_kind falls back to.
_KIND_ICONS = {
    "image": "image-x-generic",
    "text": "text-x-generic",
    "code": "text-x-script",
    "archive": "package-x-generic",
    "audio": "audio-x-generic",
    "video": "video-x-generic",
    "pdf": "application-pdf",
}


def extension(name: str) -> str:
    """``Photo.JPG`` -> ``jpg``; no extension -> ``""`` (``.bashrc`` has none either)."""
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


class FileIcons:
    """Icons by extension (and ``folder``), cached: the first row of a type pays the lookup."""

    def __init__(self) -> None:
        self._db = QMimeDatabase()
        self._cache: dict[str, QIcon] = {}
        #: The MIME type each extension was found to be (for tests and tooltips).
        self.mime_names: dict[str, str] = {}

    def folder(self) -> QIcon:
        icon = self._cache.get("/")
        if icon is None:
            fallback = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
            icon = self._cache["/"] = QIcon.fromTheme("folder", fallback)
        return icon

    def for_name(self, name: str, kind: str) -> QIcon:
        ext = extension(name)
        icon = self._cache.get(ext)
        if icon is None:
            icon = self._cache[ext] = self._lookup(ext, kind)
        return icon

    def _lookup(self, ext: str, kind: str) -> QIcon:
        style = QApplication.style()
        icon = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        icon = QIcon.fromTheme(_KIND_ICONS.get(kind, "application-octet-stream"), icon)
        if not ext:
            return icon
        mime = self._db.mimeTypeForFile(f"x.{ext}", QMimeDatabase.MatchMode.MatchExtension)
        self.mime_names[ext] = mime.name()
        if mime.isDefault():  # application/octet-stream: the database does not know it
            return icon
        generic = QIcon.fromTheme(mime.genericIconName(), icon)
        return QIcon.fromTheme(mime.iconName(), generic)
