"""Bookmarks, recent locations and reopening each connection where it was left, in one window.

The window creates a ``Places`` and routes the sidebar's choice through :meth:`Places.choose`
and the browser's Back/Forward into another connection through :meth:`Places.open_exact`. The
values and their rules are Qt-free (``r2desk/places.py``); everything is kept through the
window's ``Settings`` (in memory for the demo). Opening a remembered folder that has gone shows
its nearest existing parent: the listing is checked in a worker once it comes back empty.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QVBoxLayout

from r2desk.elements import App
from r2desk.gui.messages import ErrorBridge
from r2desk.gui.prompts import Prompts
from r2desk.gui.settings import Settings
from r2desk.gui.tasks import TaskPool
from r2desk.gui.widgets import plain_tip
from r2desk.gui.window.actions import WindowActions, on
from r2desk.gui.window.bookmarks import BookmarksPanel
from r2desk.gui.window.browser import Browser
from r2desk.gui.window.sidebar import Sidebar
from r2desk.gui.window.state import WindowState
from r2desk.places import Bookmark, Place, nearest_existing, push_recent


class Window(Protocol):
    """What this module needs of the main window (which imports it: no import back)."""

    app: App
    pool: TaskPool
    settings: Settings
    acts: WindowActions
    state: WindowState
    browser: Browser
    sidebar: Sidebar
    errors: ErrorBridge

    @property
    def prompts(self) -> Prompts: ...

    def open_element(self, name: str, prefix: str = "") -> None: ...

    def show_status(self, text: str, timeout_ms: int = 20000) -> None: ...


def menu_text(text: str) -> str:
    """A name as a menu entry shows it: "&" would otherwise underline the next letter."""
    return text.replace("&", "&&")


class Places(QObject):
    """The bookmarks (sidebar and Go menu, Ctrl+D), the recent locations (Go menu) and where each
    connection was left."""

    #: A remembered folder that listed empty was checked: the nearest folder that exists.
    checked = Signal(str)

    def __init__(self, window: Window, main: QMainWindow) -> None:
        super().__init__(main)
        self.window = window
        self.settings = window.settings
        self.bookmarks: list[Bookmark] = self.settings.bookmarks()
        self.recent: list[Place] = self.settings.recent_places()
        self.last_shown: dict[str, Place] = self.settings.last_shown()
        #: A remembered folder just opened, checked once its first page is in.
        self._check: tuple[str, str] | None = None

        self.act_bookmark = QAction(self.tr("Boo&kmark this folder"), main)
        self.act_bookmark.setShortcut(QKeySequence("Ctrl+D"))
        tip = self.tr("Add the folder you are in to the bookmarks (Ctrl+D)")
        self.act_bookmark.setToolTip(tip)
        self.act_bookmark.setStatusTip(tip)
        main.addAction(self.act_bookmark)
        on(self.act_bookmark, self.add_bookmark)

        self.panel = BookmarksPanel(window.sidebar)
        layout = window.sidebar.layout()
        if isinstance(layout, QVBoxLayout):
            layout.addWidget(self.panel)
        self.panel.open_requested.connect(lambda i: self.open_bookmark(self.bookmarks[i]))
        self.panel.rename_requested.connect(self.rename_bookmark)
        self.panel.remove_requested.connect(self.remove_bookmark)

        self.go_menu = window.acts.go_menu
        self.go_menu.setToolTipsVisible(True)
        self.go_menu.addSeparator()
        self.go_menu.addAction(self.act_bookmark)
        self._bookmarks_end = self.go_menu.addSeparator()
        self._bookmark_entries: list[QAction] = []
        self.recent_menu = QMenu(self.tr("&Recent locations"), self.go_menu)
        self.recent_menu.setToolTipsVisible(True)
        self.go_menu.addMenu(self.recent_menu)

        state = window.state
        state.prefix_changed.connect(self._shown)
        state.element_changed.connect(self._element_changed)
        window.browser.history_open.connect(self.open_exact)
        window.sidebar.connection_renamed.connect(self.rename_connection)
        # The connections are read in the pool: until then no bookmark's connection is "gone".
        window.sidebar.loaded.connect(self._connections_loaded)
        window.browser.model.page_loaded.connect(self._first_page)
        window.browser.model.load_failed.connect(lambda _exc: self._stop_checking())
        self._enable()
        self._bookmarks_changed(save=False)
        self._fill_recent()

    # -- where we are -------------------------------------------------------------------------

    def current(self) -> Place | None:
        state = self.window.state
        if state.element is None:
            return None
        return Place(
            state.element_name.partition("@")[0],
            state.element.config.bucketName,
            self.window.browser.prefix,
        )

    def location_of(self, place: Place) -> str:
        """The sidebar's name of the place's bucket: the connection for its own bucket, else
        ``connection@bucket`` (the own bucket as the sidebar's load read it: no disk)."""
        own = self.window.sidebar.own_bucket(place.connection)  # "": opening it says what is wrong
        return place.connection if place.bucket == own else f"{place.connection}@{place.bucket}"

    def _enable(self) -> None:
        self.act_bookmark.setEnabled(self.window.state.element is not None)

    def _element_changed(self, _name: str) -> None:
        self._enable()
        self._bookmarks_changed(save=False)  # a connection may have gone: their tooltips say so

    def _shown(self, _prefix: str) -> None:
        """Each folder shown becomes the newest recent location and its connection's last one."""
        place = self.current()
        if place is None:
            return
        self.recent = push_recent(self.recent, place)
        self.last_shown[place.connection] = place
        self.settings.set_recent_places(self.recent)
        self.settings.set_last_shown(self.last_shown)
        self._fill_recent()
        self._mark()

    def _mark(self) -> None:
        here = self.current()
        self.panel.mark(next((i for i, b in enumerate(self.bookmarks) if b.place == here), -1))

    # -- opening places -----------------------------------------------------------------------

    def choose(self, location: str) -> None:
        """The sidebar chose a connection or bucket: open it where it was left."""
        if not location:
            self.window.open_element("")
            return
        connection = location.partition("@")[0]
        item = self.window.sidebar.list.currentItem()
        on_connection = item is not None and item.parent() is None
        last = self.last_shown.get(connection)
        if last is None:
            self.window.open_element(location)
            return
        if on_connection:
            location = self.location_of(last)  # the bucket last shown, too
        prefix = last.prefix if self.location_of(last) == location else ""
        self._open(location, prefix)

    def _open(self, location: str, prefix: str) -> None:
        self.window.open_element(location, prefix)
        self.window.sidebar.show_location(location)
        self._watch(location, prefix)

    def _watch(self, location: str, prefix: str) -> None:
        self._check = (location, prefix) if prefix else None

    def open_exact(self, location: str, prefix: str) -> None:
        """Back or Forward into another connection or bucket: just that place."""
        if location.partition("@")[0] not in self.window.sidebar.connection_names():
            self.window.show_status(
                self.tr("{0} is no longer a connection here: it was deleted or renamed.").format(
                    location.partition("@")[0].partition(".")[2]
                )
            )
            return
        self._open(location, prefix)

    def open_place(self, place: Place) -> None:
        """Go to ``place`` as a new step of the history (Back returns)."""
        if self.current() == place:
            self.window.browser.views.focus()
            return
        location = self.location_of(place)
        if location == self.window.state.element_name:
            self.window.browser.navigate(place.prefix)
            self._watch(location, place.prefix)
        else:
            self._open(location, place.prefix)
        self.window.browser.views.focus()

    def open_bookmark(self, bookmark: Bookmark) -> None:
        if bookmark.place.connection in self.window.sidebar.connection_names():
            self.open_place(bookmark.place)
            return
        short = bookmark.place.connection.partition(".")[2]
        if self.window.prompts.confirm(
            self.tr("Connection not found"),
            self.tr(
                "The bookmark '{0}' is in the connection '{1}', which is no longer on this "
                "computer: it was deleted or renamed. Remove the bookmark? (To keep it, add a "
                "connection named '{1}' again.)"
            ).format(bookmark.name, short),
            self.tr("Remove bookmark"),
        ):
            self.bookmarks = [b for b in self.bookmarks if b is not bookmark]
            self._bookmarks_changed()

    def open_recent(self, place: Place) -> None:
        if place.connection in self.window.sidebar.connection_names():
            self.open_place(place)
            return
        self.recent = [p for p in self.recent if p != place]
        self.settings.set_recent_places(self.recent)
        self._fill_recent()
        self.window.show_status(
            self.tr("{0} is no longer a connection here: it was deleted or renamed.").format(
                place.connection.partition(".")[2]
            )
        )

    # -- a remembered folder that has gone ------------------------------------------------------

    def _first_page(self, _count: int) -> None:
        check, self._check = self._check, None
        state, browser = self.window.state, self.window.browser
        model = browser.model
        if check is None or check != (state.element_name, browser.prefix):
            return
        if model.loaded_count or not model.complete or state.element is None:
            return
        self.window.pool.submit(
            nearest_existing,
            state.element,
            check[1],
            on_result=lambda found: self._found(check, str(found)),
            on_crash=self.window.errors.crash,
            owner=self,
        )

    def _stop_checking(self) -> None:
        self._check = None

    def _found(self, where: tuple[str, str], found: str) -> None:
        self.checked.emit(found)
        browser = self.window.browser
        if found == where[1] or (self.window.state.element_name, browser.prefix) != where:
            return  # it is there (an empty folder), or the user went elsewhere meanwhile
        gone = self.current()
        browser.show_prefix(found)
        if gone is not None:
            self.recent = [p for p in self.recent if p != gone]
            self.settings.set_recent_places(self.recent)
            self._fill_recent()
            self.window.show_status(
                self.tr("{0} is no longer there: showing {1}, the nearest folder that is.").format(
                    gone.label(), f"{gone.bucket}/{found}"
                )
            )

    def rename_connection(self, old: str, new: str) -> None:
        """Bookmarks, recent locations, where it was left and the history follow a renamed
        connection (one renamed outside r2desk is explained when its bookmark is clicked)."""

        def moved(place: Place) -> Place:
            return replace(place, connection=new) if place.connection == old else place

        self.bookmarks = [Bookmark(b.name, moved(b.place)) for b in self.bookmarks]
        self.recent = [moved(p) for p in self.recent]
        self.last_shown = {moved(p).connection: moved(p) for p in self.last_shown.values()}
        self.settings.set_recent_places(self.recent)
        self.settings.set_last_shown(self.last_shown)
        self.window.browser.rename_connection(old, new)
        self._bookmarks_changed()
        self._fill_recent()

    # -- bookmarks ------------------------------------------------------------------------------

    def add_bookmark(self) -> None:
        place = self.current()
        if place is None:
            return
        same = next((b for b in self.bookmarks if b.place == place), None)
        if same is not None:
            self.window.show_status(self.tr("Already bookmarked as '{0}'.").format(same.name))
            return
        bookmark = Bookmark(place.folder_name(), place)
        self.bookmarks.append(bookmark)
        self._bookmarks_changed()
        self.window.show_status(
            self.tr("Bookmarked {0} as '{1}'.").format(place.label(), bookmark.name)
        )

    def rename_bookmark(self, index: int) -> None:
        old = self.bookmarks[index]
        name = self.window.prompts.name(
            self.tr("Rename bookmark"),
            self.tr("New name for the bookmark of {0}:").format(old.place.label()),
            old.name,
            lambda text: None if text.strip() else self.tr("Type a name"),
        )
        if name:
            self.bookmarks[index] = Bookmark(name.strip(), old.place)
            self._bookmarks_changed()

    def remove_bookmark(self, index: int) -> None:
        removed = self.bookmarks.pop(index)
        self._bookmarks_changed()
        self.window.show_status(self.tr("Bookmark '{0}' removed.").format(removed.name))

    def _connections_loaded(self) -> None:
        self._bookmarks_changed(save=False)
        self._fill_recent()

    def _where(self, place: Place) -> str:
        title = self.window.sidebar.connection_title(place.connection)
        if not title and not self.window.sidebar.listed:
            return place.label()  # the connections are still being read
        if not title:
            return self.tr("{0} (its connection {1} is no longer here)").format(
                place.label(), place.connection.partition(".")[2]
            )
        return self.tr("{0} in {1}").format(place.label(), title)

    def _bookmarks_changed(self, *, save: bool = True) -> None:
        if save:
            self.settings.set_bookmarks(self.bookmarks)
        self.panel.show_bookmarks(
            self.bookmarks, {i: self._where(b.place) for i, b in enumerate(self.bookmarks)}
        )
        for act in self._bookmark_entries:
            self.go_menu.removeAction(act)
            act.deleteLater()
        self._bookmark_entries = []
        icon = self.panel.style().standardIcon(QStyle.StandardPixmap.SP_DirLinkIcon)
        for bookmark in self.bookmarks:
            act = QAction(icon, menu_text(bookmark.name), self.go_menu)
            act.setToolTip(plain_tip(self._where(bookmark.place)))
            act.triggered.connect(lambda _=False, b=bookmark: self.open_bookmark(b))
            self._bookmark_entries.append(act)
        if not self.bookmarks:
            empty = QAction(self.tr("No bookmarks yet"), self.go_menu)
            empty.setEnabled(False)
            self._bookmark_entries.append(empty)
        self.go_menu.insertActions(self._bookmarks_end, self._bookmark_entries)
        self._mark()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        here = self.current()
        shown = [p for p in self.recent if p != here]
        several = len({p.connection for p in shown}) > 1
        for place in shown:
            title = self.window.sidebar.connection_title(place.connection)
            label = place.label()
            if several and title:  # the same bucket name may be in two connections
                label = self.tr("{0} — {1}").format(label, title)
            act = self.recent_menu.addAction(menu_text(label))
            act.setToolTip(plain_tip(self._where(place)))
            act.triggered.connect(lambda _=False, p=place: self.open_recent(p))
        if not shown:
            self.recent_menu.addAction(self.tr("No recent locations")).setEnabled(False)
