"""Every dialog can be used by keyboard alone: Tab and Shift+Tab reach each control and come
back to where they started (the connection form has its own walk in connections/)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest
from support.gui import tab_walk

from r2desk.gui.objects.dialogs import ExpiryDialog, NameDialog, PropertiesDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def shown(qtbot: Any, dialog: Any) -> Any:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_name_dialog_walk(qtbot: Any) -> None:
    dialog = shown(qtbot, NameDialog("Rename", "New name:", "photo.jpg", lambda _t: None))
    reached = tab_walk(qtbot, dialog)
    assert len(reached) >= 3  # the field, OK, Cancel


def test_expiry_dialog_walk(qtbot: Any) -> None:
    dialog = shown(qtbot, ExpiryDialog())
    assert len(tab_walk(qtbot, dialog)) >= 4  # number, unit, OK, Cancel


def test_properties_dialog_walk(qtbot: Any) -> None:
    info = {
        "key": "docs/report.txt",
        "size": 1234,
        "lastModified": _dt.datetime(2026, 1, 2, tzinfo=_dt.UTC),
        "etag": "abc",
        "storageClass": "STANDARD",
        "contentType": "text/plain",
        "cacheControl": "",
        "metadata": {"owner": "me"},
    }
    dialog = shown(qtbot, PropertiesDialog(info, "https://files.example.com/docs/report.txt"))
    reached = tab_walk(qtbot, dialog)
    assert dialog.content_type in reached and dialog.cache_control in reached


def test_search_dialog_walk(qtbot: Any, pool: Any, gui_app: Any) -> None:
    from r2desk.gui.search.dialog import SearchDialog

    element = gui_app.getElement("storages.TestR2")
    dialog = shown(qtbot, SearchDialog(pool, element, ""))
    dialog.pattern.setFocus()
    assert dialog.pattern in tab_walk(qtbot, dialog)


def test_bucket_settings_dialog_walk(qtbot: Any, pool: Any, gui_app: Any) -> None:
    from r2desk.gui.buckets.settings_dialog import BucketSettingsDialog

    dialog = shown(qtbot, BucketSettingsDialog(gui_app.getElement("storages.TestR2"), pool))
    qtbot.wait(200)
    assert len(tab_walk(qtbot, dialog)) >= 2


def test_about_and_readme_dialogs_walk(qtbot: Any, tmp_path: Any) -> None:
    from r2desk.gui.window.about import AboutDialog, ReadmeDialog

    about = shown(qtbot, AboutDialog(str(tmp_path / "r2desk.conf"), tmp_path / "app"))
    assert len(tab_walk(qtbot, about)) >= 1  # the links and Close
    readme = shown(qtbot, ReadmeDialog())
    assert readme.browser in tab_walk(qtbot, readme)


def test_crash_dialog_walk(qtbot: Any) -> None:
    from r2desk.gui.messages import CrashDialog

    dialog = shown(qtbot, CrashDialog("Traceback (most recent call last):\n  ..."))
    assert len(tab_walk(qtbot, dialog)) >= 1  # the details and the buttons


def test_new_bucket_dialog_walk(qtbot: Any, gui_app: Any) -> None:
    from r2desk.gui.buckets.create import CreateBucketDialog

    dialog = shown(qtbot, CreateBucketDialog(gui_app.getElement("storages.TestR2")))
    dialog.name_edit.setFocus()
    assert dialog.name_edit in tab_walk(qtbot, dialog)


def test_unfinished_uploads_dialog_walk(qtbot: Any, pool: Any, gui_app: Any) -> None:
    from r2desk.gui.buckets.uploads_view import UnfinishedUploadsDialog

    dialog = shown(qtbot, UnfinishedUploadsDialog(gui_app.getElement("storages.TestR2"), pool))
    qtbot.wait(200)
    assert len(tab_walk(qtbot, dialog)) >= 2


def test_sync_dialog_walk(qtbot: Any, pool: Any, gui_app: Any, tmp_path: Any) -> None:
    from r2desk.gui.sync.dialog import SyncDialog

    dialog = shown(qtbot, SyncDialog(gui_app, pool, source=str(tmp_path), target="TestR2:www/"))
    assert len(tab_walk(qtbot, dialog)) >= 4  # source, target, options, buttons
