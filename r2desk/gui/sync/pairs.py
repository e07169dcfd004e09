"""Saved sync pairs in the sidebar: every pair that ran once, newest first; a double click (or
Enter) opens it in the Synchronize dialog with its options and compares at once.

The list is read from the state folder in the app's task pool (never on the main thread).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from r2desk.gui.tasks import TaskPool
from r2desk.sync.state import PairInfo, saved_pairs

PAIR_ROLE = Qt.ItemDataRole.UserRole + 1


class SavedPairs(QWidget):
    """``chosen(source, target, options)`` when a pair is activated."""

    chosen = Signal(str, str, object)

    def __init__(self, pool: TaskPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("S&ync pairs"), self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Sync pairs"))
        self.list.setToolTip(
            self.tr("Folders and buckets synced before; double-click to sync again")
        )
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        title.setBuddy(self.list)
        layout.addWidget(title)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._activated)
        self.pairs: list[PairInfo] = []

    def reload(self) -> None:
        self.pool.submit(saved_pairs, on_result=self._loaded, owner=self)

    def _loaded(self, pairs: list[PairInfo]) -> None:
        self.pairs = pairs
        self.list.clear()
        for i, pair in enumerate(pairs):
            arrow = "⇄" if pair.options.get("two_way") else "→"
            item = QListWidgetItem(f"{pair.a_label} {arrow} {pair.b_label}")
            item.setToolTip(f"{pair.a_label}\n{arrow} {pair.b_label}")
            item.setData(PAIR_ROLE, i)
            self.list.addItem(item)
        self.setVisible(bool(pairs))

    def _activated(self, item: QListWidgetItem) -> None:
        pair = self.pairs[int(item.data(PAIR_ROLE))]
        self.chosen.emit(pair.a_label, pair.b_label, pair.options)
