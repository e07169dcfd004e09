"""Small dialogs: a name for Rename / New folder, a custom signed-URL expiry, and an object's
properties (editable headers).

Both take their data from and give it back to the window; any request runs in the pool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from r2desk.formatting import human_size, local_time
from r2desk.gui.i18n import QT_TRANSLATE_NOOP
from r2desk.gui.widgets import plain_label, read_only_look
from r2desk.storages.config import MAX_PRESIGN_SECONDS

_UNITS = (
    (QT_TRANSLATE_NOOP("ExpiryDialog", "minutes"), 60),
    (QT_TRANSLATE_NOOP("ExpiryDialog", "hours"), 3600),
    (QT_TRANSLATE_NOOP("ExpiryDialog", "days"), 86400),
)


class NameDialog(QDialog):
    """Ask for a name, checked as it is typed: OK stays disabled and the reason is shown in one
    fixed line under the field, so a refused name never closes the dialog or loses the text."""

    def __init__(
        self,
        title: str,
        label: str,
        default: str,
        check: Callable[[str], str | None],
        parent: QWidget | None = None,
        *,
        select_stem: bool = False,
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.label = plain_label(self, label)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.edit = QLineEdit(default, self)
        self.edit.setAccessibleName(self.tr("Name"))
        self.edit.setToolTip(label)
        self.label.setBuddy(self.edit)
        layout.addWidget(self.edit)
        self.problem = plain_label(self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Why the name cannot be used"))
        # Room for two lines from the start, so the form does not jump as the text changes.
        self.problem.setMinimumHeight(2 * self.problem.fontMetrics().lineSpacing())
        self.problem.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check()
        if select_stem and "." in default.rstrip("/").rsplit("/", 1)[-1].lstrip("."):
            # Rename: the name without its extension is selected, ready to be typed over.
            self.edit.setSelection(0, default.rfind("."))
        else:
            self.edit.selectAll()

    def value(self) -> str:
        return self.edit.text().strip()

    def _check(self) -> None:
        problem = self.check(self.value())
        ok = problem is None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.problem.setText(
            "" if ok else self.tr("This name cannot be used: {0}.").format(problem)
        )

    def accept(self) -> None:
        if self.check(self.value()) is None:
            super().accept()


class ExpiryDialog(QDialog):
    """Choose a signed URL's lifetime: a number and a unit, up to R2's 7 days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signed URL expiry"))
        self.setAccessibleName(self.tr("Signed URL expiry"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(self.tr("Valid &for:"), self)
        self.amount = QSpinBox(self)
        self.amount.setRange(1, 10080)
        self.amount.setValue(2)
        self.amount.setAccessibleName(self.tr("Expiry amount"))
        self.amount.setToolTip(self.tr("How long the link stays valid (at most 7 days)"))
        label.setBuddy(self.amount)
        self.unit = QComboBox(self)
        self.unit.addItems([self.tr(u) for u, _ in _UNITS])
        self.unit.setCurrentIndex(1)
        self.unit.setAccessibleName(self.tr("Expiry unit"))
        self.unit.setToolTip(self.tr("Unit of the expiry"))
        row.addWidget(label)
        row.addWidget(self.amount)
        row.addWidget(self.unit)
        layout.addLayout(row)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.amount.valueChanged.connect(self._check)
        self.unit.currentIndexChanged.connect(self._check)
        self._check()

    def seconds(self) -> int:
        return self.amount.value() * _UNITS[self.unit.currentIndex()][1]

    def _check(self) -> None:
        ok = self.seconds() <= MAX_PRESIGN_SECONDS
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.note.setText("" if ok else self.tr("R2 signs links for at most 7 days."))


class PropertiesDialog(QDialog):
    """An object's information, with content type, cache control and metadata editable.

    ``save_requested`` carries (contentType, cacheControl, metadata) when the user saves.
    """

    save_requested = Signal(str, str, dict)

    def __init__(
        self, info: dict[str, Any], public_url: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(self.tr("Properties of {0}").format(info["key"].rsplit("/", 1)[-1]))
        self.setAccessibleName(self.tr("Object properties"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        size = info.get("size", 0)

        def ro(text: str, name: str) -> QLineEdit:
            field = QLineEdit(text, self)
            field.setReadOnly(True)
            field.setCursorPosition(0)
            read_only_look(field)
            field.setAccessibleName(name)
            field.setToolTip(self.tr("{0} (read only)").format(name))
            return field

        form.addRow(self.tr("Key:"), ro(info["key"], self.tr("Key")))
        form.addRow(self.tr("Size:"), ro(f"{human_size(size)} ({size:,} bytes)", self.tr("Size")))
        form.addRow(
            self.tr("Modified:"), ro(local_time(info.get("lastModified")), self.tr("Modified"))
        )
        form.addRow(self.tr("ETag:"), ro(info.get("etag", ""), self.tr("ETag")))
        form.addRow(
            self.tr("Storage class:"), ro(info.get("storageClass", ""), self.tr("Storage class"))
        )
        if public_url:
            form.addRow(self.tr("Public URL:"), ro(public_url, self.tr("Public URL")))
        self.content_type = QLineEdit(info.get("contentType", ""), self)
        self.content_type.setAccessibleName(self.tr("Content type"))
        self.content_type.setToolTip(self.tr("The Content-Type the object is served with"))
        self.cache_control = QLineEdit(info.get("cacheControl", ""), self)
        self.cache_control.setAccessibleName(self.tr("Cache control"))
        self.cache_control.setToolTip(self.tr("The Cache-Control header, e.g. max-age=3600"))
        self.cache_control.setPlaceholderText(self.tr("e.g. public, max-age=3600"))
        ct_label = QLabel(self.tr("Content &type:"), self)
        ct_label.setBuddy(self.content_type)
        cc_label = QLabel(self.tr("&Cache control:"), self)
        cc_label.setBuddy(self.cache_control)
        form.addRow(ct_label, self.content_type)
        form.addRow(cc_label, self.cache_control)
        layout.addLayout(form)
        meta_label = QLabel(self.tr("User &metadata:"), self)
        layout.addWidget(meta_label)
        self.metadata = QTableWidget(0, 2, self)
        self.metadata.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.metadata.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Value")])
        self.metadata.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.metadata.verticalHeader().hide()
        self.metadata.setAccessibleName(self.tr("User metadata"))
        self.metadata.setToolTip(self.tr("x-amz-meta-* entries; double-click a cell to edit it"))
        meta_label.setBuddy(self.metadata)
        for name, value in sorted(info.get("metadata", {}).items()):
            self._add_row(name, value)
        layout.addWidget(self.metadata)
        row = QHBoxLayout()
        add = QPushButton(self.tr("&Add entry"), self)
        add.setToolTip(self.tr("Add a metadata entry"))
        add.setAccessibleName(self.tr("Add metadata entry"))
        add.clicked.connect(self._add_new)
        remove = QPushButton(self.tr("&Remove entry"), self)
        remove.setToolTip(self.tr("Remove the selected metadata entries"))
        remove.setAccessibleName(self.tr("Remove metadata entry"))
        remove.clicked.connect(self._remove)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        self.problem = plain_label(self)
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(
            self.tr(
                "Save the content type, cache control and metadata (rewrites the object's headers)"
            )
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _add_row(self, name: str, value: str) -> None:
        row = self.metadata.rowCount()
        self.metadata.insertRow(row)
        self.metadata.setItem(row, 0, QTableWidgetItem(name))
        self.metadata.setItem(row, 1, QTableWidgetItem(value))

    def _add_new(self) -> None:
        self._add_row("", "")
        self.metadata.setCurrentCell(self.metadata.rowCount() - 1, 0)
        item = self.metadata.item(self.metadata.rowCount() - 1, 0)
        if item is not None:
            self.metadata.editItem(item)

    def _remove(self) -> None:
        for row in sorted({i.row() for i in self.metadata.selectedIndexes()}, reverse=True):
            self.metadata.removeRow(row)

    def values(self) -> tuple[str, str, dict[str, str]] | str:
        """The edited values, or a sentence saying what is wrong with them."""
        meta: dict[str, str] = {}
        for row in range(self.metadata.rowCount()):
            name_item, value_item = self.metadata.item(row, 0), self.metadata.item(row, 1)
            name = (name_item.text() if name_item else "").strip().lower()
            value = value_item.text() if value_item else ""
            if not name and not value:
                continue
            if not name or not all(c.isalnum() or c in "-_." for c in name) or not name.isascii():
                return f"Metadata name {name!r} may hold only letters, digits, '-', '_' and '.'."
            if not value.isascii():
                return f"The value of {name!r} must be plain ASCII (an HTTP header)."
            meta[name] = value
        if len(repr(meta)) > 8192:
            return "User metadata is limited to 8 KiB."
        content_type = self.content_type.text().strip() or "application/octet-stream"
        return content_type, self.cache_control.text().strip(), meta

    def _save(self) -> None:
        values = self.values()
        if isinstance(values, str):
            self.problem.setText(values)
            return
        self.problem.setText(self.tr("Saving…"))
        self.buttons.setEnabled(False)
        self.save_requested.emit(*values)

    def save_done(self, error: str = "") -> None:
        """The window reports back; close on success, show the problem otherwise."""
        self.buttons.setEnabled(True)
        if error:
            self.problem.setText(error)
        else:
            self.accept()
