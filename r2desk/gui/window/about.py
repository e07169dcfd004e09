"""The Help menu's dialogs: About (version, licence, where r2desk keeps its files) and the README.

A user reporting a problem is asked for the version and the log; the About box says both, with
every folder path selectable.
"""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from r2desk import __version__
from r2desk.dirs import log_dir, state_dir
from r2desk.gui.widgets import app_icon, plain_label, read_only_look

#: The README beside the package in a source tree (an installed copy reads its metadata).
README = Path(__file__).resolve().parents[3] / "README.md"


def readme_text() -> tuple[str, Path | None]:
    """The README's Markdown and the folder its images are relative to (None when installed)."""
    if README.is_file():
        return README.read_text(encoding="utf-8"), README.parent
    try:
        meta = importlib.metadata.metadata("r2desk")
        body = meta.get_payload()  # type: ignore[attr-defined]
        return str(body or ""), None
    except importlib.metadata.PackageNotFoundError:
        return "", None


class AboutDialog(QDialog):
    """Version, licence and the folders r2desk uses."""

    def __init__(
        self, settings_file: str, connections: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About r2desk"))
        self.setAccessibleName(self.tr("About r2desk"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        heading = plain_label(self, f"r2desk {__version__}")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        icon = plain_label(self)
        icon.setPixmap(app_icon().pixmap(48, 48))
        layout.addWidget(icon)
        layout.addWidget(heading)
        blurb = plain_label(
            self,
            self.tr(
                "A desktop file manager for Cloudflare R2 and other S3-compatible storage. "
                "Free software under the MIT licence."
            ),
        )
        blurb.setWordWrap(True)
        layout.addWidget(blurb)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        rows = (
            (self.tr("Connections"), str(connections)),
            (self.tr("Settings"), settings_file or self.tr("kept in memory (this session only)")),
            (self.tr("Logs"), str(log_dir() / "r2desk.log")),
            (self.tr("Transfer journal"), str(state_dir())),
            (
                self.tr("Built with"),
                f"Python {sys.version.split()[0]}, Qt {qVersion()}, PySide6 {pyside_version}",
            ),
        )
        for name, value in rows:
            field = QLineEdit(value, self)
            field.setReadOnly(True)
            field.setAccessibleName(name)
            field.setToolTip(self.tr("{0} (select to copy)").format(name))
            field.setCursorPosition(0)
            read_only_look(field)
            form.addRow(f"{name}:", field)
            self.fields[name] = field
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ReadmeDialog(QDialog):
    """The README, rendered (it is our own Markdown, not a name from a bucket)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("r2desk README"))
        self.setAccessibleName(self.tr("README"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("README text"))
        self.browser.setOpenExternalLinks(True)
        text, folder = readme_text()
        if folder is not None:
            self.browser.setSearchPaths([str(folder)])
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
        self.browser.setMarkdown(text or self.tr("The README is not part of this installation."))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
