"""Where a connection's secret is kept: the keyring line, or, without a keyring, two choices.

Without an OS keyring the form offers, in place and without a restart, to read the secret from
the environment or to keep it in plain text (with the warning in the choice itself); the
dialog asks :meth:`SecretPlace.kept_in` when it validates and saves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from r2desk.gui.connections.keyring import KeyringStatus
from r2desk.gui.widgets import error_style, warning_style
from r2desk.storages.meta import SECRET_ENV


class SecretPlace(QWidget):
    """The keyring status line and, when there is no keyring, the environment / plain-text pair."""

    #: The user picked (or the status preselected) another place.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status: KeyringStatus | None = None
        self.keyring_label = QLabel(self.tr("Checking the OS keyring…"), self)
        self.keyring_label.setWordWrap(True)
        self.keyring_label.setTextFormat(Qt.TextFormat.PlainText)
        self.keyring_label.setAccessibleName(self.tr("Keyring status"))
        self.keyring_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.keyring_label)
        self.env_radio = QRadioButton(
            self.tr("Read it from {0} in the environment (nothing is saved)").format(SECRET_ENV),
            self,
        )
        self.env_radio.setAccessibleName(self.tr("Read the secret from the environment"))
        self.env_radio.setToolTip(
            self.tr("Leave the secret out of every file; r2desk reads {0} where it runs").format(
                SECRET_ENV
            )
        )
        self.plaintext_check = QRadioButton(
            self.tr(
                "Keep it in PLAIN TEXT in this connection's file (anyone who can read "
                "your files can use it)"
            ),
            self,
        )
        self.plaintext_check.setAccessibleName(self.tr("Keep the secret in plain text"))
        self.plaintext_check.setToolTip(
            self.tr(
                "The secret goes into the connection's config file (readable by you "
                "only); r2desk offers to move it into the keyring once one is available"
            )
        )
        self.plaintext_check.setStyleSheet(error_style(self.palette()))
        self.group = QButtonGroup(self)
        self.group.addButton(self.env_radio)
        self.group.addButton(self.plaintext_check)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())
        for radio in (self.env_radio, self.plaintext_check):
            radio.setVisible(False)
            layout.addWidget(radio)

    def keyring_missing(self) -> bool:
        """Known to be missing (False while the check still runs)."""
        return self.status is not None and not self.status["ok"]

    def kept_in(self) -> str:
        """``keyring``, ``env`` or ``file``: where Save puts the secret ("" = not chosen yet)."""
        if not self.keyring_missing():
            return "keyring"
        if self.env_radio.isChecked():
            return "env"
        return "file" if self.plaintext_check.isChecked() else ""

    def show_status(self, status: KeyringStatus, *, plain_text: bool, env: bool) -> None:
        """Say where the secret goes; without a keyring preselect ``plain_text`` or ``env``.

        A copy of a plain-text connection stays plain text and a set variable is taken;
        otherwise the user chooses (Save says so until then).
        """
        self.status = status
        missing = not status["ok"]
        if missing:
            self.keyring_label.setStyleSheet(warning_style(self.palette()))
            self.keyring_label.setText(
                self.tr(
                    "No OS keyring is available, so r2desk cannot keep the secret safely. "
                    "Choose where it comes from instead:"
                )
            )
            self.keyring_label.setToolTip(status["message"])  # the technical details
            if self.group.checkedButton() is None:
                if plain_text:
                    self.plaintext_check.setChecked(True)
                elif env:
                    self.env_radio.setChecked(True)
        else:
            self.keyring_label.setStyleSheet("")  # full contrast: the user relies on this line
            self.keyring_label.setText(
                self.tr("The secret is kept in the OS keyring ({0}).").format(status["backend"])
            )
            self.keyring_label.setToolTip("")
        self.env_radio.setVisible(missing)
        self.plaintext_check.setVisible(missing)
        self.changed.emit()
