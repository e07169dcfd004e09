"""Keep a local folder synced as it changes: poll, debounce, run the same one-way sync.

Watching costs no request: the folder is walked (bounded memory, the sync's own walk) and its
names, sizes and mtimes hashed; only when that changed, and then stayed the same for
``debounce`` seconds (a copy in progress has settled), does a sync run. No extra library: a
poll every ``interval`` seconds works on every platform and file system (network shares too).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from r2desk.errors import ErrorCode, StorageError
from r2desk.results import SyncReport
from r2desk.sync.run import ItemCallback, Options, run
from r2desk.sync.sides import LocalSide, Side
from r2desk.sync.walk import walk_local
from r2desk.transfers.control import CancelToken


def fingerprint(root: str) -> str:
    """A digest of every file's relative name, size and mtime (and the problems) under root."""
    h = hashlib.blake2b(digest_size=16)
    for e in walk_local(root):
        h.update(
            f"{e.key}\0{e.size}\0{e.mtime_ns}\0{e.problem}\n".encode("utf-8", "surrogateescape")
        )
    return h.hexdigest()


def watch(
    a: LocalSide,
    b: Side,
    opts: Options,
    *,
    interval: float = 2.0,
    debounce: float = 2.0,
    cancel: CancelToken | None = None,
    on_run: Callable[[SyncReport], None] | None = None,
    on_item: ItemCallback | None = None,
    state_folder: Path | None = None,
    max_runs: int | None = None,
) -> int:
    """Sync ``a`` to ``b`` now and after every settled change, until cancelled; returns the
    number of syncs run."""
    token = cancel or CancelToken()
    runs = 0
    synced: str | None = None
    while not token.cancelled and (max_runs is None or runs < max_runs):
        seen = fingerprint(a.root)
        if seen != synced:
            if synced is not None:  # a change: wait until it has settled
                if token.wait(debounce):
                    break
                if fingerprint(a.root) != seen:
                    continue
            try:
                report = run(a, b, opts, on_item=on_item, cancel=token, state_folder=state_folder)
            except StorageError as exc:
                if exc.code is ErrorCode.CANCELLED:
                    break  # stopped mid-run: what finished is in the state, the rest resumes
                raise
            runs += 1
            synced = seen
            if on_run is not None:
                on_run(report)
            continue
        if token.wait(interval):
            break
    return runs
