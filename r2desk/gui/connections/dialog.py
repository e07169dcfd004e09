"""The connection dialog: create, edit or duplicate a storage element; secrets go to the keyring.

Every keyring and network call (keyring status, bucket list, Test connection, Save) runs in the
app's task pool; the form (:class:`ConnectionForm`) only validates as the user types.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from r2desk.credentials import PLAINTEXT_ENV, plaintext_allowed
from r2desk.elements import App, connection, probe, store
from r2desk.errors import StorageError, register_secret
from r2desk.gui.connections.form import ERROR_STYLE, ConnectionForm
from r2desk.gui.connections.keyring import KeyringStatus, keyring_status, short_name
from r2desk.gui.tasks import TaskPool
from r2desk.storages.meta import SECRET_ENV

log = logging.getLogger(__name__)

WARNING_STYLE = "background: #fff4ce; color: #3d2c00; padding: 6px; border-radius: 4px;"


def _unique_name(app: App, base: str) -> str:
    taken = {n.lower() for n in store.existing_names(app)}
    for i in range(1, 100):
        candidate = f"{base}Copy" if i == 1 else f"{base}Copy{i}"
        if candidate.lower() not in taken and not connection.element_name_problem(candidate):
            return candidate
    return ""


class ConnectionDialog(ConnectionForm):
    """Create (``element`` None), edit, or duplicate (``duplicate=True``) a connection.

    ``saved`` carries the fully qualified element name once the files and the keyring entry are
    written.
    """

    saved = Signal(str)

    def __init__(
        self,
        app: App,
        pool: TaskPool,
        element: str | None = None,
        *,
        duplicate: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, parent)
        self.pool = pool
        self.duplicate = duplicate and element is not None
        #: The element being edited (None for a new one or a duplicate).
        self.original = None if self.duplicate else short_name(element)
        #: Where an unchanged secret comes from (the edited element, or a duplicate's source).
        self.secret_source = short_name(element)
        self.keyring: KeyringStatus | None = None
        self._running: dict[str, Any] = {}
        self._source_file_secret: str | None = None
        self.setWindowTitle(
            "Duplicate connection"
            if self.duplicate
            else "Edit connection"
            if element
            else "New connection"
        )
        self.setMinimumWidth(560)
        self._build()
        conn = connection.Connection(region="auto")
        if element:
            try:
                conn = store.load_connection(app, element)
            except StorageError as exc:
                self._show_error(str(exc))
                self.save_button.setEnabled(False)
            self._source_file_secret = conn.file_secret
            if self.duplicate:
                conn = replace(
                    conn,
                    name=_unique_name(app, conn.name),
                    title=f"{conn.title or conn.name} (copy)",
                )
            self._touched = set(connection.FIELD_LABELS)
        self._fill(conn)
        self._refresh_keyring()
        self.validate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self._build_fields(layout)

        self.keyring_label = QLabel("Checking the OS keyring…", self)
        self.keyring_label.setWordWrap(True)
        self.keyring_label.setAccessibleName("Keyring status")
        self.keyring_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.keyring_label)
        self.plaintext_check = QCheckBox(
            "Keep the secret in PLAIN TEXT in the config file (no keyring is available)", self
        )
        self.plaintext_check.setAccessibleName("Keep the secret in plain text")
        self.plaintext_check.setToolTip(
            f"Allowed because {PLAINTEXT_ENV}=1 is set. Anyone who can read your files can "
            "read the secret."
        )
        self.plaintext_check.setStyleSheet(ERROR_STYLE)
        self.plaintext_check.setVisible(False)
        layout.addWidget(self.plaintext_check)

        test_row = QHBoxLayout()
        self.test_button = QPushButton("&Test connection", self)
        self.test_button.setAccessibleName("Test connection")
        self.test_button.setToolTip(
            "Check the endpoint, the credentials and the bucket with the values above "
            "(nothing is saved)"
        )
        self.test_button.clicked.connect(self.test_connection)
        self.write_check = QCheckBox("Include a write check", self)
        self.write_check.setChecked(True)
        self.write_check.setAccessibleName("Include a write check")
        self.write_check.setToolTip(
            "Also upload and delete a small probe object, to prove the token may write"
        )
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.write_check)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName("Test result")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setAccessibleName("Problem")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save connection")
        self.save_button.setToolTip("Write the connection; the secret goes to the OS keyring")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        cancel.setToolTip("Close without saving")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._ready = True

    # -- reactions ----------------------------------------------------------------------------

    def _field_edited(self) -> None:
        self.result_label.clear()
        self._show_error("")

    def _problems_shown(self, problems: dict[str, str]) -> None:
        """Save is enabled only when no problem remains and no save runs."""
        busy = "save" in self._running
        self.save_button.setEnabled(not problems and not busy)
        missing = [connection.FIELD_LABELS.get(f, f) for f in problems if f not in self._touched]
        self.save_button.setToolTip(
            "Still needed: " + ", ".join(missing)
            if missing
            else "Correct the fields marked in red"
            if problems
            else "Write the connection; the secret goes to the OS keyring"
        )

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # -- background work ----------------------------------------------------------------------

    def _submit(
        self,
        key: str,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        **kwargs: Any,
    ) -> None:
        """Run ``fn`` in the pool; results reach this dialog only while it still exists."""

        def alive(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                if shiboken6.isValid(self):
                    self._running.pop(key, None)
                    callback(value)
                    self.validate()

            return call

        def crashed(text: str) -> None:
            log.error("connection dialog task %s crashed", key)
            alive(lambda _v: self._show_error("Unexpected error:\n" + text))(None)

        self._running[key] = True
        self.pool.submit(
            fn,
            *args,
            on_result=alive(on_result),
            on_error=alive(on_error),
            on_crash=crashed,
            **kwargs,
        )

    def _refresh_keyring(self) -> None:
        self._submit(
            "keyring",
            keyring_status,
            self.app.credentials,
            on_result=self._keyring_checked,
            on_error=lambda exc: self._keyring_checked(
                {"ok": False, "backend": "", "message": str(exc), "reason": "error"}
            ),
        )

    def _keyring_checked(self, status: KeyringStatus) -> None:
        self.keyring = status
        if status["ok"]:
            self.keyring_label.setStyleSheet("")  # full contrast: the user relies on this line
            self.keyring_label.setText(
                f"The secret is kept in the OS keyring ({status['backend']})."
            )
        else:
            self.keyring_label.setStyleSheet(WARNING_STYLE)
            self.keyring_label.setText(status["message"])
        self.plaintext_check.setVisible(not status["ok"] and plaintext_allowed())
        if self.original or self.duplicate:
            self.secret_edit.setPlaceholderText("Leave empty to keep the current secret")
        else:
            self.secret_edit.setPlaceholderText(
                f"Required, unless {SECRET_ENV} is set where the app runs"
            )

    def _busy(self, button: QPushButton, text: str | None) -> None:
        if text:
            button.setProperty("idle_text", button.text())
            button.setText(text)
            button.setEnabled(False)
        else:
            button.setText(button.property("idle_text") or button.text())
            button.setEnabled(True)

    def _probe_ready(self, *fields: str) -> bool:
        """Test and List need a usable endpoint and key id; say which field is wrong if not."""
        problems = self.problems()
        wanted = ("accountId", "endPoint", "accessKeyId", "secret", "region", *fields)
        bad = {f: p for f, p in problems.items() if f in wanted}
        if bad:
            self._touched.update(bad)
            self.validate()
            field, problem = next(iter(bad.items()))
            label = connection.FIELD_LABELS[field]
            self.result_label.setText(f"Correct this first: {label} {problem}.")
            return False
        return True

    def test_connection(self) -> None:
        """Run the element's check with the form's values, in a worker."""
        if "test" in self._running or not self._probe_ready("bucketName"):
            return
        register_secret(self.secret())
        self.result_label.setText("Testing the connection…")
        self._busy(self.test_button, "Testing…")
        self._submit(
            "test",
            probe.test_connection,
            self.app,
            self.connection(),
            self.secret(),
            original=self.secret_source,
            write=self.write_check.isChecked(),
            on_result=self._tested,
            on_error=self._test_failed,
        )

    def _tested(self, report: dict[str, Any]) -> None:
        self._busy(self.test_button, None)
        marks = {True: "✓", False: "✗", None: "–"}
        checks = ["endpoint", "credentials", "bucket"]
        if self.write_check.isChecked():
            checks.append("write")
        line = "   ".join(f"{marks[report[c]]} {c.capitalize()}" for c in checks)
        if report["ok"]:
            text = f"Connection works.   {line}"
        else:
            text = f"Connection failed.   {line}\n\n" + "\n".join(report["explanations"])
        self.result_label.setText(text)
        self.result_label.setAccessibleDescription(text)

    def _test_failed(self, exc: BaseException) -> None:
        self._busy(self.test_button, None)
        self.result_label.setText(f"Connection failed: {exc}")

    def list_buckets(self) -> None:
        if "buckets" in self._running or not self._probe_ready():
            return
        register_secret(self.secret())
        self._busy(self.list_buckets_button, "Listing…")
        self._submit(
            "buckets",
            probe.list_buckets,
            self.app,
            self.connection(),
            self.secret(),
            original=self.secret_source,
            on_result=self._buckets_listed,
            on_error=self._buckets_failed,
        )

    def _buckets_listed(self, names: list[str]) -> None:
        self._busy(self.list_buckets_button, None)
        current = self.bucket_combo.currentText()
        self.bucket_combo.blockSignals(True)
        self.bucket_combo.clear()
        self.bucket_combo.addItems(names)
        self.bucket_combo.setEditText(current)
        self.bucket_combo.blockSignals(False)
        if names:
            self.result_label.setText(f"{len(names)} bucket(s) found: pick one or type a name.")
            if self.isVisible():
                self.bucket_combo.showPopup()
        else:
            self.result_label.setText("This token sees no buckets: type the bucket name.")

    def _buckets_failed(self, exc: BaseException) -> None:
        self._busy(self.list_buckets_button, None)
        code = getattr(exc, "code", "")
        if code == "access_denied":
            text = (
                "This token may not list buckets (tokens limited to specific buckets cannot): "
                "type the bucket name."
            )
        else:
            conn = self.connection()
            words = probe.explain({"codes": [code], "problems": [str(exc)]}, conn)
            text = "Could not list buckets. " + " ".join(words)
        self.result_label.setText(text)

    def save(self) -> None:
        """Validate, then write the keyring entry and both files in a worker."""
        self._touched = set(connection.FIELD_LABELS)
        if "save" in self._running or not self.validate():
            return
        secret = self.secret()
        if secret is None and self.duplicate:
            secret = self._source_file_secret
        keyring_ok = self.keyring is None or self.keyring["ok"]
        if secret and not keyring_ok and not self.plaintext_check.isChecked():
            self._show_error(self.keyring["message"] if self.keyring else "")
            return
        register_secret(secret)
        self._show_error("")
        self._busy(self.save_button, "Saving…")
        self._submit(
            "save",
            store.save_connection,
            self.app,
            self.connection(),
            secret=secret,
            original=self.original,
            plaintext=self.plaintext_check.isChecked(),
            on_result=self._saved,
            on_error=self._save_failed,
        )

    def _saved(self, result: store.SaveResult) -> None:
        self._busy(self.save_button, None)
        self.saved.emit(result.name)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._busy(self.save_button, None)
        field = getattr(exc, "field", "")
        if field in self.errors:
            self._touched.add(field)
            label = self.errors[field]
            label.setText(str(exc))
            label.setVisible(True)
        self._show_error(f"Not saved: {exc}")


# -- plain-text secret migration ------------------------------------------------------------------
