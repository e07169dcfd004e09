"""A child process for kill-and-resume tests: runs one transfer slowly until killed.

Usage: python transfer_child.py APP_ROOT STATE_DIR up|down KEY PATH

It runs one request at a time and sleeps in the progress callback, so the parent can SIGKILL it
after some parts are journaled: a real crash, not a polite cancel.
"""

from __future__ import annotations

import sys
import time

from r2desk import App


def main() -> int:
    root, state_dir, direction, key, path = sys.argv[1:6]
    element = App(root).getElement("storages.MyR2")
    element.state_dir = state_dir  # type: ignore[attr-defined]
    element.max_concurrency = 1  # type: ignore[attr-defined]

    def slow(done: int, total: int) -> None:
        time.sleep(0.3)

    if direction == "up":
        element.uploadFromPath(key, path, progress=slow)
    else:
        element.downloadToPath(key, path, progress=slow)
    return 0


if __name__ == "__main__":
    sys.exit(main())
