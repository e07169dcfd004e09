"""The connection form driven like a user would: typing, Test connection, Save, the keyring."""

from __future__ import annotations

import json
import logging
import os
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from support.elements import write_element
from support.memkeyring import MemoryKeyring
from support.servers import MotoHandle

from r2desk.credentials import PLAINTEXT_ENV, SERVICE, entry_name
from r2desk.elements import App
from r2desk.gui.connections.dialog import ConnectionDialog
from r2desk.gui.connections.keyring import offer_keyring_migration
from r2desk.gui.tasks import TaskPool
from r2desk.logs import add_file_handler

pytestmark = pytest.mark.gui
WAIT = 20_000


def new_dialog(qtbot: Any, app: App, pool: TaskPool, *args: Any, **kw: Any) -> ConnectionDialog:
    dialog = ConnectionDialog(app, pool, *args, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keyring is not None, timeout=WAIT)
    return dialog


def type_into(qtbot: Any, widget: QLineEdit, text: str) -> None:
    widget.selectAll()
    widget.del_()
    qtbot.keyClicks(widget, text)


def fill_local(qtbot: Any, dialog: ConnectionDialog, s3: Any, bucket: str, secret: str) -> None:
    type_into(qtbot, dialog.title_edit, "Local test")
    type_into(qtbot, dialog.name_edit, "Local")
    qtbot.mouseClick(dialog.custom_radio, Qt.MouseButton.LeftButton)
    type_into(qtbot, dialog.endpoint_edit, s3.endpoint_url)
    type_into(qtbot, dialog.bucket_combo.lineEdit(), bucket)
    type_into(qtbot, dialog.region_edit, "us-east-1")
    type_into(qtbot, dialog.key_id_edit, s3.access_key)
    type_into(qtbot, dialog.secret_edit, secret)


def save(qtbot: Any, dialog: ConnectionDialog) -> str:
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return str(blocker.args[0])


@pytest.fixture
def app(tmp_path: Path) -> App:
    return App(tmp_path / "app")


def test_create_test_and_save(
    qtbot: Any,
    app: App,
    pool: TaskPool,
    moto_server: MotoHandle,
    moto_bucket: str,
    memory_keyring: MemoryKeyring,
) -> None:
    secret = "form-secret-" + uuid.uuid4().hex
    dialog = new_dialog(qtbot, app, pool)
    assert "OS keyring" in dialog.keyring_label.text()
    assert not dialog.save_button.isEnabled()
    fill_local(qtbot, dialog, moto_server.s3, moto_bucket, secret)
    assert dialog.save_button.isEnabled(), dialog.problems()

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Connection" in dialog.result_label.text(), timeout=WAIT)
    assert dialog.result_label.text().startswith("Connection works"), dialog.result_label.text()

    assert save(qtbot, dialog) == "storages.Local"
    url = moto_server.s3.endpoint_url
    assert memory_keyring.entries == {(SERVICE, entry_name(url, moto_server.s3.access_key)): secret}
    folder = app.root / "storages" / "Local"
    for path in folder.iterdir():
        assert secret not in path.read_text()
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads((folder / "e.json").read_text())["title"] == "Local test"
    element = app.getElement("storages.Local")
    assert element.testConnection()["ok"]


