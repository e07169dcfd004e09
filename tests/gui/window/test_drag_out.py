"""Dragging objects out of the window gives a file manager real, verified local files, asked
for on demand; drags that end inside the window download nothing; objects dropped on another
connection in the sidebar are copied there."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QPushButton
from support.faultproxy import DOWN, Fault, FaultProxy, flip_data_reads
from support.gui import wait_listed, write_app
from support.keys import HOSTILE_KEYS, RICH_TEXT_KEYS
from support.servers import LocalS3

from r2desk.dragout import drag_root, sweep_drags
from r2desk.gui.window.dragout import URI_LIST

pytestmark = [pytest.mark.gui]


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp: Any) -> Any:
    """Leave no mime data behind (destroyed after what it refers to, it crashes the exit)."""
    yield
    QGuiApplication.clipboard().clear()


def files_under(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` (relative path -> bytes), temp files included."""
    found = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            found[str(path.relative_to(root))] = path.read_bytes()
    return found


def handed_files(urls: list[Any]) -> dict[str, bytes]:
    """The files a drop receives: each file URL, and every file inside each folder URL."""
    out: dict[str, bytes] = {}
    for url in urls:
        assert url.isLocalFile(), url
        path = Path(url.toLocalFile())
        if path.is_dir():
            out.update({f"{path.name}/{k}": v for k, v in files_under(path).items()})
        else:
            out[path.name] = path.read_bytes()
    return out


def all_rows(qtbot: Any, window: Any) -> list[Any]:
    wait_listed(qtbot, window)
    qtbot.waitUntil(lambda: window.model.complete)
    return window.model.rows()


def test_a_file_manager_gets_verified_files_with_safe_names(
    qtbot: Any, window: Any, s3: Any
) -> None:
    keys = [*HOSTILE_KEYS, *RICH_TEXT_KEYS]
    for key in keys:
        s3.put_object(Bucket=s3.bucket, Key=key, Body=b"bytes of " + key.encode())
    window.refresh()
    mime = window.drag_out.mime_for(all_rows(qtbot, window))
    assert mime.hasUrls() and URI_LIST in mime.formats()
    assert not any(j for j in window.queue.jobs)  # offered, not fetched
    urls = mime.urls()
    root = drag_root()
    folders = {Path(u.toLocalFile()).parent for u in urls}
    assert len(folders) == 1 and folders.pop().parent == root  # one new folder of this drag
    got = handed_files(urls)
    expected = {"/".join(p for p in k.split("/") if p): b"bytes of " + k.encode() for k in keys}
    assert got == expected
    # Every file was downloaded through the queue, verified, nothing left half-written.
    assert len(window.queue.jobs) == len(keys)
    assert all(j.state.name == "DONE" for j in window.queue.jobs)
    assert not any(".part" in name for name in files_under(root))
    assert window.message_label.full_text() == f"Dragged out {len(urls)} items"
    # Asked again (targets do), the same files: no second download.
    assert mime.urls() == urls and len(window.queue.jobs) == len(keys)


def test_a_failed_download_gives_no_url_and_says_why(qtbot: Any, window: Any, s3: Any) -> None:
    for key in ("keep.txt", "gone.txt", "folder/a.txt", "folder/b.txt"):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=key.encode())
    window.refresh()
    rows = all_rows(qtbot, window)
    mime = window.drag_out.mime_for(rows)
    s3.delete_object(Bucket=s3.bucket, Key="gone.txt")  # deleted while the drag goes on
    s3.delete_object(Bucket=s3.bucket, Key="folder/b.txt")
    s3.put_object(Bucket=s3.bucket, Key="folder/b.txt", Body=b"")  # so the folder still lists
    urls = mime.urls()
    names = sorted(Path(u.toLocalFile()).name for u in urls)
    assert names == ["folder", "keep.txt"]
    assert not (Path(urls[0].toLocalFile()).parent / "gone.txt").exists()
    text = window.message_label.full_text()
    assert text.startswith("Dragged out 2 of 3; not handed over: gone.txt: "), text
    qtbot.waitUntil(
        lambda: any(t == "Some objects were not dragged out" for t, _ in window.prompts.asked)
    )
    details = next(d for t, d in window.prompts.asked if t == "Some objects were not dragged out")
    assert details.startswith("1 object could not be downloaded for the drop")
    assert "\ngone.txt: Could not download 'gone.txt': The object does not exist." in details


def test_a_corrupted_download_is_not_handed_over(
    qtbot: Any, make_window: Any, tmp_path: Path, moto_server: Any, s3: Any
) -> None:
    """Bytes changed on the way fail the engine's check: that file gets no URL, and no file of
    its name is left in the drag folder; the intact one is handed over."""
    parts = urlsplit(moto_server.s3.endpoint_url)
    with FaultProxy(parts.hostname or "127.0.0.1", parts.port or 80) as proxy:
        m = moto_server.s3
        via = LocalS3(proxy.endpoint_url, m.access_key, m.secret_key, m.region, m.verify)
        window = make_window(write_app(tmp_path / "app", via, s3.bucket))
        s3.put_object(Bucket=s3.bucket, Key="small.txt", Body=b"intact")
        s3.put_object(Bucket=s3.bucket, Key="big.bin", Body=os.urandom(256 * 1024))
        window.refresh()
        mime = window.drag_out.mime_for(all_rows(qtbot, window))
        proxy.arm(Fault("tamper", DOWN, times=-1, rewrite=flip_data_reads))
        urls = mime.urls()
    assert [Path(u.toLocalFile()).name for u in urls] == ["small.txt"]
    assert Path(urls[0].toLocalFile()).read_bytes() == b"intact"
    assert not (Path(urls[0].toLocalFile()).parent / "big.bin").exists()
    assert window.message_label.full_text().startswith(
        "Dragged out 1 of 2; not handed over: big.bin: Could not download 'big.bin': "
        "The data did not verify"
    )


