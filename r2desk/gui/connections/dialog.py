"""The connection dialog: create, edit or duplicate a storage element; secrets go to the keyring.

Every keyring and network call (keyring status, bucket list, Test connection, Save) runs in the
app's task pool; the form (:class:`ConnectionForm`) only validates as the user types.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from r2desk.elements import App, connection, probe, store
from r2desk.errors import StorageError, register_secret
from r2desk.gui.connections.form import ConnectionForm
from r2desk.gui.connections.keyring import KeyringStatus, keyring_status, short_name
from r2desk.gui.connections.secret_place import SecretPlace
from r2desk.gui.tasks import Task, TaskPool
from r2desk.gui.widgets import error_style
from r2desk.storages.meta import SECRET_ENV

log = logging.getLogger(__name__)


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
        self._test_run = 0
        self._test_task: Task | None = None
        self.setWindowTitle(
            self.tr("Duplicate connection")
            if self.duplicate
            else self.tr("Edit connection")
            if element
            else self.tr("New connection")
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
                    title=self.tr("{0} (copy)").format(conn.title or conn.name),
                )
            self._touched = set(connection.FIELD_LABELS)
        self._name_follows_title = not element
        self._fill(conn)
        self._refresh_keyring()
        self.validate()
        # Open big enough for every field and two lines of test result, whatever the font,
        # but never bigger than the screen (the form scrolls there instead).
        want = self.page.sizeHint() + QSize(40, self.buttons.sizeHint().height() + 40)
        want = want.expandedTo(QSize(720, 0))
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            want = want.boundedTo(QSize(screen.width() * 95 // 100, screen.height() * 9 // 10))
        self.resize(want)

    def _build(self) -> None:
        # Everything but Save / Cancel scrolls when the screen is smaller than the form (a
        # 1280x800 screen at QT_SCALE_FACTOR=2): the buttons stay reachable, nothing is cut.
        outer = QVBoxLayout(self)
        self.page = QWidget(self)
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page_area = QScrollArea(self)
        self.page_area.setWidgetResizable(True)
        self.page_area.setFrameShape(QFrame.Shape.NoFrame)
        self.page_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._build_fields(layout)
        self.secret_place = SecretPlace(self.page)
        # The parts the tests and the keyboard walk reach by name.
        self.keyring_label = self.secret_place.keyring_label
        self.env_radio = self.secret_place.env_radio
        self.plaintext_check = self.secret_place.plaintext_check
        self.secret_place.changed.connect(self._secret_choice_changed)
        layout.addWidget(self.secret_place)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.test_button.setToolTip(
            self.tr(
                "Check the endpoint, the credentials and the bucket with the values "
                "above (nothing is saved); click again to cancel a running test"
            )
        )
        self.test_button.clicked.connect(self._test_clicked)
        self.write_check = QCheckBox(self.tr("Include a write check"), self)
        self.write_check.setChecked(True)
        self.write_check.setAccessibleName(self.tr("Include a write check"))
        self.write_check.setToolTip(
            self.tr("Also upload and delete a small probe object, to prove the token may write")
        )
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.write_check)
        test_row.addStretch(1)
        layout.addLayout(test_row)

        # Test results and Save failures share one fixed-height, scrolling area: a long
        # explanation scrolls instead of growing the dialog or squeezing the fields.
        self.result_label = self._message_label(self.tr("Test result"))
        self.error_label = self._message_label(self.tr("Problem"))
        self.error_label.setStyleSheet(error_style(self.palette()))
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.result_label)
        box_layout.addWidget(self.error_label)
        box_layout.addStretch(1)
        self.message_area = QScrollArea(self)
        self.message_area.setWidget(box)
        self.message_area.setWidgetResizable(True)
        self.message_area.setFrameShape(QFrame.Shape.NoFrame)
        self.message_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.message_area.setFixedHeight(4 * self.fontMetrics().lineSpacing() + 8)
        layout.addWidget(self.message_area)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save connection"))
        self.save_button.setToolTip(self.tr("Write the connection"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setToolTip(self.tr("Close without saving"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.page_area.setWidget(self.page)
        outer.addWidget(self.page_area, 1)
        outer.addWidget(self.buttons)
        self._ready = True

    def _message_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setVisible(False)
        return label

    # -- reactions ----------------------------------------------------------------------------

    def _field_edited(self) -> None:
        self._show_result("")
        self._show_error("")

    def _problems_shown(self, problems: dict[str, str]) -> None:
        """Save is enabled only when no problem remains and no save runs (why: problem line)."""
        busy = "save" in self._running
        self.save_button.setEnabled(not problems and not busy)
        self.save_button.setToolTip(
            self.problem_label.text() if problems else self.tr("Write the connection")
        )

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _show_result(self, text: str) -> None:
        self.result_label.setText(text)
        self.result_label.setAccessibleDescription(text)
        self.result_label.setVisible(bool(text))

    def keyring_missing(self) -> bool:
        return self.secret_place.keyring_missing()

    def secret_kept_in(self) -> str:
        """``keyring``, ``env`` or ``file``: where Save puts the secret ("" = not chosen yet)."""
        return self.secret_place.kept_in()

    def problems(self) -> dict[str, str]:
        problems = super().problems()
        if not self._ready:
            return problems
        kept = self.secret_kept_in()
        if kept == "env":
            problems.pop("secret", None)  # nothing to type: the environment holds it
        elif not kept and (self.secret() or self._source_file_secret):
            problems["secret"] = self.tr(
                "needs a place: no OS keyring, so choose one of the two below"
            )
        return problems

    def _secret_choice_changed(self) -> None:
        if self.env_radio.isChecked():
            self.secret_edit.setPlaceholderText(self.tr("Used for Test connection only; not saved"))
        else:
            self._secret_placeholder()
        self.validate()

    # -- background work ----------------------------------------------------------------------

    def _submit(
        self,
        key: str,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        **kwargs: Any,
    ) -> Task:
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
            alive(lambda _v: self._show_error(self.tr("Unexpected error:\n") + text))(None)

        self._running[key] = True
        return self.pool.submit(
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
        self.secret_place.show_status(
            status,
            plain_text=self._source_file_secret is not None,
            env=bool(os.environ.get(SECRET_ENV)) or bool(self.secret_source and not self.duplicate),
        )

    def _secret_placeholder(self) -> None:
        if self.original or self.duplicate:
            self.secret_edit.setPlaceholderText(self.tr("Leave empty to keep the current secret"))
        else:
            self.secret_edit.setPlaceholderText(
                self.tr("Required, unless {0} is set where the app runs").format(SECRET_ENV)
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
        wanted = ("accountId", "endPoint", "accessKeyId", "region", *fields)
        if self.secret_kept_in() != "env" or not os.environ.get(SECRET_ENV):
            wanted += ("secret",)
        bad = {f: p for f, p in problems.items() if f in wanted}
        if bad and "secret" in bad and (self.secret() or self.secret_source):
            del bad["secret"]  # a typed or stored secret is enough for a check
        if bad:
            self._touched.update(bad)
            self.validate()
            field, problem = next(iter(bad.items()))
            self._show_result(self.tr("Correct this first: ") + self.problem_text(field, problem))
            return False
        return True

    def _test_clicked(self) -> None:
        if "test" in self._running:
            self.cancel_test()
        else:
            self.test_connection()

    def test_connection(self) -> None:
        """Run the element's check with the form's values, in a worker (no short name needed)."""
        if "test" in self._running or not self._probe_ready("bucketName"):
            return
        register_secret(self.secret())
        self._show_result(self.tr("Testing the connection…"))
        self.test_button.setText(self.tr("Cancel &test"))
        self.test_button.setAccessibleName(self.tr("Cancel test"))
        self._test_run += 1
        run = self._test_run

        def current(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                if run == self._test_run:  # a cancelled test's late answer is dropped
                    callback(value)

            return call

        self._test_task = self._submit(
            "test",
            probe.test_connection,
            self.app,
            self.connection(),
            self.secret(),
            original=self.secret_source,
            write=self.write_check.isChecked(),
            on_result=current(self._tested),
            on_error=current(self._test_failed),
        )

    def cancel_test(self) -> None:
        """Stop waiting for the running test (its requests time out on their own)."""
        if "test" not in self._running:
            return
        self._test_run += 1
        self._running.pop("test", None)
        if self._test_task is not None:
            self._test_task.cancel()
        self._test_idle()
        self._show_result(self.tr("Test cancelled."))

    def _test_idle(self) -> None:
        self.test_button.setText(self.tr("&Test connection"))
        self.test_button.setAccessibleName(self.tr("Test connection"))

    def _tested(self, report: dict[str, Any]) -> None:
        self._test_idle()
        marks = {True: "✓", False: "✗", None: "–"}
        names = {
            "endpoint": self.tr("Endpoint"),
            "credentials": self.tr("Credentials"),
            "bucket": self.tr("Bucket"),
            "write": self.tr("Write"),
        }
        checks = ["endpoint", "credentials", "bucket"]
        if self.write_check.isChecked():
            checks.append("write")
        line = "   ".join(f"{marks[report[c]]} {names[c]}" for c in checks)
        if report["ok"]:
            text = self.tr("Connection works.   {0}").format(line)
        else:
            text = self.tr("Connection failed.   {0}").format(line)
            text += "\n" + "\n".join(report["explanations"])
        self._show_result(text)

    def _test_failed(self, exc: BaseException) -> None:
        self._test_idle()
        self._show_result(self.tr("Connection failed: {0}").format(exc))

    def list_buckets(self) -> None:
        if "buckets" in self._running or not self._probe_ready():
            return
        register_secret(self.secret())
        self._busy(self.list_buckets_button, self.tr("Listing…"))
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
            self._show_result(
                self.tr("{0} bucket(s) found: pick one or type a name.").format(len(names))
            )
            if self.isVisible():
                self.bucket_combo.showPopup()
        else:
            self._show_result(self.tr("This token sees no buckets: type the bucket name."))

    def _buckets_failed(self, exc: BaseException) -> None:
        self._busy(self.list_buckets_button, None)
        code = getattr(exc, "code", "")
        if code == "access_denied":
            text = self.tr(
                "This token may not list buckets (tokens limited to specific buckets cannot): "
                "type the bucket name."
            )
        else:
            conn = self.connection()
            words = probe.explain({"codes": [code], "problems": [str(exc)]}, conn)
            text = self.tr("Could not list buckets.") + " " + " ".join(words)
        self._show_result(text)

    def save(self) -> None:
        """Validate, then write the keyring entry and both files in a worker."""
        self._touched = set(connection.FIELD_LABELS)
        if "save" in self._running or not self.validate():
            return
        kept = self.secret_kept_in()
        secret = self.secret()
        if secret is None and self.duplicate:
            secret = self._source_file_secret
        if kept == "env":
            secret = None  # typed for Test only; the environment holds it
        register_secret(secret)
        self._show_error("")
        self._busy(self.save_button, self.tr("Saving…"))
        self._submit(
            "save",
            store.save_connection,
            self.app,
            self.connection(),
            secret=secret,
            original=self.original,
            plaintext=kept == "file",
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
        if field in self.marks:
            self.marks[field].setVisible(True)
            self.marks[field].setToolTip(str(exc))
        self._show_error(self.tr("Not saved: {0}").format(exc))
