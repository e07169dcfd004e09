""" "Synchronize…" and "Compare…": pick two places and the options, see the diff, then run it.

Both places are locations (``r2desk.elements.locations``): a local folder or
``ELEMENT[@bucket]:prefix``. Compare runs a dry run in the app's task pool and fills the diff
tree; Synchronize runs the sync on what is checked, with the conflict choices, and shows its
overall progress. The element files are read and every request made in the worker: the main
thread never waits on disk or network. In compare mode the dialog never changes anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from r2desk.elements.locations import LocationError, parse_location, resolve
from r2desk.gui.messages import one_line
from r2desk.gui.sync.diff import DiffTree
from r2desk.sync.run import Options, run
from r2desk.sync.sides import BucketSide, LocalSide, Side

if TYPE_CHECKING:
    from r2desk.elements import App
    from r2desk.gui.tasks import Task, TaskPool
    from r2desk.results import SyncItem, SyncReport
    from r2desk.transfers.control import CancelToken

POLICY_ORDER = ("ask", "newer", "keep-both", "skip")


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""


def side_for(app: App, text: str) -> Side:
    """A location as a side (worker thread: reading an element touches its files)."""
    loc = parse_location(text)
    if loc.is_local:
        return LocalSide(loc.path)
    element, key = resolve(app, loc)
    return BucketSide(element, key)


def compare_task(
    app: App, src: str, dst: str, opts: Options, cancel: CancelToken | None = None
) -> tuple[SyncReport, list[SyncItem]]:
    items: list[SyncItem] = []
    a, b = side_for(app, src), side_for(app, dst)
    dry = Options(
        two_way=opts.two_way, delete=opts.delete, checksum=opts.checksum, dry_run=True, policy="ask"
    )
    report = run(a, b, dry, on_item=items.append, cancel=cancel, mode="compare")
    return report, items


def sync_task(
    app: App,
    src: str,
    dst: str,
    opts: Options,
    progress: Any = None,
    cancel: CancelToken | None = None,
) -> SyncReport:
    return run(side_for(app, src), side_for(app, dst), opts, progress=progress, cancel=cancel)


class SyncDialog(QDialog):
    """Non-modal; ``finished_run`` says a sync ended (the window refreshes its listing)."""

    finished_run = Signal(object)  # the SyncReport

    def __init__(
        self,
        app: App,
        pool: TaskPool,
        parent: QWidget | None = None,
        *,
        source: str = "",
        target: str = "",
        compare_only: bool = False,
        options: dict[str, object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.app, self.pool = app, pool
        self.compare_only = compare_only
        self.task: Task | None = None
        self.report: SyncReport | None = None
        self.setWindowTitle(self.tr("Compare") if compare_only else self.tr("Synchronize"))
        self.setAccessibleName(self.windowTitle())
        self.resize(820, 560)
        form = QFormLayout()
        self.source = self._place(form, self.tr("&Source:"), source)
        self.target = self._place(form, self.tr("&Target:"), target)
        self.direction = QComboBox(self)
        self.direction.addItem(self.tr("Source → target (one-way)"), False)
        self.direction.addItem(self.tr("Both ways (two-way)"), True)
        self.direction.setAccessibleName(self.tr("Direction"))
        self.direction.setToolTip(
            self.tr("Two-way remembers the last sync, so a deletion on one side is not undone")
        )
        form.addRow(self.tr("&Direction:"), self.direction)
        self.delete = QCheckBox(self.tr("&Delete what the source does not have"), self)
        self.delete.setToolTip(self.tr("One-way: remove files of the target the source lacks"))
        self.checksum = QCheckBox(self.tr("Compare &checksums (slower, ignores times)"), self)
        self.policy = QComboBox(self)
        for value, label in zip(
            POLICY_ORDER,
            (self.tr("Ask me"), self.tr("Newer wins"), self.tr("Keep both"), self.tr("Skip")),
            strict=True,
        ):
            self.policy.addItem(label, value)
        self.policy.setAccessibleName(self.tr("When both sides changed"))
        form.addRow(self.delete)
        form.addRow(self.checksum)
        form.addRow(self.tr("When &both changed:"), self.policy)
        self.tree = DiffTree(self)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Sync status"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.hide()
        self.compare_button = QPushButton(self.tr("&Compare"), self)
        self.compare_button.setToolTip(self.tr("Show what differs; nothing is changed"))
        self.sync_button = QPushButton(self.tr("S&ynchronize"), self)
        self.sync_button.setToolTip(self.tr("Carry out the checked items"))
        self.sync_button.setEnabled(False)
        self.sync_button.setVisible(not compare_only)
        self.stop_button = QPushButton(self.tr("S&top"), self)
        self.stop_button.setEnabled(False)
        close = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.compare_button.clicked.connect(self.start_compare)
        self.sync_button.clicked.connect(self.start_sync)
        self.stop_button.clicked.connect(self.stop)
        close.clicked.connect(self.close)
        self.direction.currentIndexChanged.connect(self._options_changed)
        self.delete.toggled.connect(self._options_changed)
        self.checksum.toggled.connect(self._options_changed)
        if options:
            self.direction.setCurrentIndex(1 if options.get("two_way") else 0)
            self.delete.setChecked(bool(options.get("delete")))
            self.checksum.setChecked(bool(options.get("checksum")))
            index = self.policy.findData(options.get("policy", "ask"))
            self.policy.setCurrentIndex(max(0, index))
        self._options_changed()

    def _place(self, form: QFormLayout, label: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setPlaceholderText(self.tr("a local folder, or ELEMENT[@bucket]:prefix"))
        edit.setAccessibleName(label.replace("&", "").rstrip(":"))
        pick = QPushButton(self.tr("Folder…"), self)
        pick.setToolTip(self.tr("Choose a local folder"))
        pick.clicked.connect(lambda: self._pick(edit))
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(pick)
        title = QLabel(label, self)
        title.setBuddy(edit)  # the label's mnemonic focuses the field
        form.addRow(title, row)
        edit.textChanged.connect(self._options_changed)
        return edit

    def _pick(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), edit.text())
        if folder:
            edit.setText(folder)

    def _options_changed(self) -> None:
        two_way = bool(self.direction.currentData())
        self.delete.setEnabled(not two_way)
        self.policy.setEnabled(two_way)
        self.sync_button.setEnabled(False)  # the shown diff no longer matches: compare again
        self.tree.labels = (
            self.source.text() or self.tr("source"),
            self.target.text() or self.tr("target"),
        )

    def options(self) -> Options:
        two_way = bool(self.direction.currentData())
        return Options(
            two_way=two_way,
            delete=self.delete.isChecked() and not two_way,
            checksum=self.checksum.isChecked(),
            policy=str(self.policy.currentData()),
        )

    def _check_places(self) -> bool:
        for edit in (self.source, self.target):
            try:
                parse_location(edit.text().strip())
            except LocationError as exc:
                self.status.setText(str(exc))
                edit.setFocus()
                return False
        return True

    def _busy(self, busy: bool) -> None:
        self.compare_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.progress.setVisible(busy)
        if busy:
            self.sync_button.setEnabled(False)

    # -- compare ----------------------------------------------------------------------------

    def start_compare(self) -> Task | None:
        if not self._check_places():
            return None
        self.tree.clear_items()
        self.status.setText(self.tr("Comparing…"))
        self._busy(True)
        self.progress.setRange(0, 0)
        self.task = self.pool.submit(
            compare_task,
            self.app,
            self.source.text().strip(),
            self.target.text().strip(),
            self.options(),
            on_result=self._compared,
            on_error=self._failed,
            on_crash=self._crashed,
            owner=self,
        )
        return self.task

    def _compared(self, value: tuple[SyncReport, list[SyncItem]]) -> None:
        report, items = value
        self._busy(False)
        self.report = report
        self.tree.add_items(items)
        totals = report["totals"]
        changes = sum(totals[a]["count"] for a in ("create", "update", "delete", "conflict"))
        parts = [
            self.tr("{0} to copy").format(totals["create"]["count"] + totals["update"]["count"]),
            self.tr("{0} to delete").format(totals["delete"]["count"]),
            self.tr("{0} conflicts").format(totals["conflict"]["count"]),
            self.tr("{0} the same").format(totals["same"]["count"]),
        ]
        problems = totals["collision"]["count"] + totals["invalid"]["count"]
        if problems:
            parts.append(self.tr("{0} cannot be synced (see why)").format(problems))
        if not items:
            self.status.setText(self.tr("Both sides hold the same files."))
        else:
            self.status.setText(", ".join(parts))
        self.sync_button.setEnabled(bool(changes) and not self.compare_only)

    # -- sync -------------------------------------------------------------------------------

    def start_sync(self) -> Task | None:
        if self.compare_only or not self._check_places():
            return None
        opts = self.options()
        opts.only = self.tree.selected()
        opts.decisions = self.tree.decisions()
        self.status.setText(self.tr("Synchronizing…"))
        self._busy(True)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.task = self.pool.submit(
            sync_task,
            self.app,
            self.source.text().strip(),
            self.target.text().strip(),
            opts,
            on_result=self._synced,
            on_error=self._failed,
            on_crash=self._crashed,
            on_progress=self._progress,
            owner=self,
        )
        return self.task

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 0)

    def _synced(self, report: SyncReport) -> None:
        self._busy(False)
        self.report = report
        text = self.tr("Done: {0} items carried out.").format(report["done"])
        if report["failed"]:
            text += " " + self.tr("{0} failed; first: {1}").format(
                len(report["failed"]), _first_line(report["failed"][0]["error"])
            )
        if report["deletesRefused"]:
            text += " " + report["deletesRefused"]
        self.status.setText(text)
        self.finished_run.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.status.setText(one_line(exc))

    def _crashed(self, text: str) -> None:
        self._busy(False)
        self.status.setText(self.tr("Something went wrong: {0}").format(_first_line(text)))

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
