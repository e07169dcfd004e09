"""Shell completion and the man page are generated from the CLI's parser
(packaging/shell_files.py) and say what r2desk really takes; the .deb installs them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import r2desk

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import shell_files  # noqa: E402

sys.path.remove(str(ROOT / "packaging"))
pytest.importorskip("shtab")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("shell")
    return {p.name: p for p in shell_files.write_all(out)}


def _bash_complete(script: Path, *words: str) -> list[str]:
    """What bash offers after ``words`` (the last one being typed), through the real function."""
    quoted = " ".join(f"'{w}'" for w in words)
    program = (
        f"source '{script}'; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; "
        '_shtab_r2desk; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    proc = subprocess.run(["bash", "-c", program], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return [line for line in proc.stdout.splitlines() if line]


def test_bash_completes_commands_subcommands_and_options(generated: dict[str, Path]) -> None:
    script = generated["r2desk.bash"]
    assert _bash_complete(script, "r2desk", "con") == ["connections"]
    commands = _bash_complete(script, "r2desk", "")
    assert {"ls", "put", "get", "rm", "sign", "connections", "demo"} <= set(commands)
    assert "add" in _bash_complete(script, "r2desk", "connections", "a")
    assert _bash_complete(script, "r2desk", "rm", "--js") == ["--json"]
    # The common options after a subcommand, as the parser takes them.
    assert "--app-root" in _bash_complete(script, "r2desk", "ls", "--app")


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_name_every_command(shell: str, generated: dict[str, Path]) -> None:
    text = generated[shell_files.FILES[shell]].read_text()
    for command in ("ls", "put", "get", "connections", "--app-root", "--log-level"):
        assert command in text
    binary = shutil.which(shell)
    if binary:  # parse it with the real shell where one is installed
        flag = ["-n"] if shell == "zsh" else ["--no-execute"]
        path = str(generated[shell_files.FILES[shell]])
        proc = subprocess.run([binary, *flag, path], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr


def test_man_page_covers_every_command_and_renders(generated: dict[str, Path]) -> None:
    page = generated["r2desk.1"].read_text()
    assert page.startswith(".TH R2DESK 1 ") and f'"r2desk {r2desk.__version__}"' in page
    for section in (
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "COMMANDS",
        "EXAMPLES",
        "EXIT STATUS",
        "ENVIRONMENT",
    ):
        assert f"\n.SH {section}\n" in page
    for command in ("ls", "put", "connections add", "connections migrate", "sign"):
        assert f"\n.SS {command.replace('-', chr(92) + '-')}\n" in page
    if not shutil.which("man"):
        return
    proc = subprocess.run(
        ["man", "-l", str(generated["r2desk.1"])],
        capture_output=True,
        text=True,
        env={"MANWIDTH": "80", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    words = " ".join(proc.stdout.split())  # man justifies: spacing varies
    assert "r2desk - desktop file manager" in words
    assert "--app-root DIR" in words and "R2DESK_STATE_DIR" in words
    assert "130 cancelled" in words


def test_the_deb_installs_them() -> None:
    recipe = (ROOT / "packaging" / "linux" / "build-deb.sh").read_text()
    for target in (
        "/usr/share/bash-completion/completions/r2desk",
        "/usr/share/zsh/vendor-completions/_r2desk",
        "/usr/share/fish/vendor_completions.d/r2desk.fish",
        "/usr/share/man/man1/r2desk.1.gz",
    ):
        assert target in recipe
        assert target in (ROOT / "packaging" / "linux" / "smoke-deb.sh").read_text()
