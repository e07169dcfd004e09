"""What the browser area shows instead of a listing: a welcome on the first run, an error with
Retry when a folder cannot be listed, and a busy page while there is nothing to list yet (the
demo's server and sample bucket are being prepared).

An empty table says nothing: a new user with no connection, or a connection that does not work,
sees here what is going on and the one button that helps.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from r2desk.gui.messages import describe
from r2desk.gui.widgets import plain_label


def _heading(parent: QWidget, text: str) -> QLabel:
    label = plain_label(parent, text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class WelcomeView(QWidget):
    """No connection yet: what r2desk is, and the two ways to start."""

    add_connection = Signal()
    open_demo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Welcome"))
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.heading = _heading(self, self.tr("Welcome to r2desk"))
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignHCenter)
        self.blurb = plain_label(
            self,
            self.tr(
                "r2desk is a file manager for Cloudflare R2 and other S3-compatible storage: "
                "browse buckets, drag files in to upload, download, share links."
            ),
        )
        self.blurb.setWordWrap(True)
        self.blurb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.blurb.setFixedWidth(60 * self.blurb.fontMetrics().averageCharWidth())
        # Centred by stretches, not an alignment flag: an aligned item loses its wrapped height.
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.blurb)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addSpacing(self.blurb.fontMetrics().height())
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_button = QPushButton(self.tr("&Add a connection…"), self)
        self.add_button.setToolTip(self.tr("Enter the endpoint, bucket and keys of your storage"))
        self.add_button.setAccessibleName(self.tr("Add a connection"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_connection)
        self.demo_button = QPushButton(self.tr("Open the &demo"), self)
        self.demo_button.setToolTip(
            self.tr("Try r2desk on a local demo bucket with sample files (no account needed)")
        )
        self.demo_button.setAccessibleName(self.tr("Open the demo"))
        self.demo_button.clicked.connect(self.open_demo)
        row.addWidget(self.add_button)
        row.addWidget(self.demo_button)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)


class ErrorView(QWidget):
    """A listing that failed before showing anything: the error in full, and Retry."""

    retry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Listing error"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        self.heading = _heading(self, "")
        self.heading.setAccessibleName(self.tr("What failed"))
        layout.addWidget(self.heading)
        # Selectable and scrollable: a long server message is readable (and copyable) in full.
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setToolTip(self.tr("What went wrong and what to do; select to copy"))
        self.details.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.details.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.details.setMaximumHeight(10 * self.details.fontMetrics().lineSpacing())
        self.details.viewport().setAutoFillBackground(False)
        layout.addWidget(self.details)
        row = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        self.retry_button.setToolTip(self.tr("List this folder again"))
        self.retry_button.setAccessibleName(self.tr("Retry"))
        self.retry_button.clicked.connect(self.retry)
        row.addWidget(self.retry_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_error(self, exc: BaseException, title: str = "") -> None:
        heading, text = describe(exc)
        self.heading.setText(title or heading)
        self.details.setPlainText(text)


class BusyView(QWidget):
    """Something is being prepared before there is anything to list: what, and that it is on
    its way (a bar that moves; the window stays usable meanwhile)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Preparing"))
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.heading = _heading(self, "")
        self.heading.setWordWrap(False)  # one short line: an aligned wrapped label is cut
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignHCenter)
        self.details = plain_label(self, "")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details.setFixedWidth(60 * self.details.fontMetrics().averageCharWidth())
        middle = QHBoxLayout()  # centred by stretches: an aligned item loses its wrapped height
        middle.addStretch(1)
        middle.addWidget(self.details)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addSpacing(self.details.fontMetrics().height())
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy: how long it takes is not known
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(30 * self.details.fontMetrics().averageCharWidth())
        self.bar.setAccessibleName(self.tr("Preparing"))
        outer.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def show_busy(self, heading: str, details: str) -> None:
        self.heading.setText(heading)
        self.details.setText(details)
