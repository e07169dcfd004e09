"""Folder transfers: a planned tree of files, small ones in parallel through the pool, big
ones one at a time with their parts in parallel. A failed file does not stop the others."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
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
from r2desk.transfers.plans import place_keys, plan_tree
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
    items: list[tuple[str, str, int]],
    prog: Progress,
    stop: Stop,
    raise_on_error: bool,
    one: OneFile,
    *,
    failed: list[FolderFailure] | None = None,
    skipped: list[SkippedKey] | None = None,
    folders: list[str] | None = None,
) -> FolderResult:
    """Run ``one`` for every (key, path, size) item and collect what was done and what failed."""
    done: list[str] = []
    failed = list(failed or [])
    # What failed before the run (unreadable files, folder markers) counts among the items, so
    # "N of M failed" adds up.
    total = len(items) + len(failed)
    lock = threading.Lock()

    def record(key: str, path: str, exc: StorageError) -> None:
        with lock:
            failed.append({"key": key, "path": path, "code": exc.code, "error": str(exc)})

    def small(key: str, path: str) -> Callable[[], None]:
        def run() -> None:
            try:
                one(key, path, prog, stop.user)
            except StorageError as exc:
                if exc.code == _E.CANCELLED:
                    raise
                record(key, path, exc)
            else:
                with lock:
                    done.append(key)

        return run

    small_items = [i for i in items if i[2] <= MULTIPART_THRESHOLD]
    big_items = [i for i in items if i[2] > MULTIPART_THRESHOLD]
    try:
        ctx.pool.run_all((small(k, p) for k, p, _ in small_items), stop)
        for key, path, _ in big_items:
            stop.check()
            try:
                one(key, path, prog, stop.user)
                done.append(key)
            except StorageError as exc:
                if exc.code == _E.CANCELLED:
                    raise
                record(key, path, exc)
    except TransferCancelled:
        raise ctx.where.error(_E.CANCELLED, op, base or None, stop.reason) from None
    prog.finish()
    result: FolderResult = {
        "prefix": base,
        "files": total,
        "bytes": prog.total,
        "done": done,
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
            f"{len(failed)} of {total} items failed; first: {first['error']}",
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
) -> FolderResult:
    """Download every object under ``prefix`` into ``localDir``, keeping the key layout.

    Keys that would land outside ``localDir`` (``..``, absolute, drive letters, symbolic
    links) or on the same local file as another key are refused before anything is
    written, naming each (``plans.place_keys``); with ``skipUnsafe`` they are skipped and
    listed.
    """
    op = "downloadFolder"
    root = os.path.abspath(os.fspath(localDir))
    base = _with_slash(prefix)
    stop = ctx.stop(cancel, op, base or None)
    with ctx.where.guard(op, base or None):
        listing = list(iter_objects(ctx.client, ctx.bucket, base))
    plan = place_keys(root, (o["key"] for o in listing), base)
    unsafe: list[SkippedKey] = [{"key": k, "reason": r} for k, r in plan.refused.items()]
    listed = {o["key"]: Listed(int(o["size"]), o.get("etag", "")) for o in listing}
    items = [(key, local, listed[key].size) for key, local in plan.files]
    if unsafe and not skipUnsafe:
        shown = "; ".join(f"{u['key']!r} {u['reason']}" for u in unsafe[:10])
        more = f" and {len(unsafe) - 10} more" if len(unsafe) > 10 else ""
        raise ctx.where.error(
            _E.INVALID_ARGUMENT,
            op,
            base or None,
            f"refusing {len(unsafe)} key(s) that cannot be written safely into {root}: "
            f"{shown}{more}; nothing was downloaded",
        )
    try:
        os.makedirs(root, exist_ok=True)
        for _, folder in plan.folders:
            os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise ctx.convert(exc, op, base or None, stop) from exc
    prog = Progress(progress, sum(size for _, _, size in items))

    def one(key: str, path: str, shared: Progress, token: CancelToken) -> object:
        return download_file(
            ctx, key, path, cancel=token, shared=shared, op=op, listed=listed[key], exact=True
        )

    return run_folder(ctx, op, base, items, prog, stop, raiseOnError, one, skipped=unsafe)
