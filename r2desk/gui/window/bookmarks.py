"""The sidebar's Bookmarks section: the list, its right-click menu, and a hint while it is empty.

It only shows bookmarks and reports what the user asks for by index (``open_requested``,
``rename_requested``, ``remove_requested``); ``places.Places`` owns the bookmarks and does it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from r2desk.gui.widgets import plain_label, plain_tip
from r2desk.places import Bookmark

INDEX = Qt.ItemDataRole.UserRole
#: The list grows with its bookmarks up to this many rows, then scrolls (the connections keep
#: the rest of the sidebar).
MAX_ROWS = 5


class BookmarksPanel(QWidget):
    """A plain-text list of bookmarks; a click (or Enter) opens one."""

    open_requested = Signal(int)
    rename_requested = Signal(int)
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Bookmarks panel"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        title = QLabel(self.tr("&Bookmarks"), self)
        layout.addWidget(title)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Bookmarks"))
        self.list.setToolTip(
            self.tr("Folders you bookmarked (Ctrl+D); right-click to rename or remove one")
        )
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        side = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.list.setIconSize(QSize(side, side))  # rows as tall as the connections' rows
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        title.setBuddy(self.list)
        layout.addWidget(self.list)
        self.hint = plain_label(self, self.tr("Ctrl+D bookmarks the folder you are in."))
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)  # drawn greyed, as a hint
        layout.addWidget(self.hint)
        self.act_rename = self._key_action(self.tr("&Rename…"), "F2", self.rename_requested.emit)
        self.act_remove = self._key_action(
            self.tr("Re&move"), QKeySequence.StandardKey.Delete, self.remove_requested.emit
        )
        self.list.itemClicked.connect(self._open)
        self.list.itemActivated.connect(self._open)
        self.list.customContextMenuRequested.connect(self._menu)
        self.show_bookmarks([], {})

    def _key_action(
        self,
        text: str,
        key: QKeySequence | QKeySequence.StandardKey | str,
        emit: Callable[[int], object],
    ) -> QAction:
        """An entry of the right-click menu whose key works while the list has the focus."""
        act = QAction(text, self.list)
        act.setShortcut(QKeySequence(key))
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        act.triggered.connect(lambda _=False: self._emit_current(emit))
        self.list.addAction(act)
        return act

    def _emit_current(self, emit: Callable[[int], object]) -> None:
        item = self.list.currentItem()
        if item is not None:
            emit(int(item.data(INDEX)))

    def show_bookmarks(self, bookmarks: list[Bookmark], where: dict[int, str]) -> None:
        """Fill the list; ``where`` says, by index, where each one points (for its tooltip)."""
        self.list.clear()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DirLinkIcon)
        for i, bookmark in enumerate(bookmarks):
            item = QListWidgetItem(icon, bookmark.name)  # item text is never rich text
            item.setData(INDEX, i)
            item.setToolTip(plain_tip(f"{bookmark.name}\n{where.get(i, '')}".rstrip()))
            self.list.addItem(item)
        rows = max(1, min(len(bookmarks), MAX_ROWS))
        row_height = self.list.sizeHintForRow(0) if bookmarks else self.fontMetrics().height()
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth() + 2)
        self.list.setVisible(bool(bookmarks))
        self.hint.setVisible(not bookmarks)

    def mark(self, index: int) -> None:
        """Highlight the bookmark of the folder shown (-1: none is, so none is highlighted)."""
        self.list.setCurrentRow(index)
        if index < 0:
            self.list.clearSelection()

    def _open(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(int(item.data(INDEX)))

    def build_menu(self, item: QListWidgetItem | None) -> QMenu:
        """Open, Rename, Remove for the clicked bookmark (the highlight stays on the folder
        shown, so the entries carry their bookmark rather than read the current row)."""
        menu = QMenu(self)
        if item is not None:
            index = int(item.data(INDEX))
            menu.addAction(self.tr("&Open"), lambda: self.open_requested.emit(index))
            for act, signal in (
                (self.act_rename, self.rename_requested),
                (self.act_remove, self.remove_requested),
            ):
                keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                entry = menu.addAction(f"{act.text()}\t{keys}")
                entry.triggered.connect(lambda _=False, s=signal: s.emit(index))
        return menu

    def _menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is not None:
            self.build_menu(item).popup(self.list.viewport().mapToGlobal(pos))
