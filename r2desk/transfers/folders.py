"""Folder transfers: a planned tree of files, small ones in parallel through the pool, big
ones one at a time with their parts in parallel. A failed file does not stop the others."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from r2desk.errors import ErrorCode, StorageError
from r2desk.results import FolderFailure, FolderResult, SkippedKey
from r2desk.s3.listing import iter_objects
from r2desk.transfers.context import Context
from r2desk.transfers.control import (
    Cancel,
    CancelToken,
    Progress,
    ProgressCallback,
    Stop,
    TransferCancelled,
)
from r2desk.transfers.download import Listed, download_file
from r2desk.transfers.parts import MULTIPART_THRESHOLD
from r2desk.transfers.placing import HashSet64, refusals, survey
from r2desk.transfers.plans import plan_tree
from r2desk.transfers.quick import Quick
from r2desk.transfers.upload import upload_file

_E = ErrorCode
#: One file of a folder: (key, local path, its share of the progress, the caller's token).
OneFile = Callable[[str, str, Progress, CancelToken], object]
#: The content type the app's "New folder" gives a folder marker.
FOLDER_TYPE = "application/x-directory"


def _with_slash(prefix: str) -> str:
    return prefix if not prefix or prefix.endswith("/") else prefix + "/"


def upload_folder(
    ctx: Context,
    localDir: str | os.PathLike[str],
    prefix: str,
    progress: ProgressCallback | None = None,
    cancel: Cancel | None = None,
    *,
    followSymlinks: bool = False,
    raiseOnError: bool = True,
    listDone: bool = True,
) -> FolderResult:
    """Upload the tree under ``localDir`` to ``prefix/<relative path>`` by the one planner's
    rules (``plans.plan_tree``): empty folders become folder markers, links are skipped and
    listed unless followed. Failed files are listed (and raised at the end unless
    ``raiseOnError`` is False); a key S3 cannot store is refused before anything is sent.
    """
    op = "uploadFolder"
    stop = ctx.stop(cancel, op, prefix or None)
    root = os.path.abspath(os.fspath(localDir))
    if not os.path.isdir(root):
        raise ctx.where.error(_E.LOCAL_IO, op, prefix, f"{root} is not a folder")
    base = _with_slash(prefix)
    plan = plan_tree(Path(root), base, follow_symlinks=followSymlinks)
    for item in plan.left_out:
        if item.code is _E.INVALID_ARGUMENT:
            ctx.where.check_key(item.key, op)  # raises: a key S3 cannot store, in words
    skipped: list[SkippedKey] = [
        {"key": i.key, "reason": i.reason} for i in plan.left_out if i.code is None
    ]
    problems: list[FolderFailure] = [  # unreadable, twins: reported as failed
        {
            "key": i.key,
            "path": i.path,
            "code": i.code,
            "error": str(ctx.where.error(i.code, op, i.key, f"{i.path}: {i.reason}")),
        }
        for i in plan.left_out
        if i.code is not None
    ]
    markers = _create_markers(ctx, op, plan.folders, stop)
    files = [(key, str(path), size) for path, key, size in plan.files]
    prog = Progress(progress, plan.total_bytes)

    def one(key: str, path: str, shared: Progress, token: CancelToken) -> object:
        return upload_file(ctx, key, path, cancel=token, shared=shared, op=op)

    return run_folder(
        ctx,
        op,
        base,
        files,
        prog,
        stop,
        raiseOnError,
        one,
        failed=[*markers, *problems],
        skipped=skipped,
        folders=plan.folders,
        list_done=listDone,
        quick=Quick.start(ctx, stop, prog, upload=True),
    )


def _create_markers(ctx: Context, op: str, markers: list[str], stop: Stop) -> list[FolderFailure]:
    """Put the folder markers of empty folders (in the pool); returns the failures."""
    failed: list[FolderFailure] = []

    def marker(key: str) -> Callable[[], None]:
        def run() -> None:
            try:
                with ctx.where.guard(op, key):
                    ctx.client.put_object(
                        Bucket=ctx.bucket, Key=key, Body=b"", ContentType=FOLDER_TYPE
                    )
            except StorageError as exc:
                failed.append({"key": key, "path": "", "code": exc.code, "error": str(exc)})

        return run

    try:
        ctx.pool.run_all((marker(k) for k in markers), stop)
    except TransferCancelled:
        raise ctx.where.error(_E.CANCELLED, op, None, stop.reason) from None
    return failed


def run_folder(
    ctx: Context,
    op: str,
    base: str,
    items: Iterable[tuple[str, str, int]],
    prog: Progress,
    stop: Stop,
    raise_on_error: bool,
    one: OneFile,
    *,
    failed: list[FolderFailure] | None = None,
    skipped: list[SkippedKey] | None = None,
    folders: list[str] | None = None,
    list_done: bool = True,
    quick: Quick | None = None,
) -> FolderResult:
    """Run ``one`` for every (key, path, size) item and collect what was done and what failed.

    ``items`` may be a stream (a listing read as it arrives): small files go to ``quick``
    (the CRT wire) or the pool as they come, big ones (parts in parallel) one at a
    time after them.
    """
    done: list[str] = []
    failed = list(failed or [])
    # What failed before the run (unreadable files, folder markers) counts among the items, so
    # "N of M failed" adds up.
    seen = len(failed)
    lock = threading.Lock()

    def record(key: str, path: str, exc: StorageError) -> None:
        with lock:
            failed.append({"key": key, "path": path, "code": exc.code, "error": str(exc)})

    done_count = 0

    def finished(key: str) -> None:
        nonlocal done_count
        with lock:
            done_count += 1
            if list_done:
                done.append(key)

    def small(key: str, path: str) -> Callable[[], None]:
        def run() -> None:
            try:
                one(key, path, prog, stop.user)
            except StorageError as exc:
                if exc.code == _E.CANCELLED:
                    raise
                record(key, path, exc)
            else:
                finished(key)

        return run

    big_items: list[tuple[str, str, int]] = []

    def small_tasks() -> Iterator[Callable[[], None]]:
        nonlocal seen
        for key, path, size in items:
            seen += 1
            if size <= MULTIPART_THRESHOLD:
                task = small(key, path)
                if quick is None or not quick.take(key, path, size, task, finished):
                    yield task
            else:
                big_items.append((key, path, size))

    try:
        try:
            ctx.pool.run_all(small_tasks(), stop)
            if quick is not None:
                quick.drain()
        finally:
            if quick is not None:
                quick.close()
        for key, path, _ in big_items:
            stop.check()
            try:
                one(key, path, prog, stop.user)
                finished(key)
            except StorageError as exc:
                if exc.code == _E.CANCELLED:
                    raise
                record(key, path, exc)
    except TransferCancelled:
        raise ctx.where.error(_E.CANCELLED, op, base or None, stop.reason) from None
    prog.finish()
    result: FolderResult = {
        "prefix": base,
        "files": seen,
        "bytes": prog.total,
        "done": done,
        "doneCount": done_count,
        "failed": failed,
    }
    if skipped is not None:
        result["skipped"] = skipped
    if folders is not None:
        result["folders"] = folders
    if failed and raise_on_error:
        first = failed[0]
        err = ctx.where.error(
            first["code"],
            op,
            base or None,
            f"{len(failed)} of {seen} items failed; first: {first['error']}",
        )
        err.result = result
        raise err
    return result


def download_folder(
    ctx: Context,
    prefix: str,
    localDir: str | os.PathLike[str],
    progress: ProgressCallback | None = None,
    cancel: Cancel | None = None,
    *,
    skipUnsafe: bool = False,
    raiseOnError: bool = True,
    listDone: bool = True,
) -> FolderResult:
    """Download every object under ``prefix`` into ``localDir``, keeping the key layout.

    Keys that would land outside ``localDir`` (``..``, absolute, drive letters, symbolic
    links) or on the same local file as another key are refused before anything is
    written, naming each (``plans.place_keys``' rules); with ``skipUnsafe`` they are skipped
    and listed. The listing is read twice and never held (``transfers.placing``): once to
    check it, then again to download as its pages arrive, so memory does not grow with the
    key count.
    """
    op = "downloadFolder"
    root = os.path.abspath(os.fspath(localDir))
    base = _with_slash(prefix)
    stop = ctx.stop(cancel, op, base or None)
    with ctx.where.guard(op, base or None):
        found = survey(root, base, iter_objects(ctx.client, ctx.bucket, base))
        if found.refused and not skipUnsafe:
            named, count = refusals(found, iter_objects(ctx.client, ctx.bucket, base))
            if count:
                shown = "; ".join(f"{k!r} {r}" for k, r in named[:10])
                more = f" and {count - 10} more" if count > 10 else ""
                raise ctx.where.error(
                    _E.INVALID_ARGUMENT,
                    op,
                    base or None,
                    f"refusing {count} key(s) that cannot be written safely into {root}: "
                    f"{shown}{more}; nothing was downloaded",
                )
    try:
        os.makedirs(root, exist_ok=True)
    except OSError as exc:
        raise ctx.convert(exc, op, base or None, stop) from exc
    prog = Progress(progress, found.bytes)
    unsafe: list[SkippedKey] = []
    waiting: dict[str, Listed] = {}  # what the listing said of each key queued, until it runs

    def items() -> Iterator[tuple[str, str, int]]:
        """The second reading, placed key by key as its pages arrive."""
        taken = HashSet64()
        try:
            for obj in iter_objects(ctx.client, ctx.bucket, base):
                spot = found.place(obj["key"])
                if spot is None:
                    continue
                reason = found.decide(spot, taken)
                if reason is not None:
                    unsafe.append({"key": obj["key"], "reason": reason})
                elif spot.marker:
                    os.makedirs(spot.local, exist_ok=True)
                else:
                    size = int(obj["size"])
                    waiting[obj["key"]] = Listed(size, obj.get("etag", ""))
                    yield obj["key"], spot.local, size
        except (StorageError, TransferCancelled):
            raise
        except Exception as exc:
            raise ctx.convert(exc, op, base or None, stop) from exc

    def one(key: str, path: str, shared: Progress, token: CancelToken) -> object:
        listed = waiting.pop(key)
        return download_file(
            ctx, key, path, cancel=token, shared=shared, op=op, listed=listed, exact=True
        )

    return run_folder(
        ctx,
        op,
        base,
        items(),
        prog,
        stop,
        raiseOnError,
        one,
        skipped=unsafe,
        list_done=listDone,
        quick=Quick.start(ctx, stop, prog, forget=lambda key: waiting.pop(key, None)),
    )
