"""The bucket settings dialog: CORS and lifecycle tables read, checked, saved (read back from the
server), the exact XML shown, presets, and "not supported by this server" for a missing call."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from support.elements import write_element

from r2desk import App
from r2desk.gui.buckets.settings_dialog import BucketSettingsDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


def _dialog(qtbot: Any, pool: Any, element: Any) -> BucketSettingsDialog:
    dialog = BucketSettingsDialog(element, pool)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(
        lambda: dialog.cors.supported is not None and dialog.lifecycle.supported is not None,
        timeout=10_000,
    )
    return dialog


def test_cors_preset_edit_save_read_back(
    qtbot: Any, pool: Any, gui_app: App, moto_server: Any, moto_bucket: str
) -> None:
    element = gui_app.getElement("storages.TestR2")
    dialog = _dialog(qtbot, pool, element)
    cors = dialog.cors
    assert cors.table.rowCount() == 0 and "No CORS rules" in cors.status.text()
    cors.presets.setCurrentIndex(2)  # "Allow browser uploads from my site"
    cors.presets.activated.emit(2)
    assert cors.table.rowCount() == 1
    assert "<AllowedMethod>PUT</AllowedMethod>" in cors.xml.toPlainText()
    cors.table.item(0, 0).setText("https://app.example.com, not a url")
    assert "origin 'not a url'" in cors.problems.text()
    assert not cors.save_button.isEnabled() and cors.xml.toPlainText() == ""
    cors.table.item(0, 0).setText("https://app.example.com")
    assert cors.save_button.isEnabled()
    assert "<AllowedOrigin>https://app.example.com</AllowedOrigin>" in cors.xml.toPlainText()
    qtbot.mouseClick(cors.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 CORS rules on" in cors.status.text(), timeout=10_000)
    saved = moto_server.s3.client().get_bucket_cors(Bucket=moto_bucket)["CORSRules"]
    assert saved[0]["AllowedOrigins"] == ["https://app.example.com"]
    assert saved[0]["AllowedMethods"] == ["GET", "PUT", "HEAD"]


def test_lifecycle_rule_with_r2_default_shown(
    qtbot: Any, pool: Any, gui_app: App, moto_server: Any, moto_bucket: str
) -> None:
    dialog = _dialog(qtbot, pool, gui_app.getElement("storages.TestR2"))
    life = dialog.lifecycle
    assert "7 days" in life.note.text() and "30 days" in life.note.text()
    qtbot.mouseClick(life.add_button, Qt.MouseButton.LeftButton)
    assert life.table.item(0, 5).text() == "7"  # a new rule starts from R2's default
    life.table.item(0, 2).setText("tmp/")
    life.table.item(0, 3).setText("three")
    assert "delete after must be a whole number" in life.problems.text()
    life.table.item(0, 3).setText("3")
    life.table.item(0, 6).setText("30")
    assert "before deleting" in life.problems.text()
    life.table.item(0, 6).setText("")
    assert "<Days>3</Days>" in life.xml.toPlainText()
    qtbot.mouseClick(life.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 lifecycle rules on" in life.status.text(), timeout=10_000)
    rules = moto_server.s3.client().get_bucket_lifecycle_configuration(Bucket=moto_bucket)["Rules"]
    assert rules[0]["Filter"]["Prefix"] == "tmp/" and rules[0]["Expiration"]["Days"] == 3
    assert rules[0]["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"] == 7


def test_a_missing_call_says_not_supported(
    qtbot: Any, pool: Any, tmp_path: Path, sigv4_server: Any, sigv4_bucket: str
) -> None:
    """SeaweedFS stores no transitions: saving one says so; the dialog goes on working."""
    write_element(tmp_path, sigv4_server.s3, sigv4_bucket)
    dialog = _dialog(qtbot, pool, App(tmp_path).getElement("storages.MyR2"))
    life = dialog.lifecycle
    qtbot.mouseClick(life.add_button, Qt.MouseButton.LeftButton)
    life.table.item(0, 6).setText("30")
    qtbot.mouseClick(life.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not supported by this server" in life.status.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.cors.supported is True
