"""Parser-wide conventions of ``r2desk``: common options anywhere, logging, JSON for the
changing commands, help that says examples, exit codes and environment variables."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle

import r2desk
from r2desk.cli.common import _subparsers
from r2desk.cli.main import build_parser, gui_main, main
from r2desk.errors import WORDS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def root(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> Path:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    return tmp_path / "app"


def test_app_root_is_accepted_after_the_subcommand(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["elements", "--json", "--app-root", str(root)]) == 0
    after = json.loads(capsys.readouterr().out)
    assert [e["name"] for e in after] == ["storages.MyR2"]
    assert main(["--app-root", str(root), "elements", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == after  # before: not reset by the subcommand
    assert main(["--app-root", str(tmp_path / "none"), "ls", "MyR2", "--app-root", str(root)]) == 0
    assert main(["connections", "list", "--app-root", str(root)]) == 0  # nested commands too
    assert "MyR2" in capsys.readouterr().out


def test_every_command_takes_the_common_options_and_every_positional_has_help() -> None:
    parser = build_parser()
    commands = _subparsers(parser)
    assert len(commands) > 10
    for command in [parser, *commands]:
        options = {s for a in command._actions for s in a.option_strings}
        assert {"--app-root", "-v", "--verbose", "--log-level"} <= options, command.prog
        for action in command._actions:
            if not action.option_strings and not isinstance(action, argparse._SubParsersAction):
                assert action.help, f"{command.prog}: positional {action.dest} has no help"


def test_help_has_examples_exit_codes_and_environment(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    assert "examples:" in text and "r2desk --demo" in text
    for code, words in WORDS.items():  # every exit code, from the one table
        line = next(x for x in text.splitlines() if x.strip().startswith(f"{words.exit_code} "))
        assert code.value in line
    for var in ("R2_SECRET_ACCESS_KEY", "R2DESK_STATE_DIR", "R2DESK_LOG_DIR", "R2DESK_CACHE_DIR"):
        assert var in text


def test_verbose_and_log_level_and_the_log_file(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_file = Path(os.environ["R2DESK_LOG_DIR"]) / "r2desk-cli.log"
    assert main(["elements", "--app-root", str(root)]) == 0
    assert "INFO" not in capsys.readouterr().err  # quiet by default
    assert "elements --app-root" in log_file.read_text()  # but the log file has it
    if os.name == "posix":
        assert log_file.stat().st_mode & 0o077 == 0
    assert main(["-v", "elements", "--app-root", str(root)]) == 0
    assert "r2desk: INFO r2desk.cli: r2desk " in capsys.readouterr().err
    assert main(["elements", "--app-root", str(root), "--log-level", "debug"]) == 0
    assert "DEBUG" in capsys.readouterr().err
    assert main(["elements", "-v", "--log-level", "error", "--app-root", str(root)]) == 0
    assert "INFO" not in capsys.readouterr().err  # --log-level wins over -v
    # One line per record however often main() runs in a process.
    assert log_file.read_text().count(f"r2desk {r2desk.__version__}: ") == 4


def test_rm_cp_mv_json(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    el = r2desk.App(root).getElement("storages.MyR2")
    el.uploadByFile("a", b"aaa")
    el.uploadByFile("d/1", b"1")
    el.uploadByFile("d/2", b"2")
    capsys.readouterr()

    def run_json(*argv: str) -> object:
        assert main(["--app-root", str(root), *argv, "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    copied = run_json("cp", "MyR2", "a", "b")
    assert isinstance(copied, dict)
    assert (copied["source"], copied["target"], copied["size"]) == ("a", "b", 3)
    moved = run_json("mv", "MyR2", "b", "c")
    assert isinstance(moved, dict) and (moved["source"], moved["target"]) == ("b", "c")
    assert run_json("mv", "-r", "MyR2", "d", "e") == {
        "source": "d/",
        "target": "e/",
        "moved": ["d/1", "d/2"],
    }
    assert run_json("rm", "MyR2", "a", "c") == {"deleted": ["a", "c"], "failed": []}
    assert run_json("rm", "MyR2", "gone") == {"deleted": ["gone"], "failed": []}
    assert run_json("rm", "-r", "MyR2", "e") == [{"prefix": "e/", "deleted": 2, "failed": []}]
    assert el.listObjects("", delimiter="")["objects"] == []


def test_demo_says_how_to_get_its_server_when_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "moto", None)  # as in an install without the extra
    assert main(["--demo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("r2desk: the demo endpoint needs moto,") and err.count("\n") == 1
    assert "pip install 'r2desk[demo]'" in err
    assert main(["demo"]) == 1
    assert "pip install 'r2desk[demo]'" in capsys.readouterr().err
    from r2desk.demo import DemoUnavailable, start_demo

    with pytest.raises(DemoUnavailable, match=r"r2desk\[demo\]"):
        start_demo()


def test_gui_script_entry_runs_without_a_console(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pythonw (Windows gui-scripts) gives the process no stdout/stderr at all."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "argv", ["r2desk-gui", "--version"])
    try:
        with pytest.raises(SystemExit) as stop:
            gui_main()
        assert stop.value.code == 0
        assert sys.stdout is not None and sys.stdout.name == os.devnull
    finally:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.close()


def test_python_dash_m_r2desk() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "r2desk", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"r2desk {r2desk.__version__}"


def _crash_after(argv: list[str], env_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run r2desk's start-up for ``argv`` in a child, then crash it natively (SIGSEGV)."""
    program = (
        "import faulthandler, sys\n"
        "from r2desk.cli.main import _start_logging, build_parser\n"
        "_start_logging(build_parser().parse_args(sys.argv[1:]))\n"
        "faulthandler._sigsegv()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "R2DESK_LOG_DIR": str(env_dir)}
    return subprocess.run(
        [sys.executable, "-c", program, *argv], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.mark.skipif(os.name != "posix", reason="SIGSEGV")
def test_a_native_crash_leaves_a_traceback(tmp_path: Path) -> None:
    cli = _crash_after(["elements"], tmp_path / "cli")
    assert cli.returncode != 0
    assert "Fatal Python error: Segmentation fault" in cli.stderr and "line 4" in cli.stderr
    app = _crash_after([], tmp_path / "app")  # the app: no terminal, so beside its log
    assert app.returncode != 0
    crash = (tmp_path / "app" / "crash.log").read_text()
    assert "Fatal Python error: Segmentation fault" in crash and "line 4" in crash


def test_a_command_with_its_own_option_keeps_it() -> None:
    """A command (another helper's, a future one) that defines -v itself is not refused."""
    from r2desk.cli.common import add_common_options

    parser = argparse.ArgumentParser(prog="r2desk")
    sub = parser.add_subparsers(dest="command")
    own = sub.add_parser("own")
    own.add_argument("-v", "--values", action="store_true")
    add_common_options(parser)
    args = parser.parse_args(["own", "-v", "--app-root", "/x"])
    assert args.values is True and str(args.app_root) == "/x"
