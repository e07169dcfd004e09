"""Bandwidth limits: the token bucket's arithmetic (on a fake clock: no timed test), and that
every path bytes take through the engine is counted by it. How close a real transfer keeps to a
limit is measured by bench/bwlimit.py."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.servers import MotoHandle, SeaweedHandle
from support.transfers import MiB, transfer_element

from r2desk.cli.common import bwlimit_arg
from r2desk.storages.r2 import CloudflareR2Type
from r2desk.transfers import bandwidth
from r2desk.transfers.bandwidth import Limiter, parse_rate


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds


def test_the_bucket_holds_the_rate_over_many_reads() -> None:
    clock = FakeClock()
    lim = Limiter(1 * MiB, clock=clock, sleep=clock.sleep)
    for _ in range(40):  # 40 reads of 256 KiB = 10 MiB at 1 MiB/s
        lim.take(256 * 1024)
    # Every byte waits its turn (a burst only builds up while idle): ~10 s.
    assert 9.5 <= clock.slept <= 10.0 + 1e-6
    assert lim.moved == 10 * MiB


def test_no_limit_never_waits_and_a_change_applies_at_once() -> None:
    clock = FakeClock()
    lim = Limiter(0, clock=clock, sleep=clock.sleep)
    lim.take(100 * MiB)
    assert clock.slept == 0
    lim.set_rate(10 * MiB)
    lim.take(10 * MiB)
    assert 0.7 <= clock.slept <= 1.0 + 1e-6
    lim.set_rate(0)
    before = clock.slept
    lim.take(100 * MiB)
    assert clock.slept == before


def test_a_stop_ends_a_throttled_wait() -> None:
    clock = FakeClock()
    lim = Limiter(1024, clock=clock, sleep=clock.sleep)
    calls = []

    def check() -> None:
        calls.append(clock.now)
        if len(calls) == 3:
            raise KeyboardInterrupt("stopped")

    with pytest.raises(KeyboardInterrupt):
        lim.take(10 * MiB, check)  # would wait hours
    assert clock.slept < 1  # checked every slice, not after the whole wait


def test_a_stopped_or_lifted_wait_leaves_no_debt_for_the_next_transfer() -> None:
    """A cancelled throttled read, or a limit lifted while reads waited, must not make a later
    transfer wait for bytes that never moved (or were already let through)."""
    clock = FakeClock()
    lim = Limiter(1024, clock=clock, sleep=clock.sleep)
    with pytest.raises(KeyboardInterrupt):
        lim.take(10 * MiB, lambda: _stop_after(clock, 1.0))  # cancelled after ~1 s
    lim.set_rate(1 * MiB)
    before = clock.slept
    lim.take(1024)
    assert clock.slept - before < 0.01  # not the ~10 s the cancelled read owed

    def lift() -> None:
        if clock.slept - before >= 1.0 and lim.rate:
            lim.set_rate(0)

    before = clock.slept
    lim.take(50 * MiB, lift)  # owes ~50 s; the limit is lifted after 1 s: it goes at once
    assert clock.slept - before < 1.1
    lim.set_rate(1 * MiB)
    before = clock.slept
    lim.take(1024)
    assert clock.slept - before < 0.01


def _stop_after(clock: FakeClock, seconds: float) -> None:
    if clock.slept >= seconds:
        raise KeyboardInterrupt("stopped")


@pytest.mark.parametrize(
    ("text", "rate"),
    [("0", 0), ("500", 500), ("500k", 512_000), ("10M", 10 * MiB), ("1.5MiB/s", int(1.5 * MiB))],
)
def test_rates_parse_in_binary_units(text: str, rate: int) -> None:
    assert parse_rate(text) == rate


def test_bwlimit_argument() -> None:
    assert bwlimit_arg("10M") == (10 * MiB, 10 * MiB)
    assert bwlimit_arg("10M:0") == (10 * MiB, 0)
    with pytest.raises(Exception, match="not a rate: 'fast'"):
        bwlimit_arg("fast")


@pytest.fixture
def counted() -> Iterator[dict[str, Limiter]]:
    saved = dict(bandwidth.LIMITERS)
    bandwidth.LIMITERS[bandwidth.UP] = Limiter()
    bandwidth.LIMITERS[bandwidth.DOWN] = Limiter()
    try:
        yield bandwidth.LIMITERS
    finally:
        bandwidth.LIMITERS.update(saved)


def test_every_transfer_path_goes_through_the_limiter(
    counted: dict[str, Limiter],
    tmp_path: Path,
    moto_server: MotoHandle,
    sigv4_server: SeaweedHandle,
    sigv4_bucket: str,
) -> None:
    el = transfer_element(tmp_path / "a", moto_server.s3, moto_server.s3.make_bucket())
    other = transfer_element(tmp_path / "b", sigv4_server.s3, sigv4_bucket)
    assert isinstance(el, CloudflareR2Type) and isinstance(other, CloudflareR2Type)
    small, big = tmp_path / "small", tmp_path / "big"
    small.write_bytes(os.urandom(300_000))
    big.write_bytes(os.urandom(17 * MiB))
    up, down = counted[bandwidth.UP], counted[bandwidth.DOWN]

    el.uploadFromPath("small", str(small))  # one PUT from memory
    el.uploadFromPath("big", str(big))  # parts read from the file
    assert up.moved == 300_000 + 17 * MiB
    el.downloadToPath("small", str(tmp_path / "s.out"))
    el.downloadToPath("big", str(tmp_path / "b.out"))  # ranged parts
    assert down.moved == 300_000 + 17 * MiB
    chunks: list[bytes] = []
    el.downloadToStream("small", chunks.append)
    assert down.moved == 2 * 300_000 + 17 * MiB
    up.moved = down.moved = 0
    el.copyTo("big", other, "big")  # two stores: streamed through this machine
    assert (up.moved, down.moved) == (17 * MiB, 17 * MiB)


def test_a_new_limit_reaches_a_transfer_already_waiting() -> None:
    """Preferences change the limit while transfers run: a read already waiting for the old,
    slow rate waits only as long as the new one needs (or not at all when lifted)."""
    clock = FakeClock()
    lim = Limiter(1024, clock=clock, sleep=clock.sleep)
    checks = []

    def lift() -> None:
        checks.append(clock.now)
        if len(checks) == 2:
            lim.set_rate(0)

    lim.take(10 * MiB, lift)  # would wait ~3 hours at 1 KiB/s
    assert clock.slept < 1

    lim.set_rate(1024)
    lim.take(1024 * 1024)  # a debt of about 1 MiB at 1 KiB/s
    before = clock.slept
    checks.clear()

    def raise_rate() -> None:
        checks.append(clock.now)
        if len(checks) == 2:
            lim.set_rate(1024 * 1024)

    lim.take(1024 * 1024, raise_rate)
    assert clock.slept - before < 3  # ~2 MiB of debt at 1 MiB/s, not 2,000 s at the old rate
