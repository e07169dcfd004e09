"""Compare and sync: the plan streams out of the merge straight into the element's bounded pool.

Small files run in parallel on the pool, big ones one after another with their parts in
parallel (beside the small ones), each recorded in the pair's state as it finishes: a killed
sync rerun skips what it finished, and an interrupted multipart upload resumes from the
journal. Deletes wait until every transfer is done; they are refused when a transfer failed,
or when they would remove more than ``max_delete`` percent of a side, unless ``force``.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from r2desk.errors import ErrorCode, StorageError
from r2desk.results import SyncFailure, SyncItem, SyncReport
from r2desk.sync.compare import MTIME_FIELD, Judge, format_mtime, merge, parse_mtime
from r2desk.sync.plan import (
    A_TO_B,
    CHANGING,
    DEFAULT_MAX_DELETE,
    POLICIES,
    Action,
    PlanItem,
    add_to,
    empty_totals,
)
from r2desk.sync.planner import Planner
from r2desk.sync.sides import BucketSide, LocalSide, Side
from r2desk.sync.state import Sig, SyncState, pair_path
from r2desk.sync.walk import Entry
from r2desk.transfers.control import CancelToken, Progress, ProgressCallback, Stop
from r2desk.transfers.copy import copy_object
from r2desk.transfers.download import Listed, download_file
from r2desk.transfers.parts import MULTIPART_THRESHOLD
from r2desk.transfers.pool import Pool
from r2desk.transfers.upload import upload_file

_E = ErrorCode
ItemCallback = Callable[[SyncItem], None]


@dataclass
class Options:
    two_way: bool = False
    delete: bool = False
    max_delete: float = DEFAULT_MAX_DELETE
    force: bool = False
    checksum: bool = False
    dry_run: bool = False
    policy: str = "ask"
    #: Per conflict (by item ``id``): "a", "b", "both" or "skip" (the GUI's "ask").
    decisions: Mapping[str, str] | None = None
    #: Act only on these items (by ``id``); None: on every item of the plan.
    only: frozenset[str] | None = None

    def saved(self) -> dict[str, object]:
        """What the pair's state remembers, so the app can re-run it with one click."""
        return {
            "two_way": self.two_way,
            "delete": self.delete,
            "checksum": self.checksum,
            "policy": self.policy,
        }


def sync_error(code: ErrorCode, detail: str, key: str | None = None) -> StorageError:
    return StorageError(
        code, operation="sync", key=key, element="sync", storage_type="r2desk", detail=detail
    )


def compare(
    a: Side,
    b: Side,
    *,
    checksum: bool = False,
    on_item: ItemCallback | None = None,
    cancel: CancelToken | None = None,
    state_folder: Path | None = None,
) -> SyncReport:
    """What differs between ``a`` (the source) and ``b``; nothing is changed."""
    opts = Options(checksum=checksum, dry_run=True, delete=True)
    return run(
        a, b, opts, on_item=on_item, cancel=cancel, state_folder=state_folder, mode="compare"
    )


def run(
    a: Side,
    b: Side,
    opts: Options,
    *,
    on_item: ItemCallback | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    state_folder: Path | None = None,
    mode: str | None = None,
) -> SyncReport:
    """Sync ``a`` to ``b`` (one-way), or both ways; with ``dry_run`` only the plan."""
    if opts.policy not in POLICIES:
        raise sync_error(
            _E.INVALID_ARGUMENT, f"conflict policy must be one of {', '.join(POLICIES)}"
        )
    if isinstance(a, LocalSide) and isinstance(b, LocalSide):
        raise sync_error(
            _E.INVALID_ARGUMENT, "one side at least must be a bucket (ELEMENT[@bucket][:prefix])"
        )
    if not 0 <= opts.max_delete <= 100:
        raise sync_error(_E.INVALID_ARGUMENT, "--max-delete is a percentage, 0 to 100")
    mode = mode or ("two-way" if opts.two_way else "one-way")
    state = SyncState(pair_path(a.describe(), b.describe(), state_folder))
    if not opts.dry_run:  # a pair that ran is a saved pair (the app lists it to re-run)
        saved = {"mode": mode, **opts.saved()}
        state.describe(a.describe(), b.describe(), a.label(), b.label(), saved)
    try:
        return _Run(a, b, opts, state, on_item, progress, cancel, mode).go()
    finally:
        state.close()


