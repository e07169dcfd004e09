"""``r2desk sync``, ``compare`` and ``migrate``: the CLI face of ``r2desk.sync``.

Locations are read by the one parser (``r2desk.elements.locations``): a local folder, or
``ELEMENT[@bucket][:prefix]``. Each difference is one line as it is found (``--json``: one
JSON object per line, then the report); the totals close the output.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from r2desk.cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, escaped, exit_code, fail
from r2desk.cli.progress import ProgressBar
from r2desk.elements import App
from r2desk.elements.locations import LocationError, parse_element, parse_location, resolve
from r2desk.formatting import human_size
from r2desk.results import PlanTotals, SyncItem, SyncReport, VerifyRecord
from r2desk.sync.migrate import migrate
from r2desk.sync.run import Options, compare, run
from r2desk.sync.sides import BucketSide, LocalSide, Side
from r2desk.sync.watch import watch

ORDER = ("create", "update", "delete", "extra", "conflict", "collision", "invalid", "same")


def side_of(app: App, text: str, jobs: int = 0) -> Side:
    """A location as a side: a local folder, or a bucket prefix of an element."""
    loc = parse_location(text)
    if loc.is_local:
        return LocalSide(loc.path)
    element, key = resolve(app, loc)
    if jobs:
        element.max_concurrency = jobs
    return BucketSide(element, key)


class _Printer:
    def __init__(self, args: argparse.Namespace) -> None:
        self.json = bool(args.json)
        self.quiet = bool(getattr(args, "quiet", False))
        self.differences = 0

    def item(self, item: SyncItem) -> None:
        self.differences += 1  # every item but "same" (never sent) is a difference
        if self.json:
            print(json.dumps({"item": item}, ensure_ascii=False), flush=False)
        elif not self.quiet:
            arrow = "<-" if item["direction"] == "b>a" else "->"
            why = f"  ({escaped(item['reason'])})" if item["reason"] else ""
            size = human_size(item["size"])
            print(f"{item['action']:<9} {arrow} {size:>10}  {escaped(item['key'])}{why}")

    def record(self, rec: VerifyRecord) -> None:
        if self.json:
            print(json.dumps({"verified": rec}, ensure_ascii=False))
        elif rec["status"] != "verified":
            print(f"{rec['status']:<17} {escaped(rec['key'])}  {escaped(rec['detail'])}")


def _totals(totals: PlanTotals, dry: bool) -> None:
    parts = [
        f"{name} {totals[name]['count']} ({human_size(totals[name]['bytes'])})"
        for name in ORDER
        if totals[name]["count"]
    ]
    print(("plan: " if dry else "") + (", ".join(parts) or "nothing to compare"))


def _bar(args: argparse.Namespace, label: str) -> ProgressBar:
    return ProgressBar(label, enabled=False if args.quiet or args.json or args.dry_run else None)


def _finish(report: SyncReport, printer: _Printer, args: argparse.Namespace) -> int:
    if printer.json:
        print(json.dumps({"report": report}, ensure_ascii=False))
    else:
        _totals(report["totals"], report["dryRun"])
        for f in report["failed"][:20]:
            print(f"r2desk: failed: {escaped(f['error'])}", file=sys.stderr)
        if len(report["failed"]) > 20:
            print(f"r2desk: ... and {len(report['failed']) - 20} more failures", file=sys.stderr)
    if report["failed"]:
        return exit_code(report["failed"][0]["code"])
    if report["deletesRefused"]:
        return fail(report["deletesRefused"], EXIT_FAILED)
    conflicts = report["totals"]["conflict"]["count"]
    if conflicts and not report["dryRun"]:
        return fail(
            f"{conflicts} conflict(s) left as they are: decide with --conflict "
            "newer|keep-both|skip, or in the app",
            EXIT_FAILED,
        )
    return EXIT_OK


def cmd_sync(app: App, args: argparse.Namespace) -> int:
    try:
        a, b = side_of(app, args.source, args.jobs), side_of(app, args.target, args.jobs)
    except LocationError as exc:
        return fail(str(exc), EXIT_USAGE)
    opts = Options(
        two_way=args.two_way,
        delete=args.delete,
        max_delete=args.max_delete,
        force=args.force,
        checksum=args.checksum,
        dry_run=args.dry_run,
        policy=args.conflict,
    )
    printer = _Printer(args)
    if args.watch:
        return _watch(a, b, opts, printer, args)
    bar = _bar(args, f"{args.source} → {args.target}")
    try:
        report = run(a, b, opts, on_item=printer.item, progress=bar)
    finally:
        bar.close()
    return _finish(report, printer, args)


def _watch(a: Side, b: Side, opts: Options, printer: _Printer, args: argparse.Namespace) -> int:
    if not isinstance(a, LocalSide) or opts.two_way or opts.dry_run:
        return fail(
            "--watch keeps a local SRC synced one-way (no --two-way, --dry-run)", EXIT_USAGE
        )
    if args.interval <= 0:
        return fail("--interval must be more than 0 seconds", EXIT_USAGE)

    def said(report: SyncReport) -> None:
        _finish(report, printer, args)
        sys.stdout.flush()

    try:
        watch(
            a,
            b,
            opts,
            interval=args.interval,
            debounce=args.interval,
            on_run=said,
            on_item=printer.item,
        )
    except KeyboardInterrupt:
        print("r2desk: stopped watching", file=sys.stderr)
    return EXIT_OK


def cmd_compare(app: App, args: argparse.Namespace) -> int:
    try:
        a, b = side_of(app, args.source), side_of(app, args.target)
    except LocationError as exc:
        return fail(str(exc), EXIT_USAGE)
    printer = _Printer(args)
    report = compare(a, b, checksum=args.checksum, on_item=printer.item)
    code = _finish(report, printer, args)
    if code == EXIT_OK and printer.differences:
        return EXIT_FAILED
    return code


def cmd_migrate(app: App, args: argparse.Namespace) -> int:
    try:
        src_loc, dst_loc = parse_element(args.source), parse_element(args.target)
    except LocationError as exc:
        return fail(str(exc), EXIT_USAGE)
    src, _ = resolve(app, src_loc)
    dst, _ = resolve(app, dst_loc)
    if args.jobs:
        src.max_concurrency = dst.max_concurrency = args.jobs
    report_path = args.report or Path(f"migrate-{src_loc.short_element}.jsonl")
    printer = _Printer(args)
    bar = _bar(args, f"{args.source} → {args.target}")
    try:
        result = migrate(
            src,
            dst,
            report_path,
            app=app,
            switch=args.switch,
            dry_run=args.dry_run,
            on_item=printer.item,
            on_record=printer.record,
            progress=bar,
        )
    finally:
        bar.close()
    code = _finish(result["sync"], printer, args)
    if printer.json:
        print(json.dumps({"migrate": {k: v for k, v in result.items() if k != "sync"}}))
    elif not args.dry_run:
        print(
            f"verified {result['verified']} of {result['objects']} objects; "
            f"{result['problems']} problem(s); report: {result['report']}"
        )
        if result["switched"]:
            print(f"switched {src_loc.element} to the new store; old config: {result['backup']}")
    if result["problems"]:
        why = "not switched: " if args.switch else ""
        return fail(
            f"{why}{result['problems']} object(s) failed verification", exit_code("integrity_error")
        )
    if args.switch and not args.dry_run and not result["switched"]:
        return fail("not switched: the copy did not finish; run migrate again", code or EXIT_FAILED)
    return code
