"""The desktop app as a process: Qt's own options, no display, and a terminated demo."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from r2desk.cli.main import split_qt_options

pytestmark = pytest.mark.gui


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(
        TMPDIR=str(tmp_path / "tmp"),
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        R2DESK_STATE_DIR=str(tmp_path / "r2state"),
        R2DESK_LOG_DIR=str(tmp_path / "logs"),
        **extra,
    )
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return env


def test_qt_options_are_kept_for_qt() -> None:
    ours, qt = split_qt_options(
        ["--demo", "-style", "fusion", "-platform=offscreen", "--reverse", "ls", "Demo"]
    )
    assert ours == ["--demo", "ls", "Demo"]
    assert qt == ["-style", "fusion", "-platform=offscreen", "-reverse"]


def test_without_a_display_one_line(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "r2desk.cli"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0], run.stderr


def test_sigterm_of_the_gui_demo_removes_its_folder_and_writes_no_settings(
    tmp_path: Path,
) -> None:
    env = _env(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "r2desk.cli", "--demo", "-platform", "offscreen", "-style=fusion"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    log = tmp_path / "logs" / "r2desk.log"
    try:
        deadline = time.monotonic() + 120
        while not (log.exists() and "window shown" in log.read_text(errors="replace")):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the demo window never showed"
            time.sleep(0.2)
        demo_folders = list((tmp_path / "tmp").glob("r2desk-demo-*"))
        assert demo_folders, "the demo made no temporary folder"
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert not any(p.exists() for p in demo_folders)
    config = tmp_path / "config"
    assert not config.exists() or not any(config.rglob("*.conf")), list(config.rglob("*"))
