"""The "New bucket" dialog: a checked name, R2's location hint, and the jurisdiction said."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from r2desk.gui.widgets import plain_label
from r2desk.storages.bucket_rules import R2_LOCATION_HINTS
from r2desk.storages.config import bucket_name_problem
from r2desk.storages.meta import Meta


class CreateBucketDialog(QDialog):
    """Asks for a bucket name (checked as it is typed) and, on R2, a location hint."""

    def __init__(self, element: Meta, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.element = element
        self.setWindowTitle(self.tr("New bucket"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Bucket name"))
        self.name_edit.setPlaceholderText(self.tr("my-new-bucket"))
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.problem = plain_label(self)
        self.problem.setWordWrap(True)
        form.addRow("", self.problem)
        self.hint = QComboBox(self)
        self.hint.setAccessibleName(self.tr("Location hint"))
        self.hint.addItem(self.tr("Automatic (none)"), "")
        for code, place in R2_LOCATION_HINTS.items():
            self.hint.addItem(f"{place} ({code})", code)
        self.hint.setEnabled(element.config.is_r2)
        if not element.config.is_r2:
            self.hint.setToolTip(self.tr("Location hints are Cloudflare R2's; this is not R2"))
        form.addRow(self.tr("&Location hint:"), self.hint)
        jurisdiction = element.config.jurisdiction or self.tr("default")
        where = (
            self.tr("{0} (from the connection's endpoint)").format(jurisdiction)
            if element.config.is_r2
            else self.tr("set by the endpoint {0}").format(element.config.endpoint_url)
        )
        form.addRow(self.tr("Jurisdiction:"), plain_label(self, where))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        name = self.name_edit.text().strip()
        problem = bucket_name_problem(name, r2=self.element.config.is_r2) if name else None
        self.problem.setText(self.tr("The name {0}").format(problem) if problem else "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(name) and problem is None)

    def values(self) -> tuple[str, str | None]:
        return self.name_edit.text().strip(), self.hint.currentData() or None
