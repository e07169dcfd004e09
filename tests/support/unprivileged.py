"""Run a command without the power to read past file modes, as an ordinary user would.

CI runs the tests as root, and root reads a file of mode 000 anyway. Dropping the two
capabilities that let it (``CAP_DAC_OVERRIDE``, ``CAP_DAC_READ_SEARCH``) keeps uid 0, so the
interpreter and the test's own files (owned by root) stay readable by their owner, while a
``chmod 000`` file or folder is refused exactly as for any user. Not root: nothing to drop.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def unprivileged_prefix() -> list[str]:
    """The argv prefix that runs a command without root's read-anything capabilities."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise RuntimeError("setpriv (util-linux) is needed to test file permissions as root")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"]


def check_unprivileged() -> None:
    """Fail loudly if the prefix does not really take the power away (never a silent pass)."""
    with tempfile.TemporaryDirectory() as tmp:
        locked = Path(tmp) / "locked"
        locked.write_text("x")
        locked.chmod(0)
        code = f"open({str(locked)!r}).read()"
        done = subprocess.run(
            [*unprivileged_prefix(), sys.executable, "-c", code], capture_output=True
        )
        if done.returncode == 0:
            raise RuntimeError("the unprivileged child could still read a mode-000 file")


def run_cli(
    args: Sequence[str], *, state_dir: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``r2desk ARGS`` in a child process without root's read-anything power."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")]),
        "R2DESK_STATE_DIR": str(state_dir),
    }
    return subprocess.run(
        [*unprivileged_prefix(), sys.executable, "-m", "r2desk.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
