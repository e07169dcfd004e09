"""The transfer queue's panel: the table, a progress bar per row, and the queue's controls."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from r2desk.gui.transfers.model import (
    COL_DIR,
    COL_ETA,
    COL_NAME,
    COL_PROGRESS,
    COL_SIZE,
    COL_SPEED,
    COL_STATE,
    TransferJob,
    TransferQueue,
)
from r2desk.gui.widgets import tool_button
from r2desk.transfers.queue import MAX_CONCURRENCY


class ProgressDelegate(QStyledItemDelegate):
    """Paints the progress column as a flat bar in the palette's highlight colour.

    Drawn by hand rather than with the style's progress bar: styles size that control for a
    widget, and squeezed into a table row some draw the text over a sliver of a bar.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value = index.data(Qt.ItemDataRole.UserRole)
        if value is None:
            super().paint(painter, option, index)
            return
        palette = option.palette
        rect = option.rect.adjusted(3, 4, -3, -4)
        painter.save()
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        filled = QRect(rect.x(), rect.y(), int(rect.width() * int(value) / 100), rect.height())
        painter.fillRect(filled, palette.color(QPalette.ColorRole.Highlight))
        text = f"{int(value)}%"
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setClipRect(filled)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class TransferPanel(QWidget):
    """The queue's table with its controls: pause/resume, cancel, retry, clear, concurrency."""

    def __init__(self, queue: TransferQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.setAccessibleName("Transfer queue")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        bar = QHBoxLayout()
        SP = QStyle.StandardPixmap
        self.pause_button = tool_button(
            self, "Pause", "Pause the queue (running transfers stop and wait)", SP.SP_MediaPause
        )
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = tool_button(
            self,
            "Cancel",
            "Cancel the selected transfers (all unfinished ones when none is selected)",
            SP.SP_DialogCancelButton,
        )
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.retry_button = tool_button(
            self,
            "Retry",
            "Retry the selected failed or cancelled transfers (all of them when none is selected)",
            SP.SP_BrowserReload,
        )
        self.retry_button.clicked.connect(self.retry_selected)
        self.clear_button = tool_button(
            self,
            "Clear finished",
            "Remove done, failed and cancelled transfers from the list",
            SP.SP_DialogResetButton,
        )
        self.clear_button.clicked.connect(queue.clear_finished)
        for b in (self.pause_button, self.cancel_button, self.retry_button, self.clear_button):
            bar.addWidget(b)
        bar.addStretch(1)
        label = QLabel("&At once:", self)
        self.concurrency = QSpinBox(self)
        self.concurrency.setRange(1, MAX_CONCURRENCY)
        self.concurrency.setValue(queue.concurrency)
        self.concurrency.setToolTip("How many transfers run at the same time")
        self.concurrency.setAccessibleName("Transfers at once")
        self.concurrency.valueChanged.connect(self._concurrency_changed)
        label.setBuddy(self.concurrency)
        bar.addWidget(label)
        bar.addWidget(self.concurrency)
        layout.addLayout(bar)
        self.view = QTableView(self)
        self.view.setModel(queue)
        self.view.setAccessibleName("Transfers")
        self.view.setToolTip("Uploads and downloads; select rows to cancel or retry them")
        self.view.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(self.view))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setTabKeyNavigation(False)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (COL_DIR, 28),
            (COL_SIZE, 90),
            (COL_PROGRESS, 140),
            (COL_SPEED, 100),
            (COL_ETA, 90),
            (COL_STATE, 180),
        ):
            header.resizeSection(col, width)
        layout.addWidget(self.view)
        queue.paused_changed.connect(self._paused_changed)
        queue.concurrency_changed.connect(self._show_concurrency)

    def _show_concurrency(self, value: int) -> None:
        self.concurrency.blockSignals(True)
        self.concurrency.setValue(value)
        self.concurrency.blockSignals(False)

    def selected_jobs(self) -> list[TransferJob]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.queue.jobs[r] for r in rows if r < len(self.queue.jobs)]

    def cancel_selected(self) -> None:
        self.queue.cancel(self.selected_jobs() or None)

    def retry_selected(self) -> None:
        self.queue.retry(self.selected_jobs() or None)

    def toggle_pause(self) -> None:
        if self.queue.paused:
            self.queue.resume()
        else:
            self.queue.pause()

    def _paused_changed(self, paused: bool) -> None:
        SP = QStyle.StandardPixmap
        text = "Resume" if paused else "Pause"
        self.pause_button.setText(text)
        self.pause_button.setAccessibleName(text)
        self.pause_button.setToolTip(
            "Resume the queue" if paused else "Pause the queue (running transfers stop and wait)"
        )
        self.pause_button.setIcon(
            self.style().standardIcon(SP.SP_MediaPlay if paused else SP.SP_MediaPause)
        )

    def _concurrency_changed(self, value: int) -> None:
        self.queue.set_concurrency(value)
