"""A 1 GiB round trip through ``r2desk put/get`` within the 150 MiB RSS bound (slow)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import SeaweedHandle
from support.transfers import MiB, make_file, md5_file

RSS_LIMIT_MIB = 150


def _run_measured(cmd: list[str], env: dict[str, str]) -> float:
    """Run ``cmd`` to success; its peak RSS in MiB, sampled from /proc (VmHWM)."""
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak[0] = max(peak[0], int(line.split()[1]) / 1024)
            except (OSError, ValueError):
                pass
            done.wait(0.02)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate(timeout=600)
    done.set()
    t.join()
    assert proc.returncode == 0, err.decode(errors="replace")
    assert peak[0] > 0
    return peak[0]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc for VmHWM")
def test_one_gib_round_trip_in_bounded_memory(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    root = tmp_path / "app"
    write_element(root, sigv4_server.s3, sigv4_bucket)
    src = make_file(tmp_path / "big.bin", 1024 * MiB)
    env = dict(
        os.environ,
        R2DESK_STATE_DIR=str(tmp_path / "state"),
        PYTHONPATH=str(Path(__file__).parents[3]),
    )
    base = [sys.executable, "-m", "r2desk.cli", "--app-root", str(root)]
    up = _run_measured([*base, "put", "-q", "MyR2", str(src), "big.bin"], env)
    out = tmp_path / "out.bin"
    down = _run_measured([*base, "get", "-q", "MyR2", "big.bin", str(out)], env)
    assert up < RSS_LIMIT_MIB, f"put peaked at {up:.0f} MiB"
    assert down < RSS_LIMIT_MIB, f"get peaked at {down:.0f} MiB"
    assert md5_file(out) == md5_file(src)
    src.unlink()
    out.unlink()
