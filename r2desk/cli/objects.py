"""Subcommands on one element's objects (ls, stat, rm, cp, mv, sign, check) and on the app
(elements, demo); ``put``, ``get`` and ``uploads`` are :mod:`r2desk.cli.transfers`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from r2desk.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    fail,
    json_line,
    print_checks,
    print_json,
    say_error,
    shown,
)
from r2desk.elements import App
from r2desk.formatting import human_size
from r2desk.moves import journaled_move, move_log
from r2desk.moves import move_folder as run_folder_move
from r2desk.ops import move_conflicts
from r2desk.results import DeleteFailure, DeleteManyResult, ListPage
from r2desk.storages.meta import Meta


def cmd_ls(el: Meta, args: argparse.Namespace) -> int:
    """Print a listing page by page as it arrives, so memory does not grow with the key
    count (each page shows its folders first: a listing of one page, folders first)."""
    prefix = args.prefix
    if prefix and not prefix.endswith("/") and not args.recursive:
        prefix += "/"
    pages = el.iterPages(prefix, delimiter="" if args.recursive else "/")
    if args.limit:
        pages = _limited(pages, args.limit)
    if args.json:
        _ls_json(prefix, pages)
        return EXIT_OK
    # Listings share few distinct timestamps and sizes: format each once, not per line (the
    # caches are emptied now and then, so they stay small whatever the key count).
    stamps: dict[Any, str] = {}
    sizes: dict[int, str] = {}
    out = sys.stdout
    for page in pages:
        if len(stamps) + len(sizes) > 10_000:
            stamps.clear()
            sizes.clear()
        lines = [f"{'DIR':>12}  {'':19}  {shown(folder)}" for folder in page["folders"]]
        for obj in page["objects"]:
            mod = obj["lastModified"]
            when = stamps.get(mod)
            if when is None:
                when = stamps[mod] = (
                    mod.astimezone().strftime("%Y-%m-%d %H:%M:%S") if mod is not None else ""
                )
            size = sizes.get(obj["size"])
            if size is None:
                n = obj["size"]
                size = sizes[n] = f"{str(n) if args.bytes else human_size(n):>12}"
            lines.append(f"{size}  {when:19}  {shown(obj['key'])}")
        if lines:
            out.write("\n".join(lines) + "\n")
            out.flush()
    return EXIT_OK


def _limited(pages: Iterator[ListPage], limit: int) -> Iterator[ListPage]:
    """Pages until about ``limit`` entries were listed (whole pages, as before)."""
    seen = 0
    for page in pages:
        yield page
        seen += len(page["objects"]) + len(page["folders"])
        if seen >= limit:
            return


def _ls_json(prefix: str, pages: Iterator[ListPage]) -> None:
    """``ls --json`` written as pages arrive: objects one per line as they come, then the
    folders (only their names are kept until the end). Keys are exact, never escaped."""
    out = sys.stdout
    out.write('{\n  "prefix": ' + json.dumps(prefix, ensure_ascii=False) + ',\n  "objects": [')
    folders: list[str] = []
    first = True
    for page in pages:
        folders += page["folders"]
        for obj in page["objects"]:
            out.write(("\n    " if first else ",\n    ") + json_line(obj))
            first = False
        out.flush()
    out.write(("\n  ]" if not first else "]") + ',\n  "folders": ')
    out.write(json.dumps(folders, ensure_ascii=False) + "\n}\n")


def cmd_stat(el: Meta, args: argparse.Namespace) -> int:
    info = el.getObject(args.key)
    if args.json:
        print_json(info)
    else:
        for name, value in info.items():
            if isinstance(value, datetime):
                value = value.astimezone().isoformat(sep=" ", timespec="seconds")
            print(f"{name:>18}: {shown(str(value))}")
    return EXIT_OK


def _say_failed(failed: list[DeleteFailure]) -> None:
    for item in failed:
        say_error(f"could not delete {item['key']!r}: {item['message']}")


def cmd_rm(el: Meta, args: argparse.Namespace) -> int:
    if args.recursive:
        trees = [el.deleteFolder(key) for key in args.keys]
        failed = [item for tree in trees for item in tree["failed"]]
        if args.json:
            print_json(trees)
        else:
            for tree in trees:
                print(f"deleted {tree['deleted']} objects under {shown(tree['prefix'])}")
            _say_failed(failed)
        return EXIT_FAILED if failed else EXIT_OK
    if len(args.keys) == 1:
        el.delete(args.keys[0])
        result: DeleteManyResult = {"deleted": [args.keys[0]], "failed": []}
    else:
        result = el.deleteMany(args.keys)
    if args.json:
        print_json(result)
    else:
        _say_failed(result["failed"])
    return EXIT_FAILED if result["failed"] else EXIT_OK


def cmd_cp(el: Meta, args: argparse.Namespace) -> int:
    result = el.copy(args.source, args.target)
    if args.json:
        print_json(result)
    return EXIT_OK


def cmd_mv(el: Meta, args: argparse.Namespace) -> int:
    if args.recursive:
        return move_folder(
            el, args.source, args.target, overwrite=args.overwrite, as_json=args.json
        )
    result = el.move(args.source, args.target)
    if args.json:
        print_json(result)
    return EXIT_OK


def move_folder(
    el: Meta, source: str, target: str, *, overwrite: bool, as_json: bool = False
) -> int:
    """``mv -r``: every key under ``source/`` to ``target/``, refusing to replace objects."""
    src, dst = source.strip("/") + "/", target.strip("/") + "/"
    if src == "/":
        raise el.where.error("invalid_argument", "move", source, "refusing to move the bucket root")
    if dst.startswith(src):
        raise el.where.error("invalid_argument", "move", source, f"cannot move {src} into itself")
    target = "" if dst == "/" else dst
    moves = [(src, target)]
    row = journaled_move(el, src, el, target)
    if not overwrite:
        log = move_log(el)
        existing = [k for k in move_conflicts(el, moves) if row is None or not log.is_ours(row, k)]
        if existing:
            listed = ", ".join(existing[:5]) + (", ..." if len(existing) > 5 else "")
            what = "1 object exists" if len(existing) == 1 else f"{len(existing)} objects exist"
            raise el.where.error(
                "conflict",
                "move",
                source,
                f"{what} at the target and would be replaced ({listed}); "
                "nothing was moved: give --overwrite to replace them",
            )
    if row is not None and not as_json:
        print(f"resuming the unfinished move of {shown(src)} to {shown(target)}", file=sys.stderr)
    moved: list[str] = []
    result = run_folder_move(el, src, el, target, on_moved=lambda key, _new: moved.append(key))
    if result["moved"] == 0 and result["failedCount"] == 0:
        raise el.where.error("not_found", "move", source, f"there are no objects under {src}")
    if as_json:
        print_json({"source": src, "target": target, "moved": moved})
    else:
        plural = "s" if len(moved) != 1 else ""
        print(f"moved {len(moved)} object{plural} from {shown(src)} to {shown(target)}")
    if result["failedCount"]:
        for failure in result["failed"]:
            say_error(f"{failure['key']}: {failure['message']}")
        return fail(
            f"{result['failedCount']} could not be moved (each is named above); they stay at "
            "the source: run the same move again to retry them",
            EXIT_FAILED,
        )
    return EXIT_OK


def cmd_sign(el: Meta, args: argparse.Namespace) -> int:
    url = el.getSignUrl(args.key, args.content_type, args.expires, method=args.method)
    print(url)
    until = datetime.fromtimestamp(time.time() + args.expires).astimezone()
    print(f"valid until {until.isoformat(sep=' ', timespec='seconds')}", file=sys.stderr)
    return EXIT_OK


def cmd_check(el: Meta, args: argparse.Namespace) -> int:
    report = el.testConnection(write=not args.no_write)
    return print_checks(report, report["problems"], args.json)


def cmd_elements(app: App, args: argparse.Namespace) -> int:
    infos = app.listElements()
    if args.json:
        print_json([{"name": i.name, "title": i.title, "type": i.type} for i in infos])
    else:
        for info in infos:
            kind = info.type or "(broken e.json)"
            print(f"{shown(info.name):30} {shown(kind):28} {shown(info.title)}")
    return EXIT_OK


def cmd_demo(_app: App | None, args: argparse.Namespace) -> int:
    import signal

    from r2desk.demo import missing_demo_dependency, start_demo

    missing = missing_demo_dependency()
    if missing:
        return fail(missing, EXIT_FAILED)
    # A terminated demo still removes its temporary app folder: SIGTERM unwinds like Ctrl+C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with start_demo() as demo:
        print("r2desk demo: a LOCAL, TEMPORARY S3-compatible endpoint inside this process.")
        print("Nothing reaches your account or the internet; everything is gone when it stops.")
        print(f"  endpoint : {demo.endpoint_url}")
        print(f"  app root : {demo.root}")
        print(f"  element  : {demo.element}  (bucket {demo.bucket})")
        # The command as this process was started (.venv/bin/r2desk is not on a newcomer's PATH).
        me = sys.argv[0] if sys.argv and Path(sys.argv[0]).name == "r2desk" else "r2desk"
        print(f"Try, in another terminal:  {me} --app-root {demo.root} ls Demo", flush=True)
        if args.seconds is not None:
            time.sleep(args.seconds)
            return EXIT_OK
        print("Press Ctrl+C to stop.")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("\nstopped")
    return EXIT_OK
