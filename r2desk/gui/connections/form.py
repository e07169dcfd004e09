"""The connection form: the fields of one storage element, validated as the user types.

:class:`ConnectionForm` lays out the fields; a field with a problem gets a warning mark inside it
and the words go to one fixed-height line under the form, so nothing moves while the user types
(a row that appears under a field pushes the next field away from the pointer). The rules live in
:mod:`r2desk.elements.connection`, shared with ``r2desk connections``. The dialog
(:mod:`r2desk.gui.connections.dialog`) adds where the secret is kept, Test, List buckets and
Save.
"""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from r2desk.elements import App, connection, store
from r2desk.gui.connections.words import field_label, problem_text
from r2desk.gui.i18n import QT_TRANSLATE_NOOP
from r2desk.gui.widgets import error_style
from r2desk.storages.meta import SECRET_ENV

NOTE_STYLE = "color: palette(mid);"

JURISDICTION_ITEMS = (
    (QT_TRANSLATE_NOOP("ConnectionForm", "Default"), ""),
    ("EU", "eu"),
    ("FedRAMP", "fedramp"),
)


class ConnectionForm(QDialog):
    """The fields of a connection with their inline problems; subclasses add the actions."""

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        #: The element being edited (None for a new one or a duplicate).
        self.original: str | None = None
        self.duplicate = False
        #: Each checked field's warning mark, shown inside the field when it has a problem.
        self.marks: dict[str, QAction] = {}
        self.rows: dict[str, QWidget] = {}
        self._touched: set[str] = set()
        #: The field the user typed in last: its problem is said first.
        self._last_edited = ""
        self._base = connection.Connection(region="auto")
        #: The short name follows the title until the user edits it (new connections only).
        self._name_follows_title = False
        #: Set once every widget exists: validation runs as the fields are filled.
        self._ready = False

    # -- building -----------------------------------------------------------------------------

    def _line(self, field: str, name: str, tip: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field)
        edit.setAccessibleName(name)
        edit.setToolTip(tip)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t, f=field: self._edited(f))
        edit.textChanged.connect(self.validate)
        self._mark(field, edit)
        return edit

    def _mark(self, field: str, edit: QLineEdit) -> None:
        """A warning icon inside the field: marks the problem without moving anything."""
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        mark = edit.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        name = self.tr("{0} problem").format(field_label(field))
        mark.setText(name)
        mark.setVisible(False)
        for button in edit.findChildren(QToolButton):  # the icon's button, for screen readers
            if mark in button.actions() or button.defaultAction() is mark:
                button.setAccessibleName(name)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.marks[field] = mark

    def _row(self, text: str, field: str, widget: QWidget, *extra: QWidget) -> QWidget:
        """A form row: the control, plus its buttons."""
        box = QWidget(self)
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(widget, 1)
        for w in extra:
            line.addWidget(w)
        label = QLabel(text, self)
        label.setBuddy(widget)
        self.form.addRow(label, box)
        self.rows[field] = box
        return box

    def _build_fields(self, layout: QVBoxLayout) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)

        self.title_edit = self._line(
            "title",
            self.tr("Title"),
            self.tr("The name shown in the app's list of connections"),
            self.tr("My photos"),
        )
        self._row(self.tr("&Title:"), "title", self.title_edit)
        self.name_edit = self._line(
            "name",
            self.tr("Short name"),
            self.tr(
                "Names this connection's folder, and is what scripts and the command "
                "line use (r2desk ls <short name>). Filled in from the title until you "
                "change it. Letters, digits, '_' and '-' only."
            ),
            self.tr("My-photos"),
        )
        self._row(self.tr("S&hort name:"), "name", self.name_edit)
        self.title_edit.textEdited.connect(self._title_edited)

        self.r2_radio = QRadioButton(self.tr("Cloudflare &R2"), self)
        self.r2_radio.setAccessibleName(self.tr("Cloudflare R2"))
        self.r2_radio.setToolTip(self.tr("Connect to an R2 bucket by account id and jurisdiction"))
        self.custom_radio = QRadioButton(self.tr("Other S3-compatible &service"), self)
        self.custom_radio.setAccessibleName(self.tr("Other S3-compatible service"))
        self.custom_radio.setToolTip(self.tr("Connect to any S3-compatible endpoint by its URL"))
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
        self.form.addRow(self.tr("Service:"), kind)
        self.r2_radio.toggled.connect(self._kind_changed)

        self.account_edit = self._line(
            "accountId",
            self.tr("Account ID"),
            self.tr(
                "Your Cloudflare account id: 32 hexadecimal characters, shown on the "
                "R2 overview page. Pasting the S3 API URL fills in the jurisdiction "
                "too."
            ),
            self.tr("0123456789abcdef0123456789abcdef"),
        )
        self.account_edit.textEdited.connect(self._maybe_split_endpoint)
        self._row(self.tr("&Account ID:"), "accountId", self.account_edit)
        self.jurisdiction_combo = QComboBox(self)
        self.jurisdiction_combo.setAccessibleName(self.tr("Jurisdiction"))
        self.jurisdiction_combo.setToolTip(
            self.tr(
                "Where the bucket was created. A bucket in the EU or FedRAMP "
                "jurisdiction is only reachable through that jurisdiction's endpoint."
            )
        )
        for label, value in JURISDICTION_ITEMS:
            self.jurisdiction_combo.addItem(self.tr(label), value)
        self.jurisdiction_combo.currentIndexChanged.connect(self.validate)
        self.endpoint_note = QLabel(self)
        self.endpoint_note.setStyleSheet(NOTE_STYLE)
        self.endpoint_note.setAccessibleName(self.tr("Endpoint used"))
        self.endpoint_note.setTextFormat(Qt.TextFormat.PlainText)
        self.endpoint_note.setMinimumHeight(self.fontMetrics().lineSpacing())
        self.endpoint_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._row(self.tr("&Jurisdiction:"), "jurisdiction", self.jurisdiction_combo)
        self.form.addRow("", self.endpoint_note)
        self.endpoint_edit = self._line(
            "endPoint",
            self.tr("Endpoint URL"),
            self.tr("The S3 API address, e.g. https://s3.example.com or http://127.0.0.1:9000"),
            self.tr("https://s3.example.com"),
        )
        self.endpoint_edit.textEdited.connect(self._maybe_switch_to_r2)
        self._row(self.tr("Endpoint &URL:"), "endPoint", self.endpoint_edit)

        self.bucket_combo = QComboBox(self)
        self.bucket_combo.setEditable(True)
        self.bucket_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.bucket_combo.setAccessibleName(self.tr("Bucket"))
        self.bucket_combo.setToolTip(
            self.tr("Type the bucket name, or pick one after listing the account's buckets")
        )
        bucket_edit = self.bucket_combo.lineEdit()
        assert bucket_edit is not None  # an editable combo box has one
        bucket_edit.setPlaceholderText(self.tr("my-bucket"))
        bucket_edit.setAccessibleName(self.tr("Bucket"))
        bucket_edit.textEdited.connect(lambda _t: self._edited("bucketName"))
        self._mark("bucketName", bucket_edit)
        self.bucket_combo.currentTextChanged.connect(self.validate)
        self.list_buckets_button = QPushButton(self.tr("&List buckets"), self)
        self.list_buckets_button.setAccessibleName(self.tr("List buckets"))
        self.list_buckets_button.setToolTip(
            self.tr(
                "Ask the endpoint for the buckets this token may see (tokens limited "
                "to specific buckets cannot list them: type the name instead)"
            )
        )
        self.list_buckets_button.clicked.connect(lambda: self.list_buckets())
        self._row(self.tr("&Bucket:"), "bucketName", self.bucket_combo, self.list_buckets_button)

        self.region_edit = self._line(
            "region",
            self.tr("Region"),
            self.tr("The signing region; R2 uses 'auto'"),
            self.tr("auto"),
        )
        self._row(self.tr("Re&gion:"), "region", self.region_edit)
        self.key_id_edit = self._line(
            "accessKeyId",
            self.tr("Access key ID"),
            self.tr("The access key id of the API token (32 characters for R2)"),
        )
        self._row(self.tr("Access &key ID:"), "accessKeyId", self.key_id_edit)
        self.secret_edit = self._line(
            "secret",
            self.tr("Secret access key"),
            self.tr(
                "The token's secret access key. It is stored in the OS keyring, never in a file."
            ),
        )
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
        )
        self.show_secret_button = QPushButton(self.tr("Sho&w"), self)
        self.show_secret_button.setCheckable(True)
        self.show_secret_button.setAccessibleName(self.tr("Show secret"))
        self.show_secret_button.setToolTip(self.tr("Show or hide the secret access key"))
        self.show_secret_button.toggled.connect(self._toggle_secret)
        self._row(
            self.tr("&Secret access key:"), "secret", self.secret_edit, self.show_secret_button
        )
        self.public_edit = self._line(
            "publicBaseUrl",
            self.tr("Public base URL"),
            self.tr(
                "Optional: the bucket's public address (custom domain or r2.dev URL), "
                "used to build public links"
            ),
            self.tr("https://files.example.com"),
        )
        self._row(self.tr("&Public base URL:"), "publicBaseUrl", self.public_edit)

        #: The one place for the form's words: a field's problem, or what Save still needs.
        #: Its height is fixed (two lines), so showing or clearing it moves nothing.
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problems")
        self.problem_label.setAccessibleName(self.tr("Problems"))
        self.problem_label.setWordWrap(True)
        self.problem_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        lines = 2 * self.fontMetrics().lineSpacing() + 4
        self.problem_label.setFixedHeight(lines)
        self.problem_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.problem_label)

    # -- values -------------------------------------------------------------------------------

    def _fill(self, conn: connection.Connection) -> None:
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

    def connection(self) -> connection.Connection:
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
        self._last_edited = field
        if field == "name":
            self._name_follows_title = False
        self._field_edited()

    def _title_edited(self, title: str) -> None:
        """A new connection's short name is the title's, until the user types one."""
        if not self._name_follows_title:
            return
        taken = {n.lower() for n in store.existing_names(self.app)}
        self.name_edit.setText(connection.name_from_title(title, taken) if title.strip() else "")

    def list_buckets(self) -> None:
        """Fill the bucket list (the dialog asks the endpoint, in the pool)."""

    def _field_edited(self) -> None:
        """What else a user's edit clears (the dialog's last result)."""

    def _kind_changed(self) -> None:
        r2 = self.r2_radio.isChecked()
        for field in ("accountId", "jurisdiction"):
            self.form.setRowVisible(self.rows[field], r2)
        self.form.setRowVisible(self.endpoint_note, r2)
        self.form.setRowVisible(self.rows["endPoint"], not r2)
        self.validate()

    def _maybe_split_endpoint(self, text: str) -> None:
        """A pasted R2 S3 API URL becomes account id + jurisdiction."""
        parsed = connection.parse_r2_endpoint(text)
        if parsed:
            self.account_edit.setText(parsed[0])
            self.jurisdiction_combo.setCurrentIndex(self.jurisdiction_combo.findData(parsed[1]))

    def _maybe_switch_to_r2(self, text: str) -> None:
        parsed = connection.parse_r2_endpoint(text)
        if parsed:
            self.r2_radio.setChecked(True)
            self.endpoint_edit.clear()
            self._maybe_split_endpoint(text)

    def _toggle_secret(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.secret_edit.setEchoMode(mode)
        self.show_secret_button.setText(self.tr("&Hide") if shown else self.tr("Sho&w"))
        self.show_secret_button.setAccessibleName(
            self.tr("Hide secret") if shown else self.tr("Show secret")
        )

    def problems(self) -> dict[str, str]:
        conn = self.connection()
        problems = conn.problems(self.secret())
        new = self.original is None and not self.duplicate
        if new and not self.secret() and not os.environ.get(SECRET_ENV):
            problems["secret"] = self.tr("is required (or set {0} where the app runs)").format(
                SECRET_ENV
            )
        if "name" not in problems and conn.name:
            taken = {n.lower() for n in store.existing_names(self.app) if n != self.original}
            if conn.name.lower() in taken:
                problems["name"] = self.tr("is already used by another connection")
        return problems

    def validate(self) -> bool:
        """Mark each touched field's problem and say it in the one problem line; True if none."""
        if not self._ready:
            return False
        problems = self.problems()
        shown = {f: p for f, p in problems.items() if f in self._touched}
        for field, mark in self.marks.items():
            words = self.problem_text(field, shown[field]) if field in shown else ""
            mark.setVisible(bool(words))
            mark.setToolTip(words)
        first = [self._last_edited] if self._last_edited in shown else []
        ordered = first + [f for f in shown if f not in first]
        if ordered:
            text = self.problem_text(ordered[0], shown[ordered[0]])
            if len(ordered) > 1:
                text += self.tr(" (and {0} more, marked ⚠)").format(len(ordered) - 1)
            style = error_style(self.palette())
        else:
            missing = [field_label(f) for f in problems]
            text = self.tr("To save, fill in: {0}.").format(", ".join(missing)) if missing else ""
            style = NOTE_STYLE
        self.problem_label.setStyleSheet(style)
        self.problem_label.setText(text)
        self.problem_label.setToolTip(
            "\n".join(self.problem_text(f, p) for f, p in problems.items())
        )
        conn = self.connection()
        if conn.is_r2 and "accountId" not in problems:
            self.endpoint_note.setText(self.tr("Endpoint: {0}").format(conn.endpoint_url))
        else:
            self.endpoint_note.setText("")
        self._problems_shown(problems)
        return not problems

    def problem_text(self, field: str, problem: str) -> str:
        return problem_text(field, problem)

    def _problems_shown(self, problems: dict[str, str]) -> None:
        """What else follows the problems (the dialog's Save button)."""
