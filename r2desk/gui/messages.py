"""The one place the GUI tells the user that something failed, and the crash dialog.

Expected failures (``StorageError``) are said in words in the status bar, and in a dialog when
the user asked for the action directly; unexpected exceptions open a dialog with copyable,
secret-scrubbed details while the app keeps running.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from r2desk.errors import StorageError, failure_words, redact
from r2desk.gui.widgets import message_box

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> tuple[str, str]:
    """A short title and a plain-words message (what failed, on which key, what to do)."""
    if isinstance(exc, StorageError):
        title = failure_words(exc.operation, exc.key)
        what = f"{exc.hint[:1].upper()}{exc.hint[1:]}."
        # The title names the key; a long one is cut there and given whole here.
        where = f" Key: {exc.key}" if exc.key and len(exc.key) > 80 else ""
        detail = f" ({exc.detail})" if exc.detail else ""
        text = f"{what}{where}{detail}"
        if exc.todo:  # the one table in r2desk.errors, as the CLI and the connection test read it
            text += f"\n{exc.todo}"
        return title, redact(text)
    return "Something went wrong", redact(f"{type(exc).__name__}: {exc}")


def one_line(exc: BaseException) -> str:
    """The status-bar form of an error."""
    title, text = describe(exc)
    return f"{title}: {text.splitlines()[0]}"


class CrashDialog(QDialog):
    """Details of an unexpected error, selectable and copyable, for a bug report."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("r2desk: unexpected error"))
        self.setAccessibleName(self.tr("Unexpected error"))
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr(
                "Something unexpected went wrong. r2desk keeps running, but the last "
                "action may not have finished. Please copy these details into a bug "
                "report (they hold no secrets)."
            )
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setToolTip(self.tr("Technical details of the error; select and copy them"))
        self.details.setMinimumSize(560, 240)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setToolTip(self.tr("Copy the details to the clipboard"))
        copy.setAccessibleName(self.tr("Copy details"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ErrorBridge(QObject):
    """Routes every error to the user. ``status`` shows one line (the window's status bar)."""

    shown = Signal(str)  # the one-line text, for tests and accessibility announcements
    crash_shown = Signal(str)

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.status: Callable[[str], None] = lambda text: None
        #: Tests turn dialogs off: modal exec() would block an offscreen run.
        self.dialogs_enabled = True
        self.last_message = ""
        self.crashes: list[str] = []

    def error(self, exc: BaseException, *, dialog: bool = False) -> None:
        """Show an expected failure; ``dialog`` for actions the user asked for just now."""
        text = one_line(exc)
        self.last_message = text
        self.status(text)
        self.shown.emit(text)
        if dialog and self.dialogs_enabled:
            title, body = describe(exc)
            box = message_box(self.parent_widget, QMessageBox.Icon.Warning, title, body)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.exec()

    def message(self, text: str) -> None:
        self.last_message = text
        self.status(text)
        self.shown.emit(text)

    def crash(self, details: str) -> None:
        """An unexpected exception (from a task or the excepthook)."""
        details = redact(details)
        self.crashes.append(details)
        self.status(self.tr("An unexpected error occurred; details are in the error dialog."))
        self.crash_shown.emit(details)
        if self.dialogs_enabled:
            dlg = CrashDialog(details, self.parent_widget)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.open()


_bridge: list[ErrorBridge] = []


def install_excepthook(bridge: ErrorBridge) -> None:
    """Unexpected exceptions on the main thread open the crash dialog instead of killing Qt."""
    _bridge[:] = [bridge]

    def hook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> Any:
        if issubclass(etype, KeyboardInterrupt):
            return sys.__excepthook__(etype, value, tb)
        text = "".join(traceback.format_exception(etype, value, tb))
        log.error("unexpected error:\n%s", redact(text))
        if _bridge:
            try:
                _bridge[0].crash(text)
            except Exception:  # the dialog itself failed: at least keep the log line
                log.exception("crash dialog failed")
        return None

    sys.excepthook = hook
