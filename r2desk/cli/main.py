"""``r2desk``: the desktop app by default, and scripting subcommands on the same element API.

This module builds the parser from the subcommand modules and dispatches: an element command
gets the ready element, an app command the App; every StorageError becomes one line on stderr
and an exit code (:mod:`r2desk.cli.output`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from r2desk import __version__
from r2desk.cli import connections, edit, find, objects, transfers
from r2desk.cli.output import EXIT_OK, exit_code, report_error
from r2desk.dirs import app_root
from r2desk.elements import App
from r2desk.elements.locations import Location, LocationError, parse_element, resolve
from r2desk.errors import ErrorCode, StorageError
from r2desk.storages.meta import Meta

ElementCommand = Callable[[Meta, argparse.Namespace], int]


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
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "element",
            type=element_location,
            help="element, e.g. MyR2 or storages.MyR2; MyR2@BUCKET for another bucket of "
            "the same connection",
        )
        p.set_defaults(element_fn=fn)
        return p

    objects.register_reading(element_cmd)
    transfers.register(element_cmd)
    find.register(element_cmd)
    edit.register(element_cmd)
    objects.register_changing(element_cmd, sub)
    connections.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from r2desk.gui.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from r2desk.gui.app import run_gui

        return run_gui(args.app_root, demo=args.demo)
    root = args.app_root or app_root()
    try:
        if getattr(args, "no_app", False):
            return int(args.app_fn(None, args))
        app = App(root)
        if hasattr(args, "app_fn"):
            return int(args.app_fn(app, args))
        element, _key = resolve(app, args.element)
        return int(args.element_fn(element, args))
    except StorageError as exc:
        return report_error(exc)
    except KeyboardInterrupt:
        print("r2desk: interrupted", file=sys.stderr)
        return exit_code(ErrorCode.CANCELLED)
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
