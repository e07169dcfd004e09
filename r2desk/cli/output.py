"""What every subcommand prints and returns: JSON, the check table, one-line errors, exit codes.

Errors are one line on stderr; the exit code says what kind of failure it was (from the one
table, ``r2desk.errors.WORDS``) so scripts can branch without parsing text.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

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


def print_json(data: Any) -> None:
    print(json.dumps(data, default=_json_default, ensure_ascii=False, indent=2))


def json_line(data: Any) -> str:
    """One JSON value on one line (JSON lines: a stream a script reads as it arrives)."""
    return json.dumps(data, default=_json_default, ensure_ascii=False)


def fail(text: str, code: int = EXIT_FAILED) -> int:
    """Say ``text`` as one ``r2desk:`` line on stderr; return ``code``."""
    print(f"r2desk: {text}", file=sys.stderr)
    return code


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
            print(f"r2desk: {text}", file=sys.stderr)
    if report["ok"]:
        return EXIT_OK
    return exit_code(report["codes"][0]) if report["codes"] else EXIT_FAILED
