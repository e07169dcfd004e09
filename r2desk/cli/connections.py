"""``r2desk connections list|add|edit|copy|remove|test|migrate``: the connection form, scripted.

The secret is read from a hidden prompt or from standard input (``--secret-stdin``), never from
an argument, where it would end up in shell history and in every process listing.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from r2desk.cli.output import EXIT_CREDENTIALS, EXIT_USAGE, fail, print_checks, print_json
from r2desk.credentials import PLAINTEXT_ENV, KeyringUnavailable, plaintext_allowed
from r2desk.elements import App, probe, store
from r2desk.elements.connection import FIELD_LABELS, Connection, EditorError

Handler = Callable[[App, argparse.Namespace], int]


class SecretInputError(Exception):
    """The secret could not be read (no terminal, empty input)."""


def _guarded(fn: Handler) -> Handler:
    """Turn the editor's expected failures into one line on stderr and an exit code."""

    def run(app: App, args: argparse.Namespace) -> int:
        try:
            return fn(app, args)
        except KeyringUnavailable as exc:  # before EditorError: KeyringProblem is both
            return fail(str(exc), EXIT_CREDENTIALS)
        except (EditorError, SecretInputError) as exc:
            return fail(str(exc), EXIT_USAGE)

    run.__name__ = fn.__name__
    return run


def read_secret(args: argparse.Namespace, *, prompt: bool) -> str | None:
    """From stdin with ``--secret-stdin`` (first line), else a hidden prompt when asked for."""
    if getattr(args, "secret_stdin", False):
        secret = sys.stdin.readline().rstrip("\r\n")
        if not secret:
            raise SecretInputError("--secret-stdin: standard input held no secret")
        return secret
    if not prompt:
        return None
    if not sys.stdin.isatty():
        raise SecretInputError(
            "no terminal to ask for the secret: pipe it in with --secret-stdin, or use "
            "--no-secret and set R2_SECRET_ACCESS_KEY"
        )
    secret = getpass.getpass("Secret access key (hidden): ")
    if not secret:
        raise SecretInputError("no secret was typed")
    return secret


def _apply_options(conn: Connection, args: argparse.Namespace) -> None:
    """Copy the given command-line options onto a connection (None means unchanged)."""
    if args.endpoint is not None:
        conn.endPoint, conn.accountId, conn.jurisdiction = args.endpoint, "", ""
    if args.account_id is not None:
        conn.accountId, conn.endPoint = args.account_id, ""
    if args.jurisdiction is not None:
        conn.jurisdiction = "" if args.jurisdiction == "default" else args.jurisdiction
    for option, name in (
        ("title", "title"),
        ("bucket", "bucketName"),
        ("region", "region"),
        ("access_key_id", "accessKeyId"),
        ("public_url", "publicBaseUrl"),
    ):
        value = getattr(args, option)
        if value is not None:
            setattr(conn, name, value)


def _saved(result: store.SaveResult, verb: str) -> int:
    where = {
        "keyring": "the secret is in the OS keyring",
        "file": "WARNING: the secret is in PLAIN TEXT in the config file (you opted in)",
        "unchanged": "the secret was not changed",
    }[result.secret_location]
    print(f"{verb} {result.name} at {result.path}; {where}")
    if result.removed_entry:
        print(f"removed the keyring entry no connection uses any more: {result.removed_entry}")
    return 0


def _warn_plaintext(args: argparse.Namespace) -> bool:
    """``--plaintext`` needs the environment opt-in as well: two deliberate steps, not one."""
    if not args.plaintext:
        return False
    if not plaintext_allowed():
        raise SecretInputError(f"--plaintext needs {PLAINTEXT_ENV}=1 in the environment")
    print(
        "r2desk: warning: if the OS keyring is unavailable the secret will be kept in plain "
        "text in the config file",
        file=sys.stderr,
    )
    return True


@_guarded
def cmd_list(app: App, args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = []
    for info in app.listElements():
        row: dict[str, Any] = {"name": info.name, "title": info.title, "type": info.type}
        try:
            conn = store.load_connection(app, info.name)
        except EditorError as exc:
            row["error"] = str(exc)
        else:
            row.update(endpoint=conn.endpoint_url, bucket=conn.bucketName)
            row["secret"] = store.secret_location(app, info.name) if args.secrets else None
        rows.append(row)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        if "error" in row:
            print(f"{row['name']:28} (broken: {row['error']})")
            continue
        secret = f"  secret: {row['secret']}" if row["secret"] else ""
        print(f"{row['name']:28} {row['bucket']:24} {row['endpoint']}  {row['title']!r}{secret}")
    return 0


@_guarded
def cmd_add(app: App, args: argparse.Namespace) -> int:
    if args.account_id is None and args.endpoint is None:
        raise EditorError("give --account-id (Cloudflare R2) or --endpoint (other stores)")
    conn = Connection(name=args.name)
    _apply_options(conn, args)
    conn.title = conn.title or args.name
    problems = conn.problems()
    if problems:  # report form mistakes before asking for the secret
        field, problem = next(iter(problems.items()))
        raise EditorError(f"{FIELD_LABELS.get(field, field)} {problem}", field)
    plaintext = _warn_plaintext(args)
    secret = None if args.no_secret else read_secret(args, prompt=True)
    return _saved(store.save_connection(app, conn, secret=secret, plaintext=plaintext), "created")


@_guarded
def cmd_edit(app: App, args: argparse.Namespace) -> int:
    conn = store.load_connection(app, args.name)
    original = conn.name
    _apply_options(conn, args)
    if args.rename:
        conn.name = args.rename
    plaintext = _warn_plaintext(args)
    secret = read_secret(args, prompt=args.secret_prompt)
    result = store.save_connection(app, conn, secret=secret, original=original, plaintext=plaintext)
    return _saved(result, "saved")


@_guarded
def cmd_copy(app: App, args: argparse.Namespace) -> int:
    return _saved(
        store.duplicate_connection(app, args.name, args.new_name, title=args.title), "copied"
    )


@_guarded
def cmd_remove(app: App, args: argparse.Namespace) -> int:
    conn = store.load_connection(app, args.name)
    if not args.yes:
        if not sys.stdin.isatty():
            raise SecretInputError("not a terminal: confirm with --yes")
        answer = input(f"Remove connection {conn.fq_name} and its keyring secret? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing removed")
            return 1
    result = store.delete_element(app, conn.name)
    print(f"removed {result.name} ({result.path})")
    if result.secret_removed:
        print("removed its secret from the OS keyring")
    elif result.shared_with:
        print(f"kept its keyring secret: also used by {', '.join(result.shared_with)}")
    return 0


@_guarded
def cmd_test(app: App, args: argparse.Namespace) -> int:
    conn = store.load_connection(app, args.name)
    report = probe.test_connection(app, conn, original=conn.name, write=not args.no_write)
    return print_checks(report, report["explanations"], args.json)


@_guarded
def cmd_migrate(app: App, args: argparse.Namespace) -> int:
    if store.migrate_secret_to_keyring(app, args.name):
        print(f"moved the secret of {args.name} from its config file into the OS keyring")
    else:
        print(f"{args.name}: its config file holds no secret; nothing to move")
    return 0
