"""The Transfers menu: shortcuts, per-transfer pause/resume/cancel, asking before cancelling
everything, the Verifying state, and a finished transfer shown in the listing or its folder."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from support.gui import wait_listed

from r2desk.transfers.queue import State

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def queued(qtbot: Any, window: Any, tmp_path: Path, n: int) -> list[Any]:
    """``n`` small uploads, queued while the queue is paused (nothing starts yet)."""
    paths = []
    for i in range(n):
        path = tmp_path / f"file{i}.txt"
        path.write_bytes(b"x" * (i + 1))
        paths.append(path)
    window.queue.pause()
    window.upload_paths(paths, "up/")
    qtbot.waitUntil(lambda: len(window.queue.jobs) == n, timeout=10_000)
    return list(window.queue.jobs)


def select(window: Any, *rows: int) -> None:
    view = window.transfers.view
    view.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        view.selectionModel().select(window.queue.index(row, 0), flags)


def test_transfers_menu_has_the_commands_and_their_shortcuts(window: Any) -> None:
    menu = window.transfers_menu
    titles = [m.text() for m in window.menuBar().actions()]
    assert "&Transfers" in titles
    shortcuts = {a.text(): a.shortcut().toString() for a in menu.actions() if a.text()}
    assert shortcuts == {
        "&Pause": "Ctrl+P",
        "&Resume": "Ctrl+R",
        "&Cancel…": "Ctrl+.",
        "Re&try": "Ctrl+Shift+R",
        "C&lear finished": "Ctrl+Shift+L",
        "Show in &listing": "",
        "Open local &folder": "",
    }
    assert all(a.toolTip() for a in menu.actions() if a.text())


def test_ctrl_p_pauses_and_ctrl_r_resumes_the_queue(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    queued(qtbot, window, tmp_path, 1)
    window.queue.resume()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.transfers.view.clearSelection()
    qtbot.keyClick(window.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.queue.paused
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert not window.queue.paused


def test_pause_and_resume_one_transfer_while_the_others_run(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    first, second, third = queued(qtbot, window, tmp_path, 3)
    select(window, 0)
    window.transfers.act_pause.trigger()
    assert window.queue.state_text(first) == "Paused"
    window.queue.resume()  # the queue goes on; the paused one waits
    qtbot.waitUntil(
        lambda: second.state is State.DONE and third.state is State.DONE, timeout=30_000
    )
    assert first.state is State.QUEUED and window.queue.state_text(first) == "Paused"
    select(window, 0)
    assert window.transfers.act_resume.isEnabled()
    window.transfers.act_resume.trigger()
    qtbot.waitUntil(lambda: first.state is State.DONE, timeout=30_000)
    assert s3.get_object(Bucket=s3.bucket, Key="up/file0.txt")["Body"].read() == b"x"


def test_cancel_with_nothing_selected_asks_first(qtbot: Any, window: Any, tmp_path: Path) -> None:
    jobs = queued(qtbot, window, tmp_path, 3)
    select(window, 1)
    window.transfers.act_cancel.trigger()  # a selection: no question
    assert [j.state for j in jobs] == [State.QUEUED, State.CANCELLED, State.QUEUED]
    assert window.prompts.asked == []
    window.transfers.view.clearSelection()
    window.prompts.confirms = [False]
    window.transfers.act_cancel.trigger()
    assert window.prompts.asked[-1][0] == "Cancel transfers?"
    assert "all 2 unfinished transfers" in window.prompts.asked[-1][1]
    assert [j.state for j in jobs] == [State.QUEUED, State.CANCELLED, State.QUEUED]
    window.prompts.confirms = [True]
    window.transfers.act_cancel.trigger()
    assert all(j.state is State.CANCELLED for j in jobs)


def test_verifying_while_the_bytes_are_all_there(qtbot: Any, window: Any, tmp_path: Path) -> None:
    (job,) = queued(qtbot, window, tmp_path, 1)
    at_end, release = threading.Event(), threading.Event()
    original = job.report

    def report(done: int, total: int) -> None:
        original(done, total)
        if total and done >= total and not at_end.is_set():
            at_end.set()
            release.wait(10)

    job.report = report  # type: ignore[method-assign]
    window.queue.resume()
    qtbot.waitUntil(at_end.is_set, timeout=20_000)
    try:
        assert window.queue.state_text(job) == "Verifying…"
    finally:
        release.set()
    qtbot.waitUntil(lambda: job.state is State.DONE, timeout=20_000)
    assert window.queue.state_text(job) == "Done"


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_a_finished_transfer_is_shown_in_the_listing_and_its_folder(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    wait_listed(qtbot, window)
    (job,) = queued(qtbot, window, tmp_path, 1)
    window.queue.resume()
    qtbot.waitUntil(lambda: job.state is State.DONE, timeout=20_000)
    select(window, 0)
    window.transfers.act_reveal.trigger()
    qtbot.waitUntil(lambda: window.prefix == "up/")
    wait_listed(qtbot, window)
    qtbot.waitUntil(lambda: [r.key for r in window.state.selection] == ["up/file0.txt"])

    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        window.transfers.act_open_folder.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in opened.urls] == [str(tmp_path)]


def test_one_file_is_downloaded_under_the_name_chosen_in_a_save_dialog(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="docs/report.txt", Body=b"quarterly")
    window.navigate("docs/")
    wait_listed(qtbot, window)
    window.view.setCurrentIndex(window.model.index(window.model.row_for_key("docs/report.txt"), 0))
    target = tmp_path / "elsewhere" / "my copy.txt"
    target.parent.mkdir()
    window.prompts.save_paths.append(target)
    window.download()
    assert window.prompts.asked[-1][0] == "Download as"
    assert window.prompts.asked[-1][1].endswith("report.txt")  # the object's name is offered
    assert window.prompts.folders == []  # no folder question for one file
    qtbot.waitUntil(lambda: window.queue.idle and bool(window.queue.jobs), timeout=20_000)
    assert target.read_bytes() == b"quarterly"


def test_replace_keep_both_or_skip_with_apply_to_all(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        s3.put_object(Bucket=s3.bucket, Key=f"many/{name}", Body=b"new " + name.encode())
    window.refresh()
    wait_listed(qtbot, window)
    dest = tmp_path / "dl"
    (dest / "many").mkdir(parents=True)
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (dest / "many" / name).write_bytes(b"old")
    window.view.setCurrentIndex(window.model.index(window.model.row_for_key("many/"), 0))
    window.prompts.folders.append(dest)
    # a: keep both; b: replace; c and d: skip, "for the other files too" (asked once for both).
    window.prompts.replace_answers = [("keep", False), ("replace", False), ("skip", True)]
    window.download()
    qtbot.waitUntil(lambda: window.queue.idle and len(window.queue.jobs) == 2, timeout=20_000)
    asked = [text for title, text in window.prompts.asked if title == "Replace file?"]
    assert len(asked) == 3 and asked[0].endswith("(+3)") and asked[2].endswith("(+1)")
    many = dest / "many"
    assert (many / "a.txt").read_bytes() == b"old"
    assert (many / "a (2).txt").read_bytes() == b"new a.txt"
    assert (many / "b.txt").read_bytes() == b"new b.txt"
    assert (many / "c.txt").read_bytes() == b"old" and (many / "d.txt").read_bytes() == b"old"


def test_uploads_finishing_together_join_the_listing_in_one_update(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    """2,000 uploads finishing into the folder shown (and one into a subfolder, one of another
    connection) reach the listing in one update, not 2,000."""
    from r2desk.gui.transfers.model import TransferJob
    from r2desk.transfers.queue import UPLOAD

    s3.put_object(Bucket=s3.bucket, Key="old.txt", Body=b"o")
    window.refresh()
    wait_listed(qtbot, window)
    element = window.state.element
    inserts: list[tuple[int, int]] = []
    window.model.rowsInserted.connect(lambda _p, first, last: inserts.append((first, last)))
    counts = [0]
    original = window.browser.update_counts

    def counted() -> None:
        counts[0] += 1
        original()

    window.browser.update_counts = counted
    path = tmp_path / "x"
    jobs = [TransferJob(UPLOAD, element, f"new{i:04d}.txt", path, 3) for i in range(2000)]
    jobs.append(TransferJob(UPLOAD, element, "sub/deep.txt", path, 3))
    jobs.append(TransferJob(UPLOAD, object(), "other.txt", path, 3))  # another connection
    for job in jobs:
        window.queue.job_finished.emit(job)  # as the queue says when each one is done
    assert inserts == []  # not one per file
    qtbot.waitUntil(lambda: bool(inserts), timeout=5_000)
    names = [r.name for r in window.model.rows()]
    assert names[0] == "sub" and names[1:3] == ["new0000.txt", "new0001.txt"]
    assert len(names) == 2 + 2000 and "other.txt" not in names
    # One insert (and count) for the folder block, one for the files' block.
    assert len(inserts) <= 2 and counts[0] <= 2
    assert "2,001 objects, 1 folder" in window.browser.count_label.text()
