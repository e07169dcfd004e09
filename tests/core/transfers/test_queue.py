"""The queue's rules without Qt: order, concurrency, pause/resume, cancel, retry, totals, O(n)."""

from __future__ import annotations

from pathlib import Path

from r2desk.transfers.queue import DOWNLOAD, UPLOAD, Job, JobQueue, State, Totals


class FakeElement:
    """Counts the calls a runner makes; the queue itself never calls the element."""

    def __init__(self) -> None:
        self.calls = 0

    def uploadFromPath(self, key: str, path: str) -> dict[str, str]:
        self.calls += 1
        return {"key": key}


class Runner:
    """Records what the queue starts and stops; the test ends the jobs itself."""

    def __init__(self) -> None:
        self.started: list[Job[FakeElement]] = []
        self.stops: list[tuple[Job[FakeElement], bool]] = []

    def start(self, job: Job[FakeElement]) -> None:
        self.started.append(job)

    def stop(self, job: Job[FakeElement], pause: bool) -> None:
        self.stops.append((job, pause))


def make(n: int, concurrency: int = 2) -> tuple[JobQueue[FakeElement], Runner, FakeElement]:
    runner, element = Runner(), FakeElement()
    queue: JobQueue[FakeElement] = JobQueue(runner.start, runner.stop, concurrency=concurrency)
    jobs = [Job(UPLOAD, element, f"k{i}", Path(f"f{i}"), 10, total=10) for i in range(n)]
    queue.add(jobs)
    return queue, runner, element


def test_starts_in_order_up_to_the_limit_and_next_on_finish() -> None:
    queue, runner, _ = make(5)
    assert not runner.started and queue.totals() == Totals(0, 50, 0, 5)
    queue.pump()
    assert [j.key for j in runner.started] == ["k0", "k1"]
    assert [j.state for j in queue.jobs] == [State.RUNNING] * 2 + [State.QUEUED] * 3
    first = runner.started[0]
    first.report(4, 10)
    assert queue.totals() == Totals(4, 50, 2, 3)
    queue.finish(first, {"ok": True})
    assert first.state is State.DONE and first.done == 10 and first.result == {"ok": True}
    assert [j.key for j in runner.started] == ["k0", "k1", "k2"]
    assert queue.totals() == Totals(10, 50, 2, 2)
    queue.set_concurrency(4)
    assert [j.key for j in runner.started][-2:] == ["k3", "k4"]
    assert queue.set_concurrency(99) == 16 and queue.set_concurrency(0) == 1


def test_pause_requeues_running_jobs_and_resume_restarts_them_first() -> None:
    queue, runner, _ = make(4)
    queue.pump()
    assert queue.pause() and not queue.pause()
    assert [(j.key, pause) for j, pause in runner.stops] == [("k0", True), ("k1", True)]
    assert all(j.stopping and j.requeue for j in runner.started)
    for job in list(runner.started):
        queue.stopped(job)
    assert [j.state for j in queue.jobs] == [State.QUEUED] * 4
    queue.pump()  # paused: nothing starts
    assert len(runner.started) == 2
    assert queue.resume() and not queue.resume()
    assert [j.key for j in runner.started[2:]] == ["k0", "k1"]


def test_cancel_retry_fail_and_clear_finished() -> None:
    queue, runner, _ = make(4)
    queue.pump()
    running, queued = runner.started[0], queue.jobs[3]
    queue.cancel([running, queued])
    assert queued.state is State.CANCELLED
    assert runner.stops == [(running, False)] and running.state is State.RUNNING
    queue.stopped(running)
    assert running.state is State.CANCELLED
    assert [j.key for j in runner.started] == ["k0", "k1", "k2"]
    queue.fail(runner.started[1], "no such file", FileNotFoundError("f1"))
    assert queue.jobs[1].state is State.FAILED and queue.jobs[1].error == "no such file"
    queue.finish(runner.started[2], None)
    assert queue.idle
    queue.retry()  # the failed and the cancelled ones, from the start
    assert [j.state for j in queue.jobs] == [State.RUNNING, State.RUNNING, State.DONE, State.QUEUED]
    assert queue.jobs[1].error == "" and queue.jobs[1].exception is None
    assert queue.clear_finished() and not queue.clear_finished()
    assert [j.key for j in queue.jobs] == ["k0", "k1", "k3"] and [j.row for j in queue.jobs] == [
        0,
        1,
        2,
    ]
    assert queue.totals() == Totals(0, 30, 2, 1)
    queue.finish(queue.jobs[0], None)
    assert runner.started[-1].key == "k3"  # the heap was rebuilt on the new rows


