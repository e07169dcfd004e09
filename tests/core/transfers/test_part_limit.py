"""The Preferences' "parts of one big file at once" (the CLI's ``--parts``): the pool keeps at
most that many parts of one file in flight, however many threads it has, ``AUTO_PARTS`` when
nothing is set; other work (a folder's small files) is not held back by it. Shown with
barriers, not timing: N parts must be in flight together to pass. Uploads and downloads both
keep it, counted at a real server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.servers import MotoHandle
from support.transfers import MiB, make_file, requests_in_flight, transfer_element

from r2desk.transfers import pool as pool_module
from r2desk.transfers.control import Stop
from r2desk.transfers.pool import AUTO_PARTS, Pool, part_limit, parts_in_flight, set_part_limit


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
        set_part_limit(0)  # automatic: AUTO_PARTS together, never more
        assert parts_in_flight() == AUTO_PARTS
        assert _run(pool, 12, AUTO_PARTS, parts=True) == AUTO_PARTS
    finally:
        pool.close()


@pytest.mark.parametrize("limit", [2, 0], ids=["set-to-2", "automatic"])
def test_a_big_download_and_upload_keep_the_part_limit(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, limit: int
) -> None:
    """An 80 MiB file is ten 8 MiB parts and ranges; a pool of 8 would run 8 of them."""
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket, concurrency=8)
    src = make_file(tmp_path / "big.bin", 80 * MiB)
    set_part_limit(limit)
    want = limit or AUTO_PARTS
    puts = requests_in_flight(el, "UploadPart", hold=0.05)
    el.uploadFromPath("big.bin", str(src))
    assert puts["max"] == want
    gets = requests_in_flight(el, "GetObject", hold=0.05)
    result = el.downloadToPath("big.bin", str(tmp_path / "out.bin"))
    assert result["verified"] != "size"
    assert (tmp_path / "out.bin").read_bytes() == src.read_bytes()
    assert gets["max"] == want


def test_a_negative_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        set_part_limit(-1)
    assert pool_module.part_limit() == 0
    assert parts_in_flight() == AUTO_PARTS