def test_a_refused_key_leaves_its_folder_out(qtbot: Any, window: Any, s3: Any) -> None:
    """A key that would climb out of the drag folder is never written; its folder, missing a
    file, is not handed over either."""
    for key in ("ok.txt", "evil/fine.txt", "evil/\\..\\..\\x.txt"):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=b"x")
    window.refresh()
    urls = window.drag_out.mime_for(all_rows(qtbot, window)).urls()
    assert [Path(u.toLocalFile()).name for u in urls] == ["ok.txt"]
    assert all(Path(p).parts[0] != ".." for p in files_under(drag_root()))


def test_cancel_hands_over_nothing(qtbot: Any, window: Any, s3: Any) -> None:
    for n in range(25):  # over the "big" count: the dialog shows at once
        s3.put_object(Bucket=s3.bucket, Key=f"f{n:02}.txt", Body=b"x" * 10)
    window.refresh()
    mime = window.drag_out.mime_for(all_rows(qtbot, window))
    window.queue.pause()  # the downloads wait, so the cancel comes while they would run
    seen: list[str] = []

    def cancel_when_downloading() -> None:
        dialog = window.drag_out.dialog
        if dialog is None or not dialog.isVisible() or "Waiting" not in dialog.labelText():
            QTimer.singleShot(10, cancel_when_downloading)
            return
        seen.append(dialog.labelText())
        dialog.findChild(QPushButton).click()  # the dialog's Cancel button

    QTimer.singleShot(0, cancel_when_downloading)
    assert mime.urls() == []
    assert seen == ["Waiting: the transfer queue is paused. Resume it, or cancel the drop."]
    assert {j.state.name for j in window.queue.jobs} == {"CANCELLED"}
    assert window.message_label.full_text() == "Drag-out cancelled: no files were handed over."


def test_old_drag_folders_are_swept(tmp_path: Path) -> None:
    old, new, other = (
        tmp_path / "20250101-000000-0123abcd",
        tmp_path / "20250102-000000-0123abcd",
        tmp_path / "mine",
    )
    for folder in (old, new, other):
        folder.mkdir()
        (folder / "f").write_bytes(b"x")
    os.utime(old, (1000, 1000))
    os.utime(other, (1000, 1000))
    assert sweep_drags(tmp_path, max_age=3600) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [new.name, other.name]


def drop_on(widget: Any, at: QPoint, mime: Any) -> Any:
    """Deliver a drag's move and drop to ``widget`` at ``at`` (the offscreen platform runs no
    real drag, so the events a real one sends are sent here); the drop event, to read."""
    pos = QPointF(at)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    widget.dragEnterEvent(QDragEnterEvent(at, actions, mime, buttons, mods))
    move = QDragMoveEvent(at, actions, mime, buttons, mods)
    widget.dragMoveEvent(move)
    drop = QDropEvent(pos, actions, mime, buttons, mods)
    if move.isAccepted():
        widget.dropEvent(drop)
    return drop


def test_objects_dropped_on_another_connection_are_copied_there(
    qtbot: Any, make_window: Any, tmp_path: Path, moto_server: Any, s3: Any
) -> None:
    other = moto_server.s3.make_bucket()
    app = write_app(tmp_path / "app", moto_server.s3, s3.bucket, name="First")
    write_app(tmp_path / "app", moto_server.s3, other, name="Second")
    for key in ("docs/a.txt", "docs/deep/b.txt", "note.md"):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=key.encode(), ContentType="text/markdown")
    s3.put_object(Bucket=other, Key="note.md", Body=b"theirs")
    window = make_window(app)
    window.open_element("storages.First")
    rows = [r for r in all_rows(qtbot, window) if r.key in ("docs/", "note.md")]
    mime = window.drag_out.mime_for(rows)
    tree = window.sidebar.list
    items = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(2)}
    here = tree.visualItemRect(items["First title"]).center()
    there = tree.visualItemRect(items["Second title"]).center()
    assert not drop_on(tree, here, mime).isAccepted()  # onto the bucket browsed: nothing
    window.prompts.replace_answers = [("keep", False)]
    assert drop_on(tree, there, mime).isAccepted()
    qtbot.waitUntil(lambda: window.message_label.full_text() == "Copied 3 objects", timeout=15_000)
    listed = s3.list_objects_v2(Bucket=other)["Contents"]
    assert sorted(o["Key"] for o in listed) == [
        "docs/a.txt",
        "docs/deep/b.txt",
        "note (2).md",
        "note.md",
    ]
    assert window.prompts.asked[-1] == ("Replace object?", "note.md (+0)")
    assert s3.get_object(Bucket=other, Key="note.md")["Body"].read() == b"theirs"
    # A drop inside the window copies by key: nothing was downloaded for it.
    assert window.queue.jobs == []
    assert not drag_root().exists()
