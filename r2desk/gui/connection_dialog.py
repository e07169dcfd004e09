"""The connection form: create, edit or duplicate a storage element; secrets go to the keyring.

Every keyring and network call (keyring status, bucket list, Test connection, Save) runs in the
app's task pool; the form itself only validates as the user types. The rules live in
:mod:`r2desk.elements.store` and :mod:`r2desk.elements.probe`, shared with ``r2desk connections``.

The main window also calls :func:`offer_keyring_migration` after opening an element, to offer
moving a plain-text secret from its config file into the keyring.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from r2desk.credentials import PLAINTEXT_ENV, CredentialStore, KeyringUnavailable, plaintext_allowed
from r2desk.elements import App, probe, store
from r2desk.elements.connection import (
    FIELD_LABELS,
    FOLDER,
    Connection,
    element_name_problem,
    parse_r2_endpoint,
)
from r2desk.errors import StorageError, register_secret
from r2desk.gui.tasks import TaskPool
from r2desk.storages.meta import SECRET_ENV

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: palette(mid);"
WARNING_STYLE = "background: #fff4ce; color: #3d2c00; padding: 6px; border-radius: 4px;"

JURISDICTION_ITEMS = (("Default", ""), ("EU", "eu"), ("FedRAMP", "fedramp"))


def keyring_status(credentials: CredentialStore) -> dict[str, Any]:
    """Whether the keyring answers, for the form's status line (runs in a worker)."""
    try:
        return {"ok": True, "backend": credentials.check(), "message": "", "reason": ""}
    except KeyringUnavailable as exc:
        return {"ok": False, "backend": "", "message": str(exc), "reason": exc.reason}


def _short(name: str | None) -> str | None:
    return name.partition(".")[2] or name if name else None


def _unique_name(app: App, base: str) -> str:
    taken = {n.lower() for n in store.existing_names(app)}
    for i in range(1, 100):
        candidate = f"{base}Copy" if i == 1 else f"{base}Copy{i}"
        if candidate.lower() not in taken and not element_name_problem(candidate):
            return candidate
    return ""


