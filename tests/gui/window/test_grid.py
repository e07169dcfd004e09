"""The icon grid (View → Icons, Ctrl+1) and its thumbnails, against moto behind a proxy that
logs every request: thumbnails are fetched for the items on screen only, never for an object
over the size limit, once (the disk cache answers a second look), again when the ETag
changes; bytes that are no image keep the type's icon without a storm of errors."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QStyleOptionViewItem
from support.faultproxy import FaultProxy
from support.gui import wait_listed, write_app
from support.keys import RICH_TEXT_KEYS
from support.servers import LocalS3, MotoHandle

from r2desk.gui.objects.thumbnails import Thumbnails, ThumbnailStore
from r2desk.gui.settings import VIEW_DETAILS, VIEW_ICONS, Settings

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def png(colour: str, size: int = 40) -> bytes:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def put_many(s3: Any, keys: list[str], body: bytes) -> None:
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda k: s3.put_object(Bucket=s3.bucket, Key=k, Body=body), keys))


@pytest.fixture
def grid_window(
    make_window: Any, tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, proxy: FaultProxy
) -> Any:
    """A window whose element talks to moto through the logging proxy; call it to open."""
    s3 = moto_server.s3
    via = LocalS3(proxy.endpoint_url, s3.access_key, s3.secret_key, s3.region, s3.verify)

    def open_window(width: int = 820, height: int = 520) -> Any:
        app = write_app(tmp_path / "app", via, moto_bucket)
        window = make_window(app)
        window.resize(width, height)
        return window

    return open_window


def gets(proxy: FaultProxy) -> list[str]:
    """Keys fetched with a GET (listings, which carry a query, left out)."""
    keys = []
    for method, path in list(proxy.requests):
        url = urlsplit(path)
        if method == "GET" and not url.query:
            keys.append(unquote(url.path).split("/", 2)[2])
    return keys


def on_screen(window: Any) -> list[str]:
    return [window.model.row_at(r).key for r in window.browser.views.visible_rows()]


def show_icons(qtbot: Any, window: Any, prefix: str = "") -> None:
    window.acts.act_view_icons.trigger()
    if prefix:
        window.navigate(prefix)
    wait_listed(qtbot, window)


def settled(qtbot: Any, window: Any) -> list[str]:
    """Wait until every eligible item on screen has its thumbnail or has failed; the keys
    on screen."""
    views, thumbs, model = window.browser.views, window.browser.thumbnails, window.model

    def done() -> bool:
        if views._visible_later.isActive() or thumbs.running or thumbs.waiting:
            return False
        for r in views.visible_rows():
            row = model.row_at(r)
            ident = thumbs.ident(model.element, row, model.etag(row.key))
            if thumbs.eligible(row) and ident not in thumbs._memory and ident not in thumbs._failed:
                return False
        return True

    qtbot.waitUntil(done, timeout=15_000)
    return [model.row_at(r).key for r in views.visible_rows()]


def test_thumbnails_are_fetched_for_visible_items_only(
    qtbot: Any, grid_window: Any, s3: Any, proxy: FaultProxy
) -> None:
    body = png("#3070c0")
    keys = [f"pics/p{i:03d}.png" for i in range(40)]
    put_many(s3, keys, body)
    window = grid_window(700, 440)
    show_icons(qtbot, window, "pics/")
    assert window.browser.views.mode == VIEW_ICONS
    shown = settled(qtbot, window)
    assert 0 < len(shown) < 20, shown  # only part of the 40 fit
    assert sorted(gets(proxy)) == sorted(shown)
    model = window.model
    icon = window.browser.thumbnails.icon(model.element, model.row_at(0), model.etag(keys[0]))
    assert icon is not None and not icon.isNull()
    # Scrolled to the end: the items now shown are fetched, the ones between never.
    grid = window.browser.grid
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: keys[-1] in on_screen(window))
    later = settled(qtbot, window)
    fetched = gets(proxy)
    assert len(fetched) == len(set(fetched))  # none twice
    assert set(fetched) == set(shown) | set(later)
    assert len(fetched) < len(keys)


def test_rows_scrolled_away_before_their_turn_are_not_fetched(
    qtbot: Any, pool: Any, tmp_path: Path, moto_server: MotoHandle, s3: Any, proxy: FaultProxy
) -> None:
    """One at a time: a new set of visible rows replaces what still waited."""
    from r2desk.gui.objects.model import ObjectTableModel

    for i in range(6):
        s3.put_object(Bucket=s3.bucket, Key=f"q{i}.png", Body=png("#40a040"))
    m = moto_server.s3
    via = LocalS3(proxy.endpoint_url, m.access_key, m.secret_key, m.region, m.verify)
    element = write_app(tmp_path / "app", via, s3.bucket).getElement("storages.TestR2")
    model = ObjectTableModel(pool)
    model.set_location(element, "")
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == 6)
    thumbs = Thumbnails(pool, store=ThumbnailStore(tmp_path / "thumbs"), concurrency=1)
    rows = [(model.row_at(i), model.etag(model.row_at(i).key)) for i in range(6)]
    thumbs.want(element, rows[:4])  # q0 starts, q1..q3 wait
    thumbs.want(element, rows[4:])  # scrolled on before they started
    qtbot.waitUntil(lambda: not thumbs.running and not thumbs.waiting, timeout=15_000)
    assert sorted(gets(proxy)) == ["q0.png", "q4.png", "q5.png"]


def test_no_thumbnail_download_over_the_size_limit(
    qtbot: Any, grid_window: Any, s3: Any, proxy: FaultProxy
) -> None:
    assert Settings().thumbnail_max_bytes() == 10 * 1024 * 1024  # the default
    small = png("#c03030")
    s3.put_object(Bucket=s3.bucket, Key="big.png", Body=small + b"\0" * (10 * 1024 * 1024))
    s3.put_object(Bucket=s3.bucket, Key="small.png", Body=small)
    window = grid_window()
    show_icons(qtbot, window)
    assert set(settled(qtbot, window)) == {"big.png", "small.png"}
    assert gets(proxy) == ["small.png"]
    # A higher limit from Preferences applies at once to what is on screen.
    from r2desk.gui.preferences.values import Prefs

    Settings().set_thumbnail_max_bytes(20 * 1024 * 1024)
    window.preferences.apply(Prefs.load(window.settings))
    settled(qtbot, window)
    assert sorted(gets(proxy)) == ["big.png", "small.png"]
    # A lower limit from the settings applies at the next look.
    Settings().set_thumbnail_max_bytes(100)
    s3.put_object(Bucket=s3.bucket, Key="other.png", Body=small)
    window.refresh()
    wait_listed(qtbot, window)
    settled(qtbot, window)
    assert sorted(gets(proxy)) == ["big.png", "small.png"]


def test_a_second_look_uses_the_disk_cache_and_a_new_etag_fetches_again(
    qtbot: Any, grid_window: Any, s3: Any, proxy: FaultProxy
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="a.png", Body=png("#ff8000"))
    first = grid_window()
    show_icons(qtbot, first)
    settled(qtbot, first)
    assert gets(proxy) == ["a.png"]
    cached = list(first.browser.thumbnails.store.root.glob("*.png"))
    assert len(cached) == 1
    first.close()
    # A new window (nothing in memory) shows it from the disk: no second GET.
    second = grid_window()
    show_icons(qtbot, second)
    settled(qtbot, second)
    model = second.model
    assert second.browser.thumbnails.icon(model.element, model.row_at(0), model.etag("a.png"))
    assert gets(proxy) == ["a.png"]
    # The object changes: its new ETag gets a new thumbnail.
    s3.put_object(Bucket=s3.bucket, Key="a.png", Body=png("#0080ff"))
    second.refresh()
    wait_listed(qtbot, second)
    settled(qtbot, second)
    assert gets(proxy) == ["a.png", "a.png"]
    icon = second.browser.thumbnails.icon(model.element, model.row_at(0), model.etag("a.png"))
    assert icon is not None
    assert icon.pixmap(40, 40).toImage().pixelColor(20, 20) == QColor("#0080ff")


def test_a_corrupt_image_keeps_its_type_icon_without_errors(
    qtbot: Any, grid_window: Any, s3: Any, proxy: FaultProxy
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="broken.png", Body=b"\x89PNG not really" * 50)
    s3.put_object(Bucket=s3.bucket, Key="fine.png", Body=png("#808080"))
    window = grid_window()
    show_icons(qtbot, window)
    settled(qtbot, window)
    model, thumbs = window.model, window.browser.thumbnails
    row = model.row_at(model.row_for_key("broken.png"))
    assert thumbs.icon(model.element, row, model.etag(row.key)) is None
    option = QStyleOptionViewItem()
    index = model.index(model.row_for_key("broken.png"), 0)
    window.browser.grid.itemDelegate().initStyleOption(option, index)
    expected = model.data(index, Qt.ItemDataRole.DecorationRole)
    assert option.icon.cacheKey() == expected.cacheKey()  # the type's icon
    assert window.errors.last_message == "" and window.message_label.full_text() == ""
    # Scrolling, repainting and refreshing do not ask again (a marker on disk says why).
    for _ in range(3):
        window.browser.views.request_visible()
        window.refresh()
        wait_listed(qtbot, window)
        settled(qtbot, window)
    assert sorted(gets(proxy)) == ["broken.png", "fine.png"]
    assert window.errors.last_message == ""


def test_switching_views_keeps_the_selection_and_the_grid_behaves_like_the_list(
    qtbot: Any, window: Any, s3: Any
) -> None:
    for key in ["sub/x.txt", "a.png", "b.txt", "c.txt", *RICH_TEXT_KEYS]:
        s3.put_object(Bucket=s3.bucket, Key=key, Body=b"x")
    window.refresh()
    wait_listed(qtbot, window)
    model, view, grid = window.model, window.view, window.browser.grid
    sel = view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for key in ("a.png", "c.txt"):
        sel.select(model.index(model.row_for_key(key), 0), flags)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.browser.views.mode == VIEW_ICONS and grid.isVisible() and grid.hasFocus()
    chosen = sorted(r.key for r in window.browser.selected())
    assert chosen == ["a.png", "c.txt"]
    assert {i.row() for i in grid.selectedIndexes()} >= {model.row_for_key("a.png")}
    # The right-click menu acts on the selection made in the list.
    menu = window.build_object_menu()
    assert window.acts.act_delete in menu.actions()
    # Arrows move in the grid; a click selects there and the list shows that selection.
    grid.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.currentIndex().row() == 1
    rect = grid.visualRect(model.index(model.row_for_key("b.txt"), 0))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [r.key for r in window.browser.selected()] == ["b.txt"]
    qtbot.keyClick(grid, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.browser.views.mode == VIEW_DETAILS and view.hasFocus()
    assert [r.key for r in window.browser.selected()] == ["b.txt"]
    # Names are plain text, elided on one line, the whole key in the tooltip.
    window.acts.act_view_icons.trigger()
    delegate = grid.itemDelegate()
    marked = [
        r
        for r in range(model.rowCount())
        if "<" in model.row_at(r).key or "&" in model.row_at(r).key
    ]
    assert len(marked) == len(RICH_TEXT_KEYS)  # a folder stands for the nested one
    for r in marked:
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, model.index(r, 0))
        assert option.text == model.row_at(r).name
        assert delegate.sizeHint(option, model.index(r, 0)).height() <= grid.gridSize().height()
    # Enter on a folder opens it; Backspace comes back; Tab leaves the grid.
    folder = model.row_for_key("sub/")
    grid.setCurrentIndex(model.index(folder, 0))
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.prefix == "sub/")
    wait_listed(qtbot, window)
    qtbot.keyClick(grid, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: window.prefix == "")
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert not grid.hasFocus()


def test_the_view_is_remembered(qtbot: Any, make_window: Any, gui_app: Any) -> None:
    first = make_window(gui_app)
    first.acts.act_view_icons.trigger()
    first.acts.act_list_thumbnails.setChecked(True)
    first.close()
    assert Settings().view_mode() == VIEW_ICONS and Settings().list_thumbnails()
    second = make_window(gui_app)
    assert second.browser.views.mode == VIEW_ICONS
    assert second.acts.act_view_icons.isChecked()
    assert second.browser.views.list_thumbnails


def test_the_details_list_shows_thumbnails_only_when_asked(
    qtbot: Any, grid_window: Any, s3: Any, proxy: FaultProxy
) -> None:
    put_many(s3, [f"d{i:02d}.png" for i in range(30)], png("#a0a000"))
    window = grid_window()
    wait_listed(qtbot, window)
    assert window.browser.views.mode == VIEW_DETAILS
    window.browser.views.request_visible()
    assert window.browser.views.visible_rows() == [] and gets(proxy) == []  # off by default
    window.acts.act_list_thumbnails.setChecked(True)
    shown = settled(qtbot, window)
    assert 0 < len(shown) < 30
    assert sorted(gets(proxy)) == sorted(shown)
    assert window.view.iconSize().height() > window.view.fontMetrics().height()


def test_thumbnails_in_memory_stay_within_their_bound(
    qtbot: Any,
    pool: Any,
    tmp_path: Path,
    gui_app: Any,
    s3: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """However many images were shown, memory keeps the newest up to its byte budget."""
    from r2desk.gui.objects import thumbnails as module
    from r2desk.gui.objects.model import ObjectTableModel

    one = 40 * 40 * 4  # a 40 px RGB32 thumbnail
    monkeypatch.setattr(module, "MEMORY_BYTES", 3 * one)
    put_many(s3, [f"m{i}.png" for i in range(8)], png("#102030"))
    element = gui_app.getElement("storages.TestR2")
    model = ObjectTableModel(pool)
    model.set_location(element, "")
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == 8)
    thumbs = Thumbnails(pool, store=ThumbnailStore(tmp_path / "thumbs"))
    rows = [(model.row_at(i), model.etag(model.key_at(i))) for i in range(8)]
    thumbs.want(element, rows)
    qtbot.waitUntil(lambda: not thumbs.running and not thumbs.waiting, timeout=15_000)
    assert thumbs.memory_bytes <= 3 * one
    kept = [row.key for row, etag in rows if thumbs.icon(element, row, etag) is not None]
    assert len(kept) == 3
    assert len(list((tmp_path / "thumbs").glob("*.png"))) == 8  # the disk keeps them all


def test_a_file_dropped_on_a_folder_icon_uploads_into_that_folder(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    s3.put_object(Bucket=s3.bucket, Key="album/old.png", Body=b"x")
    window.refresh()
    wait_listed(qtbot, window)
    show_icons(qtbot, window)
    grid = window.browser.grid
    local = tmp_path / "new.txt"
    local.write_bytes(b"dropped")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(local))])
    pos = QPointF(
        grid.visualRect(window.model.index(window.model.row_for_key("album/"), 0)).center()
    )
    event = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    grid.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(
        lambda: (
            "album/new.txt"
            in {o["Key"] for o in s3.list_objects_v2(Bucket=s3.bucket).get("Contents", [])}
        ),
        timeout=15_000,
    )
