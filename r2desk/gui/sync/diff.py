"""The diff of a comparison as a tree: folders, then what each file will do, with checkboxes.

Items that change something (create, update, delete) are checked by default; unchecking one
leaves it out of the run. A conflict carries a choice (skip, keep the first side's, the
second's, or both), set per item. Collisions and keys that cannot be synced are shown with
their reason, never checkable. Every name is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from r2desk.formatting import human_size
from r2desk.results import SyncItem

CHECKABLE = ("create", "update", "delete")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DiffTree(QTreeWidget):
    """One row per difference, under its folders; ``selected()`` and ``decisions()`` read it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("Name"), self.tr("Action"), self.tr("Size"), self.tr("Why")])
        self.setAccessibleName(self.tr("Differences"))
        self.setToolTip(self.tr("What the sync will do; uncheck what it should leave alone"))
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.header().setStretchLastSection(True)
        self._folders: dict[str, QTreeWidgetItem] = {}
        self._choices: dict[str, QComboBox] = {}
        self._leaves: dict[str, QTreeWidgetItem] = {}
        self.labels = (self.tr("first side"), self.tr("second side"))

    def clear_items(self) -> None:
        self.clear()
        self._folders, self._choices, self._leaves = {}, {}, {}

    def _folder(self, path: str) -> QTreeWidgetItem | None:
        if not path:
            return None
        node = self._folders.get(path)
        if node is None:
            head, _, name = path.rstrip("/").rpartition("/")
            parent = self._folder(head + "/" if head else "")
            node = QTreeWidgetItem([name + "/", "", "", ""])
            node.setFlags(
                node.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
            )
            node.setCheckState(0, Qt.CheckState.Checked)
            if parent is None:
                self.addTopLevelItem(node)
            else:
                parent.addChild(node)
            node.setExpanded(True)
            self._folders[path] = node
        return node

    def _action_text(self, item: SyncItem) -> str:
        arrow = "←" if item["direction"] == "b>a" else "→"
        words = {
            "create": self.tr("new"),
            "update": self.tr("changed"),
            "delete": self.tr("delete"),
            "extra": self.tr("only there"),
            "conflict": self.tr("conflict"),
            "collision": self.tr("collision"),
            "invalid": self.tr("cannot sync"),
        }
        return f"{words.get(item['action'], item['action'])} {arrow}"

    def add_items(self, items: list[SyncItem]) -> None:
        self.setUpdatesEnabled(False)
        try:
            for item in items:
                self._add(item)
        finally:
            self.setUpdatesEnabled(True)
        self.resizeColumnToContents(0)

    def _add(self, item: SyncItem) -> None:
        folder, _, name = item["key"].rpartition("/")
        parent = self._folder(folder + "/" if folder else "")
        row = QTreeWidgetItem(
            [name, self._action_text(item), human_size(item["size"]), item["reason"]]
        )
        row.setData(0, ID_ROLE, item["id"])
        row.setToolTip(0, item["key"])
        row.setToolTip(3, item["reason"])
        if item["action"] in CHECKABLE:
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Checked)
        else:
            row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        if parent is None:
            self.addTopLevelItem(row)
        else:
            parent.addChild(row)
        self._leaves[item["id"]] = row
        if item["action"] == "conflict":
            combo = QComboBox(self)
            combo.setAccessibleName(self.tr("Choice for {0}").format(item["key"]))
            combo.addItem(self.tr("Skip"), "skip")
            combo.addItem(self.tr("Keep {0}").format(self.labels[0]), "a")
            combo.addItem(self.tr("Keep {0}").format(self.labels[1]), "b")
            combo.addItem(self.tr("Keep both"), "both")
            self.setItemWidget(row, 1, combo)
            self._choices[item["id"]] = combo

    def selected(self) -> frozenset[str]:
        """The ids of the checked items, and of every conflict (its choice decides)."""
        chosen = {
            i for i, row in self._leaves.items() if row.checkState(0) == Qt.CheckState.Checked
        }
        return frozenset(chosen | set(self._choices))

    def decisions(self) -> dict[str, str]:
        return {i: str(combo.currentData()) for i, combo in self._choices.items()}

    def set_checked(self, item_id: str, checked: bool) -> None:
        row = self._leaves[item_id]
        row.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def choose(self, item_id: str, choice: str) -> None:
        combo = self._choices[item_id]
        combo.setCurrentIndex(combo.findData(choice))

    def row(self, item_id: str) -> QTreeWidgetItem:
        return self._leaves[item_id]
