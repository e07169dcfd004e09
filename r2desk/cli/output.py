"""What every subcommand prints and returns: JSON, the check table, one-line errors, exit codes.

Errors are one line on stderr; the exit code says what kind of failure it was (from the one
table, ``r2desk.errors.WORDS``) so scripts can branch without parsing text.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from r2desk.errors import WORDS, ErrorCode, StorageError
from r2desk.results import ConnectionReport

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = WORDS[ErrorCode.INVALID_ARGUMENT].exit_code
EXIT_CREDENTIALS = WORDS[ErrorCode.KEYRING_UNAVAILABLE].exit_code


def exit_code(code: str) -> int:
    """The exit code for an error code, from the one table in :mod:`r2desk.errors`."""
    try:
        return WORDS[ErrorCode(code)].exit_code
    except ValueError:
        return EXIT_FAILED


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def escaped(text: str) -> str:
    """``text`` with every non-printing character written as an escape (``\\x1b``, ``\\n``,
    ``\\u202e``), so a key or file name cannot move the cursor, clear or recolour the
    viewer's terminal, reverse the line or forge a line of its own; printable text (any
    script) is unchanged."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def shown(text: str, stream: TextIO | None = None) -> str:
    """A key or path as printed on ``stream`` (stdout by default): on a terminal, a name
    holding a non-printing character is quoted and escaped as Python writes a string
    (``'a\\x1b[2J'``), so it cannot be confused with a plain name; piped output stays exact,
    as ``ls`` does (``--json`` is exact everywhere)."""
    out = stream if stream is not None else sys.stdout
    if text.isprintable() or not _is_terminal(out):
        return text
    return repr(text)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream is no terminal
        return False


def print_json(data: Any) -> None:
    print(json.dumps(data, default=_json_default, ensure_ascii=False, indent=2))


def json_line(data: Any) -> str:
    """One JSON value on one line (JSON lines: a stream a script reads as it arrives)."""
    return json.dumps(data, default=_json_default, ensure_ascii=False)


class UsageError(Exception):
    """A mistake in the command line or its input file: one line on stderr, exit 2."""


def fail(text: str, code: int = EXIT_FAILED) -> int:
    """Say ``text`` as one ``r2desk:`` line on stderr (escaped: it may name keys and files);
    return ``code``."""
    say_error(text)
    return code


def say_error(text: str) -> None:
    """One ``r2desk:`` line on stderr, its non-printing characters escaped (``escaped``)."""
    print(f"r2desk: {escaped(text)}", file=sys.stderr)


def report_error(exc: StorageError) -> int:
    return fail(str(exc), exc.exit_code)


def print_checks(report: ConnectionReport, messages: list[str], as_json: bool) -> int:
    """Show a testConnection report (table on stdout, words on stderr); return the exit code."""
    if as_json:
        print_json(report)
    else:
        for name in ("endpoint", "credentials", "bucket", "write"):
            state = {True: "ok", False: "FAILED", None: "not checked"}[report[name]]
            print(f"{name:>12}: {state}")
        for text in messages:
            say_error(text)
    if report["ok"]:
        return EXIT_OK
    return exit_code(report["codes"][0]) if report["codes"] else EXIT_FAILED
