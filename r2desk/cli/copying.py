"""``r2desk cp`` and ``r2desk mv`` between any two locations: local paths and
``ELEMENT[@bucket]:key`` on any connection.

Bucket to bucket goes through ``copyTo`` (server-side within one account, else streamed and
verified); local to bucket and back through the upload and download methods. A move deletes a
source only after its copy was verified. The older form ``cp ELEMENT SRC DST`` still works.
Folder copies (``-r``) stream the source listing and keep a bounded number of copies in flight,
so memory does not grow with the number of keys; every failure is reported, not just the first.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from r2desk.cli import objects
from r2desk.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    escaped,
    fail,
    json_line,
    say_error,
    shown,
)
from r2desk.cli.transfers import folder_report
from r2desk.elements import App
from r2desk.elements.locations import (
    Location,
    LocationError,
    parse_element,
    parse_location,
    resolve,
)
from r2desk.errors import StorageError
from r2desk.moves import journaled_move, move_folder
from r2desk.storages.meta import Meta

#: Object copies in flight during ``cp -r`` between buckets (each may itself use parts).
IN_FLIGHT = 8


def _locations(args: argparse.Namespace) -> tuple[Location, Location]:
    """SRC and DST of the ``SRC DST`` form."""
    paths: list[str] = args.paths
    if len(paths) != 2:
        raise LocationError(" ".join(paths), "give SRC and DST (or ELEMENT SRC DST)")
    return parse_location(paths[0]), parse_location(paths[1])


def _within_one_bucket(args: argparse.Namespace, el: Meta, source: str, target: str) -> int:
    """A copy or move inside one bucket: the element's own copy / move (``mv -r`` refuses to
    replace objects unless ``--overwrite``), as the older ``cp ELEMENT SRC DST`` form did."""
    args.source, args.target = source, target
    return objects.cmd_cp(el, args) if args.command == "cp" else objects.cmd_mv(el, args)


def _target_key(src_key: str, dst_key: str) -> str:
    """``a/b.txt`` into ``x/`` (or the bucket root) is ``x/b.txt``; else the key given."""
    if dst_key == "" or dst_key.endswith("/"):
        return dst_key + src_key.rstrip("/").rsplit("/", 1)[-1]
    return dst_key


def _report(
    args: argparse.Namespace, verb: str, source: str, target: str, result: Any = None
) -> None:
    if args.json:
        print(json_line({"source": source, "target": target, "result": result}))
    elif not args.quiet:
        how = ""
        if isinstance(result, dict) and "method" in result:
            via = "server-side" if result["method"] == "server" else "streamed"
            how = f"  ({via}, verified: {result['verified']})"
        print(f"{verb} {shown(source)} -> {shown(target)}{how}")


def _objects(el: Meta, prefix: str) -> Iterator[str]:
    for obj in el.iterObjects(prefix):
        yield obj["key"]


def _each_in_flight(
    keys: Iterator[str], work: Callable[[str], Any], on_done: Callable[[str, Any, Any], None]
) -> None:
    """Run ``work(key)`` for every key with at most IN_FLIGHT at once, reading keys lazily."""
    with ThreadPoolExecutor(IN_FLIGHT) as pool:
        running: dict[Future[Any], str] = {}
        for key in keys:
            if len(running) >= IN_FLIGHT:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    _settle(running.pop(fut), fut, on_done)
            running[pool.submit(work, key)] = key
        for fut in list(running):
            fut.exception()  # waits
            _settle(running.pop(fut), fut, on_done)


def _settle(key: str, fut: Future[Any], on_done: Callable[[str, Any, Any], None]) -> None:
    exc = fut.exception()
    on_done(key, None if exc else fut.result(), exc)


def _bucket_to_bucket(
    args: argparse.Namespace, src_el: Meta, src: Location, dst_el: Meta, dst: Location
) -> int:
    move = args.command == "mv"
    same_bucket = src_el.where.bucket == dst_el.where.bucket and src_el.sameAccount(dst_el)
    if same_bucket and (move or not args.recursive) and not args.no_clobber:
        target = dst.key if args.recursive else _target_key(src.key, dst.key)
        return _within_one_bucket(args, src_el, src.key, target)
    verb = "moved" if move else "copied"
    lock = threading.Lock()
    failed: list[tuple[str, StorageError]] = []
    count = 0

    def one(key: str, target: str) -> Any:
        if args.no_clobber and dst_el.exists(target):
            return None
        result = src_el.copyTo(key, dst_el, target)
        if move:
            src_el.delete(key)
        return result

    if not args.recursive:
        target = _target_key(src.key, dst.key)
        result = one(src.key, target)
        if result is None:
            say_error(f"skipped {src.key}: {target} exists (--no-clobber)")
        else:
            _report(args, verb, str(src), _shown(dst, target), result)
        return EXIT_OK

    prefix = src.key if src.key == "" or src.key.endswith("/") else src.key + "/"
    dprefix = dst.key if dst.key == "" or dst.key.endswith("/") else dst.key + "/"
    if same_bucket and dprefix.startswith(prefix):
        raise src_el.where.error(
            "invalid_argument", args.command, src.key, f"cannot copy {prefix} into itself"
        )

    if move:
        return _move_tree(args, src_el, prefix, dst_el, dprefix, src, dst)

    def work(key: str) -> Any:
        return one(key, dprefix + key[len(prefix) :])

    def done(key: str, result: Any, exc: BaseException | None) -> None:
        nonlocal count
        with lock:
            if exc is not None:
                if not isinstance(exc, StorageError):
                    raise exc
                failed.append((key, exc))
                say_error(str(exc))
            elif result is not None:
                count += 1
                _report(args, verb, key, dprefix + key[len(prefix) :], result)

    _each_in_flight(_objects(src_el, prefix), work, done)
    if not args.json:
        noun = "object" if count == 1 else "objects"
        print(
            f"{verb} {count} {noun} from {escaped(str(src))} to {escaped(str(dst))}",
            file=sys.stderr,
        )
    if failed:
        return fail(f"{len(failed)} could not be {verb} (each is named above)", EXIT_FAILED)
    if count == 0 and not args.no_clobber:
        raise src_el.where.error(
            "not_found", args.command, prefix, f"there are no objects under {prefix or '/'}"
        )
    return EXIT_OK


def _move_tree(
    args: argparse.Namespace,
    src_el: Meta,
    prefix: str,
    dst_el: Meta,
    dprefix: str,
    src: Location,
    dst: Location,
) -> int:
    """``mv -r`` between buckets: batched deletes, journaled, so running it again resumes."""
    if journaled_move(src_el, prefix, dst_el, dprefix) is not None and not args.json:
        say_error(f"resuming the unfinished move of {escaped(str(src))} to {escaped(str(dst))}")
    lock = threading.Lock()

    def place(key: str, target: str) -> str | None:
        if args.no_clobber and dst_el.exists(target):
            return None
        return target

    def moved(key: str, target: str) -> None:
        with lock:
            _report(args, "moved", key, _shown(dst, target))

    result = move_folder(
        src_el,
        prefix,
        dst_el,
        dprefix,
        place=place,
        on_moved=moved,
        on_failed=lambda key, why: say_error(f"{key}: {why}"),
    )
    if not args.json:
        noun = "object" if result["moved"] == 1 else "objects"
        print(
            f"moved {result['moved']} {noun} from {escaped(str(src))} to {escaped(str(dst))}"
            + (f" ({result['resumed']} copied by the earlier run)" if result["resumed"] else ""),
            file=sys.stderr,
        )
    if result["failedCount"]:
        return fail(
            f"{result['failedCount']} could not be moved (each is named above); they stay at "
            "the source: run the same move again to retry them",
            EXIT_FAILED,
        )
    if result["moved"] == 0 and not args.no_clobber:
        raise src_el.where.error(
            "not_found", args.command, prefix, f"there are no objects under {prefix or '/'}"
        )
    return EXIT_OK


def _shown(loc: Location, key: str) -> str:
    return key if loc.is_local else str(Location(element=loc.element, bucket=loc.bucket, key=key))


def _local_to_bucket(args: argparse.Namespace, path: Path, dst_el: Meta, dst: Location) -> int:
    if path.is_dir():
        if not args.recursive:
            return fail(f"{path} is a folder: give -r to copy it with its contents", EXIT_USAGE)
        prefix = dst.key if dst.key == "" or dst.key.endswith("/") else dst.key + "/"
        if args.command == "mv":
            return fail("mv from a local folder is not done: use cp -r", EXIT_USAGE)
        result = dst_el.uploadFolder(str(path), prefix, raiseOnError=False)
        return folder_report("uploaded", result, args.json)
    else:
        target = _target_key(path.name, dst.key)
        result_one = dst_el.uploadFromPath(target, str(path))
        _report(args, "uploaded", str(path), _shown(dst, target), result_one)
    if args.command == "mv":
        os.remove(path)  # the upload was verified
    return EXIT_OK


def _bucket_to_local(args: argparse.Namespace, src_el: Meta, src: Location, path: Path) -> int:
    if args.recursive:
        prefix = src.key if src.key == "" or src.key.endswith("/") else src.key + "/"
        if args.command == "mv":
            return fail("mv of a bucket folder to a local one is not done: use cp -r", EXIT_USAGE)
        result = src_el.downloadFolder(prefix, str(path), raiseOnError=False)
        return folder_report("downloaded", result, args.json)
    target = path / src.key.rsplit("/", 1)[-1] if path.is_dir() else path
    result_one = src_el.downloadToPath(src.key, str(target))
    _report(args, "downloaded", str(src), str(target), result_one)
    if args.command == "mv":
        src_el.delete(src.key)
    return EXIT_OK


def cmd_copy(app: App, args: argparse.Namespace) -> int:
    if len(args.paths) == 3:  # the older form: ELEMENT SRC DST, within one bucket
        el, _ = resolve(app, parse_element(args.paths[0]))
        return _within_one_bucket(args, el, args.paths[1], args.paths[2])
    try:
        src, dst = _locations(args)
    except LocationError as exc:
        return fail(str(exc), EXIT_USAGE)
    if src.is_local and dst.is_local:
        return fail("both sides are local paths: use your file manager or cp", EXIT_USAGE)
    if src.is_local:
        assert src.path is not None
        dst_el, _ = resolve(app, dst)
        return _local_to_bucket(args, Path(os.path.expanduser(src.path)), dst_el, dst)
    src_el, _ = resolve(app, src)
    if dst.is_local:
        assert dst.path is not None
        return _bucket_to_local(args, src_el, src, Path(os.path.expanduser(dst.path)))
    dst_el, _ = resolve(app, dst)
    return _bucket_to_bucket(args, src_el, src, dst_el, dst)
