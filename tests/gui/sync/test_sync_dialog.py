"""The Synchronize dialog on real widgets (offscreen) over moto: compare fills the diff tree,
unchecked items are left alone, conflict choices are honoured, compare-only changes nothing,
and a pair that ran shows in the sidebar and re-runs from there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from support.sync import write_tree

from r2desk.elements import App
from r2desk.gui.sync.dialog import SyncDialog
from r2desk.gui.tasks import TaskPool

pytestmark = [pytest.mark.gui]


def idle(dlg: SyncDialog) -> bool:
    return dlg.compare_button.isEnabled()


@pytest.fixture
def local(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    write_tree(folder, {"index.html": b"<h1>", "img/a.png": b"png", "img/b.png": b"png2"})
    return folder


def make(qtbot: Any, pool: TaskPool, gui_app: App, local: Path, **kw: Any) -> SyncDialog:
    dlg = SyncDialog(gui_app, pool, source=str(local), target="TestR2:www/", **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_compare_then_sync_what_is_checked(
    qtbot: Any, pool: TaskPool, gui_app: App, local: Path, s3: Any
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="www/old.txt", Body=b"x")
    dlg = make(qtbot, pool, gui_app, local)
    dlg.delete.setChecked(True)
    dlg.compare_button.click()
    qtbot.waitUntil(lambda: idle(dlg) and dlg.report is not None, timeout=15_000)
    tree = dlg.tree
    assert {tree.row(i).text(1) for i in ("index.html", "img/a.png", "img/b.png")} == {"new →"}
    assert tree.row("old.txt").text(1) == "delete →"
    assert tree.row("img/a.png").parent().text(0) == "img/"
    assert "3 to copy" in dlg.status.text() and "1 to delete" in dlg.status.text()
    tree.set_checked("img/b.png", False)
    tree.set_checked("old.txt", False)
    assert dlg.sync_button.isEnabled()
    dlg.sync_button.click()
    qtbot.waitUntil(
        lambda: idle(dlg) and dlg.report is not None and dlg.report["mode"] == "one-way",
        timeout=15_000,
    )
    keys = sorted(o["Key"] for o in s3.list_objects_v2(Bucket=s3.bucket).get("Contents", []))
    assert keys == ["www/img/a.png", "www/index.html", "www/old.txt"]  # b.png and old.txt left
    assert "Done: 2 items" in dlg.status.text()


def test_compare_only_changes_nothing(
    qtbot: Any, pool: TaskPool, gui_app: App, local: Path, s3: Any
) -> None:
    dlg = make(qtbot, pool, gui_app, local, compare_only=True)
    assert not dlg.sync_button.isVisible()
    dlg.compare_button.click()
    qtbot.waitUntil(lambda: idle(dlg) and dlg.report is not None, timeout=15_000)
    assert dlg.tree.topLevelItemCount() == 2  # img/ and index.html
    assert not dlg.sync_button.isEnabled()
    assert dlg.start_sync() is None
    assert s3.list_objects_v2(Bucket=s3.bucket).get("KeyCount", 0) == 0


def test_conflict_choice_per_item(
    qtbot: Any, pool: TaskPool, gui_app: App, local: Path, s3: Any
) -> None:
    dlg = make(qtbot, pool, gui_app, local)
    dlg.direction.setCurrentIndex(1)  # two-way
    dlg.compare_button.click()
    qtbot.waitUntil(lambda: idle(dlg) and dlg.report is not None, timeout=15_000)
    dlg.sync_button.click()
    qtbot.waitUntil(
        lambda: idle(dlg) and dlg.report is not None and dlg.report["mode"] == "two-way",
        timeout=15_000,
    )
    write_tree(local, {"index.html": b"<h1>local"}, mtime=1_800_000_000)
    s3.put_object(Bucket=s3.bucket, Key="www/index.html", Body=b"<h1>remote!")
    dlg.report = None
    dlg.compare_button.click()
    qtbot.waitUntil(lambda: idle(dlg) and dlg.report is not None, timeout=15_000)
    assert dlg.tree.row("index.html").text(0) == "index.html"
    dlg.tree.choose("index.html", "b")  # keep the bucket's version
    dlg.report = None
    dlg.sync_button.click()
    qtbot.waitUntil(lambda: idle(dlg) and dlg.report is not None, timeout=15_000)
    assert (local / "index.html").read_bytes() == b"<h1>remote!"


def test_hostile_names_are_plain_text(
    qtbot: Any, pool: TaskPool, gui_app: App, tmp_path: Path
) -> None:
    folder = tmp_path / "x"
    name = "<b>bold<i>&amp;x"  # no "/": one file name
    write_tree(folder, {name: b"1"})
    dlg = make(qtbot, pool, gui_app, folder)
    dlg.compare_button.click()
    qtbot.waitUntil(lambda: idle(dlg) and dlg.report is not None, timeout=15_000)
    assert dlg.tree.row(name).text(0) == name
    assert dlg.status.textFormat() == Qt.TextFormat.PlainText


def test_bad_location_is_said_without_a_request(
    qtbot: Any, pool: TaskPool, gui_app: App, local: Path
) -> None:
    dlg = SyncDialog(gui_app, pool, source=str(local), target="Test R2:x")
    qtbot.addWidget(dlg)
    assert dlg.start_compare() is None
    assert "not a valid location" in dlg.status.text()


def test_saved_pair_in_the_sidebar_reruns(qtbot: Any, window: Any, local: Path, s3: Any) -> None:
    sync = window.sync
    dlg = sync.open(str(local), "TestR2:www/")
    dlg.compare_button.click()
    qtbot.waitUntil(lambda: idle(dlg) and dlg.report is not None, timeout=15_000)
    dlg.sync_button.click()
    qtbot.waitUntil(
        lambda: idle(dlg) and dlg.report is not None and dlg.report["mode"] == "one-way",
        timeout=15_000,
    )
    qtbot.waitUntil(lambda: sync.pairs.list.count() == 1, timeout=10_000)
    assert sync.pairs.isVisible()
    item = sync.pairs.list.item(0)
    assert str(local) in item.text() and "www/" in item.text()
    write_tree(local, {"new.txt": b"n"})
    sync.pairs.list.itemActivated.emit(item)
    again = sync.dialog
    assert again is not dlg
    qtbot.waitUntil(lambda: idle(again) and again.report is not None, timeout=15_000)
    assert again.tree.row("new.txt").text(1) == "new →"
