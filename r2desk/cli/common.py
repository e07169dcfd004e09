"""Options every r2desk command takes, wherever they are written, and the help's closing text.

``--app-root``, ``-v/--verbose`` and ``--log-level`` are added to the top-level parser and to
every subcommand (recursively, so commands added later get them too): ``r2desk ls MyR2
--app-root DIR`` works like ``r2desk --app-root DIR ls MyR2``. On subcommands their default
is SUPPRESS, so a value given before the subcommand is not reset by the subparser.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from r2desk.credentials import PLAINTEXT_ENV
from r2desk.dirs import CACHE_ENV, LOG_ENV, STATE_ENV
from r2desk.errors import WORDS
from r2desk.transfers.bandwidth import parse_rate

LEVELS = ("debug", "info", "warning", "error")

EXAMPLES = """\
examples:
  r2desk                                   open the desktop app
  r2desk --demo                            the app on a local demo bucket (no account)
  r2desk connections add MyR2 --account-id ID --bucket photos --access-key-id KEY
  r2desk ls MyR2 photos/                   list a folder
  r2desk put -r MyR2 ./album photos/       upload a folder tree
  r2desk get MyR2 photos/a.jpg ./a.jpg     download an object
  r2desk sign MyR2 photos/a.jpg --expires 3600
  r2desk rm --json MyR2 old/a.jpg old/b.jpg"""

ENVIRONMENT = f"""\
environment:
  R2_SECRET_ACCESS_KEY     the secret when a connection's file and the keyring have none
  {PLAINTEXT_ENV}  =1 allows a secret in the connection's file (--plaintext)
  {STATE_ENV}         folder of the transfer journal (resumable transfers)
  {LOG_ENV}           folder of the log files (default: your user log folder)
  {CACHE_ENV}         folder of opened objects and thumbnails (default: your user cache folder)
  PYTHON_KEYRING_BACKEND   a keyring backend class to use instead of the OS keyring
  QT_QPA_PLATFORM          Qt platform for the app, e.g. offscreen"""


def exit_codes_text() -> str:
    """The exit codes, from the one error table (r2desk.errors.WORDS)."""
    by_code: dict[int, list[str]] = {}
    for code, words in WORDS.items():
        by_code.setdefault(words.exit_code, []).append(code.value)
    lines = ["exit codes:", "  0    success"]
    for number in sorted(by_code):
        lines.append(f"  {number:<4} {', '.join(by_code[number])}")
    return "\n".join(lines)


def epilog() -> str:
    return f"{EXAMPLES}\n\n{exit_codes_text()}\n\n{ENVIRONMENT}"


def bwlimit_arg(text: str) -> tuple[int, int]:
    """``RATE`` for both directions or ``UP:DOWN``, in bytes per second (0: no limit)."""
    up, sep, down = text.partition(":")
    try:
        return (parse_rate(up), parse_rate(down if sep else up))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """The common options on one parser; on subcommands they leave the top's values alone.
    A command that already defines one of them keeps its own (argparse would refuse both)."""
    options: list[tuple[tuple[str, ...], dict[str, object]]] = [
        (
            ("--app-root",),
            {
                "type": Path,
                "metavar": "DIR",
                "default": None,
                "help": "folder holding storages/<Name>/ elements "
                "(default: your r2desk config folder)",
            },
        ),
        (
            ("-v", "--verbose"),
            {
                "action": "count",
                "default": 0,
                "help": "say more on stderr: -v what is done, -vv debug detail (botocore too)",
            },
        ),
        (
            ("--log-level",),
            {
                "choices": LEVELS,
                "type": str.lower,
                "default": None,
                "help": "level of the messages on stderr (overrides -v); "
                "the log file keeps info and up",
            },
        ),
        (
            ("--bwlimit",),
            {
                "type": bwlimit_arg,
                "metavar": "RATE",
                "default": None,
                "help": "limit transfers to RATE bytes/s (500k, 10M, 1.5MiB); UP:DOWN limits "
                "each direction (10M:0 = uploads only); shared by all parallel transfers",
            },
        ),
    ]
    group = parser.add_argument_group("common options")
    for flags, kwargs in options:
        if set(flags) & set(parser._option_string_actions):
            continue
        if not top:
            kwargs = {**kwargs, "default": argparse.SUPPRESS}
        group.add_argument(*flags, **kwargs)  # type: ignore[arg-type]


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # aliases share a parser
                found.append(child)
                found += _subparsers(child)
    return found


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Add the common options to ``parser`` and every subcommand below it; call once, last."""
    _add(parser, top=True)
    for child in _subparsers(parser):
        child.formatter_class = argparse.RawDescriptionHelpFormatter
        _add(child, top=False)


def stderr_level(args: argparse.Namespace) -> int:
    """The level for stderr: --log-level, else -v (info) / -vv (debug), else warning."""
    if args.log_level:
        return int(getattr(logging, args.log_level.upper()))
    return {0: logging.WARNING, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
