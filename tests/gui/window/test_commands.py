"""Object actions: signed and public URLs, rename, delete, new folder, properties, errors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QGuiApplication
from support.gui import wait_listed, write_app

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def select(window: Any, *keys: str) -> None:
    sel = window.view.selectionModel()
    sel.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for key in keys:
        row = window.model.row_for_key(key)
        assert row >= 0, key
        sel.select(window.model.index(row, 0), flags)
        sel.setCurrentIndex(window.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)


def listed(qtbot: Any, window: Any, s3: Any, objects: dict[str, bytes]) -> None:
    for key, body in objects.items():
        s3.put_object(Bucket=s3.bucket, Key=key, Body=body, ContentType="text/plain")
    window.refresh()
    wait_listed(qtbot, window)


def test_copy_signed_url_fetches_and_carries_the_chosen_expiry(
    qtbot: Any, window: Any, s3: Any, moto_server: Any
) -> None:
    listed(qtbot, window, s3, {"docs/a b+c.txt": b"signed body", "docs/other.txt": b"o"})
    window.navigate("docs/")
    wait_listed(qtbot, window)
    select(window, "docs/a b+c.txt")
    menu = window.build_object_menu()
    texts = [a.text() for a in menu.actions()]
    assert "Copy si&gned URL" in texts and "De&lete…" in texts
    expiry_items = [a.text() for a in window.acts.signed_menu.actions()]
    assert expiry_items == [
        "Valid for 5 minutes",
        "Valid for 1 hour",
        "Valid for 1 day",
        "Valid for 7 days",
        "Custom…",
    ]
    QGuiApplication.clipboard().clear()
    window.acts.signed_actions[86400].trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("http"))
    url = QGuiApplication.clipboard().text()
    assert parse_qs(urlsplit(url).query)["X-Amz-Expires"] == ["86400"]
    with moto_server.s3.urlopen(url) as resp:
        assert resp.read() == b"signed body"
    assert "valid until" in window.errors.last_message and "(1 day)" in window.errors.last_message

    # Custom expiry: 2 hours.
    window.prompts.expiries.append(7200)
    QGuiApplication.clipboard().clear()
    window.acts.act_signed_custom.trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("http"))
    assert parse_qs(urlsplit(QGuiApplication.clipboard().text()).query)["X-Amz-Expires"] == ["7200"]
    # Public URL needs a public base URL: disabled here.
    assert not window.acts.act_public_url.isEnabled()


def test_public_url_when_configured(
    qtbot: Any, make_window: Any, tmp_path: Path, moto_server: Any, moto_bucket: str
) -> None:
    app = write_app(
        tmp_path / "pub", moto_server.s3, moto_bucket, publicBaseUrl="https://cdn.example.org"
    )
    window = make_window(app)
    client = moto_server.s3.client()
    client.put_object(Bucket=moto_bucket, Key="img/a.png", Body=b"p")
    window.refresh()
    wait_listed(qtbot, window)
    window.navigate("img/")
    wait_listed(qtbot, window)
    select(window, "img/a.png")
    assert window.acts.act_public_url.isEnabled()
    window.acts.act_public_url.trigger()
    assert QGuiApplication.clipboard().text() == "https://cdn.example.org/img/a.png"


def test_new_folder_rename_and_delete(qtbot: Any, window: Any, s3: Any) -> None:
    listed(qtbot, window, s3, {"f/one.txt": b"1", "f/two.txt": b"2", "keep.txt": b"k"})

    def keys() -> set[str]:
        return {o["Key"] for o in s3.list_objects_v2(Bucket=s3.bucket).get("Contents", [])}

    # New folder.
    window.prompts.texts.append("New Stuff")
    window.acts.act_new_folder.trigger()
    qtbot.waitUntil(lambda: window.model.row_for_key("New Stuff/") >= 0)
    assert "New Stuff/" in keys()

    # Rename a file (F2).
    select(window, "keep.txt")
    window.prompts.texts.append("kept.txt")
    window.acts.act_rename.trigger()
    qtbot.waitUntil(lambda: window.model.row_for_key("kept.txt") >= 0)
    assert window.model.row_for_key("keep.txt") < 0
    assert "kept.txt" in keys() and "keep.txt" not in keys()

    # Rename (move) a folder with everything in it.
    select(window, "f/")
    window.prompts.texts.append("g")
    window.acts.act_rename.trigger()
    qtbot.waitUntil(lambda: window.model.row_for_key("g/") >= 0, timeout=10_000)
    assert {"g/one.txt", "g/two.txt"} <= keys() and not any(k.startswith("f/") for k in keys())

    # Delete a folder and a file: the confirmation counts objects, folders included.
    select(window, "g/", "kept.txt")
    window.acts.act_delete.trigger()
    qtbot.waitUntil(lambda: window.model.row_for_key("g/") < 0, timeout=10_000)
    title, text = window.prompts.asked[-1]
    assert title == "Delete"
    assert "1 file and 1 folder holding 2 objects" in text and "3 objects in all" in text
    assert keys() == {"New Stuff/"}

    # Declining the confirmation deletes nothing.
    select(window, "New Stuff/")
    window.prompts.confirms.append(False)
    window.acts.act_delete.trigger()
    qtbot.waitUntil(lambda: window.prompts.asked[-1][0] == "Delete")
    assert keys() == {"New Stuff/"}


def test_rename_onto_existing_objects_asks_before_replacing(
    qtbot: Any, window: Any, s3: Any
) -> None:
    listed(
        qtbot,
        window,
        s3,
        {
            "a.txt": b"A",
            "b.txt": b"B",
            "new/1.jpg": b"new",
            "archive/1.jpg": b"only copy",
            "archive/2.jpg": b"2",
        },
    )

    def body(key: str) -> bytes:
        return bytes(s3.get_object(Bucket=s3.bucket, Key=key)["Body"].read())

    # Declined: nothing moves, nothing is replaced.
    select(window, "a.txt")
    window.prompts.texts.append("b.txt")
    window.prompts.confirms.append(False)
    window.acts.act_rename.trigger()
    qtbot.waitUntil(lambda: window.errors.last_message == "Nothing was moved.")
    title, text = window.prompts.asked[-1]
    assert title == "Replace existing objects?" and "1 object already exists" in text
    assert body("a.txt") == b"A" and body("b.txt") == b"B"

    # A folder onto a folder holding a file of the same name: asked, declined, untouched.
    select(window, "new/")
    window.prompts.texts.append("archive")
    window.prompts.confirms.append(False)
    window.acts.act_rename.trigger()
    qtbot.waitUntil(lambda: window.prompts.asked[-1][0] == "Replace existing objects?")
    assert "archive/1.jpg" in window.prompts.asked[-1][1]
    assert body("archive/1.jpg") == b"only copy" and body("new/1.jpg") == b"new"

    # Accepted: the file is replaced as asked.
    select(window, "a.txt")
    window.prompts.texts.append("b.txt")
    window.prompts.confirms.append(True)
    window.acts.act_rename.trigger()
    qtbot.waitUntil(lambda: window.model.row_for_key("a.txt") < 0, timeout=10_000)
    assert body("b.txt") == b"A"


def test_properties_edit_content_type_cache_control_and_metadata(
    qtbot: Any, window: Any, s3: Any
) -> None:
    listed(qtbot, window, s3, {"p.txt": b"props"})
    select(window, "p.txt")
    window.acts.act_properties.trigger()
    qtbot.waitUntil(lambda: window.properties_dialog is not None)
    dialog = window.properties_dialog
    assert dialog.content_type.text() == "text/plain"
    dialog.content_type.setText("text/markdown")
    dialog.cache_control.setText("max-age=60")
    dialog._add_row("Owner", "ann")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.properties_dialog is None or not dialog.isVisible())
    head = s3.head_object(Bucket=s3.bucket, Key="p.txt")
    assert head["ContentType"] == "text/markdown"
    assert head["CacheControl"] == "max-age=60"
    assert head["Metadata"] == {"owner": "ann"}


def test_wrong_credentials_are_said_in_words(
    qtbot: Any, make_window: Any, tmp_path: Path, sigv4_server: Any, sigv4_bucket: str
) -> None:
    app = write_app(
        tmp_path / "bad",
        sigv4_server.s3,
        sigv4_bucket,
        accessKeySecret="definitely-the-wrong-secret",
        caBundle=str(sigv4_server.s3.verify),
    )
    window = make_window(app)
    qtbot.waitUntil(lambda: window.model.last_error is not None, timeout=30_000)
    message = window.errors.last_message
    assert "credentials were rejected" in message
    assert "check the access key id and secret" in message
    assert "definitely-the-wrong-secret" not in message
    assert window.state_label.text() == "Not connected"
    assert window.isVisible() and not window.errors.crashes


def test_unexpected_exception_opens_crash_report_and_app_keeps_running(
    qtbot: Any, window: Any
) -> None:
    from r2desk.gui.messages import install_excepthook

    previous = sys.excepthook
    install_excepthook(window.errors)
    try:
        try:
            raise ValueError("boom in a slot")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert window.errors.crashes and "boom in a slot" in window.errors.crashes[0]
    assert window.isVisible()


def test_a_drop_is_planned_off_the_gui_thread(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walking a dropped tree reads the disk: it happens in a worker, and the files are queued
    (and the empty folder made) when the plan comes back."""
    import threading

    from r2desk.gui.window import commands

    tree = tmp_path / "album"
    (tree / "empty").mkdir(parents=True)
    (tree / "a.txt").write_bytes(b"a")
    (tree / "sub").mkdir()
    (tree / "sub" / "b.txt").write_bytes(b"bb")
    threads: list[threading.Thread] = []
    real = commands.plan_drop

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(commands, "plan_drop", recording)
    window.upload_paths([tree], "")
    assert window.queue.jobs == []  # nothing is queued before the worker's plan arrives
    qtbot.waitUntil(lambda: len(window.queue.jobs) == 2, timeout=10_000)
    assert threads and threads[0] is not threading.main_thread()
    assert sorted(j.key for j in window.queue.jobs) == ["album/a.txt", "album/sub/b.txt"]
    qtbot.waitUntil(lambda: window.queue.idle, timeout=20_000)
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=s3.bucket)["Contents"]}
    assert keys == {"album/a.txt", "album/sub/b.txt", "album/empty/"}
