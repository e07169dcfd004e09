"""The lifecycle section of the bucket settings: delete after N days or on a date under a prefix,
abort unfinished uploads after N days (R2's default rule: 7 days), move to Infrequent Access."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QWidget

from r2desk.gui.buckets.rules_tab import RulesTab, _int_or_text
from r2desk.gui.buckets.storage_class import ia_terms
from r2desk.gui.i18n import QT_TRANSLATE_NOOP
from r2desk.gui.tasks import TaskPool
from r2desk.results import LifecycleRule
from r2desk.storages import bucket_rules as rules
from r2desk.storages.meta import Meta

ENABLED = 1


class LifecycleTab(RulesTab):
    COLUMNS = (
        QT_TRANSLATE_NOOP("LifecycleTab", "Name"),
        QT_TRANSLATE_NOOP("LifecycleTab", "On"),
        QT_TRANSLATE_NOOP("LifecycleTab", "Prefix"),
        QT_TRANSLATE_NOOP("LifecycleTab", "Delete after (days)"),
        QT_TRANSLATE_NOOP("LifecycleTab", "Delete on (date)"),
        QT_TRANSLATE_NOOP("LifecycleTab", "Abort uploads (days)"),
        QT_TRANSLATE_NOOP("LifecycleTab", "To IA (days)"),
    )
    NOUN = QT_TRANSLATE_NOOP("LifecycleTab", "lifecycle rules")

    def __init__(self, element: Meta, pool: TaskPool, parent: QWidget | None = None) -> None:
        super().__init__(element, pool, parent)
        default = self.tr(
            "R2's default rule: every bucket aborts unfinished multipart uploads after {0} days "
            "unless a rule here says otherwise."
        ).format(rules.R2_DEFAULT_ABORT_DAYS)
        self.note.setText(
            self.tr("At most {0} rules. ").format(rules.MAX_LIFECYCLE_RULES)
            + default
            + "\n"
            + ia_terms()
        )
        self.counter = 0
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in (0, 2):  # name and prefix take the room left
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

    def read(self) -> list[Any]:
        return self.element.getBucketLifecycle()

    def write(self, wanted: list[Any]) -> list[Any]:
        return self.element.putBucketLifecycle(wanted)

    def row_values(self, rule: Any | None) -> list[str]:
        if rule is None:
            self.counter += 1
            rule = rules.new_lifecycle_rule(f"rule-{self.table.rowCount() + 1}")
            rule["abortMultipartDays"] = rules.R2_DEFAULT_ABORT_DAYS

        def text(value: object) -> str:
            return "" if value is None else str(value)

        return [
            rule["id"],
            "",
            rule["prefix"],
            text(rule["expireDays"]),
            text(rule["expireDate"]),
            text(rule["abortMultipartDays"]),
            text(rule["transitionDays"]),
        ]

    def add_row(self, rule: Any | None) -> None:
        self.table.blockSignals(True)
        super().add_row(rule)
        item = self.table.item(self.table.rowCount() - 1, ENABLED)
        assert item is not None
        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        on = rule is None or bool(rule["enabled"])
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.table.blockSignals(False)
        self.update_checks()

    def rule_at(self, row: int) -> LifecycleRule:
        enabled = self.table.item(row, ENABLED)
        return {
            "id": self.cell(row, 0),
            "enabled": enabled is None or enabled.checkState() == Qt.CheckState.Checked,
            "prefix": self.cell(row, 2),
            "expireDays": _int_or_text(self.cell(row, 3)),
            "expireDate": self.cell(row, 4) or None,
            "abortMultipartDays": _int_or_text(self.cell(row, 5)),
            "transitionDays": _int_or_text(self.cell(row, 6)),
        }

    def problems_of(self, found: list[Any]) -> list[str]:
        return rules.lifecycle_problems(found)

    def xml_of(self, found: list[Any]) -> str:
        return rules.lifecycle_xml(found, self.element.where.bucket) if found else ""
