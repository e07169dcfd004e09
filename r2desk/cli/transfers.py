"""``r2desk put``, ``get`` and ``uploads``: the CLI face of the transfer engine.

Ctrl+C leaves the journal in place, so running the same command again resumes; the exit code
follows the StorageError code like every other subcommand.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from r2desk.cli.output import EXIT_OK, exit_code, print_json, say_error, shown
from r2desk.cli.progress import ProgressBar
from r2desk.errors import StorageError
from r2desk.formatting import human_size, local_time
from r2desk.results import FolderResult, UnfinishedUpload
from r2desk.storages.meta import Meta
from r2desk.transfers.control import CancelToken
from r2desk.transfers.pool import set_part_limit
from r2desk.unfinished_uploads import abort_older_than, resume_upload, unfinished_uploads


def _setup(el: Meta, args: argparse.Namespace) -> None:
    if args.jobs:
        if args.jobs < 1:
            raise el.where.error(
                "invalid_argument", args.command, None, "--jobs must be at least 1"
            )
        el.max_concurrency = args.jobs
    if args.parts:
        if args.parts < 1:
            raise el.where.error(
                "invalid_argument", args.command, None, "--parts must be at least 1"
            )
        set_part_limit(args.parts)


def _bar(args: argparse.Namespace, label: str) -> ProgressBar:
    return ProgressBar(label, enabled=False if args.quiet or args.json else None)


def folder_report(verb: str, result: FolderResult, as_json: bool) -> int:
    """The whole outcome of ``put -r`` / ``get -r``: a summary on stdout, then EVERY failed
    file and every skipped entry on stderr, one line each, with why (``--json``: the result,
    listing all of them); the exit code is the first failure's, 0 when nothing failed."""
    failed = result["failed"]
    if as_json:
        print_json(result)
    else:
        print(
            f"{verb} {result['doneCount']} of {result['files']} files "
            f"({human_size(result['bytes'])}), {len(failed)} failed"
        )
        for item in failed:
            say_error(f"failed: {item['key']!r}: {item['error']}")
        for skipped in result.get("skipped", []):
            say_error(f"skipped: {skipped['key']!r} {skipped['reason']}")
    return exit_code(failed[0]["code"]) if failed else EXIT_OK


def cmd_put(el: Meta, args: argparse.Namespace) -> int:
    _setup(el, args)
    path = Path(args.local)
    if path.is_dir():
        if not args.recursive:
            raise el.where.error("invalid_argument", "put", None, f"{path} is a folder: use -r")
        prefix = args.key if args.key is not None else path.resolve().name + "/"
        bar = _bar(args, f"{path}/ → {prefix}")
        try:
            folder = el.uploadFolder(
                str(path),
                prefix,
                progress=bar,
                followSymlinks=args.follow_symlinks,
                raiseOnError=False,
                listDone=args.json,  # the summary needs only the count
            )
        finally:
            bar.close()
        return folder_report("uploaded", folder, args.json)
    key = args.key or path.name
    if key.endswith("/"):
        key += path.name
    bar = _bar(args, key)
    try:
        result = el.uploadFromPath(key, str(path), contentType=args.content_type, progress=bar)
    finally:
        bar.close()
    if args.json:
        print_json(result)
    else:
        if result.get("restartReason"):
            say_error(f"started over: {result['restartReason']}")
        print(result["url"])
    return EXIT_OK


def cmd_get(el: Meta, args: argparse.Namespace) -> int:
    _setup(el, args)
    if args.local == "-":
        if args.recursive:
            raise el.where.error("invalid_argument", "get", args.key, "-r cannot write to stdout")
        return _get_to_stdout(el, args)
    if args.recursive:
        prefix = args.key
        local = args.local or (prefix.rstrip("/").rsplit("/", 1)[-1] or ".")
        bar = _bar(args, f"{prefix} → {local}")
        try:
            folder = el.downloadFolder(
                prefix,
                local,
                progress=bar,
                skipUnsafe=args.skip_unsafe,
                raiseOnError=False,
                listDone=args.json,  # the summary needs only the count
            )
        finally:
            bar.close()
        return folder_report("downloaded", folder, args.json)
    target = args.local or args.key.rsplit("/", 1)[-1]
    bar = _bar(args, args.key)
    try:
        done = el.downloadToPath(args.key, target, progress=bar)
    finally:
        bar.close()
    print_json(done) if args.json else print(shown(done["path"]))
    return EXIT_OK


