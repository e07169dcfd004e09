"""Opening a connection in the window, and the window's start: nothing here waits on disk.

A listed connection opens with the element the sidebar's load built in the pool; any other
name is looked up in the pool first. The first load of the connections (and the demo's start)
waits for the window's first frame: a worker importing the wire layer would otherwise compete
with the first paint for the GIL. While the demo is prepared the browser shows a busy page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from r2desk.elements.locations import parse_element, resolve
from r2desk.errors import StorageError

if TYPE_CHECKING:
    from r2desk.elements import App
    from r2desk.gui.messages import ErrorBridge
    from r2desk.gui.settings import Settings
    from r2desk.gui.tasks import TaskPool
    from r2desk.gui.window.browser import Browser
    from r2desk.gui.window.sidebar import Sidebar
    from r2desk.gui.window.state import WindowState
    from r2desk.storages.meta import Meta

#: However the window manager treats a window that is never exposed (another workspace,
#: minimised, or never shown at all), its connections are read this long after it was made.
FIRST_LOAD_AT_THE_LATEST_MS = 1000


class Window(Protocol):
    """What this module needs of the main window (which imports it: no import back)."""

    app: App
    pool: TaskPool
    settings: Settings
    state: WindowState
    browser: Browser
    sidebar: Sidebar
    errors: ErrorBridge
    offer_keyring_moves: bool


class Opening(QObject):
    """Opens locations for the window; runs what waits for its first frame."""

    def __init__(self, window: Window, main: QMainWindow) -> None:
        super().__init__(main)
        self.window = window
        self.main = main
        self.location = ""  # the location last asked for: a late answer for another is dropped
        self.preparing = False  # show_preparing: the busy page stays until prepared
        #: preparing_failed: its error stays in place of the welcome (the connections' first
        #: load may finish after it, with nothing to open).
        self.preparing_error = False
        self._after_paint: list[Callable[[], object]] | None = []  # None once painted
        main.installEventFilter(self)
        QTimer.singleShot(FIRST_LOAD_AT_THE_LATEST_MS, self._painted)

    # -- the first frame ------------------------------------------------------------------------

    def after_first_paint(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` from the event loop once the window's first frame is on screen."""
        if self._after_paint is None:
            QTimer.singleShot(0, fn)
        else:
            self._after_paint.append(fn)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main and event.type() == QEvent.Type.Show:
            handle = self.main.windowHandle()
            if handle is not None and self._after_paint is not None:
                handle.installEventFilter(self)
        elif event.type() == QEvent.Type.Expose and watched is not self.main:
            watched.removeEventFilter(self)
            # Queued: the window paints in its own handling of this expose, first.
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        waiting, self._after_paint = self._after_paint, None
        self.main.removeEventFilter(self)
        for fn in waiting or ():
            fn()

    # -- opening --------------------------------------------------------------------------------

    def open(self, name: str, prefix: str = "") -> None:
        """Browse ``name`` (or ``name@bucket``) at ``prefix``; "" shows the welcome."""
        w = self.window
        self.location = name
        if not name and (self.preparing or self.preparing_error):
            return  # the busy page (or why it failed) stays: nothing else to show
        self.preparing_error = False  # a connection is opened: its page replaces the error
        if not name:
            w.state.set_connection_text(self.tr("No connection: add one with New connection…"))
            w.state.set_element("", None)
            w.browser.show_welcome()
            return
        try:
            element = w.sidebar.element(name)
        except StorageError as exc:
            self._not_valid(name, exc)
        except KeyError:  # not listed (yet): its files are read in the pool
            w.state.set_connection_text(self.tr("Connecting…"))
            w.pool.submit(
                lambda: resolve(w.app, parse_element(name))[0],
                on_result=lambda el: self._opened(name, el, prefix),
                on_error=lambda exc: self._not_valid(name, exc),
                on_crash=w.errors.crash,
                owner=self,
            )
        else:
            self._opened(name, element, prefix)

    def _not_valid(self, name: str, exc: BaseException) -> None:
        if name != self.location:
            return  # another location was chosen meanwhile
        w = self.window
        w.state.set_connection_text(self.tr("Connection not valid"))
        w.state.set_element("", None)
        w.browser.show_failure(exc)
        w.errors.error(exc)

    def _opened(self, name: str, element: Meta, prefix: str) -> None:
        if name != self.location:
            return
        w = self.window
        w.state.set_connection_text(self.tr("Connecting…"))
        w.state.set_element(name, element, prefix)
        if w.offer_keyring_moves and "@" not in name:  # the connection's own bucket
            from r2desk.elements.store import has_plaintext_secret

            w.pool.submit(
                has_plaintext_secret,
                w.app,
                name,
                on_result=lambda plain: self._offer_keyring(name) if plain else None,
                on_error=lambda _exc: None,  # opening it says what is wrong
                on_crash=w.errors.crash,
                owner=self,
            )

    def _offer_keyring(self, connection: str) -> None:
        """The element's file holds its secret in plain text (read in the pool): offer to move
        it, if that connection is still the one open."""
        if self.location != connection:
            return
        from r2desk.gui.connections.keyring import offer_keyring_migration

        w = self.window
        offer_keyring_migration(
            self.main,
            w.app,
            w.pool,
            connection,
            on_done=self._keyring_offer_done,
            settings=w.settings,
            checked=True,
            title=w.sidebar.connection_title(connection),
        )

    def _keyring_offer_done(self, moved: bool) -> None:
        if moved:
            self.window.errors.status(self.tr("Secret moved into the keyring."))

    # -- something to browse is on its way ------------------------------------------------------

    def show_preparing(self, heading: str, details: str) -> None:
        """What the window will browse is still being prepared (the demo's server and bucket):
        the busy page says so until ``prepared`` or ``preparing_failed``."""
        self.preparing = True
        self.window.state.set_connection_text(heading)
        self.window.browser.show_busy(heading, details)

    def prepared(self, select: str) -> None:
        """Ready: read the connections again and open ``select``."""
        self.preparing = False
        self.window.sidebar.reload_elements(select=select)

    def preparing_failed(self, exc: BaseException, title: str) -> None:
        self.preparing = False
        self.preparing_error = True
        self.window.state.set_connection_text(title)
        self.window.browser.show_failure(exc, title, retry=False)
        self.window.errors.message(title)
