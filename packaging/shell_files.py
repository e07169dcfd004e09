"""Shell completion (bash, zsh, fish) and the man page, generated from the CLI's own parser, so
they list exactly the commands and options ``r2desk`` takes.

    python packaging/shell_files.py OUTDIR    # writes r2desk.bash, _r2desk, r2desk.fish, r2desk.1

Completion comes from ``shtab`` (a build-time tool: the ``package`` and ``test`` extras); the man
page is written here from the parser: argparse already holds every word it needs, and the
EXAMPLES, EXIT STATUS and ENVIRONMENT sections are the ones ``r2desk --help`` prints.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from r2desk import __version__  # noqa: E402
from r2desk.cli.common import ENVIRONMENT, EXAMPLES, _subparsers, exit_codes_text  # noqa: E402
from r2desk.cli.main import build_parser  # noqa: E402

#: Arguments that name local paths: the shells complete files or folders there.
LOCAL_FILES = {"local", "local_dir", "source_dir", "path"}
LOCAL_DIRS = {"app_root"}
#: How the common options read in a command's usage line (said once, under COMMANDS).
COMMON_USAGE = " [--app-root DIR] [-v] [--log-level {debug,info,warning,error}]"
FILES = {"bash": "r2desk.bash", "zsh": "_r2desk", "fish": "r2desk.fish"}


def _mark_paths(parser: argparse.ArgumentParser) -> None:
    import shtab

    for command in [parser, *_subparsers(parser)]:
        for action in command._actions:
            if action.dest in LOCAL_DIRS:
                action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
            elif action.dest in LOCAL_FILES:
                action.complete = shtab.FILE  # type: ignore[attr-defined]


def completion(shell: str, parser: argparse.ArgumentParser | None = None) -> str:
    import shtab

    parser = parser or build_parser()
    _mark_paths(parser)
    return str(shtab.complete(parser, shell=shell))


# ----------------------------------------------------------------------------- man page


def _roff(text: str) -> str:
    """Plain text as roff: backslashes and hyphens escaped, no line starting with a control."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line[:1] in (".", "'") else line for line in text.split("\n"))


def _commands(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """(name path, help, parser) of every command, depth first, in --help order."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, child in action.choices.items():
                path = f"{prefix}{name}"
                found.append((path, helps.get(name, ""), child))
                found += _commands(child, path + " ")
    return found


def _options(parser: argparse.ArgumentParser, skip_common: bool) -> list[str]:
    lines = []
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        if skip_common and action.dest in {"app_root", "verbose", "log_level"}:
            continue
        if action.help == argparse.SUPPRESS:
            continue
        if action.option_strings:
            metavar = ""
            if action.nargs != 0:
                shown = action.metavar or action.dest.upper()
                metavar = " " + (" ".join(shown) if isinstance(shown, tuple) else str(shown))
                if action.choices and not action.metavar:
                    metavar = " {" + ",".join(map(str, action.choices)) + "}"
            name = ", ".join(f"\\fB{_roff(o)}\\fR" for o in action.option_strings)
            head = name + _roff(str(metavar))
        else:
            head = f"\\fI{_roff(str(action.metavar or action.dest))}\\fR"
        lines += [".TP", head, _roff(action.help or "")]
    return lines


def manpage(parser: argparse.ArgumentParser | None = None, today: date | None = None) -> str:
    parser = parser or build_parser()
    when = (today or date.today()).isoformat()
    out = [
        f'.TH R2DESK 1 "{when}" "r2desk {__version__}" "User Commands"',
        ".SH NAME",
        "r2desk \\- " + _roff("desktop file manager for Cloudflare R2 and S3-compatible stores"),
        ".SH SYNOPSIS",
        ".B r2desk",
        "[\\fB\\-\\-demo\\fR] [\\fB\\-\\-self\\-test\\fR] [\\fICOMMON OPTIONS\\fR]",
        ".br",
        ".B r2desk",
        "\\fICOMMAND\\fR [\\fIARGS\\fR...] [\\fICOMMON OPTIONS\\fR]",
        ".SH DESCRIPTION",
        _roff(parser.description or ""),
        "Scripting commands work on the storage elements of an app folder, the same ones the "
        "desktop app shows.",
        ".SH OPTIONS",
        *_options(parser, skip_common=False),
        ".SH COMMANDS",
        "Every command also takes the common options (\\fB\\-\\-app\\-root\\fR, "
        "\\fB\\-v\\fR, \\fB\\-\\-log\\-level\\fR), before or after its name.",
    ]
    for path, help_text, child in _commands(parser):
        usage = child.format_usage().removeprefix("usage: ").strip()
        usage = " ".join(usage.split()).replace("[-h] ", "")
        usage = usage.replace(COMMON_USAGE, "")
        out += [".SS " + _roff(path), _roff(help_text), ".PP", ".nf", _roff(usage), ".fi"]
        out += _options(child, skip_common=True)
    for title, text in (
        ("EXAMPLES", EXAMPLES),
        ("EXIT STATUS", exit_codes_text()),
        ("ENVIRONMENT", ENVIRONMENT),
    ):
        body = text.split("\n", 1)[1]  # without the "examples:" line of --help
        out += [f".SH {title}", ".nf", _roff(body), ".fi"]
    out += [
        ".SH FILES",
        "Connections live in the app folder (your r2desk config folder, e.g. "
        "\\fI~/.config/r2desk\\fR); secrets in the OS keyring. Logs are in your user log "
        "folder (\\fIr2desk.log\\fR for the app, \\fIr2desk\\-cli.log\\fR for commands).",
        ".SH SEE ALSO",
        "The README at https://github.com/r2desk/r2desk",
    ]
    return "\n".join(out) + "\n"


def write_all(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for shell, name in FILES.items():
        path = outdir / name
        path.write_text(completion(shell), encoding="utf-8")
        written.append(path)
    page = outdir / "r2desk.1"
    page.write_text(manpage(), encoding="utf-8")
    return [*written, page]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    for path in write_all(Path(sys.argv[1])):
        print(path)
