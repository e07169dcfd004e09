"""``r2desk``: the desktop app by default, and scripting subcommands on the same element API.

Errors are one line on stderr; the exit code says what kind of failure it was (see EXIT_CODES)
so scripts can branch without parsing text.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from r2desk import __version__, cli_transfers
from r2desk.cli_connections import register as register_connections
from r2desk.elements import App
from r2desk.errors import StorageError
from r2desk.formatting import human_size
from r2desk.storages.meta import Meta

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
#: Exit code by StorageError code; anything not listed exits 1.
EXIT_CODES: dict[str, int] = {
    "not_found": 3,
    "bucket_not_found": 3,
    "unknown_element": 3,
    "auth_failed": 4,
    "access_denied": 4,
    "missing_secret": 4,
    "unreachable": 5,
    "timeout": 5,
    "tls_error": 5,
    "invalid_config": 6,
    "invalid_argument": 2,
    "integrity_error": 7,
    "cancelled": 130,
}


def default_app_root() -> Path:
    """The user's app folder: platformdirs' config folder for r2desk."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("r2desk", appauthor=False))


def element_name(text: str) -> str:
    """Accept ``MyR2`` as shorthand for ``storages.MyR2``."""
    return text if "." in text else f"storages.{text}"


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def print_json(data: Any) -> None:
    print(json.dumps(data, default=_json_default, ensure_ascii=False, indent=2))


# -- subcommands -------------------------------------------------------------------------------


def cmd_ls(el: Meta, args: argparse.Namespace) -> int:
    prefix = args.prefix
    if prefix and not prefix.endswith("/") and not args.recursive:
        prefix += "/"
    delimiter = "" if args.recursive else "/"
    objects: list[dict[str, Any]] = []
    folders: list[str] = []
    token: str | None = None
    while True:
        page = el.listObjects(prefix, delimiter=delimiter, continuationToken=token)
        objects += page["objects"]
        folders += page["folders"]
        token = page["nextToken"]
        if not token or (args.limit and len(objects) + len(folders) >= args.limit):
            break
    if args.json:
        print_json({"prefix": prefix, "folders": folders, "objects": objects})
        return EXIT_OK
    lines = [f"{'DIR':>12}  {'':19}  {folder}" for folder in folders]
    # Listings share few distinct timestamps and sizes: format each once, not per line.
    stamps: dict[Any, str] = {}
    sizes: dict[int, str] = {}
    for obj in objects:
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
        lines.append(f"{size}  {when:19}  {obj['key']}")
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def cmd_stat(el: Meta, args: argparse.Namespace) -> int:
    info = el.getObject(args.key)
    if args.json:
        print_json(info)
    else:
        for name, value in info.items():
            if isinstance(value, datetime):
                value = value.astimezone().isoformat(sep=" ", timespec="seconds")
            print(f"{name:>18}: {value}")
    return EXIT_OK


def cmd_rm(el: Meta, args: argparse.Namespace) -> int:
    if args.recursive:
        failed = 0
        for key in args.keys:
            result = el.deleteFolder(key)
            failed += len(result["failed"])
            print(f"deleted {result['deleted']} objects under {result['prefix']}")
            for item in result["failed"]:
                print(f"r2desk: could not delete {item['key']}: {item['message']}", file=sys.stderr)
        return EXIT_FAILED if failed else EXIT_OK
    if len(args.keys) == 1:
        el.delete(args.keys[0])
        return EXIT_OK
    result = el.deleteMany(args.keys)
    for item in result["failed"]:
        print(f"r2desk: could not delete {item['key']}: {item['message']}", file=sys.stderr)
    return EXIT_FAILED if result["failed"] else EXIT_OK


def cmd_cp(el: Meta, args: argparse.Namespace) -> int:
    el.copy(args.source, args.target)
    return EXIT_OK


def cmd_mv(el: Meta, args: argparse.Namespace) -> int:
    el.move(args.source, args.target)
    return EXIT_OK


def cmd_sign(el: Meta, args: argparse.Namespace) -> int:
    url = el.getSignUrl(args.key, args.content_type, args.expires, method=args.method)
    print(url)
    until = datetime.fromtimestamp(time.time() + args.expires).astimezone()
    print(f"valid until {until.isoformat(sep=' ', timespec='seconds')}", file=sys.stderr)
    return EXIT_OK


def print_checks(report: dict[str, Any], messages: list[str], as_json: bool) -> int:
    """Show a testConnection report (table on stdout, words on stderr); return the exit code."""
    if as_json:
        print_json(report)
    else:
        for name in ("endpoint", "credentials", "bucket", "write"):
            state = {True: "ok", False: "FAILED", None: "not checked"}[report[name]]
            print(f"{name:>12}: {state}")
        for text in messages:
            print(f"r2desk: {text}", file=sys.stderr)
    if report["ok"]:
        return EXIT_OK
    return EXIT_CODES.get(report["codes"][0], EXIT_FAILED) if report["codes"] else EXIT_FAILED


