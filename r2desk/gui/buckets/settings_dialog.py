"""The bucket settings dialog: CORS and lifecycle sections (each read in the pool, checked,
saved with the exact XML shown) and the storage classes' terms."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from r2desk.gui.buckets.lifecycle_tab import LifecycleTab
from r2desk.gui.buckets.rules_tab import CorsTab
from r2desk.gui.buckets.storage_class import ia_terms
from r2desk.gui.tasks import TaskPool
from r2desk.gui.widgets import plain_label
from r2desk.storages.meta import Meta


class BucketSettingsDialog(QDialog):
    """Settings of one bucket (the element's, or a sibling's for another bucket)."""

    def __init__(self, element: Meta, pool: TaskPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.element = element
        self.setWindowTitle(self.tr("Bucket settings: {0}").format(element.where.bucket))
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.cors = CorsTab(element, pool, self)
        self.lifecycle = LifecycleTab(element, pool, self)
        self.tabs.addTab(self.cors, self.tr("&CORS"))
        self.tabs.addTab(self.lifecycle, self.tr("&Lifecycle"))
        classes = QWidget(self)
        box = QVBoxLayout(classes)
        text = plain_label(
            classes,
            self.tr(
                "Objects are stored as STANDARD or STANDARD_IA (Infrequent Access). Change the "
                "class of selected objects from their context menu (Storage class…) or with "
                "r2desk storage-class; the object is copied onto itself, its content type and "
                "metadata kept. A lifecycle rule can move objects to Infrequent Access but never "
                "back."
            )
            + "\n\n"
            + ia_terms(),
        )
        text.setWordWrap(True)
        box.addWidget(text)
        box.addStretch(1)
        self.tabs.addTab(classes, self.tr("&Storage class"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.cors.load()
        self.lifecycle.load()
