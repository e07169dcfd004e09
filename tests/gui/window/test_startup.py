"""The window's start: it shows before anything is read, the connections (and bookmarks' buckets)
are read in the pool, and ``--demo`` shows the window while its server and bucket are prepared
behind it. Real widgets, a real moto bucket, the demo's real start (held back by a gate so the
"still preparing" moment is certain, not a race)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from support.gui import FakePrompts, wait_connections, wait_listed, write_app

from r2desk import demo as demo_module
from r2desk.demo import DEMO_ELEMENT, Demo
from r2desk.elements import App, ElementInfo
from r2desk.gui.app import prepare_demo
from r2desk.gui.settings import Settings
from r2desk.gui.tasks import TaskPool
from r2desk.gui.window.main_window import MainWindow
from r2desk.places import Bookmark, Place
from r2desk.storages.meta import Meta

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

WAIT = 20_000


class WatchedApp(App):
    """An app folder that notes which thread reads it (listing, building an element)."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.readers: list[threading.Thread] = []

    def listElements(self, folder: str = "storages", *, types: bool = False) -> list[ElementInfo]:
        self.readers.append(threading.current_thread())
        return super().listElements(folder, types=types)

    def getElement(self, name: str) -> Meta:
        self.readers.append(threading.current_thread())
        return super().getElement(name)


def _window(qtbot: Any, app: App, pool: TaskPool, settings: Settings) -> MainWindow:
    window = MainWindow(app, pool, offer_keyring_moves=False, settings=settings)
    window.errors.dialogs_enabled = False
    window.prompts = FakePrompts()  # type: ignore[assignment]
    qtbot.addWidget(window)
    window.resize(1000, 650)
    return window


def test_connections_and_bookmarks_are_read_in_the_pool_not_the_window_thread(
    qtbot: Any, tmp_path: Path, pool: TaskPool, moto_server: Any, s3: Any
) -> None:
    other = moto_server.s3.make_bucket()
    s3.put_object(Bucket=other, Key="far/away.txt", Body=b"x")
    write_app(tmp_path / "app", moto_server.s3, s3.bucket)
    app = WatchedApp(tmp_path / "app")
    settings = Settings.in_memory()
    settings.set_bookmarks([Bookmark("away", Place("storages.TestR2", other, "far/"))])
    window = _window(qtbot, app, pool, settings)
    window.show()
    qtbot.waitExposed(window)
    wait_connections(qtbot, window)
    wait_listed(qtbot, window)
    assert window.sidebar.connection_names() == ["storages.TestR2"]
    assert window.element is not None and window.element.name == "storages.TestR2"

    # A bookmark in another bucket of the connection opens it there.
    window.places.open_bookmark(window.places.bookmarks[0])
    wait_listed(qtbot, window)
    assert window.state.element_name == f"storages.TestR2@{other}"
    assert [r.key for r in window.model.loaded_rows()] == ["far/away.txt"]
    assert app.readers, "the app folder was read"
    main = threading.main_thread()
    assert all(t is not main for t in app.readers), "the window's thread read the app folder"


def test_a_reload_right_after_the_start_lists_and_opens_the_new_connection(
    qtbot: Any, tmp_path: Path, pool: TaskPool, moto_server: Any, s3: Any
) -> None:
    app = write_app(tmp_path / "app", moto_server.s3, s3.bucket)
    window = _window(qtbot, app, pool, Settings.in_memory())
    window.show()
    qtbot.waitExposed(window)
    write_app(tmp_path / "app", moto_server.s3, s3.bucket, name="Second")
    window.sidebar.reload_elements(select="storages.Second")  # while the first may still run
    wait_connections(qtbot, window)
    assert window.sidebar.connection_names() == ["storages.Second", "storages.TestR2"]
    wait_listed(qtbot, window)
    assert window.state.element_name == "storages.Second"


@pytest.fixture
def gated_demo(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The demo's own start, held until the test opens the gate (one sample object, not the
    whole sample bucket: this is about the order, not the data)."""
    gate = threading.Event()
    real = demo_module.start_demo

    def start(root: Path | None = None, *, sample_data: bool = True) -> Demo:
        assert gate.wait(WAIT / 1000), "the test never opened the gate"
        handle = real(root, sample_data=False)
        handle.app.getElement(DEMO_ELEMENT).uploadByFile("README.txt", b"hello", "text/plain")
        return handle

    monkeypatch.setattr(demo_module, "start_demo", start)
    return gate


def test_the_demo_window_shows_first_and_its_bucket_follows(
    qtbot: Any, tmp_path: Path, pool: TaskPool, gated_demo: threading.Event
) -> None:
    root = tmp_path / "demo"
    root.mkdir()
    window = _window(qtbot, App(root), pool, Settings.in_memory())
    demos: list[Demo] = []
    try:
        prepare_demo(window, pool, root, demos)
        window.show()
        qtbot.waitExposed(window)
        wait_connections(qtbot, window)  # the (still empty) demo folder
        assert window.isVisible() and not demos  # shown while the demo is not ready
        browser = window.browser
        assert browser.page is browser.busy and browser.busy.isVisible()
        assert browser.busy.heading.text() == "Preparing the demo…"
        assert window.state.connection_text == "Preparing the demo…"
        assert window.element is None and window.sidebar.connection_names() == []

        gated_demo.set()
        qtbot.waitUntil(lambda: window.element is not None, timeout=WAIT)
        wait_listed(qtbot, window)
        assert window.element is not None and window.element.name == DEMO_ELEMENT
        assert window.sidebar.connection_names() == [DEMO_ELEMENT]
        assert browser.page is window.view
        assert [r.key for r in window.model.loaded_rows()] == ["README.txt"]
        assert len(demos) == 1
    finally:
        gated_demo.set()
        pool.shutdown(WAIT)
        for handle in demos:
            handle.stop()
        shutil.rmtree(root, ignore_errors=True)


def test_a_demo_that_cannot_start_says_why_in_the_window(
    qtbot: Any, tmp_path: Path, pool: TaskPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    def start(root: Path | None = None, *, sample_data: bool = True) -> Demo:
        raise OSError("no free port on 127.0.0.1")

    class LateApp(App):
        """The first read of the connections ends only after the demo failed (either order
        happens in the pool: the error must stay in place of the welcome)."""

        gate = threading.Event()

        def listElements(
            self, folder: str = "storages", *, types: bool = False
        ) -> list[ElementInfo]:
            assert self.gate.wait(WAIT)
            return super().listElements(folder, types=types)

    monkeypatch.setattr(demo_module, "start_demo", start)
    app = LateApp(tmp_path)
    window = _window(qtbot, app, pool, Settings.in_memory())
    demos: list[Demo] = []
    prepare_demo(window, pool, tmp_path, demos)
    window.show()
    qtbot.waitExposed(window)
    browser = window.browser
    try:
        qtbot.waitUntil(lambda: browser.page is browser.error_view, timeout=WAIT)
    finally:
        app.gate.set()
    qtbot.waitUntil(lambda: window.sidebar.listed, timeout=WAIT)
    assert browser.page is browser.error_view
    assert browser.error_view.heading.text() == "The demo could not be started"
    assert "no free port" in browser.error_view.details.toPlainText()
    assert not browser.error_view.retry_button.isVisible()  # listing again cannot help
    assert not demos and window.element is None
