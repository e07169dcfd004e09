"""What the window's parts share: the open element, the listed prefix, the selection.

Components never call each other to learn these; they read this object and follow its signals,
so the sidebar, the browser, the commands and the actions stay independent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from r2desk.gui.objects.model import FILE, Row

if TYPE_CHECKING:
    from r2desk.storages.meta import Meta


class WindowState(QObject):
    """One small shared state; every change is announced by a ``*_changed`` signal."""

    element_changed = Signal(str)  # the element's name ("" when none is open)
    prefix_changed = Signal(str)  # each time a prefix is shown (even the same one again)
    selection_changed = Signal()
    connection_text_changed = Signal(str)  # "Connecting…", "Connected to …", "Not connected"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.element: Meta | None = None
        self.element_name = ""
        self.prefix = ""
        self.selection: list[Row] = []
        self.connection_text = "Not connected"

    def set_element(self, name: str, element: Meta | None, prefix: str = "") -> None:
        """Open ``element`` (None closes) at ``prefix``; the browser lists it."""
        self.element_name = name if element is not None else ""
        self.element = element
        self.prefix = prefix if element is not None else ""
        self.element_changed.emit(self.element_name)

    def set_prefix(self, prefix: str) -> None:
        self.prefix = prefix
        self.prefix_changed.emit(prefix)

    def set_selection(self, rows: list[Row]) -> None:
        self.selection = rows
        self.selection_changed.emit()

    def set_connection_text(self, text: str) -> None:
        self.connection_text = text
        self.connection_text_changed.emit(text)

    def selected_file_keys(self) -> list[str]:
        return [r.key for r in self.selection if r.kind == FILE]