def cmd_check(el: Meta, args: argparse.Namespace) -> int:
    report = el.testConnection(write=not args.no_write)
    return print_checks(report, report["problems"], args.json)


def cmd_elements(app: App, args: argparse.Namespace) -> int:
    infos = app.listElements()
    if args.json:
        print_json([{"name": i.name, "title": i.title, "type": i.type} for i in infos])
    else:
        for info in infos:
            print(f"{info.name:30} {info.type or '(broken e.json)':28} {info.title}")
    return EXIT_OK


def cmd_demo(_app: App | None, args: argparse.Namespace) -> int:
    import signal

    from r2desk.demo import start_demo

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


ElementCommand = Callable[[Meta, argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="r2desk",
        description="Desktop file manager for Cloudflare R2 and S3-compatible stores. "
        "With no command it opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"r2desk {__version__}")
    parser.add_argument(
        "--app-root",
        type=Path,
        default=None,
        help="folder holding storages/<Name>/ elements (default: your r2desk config folder)",
    )
    parser.add_argument("--demo", action="store_true", help="open the app on a local demo endpoint")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end on the demo endpoint (offscreen if no "
        "display), print one line, exit 0 or 1",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def element_cmd(name: str, fn: ElementCommand, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("element", help="element name, e.g. MyR2 or storages.MyR2")
        p.set_defaults(element_fn=fn)
        return p

    p = element_cmd("ls", cmd_ls, "list a prefix (folders first)")
    p.add_argument("prefix", nargs="?", default="")
    p.add_argument("-r", "--recursive", action="store_true", help="every key below, no folders")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--bytes", action="store_true", help="sizes in bytes")
    p.add_argument("--limit", type=int, default=0, help="stop after about N entries")

    p = element_cmd("stat", cmd_stat, "show an object's information")
    p.add_argument("key")
    p.add_argument("--json", action="store_true")

    p = element_cmd("put", cli_transfers.cmd_put, "upload a local file or (-r) folder")
    p.add_argument("local")
    p.add_argument("key", nargs="?", help="target key or prefix (default: the file name)")
    cli_transfers.add_put_options(p)

    p = element_cmd("get", cli_transfers.cmd_get, "download an object or (-r) a prefix")
    p.add_argument("key")
    p.add_argument("local", nargs="?", help="target file or folder, '-' for stdout")
    cli_transfers.add_get_options(p)

    cli_transfers.register(element_cmd)

    p = element_cmd("rm", cmd_rm, "delete objects")
    p.add_argument("keys", nargs="+")
    p.add_argument("-r", "--recursive", action="store_true", help="delete everything below")

    p = element_cmd("cp", cmd_cp, "copy an object (server side)")
    p.add_argument("source")
    p.add_argument("target")

    p = element_cmd("mv", cmd_mv, "move or rename an object")
    p.add_argument("source")
    p.add_argument("target")

    p = element_cmd("sign", cmd_sign, "print a presigned URL")
    p.add_argument("key")
    p.add_argument("--expires", type=int, default=300, help="seconds, 1 to 604800 (7 days)")
    p.add_argument("--method", default="GET", choices=["GET", "PUT", "HEAD", "DELETE"])
    p.add_argument("--content-type", default=None)

    p = element_cmd("check", cmd_check, "test the connection of an element")
    p.add_argument("--no-write", action="store_true", help="skip the write probe")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("elements", help="list the app's storage elements")
    p.add_argument("--json", action="store_true")
    p.set_defaults(app_fn=cmd_elements)

    p = sub.add_parser("demo", help="run the local demo endpoint (no account needed)")
    p.add_argument("--seconds", type=float, default=None, help=argparse.SUPPRESS)
    p.set_defaults(app_fn=cmd_demo, no_app=True)

    register_connections(sub)
    return parser


def report_error(exc: StorageError) -> int:
    print(f"r2desk: {exc}", file=sys.stderr)
    return EXIT_CODES.get(exc.code, EXIT_FAILED)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from r2desk.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from r2desk.gui.app import run_gui

        return run_gui(args.app_root, demo=args.demo)
    root = args.app_root or default_app_root()
    try:
        if getattr(args, "no_app", False):
            return int(args.app_fn(None, args))
        app = App(root)
        if hasattr(args, "app_fn"):
            return int(args.app_fn(app, args))
        element = app.getElement(element_name(args.element))
        return int(args.element_fn(element, args))
    except StorageError as exc:
        return report_error(exc)
    except KeyboardInterrupt:
        print("r2desk: interrupted", file=sys.stderr)
        return EXIT_CODES["cancelled"]
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