class _Run:
    def __init__(
        self,
        a: Side,
        b: Side,
        opts: Options,
        state: SyncState,
        on_item: ItemCallback | None,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
        mode: str,
    ) -> None:
        self.a, self.b, self.opts, self.state = a, b, opts, state
        self.on_item = on_item
        self.stop = Stop(cancel)
        self.prog = Progress(progress, 0)
        self.mode = mode
        self.totals = empty_totals()
        self.failed: list[SyncFailure] = []
        self.done = 0
        self.lock = threading.Lock()
        nfc = a.folds_nfc or b.folds_nfc
        self.judge = Judge(a, b, state, checksum=opts.checksum)
        self.planner = Planner(
            a,
            b,
            self.judge,
            two_way=opts.two_way,
            delete=opts.delete,
            policy=opts.policy,
            decisions=opts.decisions,
        )
        self.triples = merge(a.walk(nfc), b.walk(nfc), state.rows())
        self.deletes: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.n_deletes = {"a": 0, "b": 0}
        self.bigs: queue.Queue[PlanItem | None] = queue.Queue()
        self.big_error: BaseException | None = None

    # -- driving ------------------------------------------------------------------------------

    def go(self) -> SyncReport:
        refused = ""
        try:
            items = self.judge.pipeline(self.planner.items(self.triples))
            if self.opts.dry_run:
                for item in items:
                    assert isinstance(item, PlanItem)
                    self._account(item)
            else:
                big = threading.Thread(target=self._run_bigs, daemon=True, name="r2desk-sync-big")
                big.start()
                try:
                    self._pool().run_all(self._tasks(items), self.stop, on_error=lambda exc: True)
                finally:
                    self.bigs.put(None)
                    big.join()
                if self.big_error is not None:
                    raise self.big_error
            refused = self._deletes()
        except StorageError:
            raise
        except BaseException as exc:
            if self.stop.stopped:
                raise sync_error(_E.CANCELLED, self.stop.reason) from None
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            raise sync_error(_E.UNKNOWN, f"{type(exc).__name__}: {exc}") from exc
        finally:
            self.judge.close()
            self.deletes.close()
            self.state.flush()
        self.prog.finish()
        return {
            "source": self.a.label(),
            "target": self.b.label(),
            "mode": self.mode,
            "dryRun": self.opts.dry_run,
            "totals": self.totals,
            "done": self.done,
            "failed": self.failed,
            "deletesRefused": refused,
            "stateFile": str(self.state.path),
        }

    def _pool(self) -> Pool:
        side = self.b if isinstance(self.b, BucketSide) else self.a
        assert isinstance(side, BucketSide)
        return side.element.transfers.pool

    def _account(self, item: PlanItem) -> bool:
        """Count an item and say it; False for deletes, which are decided at the end."""
        if item.action is Action.DELETE:
            side = "b" if item.direction == A_TO_B else "a"
            self.n_deletes[side] += 1
            entry = item.b if item.direction == A_TO_B else item.a
            assert entry is not None
            self.deletes.write(
                json.dumps([item.ck, side, entry.key, entry.size, entry.path, item.reason]) + "\n"
            )
            return False
        add_to(self.totals, item)
        if item.action is not Action.SAME and self.on_item is not None:
            self.on_item(item.as_dict())
        if item.action in CHANGING:
            self.prog.total += item.size
        return True

    def _tasks(self, items: Iterator[object]) -> Iterator[Callable[[], None]]:
        for item in items:
            assert isinstance(item, PlanItem)
            self.stop.check()
            if not self._account(item) or item.action not in CHANGING:
                continue
            if self.opts.only is not None and item.ck not in self.opts.only:
                continue
            if item.size > MULTIPART_THRESHOLD:
                self.bigs.put(item)
                continue
            yield self._task(item)

    def _task(self, item: PlanItem) -> Callable[[], None]:
        return lambda: self._do(item)

    def _run_bigs(self) -> None:
        """Big files one at a time, their parts in parallel on the same pool as the small."""
        while True:
            item = self.bigs.get()
            if item is None:
                return
            if self.stop.stopped:
                continue
            try:
                self._do(item)
            except BaseException as exc:
                self.big_error = exc
                self.stop.set()

    def _fail(self, item: PlanItem, exc: StorageError) -> None:
        with self.lock:
            self.failed.append({"key": item.key, "code": exc.code.value, "error": str(exc)})

    def _do(self, item: PlanItem) -> None:
        try:
            if item.direction == "both":
                self._keep_both(item)
            elif item.direction == A_TO_B:
                self._copy(self.a, self.b, item.a, item.b, item.ck, True)
            else:
                self._copy(self.b, self.a, item.b, item.a, item.ck, False)
        except StorageError as exc:
            if exc.code is _E.CANCELLED:
                raise
            self._fail(item, exc)
            return
        except OSError as exc:
            self._fail(
                item, sync_error(_E.LOCAL_IO, f"{exc.filename or ''}: {exc.strerror}", item.key)
            )
            return
        with self.lock:
            self.done += 1

    # -- one transfer ---------------------------------------------------------------------------

    def _copy(
        self,
        src: Side,
        dst: Side,
        se: Entry | None,
        de: Entry | None,
        ck: str,
        forward: bool,
        dst_key: str | None = None,
    ) -> None:
        assert se is not None
        key = dst_key or (de.key if de is not None else se.key)
        s_sig, d_sig = transfer(src, dst, se, key, self.prog, self.stop)
        rec_key = ck if dst_key is None else dst_key
        if forward:
            self.state.put(rec_key, s_sig, d_sig)
        else:
            self.state.put(rec_key, d_sig, s_sig)

    def _keep_both(self, item: PlanItem) -> None:
        """The first side's version keeps the name; the second's is kept beside it on both sides
        under ``<name> (conflict <time>)<ext>``."""
        assert item.a is not None and item.b is not None
        stem, ext = os.path.splitext(item.b.key)
        if "/" in ext:
            stem, ext = item.b.key, ""
        alt = f"{stem} (conflict {time.strftime('%Y-%m-%d %H%M%S')}){ext}"
        self._copy(self.b, self.a, item.b, None, alt, False, dst_key=alt)
        duplicate(self.b, item.b, alt, self.stop)
        self._copy(self.a, self.b, item.a, item.b, item.ck, True)
        with self.lock:
            self.done += 1

    # -- deletes -------------------------------------------------------------------------------

    def _deletes(self) -> str:
        """Filter, cap-check and (unless a dry run) carry out the deletes the plan collected."""
        self.deletes.seek(0)
        protected: set[str] = set()
        for guard in self.planner.guards.values():
            protected |= guard.protected
        refused = ""
        for side, count in self.n_deletes.items():
            total = self.planner.counts.a if side == "a" else self.planner.counts.b
            if count and not self.opts.force and count > total * self.opts.max_delete / 100:
                refused = (
                    f"refusing to delete {count} of {total} files "
                    f"({100 * count / max(total, 1):.0f}%, "
                    f"more than --max-delete {self.opts.max_delete:g}%); check the paths, then "
                    "add --force"
                )
        if self.failed and not refused:
            refused = (
                f"not deleting: {len(self.failed)} transfer(s) failed; fix them and sync again"
            )
        remote: dict[str, list[tuple[str, str]]] = {"a": [], "b": []}
        for line in self.deletes:
            ck, side, key, size, path, reason = json.loads(line)
            entry = Entry(ck, key, size=size, path=path)
            item = PlanItem(
                Action.DELETE,
                ck,
                entry if side == "a" else None,
                entry if side == "b" else None,
                A_TO_B if side == "b" else "b>a",
                reason,
            )
            if key.casefold() in protected:
                item.action, item.reason = (
                    Action.COLLISION,
                    "differs only in case from a key of the other side",
                )
            add_to(self.totals, item)
            if self.on_item is not None:
                self.on_item(item.as_dict())
            if item.action is not Action.DELETE or self.opts.dry_run or refused:
                continue
            if self.opts.only is not None and ck not in self.opts.only:
                continue
            target = self.a if side == "a" else self.b
            if isinstance(target, LocalSide):
                try:
                    os.unlink(path)
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    self._fail(item, sync_error(_E.LOCAL_IO, f"{path}: {exc.strerror}", key))
                    continue
                self.state.drop(ck)
                self.done += 1
            else:
                remote[side].append((ck, key))
                if len(remote[side]) >= 1000:
                    self._delete_batch(target, remote[side])
                    remote[side] = []
        for side, batch in remote.items():
            if batch:
                self._delete_batch(self.a if side == "a" else self.b, batch)
        return refused

    def _delete_batch(self, side: Side, batch: list[tuple[str, str]]) -> None:
        assert isinstance(side, BucketSide)
        result = side.element.deleteMany([side.key_of(k) for _, k in batch])
        gone = set(result["deleted"])
        for ck, key in batch:
            if side.key_of(key) in gone:
                self.state.drop(ck)
                self.done += 1
        for f in result["failed"]:
            self.failed.append(
                {"key": f["key"], "code": "unknown", "error": f"{f['code']}: {f['message']}"}
            )


