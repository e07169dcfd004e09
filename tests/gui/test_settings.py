"""Every setting goes through r2desk.gui.settings; the demo's stay in memory."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings
from support.gui import wait_connections

from r2desk.gui.app import build_main_window, settings_for
from r2desk.gui.settings import Settings

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def test_in_memory_settings_keep_values_and_never_write_qsettings(qapp: Any) -> None:
    memory = Settings.in_memory()
    assert not memory.persistent
    assert memory.concurrency(3) == 3 and memory.preview_shown() and memory.last_element() == ""
    memory.set_concurrency(7)
    memory.set_preview_shown(False)
    memory.set_last_element("storages.Demo")
    memory.set_geometry(QByteArray(b"geometry"))
    memory.set_keyring_offer_declined("Demo")
    assert memory.concurrency(3) == 7 and not memory.preview_shown()
    assert memory.last_element() == "storages.Demo"
    assert memory.geometry() == QByteArray(b"geometry")
    assert memory.keyring_offer_declined("Demo") and not memory.keyring_offer_declined("Other")
    assert QSettings().allKeys() == []


def test_persistent_settings_use_the_documented_keys(qapp: Any) -> None:
    settings = Settings()
    assert settings.persistent
    settings.set_concurrency(5)
    settings.set_keyring_offer_declined("MyR2")
    settings.set_preview_shown(False)
    store = QSettings()
    assert int(store.value("transfers/concurrency")) == 5
    assert store.value("connections/keyringOfferDeclined/MyR2", False, type=bool)
    again = Settings()
    assert again.concurrency(3) == 5 and not again.preview_shown()


def test_the_demo_window_leaves_the_users_settings_alone(
    qtbot: Any, pool: Any, gui_app: Any
) -> None:
    settings = settings_for(demo=True)
    assert not settings.persistent and settings_for(demo=False).persistent
    previous = sys.excepthook
    try:
        window = build_main_window(gui_app, pool, offer_keyring_moves=False, settings=settings)
    finally:
        sys.excepthook = previous  # build_main_window installs the crash dialog's hook
    window.errors.dialogs_enabled = False
    qtbot.addWidget(window)
    wait_connections(qtbot, window)
    window.queue.set_concurrency(6)
    window.save_settings()
    assert settings.concurrency(3) == 6 and settings.last_element() == "storages.TestR2"
    assert QSettings().allKeys() == []


def test_a_window_saves_concurrency_and_layout_to_the_users_settings(
    qtbot: Any, make_window: Any, gui_app: Any
) -> None:
    window = make_window(gui_app)
    window.queue.set_concurrency(4)  # saved as it changes, by the one writer of the key
    assert int(QSettings().value("transfers/concurrency")) == 4
    window.save_settings()
    keys = set(QSettings().allKeys())
    assert {"window/geometry", "window/splitter", "browser/header", "browser/element"} <= keys
