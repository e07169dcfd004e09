"""The app commands' arguments (``buckets``, ``cors``, ``lifecycle``, ``storage-class``,
``cp``/``mv``, ``connections``, ``sync``/``compare``/``migrate``), declared without importing
their implementation: each names its handler as ``"module:function"`` of :mod:`r2desk.cli`
(see :mod:`r2desk.cli.parser`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

from r2desk.credentials import PLAINTEXT_ENV
from r2desk.storages.bucket_rules import R2_LOCATION_HINTS
from r2desk.sync.plan import DEFAULT_MAX_DELETE, POLICIES

#: Declares an element command: its name, its handler (``"module:function"``, called with the
#: ready element and the arguments) and its help; returns its parser for the rest.
ElementCmd = Callable[[str, str, str], argparse.ArgumentParser]
#: The top parser's subcommands (``add_subparsers``).
Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def buckets(sub: Sub, element_cmd: ElementCmd) -> None:
    """Add ``buckets``, ``cors``, ``lifecycle`` (app commands) and ``storage-class``."""
    p = sub.add_parser(
        "buckets",
        help="list, create, delete or empty the buckets of a connection",
        description="r2desk buckets ELEMENT [--json] | buckets create ELEMENT NAME "
        "[--location HINT] | buckets rm ELEMENT NAME | buckets empty ELEMENT NAME [--yes]",
    )
    p.add_argument(
        "words",
        nargs="+",
        metavar="[VERB] ELEMENT [NAME]",
        help="ls (the default), create, rm or empty; the connection; the bucket to act on",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--location",
        default=None,
        metavar="HINT",
        help="R2 location hint for create: " + ", ".join(R2_LOCATION_HINTS) + " or none",
    )
    p.add_argument("-y", "--yes", action="store_true", help="empty: do not ask for the name")
    p.set_defaults(app_fn="buckets:cmd_buckets")
    for name, fn, what in (
        ("cors", "buckets:cmd_cors", "CORS rules"),
        ("lifecycle", "buckets:cmd_lifecycle", "lifecycle rules"),
    ):
        p = sub.add_parser(name, help=f"show, save or remove a bucket's {what}")
        p.add_argument(
            "verb", choices=["get", "set", "clear"], help="show, replace or remove the rules"
        )
        p.add_argument("element", help="ELEMENT or ELEMENT@bucket")
        p.add_argument("file", nargs="?", help="set: the rules as JSON ('-' for stdin)")
        p.add_argument("--xml", action="store_true", help="get: the exact XML form")
        p.set_defaults(app_fn=fn)
    p = element_cmd(
        "storage-class",
        "buckets:cmd_storage_class",
        "move objects to STANDARD or STANDARD_IA (copy in place, metadata kept)",
    )
    p.add_argument(
        "keys_and_class",
        nargs="+",
        metavar="KEY... CLASS",
        help="the objects (with -r, folders), then STANDARD or STANDARD_IA",
    )
    p.add_argument("-r", "--recursive", action="store_true", help="every object under KEY")


def copying(sub: Sub) -> None:
    for name, what in (("cp", "copy"), ("mv", "move")):
        p = sub.add_parser(
            name,
            help=f"{what} objects between buckets, connections and local folders",
            description=f"{what.capitalize()} SRC to DST. Either side is a local path or "
            "ELEMENT[@bucket]:key (any connection, any of its buckets). Bucket to bucket is a "
            "server-side copy within one account, else streamed through this machine and "
            "verified; a move deletes each source only after its copy was verified. "
            "A DST ending in / is a folder. A local path holding ':' is written ./name or "
            f"absolute. The older form '{name} ELEMENT SRC DST' works too.",
        )
        p.add_argument(
            "paths", nargs="+", metavar="SRC DST", help="source and destination locations"
        )
        p.add_argument("-r", "--recursive", action="store_true", help="a folder and all below")
        p.add_argument(
            "-n", "--no-clobber", action="store_true", help="skip objects that exist at DST"
        )
        p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
        p.add_argument(
            "--overwrite",
            action="store_true",
            help="mv -r within one bucket: replace objects that exist at DST",
        )
        p.add_argument("--json", action="store_true", help="one JSON line per object")
        p.set_defaults(app_fn="copying:cmd_copy")


def _connection_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--title", help="the name shown in the app")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--account-id", help="Cloudflare account id (32 hex characters)")
    where.add_argument("--endpoint", help="S3 endpoint URL of another store, e.g. http://host:9000")
    p.add_argument(
        "--jurisdiction", choices=["default", "eu", "fedramp"], help="R2 jurisdiction of the bucket"
    )
    p.add_argument("--bucket", help="bucket name")
    p.add_argument("--region", help="signing region (default auto)")
    p.add_argument("--access-key-id", help="access key id of the API token")
    p.add_argument("--public-url", help="public base URL (custom domain or r2.dev); '' clears it")
    p.add_argument(
        "--secret-stdin", action="store_true", help="read the secret from the first line of stdin"
    )
    p.add_argument(
        "--plaintext",
        action="store_true",
        help=f"with {PLAINTEXT_ENV}=1: keep the secret in the config file if no keyring works",
    )


def connections(
    sub: Sub,
) -> argparse.ArgumentParser:
    """Add ``connections`` to the ``r2desk`` subcommands (handlers are ``app_fn(app, args)``)."""
    conn: argparse.ArgumentParser = sub.add_parser(
        "connections",
        help="create, edit and remove storage connections",
        description="Manage storage connections (elements under storages/). Secrets go to the "
        "OS keyring; they are read from a hidden prompt or --secret-stdin, never from arguments.",
    )
    verbs = conn.add_subparsers(dest="verb", metavar="VERB", required=True)

    p = verbs.add_parser("list", help="list connections")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--secrets", action="store_true", help="say where each secret comes from")
    p.set_defaults(app_fn="connections:cmd_list")

    p = verbs.add_parser("add", help="create a connection (asks for the secret)")
    p.add_argument("name", help="element name (the folder name), e.g. MyR2")
    _connection_options(p)
    p.add_argument("--no-secret", action="store_true", help="store no secret (use the env var)")
    p.set_defaults(app_fn="connections:cmd_add")

    p = verbs.add_parser("edit", help="change a connection; options not given stay as they are")
    p.add_argument("name", help="element name, e.g. MyR2")
    p.add_argument("--rename", metavar="NEW_NAME", help="rename the element (keeps its secret)")
    _connection_options(p)
    p.add_argument("--secret-prompt", action="store_true", help="ask for a new secret")
    p.set_defaults(app_fn="connections:cmd_edit")

    p = verbs.add_parser("copy", help="duplicate a connection (shares its keyring secret)")
    p.add_argument("name", help="the connection to copy")
    p.add_argument("new_name", help="element name of the copy")
    p.add_argument("--title")
    p.set_defaults(app_fn="connections:cmd_copy")

    p = verbs.add_parser("remove", help="delete a connection and its keyring secret")
    p.add_argument("name", help="element name, e.g. MyR2")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(app_fn="connections:cmd_remove")

    p = verbs.add_parser("test", help="check a connection and explain failures")
    p.add_argument("name", help="element name, e.g. MyR2")
    p.add_argument("--no-write", action="store_true", help="skip the write probe")
    p.add_argument("--json", action="store_true")
    p.set_defaults(app_fn="connections:cmd_test")

    p = verbs.add_parser("migrate", help="move a plain-text secret from the file to the keyring")
    p.add_argument("name", help="element name, e.g. MyR2")
    p.set_defaults(app_fn="connections:cmd_migrate")
    return conn


def sync(sub: Sub) -> None:
    """Add ``sync``, ``compare`` and ``migrate`` (handlers are ``app_fn(app, args)``)."""
    where = "a local folder or ELEMENT[@bucket][:prefix]"
    p = sub.add_parser(
        "sync",
        help="make DST like SRC (one-way) or both alike (--two-way)",
        description="Copy what is new or changed from SRC to DST; with --delete also remove "
        "what DST has and SRC lacks. --two-way keeps both sides alike, using the state of the "
        "last sync to tell a deletion from a creation.",
    )
    p.add_argument("source", help=where)
    p.add_argument("target", help=where)
    p.add_argument("--two-way", action="store_true", help="changes on either side go across")
    p.add_argument("--delete", action="store_true", help="remove what the source lacks")
    p.add_argument(
        "--max-delete",
        type=float,
        default=DEFAULT_MAX_DELETE,
        metavar="PCT",
        help=f"refuse to delete more than PCT%% of a side's files (default {DEFAULT_MAX_DELETE:g})",
    )
    p.add_argument("--force", action="store_true", help="delete past --max-delete")
    p.add_argument(
        "--conflict",
        choices=POLICIES,
        default="ask",
        help="two-way: when both sides changed (ask: list them and leave them)",
    )
    p.add_argument(
        "--watch",
        action="store_true",
        help="keep syncing a local SRC as it changes (polls, no request while idle); Ctrl+C ends",
    )
    p.add_argument("--interval", type=float, default=2.0, help="--watch: seconds between looks")
    _common(p)
    p.set_defaults(app_fn="sync:cmd_sync")

    p = sub.add_parser(
        "compare",
        help="show what differs between SRC and DST; change nothing",
        description="Compare SRC with DST as a sync from SRC would: exit 0 when they hold the "
        "same files, 1 when anything differs (or cannot be compared: collisions, keys one side "
        "cannot hold).",
    )
    p.add_argument("source", help=where)
    p.add_argument("target", help=where)
    p.add_argument("--checksum", action="store_true", help="compare MD5 / ETag, not mtime")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("-q", "--quiet", action="store_true", help="totals only")
    p.set_defaults(app_fn="sync:cmd_compare")

    p = sub.add_parser(
        "migrate",
        help="copy a whole bucket to another store, verify every object",
        description="Copy every object of SRC_ELEMENT's bucket to DST_ELEMENT's, verify each "
        "(size and checksum, reading back what cannot be compared), write a JSON-lines report, "
        "and with --switch point SRC_ELEMENT at the new store once all passed (its old config "
        "is kept beside it).",
    )
    p.add_argument("source", help="ELEMENT[@bucket] to migrate from")
    p.add_argument("target", help="ELEMENT[@bucket] to migrate to")
    p.add_argument("--report", type=Path, default=None, help="default: ./migrate-<SRC>.jsonl")
    p.add_argument("--switch", action="store_true", help="rewrite SRC_ELEMENT to the new store")
    p.add_argument("--dry-run", action="store_true", help="show the plan, change nothing")
    p.add_argument("-j", "--jobs", type=int, default=0, help="parallel requests (default 10)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress, totals only")
    p.set_defaults(app_fn="sync:cmd_migrate")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--checksum", action="store_true", help="compare MD5 / ETag, not mtime")
    p.add_argument("--dry-run", action="store_true", help="show the plan, change nothing")
    p.add_argument("-j", "--jobs", type=int, default=0, help="parallel requests (default 10)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress, totals only")
