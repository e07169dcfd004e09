"""GUI test fixtures: an App folder pointing at a fresh moto bucket, a task pool, settings in tmp.

Qt warnings fail every test (``qt_log_level_fail`` in pyproject.toml); only the offscreen
platform's "does not support" notices are ignored there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from support.gui import FakePrompts, wait_connections, write_app

from r2desk.elements import App
from r2desk.gui.tasks import TaskPool

ELEMENT = "storages.TestR2"


@pytest.fixture(autouse=True)
def _gui_settings(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> None:
    """QSettings of every GUI test live in a temporary folder, never the user's."""
    QCoreApplication.setOrganizationName("r2desk-tests")
    QCoreApplication.setApplicationName("r2desk-tests")
    path = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, path)
    QSettings().clear()


@pytest.fixture
def pool(qapp: Any) -> Iterator[TaskPool]:
    pool = TaskPool(max_threads=8)
    yield pool
    assert pool.shutdown(10_000), "worker threads did not finish"


@pytest.fixture
def gui_app(tmp_path: Path, moto_server: Any, moto_bucket: str) -> App:
    """An App whose one element, ``storages.TestR2``, points at a fresh moto bucket."""
    return write_app(tmp_path / "app", moto_server.s3, moto_bucket)


@pytest.fixture
def s3(moto_server: Any, moto_bucket: str) -> Any:
    """A boto3 client on the test bucket, to arrange and check objects directly."""
    client = moto_server.s3.client()
    client.bucket = moto_bucket  # type: ignore[attr-defined]
    return client


@pytest.fixture
def make_window(qtbot: Any, pool: TaskPool) -> Iterator[Any]:
    """Build a MainWindow on an App with scripted prompts and no modal dialogs, its connections
    read (in the pool) and the chosen one opened."""
    from r2desk.gui.window.main_window import MainWindow

    windows: list[MainWindow] = []

    def make(app: App, *, offer_keyring_moves: bool = False) -> MainWindow:
        # Test elements keep their throwaway secret in the file; the keyring prompt has its own
        # tests (test_main_window_offers_keyring_move and tests/gui/connections/test_dialog.py).
        window = MainWindow(app, pool, offer_keyring_moves=offer_keyring_moves)
        window.errors.dialogs_enabled = False
        window.prompts = FakePrompts()  # type: ignore[assignment]
        window.resize(1100, 700)
        window.show()
        qtbot.waitExposed(window)
        wait_connections(qtbot, window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.queue.cancel()
        qtbot.waitUntil(lambda w=window: not w.queue.running, timeout=10_000)
        window.close()
        window.deleteLater()


@pytest.fixture
def window(make_window: Any, gui_app: App) -> Any:
    """The main window on the test element, first page listed."""
    win = make_window(gui_app)
    return win
