"""Drop to upload, the transfer queue's progress, cancel, retry and pause, and downloads."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from support.gui import wait_listed

from r2desk.transfers.queue import State

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def drop(window: Any, paths: list[Path], row: int | None = None) -> None:
    """Deliver a desktop drop of ``paths`` onto the view (on ``row``, else on empty space)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    view = window.view
    if row is None:
        pos = QPointF(view.viewport().width() - 5, view.viewport().height() - 5)
    else:
        pos = QPointF(view.visualRect(window.model.index(row, 0)).center())
    event = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    assert event.isAccepted()


def keys(s3: Any) -> set[str]:
    return {o["Key"] for o in s3.list_objects_v2(Bucket=s3.bucket).get("Contents", [])}


def test_drop_files_and_a_folder_uploads_with_relative_keys(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="into/existing.txt", Body=b"e")
    window.refresh()
    wait_listed(qtbot, window)
    local = tmp_path / "local"
    (local / "photos" / "2026").mkdir(parents=True)
    (local / "photos" / "empty").mkdir()
    (local / "a file.txt").write_bytes(b"A" * 1000)
    (local / "photos" / "cat.png").write_bytes(b"png")
    (local / "photos" / "2026" / "día 1.jpg").write_bytes(b"jpg")
    (local / "second.bin").write_bytes(os.urandom(20_000))

    drop(window, [local / "a file.txt", local / "photos"])
    qtbot.waitUntil(lambda: window.queue.idle and bool(window.queue.jobs), timeout=30_000)
    assert [j.state for j in window.queue.jobs] == [State.DONE] * 3
    assert keys(s3) >= {
        "a file.txt",
        "photos/cat.png",
        "photos/2026/día 1.jpg",
        "photos/empty/",
        "into/existing.txt",
    }
    assert s3.get_object(Bucket=s3.bucket, Key="a file.txt")["Body"].read() == b"A" * 1000
    # The listing shows the new entries without listing again.
    qtbot.waitUntil(lambda: {"a file.txt", "photos"} <= {r.name for r in window.model.rows()})

    # A drop onto a folder row uploads into that folder.
    row = window.model.row_for_key("into/")
    drop(window, [local / "second.bin"], row=row)
    qtbot.waitUntil(lambda: len(window.queue.jobs) == 4 and window.queue.idle, timeout=30_000)
    assert "into/second.bin" in keys(s3)
    assert (
        "Queued 1 file" in window.errors.last_message or window.queue.jobs[-1].state is State.DONE
    )


def test_drop_reports_problems_at_once(qtbot: Any, window: Any, tmp_path: Path) -> None:
    long_name = tmp_path / ("n" * 200)
    long_name.mkdir()
    deep = long_name
    for _ in range(5):
        deep = deep / ("d" * 200)
        deep.mkdir()
    (deep / "f.txt").write_bytes(b"x")
    drop(window, [long_name, tmp_path / "missing.txt"])  # planned in a worker, before queueing
    qtbot.waitUntil(lambda: "2 items cannot be uploaded" in window.errors.last_message)
    assert not window.queue.jobs
    asked = window.prompts.asked
    assert asked == [] or "cannot be uploaded" in asked[0][0]


