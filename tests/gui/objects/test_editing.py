"""Open / Edit from the window: the file goes to its app, each save is uploaded once, and a
change on the server meanwhile asks before anything is overwritten."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from r2desk.edits import Opened, Workspace
from r2desk.elements import App
from r2desk.gui.objects.editing import COPY, KEEP, OVERWRITE, EditSessions
from r2desk.gui.tasks import TaskPool

pytestmark = [pytest.mark.gui]


@pytest.fixture
def sessions(qtbot: Any, pool: TaskPool, tmp_path: Path) -> EditSessions:
    s = EditSessions(pool, Workspace(tmp_path / "cache"))
    s.launched: list[str] = []  # type: ignore[misc]
    s.launch = lambda path: s.launched.append(path) or True  # type: ignore[func-returns-value]
    return s


@pytest.fixture
def element(gui_app: App) -> Any:
    return gui_app.getElement("storages.TestR2")


def save_like_an_editor(path: str, text: bytes) -> None:
    with open(path, "wb") as f:
        f.write(text)
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def opened_path(qtbot: Any, sessions: EditSessions) -> str:
    qtbot.waitUntil(lambda: bool(sessions.launched), timeout=10_000)
    return sessions.launched[-1]  # type: ignore[attr-defined, no-any-return]


def test_open_hands_a_verified_read_only_copy_to_its_app(
    qtbot: Any, sessions: EditSessions, element: Any
) -> None:
    element.uploadByFile("docs/a.txt", b"hello")
    sessions.open(element, "docs/a.txt")
    path = opened_path(qtbot, sessions)
    assert Path(path).read_bytes() == b"hello" and Path(path).name == "a.txt"
    assert os.stat(path).st_mode & 0o222 == 0
    assert sessions.paths == []  # opened, not edited: nothing is watched


def test_each_save_is_uploaded_once(qtbot: Any, sessions: EditSessions, element: Any) -> None:
    element.uploadByFile("notes.md", b"# v1\n")
    statuses: list[str] = []
    sessions.status.connect(statuses.append)
    sessions.open(element, "notes.md", edit=True)
    path = opened_path(qtbot, sessions)
    assert sessions.paths == [path]
    save_like_an_editor(path, b"# v2\n")
    qtbot.waitUntil(lambda: element.download("notes.md") == b"# v2\n", timeout=10_000)
    save_like_an_editor(path, b"# v3\n")
    qtbot.waitUntil(lambda: element.download("notes.md") == b"# v3\n", timeout=10_000)
    qtbot.wait(1500)  # no third upload for two saves
    assert statuses.count("Saved notes.md to the bucket") == 2


def test_a_server_change_asks_and_overwrite_writes(
    qtbot: Any, sessions: EditSessions, element: Any
) -> None:
    element.uploadByFile("a.txt", b"v1")
    asked: list[tuple[Opened, bool]] = []
    answers = [KEEP, OVERWRITE]
    sessions.ask = lambda opened, missing: asked.append((opened, missing)) or answers.pop(0)  # type: ignore[func-returns-value]
    sessions.open(element, "a.txt", edit=True)
    path = opened_path(qtbot, sessions)
    element.uploadByFile("a.txt", b"theirs")
    save_like_an_editor(path, b"mine")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10_000)
    assert element.download("a.txt") == b"theirs"  # Keep editing: nothing written
    assert Path(path).read_bytes() == b"mine"
    save_like_an_editor(path, b"mine, saved again")
    qtbot.waitUntil(lambda: element.download("a.txt") == b"mine, saved again", timeout=10_000)
    assert len(asked) == 2 and asked[0][1] is False


def test_save_as_a_copy_keeps_both_and_watches_the_copy(
    qtbot: Any, sessions: EditSessions, element: Any
) -> None:
    element.uploadByFile("r.txt", b"v1")
    sessions.ask = lambda opened, missing: COPY
    sessions.open(element, "r.txt", edit=True)
    path = opened_path(qtbot, sessions)
    element.uploadByFile("r.txt", b"theirs")
    save_like_an_editor(path, b"mine")
    qtbot.waitUntil(lambda: len(sessions.paths) == 1 and sessions.paths[0] != path, timeout=10_000)
    keys = [o["key"] for o in element.iterObjects("")]
    copy = next(k for k in keys if k.startswith("r (edited "))
    assert element.download("r.txt") == b"theirs" and element.download(copy) == b"mine"
