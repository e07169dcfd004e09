"""The list gets the room: a small window shows many rows, the queue appears when needed and
keeps its size, the preview can be hidden, columns fit, and the window fits the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from support.gui import FakePrompts, wait_connections, wait_listed

from r2desk.elements import App
from r2desk.gui.settings import Settings
from r2desk.gui.tasks import TaskPool
from r2desk.gui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def _window(qtbot: Any, app: App, pool: TaskPool, settings: Settings, size: tuple[int, int]) -> Any:
    window = MainWindow(app, pool, offer_keyring_moves=False, settings=settings)
    window.errors.dialogs_enabled = False
    window.prompts = FakePrompts()  # type: ignore[assignment]
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    wait_connections(qtbot, window)
    return window


def test_small_window_lists_many_rows_and_the_queue_waits_for_a_transfer(
    qtbot: Any, gui_app: App, pool: TaskPool, s3: Any, tmp_path: Path
) -> None:
    for i in range(40):
        s3.put_object(Bucket=s3.bucket, Key=f"f{i:02d}.txt", Body=b"x")
    settings = Settings()
    window = _window(qtbot, gui_app, pool, settings, (800, 500))
    wait_listed(qtbot, window)
    assert not window.transfer_dock.isVisible()
    row = window.view.verticalHeader().defaultSectionSize()
    assert window.view.viewport().height() // row >= 10
    assert window.view.horizontalScrollBar().maximum() == 0  # the columns fit

    # The first transfer shows the queue, small; the list keeps most of the window.
    local = tmp_path / "up.txt"
    local.write_bytes(b"up")
    window.upload_paths([local], "")
    qtbot.waitUntil(window.transfer_dock.isVisible)
    qtbot.wait(50)
    assert window.transfer_dock.height() <= window.height() // 3
    assert window.view.viewport().height() // row >= 5

    # The user makes it taller; the next start keeps that size.
    taller = window.transfer_dock.height() + 40
    window.resizeDocks([window.transfer_dock], [taller], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: abs(window.transfer_dock.height() - taller) < 6)
    window.save_settings()
    qtbot.waitUntil(lambda: not window.queue.running, timeout=10_000)
    window.close()
    again = _window(qtbot, gui_app, pool, settings, (800, 500))
    qtbot.waitUntil(again.transfer_dock.isVisible)
    assert abs(again.transfer_dock.height() - taller) < 6
    again.close()


def test_preview_hides_from_the_view_menu_and_the_scroll_resets(
    qtbot: Any, window: Any, s3: Any
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="sub/" + "long-name-" * 20 + ".txt", Body=b"x")
    window.refresh()
    wait_listed(qtbot, window)
    view_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View"
    )
    assert window.acts.act_show_preview in view_menu.actions()
    window.acts.act_show_preview.setChecked(True)
    assert window.preview.isVisible()
    window.acts.act_show_preview.trigger()
    assert not window.preview.isVisible()
    # Room taken from the preview goes to the list.
    assert window.browser.width() > window.width() * 0.6

    # A sideways scroll does not follow into the next folder.
    window.view.setFixedWidth(260)
    window.navigate("sub/")
    wait_listed(qtbot, window)
    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.maximum())
    window.go_up()
    wait_listed(qtbot, window)
    assert bar.value() == 0


def test_default_size_fits_the_screen(qtbot: Any, gui_app: App, pool: TaskPool) -> None:
    window = MainWindow(gui_app, pool, offer_keyring_moves=False, settings=Settings.in_memory())
    qtbot.addWidget(window)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    # A window narrower than 900 px starts without the preview: the list gets the room.
    assert window.acts.act_show_preview.isChecked() == (window.width() >= 900)