def test_inline_validation_as_you_type(
    qtbot: Any,
    app: App,
    pool: TaskPool,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = new_dialog(qtbot, app, pool)
    assert not any(label.isVisible() for label in dialog.errors.values())  # untouched: calm
    type_into(qtbot, dialog.name_edit, "My R2")
    assert dialog.errors["name"].isVisible()
    assert "letters" in dialog.errors["name"].text()
    type_into(qtbot, dialog.name_edit, "MyR2")
    assert not dialog.errors["name"].isVisible()
    type_into(qtbot, dialog.account_edit, "1234")
    assert "32 hexadecimal" in dialog.errors["accountId"].text()
    type_into(qtbot, dialog.bucket_combo.lineEdit(), "Bad_Bucket")
    assert "lowercase" in dialog.errors["bucketName"].text()
    type_into(qtbot, dialog.key_id_edit, "abc")
    assert "32 characters" in dialog.errors["accessKeyId"].text()
    assert not dialog.save_button.isEnabled()
    assert "Still needed" in dialog.save_button.toolTip() or "red" in dialog.save_button.toolTip()

    # Pasting the S3 API URL into the account field fills account id and jurisdiction.
    account = "0123456789abcdef0123456789abcdef"
    type_into(qtbot, dialog.account_edit, f"https://{account}.eu.r2.cloudflarestorage.com")
    assert dialog.account_edit.text() == account
    assert dialog.jurisdiction_combo.currentData() == "eu"
    assert dialog.endpoint_note.text().endswith(f"{account}.eu.r2.cloudflarestorage.com")
    type_into(qtbot, dialog.bucket_combo.lineEdit(), "photos")
    type_into(qtbot, dialog.key_id_edit, "a" * 32)
    type_into(qtbot, dialog.secret_edit, "b" * 64)
    assert dialog.save_button.isEnabled(), dialog.problems()


def test_secret_is_masked_with_show_hide(
    qtbot: Any,
    app: App,
    pool: TaskPool,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = new_dialog(qtbot, app, pool)
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(dialog.show_secret_button, Qt.MouseButton.LeftButton)
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.show_secret_button.accessibleName() == "Hide secret"
    qtbot.mouseClick(dialog.show_secret_button, Qt.MouseButton.LeftButton)
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Password


def test_every_control_has_a_name_and_tooltip(
    qtbot: Any,
    app: App,
    pool: TaskPool,
    memory_keyring: MemoryKeyring,
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    dialog = new_dialog(qtbot, app, pool)
    controls = dialog.findChildren(QLineEdit) + dialog.findChildren(QComboBox)
    controls += dialog.findChildren(QAbstractButton)
    assert len(controls) > 15
    for control in controls:
        assert control.accessibleName(), control
        if not isinstance(control, QLineEdit) or control.parent() is not dialog.bucket_combo:
            assert control.toolTip(), control.accessibleName()


def test_wrong_endpoint_is_explained(
    qtbot: Any,
    app: App,
    pool: TaskPool,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = new_dialog(qtbot, app, pool)
    fake = type("S3", (), {"endpoint_url": "http://127.0.0.1:9", "access_key": "key"})()
    fill_local(qtbot, dialog, fake, "bucket-1", "secret-123456")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Connection failed" in dialog.result_label.text(), timeout=WAIT)
    text = dialog.result_label.text()
    assert "could not be reached" in text and "network" in text
    assert "secret-123456" not in text


def test_list_buckets_fills_the_choice(
    qtbot: Any,
    app: App,
    pool: TaskPool,
    moto_server: MotoHandle,
    moto_bucket: str,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = new_dialog(qtbot, app, pool)
    fill_local(qtbot, dialog, moto_server.s3, "", "testing")
    qtbot.mouseClick(dialog.list_buckets_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.bucket_combo.count() > 0, timeout=WAIT)
    names = [dialog.bucket_combo.itemText(i) for i in range(dialog.bucket_combo.count())]
    assert moto_bucket in names
    dialog.bucket_combo.hidePopup()
    assert dialog.bucket_combo.currentText() == ""  # typing still decides


def test_edit_rename_and_duplicate_keep_the_secret(
    qtbot: Any,
    app: App,
    pool: TaskPool,
    moto_server: MotoHandle,
    moto_bucket: str,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = new_dialog(qtbot, app, pool)
    fill_local(qtbot, dialog, moto_server.s3, moto_bucket, "kept-secret-123")
    save(qtbot, dialog)

    edit = new_dialog(qtbot, app, pool, "storages.Local")
    assert edit.windowTitle() == "Edit connection"
    assert edit.name_edit.text() == "Local" and edit.secret_edit.text() == ""
    assert "keep the current secret" in edit.secret_edit.placeholderText()
    qtbot.mouseClick(edit.test_button, Qt.MouseButton.LeftButton)  # uses the stored secret
    qtbot.waitUntil(lambda: "Connection" in edit.result_label.text(), timeout=WAIT)
    assert edit.result_label.text().startswith("Connection works")
    type_into(qtbot, edit.name_edit, "Renamed")
    assert save(qtbot, edit) == "storages.Renamed"
    assert [p.name for p in (app.root / "storages").iterdir()] == ["Renamed"]
    assert app.getElement("storages.Renamed").resolve_secret() == "kept-secret-123"

    dup = new_dialog(qtbot, app, pool, "storages.Renamed", duplicate=True)
    assert dup.windowTitle() == "Duplicate connection"
    assert dup.name_edit.text() == "RenamedCopy"
    assert save(qtbot, dup) == "storages.RenamedCopy"
    assert app.getElement("storages.RenamedCopy").resolve_secret() == "kept-secret-123"
    assert list(memory_keyring.entries.values()) == ["kept-secret-123"]


def test_no_keyring_is_explained_and_nothing_written(
    qtbot: Any,
    app: App,
    pool: TaskPool,
    moto_server: MotoHandle,
    missing_keyring: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(PLAINTEXT_ENV, raising=False)
    dialog = new_dialog(qtbot, app, pool)
    assert "No OS keyring" in dialog.keyring_label.text()
    assert not dialog.plaintext_check.isVisible()
    fill_local(qtbot, dialog, moto_server.s3, "bucket-1", "lonely-secret-1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "No OS keyring" in dialog.error_label.text()
    assert dialog.isVisible() and not (app.root / "storages").exists()


def test_plaintext_needs_the_visible_opt_in(
    qtbot: Any,
    app: App,
    pool: TaskPool,
    moto_server: MotoHandle,
    moto_bucket: str,
    missing_keyring: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(PLAINTEXT_ENV, "1")
    dialog = new_dialog(qtbot, app, pool)
    assert dialog.plaintext_check.isVisible() and not dialog.plaintext_check.isChecked()
    assert "PLAIN TEXT" in dialog.plaintext_check.text()
    fill_local(qtbot, dialog, moto_server.s3, moto_bucket, "plain-by-choice-1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "No OS keyring" in dialog.error_label.text()
    dialog.plaintext_check.setChecked(True)
    save(qtbot, dialog)
    raw = json.loads((app.root / "storages" / "Local" / "Local.json").read_text())
    assert raw["accessKeySecret"] == "plain-by-choice-1"


def test_offer_to_move_a_plaintext_secret(
    qtbot: Any,
    tmp_path: Path,
    pool: TaskPool,
    moto_server: MotoHandle,
    moto_bucket: str,
    memory_keyring: MemoryKeyring,
) -> None:
    write_element(tmp_path, moto_server.s3, moto_bucket, secret="plain-file-secret")
    write_element(tmp_path, moto_server.s3, moto_bucket, "Other", secret="other-file-secret")
    app = App(tmp_path)
    results: list[bool] = []
    box = offer_keyring_migration(None, app, pool, "storages.MyR2", on_done=results.append)
    assert isinstance(box, QMessageBox) and "plain text" in box.text()
    move = next(b for b in box.buttons() if b.text() == "Move to keyring")
    qtbot.mouseClick(move, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: results == [True], timeout=WAIT)
    assert "plain-file-secret" not in (tmp_path / "storages" / "MyR2" / "MyR2.json").read_text()
    assert "plain-file-secret" in memory_keyring.entries.values()
    assert app.getElement("storages.MyR2").testConnection()["ok"]
    assert offer_keyring_migration(None, app, pool, "storages.MyR2") is None  # nothing left

    box = offer_keyring_migration(None, app, pool, "Other", on_done=results.append)
    assert box is not None
    box.checkBox().setChecked(True)
    later = next(b for b in box.buttons() if b.text() == "Not now")
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: results == [True, False], timeout=WAIT)
    assert offer_keyring_migration(None, app, pool, "Other") is None  # not asked again
    assert QSettings().value("connections/keyringOfferDeclined/Other", False, type=bool)


# -- after a whole session of form use, no file and no log holds the secret ---------------------


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "state" / "logs" / "r2desk.log"
    logger = logging.getLogger("r2desk")
    old_level, old_factory = logger.level, logging.getLogRecordFactory()
    handler = add_file_handler(path, level=logging.DEBUG, logger=logger)
    try:
        yield path
    finally:
        logger.removeHandler(handler)
        handler.close()
        logger.setLevel(old_level)
        logging.setLogRecordFactory(old_factory)


def test_a_full_session_leaves_no_secret_on_disk(
    qtbot: Any,
    tmp_path: Path,
    pool: TaskPool,
    moto_server: MotoHandle,
    moto_bucket: str,
    memory_keyring: MemoryKeyring,
    log_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    secret = "whole-session-" + uuid.uuid4().hex
    second = "second-secret-" + uuid.uuid4().hex
    app = App(tmp_path / "app")
    dialog = new_dialog(qtbot, app, pool)
    fill_local(qtbot, dialog, moto_server.s3, moto_bucket, secret)
    qtbot.mouseClick(dialog.show_secret_button, Qt.MouseButton.LeftButton)
    for button in (dialog.list_buckets_button, dialog.test_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog._running, timeout=WAIT)
    save(qtbot, dialog)
    # A failing test (wrong endpoint) and an edit with a new secret, then duplicate and delete.
    edit = new_dialog(qtbot, app, pool, "storages.Local")
    type_into(qtbot, edit.endpoint_edit, "http://127.0.0.1:9")
    qtbot.mouseClick(edit.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Connection failed" in edit.result_label.text(), timeout=WAIT)
    type_into(qtbot, edit.endpoint_edit, moto_server.s3.endpoint_url)
    type_into(qtbot, edit.secret_edit, second)
    save(qtbot, edit)
    dup = new_dialog(qtbot, app, pool, "storages.Local", duplicate=True)
    save(qtbot, dup)
    element = app.getElement("storages.LocalCopy")
    element.uploadByFile("hello.txt", b"hello", "text/plain")
    logging.getLogger("r2desk.test").warning("element secret in a log line: %s %s", secret, second)
    from r2desk.elements.store import delete_element

    delete_element(app, "storages.LocalCopy")
    assert list(memory_keyring.entries.values()) == [second]
    assert log_file.read_text().count("***") >= 2  # the log line was written, scrubbed

    QSettings().sync()
    scanned: set[Path] = set()
    for top in (tmp_path, Path(QSettings().fileName()).parent):
        for path in top.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                scanned.add(path)
                assert secret.encode() not in data, path
                assert second.encode() not in data, path
    local = app.root / "storages" / "Local"
    assert {log_file, local / "e.json", local / "Local.json"} <= scanned