def transfer(
    src: Side, dst: Side, se: Entry, key: str, prog: Progress, stop: Stop
) -> tuple[Sig, Sig]:
    """Copy one entry of ``src`` to ``key`` on ``dst``; returns both sides' signatures after."""
    if isinstance(src, LocalSide) and isinstance(dst, BucketSide):
        st = os.stat(se.path)
        res = upload_file(
            dst.element.transfers.context,
            dst.key_of(key),
            se.path,
            None,
            None,
            stop.user,
            {MTIME_FIELD: format_mtime(st.st_mtime_ns)},
            op="sync",
            shared=prog,
        )
        return Sig(st.st_size, st.st_mtime_ns, ""), Sig(res["size"], None, res["etag"])
    if isinstance(src, BucketSide) and isinstance(dst, LocalSide):
        el = src.element
        path = dst.path_of(key)
        if os.path.isdir(path):  # the engine would put the file inside it: refuse instead
            raise sync_error(_E.LOCAL_IO, f"{path} is a folder here; the key names a file", key)
        info = el.getObject(src.key_of(se.key))
        got = download_file(
            el.transfers.context,
            src.key_of(se.key),
            path,
            cancel=stop.user,
            op="sync",
            shared=prog,
            listed=Listed(info["size"], info["etag"]),
        )
        mtime = parse_mtime(info["metadata"].get(MTIME_FIELD, ""))
        if mtime is None and info["lastModified"] is not None:
            mtime = int(info["lastModified"].timestamp() * 1e9)
        if mtime is not None:
            os.utime(path, ns=(mtime, mtime))
        st = os.stat(path)
        return Sig(got["size"], None, got["etag"]), Sig(st.st_size, st.st_mtime_ns, "")
    assert isinstance(src, BucketSide) and isinstance(dst, BucketSide)
    seen = [0]

    def step(done: int, total: int) -> None:
        prog.add(done - seen[0])
        seen[0] = done

    res2 = copy_object(
        src.element.transfers.context,
        src.key_of(se.key),
        dst.element.transfers.context,
        dst.key_of(key),
        server_side=src.element.sameAccount(dst.element),
        progress=step,
        cancel=stop.user,
        op="sync",
    )
    return Sig(se.size, None, se.etag), Sig(res2["size"], None, res2["etag"])


def duplicate(side: Side, e: Entry, new_key: str, stop: Stop) -> None:
    """Keep a second copy of ``e`` on its own side under ``new_key`` (a conflict copy)."""
    if isinstance(side, LocalSide):
        target = side.path_of(new_key)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(e.path, target)
        return
    ctx = side.element.transfers.context
    copy_object(
        ctx,
        side.key_of(e.key),
        ctx,
        side.key_of(new_key),
        server_side=True,
        cancel=stop.user,
        op="sync",
    )
