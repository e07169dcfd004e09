"""The browser area is never a blank table: a welcome with no connection, an error with Retry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from support.gui import wait_listed, write_app

from r2desk.elements import App

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def test_first_run_shows_a_welcome_with_two_ways_to_start(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    window = make_window(App(tmp_path / "empty"))
    browser = window.browser
    assert browser.page is browser.welcome
    welcome = browser.welcome
    assert "file manager for Cloudflare R2" in welcome.blurb.text()
    assert welcome.add_button.isVisible() and welcome.demo_button.isVisible()

    asked: list[bool] = []
    window.acts.act_new_conn.triggered.connect(lambda *_: asked.append(True))
    window.acts.act_new_conn.triggered.disconnect()  # only the spy: no dialog in this test
    window.acts.act_new_conn.triggered.connect(lambda *_: asked.append(True))
    qtbot.mouseClick(welcome.add_button, Qt.MouseButton.LeftButton)
    assert asked == [True]

    launched: list[tuple[str, list[str]]] = []
    window.launch = lambda program, args: launched.append((program, args)) or True
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    assert launched and launched[0][1][-1] == "--demo"
    assert "demo" in window.errors.last_message


def test_a_folder_that_cannot_be_listed_shows_the_error_and_retry(
    qtbot: Any, make_window: Any, tmp_path: Path, moto_server: Any, s3: Any
) -> None:
    app = write_app(tmp_path / "app", moto_server.s3, "not-made-yet")
    window = make_window(app)
    browser = window.browser
    qtbot.waitUntil(lambda: browser.page is browser.error_view, timeout=10_000)
    view = browser.error_view
    assert view.heading.text() == "Could not list 'not-made-yet/'"
    details = view.details.toPlainText()
    assert "bucket does not exist" in details and "Check the bucket name" in details
    assert window.errors.last_message.startswith("Could not list the bucket root:")
    assert "listObjects" not in details + window.errors.last_message

    s3.create_bucket(Bucket="not-made-yet")
    s3.put_object(Bucket="not-made-yet", Key="now-here.txt", Body=b"x")
    qtbot.mouseClick(view.retry_button, Qt.MouseButton.LeftButton)
    wait_listed(qtbot, window)
    assert browser.page is window.view
    assert [r.key for r in window.model.rows()] == ["now-here.txt"]
