"""``r2desk open`` and ``r2desk edit``: an object as a local file, saved back with a precondition.

``edit`` waits for the editor and uploads every save while it runs (the file is polled, so
editors that keep running in the background still have each save uploaded); a change made on the
server meanwhile is never overwritten without asking.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import time

from r2desk.cli.output import EXIT_FAILED, EXIT_OK, escaped, fail, say_error
from r2desk.edits import Opened, Workspace
from r2desk.errors import StorageError
from r2desk.storages.meta import Meta

#: How often the edited file is looked at, and how long it must stay unchanged before a save is
#: uploaded (an editor may write a file in several steps).
POLL_SECONDS = 0.25
SETTLE_SECONDS = 0.5


def system_open(path: str) -> None:
    """Hand ``path`` to the platform's default application, without waiting for it."""
    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined]
        return
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    subprocess.Popen([opener, path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def cmd_open(el: Meta, args: argparse.Namespace) -> int:
    opened = Workspace().open(el, args.key)
    print(opened.path)
    if not args.no_launch:
        system_open(opened.path)
    return EXIT_OK


def editor_command(args: argparse.Namespace) -> list[str]:
    text = args.editor or os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not text:
        text = "notepad" if sys.platform == "win32" else "vi"
    return shlex.split(text)


def _ask(opened: Opened, exc: StorageError) -> str:
    """What to do after a conflict: ``o``verwrite, save a ``c``opy, ``d``iscard, ``k``eep."""
    if not sys.stdin.isatty():
        return "k"
    print(f"r2desk: {escaped(str(exc))}", file=sys.stderr)
    while True:
        answer = input("[o]verwrite, save as a [c]opy, [d]iscard my edit, [k]eep it local? ")
        if answer[:1].lower() in ("o", "c", "d", "k"):
            return answer[:1].lower()


def save_now(ws: Workspace, el: Meta, opened: Opened) -> tuple[Opened, bool]:
    """Upload one save; on a conflict ask. Returns the (maybe moved) edit and whether to go on."""
    try:
        ws.save(el, opened)
        print(f"saved {escaped(opened.key)}", file=sys.stderr)
        return opened, True
    except StorageError as exc:
        if exc.code != "precondition_failed":
            raise
        choice = _ask(opened, exc)
        if choice == "o":
            ws.save(el, opened, overwrite=True)
            print(f"saved {escaped(opened.key)} (overwrote the server's change)", file=sys.stderr)
            return opened, True
        if choice == "c":
            copy = ws.save_copy(el, opened)
            print(f"saved as a copy: {escaped(copy.key)}", file=sys.stderr)
            return copy, True
        if choice == "d":
            ws.discard(opened)
            print("discarded your edit", file=sys.stderr)
            return opened, False
        raise


def cmd_edit(el: Meta, args: argparse.Namespace) -> int:
    ws = Workspace()
    opened = ws.open(el, args.key, edit=True)
    if opened.changed():
        say_error(f"{opened.path} holds an earlier edit that was not saved")
    editor = subprocess.Popen([*editor_command(args), opened.path])
    seen = (opened.size, opened.mtime_ns)
    settled_at = 0.0
    try:
        while True:
            running = editor.poll() is None
            try:
                st = os.stat(opened.path)
                now = (st.st_size, st.st_mtime_ns)
            except FileNotFoundError:
                now = seen
            if now != seen:
                seen, settled_at = now, time.monotonic()
            settled = time.monotonic() - settled_at >= SETTLE_SECONDS or not running
            if opened.changed() and settled:
                opened, go_on = save_now(ws, el, opened)
                if not go_on:
                    return EXIT_OK
            if not running:
                break
            time.sleep(POLL_SECONDS)
    except StorageError as exc:
        return fail(f"{exc}; your edit is kept in {opened.path}", exc.exit_code)
    if editor.returncode:
        return fail(f"the editor exited with status {editor.returncode}", EXIT_FAILED)
    return EXIT_OK
