"""Every QSettings key the GUI keeps, behind one small object: the only module opening QSettings.

A ``Settings`` is persistent (the user's QSettings, under the organisation and application
names ``ensure_qapplication`` sets) or in memory (``Settings.in_memory()``), which the demo uses
so that a throwaway session never changes the user's window layout or last connection.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QSettings

from r2desk.edits import DEFAULT_LIMIT
from r2desk.places import Bookmark, Place, read_bookmarks, read_last_shown, read_places

WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
WINDOW_SPLITTER = "window/splitter"
WINDOW_PREVIEW = "window/preview"
BROWSER_HEADER = "browser/header"
BROWSER_ELEMENT = "browser/element"
BROWSER_BYTE_ORDER = "browser/byteOrder"
BROWSER_VIEW_MODE = "browser/viewMode"
BROWSER_LIST_THUMBNAILS = "browser/listThumbnails"
#: The browser's two faces: the details table and the icon grid.
VIEW_DETAILS, VIEW_ICONS = "details", "icons"
TRANSFERS_CONCURRENCY = "transfers/concurrency"
DIALOGS_LAST_FOLDER = "dialogs/lastFolder"
TRANSFERS_PART_CONCURRENCY = "transfers/partConcurrency"
TRANSFERS_UPLOAD_LIMIT = "transfers/uploadLimit"
TRANSFERS_DOWNLOAD_LIMIT = "transfers/downloadLimit"
TRANSFERS_UPLOAD_CONFLICTS = "transfers/uploadConflicts"
CACHE_MAX_BYTES = "cache/maxBytes"
CACHE_FOLDER = "cache/folder"
URLS_EXPIRY = "urls/signedExpiry"
OBJECTS_CONFIRM_DELETE = "objects/confirmDelete"
THUMBNAILS_MAX_BYTES = "thumbnails/maxBytes"
APP_LANGUAGE = "app/language"
PLACES_BOOKMARKS = "places/bookmarks"
PLACES_RECENT = "places/recent"
PLACES_LAST_SHOWN = "places/lastShown"
#: Followed by the element's short name: the user declined moving its secret to the keyring.
KEYRING_OFFER_DECLINED = "connections/keyringOfferDeclined/"


#: Defaults of the Preferences dialog's keys (the dialog's Restore defaults uses them too).
#: 0: as many parts of one file as the connection's pool runs.
DEFAULT_PART_CONCURRENCY = 0
DEFAULT_CACHE_MAX_BYTES = DEFAULT_LIMIT
DEFAULT_URL_EXPIRY = 3600
DEFAULT_THUMBNAIL_MAX_BYTES = 10 * 1024**2
#: What an upload onto an existing key does.
CONFLICT_OVERWRITE, CONFLICT_ASK, CONFLICT_SKIP = "overwrite", "ask", "skip"
#: The languages the app ships ("" follows the system).
LANGUAGES = ("", "en", "de", "zh_CN")


class Settings:
    """Typed access to the GUI's settings; each key has one getter and one setter."""

    def __init__(self, *, persistent: bool = True) -> None:
        self._store: QSettings | None = QSettings() if persistent else None
        self._memory: dict[str, object] = {}

    @classmethod
    def in_memory(cls) -> Settings:
        """Settings that live as long as the object and never touch the user's."""
        return cls(persistent=False)

    @property
    def persistent(self) -> bool:
        return self._store is not None

    def file_name(self) -> str:
        """Where the settings are kept ("" when in memory), for the About box."""
        return self._store.fileName() if self._store is not None else ""

    # -- storage ------------------------------------------------------------------------------

    def _get(self, key: str) -> object:
        if self._store is None:
            return self._memory.get(key)
        return self._store.value(key)

    def _set(self, key: str, value: object) -> None:
        if self._store is None:
            self._memory[key] = value
        else:
            self._store.setValue(key, value)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._get(key)
        return value if isinstance(value, QByteArray) else None

    def _int(self, key: str, default: int, low: int = 0) -> int:
        value = self._get(key)
        try:
            number = int(str(value)) if value is not None else default
        except ValueError:
            return default
        return number if number >= low else default

    def _choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = str(self._get(key) or "")
        return value if value in choices else default

    def _json(self, key: str) -> object:
        """A value kept as JSON text (lists and maps read back the same from every backend)."""
        value = self._get(key)
        try:
            return json.loads(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def _set_json(self, key: str, value: object) -> None:
        self._set(key, json.dumps(value, ensure_ascii=False))

    def _bool(self, key: str, default: bool) -> bool:
        value = self._get(key)
        if value is None:
            return default
        return value in (True, "true")  # INI and native backends store a bool as text

    # -- keys ---------------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        return self._bytes(WINDOW_GEOMETRY)

    def set_geometry(self, value: QByteArray) -> None:
        self._set(WINDOW_GEOMETRY, value)

    def window_state(self) -> QByteArray | None:
        return self._bytes(WINDOW_STATE)

    def set_window_state(self, value: QByteArray) -> None:
        self._set(WINDOW_STATE, value)

    def splitter(self) -> QByteArray | None:
        return self._bytes(WINDOW_SPLITTER)

    def set_splitter(self, value: QByteArray) -> None:
        self._set(WINDOW_SPLITTER, value)

    def preview_shown(self, default: bool = True) -> bool:
        return self._bool(WINDOW_PREVIEW, default)

    def set_preview_shown(self, shown: bool) -> None:
        self._set(WINDOW_PREVIEW, shown)

    def header(self) -> QByteArray | None:
        return self._bytes(BROWSER_HEADER)

    def set_header(self, value: QByteArray) -> None:
        self._set(BROWSER_HEADER, value)

    def byte_order(self) -> bool:
        """Names sorted in the store's byte order instead of the natural order."""
        return self._bool(BROWSER_BYTE_ORDER, False)

    def set_byte_order(self, on: bool) -> None:
        self._set(BROWSER_BYTE_ORDER, on)

    def view_mode(self) -> str:
        """``details`` (the table) or ``icons`` (the grid of thumbnails)."""
        return self._choice(BROWSER_VIEW_MODE, (VIEW_DETAILS, VIEW_ICONS), VIEW_DETAILS)

    def set_view_mode(self, mode: str) -> None:
        self._set(BROWSER_VIEW_MODE, mode)

    def list_thumbnails(self) -> bool:
        """Small thumbnails in the details table too (off: its rows stay one line tall)."""
        return self._bool(BROWSER_LIST_THUMBNAILS, False)

    def set_list_thumbnails(self, on: bool) -> None:
        self._set(BROWSER_LIST_THUMBNAILS, on)

    def last_element(self) -> str:
        return str(self._get(BROWSER_ELEMENT) or "")

    def set_last_element(self, name: str) -> None:
        self._set(BROWSER_ELEMENT, name)

    def last_folder(self) -> str:
        """The local folder the last file dialog chose from ("" before the first)."""
        return str(self._get(DIALOGS_LAST_FOLDER) or "")

    def set_last_folder(self, path: str) -> None:
        self._set(DIALOGS_LAST_FOLDER, path)

    def concurrency(self, default: int) -> int:
        value = self._get(TRANSFERS_CONCURRENCY)
        try:
            return int(str(value)) if value is not None else default
        except ValueError:
            return default

    def set_concurrency(self, count: int) -> None:
        self._set(TRANSFERS_CONCURRENCY, count)

    def keyring_offer_declined(self, name: str) -> bool:
        return self._bool(KEYRING_OFFER_DECLINED + name, False)

    def set_keyring_offer_declined(self, name: str) -> None:
        self._set(KEYRING_OFFER_DECLINED + name, True)

    def part_concurrency(self) -> int:
        """Parts of one big file in flight at once (the engine's ``set_part_limit``)."""
        return self._int(TRANSFERS_PART_CONCURRENCY, DEFAULT_PART_CONCURRENCY)

    def set_part_concurrency(self, count: int) -> None:
        self._set(TRANSFERS_PART_CONCURRENCY, count)

    def upload_limit(self) -> int:
        """Upload bandwidth limit in bytes per second; 0 is none."""
        return self._int(TRANSFERS_UPLOAD_LIMIT, 0)

    def set_upload_limit(self, rate: int) -> None:
        self._set(TRANSFERS_UPLOAD_LIMIT, rate)

    def download_limit(self) -> int:
        """Download bandwidth limit in bytes per second; 0 is none."""
        return self._int(TRANSFERS_DOWNLOAD_LIMIT, 0)

    def set_download_limit(self, rate: int) -> None:
        self._set(TRANSFERS_DOWNLOAD_LIMIT, rate)

    def upload_conflicts(self) -> str:
        """``overwrite`` (as every S3 tool does), ``ask`` or ``skip`` when a key exists."""
        return self._choice(
            TRANSFERS_UPLOAD_CONFLICTS,
            (CONFLICT_OVERWRITE, CONFLICT_ASK, CONFLICT_SKIP),
            CONFLICT_OVERWRITE,
        )

    def set_upload_conflicts(self, choice: str) -> None:
        self._set(TRANSFERS_UPLOAD_CONFLICTS, choice)

    def cache_max_bytes(self) -> int:
        """The Open/Edit cache's bound (copies being edited or not yet uploaded stay)."""
        return self._int(CACHE_MAX_BYTES, DEFAULT_CACHE_MAX_BYTES)

    def set_cache_max_bytes(self, size: int) -> None:
        self._set(CACHE_MAX_BYTES, size)

    def cache_folder(self) -> str:
        """The Open/Edit cache folder ("" is the platform's cache folder)."""
        return str(self._get(CACHE_FOLDER) or "")

    def set_cache_folder(self, path: str) -> None:
        self._set(CACHE_FOLDER, path)

    def url_expiry(self) -> int:
        """Seconds a "Copy signed URL" (Ctrl+Shift+C) link works."""
        return min(self._int(URLS_EXPIRY, DEFAULT_URL_EXPIRY, low=1), 7 * 86400)

    def set_url_expiry(self, seconds: int) -> None:
        self._set(URLS_EXPIRY, seconds)

    def confirm_delete(self) -> bool:
        return self._bool(OBJECTS_CONFIRM_DELETE, True)

    def set_confirm_delete(self, on: bool) -> None:
        self._set(OBJECTS_CONFIRM_DELETE, on)

    def thumbnail_max_bytes(self) -> int:
        """Objects larger than this get no thumbnail (never downloaded for one)."""
        return self._int(THUMBNAILS_MAX_BYTES, DEFAULT_THUMBNAIL_MAX_BYTES)

    def set_thumbnail_max_bytes(self, size: int) -> None:
        self._set(THUMBNAILS_MAX_BYTES, size)

    def language(self) -> str:
        """The app's language ("" follows the system), applied at the next start."""
        return self._choice(APP_LANGUAGE, LANGUAGES, "")

    def set_language(self, code: str) -> None:
        self._set(APP_LANGUAGE, code)

    def bookmarks(self) -> list[Bookmark]:
        return read_bookmarks(self._json(PLACES_BOOKMARKS))

    def set_bookmarks(self, bookmarks: list[Bookmark]) -> None:
        self._set_json(PLACES_BOOKMARKS, [b.to_data() for b in bookmarks])

    def recent_places(self) -> list[Place]:
        """Recent locations, newest first."""
        return read_places(self._json(PLACES_RECENT))

    def set_recent_places(self, places: list[Place]) -> None:
        self._set_json(PLACES_RECENT, [p.to_data() for p in places])

    def last_shown(self) -> dict[str, Place]:
        """Where each connection was left (bucket and prefix), by connection name."""
        return read_last_shown(self._json(PLACES_LAST_SHOWN))

    def set_last_shown(self, places: dict[str, Place]) -> None:
        self._set_json(PLACES_LAST_SHOWN, {name: p.to_data() for name, p in places.items()})