def test_cancel_all_and_names() -> None:
    queue, runner, element = make(3)
    queue.pump()
    queue.cancel()
    assert [j.state for j in queue.jobs] == [State.RUNNING, State.RUNNING, State.CANCELLED]
    assert len(runner.stops) == 2
    down = Job(DOWNLOAD, element, "a/b", Path("/tmp/b"), 1)
    assert down.name == "/tmp/b" and queue.jobs[0].name == "k0"


def test_tick_smooths_speed_of_running_jobs_only() -> None:
    now = [100.0]
    runner, element = Runner(), FakeElement()
    queue: JobQueue[FakeElement] = JobQueue(runner.start, runner.stop, clock=lambda: now[0])
    queue.add([Job(UPLOAD, element, f"k{i}", Path("f"), 1000) for i in range(5)])
    queue.pump()
    job = runner.started[0]
    job.report(500, 1000)
    now[0] += 1.0
    assert len(queue.tick()) == 3
    assert job.speed == 500.0
    job.report(600, 1000)
    now[0] += 1.0
    queue.tick()
    assert job.speed == 0.7 * 500 + 0.3 * 100


def test_a_100000_file_add_and_run_is_linear() -> None:
    """Every event looks at O(1) jobs: n adds and n finishes examine a few times n jobs."""
    n = 100_000
    queue, runner, element = make(n, concurrency=3)
    assert queue.examined == 0  # adding looks at no other job
    queue.pump()
    finished = 0
    while runner.started:
        job = runner.started.pop()
        job.report(5, 10)
        element.uploadFromPath(job.key, str(job.path))
        queue.finish(job, None)
        queue.totals()  # what the view asks after every event
        finished += 1
    assert finished == n and element.calls == n and queue.idle
    assert queue.totals() == Totals(10 * n, 10 * n, 0, 0)
    # One heap pop per start plus the running jobs (at most 3) summed per event.
    assert queue.examined <= 5 * n, queue.examined


def test_hold_pauses_one_job_while_the_others_go_on() -> None:
    queue, runner, _ = make(4)
    queue.pump()
    first, second = runner.started
    queue.hold([first, queue.jobs[2]])  # one running, one waiting
    assert runner.stops == [(first, True)]  # paused (resumable), not cancelled
    queue.stopped(first)
    assert first.state is State.QUEUED and first.held
    # Its slot goes to the next job not held: k3, skipping the held k2.
    assert [j.key for j in runner.started] == ["k0", "k1", "k3"]
    queue.finish(second, {})
    assert [j.key for j in runner.started] == ["k0", "k1", "k3"]  # nothing else may start
    queue.release([queue.jobs[2], first])
    assert [j.key for j in runner.started] == ["k0", "k1", "k3", "k0"]  # row order again
    assert not first.held and queue.jobs[2].state is State.QUEUED
    queue.cancel([queue.jobs[2]])
    assert queue.jobs[2].state is State.CANCELLED


def test_the_counts_per_state_follow_every_change_without_a_scan() -> None:
    """The panel's commands ask how many jobs wait, run, failed, are held: kept as the jobs
    change (a scan of a 2,000-file drop per change froze the window), always equal to a
    recount."""
    import random

    rng = random.Random(14)
    queue, _runner, element = make(40, concurrency=3)
    queue.pump()

    def recount() -> None:
        for state in State:
            assert queue.count(state) == sum(j.state is state for j in queue.jobs), state
        assert queue.unfinished == sum(not j.state.finished for j in queue.jobs)
        assert queue.finished == sum(j.state.finished for j in queue.jobs)
        held = sum(j.held and not j.state.finished for j in queue.jobs)
        assert queue.held_count == held

    recount()
    for _ in range(400):
        running = queue.running
        some = rng.sample(queue.jobs, min(3, len(queue.jobs))) if queue.jobs else []
        step = rng.randrange(9)
        if step == 0 and running:
            queue.finish(rng.choice(running), None)
        elif step == 1 and running:
            queue.fail(rng.choice(running), "boom")
        elif step == 2 and running:
            job = rng.choice(running)
            if job.stopping:
                queue.stopped(job)  # the worker ends as asked (pause or cancel)
        elif step == 3:
            queue.hold(some)
        elif step == 4:
            queue.release(some)
        elif step == 5:
            queue.cancel(some)
        elif step == 6:
            queue.retry(some)
        elif step == 7:
            queue.clear_finished()
            if rng.random() < 0.3:
                queue.add(Job(UPLOAD, element, f"n{i}", Path("n"), 10) for i in range(5))
                queue.pump()
        elif queue.paused:
            queue.resume()
        elif rng.random() < 0.2:
            queue.pause()
        recount()