class ConnectionDialog(QDialog):
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
        super().__init__(parent)
        self.app = app
        self.pool = pool
        self.duplicate = duplicate and element is not None
        #: The element being edited (None for a new one or a duplicate).
        self.original = None if self.duplicate else _short(element)
        #: Where an unchanged secret comes from (the edited element, or a duplicate's source).
        self.secret_source = _short(element)
        self.keyring: dict[str, Any] | None = None
        self._touched: set[str] = set()
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
        self._base = Connection(region="auto")
        self._build()
        conn = Connection(region="auto")
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
            self._touched = set(FIELD_LABELS)
        self._fill(conn)
        self._refresh_keyring()
        self.validate()

    # -- building -----------------------------------------------------------------------------

    def _line(self, field: str, name: str, tip: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field)
        edit.setAccessibleName(name)
        edit.setToolTip(tip)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t, f=field: self._edited(f))
        edit.textChanged.connect(self.validate)
        return edit

    def _error_label(self, field: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"{field}_error")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setAccessibleName(f"{FIELD_LABELS.get(field, field)} problem")
        label.setVisible(False)
        self.errors[field] = label
        return label

    def _row(self, text: str, field: str, widget: QWidget, *extra: QWidget) -> QWidget:
        """A form row: the control (plus buttons) and, under it, its inline error."""
        box = QWidget(self)
        outer = QVBoxLayout(box)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(widget, 1)
        for w in extra:
            line.addWidget(w)
        outer.addLayout(line)
        outer.addWidget(self._error_label(field))
        label = QLabel(text, self)
        label.setBuddy(widget)
        self.form.addRow(label, box)
        self.rows[field] = box
        return box

    def _build(self) -> None:
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)

        self.title_edit = self._line(
            "title", "Title", "The name shown in the app's list of connections", "My photos"
        )
        self._row("&Title:", "title", self.title_edit)
        self.name_edit = self._line(
            "name",
            "Element name",
            "The element's folder name; scripts open it as storages.<name>. Letters, digits, "
            "'_' and '-' only.",
            "MyR2",
        )
        self._row("&Element name:", "name", self.name_edit)

        self.r2_radio = QRadioButton("Cloudflare &R2", self)
        self.r2_radio.setAccessibleName("Cloudflare R2")
        self.r2_radio.setToolTip("Connect to an R2 bucket by account id and jurisdiction")
        self.custom_radio = QRadioButton("Other S3-compatible &service", self)
        self.custom_radio.setAccessibleName("Other S3-compatible service")
        self.custom_radio.setToolTip("Connect to any S3-compatible endpoint by its URL")
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.r2_radio)
        self.kind_group.addButton(self.custom_radio)
        self.r2_radio.setChecked(True)
        kind = QWidget(self)
        kind_layout = QHBoxLayout(kind)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(self.r2_radio)
        kind_layout.addWidget(self.custom_radio)
        kind_layout.addStretch(1)
        self.form.addRow("Service:", kind)
        self.r2_radio.toggled.connect(self._kind_changed)

        self.account_edit = self._line(
            "accountId",
            "Account ID",
            "Your Cloudflare account id: 32 hexadecimal characters, shown on the R2 overview "
            "page. Pasting the S3 API URL fills in the jurisdiction too.",
            "0123456789abcdef0123456789abcdef",
        )
        self.account_edit.textEdited.connect(self._maybe_split_endpoint)
        self._row("&Account ID:", "accountId", self.account_edit)
        self.jurisdiction_combo = QComboBox(self)
        self.jurisdiction_combo.setAccessibleName("Jurisdiction")
        self.jurisdiction_combo.setToolTip(
            "Where the bucket was created. A bucket in the EU or FedRAMP jurisdiction is only "
            "reachable through that jurisdiction's endpoint."
        )
        for label, value in JURISDICTION_ITEMS:
            self.jurisdiction_combo.addItem(label, value)
        self.jurisdiction_combo.currentIndexChanged.connect(self.validate)
        self.endpoint_note = QLabel(self)
        self.endpoint_note.setStyleSheet(NOTE_STYLE)
        self.endpoint_note.setAccessibleName("Endpoint used")
        self.endpoint_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._row("&Jurisdiction:", "jurisdiction", self.jurisdiction_combo)
        self.form.addRow("", self.endpoint_note)
        self.endpoint_edit = self._line(
            "endPoint",
            "Endpoint URL",
            "The S3 API address, e.g. https://s3.example.com or http://127.0.0.1:9000",
            "https://s3.example.com",
        )
        self.endpoint_edit.textEdited.connect(self._maybe_switch_to_r2)
        self._row("Endpoint &URL:", "endPoint", self.endpoint_edit)

        self.bucket_combo = QComboBox(self)
        self.bucket_combo.setEditable(True)
        self.bucket_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.bucket_combo.setAccessibleName("Bucket")
        self.bucket_combo.setToolTip(
            "Type the bucket name, or pick one after listing the account's buckets"
        )
        bucket_edit = self.bucket_combo.lineEdit()
        bucket_edit.setPlaceholderText("my-bucket")
        bucket_edit.setAccessibleName("Bucket")
        bucket_edit.textEdited.connect(lambda _t: self._edited("bucketName"))
        self.bucket_combo.currentTextChanged.connect(self.validate)
        self.list_buckets_button = QPushButton("&List buckets", self)
        self.list_buckets_button.setAccessibleName("List buckets")
        self.list_buckets_button.setToolTip(
            "Ask the endpoint for the buckets this token may see (tokens limited to specific "
            "buckets cannot list them: type the name instead)"
        )
        self.list_buckets_button.clicked.connect(self.list_buckets)
        self._row("&Bucket:", "bucketName", self.bucket_combo, self.list_buckets_button)

        self.region_edit = self._line(
            "region", "Region", "The signing region; R2 uses 'auto'", "auto"
        )
        self._row("Re&gion:", "region", self.region_edit)
        self.key_id_edit = self._line(
            "accessKeyId",
            "Access key ID",
            "The access key id of the API token (32 characters for R2)",
        )
        self._row("Access &key ID:", "accessKeyId", self.key_id_edit)
        self.secret_edit = self._line(
            "secret",
            "Secret access key",
            "The token's secret access key. It is stored in the OS keyring, never in a file.",
        )
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
        )
        self.show_secret_button = QPushButton("Sho&w", self)
        self.show_secret_button.setCheckable(True)
        self.show_secret_button.setAccessibleName("Show secret")
        self.show_secret_button.setToolTip("Show or hide the secret access key")
        self.show_secret_button.toggled.connect(self._toggle_secret)
        self._row("&Secret access key:", "secret", self.secret_edit, self.show_secret_button)
        self.public_edit = self._line(
            "publicBaseUrl",
            "Public base URL",
            "Optional: the bucket's public address (custom domain or r2.dev URL), used to "
            "build public links",
            "https://files.example.com",
        )
        self._row("&Public base URL:", "publicBaseUrl", self.public_edit)

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

    # -- values -------------------------------------------------------------------------------

    def _fill(self, conn: Connection) -> None:
        self._base = conn
        self.title_edit.setText(conn.title)
        self.name_edit.setText(conn.name)
        (self.r2_radio if conn.is_r2 else self.custom_radio).setChecked(True)
        self.account_edit.setText(conn.accountId)
        index = self.jurisdiction_combo.findData(conn.jurisdiction)
        if index < 0:  # a jurisdiction the form does not list (e.g. a newer one): keep it
            self.jurisdiction_combo.addItem(conn.jurisdiction.upper(), conn.jurisdiction)
            index = self.jurisdiction_combo.count() - 1
        self.jurisdiction_combo.setCurrentIndex(index)
        self.endpoint_edit.setText(conn.endPoint)
        self.bucket_combo.setEditText(conn.bucketName)
        self.region_edit.setText(conn.region if conn.region != "auto" else "")
        self.key_id_edit.setText(conn.accessKeyId)
        self.public_edit.setText(conn.publicBaseUrl)
        self._kind_changed()

    def connection(self) -> Connection:
        """The form's values as a Connection (fields the form does not show are kept)."""
        r2 = self.r2_radio.isChecked()
        return replace(
            self._base,
            name=self.name_edit.text().strip(),
            title=self.title_edit.text().strip(),
            accountId=self.account_edit.text().strip() if r2 else "",
            jurisdiction=(self.jurisdiction_combo.currentData() or "") if r2 else "",
            endPoint="" if r2 else self.endpoint_edit.text().strip(),
            bucketName=self.bucket_combo.currentText().strip(),
            region=self.region_edit.text().strip() or "auto",
            accessKeyId=self.key_id_edit.text().strip(),
            publicBaseUrl=self.public_edit.text().strip(),
            file_secret=None,
        )

    def secret(self) -> str | None:
        return self.secret_edit.text() or None

    # -- reactions ----------------------------------------------------------------------------

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        self.result_label.clear()
        self._show_error("")

    def _kind_changed(self) -> None:
        r2 = self.r2_radio.isChecked()
        for field in ("accountId", "jurisdiction"):
            self.form.setRowVisible(self.rows[field], r2)
        self.form.setRowVisible(self.endpoint_note, r2)
        self.form.setRowVisible(self.rows["endPoint"], not r2)
        self.validate()

    def _maybe_split_endpoint(self, text: str) -> None:
        """A pasted R2 S3 API URL becomes account id + jurisdiction."""
        parsed = parse_r2_endpoint(text)
        if parsed:
            self.account_edit.setText(parsed[0])
            self.jurisdiction_combo.setCurrentIndex(self.jurisdiction_combo.findData(parsed[1]))

    def _maybe_switch_to_r2(self, text: str) -> None:
        parsed = parse_r2_endpoint(text)
        if parsed:
            self.r2_radio.setChecked(True)
            self.endpoint_edit.clear()
            self._maybe_split_endpoint(text)

    def _toggle_secret(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.secret_edit.setEchoMode(mode)
        self.show_secret_button.setText("&Hide" if shown else "Sho&w")
        self.show_secret_button.setAccessibleName("Hide secret" if shown else "Show secret")

    def problems(self) -> dict[str, str]:
        conn = self.connection()
        problems = conn.problems(self.secret())
        new = self.original is None and not self.duplicate
        if new and not self.secret() and not os.environ.get(SECRET_ENV):
            problems["secret"] = f"is required (or set {SECRET_ENV} where the app runs)"
        if "name" not in problems and conn.name:
            taken = {n.lower() for n in store.existing_names(self.app) if n != self.original}
            if conn.name.lower() in taken:
                problems["name"] = "is already used by another connection"
        return problems

    def validate(self) -> bool:
        """Show each touched field's problem under it; Save is enabled only when none remain."""
        if not hasattr(self, "save_button"):
            return False
        problems = self.problems()
        for field, label in self.errors.items():
            text = problems.get(field, "") if field in self._touched else ""
            label.setText(f"{FIELD_LABELS.get(field, field)} {text}" if text else "")
            label.setVisible(bool(text))
        conn = self.connection()
        if conn.is_r2 and "accountId" not in problems:
            self.endpoint_note.setText(f"Endpoint: {conn.endpoint_url}")
        else:
            self.endpoint_note.setText("")
        busy = "save" in self._running
        self.save_button.setEnabled(not problems and not busy)
        missing = [FIELD_LABELS.get(f, f) for f in problems if f not in self._touched]
        self.save_button.setToolTip(
            "Still needed: " + ", ".join(missing)
            if missing
            else "Correct the fields marked in red"
            if problems
            else "Write the connection; the secret goes to the OS keyring"
        )
        return not problems

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

    def _keyring_checked(self, status: dict[str, Any]) -> None:
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
            self.result_label.setText(f"Correct this first: {FIELD_LABELS[field]} {problem}.")
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
        self._touched = set(FIELD_LABELS)
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

_DECLINED_KEY = "connections/keyringOfferDeclined/"


def offer_keyring_migration(
    parent: QWidget,
    app: App,
    pool: TaskPool,
    name: str,
    on_done: Callable[[bool], None] | None = None,
) -> QMessageBox | None:
    """If ``name``'s config file holds its secret in plain text, offer to move it to the keyring.

    Non-blocking: returns the open question box (None when there is nothing to offer, or the
    user asked not to be asked again for this element). ``on_done(moved)`` runs afterwards.
    Call it after the main window opened an element.
    """
    short = _short(name) or name
    if not store.has_plaintext_secret(app, short):
        return None
    settings = QSettings()
    if settings.value(_DECLINED_KEY + short, False, type=bool):
        return None
    path = app.root / FOLDER / short / f"{short}.json"
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Move the secret into the keyring?",
        f"The connection {short} keeps its secret access key in plain text in\n{path}\n\n"
        "Anyone who can read that file can use your bucket. Move the secret into the OS "
        "keyring? The file keeps everything else.",
        parent=parent,
    )
    move = box.addButton("Move to keyring", QMessageBox.ButtonRole.AcceptRole)
    move.setAccessibleName("Move to keyring")
    move.setToolTip("Store the secret in the OS keyring and remove it from the config file")
    later = box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
    later.setAccessibleName("Not now")
    later.setToolTip("Keep the secret in the file for now; you will be asked again next time")
    box.setDefaultButton(move)
    never = QCheckBox("Don't ask again for this connection", box)
    never.setAccessibleName("Don't ask again for this connection")
    never.setToolTip("Remember this answer for this connection")
    box.setCheckBox(never)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finish(moved: bool) -> None:
        if on_done is not None:
            on_done(moved)

    def failed(exc: BaseException) -> None:
        warn = QMessageBox(
            QMessageBox.Icon.Warning,
            "The secret was not moved",
            f"{exc}\n\nThe connection keeps working with the secret in its file.",
            parent=parent,
        )
        warn.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        warn.open()
        finish(False)

    def answered(_code: int) -> None:
        if box.clickedButton() is move:
            pool.submit(
                store.migrate_secret_to_keyring,
                app,
                short,
                on_result=lambda moved: (app.forget(f"{FOLDER}.{short}"), finish(bool(moved))),
                on_error=failed,
                on_crash=lambda text: failed(RuntimeError(text)),
            )
            return
        if never.isChecked():
            settings.setValue(_DECLINED_KEY + short, True)
        finish(False)

    box.finished.connect(answered)
    box.open()
    return box
