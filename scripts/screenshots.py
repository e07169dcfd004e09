"""Take the README's screenshots from the real app running on the embedded demo.

Run ``python scripts/screenshots.py``: without a display it re-runs itself under ``xvfb-run``
(a real X server, the platform's style), falling back to Qt's offscreen platform with the
Fusion style when Xvfb is not installed. Writes ``docs/screenshots/main-window.png``,
``grid-view.png``, ``transfer-queue.png``, ``search-results.png`` and ``edit-conflict.png``: each
is the real flow (a search run over the demo bucket; an edited file whose object changed on the
server meanwhile). Name some of them (without ``.png``) to take only those.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)


def _reexec_under_xvfb() -> None:
    if os.environ.get("DISPLAY") or os.environ.get("R2DESK_SCREENSHOT_CHILD"):
        return
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("xvfb-run not found: using the offscreen platform with the Fusion style")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    env = dict(os.environ, R2DESK_SCREENSHOT_CHILD="1")
    env.pop("QT_QPA_PLATFORM", None)
    screen = f"-screen 0 {SIZE[0] + 40}x{SIZE[1] + 40}x24"
    cmd = [xvfb, "-a", "-s", screen, sys.executable, __file__, *sys.argv[1:]]
    raise SystemExit(subprocess.call(cmd, env=env))


def screen_shot(window: object, path: Path) -> None:
    """The window and the dialogs over it, as the screen shows them (cut to the window)."""
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(window, QWidget)
    geo = window.frameGeometry()
    screen = QApplication.primaryScreen()
    screen.grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height()).save(str(path))


def main() -> int:
    # The demo's uploads are throwaway: keep their journal out of the user's state folder.
    os.environ.setdefault("R2DESK_STATE_DIR", tempfile.mkdtemp(prefix="r2desk-shots-state-"))
    os.environ.setdefault("R2DESK_CACHE_DIR", tempfile.mkdtemp(prefix="r2desk-shots-cache-"))
    _reexec_under_xvfb()
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QSettings, QTimer, QUrl, Slot
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QApplication, QMessageBox

    from r2desk.demo import start_demo
    from r2desk.gui.app import build_main_window, ensure_qapplication, settings_for
    from r2desk.gui.tasks import TaskPool

    settings_dir = tempfile.mkdtemp(prefix="r2desk-shots-")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, settings_dir)
    qapp = ensure_qapplication(["r2desk"])
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        qapp.setStyle("Fusion")

    def pump(seconds: float, until: object = None) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if callable(until) and until():
                return
            time.sleep(0.01)

    demo = start_demo()
    pool = TaskPool(max_threads=8)
    window = build_main_window(
        demo.app, pool, offer_keyring_moves=False, settings=settings_for(demo=True)
    )
    window.errors.dialogs_enabled = False
    window.setWindowTitle("r2desk (demo)")
    window.resize(*SIZE)
    window.show()
    pump(5, lambda: window.model.complete and window.model.rowCount() > 0)
    OUT.mkdir(parents=True, exist_ok=True)
    names = ("main-window", "grid-view", "transfer-queue", "search-results", "edit-conflict")
    wanted = set(sys.argv[1:]) or set(names)

    def save(grab: object, name: str) -> None:
        if name in wanted:
            grab.save(str(OUT / f"{name}.png"))  # type: ignore[attr-defined]

    try:
        # Main window: the images folder with the picture selected and previewed.
        window.navigate("images/")
        pump(5, lambda: window.model.complete and window.model.rowCount() > 0)
        row = window.model.row_for_key("images/sunrise.png")
        window.view.selectRow(row)
        pump(5, lambda: window.preview.shown_key == "images/sunrise.png")
        pump(0.3)
        window.transfer_dock.hide()
        pump(0.3)
        save(window.grab(), "main-window")

        # Grid view: the same folder as icons, its thumbnails loaded.
        window.acts.act_view_icons.trigger()
        thumbs = window.browser.thumbnails
        pump(10, lambda: len(thumbs._memory) >= 6 and not thumbs.running and not thumbs.waiting)
        pump(0.3)
        save(window.grab(), "grid-view")
        window.acts.act_view_details.trigger()
        if not wanted & {"transfer-queue", "search-results", "edit-conflict"}:
            return 0

        # Transfer queue: several uploads running, one done, one cancelled, one failed.
        window.transfer_dock.show()
        window.navigate("")
        pump(5, lambda: window.model.complete)
        tmp = Path(tempfile.mkdtemp(prefix="r2desk-shots-files-"))
        files = []
        for name, size in (
            ("notes.txt", 20_000),
            ("holiday-video.mp4", 160 * 1024 * 1024),
            ("backup-2026-11.tar.gz", 120 * 1024 * 1024),
            ("dataset.parquet", 96 * 1024 * 1024),
            ("photo.jpg", 3 * 1024 * 1024),
        ):
            path = tmp / name
            with open(path, "wb") as fh:
                fh.truncate(size)  # sparse: fast to make, real bytes to upload
            files.append(path)
        vanished = tmp / "vanished.log"
        vanished.write_bytes(b"x")
        window.queue.set_concurrency(2)
        window.queue.pause()
        window.upload_paths([files[0], vanished, *files[1:]], "")
        pump(20, lambda: len(window.queue.jobs) == len(files) + 1)  # planned in a worker
        vanished.unlink()  # fails in words when its turn comes
        jobs = window.queue.jobs
        window.queue.cancel([jobs[5]])
        window.queue.resume()
        pump(20, lambda: jobs[2].total and jobs[2].done > jobs[2].total * 0.35)
        pump(0.6)
        window.transfer_dock.raise_()
        save(window.grab(), "transfer-queue")
        window.queue.cancel()
        pump(5, lambda: not window.queue.running)
        window.transfer_dock.hide()

        # Search: the whole bucket for "*.txt", results as they came in.
        window.statusBar().clearMessage()
        window.navigate("")
        pump(5, lambda: window.model.complete)
        window.files.search()
        dialog = window.files.search_dialog
        assert dialog is not None
        dialog.pattern.setText("*.txt")
        dialog.move(window.frameGeometry().center() - dialog.rect().center())
        dialog.start()
        pump(10, lambda: dialog.task is None)
        pump(0.5)
        if "search-results" in wanted:
            screen_shot(window, OUT / "search-results.png")
        dialog.close()

        # Edit conflict: Edit in place, the object changes on the server, then the user saves.
        class Opener(QObject):
            @Slot(QUrl)
            def open(self, url: QUrl) -> None:  # no desktop editor under Xvfb: the script edits
                opened.append(url.toLocalFile())

        opened: list[str] = []
        opener = Opener()
        QDesktopServices.setUrlHandler("file", opener, "open")
        window.navigate("docs/")
        pump(5, lambda: window.model.complete and window.model.rowCount() > 0)
        window.view.selectRow(window.model.row_for_key("docs/notes.md"))
        pump(0.3)
        window.acts.act_edit.trigger()
        pump(10, lambda: bool(opened))
        element = window.element
        assert element is not None
        element.uploadByFile("docs/notes.md", b"# Notes\n\nChanged by a colleague meanwhile.\n")
        shots: list[bool] = []

        def check() -> None:  # the box runs its own loop: a timer sees it, a pump would not
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox) and not shots:
                shots.append(True)

                def shoot() -> None:
                    if "edit-conflict" in wanted:
                        screen_shot(window, OUT / "edit-conflict.png")
                    box.reject()  # Discard my edit: the colleague's version stays

                QTimer.singleShot(600, shoot)

        poll = QTimer()
        poll.timeout.connect(check)
        poll.start(100)
        Path(opened[0]).write_text("# Notes\n\nMy edit.\n")
        pump(20, lambda: bool(shots) and QApplication.activeModalWidget() is None)
        poll.stop()
        window.files.edits.stop_watching(opened[0])
    finally:
        window.queue.cancel()
        pump(5, lambda: not window.queue.running)
        window.close()
        pool.shutdown(10_000)
        demo.stop()
        QApplication.processEvents()
    print(f"wrote {', '.join(n for n in names if n in wanted)} in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
