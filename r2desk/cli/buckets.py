"""``r2desk buckets``, ``cors``, ``lifecycle`` and ``storage-class``: a connection's buckets and
their settings, on the element's bucket methods (the same the settings dialog calls).

Every ELEMENT here takes ``ELEMENT@bucket`` (``r2desk.elements.locations``); rules files are
JSON, in our form (as ``get`` prints) or S3's (``{"CORSRules": [...]}``, ``{"Rules": [...]}``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from r2desk.cli.output import EXIT_OK, EXIT_USAGE, UsageError, fail, print_json, shown
from r2desk.elements import App
from r2desk.elements.locations import parse_element, resolve
from r2desk.formatting import human_size
from r2desk.storages import bucket_rules as rules
from r2desk.storages.meta import Meta

BUCKET_VERBS = ("ls", "create", "rm", "empty")


def _element(app: App, text: str) -> Meta:
    """The element of an ``ELEMENT[@bucket]`` argument (a bad one is a usage error)."""
    return resolve(app, parse_element(text))[0]


def _read_json(path: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        return json.loads(text)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path} is not valid JSON (line {exc.lineno}: {exc.msg})") from None


# -- buckets -----------------------------------------------------------------------------------


def cmd_buckets(app: App, args: argparse.Namespace) -> int:
    words = list(args.words)
    verb = words.pop(0) if words[0] in BUCKET_VERBS else "ls"
    need = {"ls": 1, "create": 2, "rm": 2, "empty": 2}[verb]
    if len(words) != need:
        usage = "ELEMENT" if need == 1 else "ELEMENT NAME"
        return fail(f"usage: r2desk buckets {verb} {usage}", EXIT_USAGE)
    el = _element(app, words[0])
    if verb == "ls":
        found = el.connectionBuckets()
        if args.json:
            print_json(found)
            return EXIT_OK
        for n, b in enumerate(found["buckets"]):
            when = b["created"].astimezone().strftime("%Y-%m-%d") if b["created"] else ""
            print(f"{'*' if n == 0 else ' '} {when:10}  {b['name']}")
        if not found["listed"]:
            print(f"r2desk: only the connection's bucket: {found['problem']}", file=sys.stderr)
        return EXIT_OK
    name = words[1]
    if verb == "create":
        el.createBucket(name, args.location)
        print(f"created bucket {name}")
    elif verb == "rm":
        el.deleteBucket(name)
        print(f"deleted bucket {name}")
    else:
        return _empty(el.forBucket(name), name, args.yes)
    return EXIT_OK


def _empty(el: Meta, name: str, yes: bool) -> int:
    count = el.countObjects()
    what = f"{count['objects']:,} objects ({human_size(count['bytes'])})"
    if not yes:
        if not sys.stdin.isatty():
            return fail(f"bucket {name} holds {what}: give --yes to delete them all", EXIT_USAGE)
        typed = input(f"Bucket {name} holds {what}. Type its name to delete them all: ")
        if typed.strip() != name:
            return fail("the name did not match: nothing was deleted", EXIT_USAGE)
    result = el.emptyBucket()
    print(
        f"deleted {result['deleted']:,} of {what} from {name}; aborted "
        f"{result['abortedUploads']} unfinished upload(s)"
    )
    for item in result["failed"]:
        print(
            f"r2desk: could not delete {shown(item['key'], sys.stderr)}: {item['message']}",
            file=sys.stderr,
        )
    return 1 if result["failed"] else EXIT_OK


# -- cors, lifecycle ----------------------------------------------------------------------------


def cmd_cors(app: App, args: argparse.Namespace) -> int:
    el = _element(app, args.element)
    if args.verb == "get":
        found = el.getBucketCors()
        print(rules.cors_xml(found, el.where.bucket) if args.xml else json.dumps(found, indent=2))
    elif args.verb == "set":
        if not args.file:
            return fail("usage: r2desk cors set ELEMENT FILE.json ('-' for stdin)", EXIT_USAGE)
        try:
            wanted = rules.cors_from_json(_read_json(args.file))
        except ValueError as exc:
            return fail(f"{args.file}: {exc}", EXIT_USAGE)
        el.putBucketCors(wanted)
        print(f"saved {len(wanted)} CORS rule(s) on {el.where.bucket}")
    else:
        el.deleteBucketCors()
        print(f"removed the CORS rules of {el.where.bucket}")
    return EXIT_OK


def cmd_lifecycle(app: App, args: argparse.Namespace) -> int:
    el = _element(app, args.element)
    if args.verb == "get":
        found = el.getBucketLifecycle()
        if args.xml:
            print(rules.lifecycle_xml(found, el.where.bucket))
        else:
            print(json.dumps(found, indent=2))
        if el.config.is_r2 and not any(r["abortMultipartDays"] for r in found):
            print(
                f"r2desk: R2 aborts unfinished uploads after {rules.R2_DEFAULT_ABORT_DAYS} days "
                "by default",
                file=sys.stderr,
            )
    elif args.verb == "set":
        if not args.file:
            return fail("usage: r2desk lifecycle set ELEMENT FILE.json", EXIT_USAGE)
        try:
            wanted = rules.lifecycle_from_json(_read_json(args.file))
        except ValueError as exc:
            return fail(f"{args.file}: {exc}", EXIT_USAGE)
        el.putBucketLifecycle(wanted)
        print(f"saved {len(wanted)} lifecycle rule(s) on {el.where.bucket}")
    else:
        el.deleteBucketLifecycle()
        print(f"removed the lifecycle rules of {el.where.bucket}")
    return EXIT_OK


# -- storage class -------------------------------------------------------------------------------


def cmd_storage_class(el: Meta, args: argparse.Namespace) -> int:
    *keys, wanted = args.keys_and_class
    if wanted not in rules.STORAGE_CLASSES or not keys:
        return fail(
            "usage: r2desk storage-class ELEMENT KEY... STANDARD|STANDARD_IA [-r]", EXIT_USAGE
        )
    if wanted == "STANDARD_IA":
        print(f"r2desk: {rules.IA_TERMS}", file=sys.stderr)
    changed = 0
    for key in keys:
        names = [o["key"] for o in el.iterObjects(key)] if args.recursive else [key]
        for name in names:
            result = el.setStorageClass(name, wanted)
            if result["previous"] != wanted:
                changed += 1
                print(f"{result['previous']} → {wanted}  {shown(name)}")
    print(f"{changed} object(s) changed", file=sys.stderr)
    return EXIT_OK
