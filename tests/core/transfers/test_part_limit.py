"""The Preferences' "parts of one big file at once": the pool keeps at most that many parts of
one file in flight, however many threads it has; other work (a folder's small files) is not
held back by it. Shown with barriers, not timing: N parts must be in flight together to pass."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from r2desk.transfers import pool as pool_module
from r2desk.transfers.control import Stop
from r2desk.transfers.pool import Pool, part_limit, set_part_limit


@pytest.fixture(autouse=True)
def _no_limit_after() -> Iterator[None]:
    yield
    set_part_limit(0)


def _run(pool: Pool, count: int, together: int, *, parts: bool) -> int:
    """Run ``count`` tasks that each wait until ``together`` are in flight; the most seen."""
    lock = threading.Lock()
    active, most = 0, 0
    barrier = threading.Barrier(together, timeout=10)

    def task() -> None:
        nonlocal active, most
        with lock:
            active += 1
            most = max(most, active)
        try:
            barrier.wait()
        finally:
            with lock:
                active -= 1

    pool.run_all((task for _ in range(count)), Stop(None), parts=parts)
    return most


def test_parts_of_one_file_stay_within_the_limit() -> None:
    pool = Pool(8)
    try:
        set_part_limit(2)
        assert part_limit() == 2
        assert _run(pool, 10, 2, parts=True) == 2
        # Other work uses the whole pool: three tasks meet at a barrier of three.
        assert _run(pool, 9, 3, parts=False) >= 3
        set_part_limit(0)  # lifted: parts use the whole pool again
        assert _run(pool, 9, 3, parts=True) >= 3
    finally:
        pool.close()


def test_a_negative_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        set_part_limit(-1)
    assert pool_module.part_limit() == 0
