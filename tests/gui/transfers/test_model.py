"""The queue's table model stays a thin view: a 100,000-file batch costs O(n) in all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from r2desk.gui.transfers.model import TransferJob, TransferQueue
from r2desk.transfers.control import CancelToken
from r2desk.transfers.queue import UPLOAD, State

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


class FakeElement:
    """Counts the engine calls the jobs make."""

    def __init__(self) -> None:
        self.calls = 0

    def uploadFromPath(self, key: str, path: str, **_: Any) -> dict[str, Any]:
        self.calls += 1
        return {"key": key, "resumed": False}


class FakeTask:
    def __init__(self) -> None:
        self.cancel_token = CancelToken()

    def cancel(self) -> None:
        self.cancel_token.cancel()


class FakeThreads:
    def __init__(self) -> None:
        self.count = 8

    def maxThreadCount(self) -> int:
        return self.count

    def setMaxThreadCount(self, count: int) -> None:
        self.count = count


class FakePool:
    """Records submissions; the test runs them one by one on this thread."""

    def __init__(self) -> None:
        self.pool = FakeThreads()
        self.submitted: list[tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = []

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> FakeTask:
        task = FakeTask()
        self.submitted.append((fn, args, {**kwargs, "task": task}))
        return task


def test_a_100000_file_batch_is_added_and_run_in_linear_work(qapp: Any) -> None:
    n = 100_000
    pool, element = FakePool(), FakeElement()
    queue = TransferQueue(pool, concurrency=3)  # type: ignore[arg-type]
    inserts: list[tuple[int, int]] = []
    queue.rowsInserted.connect(lambda _parent, first, last: inserts.append((first, last)))
    changes = [0]
    queue.dataChanged.connect(lambda *_: changes.__setitem__(0, changes[0] + 1))
    jobs = [
        TransferJob(UPLOAD, element, f"drop/{i}.txt", Path(f"/tmp/{i}.txt"), 1, total=1)  # type: ignore[arg-type]
        for i in range(n)
    ]
    queue.add_many(jobs)
    assert inserts == [(0, n - 1)]  # one model insert for the whole drop
    assert len(pool.submitted) == 3 and queue.rules.examined < 10
    ran = 0
    while pool.submitted:
        fn, args, kwargs = pool.submitted.pop()
        kwargs["on_result"](fn(*args, cancel=kwargs["task"].cancel_token))
        ran += 1
    assert ran == n and element.calls == n and queue.idle
    assert all(job.state is State.DONE for job in jobs)
    # Each event looks at O(1) jobs and repaints only the job's own row.
    assert queue.rules.examined <= 5 * n, queue.rules.examined
    assert changes[0] <= 3 * n, changes[0]


def test_the_panel_checks_its_commands_a_few_times_a_second_not_per_job(
    qtbot: Any, qapp: Any
) -> None:
    """Each check looks at every job: per finished job, a 2,000-file drop froze the window for
    seconds. The commands still end up matching the final state."""
    from r2desk.gui.transfers.panel import TransferPanel

    class CountingPanel(TransferPanel):
        checks = 0

        def update_actions(self) -> None:
            CountingPanel.checks += 1
            super().update_actions()

    pool, element = FakePool(), FakeElement()
    queue = TransferQueue(pool, concurrency=4)  # type: ignore[arg-type]
    panel = CountingPanel(queue)
    qtbot.addWidget(panel)
    changes = [0]
    queue.dataChanged.connect(lambda *_: changes.__setitem__(0, changes[0] + 1))
    n = 2000
    queue.add_many(
        [
            TransferJob(UPLOAD, element, f"drop/{i}", Path(f"/tmp/{i}"), 1, total=1)  # type: ignore[arg-type]
            for i in range(n)
        ]
    )
    before = CountingPanel.checks
    while pool.submitted:
        fn, args, kwargs = pool.submitted.pop()
        kwargs["on_result"](fn(*args, cancel=kwargs["task"].cancel_token))
    assert queue.idle and changes[0] >= n
    qtbot.waitUntil(lambda: panel.act_clear.isEnabled())
    assert not panel.act_cancel.isEnabled()  # nothing left to cancel
    assert CountingPanel.checks - before <= 3


def test_the_panel_judges_the_whole_queue_by_its_counts(qtbot: Any, qapp: Any) -> None:
    """With nothing selected the commands follow the queue's counts per state: right after
    finishes, failures, cancels and holds, and without walking the 2,000 jobs each time."""
    from r2desk.gui.transfers.panel import TransferPanel

    class CountedList(list):  # type: ignore[type-arg]
        walks = 0

        def __iter__(self) -> Any:
            CountedList.walks += 1
            return super().__iter__()

    pool, element = FakePool(), FakeElement()
    queue = TransferQueue(pool, concurrency=2)  # type: ignore[arg-type]
    panel = TransferPanel(queue)
    qtbot.addWidget(panel)
    queue.add_many(
        [
            TransferJob(UPLOAD, element, f"drop/{i}", Path(f"/tmp/{i}"), 1, total=1)  # type: ignore[arg-type]
            for i in range(2000)
        ]
    )
    queue.rules.jobs = CountedList(queue.rules.jobs)

    def check() -> tuple[bool, ...]:
        CountedList.walks = 0
        panel.update_actions()
        assert CountedList.walks == 0
        acts = (panel.act_pause, panel.act_resume, panel.act_cancel, panel.act_retry)
        return (*(a.isEnabled() for a in acts), panel.act_clear.isEnabled())

    assert check() == (True, False, True, False, False)  # pause, resume, cancel, retry, clear
    pool.submitted[0][2]["on_result"]({})  # the first upload succeeds
    assert check() == (True, False, True, False, True)  # one done: clear
    queue.rules.fail(queue.jobs[1], "boom")
    assert check() == (True, False, True, True, True)  # one failed: retry
    queue.pause_jobs([queue.jobs[5]])
    assert check() == (True, True, True, True, True)  # one held: resume
    queue.resume_jobs([queue.jobs[5]])
    queue.cancel(None)  # the queued ones at once; the running ones when their workers stop
    for job in queue.running:
        queue.rules.stopped(job)
    assert check() == (False, False, False, True, True)
    queue.clear_finished()
    assert check() == (False, False, False, False, False)