def _get_to_stdout(el: Meta, args: argparse.Namespace) -> int:
    """Stream the object to stdout in bounded memory; a reader that stops early (``| head``)
    ends the download quietly, as for any Unix filter."""
    out = sys.stdout.buffer
    token = CancelToken()
    closed: list[BrokenPipeError] = []

    def write(data: bytes) -> None:
        if closed:
            return
        try:
            out.write(data)
        except BrokenPipeError as exc:
            closed.append(exc)
            token.cancel()

    bar = _bar(args, args.key)
    try:
        el.downloadToStream(args.key, write, progress=bar, cancel=token)
        out.flush()
    except StorageError:
        if not closed:
            raise
    except BrokenPipeError:
        closed.append(BrokenPipeError())
    finally:
        bar.close()
    if closed:
        # Python would report the broken pipe again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK


def cmd_uploads(el: Meta, args: argparse.Namespace) -> int:
    if args.abort:
        key, upload_id = args.abort
        el.abortUpload(key, upload_id)
        print(f"aborted {upload_id} ({shown(key)})")
        return EXIT_OK
    if args.abort_older is not None:
        done = abort_older_than(el, args.abort_older, args.prefix)
        print(f"aborted {len(done)} unfinished upload(s) older than {args.abort_older:g} days")
        return EXIT_OK
    if args.abort_all:
        uploads = el.listUploads(args.prefix)
        aborted = 0
        for u in uploads:
            try:
                el.abortUpload(u["key"], u["uploadId"])
                aborted += 1
            except StorageError as exc:
                if exc.code != "not_found":  # finished or aborted meanwhile
                    raise
        print(f"aborted {aborted} unfinished upload(s)")
        return EXIT_OK
    rows = unfinished_uploads(el, args.prefix)
    if args.resume:
        return _resume_all(el, rows, args)
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        print("no unfinished uploads")
    else:
        print(f"{'STARTED':16}  {'AGE':>6}  {'PARTS':>5}  {'BYTES':>10}  {'EXPIRES':>7}  KEY")
    for r in rows:
        age = f"{r['ageDays']:.1f}d" if r["ageDays"] is not None else "?"
        parts = str(r["parts"]) if r["parts"] is not None else "?"
        size = human_size(r["bytes"]) if r["bytes"] is not None else "?"
        expires = _expires(r["expiresInDays"])
        mine = f"  resumable from {shown(r['path'] or '')}" if r["resumable"] else ""
        print(
            f"{local_time(r['initiated']):16}  {age:>6}  {parts:>5}  {size:>10}  {expires:>7}  "
            f"{shown(r['key'])}  ({r['uploadId']}){mine}"
        )
    return EXIT_OK


def _expires(days: float | None) -> str:
    if days is None:
        return "never"
    return "now" if days <= 0 else f"{days:.1f}d"


def _resume_all(el: Meta, rows: list[UnfinishedUpload], args: argparse.Namespace) -> int:
    todo = [r for r in rows if r["resumable"]]
    if not todo:
        print("no upload here can be resumed from this computer's journal")
        return EXIT_OK
    for r in todo:
        bar = _bar(args, r["key"])
        try:
            result = resume_upload(el, r)
        finally:
            bar.close()
        print(
            f"finished {shown(r['key'])} from {shown(r['path'] or '')} "
            f"({human_size(result['size'])})"
        )
    return EXIT_OK
