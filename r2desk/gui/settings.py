"""Every QSettings key the GUI keeps, behind one small object: the only module opening QSettings.

A ``Settings`` is persistent (the user's QSettings, under the organisation and application
names ``ensure_qapplication`` sets) or in memory (``Settings.in_memory()``), which the demo uses
so that a throwaway session never changes the user's window layout or last connection.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
WINDOW_SPLITTER = "window/splitter"
WINDOW_PREVIEW = "window/preview"
BROWSER_HEADER = "browser/header"
BROWSER_ELEMENT = "browser/element"
BROWSER_BYTE_ORDER = "browser/byteOrder"
TRANSFERS_CONCURRENCY = "transfers/concurrency"
DIALOGS_LAST_FOLDER = "dialogs/lastFolder"
#: Followed by the element's short name: the user declined moving its secret to the keyring.
KEYRING_OFFER_DECLINED = "connections/keyringOfferDeclined/"


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
