"""Bookmarks (Ctrl+D, the sidebar, the Go menu), recent locations, and reopening each connection
where it was left: on real widgets over a moto bucket, kept through real QSettings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from support.gui import wait_connections, wait_listed, write_app
from support.keys import RICH_TEXT_KEYS

from r2desk.gui.settings import PLACES_BOOKMARKS, Settings
from r2desk.gui.window.places import menu_text
from r2desk.places import Place

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

TEST, OTHER = "storages.TestR2", "storages.Other"


@pytest.fixture
def two(tmp_path: Path, moto_server: Any, s3: Any) -> Any:
    """An app with two connections, each on its own bucket; returns (app, other bucket)."""
    other = moto_server.s3.make_bucket()
    app = write_app(tmp_path / "two", moto_server.s3, s3.bucket)
    write_app(tmp_path / "two", moto_server.s3, other, name="Other")
    return app, other


def choose(qtbot: Any, window: Any, name: str) -> None:
    """Click a connection in the sidebar and wait for its listing."""
    tree = window.sidebar.list
    item = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == name
    )
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.element_name.partition("@")[0] == name
    wait_listed(qtbot, window)


def click_bookmark(qtbot: Any, window: Any, row: int) -> None:
    panel_list = window.places.panel.list
    rect = panel_list.visualItemRect(panel_list.item(row))
    qtbot.mouseClick(panel_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def go_menu_bookmarks(window: Any) -> list[Any]:
    return [a for a in window.places._bookmark_entries if a.isEnabled()]


def test_ctrl_d_bookmarks_the_folder_and_a_click_goes_back_there(
    qtbot: Any, make_window: Any, two: Any, s3: Any
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="docs/2026/a.txt", Body=b"x")
    window = make_window(two[0])
    choose(qtbot, window, TEST)
    assert not window.places.panel.list.isVisible() and window.places.panel.hint.isVisible()
    window.navigate("docs/2026/")
    wait_listed(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [(b.name, b.place) for b in window.places.bookmarks] == [
        ("2026", Place(TEST, s3.bucket, "docs/2026/"))
    ]
    assert window.places.panel.list.isVisible()
    assert window.places.panel.list.item(0).text() == "2026"
    assert [a.text() for a in go_menu_bookmarks(window)] == ["2026"]
    assert window.places.panel.list.currentRow() == 0  # the folder shown is highlighted
    # Ctrl+D again on the same folder adds nothing.
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(window.places.bookmarks) == 1

    choose(qtbot, window, OTHER)
    window.navigate("pics/")
    assert not window.places.panel.list.selectedItems()
    click_bookmark(qtbot, window, 0)
    assert (window.state.element_name, window.prefix) == (TEST, "docs/2026/")
    wait_listed(qtbot, window)
    assert [r.name for r in window.model.rows()] == ["a.txt"]
    # Back returns to the other connection's folder, Forward comes back.
    window.go_back()
    assert (window.state.element_name, window.prefix) == (OTHER, "pics/")
    assert window.sidebar.current_element_name() == OTHER
    window.go_forward()
    assert (window.state.element_name, window.prefix) == (TEST, "docs/2026/")
    assert window.sidebar.current_element_name() == TEST
    # The Go menu's entry goes there too, as a step of the history.
    window.navigate("")
    go_menu_bookmarks(window)[0].trigger()
    assert window.prefix == "docs/2026/"
    window.go_back()
    assert window.prefix == ""


def test_rename_and_remove_persist_and_names_stay_plain_text(
    qtbot: Any, window: Any, s3: Any
) -> None:
    for key in RICH_TEXT_KEYS:
        s3.put_object(Bucket=s3.bucket, Key=f"r/{key}", Body=b"x")
    folder = "r/" + RICH_TEXT_KEYS[1].split("/")[0] + "/"  # "r/<b>bold/"
    window.navigate(folder)
    window.places.act_bookmark.trigger()
    window.navigate("r/")
    window.places.act_bookmark.trigger()
    assert [b.name for b in window.places.bookmarks] == ["<b>bold", "r"]
    panel = window.places.panel
    assert panel.list.item(0).text() == "<b>bold"
    assert "&lt;b&gt;bold" in panel.list.item(0).toolTip()  # shown as written, not as bold

    hostile = RICH_TEXT_KEYS[3].removesuffix(".txt") + " &amp; <h1>x</h1>"
    window.prompts.texts = [hostile]
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    assert panel.list.item(0).text() == hostile
    entry = go_menu_bookmarks(window)[0]
    assert entry.text() == menu_text(hostile)  # "&" doubled: no mnemonic eats a letter
    assert "&lt;b&gt;bold" in entry.toolTip()
    assert [b.name for b in Settings().bookmarks()] == [hostile, "r"]

    panel.list.setCurrentRow(1)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert [b.name for b in Settings().bookmarks()] == [hostile]
    # The right-click menu offers the same.
    menu = panel.build_menu(panel.list.item(0))
    texts = [a.text().replace("&", "").split("\t")[0] for a in menu.actions()]
    assert texts == ["Open", "Rename…", "Remove"]
    window.prompts.texts = ["short"]
    menu.actions()[1].trigger()
    assert [b.name for b in Settings().bookmarks()] == ["short"]
    menu.deleteLater()
    assert Settings().bookmarks()[0].place == Place(TEST, s3.bucket, folder)


def test_a_bookmark_to_a_deleted_connection_says_so(
    qtbot: Any, make_window: Any, two: Any, memory_keyring: Any
) -> None:
    window = make_window(two[0])
    choose(qtbot, window, OTHER)
    window.navigate("pics/")
    window.places.act_bookmark.trigger()
    window.sidebar.delete_connection()
    qtbot.waitUntil(lambda: OTHER not in window.sidebar.connection_names(), timeout=10_000)
    wait_listed(qtbot, window)

    window.prompts.confirms = [False]  # keep it
    click_bookmark(qtbot, window, 0)
    title, text = window.prompts.asked[-1]
    assert title == "Connection not found"
    assert "'pics'" in text and "'Other'" in text and "deleted or renamed" in text
    assert window.state.element_name == TEST
    assert len(Settings().bookmarks()) == 1
    window.prompts.confirms = [True]  # remove it
    click_bookmark(qtbot, window, 0)
    assert Settings().bookmarks() == []
    assert window.places.panel.hint.isVisible()


def test_bookmarks_follow_a_connection_renamed_in_the_app(
    qtbot: Any, make_window: Any, two: Any, moto_server: Any, memory_keyring: Any
) -> None:
    moto_server.s3.client().put_object(Bucket=two[1], Key="pics/p.png", Body=b"x")
    window = make_window(two[0])
    choose(qtbot, window, OTHER)
    window.navigate("pics/")
    window.places.act_bookmark.trigger()
    choose(qtbot, window, TEST)
    choose(qtbot, window, OTHER)
    window.sidebar.edit_connection()
    dialog = window.sidebar.connection_dialog
    dialog.name_edit.setFocus()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Moved")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    moved = "storages.Moved"
    qtbot.waitUntil(lambda: window.state.element_name == moved, timeout=10_000)
    assert window.prefix == "pics/"  # reopened where it was left, under its new name
    assert [b.place.connection for b in Settings().bookmarks()] == [moved]
    assert OTHER not in {p.connection for p in Settings().recent_places()}
    window.navigate("")
    click_bookmark(qtbot, window, 0)
    assert (window.state.element_name, window.prefix) == (moved, "pics/")
    for _ in range(3):  # "", pics/ (before the click), then TEST
        window.go_back()
    assert window.state.element_name == TEST
    # Steps taken under the old name lead to the renamed connection.
    window.go_back()
    assert (window.state.element_name, window.prefix) == (moved, "pics/")
    window.go_back()
    assert (window.state.element_name, window.prefix) == (moved, "")
    assert window.sidebar.current_element_name() == moved


def test_recent_locations_newest_first_once_each_at_most_ten(
    qtbot: Any, window: Any, s3: Any
) -> None:
    for i in range(12):
        window.navigate(f"f{i:02d}/")
    window.navigate("f03/")
    recent = [p.prefix for p in window.places.recent]
    assert recent == [
        "f03/",
        "f11/",
        "f10/",
        "f09/",
        "f08/",
        "f07/",
        "f06/",
        "f05/",
        "f04/",
        "f02/",
    ]
    assert [p.prefix for p in Settings().recent_places()] == recent
    # The Go menu lists them without the folder we are in; one goes there, Back returns.
    entries = window.places.recent_menu.actions()
    assert [a.text() for a in entries] == [f"{s3.bucket}/{p}" for p in recent[1:]]
    entries[0].trigger()
    assert window.prefix == "f11/"
    window.go_back()
    assert window.prefix == "f03/"


def test_each_connection_reopens_where_it_was_left(
    qtbot: Any, make_window: Any, two: Any, s3: Any, moto_server: Any
) -> None:
    app, other = two
    s3.put_object(Bucket=s3.bucket, Key="docs/2026/a.txt", Body=b"x")
    moto_server.s3.client().put_object(Bucket=other, Key="pics/p.png", Body=b"x")
    window = make_window(app)
    choose(qtbot, window, TEST)
    window.navigate("docs/2026/")
    choose(qtbot, window, OTHER)
    window.navigate("pics/")
    choose(qtbot, window, TEST)
    assert window.prefix == "docs/2026/"
    choose(qtbot, window, OTHER)
    assert window.prefix == "pics/"
    # Another bucket of a connection is part of where it was left.
    window.places.open_place(Place(TEST, other, "pics/"))
    assert window.state.element_name == f"{TEST}@{other}"
    choose(qtbot, window, OTHER)
    choose(qtbot, window, TEST)
    assert (window.state.element_name, window.prefix) == (f"{TEST}@{other}", "pics/")
    # A new start opens the last connection where it was left.
    choose(qtbot, window, OTHER)
    window.close()
    again = make_window(app)
    wait_listed(qtbot, again)
    assert (again.state.element_name, again.prefix) == (OTHER, "pics/")


def test_a_folder_gone_meanwhile_reopens_at_its_nearest_parent(
    qtbot: Any, make_window: Any, two: Any, s3: Any
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="keep/x.txt", Body=b"x")
    s3.put_object(Bucket=s3.bucket, Key="keep/gone/deeper/y.txt", Body=b"x")
    s3.put_object(Bucket=s3.bucket, Key="empty/", Body=b"")  # an empty folder (its marker)
    window = make_window(two[0])
    choose(qtbot, window, TEST)
    window.navigate("keep/gone/deeper/")
    choose(qtbot, window, OTHER)
    s3.delete_object(Bucket=s3.bucket, Key="keep/gone/deeper/y.txt")
    choose(qtbot, window, TEST)
    qtbot.waitUntil(lambda: window.prefix == "keep/", timeout=10_000)
    assert "keep/gone/deeper/ is no longer there" in window.message_label.full_text()
    assert Place(TEST, s3.bucket, "keep/gone/deeper/") not in window.places.recent
    # An empty folder that exists stays open.
    window.navigate("empty/")
    choose(qtbot, window, OTHER)
    answers: list[str] = []
    window.places.checked.connect(answers.append)
    choose(qtbot, window, TEST)
    qtbot.waitUntil(lambda: answers == ["empty/"], timeout=10_000)
    assert window.prefix == "empty/"


def test_download_moved_to_ctrl_shift_d(qtbot: Any, window: Any, s3: Any, tmp_path: Path) -> None:
    s3.put_object(Bucket=s3.bucket, Key="a.txt", Body=b"hello")
    window.refresh()
    wait_listed(qtbot, window)
    window.view.setFocus()
    window.view.selectRow(0)
    assert "Ctrl+Shift+D" in window.acts.act_download.toolTip()
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.prompts.asked == []  # Ctrl+D bookmarks; it does not download
    assert len(window.places.bookmarks) == 1
    window.prompts.save_paths = [tmp_path / "a.txt"]
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.prompts.asked and window.prompts.asked[0][1].endswith("a.txt")
    qtbot.waitUntil(lambda: (tmp_path / "a.txt").exists(), timeout=10_000)
    assert (tmp_path / "a.txt").read_bytes() == b"hello"


def test_the_demo_settings_never_reach_the_users(
    qtbot: Any, pool: Any, gui_app: Any, s3: Any
) -> None:
    from r2desk.gui.window.main_window import MainWindow

    window = MainWindow(gui_app, pool, offer_keyring_moves=False, settings=Settings.in_memory())
    window.show()
    qtbot.waitExposed(window)
    wait_connections(qtbot, window)
    window.navigate("x/")
    window.places.act_bookmark.trigger()
    assert window.settings.bookmarks() and window.settings.recent_places()
    assert QSettings().value(PLACES_BOOKMARKS) is None
    assert Settings().bookmarks() == [] and Settings().recent_places() == []
    window.close()
    window.deleteLater()
