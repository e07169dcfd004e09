"""``r2desk get KEY -``: the object streamed to stdout in bounded memory, verified, resumed
after a cut, quiet when the reader stops early."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from support.elements import write_element
from support.faultproxy import DOWN, Fault, FaultProxy, flip_data_reads
from support.servers import LocalS3, MotoHandle, SeaweedHandle
from support.transfers import MiB, make_file, md5_file

from r2desk.cli.main import main

TESTS = Path(__file__).parents[1]


@pytest.fixture
def big(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> Path:
    """A 24 MiB multipart object ``big.bin`` (8 MiB parts, as boto3 uploads it)."""
    src = make_file(tmp_path / "big.bin", 24 * MiB + 7)
    moto_server.s3.client().upload_file(str(src), moto_bucket, "big.bin")
    return src


class HashingStdout:
    """Stands in for ``sys.stdout``: hashes what is written to ``.buffer``, keeps nothing."""

    def __init__(self) -> None:
        self.buffer = self
        self.md5 = hashlib.md5(usedforsecurity=False)
        self.sizes: list[int] = []

    def write(self, data: bytes) -> int:
        self.sizes.append(len(data))
        self.md5.update(data)
        return len(data)

    def flush(self) -> None:
        pass


def test_get_dash_holds_one_chunk_at_a_time(
    tmp_path: Path,
    sigv4_server: SeaweedHandle,
    sigv4_bucket: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The Python heap never holds more than a few chunks, whatever the object's size (it
    used to read the whole object into one bytes object first). SeaweedFS runs in its own
    process, so the heap measured is the client's alone."""
    big = make_file(tmp_path / "big.bin", 24 * MiB + 7)
    client = sigv4_server.s3.client()
    client.upload_file(str(big), sigv4_bucket, "big.bin")
    client.put_object(Bucket=sigv4_bucket, Key="small.bin", Body=b"x" * 1000)
    write_element(tmp_path / "app", sigv4_server.s3, sigv4_bucket)
    monkeypatch.setenv("R2DESK_STATE_DIR", str(tmp_path / "state"))

    def peak_of(key: str) -> tuple[int, HashingStdout]:
        out = HashingStdout()
        monkeypatch.setattr(sys, "stdout", out)
        tracemalloc.start()
        try:
            code = main(["--app-root", str(tmp_path / "app"), "get", "MyR2", key, "-"])
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert code == 0
        return peak, out

    peak_of("small.bin")  # imports and caches filled before measuring
    small, _ = peak_of("small.bin")
    peak, out = peak_of("big.bin")
    assert out.md5.hexdigest() == md5_file(big)
    assert max(out.sizes) <= 1 * MiB and len(out.sizes) >= 25
    # What a 24 MiB object adds to the peak over a 1 KB one: a few 1 MiB chunks, not 24 MiB.
    extra = (peak - small) / MiB
    assert extra < 6, f"a 24 MiB object raised the peak Python heap by {extra:.1f} MiB"


def test_get_dash_writes_the_object_to_stdout(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    proxy: FaultProxy,
    big: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    s3 = LocalS3(proxy.endpoint_url, moto_server.s3.access_key, moto_server.s3.secret_key)
    write_element(tmp_path / "app", s3, moto_bucket)
    monkeypatch.setenv("R2DESK_STATE_DIR", str(tmp_path / "state"))
    args = ["--app-root", str(tmp_path / "app"), "get", "MyR2", "big.bin", "-"]
    proxy.arm(Fault("cut", DOWN, after=10 * MiB, times=2))  # cut twice: resumed at the byte
    assert main(args) == 0
    out = capsysbinary.readouterr().out
    assert proxy.hits.get("cut") == 2
    assert hashlib.md5(out).hexdigest() == md5_file(big)
    # Data changed on the way: the run fails as an integrity error (exit 7), never exit 0.
    proxy.arm(Fault("tamper", DOWN, times=-1, rewrite=flip_data_reads))
    assert main(args) == 7
    assert b"[integrity_error]" in capsysbinary.readouterr().err


def test_a_reader_that_stops_early_ends_it_quietly(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, big: Path
) -> None:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    env = dict(os.environ, PYTHONPATH=str(TESTS.parent), R2DESK_STATE_DIR=str(tmp_path / "s"))
    cmd = [sys.executable, "-m", "r2desk.cli", "--app-root", str(tmp_path / "app")]
    proc = subprocess.Popen(
        [*cmd, "get", "MyR2", "big.bin", "-"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    head = proc.stdout.read(1000)
    proc.stdout.close()  # as `| head -c 1000` does
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0, err
    assert head == big.read_bytes()[:1000]
    assert b"Traceback" not in err and b"Broken pipe" not in err, err
