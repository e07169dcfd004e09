"""Folder moves, batched and resumable: copy every object, then delete the sources 1,000 a
request, each only after its copy is verified at the target.

S3 has no rename, so moving a folder is a copy of each object (server-side within one account,
streamed and verified otherwise: the element's ``copyTo``) and a delete of its source. Deleting
one key a request would double the requests of a large move, so sources wait in a batch for
one DeleteObjects. Every verified copy is journaled (``transfers/movelog.py``) before its source
may be deleted, so a move cut short (network, cancel, crash, quit) leaves a record: the same
move started again lists the source again (what was deleted is gone from it), checks each
journaled copy with one HEAD instead of copying it again, and deletes what is verified. A
network failure stops the move at once (every next request would fail too); the journal keeps
it for the next run. The listing is read as it arrives, so memory does not grow with the key
count. Shared by ``r2desk mv -r`` and the app's Cut / Paste and drag moves. No Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING, Protocol

from r2desk.errors import StorageError
from r2desk.transfers.journal import Journal
from r2desk.transfers.movelog import MovedItem, MoveLog, MoveRow, Side

if TYPE_CHECKING:
    from r2desk.results import FolderMoveResult, ListedObject, MoveFailure
    from r2desk.storages.meta import Meta

#: Object copies in flight (each may use parts of its own on the element's pool).
IN_FLIGHT = 8
#: Sources deleted per DeleteObjects request (S3's and R2's maximum).
DELETE_BATCH = 1000
#: Failures kept by name in the result (all are counted, and told to ``on_failed``).
MAX_FAILED = 1000
#: Errors after which every next request would fail too: the move stops, to resume later.
NETWORK = frozenset({"unreachable", "timeout", "tls_error"})

#: ``place(source, target)``: the key to copy ``source`` to (a "keep both" name, say), or None
#: to leave it where it is. Called on the calling thread, in listing order.
Place = Callable[[str, str], "str | None"]


class Cancel(Protocol):
    @property
    def cancelled(self) -> bool: ...


def side(element: Meta, prefix: str) -> Side:
    return Side(element.name, element.where.endpoint, element.where.bucket, prefix)


def move_log(element: Meta) -> MoveLog:
    """The move journal of ``element``'s state folder (the transfer journal's file)."""
    return MoveLog(element.transfers.journal)


def journaled_move(src: Meta, src_prefix: str, dst: Meta, dst_prefix: str) -> MoveRow | None:
    """The unfinished move with these ends, if an earlier run left one."""
    return move_log(src).find(side(src, src_prefix), side(dst, dst_prefix))


def unfinished_moves(state_dir: str | None = None) -> list[MoveRow]:
    """Folder moves an earlier run left unfinished and no running r2desk is doing (what the
    app offers to finish when it starts)."""
    journal = Journal(state_dir)
    try:
        return [row for row in MoveLog(journal).moves() if not row.running_elsewhere]
    finally:
        journal.close()


def _verified(dst: Meta, item: MovedItem) -> bool:
    """The journaled copy is still at the target, as it was when verified."""
    try:
        info = dst.getObject(item.target)
    except StorageError as exc:
        if exc.code == "not_found":
            return False
        raise
    return info["etag"] == item.etag and info["size"] == item.size


def move_folder(
    src: Meta,
    src_prefix: str,
    dst: Meta,
    dst_prefix: str,
    *,
    place: Place | None = None,
    on_moved: Callable[[str, str], None] | None = None,
    on_failed: Callable[[str, str], None] | None = None,
    cancel: Cancel | None = None,
) -> FolderMoveResult:
    """Move every object under ``src_prefix`` of ``src`` to ``dst_prefix`` of ``dst``.

    Resumes the journaled move with the same ends when there is one. ``on_moved(source,
    target)`` is told once each source is deleted; ``on_failed(source, message)`` for each
    object that stays. Raises the network error that stopped it (the journal keeps the move),
    ``conflict`` when another running r2desk is doing this very move.
    """
    op = "move"
    here = src.where.bucket == dst.where.bucket and src.sameAccount(dst)
    if here and dst_prefix.startswith(src_prefix):
        raise src.where.error(
            "invalid_argument", op, src_prefix, f"cannot move {src_prefix} into itself"
        )
    log = move_log(src)
    ends = side(src, src_prefix), side(dst, dst_prefix)
    earlier = log.find(*ends)
    if earlier is not None and earlier.running_elsewhere:
        raise src.where.error(
            "conflict", op, src_prefix, f"another r2desk ({earlier.owner}) is running this move"
        )
    row, _ = log.begin(*ends)
    lock = threading.Lock()
    pending: list[tuple[str, str]] = []
    result: FolderMoveResult = {
        "source": src_prefix,
        "target": dst_prefix,
        "moved": 0,
        "resumed": 0,
        "skipped": 0,
        "failed": [],
        "failedCount": 0,
        "deleteRequests": 0,
        "complete": False,
    }
    stopped: list[StorageError] = []

    def fail(key: str, message: str) -> None:
        result["failedCount"] += 1
        if len(result["failed"]) < MAX_FAILED:
            failure: MoveFailure = {"key": key, "message": message}
            result["failed"].append(failure)
        if on_failed is not None:
            on_failed(key, message)

    def flush() -> None:
        """Delete the verified sources waiting, in one request per 1,000."""
        while pending:
            batch = pending[:DELETE_BATCH]
            del pending[:DELETE_BATCH]
            targets = dict(batch)
            try:
                done = src.deleteMany([s for s, _ in batch])
            except StorageError as exc:
                stopped.append(exc)  # copied and journaled: the next run deletes them
                return
            finally:
                result["deleteRequests"] += 1
            log.deleted(row, done["deleted"])
            for key in done["deleted"]:
                result["moved"] += 1
                if on_moved is not None:
                    on_moved(key, targets[key])
            for f in done["failed"]:
                fail(
                    f["key"],
                    f"copied to {targets[f['key']]}, but the source could not be deleted: "
                    f"{f['message'] or f['code']}",
                )

    def copy(obj: ListedObject, target: str, item: MovedItem | None) -> tuple[str, bool]:
        """Copy one object (unless the journal's copy is verified); returns (target, resumed)."""
        if item is not None and _verified(dst, item):
            return target, True
        if target == "":  # the folder's own marker, moving to the bucket root: nothing to keep
            return target, False
        done = src.copyTo(obj["key"], dst, target)
        log.copied(row, obj["key"], target, obj["etag"], done["etag"], done["size"])
        return target, False

    def settle(key: str, fut: Future[tuple[str, bool]]) -> None:
        exc = fut.exception()
        if isinstance(exc, StorageError):
            if exc.code in NETWORK:
                stopped.append(exc)
            else:
                fail(key, str(exc))
            return
        if exc is not None:
            raise exc
        target, resumed = fut.result()
        with lock:
            result["resumed"] += int(resumed)
            pending.append((key, target))
            if len(pending) >= DELETE_BATCH:
                flush()

    def halted() -> bool:
        return bool(stopped) or (cancel is not None and cancel.cancelled)

    with ThreadPoolExecutor(IN_FLIGHT, thread_name_prefix="move") as pool:
        running: dict[Future[tuple[str, bool]], str] = {}
        try:
            for obj in src.iterObjects(src_prefix):
                if halted():
                    break
                key = obj["key"]
                item = log.item(row, key)
                if item is not None and item.src_etag != obj["etag"]:
                    item = None  # the source was replaced since: copy it again
                if item is not None:
                    target: str | None = item.target
                else:
                    default = dst_prefix + key[len(src_prefix) :]
                    target = place(key, default) if place is not None else default
                if target is None:
                    result["skipped"] += 1
                    continue
                if len(running) >= IN_FLIGHT:
                    finished, _ = wait(running, return_when=FIRST_COMPLETED)
                    for fut in finished:
                        settle(running.pop(fut), fut)
                running[pool.submit(copy, obj, target, item)] = key
        except StorageError as exc:
            stopped.append(exc)  # the listing failed: what was copied is journaled
        finally:
            for fut in list(running):
                fut.exception()  # waits
                settle(running.pop(fut), fut)
            with lock:
                if not stopped:  # after a network failure the deletes would fail too
                    flush()
    if stopped:
        first = stopped[0]
        raise src.where.error(
            first.code,
            op,
            src_prefix,
            f"{first.detail}; {result['moved']:,} objects were moved before this, the rest "
            "stay at the source: run the same move again to resume it",
            first,
        )
    if result["failedCount"] == 0 and not halted():
        log.finish(row)
        result["complete"] = True
    elif log.counts(row) == (0, 0) and result["failedCount"] == 0:
        log.finish(row)  # cancelled before anything was copied: nothing to resume
    return result