def test_queue_progress_cancel_retry_and_pause(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    queue = window.queue
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(12 * 1024 * 1024))
    gone = tmp_path / "gone.txt"
    gone.write_bytes(b"soon gone")
    queue.set_concurrency(1)
    queue.pause()
    window.upload_paths([big, gone], "")  # planned in a worker, queued when it is done
    qtbot.waitUntil(lambda: len(queue.jobs) == 2, timeout=10_000)
    job, doomed = queue.jobs
    assert queue.state_text(job) == "Paused" and job.state is State.QUEUED

    # Block the running job inside its progress callback until the test cancels it.
    reports: list[tuple[int, int]] = []
    release = threading.Event()
    original = job.report

    def blocking_report(done: int, total: int) -> None:
        reports.append((done, total))
        original(done, total)
        if len(reports) == 1:
            release.wait(10)

    job.report = blocking_report  # type: ignore[method-assign]
    gone.unlink()
    queue.resume()
    qtbot.waitUntil(lambda: job.state is State.RUNNING and bool(reports))
    queue.cancel([job])
    assert queue.state_text(job) == "Cancelling…"
    release.set()
    qtbot.waitUntil(lambda: job.state is State.CANCELLED, timeout=20_000)
    # The next job ran (one at a time) and failed in words: its file vanished.
    qtbot.waitUntil(lambda: doomed.state is State.FAILED, timeout=20_000)
    assert "gone.txt" in doomed.error or "local file" in doomed.error
    assert queue.data(queue.index(1, 6)).startswith("Failed: ")

    # Retry both: the file is back, the big one runs to the end with progress updates.
    gone.write_bytes(b"back again")
    job.report = original  # type: ignore[method-assign]
    progress_seen: list[int] = []
    queue.dataChanged.connect(lambda *_: progress_seen.append(queue.progress(job)))
    queue.retry()
    qtbot.waitUntil(lambda: queue.idle, timeout=60_000)
    assert (job.state, doomed.state) == (State.DONE, State.DONE)
    assert queue.progress(job) == 100 and progress_seen
    body = s3.get_object(Bucket=s3.bucket, Key="big.bin")["Body"].read()
    assert body == big.read_bytes()
    queue.clear_finished()
    assert queue.rowCount() == 0


def test_download_files_and_folders(qtbot: Any, window: Any, s3: Any, tmp_path: Path) -> None:
    for key, body in (("d/one.txt", b"1"), ("d/sub/two.txt", b"22"), ("solo.txt", b"s")):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=body)
    window.refresh()
    wait_listed(qtbot, window)
    dest = tmp_path / "dl"
    dest.mkdir()
    window.prompts.folders.append(dest)
    window.view.selectAll()
    window.download()
    qtbot.waitUntil(lambda: len(window.queue.jobs) == 3 and window.queue.idle, timeout=30_000)
    assert (dest / "d" / "sub" / "two.txt").read_bytes() == b"22"
    assert (dest / "d" / "one.txt").read_bytes() == b"1"
    assert (dest / "solo.txt").read_bytes() == b"s"


def test_pause_keeps_the_upload_and_resume_continues_it(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    queue = window.queue
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(40 * 1024 * 1024))
    queue.set_concurrency(1)
    queue.pause()
    window.upload_paths([big], "")
    qtbot.waitUntil(lambda: len(queue.jobs) == 1, timeout=10_000)
    (job,) = queue.jobs
    held, release = threading.Event(), threading.Event()
    original = job.report

    def holding_report(done: int, total: int) -> None:
        original(done, total)
        if 0 < done < total and not held.is_set():
            held.set()
            release.wait(10)

    job.report = holding_report  # type: ignore[method-assign]
    queue.resume()
    qtbot.waitUntil(held.is_set, timeout=20_000)
    queue.pause()
    assert queue.state_text(job) == "Pausing…"
    release.set()
    qtbot.waitUntil(lambda: job.state is not State.RUNNING, timeout=20_000)
    assert job.state is State.QUEUED, (job.state, job.error)
    assert [u["ours"] for u in job.element.listUploads()] == [True]  # kept, not aborted
    job.report = original  # type: ignore[method-assign]
    checking, go_on = threading.Event(), threading.Event()
    original_phase = job.phase

    def holding_phase(name: str | None) -> None:
        original_phase(name)
        if name is not None and not checking.is_set():
            checking.set()
            go_on.wait(10)

    job.phase = holding_phase  # type: ignore[method-assign]
    queue.resume()
    # Resuming re-hashes what the server kept; no bytes move, and the row says why.
    qtbot.waitUntil(checking.is_set, timeout=20_000)
    try:
        assert queue.state_text(job) == "Verifying…"
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: job.state is State.DONE, timeout=60_000)
    assert job.result["resumed"] is True
    assert s3.get_object(Bucket=s3.bucket, Key="big.bin")["Body"].read() == big.read_bytes()
    assert job.element.listUploads() == []
