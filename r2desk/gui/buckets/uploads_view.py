"""The unfinished-uploads view of one bucket: key, started, age, parts and bytes on the server,
whether this computer's journal can resume it (and from which file), and when the bucket's abort
rule removes it; Resume, Abort, and Abort older than N days. Every request runs in the pool."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from r2desk.formatting import human_size, local_time
from r2desk.gui.i18n import QT_TRANSLATE_NOOP
from r2desk.gui.messages import describe
from r2desk.gui.tasks import TaskPool
from r2desk.gui.widgets import plain_label
from r2desk.results import UnfinishedUpload
from r2desk.storages.meta import Meta
from r2desk.unfinished_uploads import abort_older_than, resume_upload, unfinished_uploads

COLUMNS = (
    QT_TRANSLATE_NOOP("UnfinishedUploadsDialog", "Key"),
    QT_TRANSLATE_NOOP("UnfinishedUploadsDialog", "Started"),
    QT_TRANSLATE_NOOP("UnfinishedUploadsDialog", "Age"),
    QT_TRANSLATE_NOOP("UnfinishedUploadsDialog", "Parts"),
    QT_TRANSLATE_NOOP("UnfinishedUploadsDialog", "Uploaded"),
    QT_TRANSLATE_NOOP("UnfinishedUploadsDialog", "Resumable from"),
    QT_TRANSLATE_NOOP("UnfinishedUploadsDialog", "Expires in"),
)


def _days(value: float | None, never: str) -> str:
    if value is None:
        return never
    if value <= 0:
        return "now"
    return f"{value:.1f} days" if value >= 1 else f"{value * 24:.1f} hours"


class UnfinishedUploadsDialog(QDialog):
    """Multipart uploads left on the server for one bucket."""

    def __init__(self, element: Meta, pool: TaskPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.element = element
        self.pool = pool
        self.rows: list[UnfinishedUpload] = []
        self.setWindowTitle(self.tr("Unfinished uploads: {0}").format(element.where.bucket))
        self.resize(980, 420)
        layout = QVBoxLayout(self)
        note = plain_label(
            self,
            self.tr(
                "Parts of an unfinished upload are stored (and billed) until it is completed or "
                "aborted. R2 aborts them after 7 days unless a lifecycle rule says otherwise."
            ),
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Unfinished uploads"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.resume_button = QPushButton(self.tr("&Resume"), self)
        self.abort_button = QPushButton(self.tr("&Abort"), self)
        self.older_button = QPushButton(self.tr("Abort &older than"), self)
        self.older_days = QSpinBox(self)
        self.older_days.setRange(0, 3650)
        self.older_days.setValue(7)
        self.older_days.setSuffix(self.tr(" days"))
        self.older_days.setAccessibleName(self.tr("Days"))
        for w in (self.refresh_button, self.resume_button, self.abort_button):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.older_button)
        row.addWidget(self.older_days)
        layout.addLayout(row)
        self.status = plain_label(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.refresh_button.clicked.connect(self.refresh)
        self.resume_button.clicked.connect(self.resume)
        self.abort_button.clicked.connect(self.abort)
        self.older_button.clicked.connect(self.abort_older)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def _submit(self, fn: Any, *args: Any, done: Any) -> None:
        self.pool.submit(
            fn, *args, on_result=done, on_error=self._failed, on_crash=self._failed_text, owner=self
        )

    def _failed(self, exc: BaseException) -> None:
        title, text = describe(exc)
        self.status.setText(f"{title}: {text}")
        self._update_buttons()

    def _failed_text(self, details: str) -> None:
        self.status.setText(details.strip().splitlines()[-1])

    def refresh(self) -> None:
        self.status.setText(self.tr("Reading the unfinished uploads…"))
        self._submit(unfinished_uploads, self.element, done=self._filled)

    def _filled(self, rows: list[UnfinishedUpload]) -> None:
        self.rows = rows
        self.table.setRowCount(0)
        never = self.tr("never")
        for r in rows:
            n = self.table.rowCount()
            self.table.insertRow(n)
            size = human_size(r["bytes"]) if r["bytes"] is not None else "?"
            values = [
                r["key"],
                local_time(r["initiated"]),
                _days(r["ageDays"], "?"),
                str(r["parts"]) if r["parts"] is not None else "?",
                size,
                (r["path"] or "") if r["resumable"] else self.tr("no (not from this computer)"),
                _days(r["expiresInDays"], never),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col in (2, 3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(n, col, item)
        self.status.setText(
            self.tr("{0} unfinished upload(s).").format(len(rows))
            if rows
            else self.tr("No unfinished uploads in {0}.").format(self.element.where.bucket)
        )
        self._update_buttons()

    def selected(self) -> list[UnfinishedUpload]:
        picked = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.rows[n] for n in picked if n < len(self.rows)]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.abort_button.setEnabled(bool(chosen))
        self.resume_button.setEnabled(len(chosen) == 1 and chosen[0]["resumable"])

    def resume(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        row = chosen[0]
        self.status.setText(self.tr("Resuming {0} from {1}…").format(row["key"], row["path"]))
        self.resume_button.setEnabled(False)

        def done(result: Any) -> None:
            self._refresh_then(
                self.tr("Finished {0} ({1}).").format(row["key"], human_size(result["size"]))
            )

        self._submit(resume_upload, self.element, row, done=done)

    def abort(self) -> None:
        chosen = self.selected()

        def run() -> int:
            for r in chosen:
                self.element.abortUpload(r["key"], r["uploadId"])
            return len(chosen)

        self._submit(run, done=self._said)

    def abort_older(self) -> None:
        days = self.older_days.value()
        self._submit(
            abort_older_than,
            self.element,
            float(days),
            done=lambda keys: self._said(len(keys)),
        )

    def _said(self, n: int) -> None:
        self._refresh_then(self.tr("Aborted {0} unfinished upload(s).").format(n))

    def _refresh_then(self, text: str) -> None:
        """Read the list again, then say what was done."""

        def filled(rows: list[UnfinishedUpload]) -> None:
            self._filled(rows)
            self.status.setText(text)

        self._submit(unfinished_uploads, self.element, done=filled)
