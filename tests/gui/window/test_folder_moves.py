"""Cut / Paste of a folder in the window is one batched, journaled move, and a move that was
interrupted is offered for finishing when the window opens (what was copied is not copied
again; what stays at the source is moved)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from support.gui import wait_listed

from r2desk.elements import App
from r2desk.moves import journaled_move, move_log, side

pytestmark = [pytest.mark.gui]


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp: Any) -> Any:
    yield
    QGuiApplication.clipboard().clear()


def keys_of(s3: Any, prefix: str = "") -> list[str]:
    resp = s3.list_objects_v2(Bucket=s3.bucket, Prefix=prefix)
    return sorted(o["Key"] for o in resp.get("Contents", []))


def wait_status(qtbot: Any, window: Any, start: str) -> None:
    qtbot.waitUntil(lambda: window.message_label.full_text().startswith(start), timeout=15_000)


def test_cut_and_paste_of_a_folder_is_a_journaled_batched_move(
    qtbot: Any, window: Any, s3: Any, gui_app: App
) -> None:
    for key in ("src/a.txt", "src/deep/b.txt", "dest/keep.txt"):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=key.encode())
    window.refresh()
    wait_listed(qtbot, window)
    window.view.selectRow(window.model.row_for_key("src/"))
    qtbot.waitUntil(lambda: len(window.state.selection) == 1)
    window.acts.act_cut.trigger()
    window.navigate("dest/")
    wait_listed(qtbot, window)
    deletes: list[str] = []
    el = window.element
    el.client.meta.events.register("before-call.s3", lambda model, **_: deletes.append(model.name))
    window.acts.act_paste.trigger()
    wait_status(qtbot, window, "Moved 2 objects")
    assert keys_of(s3) == ["dest/keep.txt", "dest/src/a.txt", "dest/src/deep/b.txt"]
    assert deletes.count("DeleteObjects") == 1 and "DeleteObject" not in deletes
    assert journaled_move(el, "src/", el, "dest/src/") is None


def test_an_interrupted_move_is_offered_on_start_and_finished(
    qtbot: Any, make_window: Any, s3: Any, gui_app: App
) -> None:
    for key in ("old/a.txt", "old/b.txt", "old/c.txt"):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=key.encode())
    el = gui_app.getElement("storages.TestR2")
    # An earlier run copied (and verified) old/a.txt, then the app quit before any delete.
    copy = el.copyTo("old/a.txt", el, "new/a.txt")
    log = move_log(el)
    row, _ = log.begin(side(el, "old/"), side(el, "new/"))
    log.copied(row, "old/a.txt", "new/a.txt", el.getObject("old/a.txt")["etag"], copy["etag"], 9)
    calls: list[str] = []
    el.client.meta.events.register("before-call.s3", lambda model, **_: calls.append(model.name))
    window = make_window(gui_app)
    qtbot.waitUntil(
        lambda: "Finish the interrupted move?" in [t for t, _ in window.prompts.asked],
        timeout=15_000,
    )
    wait_status(qtbot, window, "Moved 3 objects")
    assert not [a for a in window.prompts.asked if a[0] == "Replace object?"]  # ours: no conflict
    assert keys_of(s3) == ["new/a.txt", "new/b.txt", "new/c.txt"]
    assert calls.count("CopyObject") == 2  # new/a.txt was verified, not copied again
    assert journaled_move(el, "old/", el, "new/") is None
    assert window.element is el  # the requests counted are the window's
