"""GUI bootstrap: QApplication, the one task pool, the crash hook, and the main window.

``run_gui`` is what ``r2desk`` (and ``r2desk --demo``) calls; ``build_main_window`` builds the
same window without entering the event loop, for the packaging self-test and benchmarks.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication

from r2desk.dirs import app_root as default_app_root
from r2desk.elements import App
from r2desk.gui.i18n import install_translations
from r2desk.gui.messages import install_excepthook
from r2desk.gui.settings import Settings
from r2desk.gui.tasks import TaskPool
from r2desk.gui.widgets import app_icon
from r2desk.gui.window.main_window import MainWindow

if TYPE_CHECKING:
    from r2desk.demo import Demo

log = logging.getLogger(__name__)

#: Threads of the app's pool: transfers (their own limit) plus listings, previews and edits.
POOL_THREADS = 8


def ensure_qapplication(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication, created once with our names (QSettings uses them)."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("r2desk")
        QCoreApplication.setApplicationName("r2desk")
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
        app.setApplicationDisplayName("r2desk")
        # The .desktop entry's id, so Wayland matches the window to its entry and icon.
        app.setDesktopFileName("io.github.r2desk.r2desk")
        app.setWindowIcon(app_icon())
        install_language(Settings())
    assert isinstance(app, QApplication)
    return app


def install_language(settings: Settings, folder: Path | None = None) -> list[str]:
    """The translations for the language chosen in Preferences, else the system's (read, never
    written: the demo starts in the user's language too). Returns the files loaded."""
    code = settings.language()
    return install_translations(QLocale(code) if code else None, folder)


def settings_for(*, demo: bool) -> Settings:
    """The user's settings, or for the demo settings in memory that leave the user's alone."""
    return Settings.in_memory() if demo else Settings()


def build_main_window(
    app: App,
    pool: TaskPool,
    *,
    offer_keyring_moves: bool = True,
    settings: Settings | None = None,
) -> MainWindow:
    """The main window on ``app``, not shown; the caller owns the event loop."""
    ensure_qapplication()
    window = MainWindow(app, pool, offer_keyring_moves=offer_keyring_moves, settings=settings)
    install_excepthook(window.errors)
    return window


def freeze_long_lived() -> None:
    """Keep the collector off what lives as long as the app: the imports, the built window and
    every S3 client built later (boto3's model) are frozen (``gc.freeze``). A full collection
    walks every tracked object while it holds the GIL, so with them in reach each one during a
    2,000-file drop stalled the window for 200-300 ms; frozen objects are still freed by their
    reference counts, only cycles among them are never collected."""
    from r2desk.s3.freeze import freeze_long_lived as freeze

    freeze()


def no_display_problem(argv: list[str]) -> str | None:
    """On Linux/BSD without a display Qt aborts with a page of plugin text: say it in one line."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if os.environ.get("QT_QPA_PLATFORM") or any(a.startswith("-platform") for a in argv):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "r2desk: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set): start it in a "
        "desktop session, or use the commands (r2desk --help)"
    )


def _exit_on_signals(qapp: QApplication | None) -> QTimer | None:
    """SIGTERM and Ctrl+C end the app the way Quit does, so the shutdown and the demo's clean-up
    run (its temporary folder is removed, as the CLI demo's is).

    Before the event loop a signal unwinds like Ctrl+C; in it, it ends the loop (no questions:
    the sender wants it gone). Python runs handlers only between bytecodes; the timer lets it in
    while Qt waits.
    """

    def leave(*_: object) -> None:
        if qapp is None:
            raise SystemExit(0)
        qapp.exit(0)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, leave)
    if qapp is None:
        return None
    wake = QTimer(qapp)
    wake.start(200)
    wake.timeout.connect(lambda: None)
    return wake


def run_gui(app_root: Path | None, *, demo: bool = False, argv: list[str] | None = None) -> int:
    """Open the main window on the app folder (or the embedded demo) and run until quit."""
    started = time.perf_counter()
    from r2desk.dirs import log_dir
    from r2desk.logs import add_file_handler

    problem = no_display_problem(argv or [])
    if problem:
        print(problem, file=sys.stderr)
        return 1
    _exit_on_signals(None)

    # Every record, ours and botocore's, goes through the redacting filter before any handler.
    add_file_handler(log_dir() / "r2desk.log")
    qapp = ensure_qapplication(argv)
    if demo:
        # The window opens on the demo's (still empty) temporary folder at once; the server and
        # the sample bucket are prepared in the pool behind it.
        root = Path(tempfile.mkdtemp(prefix="r2desk-demo-"))
    else:
        root = Path(app_root) if app_root is not None else default_app_root()
        root.mkdir(parents=True, exist_ok=True)
    app = App(root)
    pool = TaskPool(max_threads=POOL_THREADS)
    window = build_main_window(
        app, pool, offer_keyring_moves=not demo, settings=settings_for(demo=demo)
    )
    demos: list[Demo] = []  # the running demo, kept by the worker that started it
    if demo:
        window.setWindowTitle(QCoreApplication.translate("app", "r2desk (demo)"))
        prepare_demo(window, pool, root, demos)
    window.show()
    freeze_long_lived()
    QTimer.singleShot(
        0,
        lambda: log.info(
            "window shown %.0f ms after start", 1000 * (time.perf_counter() - started)
        ),
    )

    def shutdown() -> None:
        window.queue.cancel()
        if not pool.shutdown(10_000):
            log.warning("some background tasks did not finish within 10 s")
        for handle in demos:
            handle.stop()
        if demo:
            shutil.rmtree(root, ignore_errors=True)

    qapp.aboutToQuit.connect(shutdown)
    _exit_on_signals(qapp)
    return int(qapp.exec())


def prepare_demo(window: MainWindow, pool: TaskPool, root: Path, demos: list[Demo]) -> None:
    """Start the demo's server and fill its bucket in ``root`` in the pool, while the window
    says so; then open the demo bucket (or show why the demo did not start). The started demo
    is put in ``demos`` by the worker itself, so quitting meanwhile still stops it."""

    def start() -> Demo | Exception:
        from r2desk.demo import start_demo

        try:
            handle = start_demo(root)
        except Exception as exc:  # no server (a port, a broken install): the window says why
            log.exception("the demo did not start")
            return exc
        demos.append(handle)
        return handle

    def started(handle: Demo | Exception) -> None:
        if isinstance(handle, Exception):
            title = QCoreApplication.translate("app", "The demo could not be started")
            window.opening.preparing_failed(handle, title)
        else:
            window.opening.prepared(handle.element)

    window.opening.show_preparing(
        QCoreApplication.translate("app", "Preparing the demo…"),
        QCoreApplication.translate(
            "app",
            "Starting a local S3-compatible server inside r2desk and filling a demo bucket with "
            "sample files. Nothing here touches your account or the internet.",
        ),
    )
    # After the first frame: importing moto in a worker would compete with it for the GIL.
    window.opening.after_first_paint(
        lambda: pool.submit(start, on_result=started, on_crash=window.errors.crash, owner=window)
    )
