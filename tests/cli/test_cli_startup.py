"""What a start of ``r2desk`` loads: the parser names each command's handler without importing
it, and a run imports the one command module it dispatches to. ``r2desk --help`` and the desktop
app's start so load no transfer, sync or wire code (botocore took most of each start)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from r2desk.cli.common import _subparsers
from r2desk.cli.main import build_parser, handler

ROOT = Path(__file__).resolve().parents[2]

#: The modules holding the commands' implementations.
COMMAND_MODULES = {
    f"r2desk.cli.{name}"
    for name in ("buckets", "connections", "copying", "edit", "find", "objects", "sync")
} | {"r2desk.cli.transfers"}


def _loaded_after(program: str, tmp_path: Path) -> set[str]:
    """The modules a fresh interpreter holds after running ``program`` (which may exit)."""
    code = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: print(json.dumps(sorted(sys.modules))))\n" + program
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "R2DESK_LOG_DIR": str(tmp_path / "logs"),
            "R2DESK_STATE_DIR": str(tmp_path / "state"),
        },
        timeout=60,
    )
    assert proc.stdout, proc.stderr
    return set(json.loads(proc.stdout.splitlines()[-1]))


def test_every_command_names_a_handler_that_exists() -> None:
    parser = build_parser()
    refs = [
        ref
        for command in _subparsers(parser)
        for ref in (command.get_default("element_fn"), command.get_default("app_fn"))
        if ref is not None
    ]
    assert len(refs) > 20
    for ref in refs:
        assert callable(handler(ref)), ref


def test_help_parsing_and_the_apps_window_load_no_command_and_no_wire_layer(
    tmp_path: Path,
) -> None:
    loaded = _loaded_after(
        "from r2desk.cli.main import build_parser, run\n"
        "import r2desk.gui.app  # what the app's start imports before its window shows\n"
        "build_parser().parse_args(['ls', 'MyR2', 'photos/'])\n"
        "sys.argv = ['r2desk', '--help']\n"
        "run()  # the console script's entry (it freezes the collector)\n",
        tmp_path,
    )
    assert not loaded & COMMAND_MODULES
    assert "botocore" not in loaded and "r2desk.storages.meta" not in loaded


def test_a_command_loads_its_own_module_only(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    loaded = _loaded_after(
        "from r2desk.cli.main import main\n"
        f"main(['elements', '--app-root', {str(tmp_path / 'app')!r}])\n",
        tmp_path,
    )
    assert loaded & COMMAND_MODULES == {"r2desk.cli.objects"}
