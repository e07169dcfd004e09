"""A child process for the killed-sync test: syncs a folder slowly until killed.

Usage: python sync_child.py APP_ROOT JOURNAL_DIR SYNC_STATE_DIR SRC PREFIX

One request at a time, and a sleep in the progress callback, so the parent can SIGKILL it
after some files and some parts of the big one are done: a real crash, not a polite cancel.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from r2desk import App
from r2desk.sync.run import Options, run
from r2desk.sync.sides import BucketSide, LocalSide


def main() -> int:
    root, journal, state, src, prefix = sys.argv[1:6]
    element = App(root).getElement("storages.MyR2")
    element.state_dir = journal  # type: ignore[attr-defined]
    element.max_concurrency = 1

    def slow(done: int, total: int) -> None:
        time.sleep(0.2)

    run(
        LocalSide(src),
        BucketSide(element, prefix),
        Options(),
        progress=slow,
        state_folder=Path(state),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
