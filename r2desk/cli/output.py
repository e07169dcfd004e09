"""What every subcommand prints and returns: JSON, the check table, one-line errors, exit codes.

Errors are one line on stderr; the exit code says what kind of failure it was (see EXIT_CODES)
so scripts can branch without parsing text.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from r2desk.errors import StorageError
from r2desk.results import ConnectionReport

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_CREDENTIALS = 4
#: Exit code by StorageError code; anything not listed exits 1.
EXIT_CODES: dict[str, int] = {
    "not_found": 3,
    "bucket_not_found": 3,
    "unknown_element": 3,
    "auth_failed": 4,
    "access_denied": 4,
    "missing_secret": 4,
    "unreachable": 5,
    "timeout": 5,
    "tls_error": 5,
    "invalid_config": 6,
    "invalid_argument": 2,
    "integrity_error": 7,
    "cancelled": 130,
}


def exit_code(code: str) -> int:
    """The exit code for a StorageError code."""
    return EXIT_CODES.get(code, EXIT_FAILED)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def print_json(data: Any) -> None:
    print(json.dumps(data, default=_json_default, ensure_ascii=False, indent=2))


def fail(text: str, code: int = EXIT_FAILED) -> int:
    """Say ``text`` as one ``r2desk:`` line on stderr; return ``code``."""
    print(f"r2desk: {text}", file=sys.stderr)
    return code


def report_error(exc: StorageError) -> int:
    return fail(str(exc), exit_code(exc.code))


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
