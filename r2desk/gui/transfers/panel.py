"""The transfer queue's panel: the table, a progress bar per row, and the queue's controls."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from r2desk.formatting import human_rate
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
from r2desk.transfers.queue import MAX_CONCURRENCY, State

#: How soon the commands follow changes of the jobs (a menu that opens is exact at once).
ACTIONS_MS = 200


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


class _FittedLabel(QLabel):
    """Plain text, right-aligned and elided to the room it gets; it asks for no width."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))


class TransferPanel(QWidget):
    """The queue's table with its controls: pause/resume, cancel, retry, clear, concurrency.

    The same commands are actions with shortcuts (the window's Transfers menu, the table's
    right-click menu): each works on the selected transfers, or on all when none is selected;
    cancelling all asks first (``confirm``, the window's prompts).
    """

    #: Show a transfer's object in the listing (its element and key).
    reveal_requested = Signal(object, str)

    def __init__(self, queue: TransferQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        #: Asks before something that cannot be undone: (title, text, action) -> yes.
        self.confirm: Callable[[str, str, str], bool] = lambda _t, _x, _a: True
        self.setAccessibleName(self.tr("Transfer queue"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        bar = QHBoxLayout()
        SP = QStyle.StandardPixmap
        self.pause_button = tool_button(
            self,
            self.tr("Pause"),
            self.tr("Pause the queue (running transfers stop and wait)"),
            SP.SP_MediaPause,
        )
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = tool_button(
            self,
            self.tr("Cancel"),
            self.tr("Cancel the selected transfers (all unfinished ones when none is selected)"),
            SP.SP_DialogCancelButton,
        )
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.retry_button = tool_button(
            self,
            self.tr("Retry"),
            self.tr(
                "Retry the selected failed or cancelled transfers "
                "(all of them when none is selected)"
            ),
            SP.SP_BrowserReload,
        )
        self.retry_button.clicked.connect(self.retry_selected)
        self.clear_button = tool_button(
            self,
            self.tr("Clear finished"),
            self.tr("Remove done, failed and cancelled transfers from the list"),
            SP.SP_DialogResetButton,
        )
        self.clear_button.clicked.connect(queue.clear_finished)
        for b in (self.pause_button, self.cancel_button, self.retry_button, self.clear_button):
            bar.addWidget(b)
        #: The bandwidth limit in force (Preferences), in the room the buttons leave (elided,
        #: so it never widens the window); empty when there is none.
        self.limit_label = _FittedLabel(self)
        self.limit_label.setAccessibleName(self.tr("Bandwidth limit"))
        bar.addWidget(self.limit_label, 1)
        bar.addSpacing(8)
        label = QLabel(self.tr("&At once:"), self)
        self.concurrency = QSpinBox(self)
        self.concurrency.setRange(1, MAX_CONCURRENCY)
        self.concurrency.setValue(queue.concurrency)
        self.concurrency.setToolTip(self.tr("How many transfers run at the same time"))
        self.concurrency.setAccessibleName(self.tr("Transfers at once"))
        self.concurrency.valueChanged.connect(self._concurrency_changed)
        label.setBuddy(self.concurrency)
        bar.addWidget(label)
        bar.addWidget(self.concurrency)
        layout.addLayout(bar)
        self.view = QTableView(self)
        self.view.setModel(queue)
        self.view.setAccessibleName(self.tr("Transfers"))
        self.view.setToolTip(self.tr("Uploads and downloads; select rows to cancel or retry them"))
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
        self._build_actions()
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(lambda _i: self.reveal_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        # Rows change per progress tick and per finished job (2,000 of them for a dropped
        # folder), and each check sets six actions (and looks at each selected job): at most a
        # few checks a second for those; batches added, pause and resume, the selection and the
        # commands' own effects at once.
        self._actions_later = QTimer(self)
        self._actions_later.setSingleShot(True)
        self._actions_later.setInterval(ACTIONS_MS)
        self._actions_later.timeout.connect(self.update_actions)
        queue.dataChanged.connect(self._update_actions_soon)
        queue.rowsInserted.connect(lambda *_: self.update_actions())  # once per batch added
        queue.modelReset.connect(self.update_actions)
        queue.paused_changed.connect(lambda _p: self.update_actions())
        self.update_actions()

    # -- actions ------------------------------------------------------------------------------

    def _action(self, text: str, tip: str, shortcut: str, slot: Callable[[], None]) -> QAction:
        act = QAction(text, self)
        native = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        act.setToolTip(self.tr("{0} ({1})").format(tip, native) if shortcut else tip)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(lambda _=False: slot())
        act.triggered.connect(lambda _=False: self.update_actions())  # what it did, at once
        self.addAction(act)  # the shortcut works wherever the focus is in the window
        return act

    def _build_actions(self) -> None:
        a = self._action
        self.act_pause = a(
            self.tr("&Pause"),
            self.tr("Pause the selected transfers, or the whole queue"),
            "Ctrl+P",
            self.pause,
        )
        self.act_resume = a(
            self.tr("&Resume"),
            self.tr("Resume the selected transfers, or the whole queue"),
            "Ctrl+R",
            self.resume,
        )
        self.act_cancel = a(
            self.tr("&Cancel…"),
            self.tr(
                "Cancel the selected transfers (all unfinished ones, after asking, "
                "when none is selected)"
            ),
            "Ctrl+.",
            self.cancel_selected,
        )
        self.act_retry = a(
            self.tr("Re&try"),
            self.tr(
                "Retry the selected failed or cancelled transfers "
                "(all of them when none is selected)"
            ),
            "Ctrl+Shift+R",
            self.retry_selected,
        )
        self.act_clear = a(
            self.tr("C&lear finished"),
            self.tr("Remove done, failed and cancelled transfers from the list"),
            "Ctrl+Shift+L",
            self.queue.clear_finished,
        )
        self.act_reveal = a(
            self.tr("Show in &listing"),
            self.tr("Go to the selected transfer's object in the listing (or double-click it)"),
            "",
            self.reveal_selected,
        )
        self.act_open_folder = a(
            self.tr("Open local &folder"),
            self.tr("Open the folder of the selected transfer's local file in the file manager"),
            "",
            self.open_local_folder,
        )
        self.actions_in_menu: list[QAction | None] = [
            self.act_pause,
            self.act_resume,
            self.act_cancel,
            self.act_retry,
            None,
            self.act_clear,
            None,
            self.act_reveal,
            self.act_open_folder,
        ]

    def show_limits(self, upload: int, download: int) -> None:
        """Show the bandwidth limits in force (bytes per second; 0 is none)."""
        parts = []
        if upload:
            parts.append(self.tr("↑ {0}").format(human_rate(upload)))
        if download:
            parts.append(self.tr("↓ {0}").format(human_rate(download)))
        text = self.tr("Limit: {0}").format("  ".join(parts)) if parts else ""
        self.limit_label.set_full_text(text)
        self.limit_label.setToolTip(
            self.tr("Bandwidth limit of all transfers (Edit → Preferences)") + "\n" + text
            if parts
            else ""
        )

    def fill_menu(self, menu: QMenu) -> QMenu:
        """Put the transfer commands into ``menu`` (the window's Transfers menu)."""
        menu.setToolTipsVisible(True)
        menu.aboutToShow.connect(self.update_actions)  # exact when seen, whatever is pending
        for act in self.actions_in_menu:
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.fill_menu(QMenu(self))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _update_actions_soon(self, *_: object) -> None:
        if not self._actions_later.isActive():  # not restarted: a steady stream still updates
            self._actions_later.start()

    def update_actions(self) -> None:
        """Enable what can apply to the selection (or to the whole queue).

        The whole queue is judged by its counts per state (O(1)): a scan of every job, several
        times a second through a 2,000-file drop, held the main thread for most of it.
        """
        chosen = self.selected_jobs()
        rules = self.queue.rules
        if chosen:
            unfinished = [j for j in chosen if not j.state.finished]
            can_pause = any(not j.held for j in unfinished)
            can_resume = any(j.held for j in unfinished) or (self.queue.paused and unfinished)
            can_cancel = bool(unfinished)
            can_retry = any(j.state in (State.FAILED, State.CANCELLED) for j in chosen)
        else:
            can_cancel = rules.unfinished > 0
            can_pause = not self.queue.paused and can_cancel
            can_resume = self.queue.paused or rules.held_count > 0
            can_retry = rules.count(State.FAILED, State.CANCELLED) > 0
        self.act_pause.setEnabled(bool(can_pause))
        self.act_resume.setEnabled(bool(can_resume))
        self.act_cancel.setEnabled(can_cancel)
        self.act_retry.setEnabled(can_retry)
        self.act_clear.setEnabled(rules.finished > 0)
        one_done = len(chosen) == 1 and chosen[0].state is State.DONE
        self.act_reveal.setEnabled(one_done)
        self.act_open_folder.setEnabled(len(chosen) == 1)

    def pause(self) -> None:
        chosen = self.selected_jobs()
        if chosen:
            self.queue.pause_jobs(chosen)
        else:
            self.queue.pause()
        self.update_actions()

    def resume(self) -> None:
        chosen = self.selected_jobs()
        if chosen:
            self.queue.resume_jobs(chosen)
            if self.queue.paused:  # the whole queue was paused: the chosen ones go on
                held = [j for j in self.queue.jobs if j not in chosen and not j.state.finished]
                self.queue.pause_jobs(held)
                self.queue.resume()
        else:
            if self.queue.rules.held_count:
                self.queue.resume_jobs([j for j in self.queue.jobs if j.held])
            self.queue.resume()
        self.update_actions()

    def reveal_selected(self) -> None:
        chosen = self.selected_jobs()
        if len(chosen) == 1 and chosen[0].state is State.DONE:
            self.reveal_requested.emit(chosen[0].element, chosen[0].key)

    def open_local_folder(self) -> None:
        chosen = self.selected_jobs()
        if len(chosen) == 1:
            folder = Path(chosen[0].path).parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _show_concurrency(self, value: int) -> None:
        self.concurrency.blockSignals(True)
        self.concurrency.setValue(value)
        self.concurrency.blockSignals(False)

    def selected_jobs(self) -> list[TransferJob]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.queue.jobs[r] for r in rows if r < len(self.queue.jobs)]

    def cancel_selected(self) -> None:
        """Cancel the selection; with nothing selected, every unfinished transfer, after asking."""
        chosen = self.selected_jobs()
        if chosen:
            self.queue.cancel(chosen)
            return
        busy = self.queue.rules.unfinished
        if not busy:
            return
        what = "the transfer" if busy == 1 else f"all {busy} unfinished transfers"
        if self.confirm(
            self.tr("Cancel transfers?"),
            self.tr("Nothing is selected: cancel {0}?").format(what),
            self.tr("Cancel all"),
        ):
            self.queue.cancel(None)

    def retry_selected(self) -> None:
        self.queue.retry(self.selected_jobs() or None)

    def toggle_pause(self) -> None:
        if self.act_resume.isEnabled() and not self.act_pause.isEnabled():
            self.resume()
        else:
            self.pause()

    def _paused_changed(self, paused: bool) -> None:
        SP = QStyle.StandardPixmap
        text = "Resume" if paused else "Pause"
        self.pause_button.setText(text)
        self.pause_button.setAccessibleName(text)
        self.pause_button.setToolTip(
            self.tr("Resume the queue")
            if paused
            else self.tr("Pause the queue (running transfers stop and wait)")
        )
        self.pause_button.setIcon(
            self.style().standardIcon(SP.SP_MediaPlay if paused else SP.SP_MediaPause)
        )

    def _concurrency_changed(self, value: int) -> None:
        self.queue.set_concurrency(value)
