"""Take the README's bucket screenshots from the real app on the embedded demo.

Run ``python scripts/bucket_screenshots.py`` with a display (or under ``xvfb-run``): the demo
gets two more buckets, an unfinished upload and a few rules, then the sidebar's bucket list, the
bucket settings dialog (CORS, lifecycle) and the unfinished-uploads view are saved to
``docs/screenshots/``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    os.environ.setdefault("R2DESK_STATE_DIR", tempfile.mkdtemp(prefix="r2desk-shots-state-"))
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication, QSplitter

    from r2desk.demo import start_demo
    from r2desk.errors import StorageError
    from r2desk.gui.app import build_main_window, ensure_qapplication, settings_for
    from r2desk.gui.buckets.settings_dialog import BucketSettingsDialog
    from r2desk.gui.buckets.uploads_view import UnfinishedUploadsDialog
    from r2desk.gui.tasks import TaskPool
    from r2desk.storages.bucket_rules import cors_presets, new_lifecycle_rule
    from r2desk.transfers.control import CancelToken

    QSettings.setPath(
        QSettings.Format.NativeFormat,
        QSettings.Scope.UserScope,
        tempfile.mkdtemp(prefix="r2desk-shots-"),
    )
    ensure_qapplication(["r2desk"])

    def pump(seconds: float, until: object = None) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if callable(until) and until():
                return
            time.sleep(0.01)

    demo = start_demo()
    element = demo.app.getElement(demo.element)
    for name in ("r2desk-demo-archive", "r2desk-demo-site"):
        element.createBucket(name)
    site = element.forBucket("r2desk-demo-site")
    site.putBucketCors(
        [cors_presets("https://www.example.com")["Allow browser uploads from my site"]]
    )
    rule = new_lifecycle_rule("clean-tmp", "tmp/")
    rule["expireDays"], rule["abortMultipartDays"] = 3, 7
    archive = new_lifecycle_rule("archive-to-ia", "archive/")
    archive["transitionDays"] = 30
    site.putBucketLifecycle([rule, archive])
    big = Path(tempfile.mkdtemp(prefix="r2desk-shots-files-")) / "holiday-video.mp4"
    big.write_bytes(os.urandom(40 * 1024 * 1024))
    site.uploadByFile("index.html", b"<!doctype html><title>site</title>", "text/html")
    site.uploadByFile("assets/app.js", b"console.log('hi')", "text/javascript")
    site.uploadByFile("archive/2025-report.pdf", b"%PDF-1.7" * 2000, "application/pdf")

    def weed_element() -> Any:
        """An element on SeaweedFS (real start times, unlike moto's fixed one) holding an
        unfinished upload this computer can resume and one it cannot."""
        sys.path.insert(0, str(ROOT / "tests"))
        from support.servers import start_seaweed

        from r2desk.elements import App
        from r2desk.elements.connection import Connection
        from r2desk.elements.store import write_file_element

        weed = start_seaweed(tempfile.mkdtemp(prefix="r2desk-shots-weed-"))
        stops.append(weed.stop)
        bucket = weed.s3.make_bucket("media-uploads")
        root = Path(tempfile.mkdtemp(prefix="r2desk-shots-app-"))
        conn = Connection(
            name="Media",
            title="Media",
            endPoint=weed.s3.endpoint_url,
            bucketName=bucket,
            accessKeyId=weed.s3.access_key,
        )
        write_file_element(root, conn, weed.s3.secret_key)
        el = App(root).getElement("storages.Media")
        abort = new_lifecycle_rule("abort-unfinished", "")
        abort["abortMultipartDays"] = 7
        el.putBucketLifecycle([abort])
        el.max_concurrency = 1
        stop = CancelToken()
        with contextlib.suppress(StorageError):  # paused on purpose: the journal keeps it
            el.uploadFromPath(
                "videos/holiday-video.mp4",
                str(big),
                progress=lambda done, _t: stop.pause() if done >= 30 * 1024 * 1024 else None,
                cancel=stop,
            )
        el.client.create_multipart_upload(Bucket=bucket, Key="backups/db.tar")
        return el

    stops: list[Any] = []
    pool = TaskPool(max_threads=8)
    window = build_main_window(demo.app, pool, settings=settings_for(demo=True))
    window.errors.dialogs_enabled = False
    window.setWindowTitle("r2desk (demo)")
    window.resize(1100, 640)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        pump(5, lambda: window.model.complete)
        conn = window.sidebar.list.topLevelItem(0)
        conn.setExpanded(True)
        pump(10, lambda: conn.childCount() == 3 and conn.child(0).data(0, 257) == "bucket")
        window.sidebar.list.setCurrentItem(conn.child(2))
        pump(5, lambda: window.element is not None and window.element.where.bucket.endswith("site"))
        pump(5, lambda: window.model.complete)
        window.transfer_dock.hide()
        splitter = window.findChild(QSplitter)
        if splitter is not None:
            sizes = splitter.sizes()
            splitter.setSizes([260, *[max(100, n - 100) for n in sizes[1:]]])
        pump(0.5)
        window.grab().save(str(OUT / "sidebar-buckets.png"))

        dialog = BucketSettingsDialog(site, pool, window)
        dialog.resize(900, 560)
        dialog.show()
        pump(10, lambda: dialog.cors.supported is not None and dialog.lifecycle.supported)
        pump(0.5)
        dialog.grab().save(str(OUT / "bucket-settings-cors.png"))
        dialog.tabs.setCurrentIndex(1)
        pump(0.5)
        dialog.grab().save(str(OUT / "bucket-settings-lifecycle.png"))
        dialog.close()

        uploads = UnfinishedUploadsDialog(weed_element(), pool, window)
        uploads.show()
        pump(10, lambda: len(uploads.rows) == 2)
        uploads.table.selectRow(next(n for n, r in enumerate(uploads.rows) if r["resumable"]))
        pump(0.5)
        uploads.grab().save(str(OUT / "unfinished-uploads.png"))
        uploads.close()
    finally:
        window.close()
        pool.shutdown(10_000)
        demo.stop()
        for stop in stops:
            stop()
        QApplication.processEvents()
    print(f"wrote the bucket screenshots to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
