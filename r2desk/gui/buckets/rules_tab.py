"""One section of the bucket settings dialog: a table of rules read and saved in the pool, checked
as it is edited, with the exact XML it will send. ``CorsTab`` is the CORS section; the lifecycle
section is ``lifecycle_tab.LifecycleTab``.

A server that lacks the call (``not_implemented``) makes the section say "not supported by this
server" instead of failing the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from r2desk.errors import StorageError
from r2desk.gui.i18n import QT_TRANSLATE_NOOP
from r2desk.gui.messages import describe
from r2desk.gui.tasks import TaskPool
from r2desk.gui.widgets import plain_label
from r2desk.results import CorsRule
from r2desk.storages import bucket_rules as rules
from r2desk.storages.meta import Meta


def split(text: str) -> list[str]:
    """A cell of comma-separated values as a list (blanks dropped)."""
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


class RulesTab(QWidget):
    """The shared frame: table, add/remove, problems, XML, save; subclasses say the columns."""

    COLUMNS: tuple[str, ...] = ()
    NOUN = QT_TRANSLATE_NOOP("RulesTab", "rules")

    def __init__(self, element: Meta, pool: TaskPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.element = element
        self.pool = pool
        self.supported: bool | None = None  # None until the first read answered
        layout = QVBoxLayout(self)
        self.status = plain_label(self, self.tr("Reading…"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.note = plain_label(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Rules"))
        layout.addWidget(self.table, 2)
        self.buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add rule"), self)
        self.remove_button = QPushButton(self.tr("&Remove rule"), self)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.buttons.addWidget(self.save_button)
        layout.addLayout(self.buttons)
        self.problems = plain_label(self)
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        layout.addWidget(plain_label(self, self.tr("The exact XML that Save sends:")))
        self.xml = QPlainTextEdit(self)
        self.xml.setReadOnly(True)
        self.xml.setAccessibleName(self.tr("XML"))
        layout.addWidget(self.xml, 1)
        self.add_button.clicked.connect(lambda: self.add_row(None))
        self.remove_button.clicked.connect(self.remove_row)
        self.save_button.clicked.connect(self.save)
        self.table.itemChanged.connect(lambda _item: self.update_checks())
        self.set_editable(False)

    # -- subclasses -------------------------------------------------------------------------------

    def read(self) -> list[Any]:
        raise NotImplementedError

    def write(self, wanted: list[Any]) -> list[Any]:
        raise NotImplementedError

    def row_values(self, rule: Any | None) -> list[str]:
        raise NotImplementedError

    def rule_at(self, row: int) -> Any:
        raise NotImplementedError

    def problems_of(self, found: list[Any]) -> list[str]:
        raise NotImplementedError

    def xml_of(self, found: list[Any]) -> str:
        raise NotImplementedError

    # -- the frame ------------------------------------------------------------------------------

    def set_editable(self, on: bool) -> None:
        for w in (self.table, self.add_button, self.remove_button, self.save_button):
            w.setEnabled(on)

    def load(self) -> None:
        self.status.setText(self.tr("Reading…"))
        self._submit(self.read, self._loaded)

    def _submit(self, fn: Callable[..., Any], done: Callable[[Any], None], *args: Any) -> None:
        self.pool.submit(
            fn, *args, on_result=done, on_error=self._failed, on_crash=self._crashed, owner=self
        )

    def _loaded(self, found: list[Any]) -> None:
        self.supported = True
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for rule in found:
            self.add_row(rule)
        self.table.blockSignals(False)
        count = len(found)
        self.status.setText(
            self.tr("{0} {1} on {2}.").format(count, self.tr(self.NOUN), self.element.where.bucket)
            if count
            else self.tr("No {0} on {1}.").format(self.tr(self.NOUN), self.element.where.bucket)
        )
        self.set_editable(True)
        self.update_checks()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StorageError) and exc.code == "not_implemented":
            self.supported = False
            self.status.setText(self.tr("Not supported by this server."))
            self.set_editable(False)
            return
        title, text = describe(exc)
        self.status.setText(f"{title}: {text}")
        self.set_editable(self.supported is True)

    def _crashed(self, details: str) -> None:
        self.status.setText(details.strip().splitlines()[-1])

    def add_row(self, rule: Any | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, value in enumerate(self.row_values(rule)):
            self.table.setItem(row, col, QTableWidgetItem(value))
        self.update_checks()

    def remove_row(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        self.update_checks()

    def cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def current_rules(self) -> list[Any]:
        return [self.rule_at(row) for row in range(self.table.rowCount())]

    def update_checks(self) -> list[str]:
        found = self.current_rules()
        problems = self.problems_of(found)
        self.problems.setText("\n".join(problems[:8]))
        self.xml.setPlainText(self.xml_of(found) if not problems else "")
        self.save_button.setEnabled(self.supported is True and not problems)
        return problems

    def save(self) -> None:
        if self.update_checks():
            return
        self.status.setText(self.tr("Saving…"))
        self.set_editable(False)
        self._submit(self.write, lambda _saved: self.load(), self.current_rules())


def _int_or_text(text: str) -> Any:
    """A days/seconds cell: an int when it is one, else the text (the check then says so)."""
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return text


#: The core's preset names (r2desk.storages.bucket_rules.cors_presets), for Qt Linguist.
PRESET_NAMES = (
    QT_TRANSLATE_NOOP("CorsTab", "Allow GET from anywhere"),
    QT_TRANSLATE_NOOP("CorsTab", "Allow browser uploads from my site"),
)


class CorsTab(RulesTab):
    COLUMNS = (
        QT_TRANSLATE_NOOP("CorsTab", "Origins"),
        QT_TRANSLATE_NOOP("CorsTab", "Methods"),
        QT_TRANSLATE_NOOP("CorsTab", "Allowed headers"),
        QT_TRANSLATE_NOOP("CorsTab", "Expose headers"),
        QT_TRANSLATE_NOOP("CorsTab", "Max age (s)"),
    )
    NOUN = QT_TRANSLATE_NOOP("CorsTab", "CORS rules")

    def __init__(self, element: Meta, pool: TaskPool, parent: QWidget | None = None) -> None:
        super().__init__(element, pool, parent)
        self.note.setText(
            self.tr(
                "Browsers may read from and upload to this bucket only from the origins listed "
                "here. Comma-separate several values; methods: {0}."
            ).format(", ".join(rules.CORS_METHODS))
        )
        self.presets = QComboBox(self)
        self.presets.setAccessibleName(self.tr("Add a preset rule"))
        self.presets.addItem(self.tr("Add a preset…"), "")
        for name in rules.cors_presets():
            self.presets.addItem(self.tr(name), name)
        self.buttons.insertWidget(2, self.presets)
        self.presets.activated.connect(self._preset)
        self.widgets_to_toggle = [self.presets]

    def set_editable(self, on: bool) -> None:
        super().set_editable(on)
        for w in getattr(self, "widgets_to_toggle", []):
            w.setEnabled(on)

    def _preset(self, index: int) -> None:
        name = self.presets.itemData(index)
        if name:
            self.add_row(rules.cors_presets()[name])
        self.presets.setCurrentIndex(0)

    def read(self) -> list[Any]:
        return self.element.getBucketCors()

    def write(self, wanted: list[Any]) -> list[Any]:
        return self.element.putBucketCors(wanted)

    def row_values(self, rule: Any | None) -> list[str]:
        if rule is None:
            return ["https://example.com", "GET, HEAD", "", "ETag", "3600"]
        age = rule["maxAgeSeconds"]
        return [
            ", ".join(rule["allowedOrigins"]),
            ", ".join(rule["allowedMethods"]),
            ", ".join(rule["allowedHeaders"]),
            ", ".join(rule["exposeHeaders"]),
            "" if age is None else str(age),
        ]

    def rule_at(self, row: int) -> CorsRule:
        return {
            "allowedOrigins": split(self.cell(row, 0)),
            "allowedMethods": [m.upper() for m in split(self.cell(row, 1))],
            "allowedHeaders": split(self.cell(row, 2)),
            "exposeHeaders": split(self.cell(row, 3)),
            "maxAgeSeconds": _int_or_text(self.cell(row, 4)),
        }

    def problems_of(self, found: list[Any]) -> list[str]:
        return rules.cors_problems(found)

    def xml_of(self, found: list[Any]) -> str:
        return rules.cors_xml(found, self.element.where.bucket) if found else ""
