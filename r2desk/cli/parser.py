"""The ``r2desk`` command line's parser, built without importing any command's implementation.

Each command names its handler as ``"module:function"`` of :mod:`r2desk.cli`; ``main`` imports
that one module when the command runs. ``r2desk --help``, ``r2desk ls`` and the desktop app's
start pay only for what they use (importing every command brought the whole transfer and sync
code, and botocore with it, into each start). Here the element commands (``ls``, ``put``, ...);
the app commands (buckets, cp/mv, connections, sync) in :mod:`r2desk.cli.parser_app`.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re

from r2desk import __version__
from r2desk.cli import parser_app
from r2desk.cli.common import add_common_options, epilog
from r2desk.cli.parser_app import ElementCmd, Sub
from r2desk.elements.locations import Location, LocationError, parse_element

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b?)\s*$", re.IGNORECASE)
_AGO = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$", re.IGNORECASE)
_AGO_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def element_location(text: str) -> Location:
    """An element argument: ``MyR2``, ``storages.MyR2`` or ``MyR2@other-bucket``
    (``r2desk.elements.locations``); argparse reports a bad one as a usage error."""
    try:
        return parse_element(text)
    except LocationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="r2desk",
        description="Desktop file manager for Cloudflare R2 and S3-compatible stores. "
        "With no command it opens the desktop app.",
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"r2desk {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the app on a local demo endpoint")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end on the demo endpoint (offscreen if no "
        "display), print one line, exit 0 or 1",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def element_cmd(name: str, handler: str, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "element",
            type=element_location,
            help="element, e.g. MyR2 or storages.MyR2; MyR2@BUCKET for another bucket of "
            "the same connection",
        )
        p.set_defaults(element_fn=handler)
        return p

    _reading(element_cmd)
    _transfers(element_cmd)
    _find(element_cmd)
    _edit(element_cmd)
    _changing(element_cmd, sub)
    parser_app.buckets(sub, element_cmd)
    parser_app.copying(sub)
    parser_app.connections(sub)
    parser_app.sync(sub)
    add_common_options(parser)  # last: every subcommand above gets them
    return parser


def _reading(element_cmd: ElementCmd) -> None:
    """``ls`` and ``stat`` (declared first, so ``--help`` lists them first)."""
    p = element_cmd("ls", "objects:cmd_ls", "list a prefix (folders first)")
    p.add_argument(
        "prefix", nargs="?", default="", help="folder to list (default: the bucket root)"
    )
    p.add_argument("-r", "--recursive", action="store_true", help="every key below, no folders")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--bytes", action="store_true", help="sizes in bytes")
    p.add_argument("--limit", type=int, default=0, help="stop after about N entries")

    p = element_cmd("stat", "objects:cmd_stat", "show an object's information")
    p.add_argument("key", help="the object's key")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def _transfers(element_cmd: ElementCmd) -> None:
    """Add ``put``, ``get`` and ``uploads`` to the element subcommands."""
    p = element_cmd("put", "transfers:cmd_put", "upload a local file or (-r) folder")
    p.add_argument("local", help="file (with -r, folder) to upload")
    p.add_argument("key", nargs="?", help="target key or prefix (default: the file name)")
    _add_put_options(p)

    p = element_cmd("get", "transfers:cmd_get", "download an object or (-r) a prefix")
    p.add_argument("key", help="key (with -r, prefix) to download")
    p.add_argument("local", nargs="?", help="target file or folder, '-' for stdout")
    _add_get_options(p)

    p = element_cmd(
        "uploads", "transfers:cmd_uploads", "list or abort unfinished multipart uploads"
    )
    _add_uploads_options(p)


def _add_put_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-r", "--recursive", action="store_true", help="upload a folder tree")
    p.add_argument("--content-type", default=None, help="default: guessed from the name")
    p.add_argument("--follow-symlinks", action="store_true", help="with -r: follow links")
    _add_common(p)


def _add_get_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-r", "--recursive", action="store_true", help="download a whole prefix")
    p.add_argument(
        "--skip-unsafe",
        action="store_true",
        help="with -r: skip keys that would land outside the folder instead of refusing",
    )
    _add_common(p)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-j", "--jobs", type=int, default=0, help="parallel requests (default 10)")
    p.add_argument(
        "--parts",
        type=int,
        default=0,
        metavar="N",
        help="parts of one big file in flight at once (default 4)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def _add_uploads_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("prefix", nargs="?", default="", help="only keys under this prefix")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--abort", nargs=2, metavar=("KEY", "UPLOADID"), help="abort one upload")
    group.add_argument("--abort-all", action="store_true", help="abort every listed upload")
    group.add_argument(
        "--abort-older",
        type=float,
        metavar="DAYS",
        help="abort the listed uploads started more than DAYS ago",
    )
    group.add_argument(
        "--resume",
        action="store_true",
        help="finish every listed upload the journal can resume (from its local file)",
    )
    p.add_argument("--json", action="store_true")


def _find(element_cmd: ElementCmd) -> None:
    p = element_cmd(
        "find",
        "find:cmd_find",
        "search a bucket by name, size and date (the whole bucket, or below --prefix)",
    )
    p.epilog = (
        "PATTERN is case-insensitive: a glob when it holds * ? or [ (e.g. '*.jpg'), else a "
        "substring. Without a '/' it is matched against object names, with one against the key "
        "below the prefix. Exit status 0 when something was found, 1 when nothing was. "
        "Example: r2desk find MyR2 '*.mp4' --prefix videos/ --min-size 100M --newer 30d"
    )
    p.add_argument("pattern", nargs="?", default="", help="name glob or substring ('' = any)")
    p.add_argument("--prefix", default="", help="search only keys below this prefix")
    p.add_argument("--min-size", type=size_arg, default=None, metavar="SIZE", help="e.g. 10k, 5M")
    p.add_argument("--max-size", type=size_arg, default=None, metavar="SIZE")
    p.add_argument(
        "--newer", type=when_arg, default=None, metavar="DATE", help="modified at or after DATE"
    )
    p.add_argument("--older", type=when_arg, default=None, metavar="DATE", help="before DATE")
    p.add_argument("--limit", type=int, default=None, help="stop after N matches")
    p.add_argument("--bytes", action="store_true", help="sizes in bytes")
    p.add_argument("--json", action="store_true", help="one JSON object per match (JSON lines)")


def size_arg(text: str) -> int:
    """``1500``, ``10k``, ``1.5MiB``, ``2G``: binary multiples, as the listing shows sizes."""
    m = _SIZE.match(text)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 10k, 5MiB, 2G)")
    number, unit = float(m.group(1)), m.group(2).lower()
    return int(number * 1024 ** "bkmgtp".index(unit or "b"))


def when_arg(text: str) -> _dt.datetime:
    """An ISO date or time (local zone unless given), or an age such as ``7d`` or ``12h``."""
    m = _AGO.match(text)
    if m:
        seconds = int(m.group(1)) * _AGO_SECONDS[m.group(2).lower()]
        return _dt.datetime.now(_dt.UTC) - _dt.timedelta(seconds=seconds)
    try:
        when = _dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date: {text!r} (try 2026-01-31, '2026-01-31 14:00' or 7d)"
        ) from None
    return when if when.tzinfo is not None else when.astimezone()


def _edit(element_cmd: ElementCmd) -> None:
    p = element_cmd(
        "open", "edit:cmd_open", "download an object (verified) and open it with its app"
    )
    p.add_argument("key", help="the object to open")
    p.add_argument(
        "--no-launch", action="store_true", help="only download; print the cached file's path"
    )
    p = element_cmd(
        "edit",
        "edit:cmd_edit",
        "edit an object in your editor; each save is uploaded unless the object changed on "
        "the server meanwhile (then you choose: overwrite, save as a copy, discard, keep)",
    )
    p.add_argument("key", help="the object to edit")
    p.add_argument("--editor", default=None, help="command to run (default: $VISUAL, $EDITOR)")


def _changing(element_cmd: ElementCmd, sub: Sub) -> None:
    """``rm``, ``sign``, ``check``, and the app commands ``elements``, ``demo``."""
    p = element_cmd("rm", "objects:cmd_rm", "delete objects")
    p.add_argument("keys", nargs="+", metavar="KEY", help="keys, or with -r folders (prefixes)")
    p.add_argument("-r", "--recursive", action="store_true", help="delete everything below")
    p.add_argument("--json", action="store_true", help="what was deleted and what failed, as JSON")

    p = element_cmd("sign", "objects:cmd_sign", "print a presigned URL")
    p.add_argument("key", help="the object's key")
    p.add_argument("--expires", type=int, default=300, help="seconds, 1 to 604800 (7 days)")
    p.add_argument("--method", default="GET", choices=["GET", "PUT", "HEAD", "DELETE"])
    p.add_argument("--content-type", default=None)

    p = element_cmd("check", "objects:cmd_check", "test the connection of an element")
    p.add_argument("--no-write", action="store_true", help="skip the write probe")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = sub.add_parser("elements", help="list the app's storage elements")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(app_fn="objects:cmd_elements")

    p = sub.add_parser("demo", help="run the local demo endpoint (no account needed)")
    p.add_argument("--seconds", type=float, default=None, help=argparse.SUPPRESS)
    p.set_defaults(app_fn="objects:cmd_demo", no_app=True)
