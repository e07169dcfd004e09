"""``r2desk find``: search a bucket (or a prefix) by name, size and date, streaming the listing."""

from __future__ import annotations

import argparse
import sys

from r2desk.cli.output import EXIT_FAILED, EXIT_OK, json_line, shown
from r2desk.formatting import human_size, local_time
from r2desk.search import Query, SearchProgress, search
from r2desk.storages.meta import Meta


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
