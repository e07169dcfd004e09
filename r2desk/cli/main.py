"""``r2desk``: the desktop app by default, and scripting subcommands on the same element API.

This module parses (:mod:`r2desk.cli.parser`, which imports no command) and dispatches,
importing only the module of the command run: an element command gets the ready element, an
app command the App; every StorageError becomes one line on stderr and an exit code
(:mod:`r2desk.cli.output`).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence

from r2desk import __version__
from r2desk.cli.common import stderr_level
from r2desk.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    exit_code,
    fail,
    report_error,
)
from r2desk.cli.parser import build_parser
from r2desk.dirs import app_root, log_dir
from r2desk.elements import App
from r2desk.elements.locations import LocationError, resolve
from r2desk.errors import ErrorCode, StorageError
from r2desk.transfers.bandwidth import set_limits


def handler(ref: str) -> Callable[..., int]:
    """A command's function from its ``"module:function"`` name (:mod:`r2desk.cli.parser`):
    only the module of the command that runs is imported."""
    module, _, name = ref.partition(":")
    fn: Callable[..., int] = getattr(importlib.import_module(f"r2desk.cli.{module}"), name)
    return fn


def _start_logging(args: argparse.Namespace) -> None:
    """stderr at the asked level, the CLI's log file, and a trace of native crashes."""
    from r2desk.logs import configure_cli, enable_faulthandler

    gui = args.command is None and not args.self_test
    # The app has no terminal: a native crash is written beside its log.
    enable_faulthandler(log_dir() / "crash.log" if gui else None)
    if gui:
        return  # run_gui opens the app's own log file
    problem = configure_cli(stderr_level(args), log_dir() / "r2desk-cli.log")
    if problem:
        logging.getLogger("r2desk.cli").info(problem)


#: Qt's own command-line options (QApplication/QGuiApplication); those in the first set take a
#: value (``-style fusion`` or ``-style=fusion``).
QT_VALUE_OPTIONS = frozenset(
    {
        "-style", "-stylesheet", "-platform", "-platformpluginpath", "-platformtheme",
        "-plugin", "-qwindowgeometry", "-qwindowicon", "-qwindowtitle", "-display",
        "-geometry", "-session", "-qmljsdebugger",
    }
)  # fmt: skip
QT_FLAG_OPTIONS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """Separate Qt's own options (``-style``, ``-platform``, ...) from ours, for the desktop app.

    argparse would refuse them; Qt reads them from the argv QApplication gets.
    """
    ours: list[str] = []
    qt: list[str] = []
    items = iter(argv)
    for item in items:
        name = item.split("=", 1)[0]
        if name.startswith("--") and name[1:] in QT_VALUE_OPTIONS | QT_FLAG_OPTIONS:
            name, item = name[1:], item[1:]  # Qt accepts --style as well
        if name in QT_VALUE_OPTIONS:
            qt.append(item)
            if "=" not in item:
                value = next(items, None)
                if value is not None:
                    qt.append(value)
        elif name in QT_FLAG_OPTIONS:
            qt.append(item)
        else:
            ours.append(item)
    return ours, qt


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv, qt_argv = split_qt_options(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    _start_logging(args)
    log = logging.getLogger("r2desk.cli")
    log.info("r2desk %s: %s", __version__, " ".join(sys.argv[1:] if argv is None else argv))
    if args.self_test:
        from r2desk.gui.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        if args.demo:
            from r2desk.demo import missing_demo_dependency

            missing = missing_demo_dependency()
            if missing:
                return fail(missing, EXIT_FAILED)
        from r2desk.gui.app import run_gui

        return run_gui(args.app_root, demo=args.demo, argv=[sys.argv[0], *qt_argv])
    if getattr(args, "bwlimit", None):
        set_limits(*args.bwlimit)
    root = args.app_root or app_root()
    log.debug("app folder %s, log folder %s", root, log_dir())
    try:
        if getattr(args, "no_app", False):
            return int(handler(args.app_fn)(None, args))
        app = App(root)
        if hasattr(args, "app_fn"):
            return int(handler(args.app_fn)(app, args))
        element, _key = resolve(app, args.element)
        return int(handler(args.element_fn)(element, args))
    except StorageError as exc:
        return report_error(exc)
    except (LocationError, UsageError) as exc:
        return fail(str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        print("r2desk: interrupted", file=sys.stderr)
        return exit_code(ErrorCode.CANCELLED)
    except BrokenPipeError:
        return EXIT_OK


def run() -> None:
    """The ``r2desk`` program (console script, ``python -m r2desk``): ``main`` with the
    collector kept off the objects that live to the end. What the imports and each client
    built (boto3's S3 model) made is frozen (``gc.freeze``), so the full collections during a
    transfer of many small files, and the final ones at exit (~0.3 CPU-s each command), no
    longer walk them; nothing is skipped at exit. Only the program does this: a test or host
    calling ``main`` keeps a normal collector."""
    from r2desk.s3.freeze import freeze_long_lived

    freeze_long_lived()
    code = main()
    gc.freeze()
    sys.exit(code)


def gui_main() -> int:
    """The ``r2desk-gui`` entry (pip's gui-scripts): on Windows it starts without a console,
    where stdout and stderr are None; output goes nowhere instead of failing."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    return main()


if __name__ == "__main__":
    run()
