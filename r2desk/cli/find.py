"""``r2desk find``: search a bucket (or a prefix) by name, size and date, streaming the listing."""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from typing import Any

from r2desk.cli.output import EXIT_FAILED, EXIT_OK, json_line, shown
from r2desk.formatting import human_size, local_time
from r2desk.search import Query, SearchProgress, search
from r2desk.storages.meta import Meta

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b?)\s*$", re.IGNORECASE)
_AGO = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$", re.IGNORECASE)
_AGO_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


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


def cmd_find(el: Meta, args: argparse.Namespace) -> int:
    query = Query(
        pattern=args.pattern,
        min_size=args.min_size,
        max_size=args.max_size,
        newer=args.newer,
        older=args.older,
    )
    progress = SearchProgress()
    out = sys.stdout
    for obj in search(
        el.iterObjects(args.prefix), query, prefix=args.prefix, limit=args.limit, progress=progress
    ):
        if args.json:
            out.write(json_line(obj) + "\n")
        else:
            size = str(obj["size"]) if args.bytes else human_size(obj["size"])
            out.write(f"{size:>12}  {local_time(obj['lastModified']):16}  {shown(obj['key'])}\n")
    found = "1 match" if progress.found == 1 else f"{progress.found:,} matches"
    tail = f" (stopped at --limit {args.limit})" if progress.capped else ""
    print(f"{found} in {progress.scanned:,} objects scanned{tail}", file=sys.stderr)
    return EXIT_OK if progress.found else EXIT_FAILED


def register(element_cmd: Any) -> None:
    p = element_cmd(
        "find",
        cmd_find,
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
