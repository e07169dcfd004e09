"""Watching a folder: a change is synced once it has settled; an idle folder costs no request."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from support.sync import write_tree
from support.transfers import PartRecorder

from r2desk import CloudflareR2Type
from r2desk.results import SyncReport
from r2desk.sync.run import Options
from r2desk.sync.sides import BucketSide, LocalSide
from r2desk.sync.watch import fingerprint, watch
from r2desk.transfers.control import CancelToken


def test_fingerprint_follows_names_sizes_and_mtimes(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a": b"1", "d/b": b"2"})
    first = fingerprint(str(tmp_path))
    assert fingerprint(str(tmp_path)) == first
    write_tree(tmp_path, {"d/b": b"2"}, mtime=1_800_000_000)
    assert fingerprint(str(tmp_path)) != first


def test_watch_syncs_changes_and_idles_quietly(
    tmp_path: Path, el: CloudflareR2Type, state_folder: Path
) -> None:
    src = tmp_path / "src"
    write_tree(src, {"a": b"1"})
    token = CancelToken()
    reports: list[SyncReport] = []
    worker = threading.Thread(
        target=watch,
        args=(LocalSide(str(src)), BucketSide(el, "w"), Options()),
        kwargs={
            "interval": 0.1,
            "debounce": 0.2,
            "cancel": token,
            "on_run": reports.append,
            "state_folder": state_folder,
        },
    )
    worker.start()
    try:
        deadline = time.monotonic() + 20
        while not reports and time.monotonic() < deadline:
            time.sleep(0.05)
        assert reports and el.download("w/a") == b"1"
        rec = PartRecorder()
        with rec.attached(el.client):
            time.sleep(0.6)  # idle: looks at the folder only
            assert rec.operations == []
            write_tree(src, {"b": b"22"})
            while len(reports) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
        assert len(reports) == 2 and reports[1]["totals"]["create"]["count"] == 1
        assert el.download("w/b") == b"22"
    finally:
        token.cancel()
        worker.join(10)
    assert not worker.is_alive()
