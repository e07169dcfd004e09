"""Object commands: upload, download, rename/move, delete, new folder, URLs, properties.

Each command reads the open element, prefix and selection from ``WindowState``, asks through
``prompts``, runs its requests in the pool and reports through ``errors``; it changes the
listing only through the narrow :class:`Listing` it is given, never through another component.
"""

from __future__ import annotations

import datetime as _dt
import functools
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from r2desk.errors import StorageError
from r2desk.formatting import expiry_words, human_size
from r2desk.gui.messages import ErrorBridge, one_line
from r2desk.gui.objects.dialogs import PropertiesDialog
from r2desk.gui.objects.model import FILE, FOLDER, Row
from r2desk.gui.transfers.model import TransferJob, TransferQueue
from r2desk.gui.window.actions import WindowActions, on
from r2desk.gui.window.counted import delete_question, plural
from r2desk.gui.window.upload_conflicts import UploadConflicts
from r2desk.keys import typed_name_problem
from r2desk.ops import (
    count_under,
    delete_selection,
    move_conflicts,
    move_keys,
    rename_target,
)
from r2desk.transfers.localpaths import keep_both_name, unsafe_reason
from r2desk.transfers.plans import DropPlan, plan_download, plan_drop
from r2desk.transfers.queue import DOWNLOAD, UPLOAD
from r2desk.unfinished_uploads import class_a_requests

if TYPE_CHECKING:
    from r2desk.gui.prompts import Prompts
    from r2desk.gui.tasks import Task, TaskPool
    from r2desk.gui.window.state import WindowState
    from r2desk.storages.meta import Meta


class Listing(Protocol):
    """What a command may change in the listing shown."""

    def show_new_key(self, key: str, size: int = 0) -> None: ...
    def show_uploaded(self, element: Meta, key: str, size: int) -> None: ...
    def remove_keys(self, keys: set[str]) -> None: ...
    def size_of(self, key: str) -> int: ...
    def refresh(self) -> None: ...


class ObjectCommands(QObject):
    """The object actions' slots; ``properties_dialog`` is the open properties dialog, if any."""

    def _items(self, count: int) -> str:
        return self.tr("1 item") if count == 1 else self.tr("{0} items").format(count)

    def __init__(
        self,
        pool: TaskPool,
        state: WindowState,
        listing: Listing,
        queue: TransferQueue,
        actions: WindowActions,
        errors: ErrorBridge,
        prompts: Prompts,
        *,
        show_transfers: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.state = state
        self.listing = listing
        self.queue = queue
        self.errors = errors
        self.prompts = prompts
        self.show_transfers = show_transfers
        self.parent_widget = parent
        self.properties_dialog: PropertiesDialog | None = None
        #: Set by Preferences: Ctrl+Shift+C's expiry, whether Delete asks, upload conflicts.
        self.default_expiry = 3600
        self.confirm_delete = True
        self.conflicts = UploadConflicts(pool, errors, lambda: self.prompts, self)
        a = actions
        on(a.act_new_folder, self.new_folder)
        on(a.act_upload_files, self.upload_files)
        on(a.act_upload_folder, self.upload_folder)
        on(a.act_download, self.download)
        on(a.act_rename, self.rename)
        on(a.act_delete, self.delete_selected)
        on(a.act_properties, self.show_properties)
        on(a.act_public_url, self.copy_public_url)
        on(a.act_signed_default, lambda: self.copy_signed_url(self.default_expiry))
        for seconds, act in a.signed_actions.items():
            on(act, functools.partial(self.copy_signed_url, seconds))
        on(a.act_signed_custom, self.copy_signed_custom)
        queue.job_finished.connect(self.transfer_done)

    def _run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Submit to the pool; failures the user asked for are shown in a dialog by default."""
        return self.pool.submit(
            fn,
            *args,
            on_result=on_result,
            on_error=on_error or (lambda exc: self.errors.error(exc, dialog=True)),
            on_crash=self.errors.crash,
            owner=self,
        )

    # -- URLs ---------------------------------------------------------------------------------

    def copy_signed_url(self, seconds: int) -> None:
        """Presign in a worker (first use may read the keyring), then fill the clipboard."""
        keys = self.state.selected_file_keys()
        element = self.state.element
        if not keys or element is None:
            self.errors.message(self.tr("Select one or more files to copy signed URLs."))
            return

        def sign() -> list[str]:
            return [element.getSignUrl(k, None, seconds) for k in keys]

        def done(urls: list[str]) -> None:
            QGuiApplication.clipboard().setText("\n".join(urls))
            until = (_dt.datetime.now() + _dt.timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M")
            what = "Signed URL" if len(urls) == 1 else f"{len(urls)} signed URLs"
            self.errors.message(
                self.tr("{0} copied to the clipboard; valid until {1} ({2}).").format(
                    what, until, expiry_words(seconds)
                )
            )

        self._run(sign, on_result=done)

    def copy_signed_custom(self) -> None:
        if not self.state.selected_file_keys():
            return
        seconds = self.prompts.expiry()
        if seconds:
            self.copy_signed_url(seconds)

    def copy_public_url(self) -> None:
        keys = self.state.selected_file_keys()
        element = self.state.element
        if not keys or element is None:
            return
        try:
            urls = [element.getPublicUrl(k) for k in keys]
        except StorageError as exc:
            self.errors.error(exc, dialog=True)
            return
        QGuiApplication.clipboard().setText("\n".join(urls))
        self.errors.message(
            self.tr("Public URLs copied to the clipboard.")
            if len(urls) > 1
            else self.tr("Public URL copied to the clipboard.")
        )

    # -- transfers ----------------------------------------------------------------------------

    def upload_files(self) -> None:
        if self.state.element is None:
            return
        paths = self.prompts.files(self.tr("Upload files"))
        if paths:
            self.upload_paths(paths, self.state.prefix)

    def upload_folder(self) -> None:
        if self.state.element is None:
            return
        path = self.prompts.folder(self.tr("Upload a folder"))
        if path:
            self.upload_paths([path], self.state.prefix)

    def upload_paths(self, paths: list[Path], prefix: str) -> Task | None:
        """Plan dropped or chosen paths in a worker (a big tree is a long walk of the disk),
        then queue one upload per file; returns the planning task."""
        element = self.state.element
        if element is None:
            self.errors.message(self.tr("Choose a connection before uploading."))
            return None
        self.errors.message(self.tr("Looking at the files to upload…"))
        return self._run(
            plan_drop,
            [Path(p) for p in paths],
            prefix,
            on_result=functools.partial(self._queue_plan, element, prefix),
        )

    def _queue_plan(self, element: Meta, prefix: str, plan: DropPlan) -> None:
        """On the GUI thread: say what cannot go, make the folder markers, queue the files."""
        if plan.problems:
            count = len(plan.problems)
            self.errors.message(
                self.tr("{0} cannot be uploaded: {1}").format(self._items(count), plan.problems[0])
            )
            if self.errors.dialogs_enabled:
                self.prompts.inform(
                    self.tr("Some items cannot be uploaded"),
                    self.tr("{0} cannot be uploaded").format(self._items(count))
                    + (
                        self.tr("; the other {0} files are queued.").format(len(plan.files))
                        if plan.files
                        else "."
                    ),
                    "\n".join(plan.problems),
                )
        for folder in plan.folders:
            self._run(
                element.createFolder,
                folder,
                on_result=functools.partial(self._folder_created, folder),
                on_error=self.errors.error,
            )
        if not plan.files:
            if not plan.problems:
                made = plural(len(plan.folders), "empty folder")
                self.errors.message(self.tr("No files to upload; {0} created.").format(made))
            return
        self.conflicts.settle(
            element, plan.files, functools.partial(self._queue_files, element, prefix, plan)
        )

    def _queue_files(
        self, element: Meta, prefix: str, plan: DropPlan, files: list[tuple[Path, str, int]]
    ) -> None:
        if not files:  # every file skipped: the conflicts said so
            return
        jobs = [
            TransferJob(UPLOAD, element, key, path, size, total=size) for path, key, size in files
        ]
        self.queue.add_many(jobs)
        self.show_transfers()
        where = prefix or self.tr("the bucket root")
        left = ""  # what was left out stays in the status line, not only in a dialog
        if plan.problems:
            count = len(plan.problems)
            left = self.tr("; {0} cannot be uploaded: {1}").format(
                self._items(count), plan.problems[0]
            )
        # Cost hint: write (Class A) requests, counted with the engine's own part sizes.
        writes = class_a_requests(size for _path, _key, size in files)
        self.errors.message(
            self.tr("Queued {0} ({1}) for upload to {2}, {3}{4}.").format(
                plural(len(jobs), "file"),
                human_size(sum(size for _path, _key, size in files)),
                where,
                plural(writes, "write (Class A) request"),
                left,
            )
        )

    def _folder_created(self, key: str, _result: object) -> None:
        self.listing.show_new_key(key)

    def transfer_done(self, job: TransferJob) -> None:
        if job.direction == UPLOAD:
            self.listing.show_uploaded(job.element, job.key, job.size)
        elif job.direction == DOWNLOAD and self.queue.idle:
            self.errors.message(
                self.tr("Downloads finished; the last one is {0}.").format(job.path)
            )

    def download(self) -> None:
        rows = self.state.selection
        element = self.state.element
        if not rows or element is None:
            return
        if len(rows) == 1 and rows[0].kind == FILE:
            self._download_one(element, rows[0])
            return
        dest = self.prompts.folder(self.tr("Download to folder"))
        if dest is None:
            return
        files = [(r.key, r.size) for r in rows if r.kind == FILE]
        folders = [r.key for r in rows if r.kind == FOLDER]

        def planned(result: tuple[list[tuple[str, Path, int]], dict[str, str]]) -> None:
            items, refused = result
            if refused:
                key, reason = next(iter(refused.items()))
                self.errors.message(
                    self.tr(
                        "{0} refused: they cannot be written safely into {1} (e.g. {2!r} {3})."
                    ).format(
                        self.tr("1 key")
                        if len(refused) == 1
                        else self.tr("{0} keys").format(len(refused)),
                        dest,
                        key,
                        reason,
                    )
                )
            items = self._settle_existing(items)
            jobs = [
                TransferJob(DOWNLOAD, element, key, path, size, total=size)
                for key, path, size in items
            ]
            self.queue.add_many(jobs)
            if jobs:
                self.show_transfers()
                self.errors.message(
                    self.tr("Queued {0} to {1}.").format(plural(len(jobs), "download"), dest)
                )

        self._run(
            plan_download, element, files, folders, self.state.prefix, dest, on_result=planned
        )

    def _download_one(self, element: Meta, row: Row) -> None:
        """One file: a save dialog names it (and asks before replacing an existing file)."""
        name = row.name if unsafe_reason(row.name) is None else "download"
        target = self.prompts.save_file(self.tr("Download as"), Path.home() / name)
        if target is None:
            return
        job = TransferJob(DOWNLOAD, element, row.key, target, row.size, total=row.size)
        self.queue.add_many([job])
        self.show_transfers()
        self.errors.message(self.tr("Queued the download of {0} to {1}.").format(row.name, target))

    def _settle_existing(self, items: list[tuple[str, Path, int]]) -> list[tuple[str, Path, int]]:
        """Ask Replace / Keep both / Skip for each file already there (or once for all)."""
        existing = sum(1 for _, p, _ in items if p.exists())
        settled: list[tuple[str, Path, int]] = []
        promised: set[str] = set()
        for_all: str | None = None
        for key, path, size in items:
            if path.exists():
                existing -= 1
                choice = for_all
                if choice is None:
                    choice, every = self.prompts.replace_choice(path, existing)
                    for_all = choice if every else None
                if choice == "skip":
                    continue
                if choice == "keep":
                    path = Path(keep_both_name(path, promised))
            promised.add(str(path))
            settled.append((key, path, size))
        return settled

    # -- edits --------------------------------------------------------------------------------

    def new_folder(self) -> None:
        element = self.state.element
        if element is None:
            return
        prefix = self.state.prefix
        name = self.prompts.name(
            self.tr("New folder"),
            self.tr("Name of the new folder in /{0}:").format(prefix),
            "",
            lambda text: typed_name_problem(text.rstrip("/") + "/", prefix),
        )
        if name is None:
            return
        name = name.rstrip("/")
        key = f"{prefix}{name}/"

        def created(_result: object) -> None:
            self.listing.show_new_key(key)
            self.errors.message(self.tr("Folder {0} created.").format(name))

        self._run(element.createFolder, key, on_result=created)

    def rename(self) -> None:
        rows = self.state.selection
        if len(rows) != 1 or self.state.element is None:
            return
        row = rows[0]
        parent = row.key[: len(row.key) - len(row.name) - (1 if row.kind == FOLDER else 0)]
        suffix = "/" if row.kind == FOLDER else ""
        new = self.prompts.name(
            self.tr("Rename / Move"),
            self.tr("New name of '{0}' (a name with '/' moves it into that folder):").format(
                row.name
            ),
            row.name,
            lambda text: typed_name_problem(text.rstrip("/") + suffix, parent),
            select_stem=row.kind == FILE,
        )
        if new is None:
            return
        target = rename_target(row.key, new.strip())
        if target == row.key:
            return
        self._run_moves([(row.key, target)], f"Renamed {row.name} to {new.strip()}.")

    def move_into(self, keys: list[str], folder: str) -> None:
        """Objects dragged onto a folder row move into it."""
        moves = []
        for key in keys:
            name = posixpath.basename(key.rstrip("/")) + ("/" if key.endswith("/") else "")
            target = f"{folder}{name}"
            if target != key and not folder.startswith(key):
                moves.append((key, target))
        if moves:
            self._run_moves(
                moves, f"Moved {len(moves)} item{'s' if len(moves) != 1 else ''} to {folder}."
            )

    def _run_moves(self, moves: list[tuple[str, str]], message: str) -> None:
        """Look for objects the moves would replace (in a worker), ask, then move."""
        element = self.state.element
        if element is None:
            return

        def checked(existing: list[str]) -> None:
            if existing:
                shown = "\n".join(existing[:5]) + ("\n…" if len(existing) > 5 else "")
                count = len(existing)
                what = "1 object already exists" if count == 1 else f"{count} objects already exist"
                if not self.prompts.confirm(
                    self.tr("Replace existing objects?"),
                    self.tr("{0} at the target and would be replaced:\n{1}").format(what, shown),
                    self.tr("Replace"),
                ):
                    self.errors.message(self.tr("Nothing was moved."))
                    return
            self._move_now(element, moves, message)

        self.errors.message(self.tr("Checking the target…"))
        self._run(
            move_conflicts,
            element,
            moves,
            on_result=checked,
            on_error=lambda exc: self.errors.error(exc, dialog=True),
        )

    def _move_now(self, element: Meta, moves: list[tuple[str, str]], message: str) -> None:
        self.errors.message(self.tr("Moving…"))
        sizes = {src: self.listing.size_of(src) for src, _ in moves}

        def done(result: list[tuple[str, str]]) -> None:
            self.listing.remove_keys({src for src, _ in result})
            for src, dst in result:
                self.listing.show_new_key(dst, sizes.get(src, 0))
            self.errors.message(message)

        self._run(move_keys, element, moves, on_result=done, on_error=self._failed_then_refresh)

    def _failed_then_refresh(self, exc: BaseException) -> None:
        self.errors.error(exc, dialog=True)
        self.listing.refresh()

    def delete_selected(self) -> None:
        rows = self.state.selection
        element = self.state.element
        if not rows or element is None:
            return
        files = [r.key for r in rows if r.kind == FILE]
        folders = [r.key for r in rows if r.kind == FOLDER]

        def confirm(inside: int) -> None:
            text = delete_question(files, folders, inside) + " " + self.tr("This cannot be undone.")
            if self.confirm_delete and not self.prompts.confirm(
                self.tr("Delete"), text, self.tr("Delete")
            ):
                return
            self._run(
                delete_selection,
                element,
                files,
                folders,
                on_result=deleted,
                on_error=self._failed_then_refresh,
            )

        def deleted(result: dict[str, Any]) -> None:
            failed_keys = {f["key"] for f in result["failed"]}
            self.listing.remove_keys({k for k in files + folders if k not in failed_keys})
            if result["failed"]:
                first = result["failed"][0]
                self.errors.message(
                    self.tr("{0} objects could not be deleted (e.g. {1}: {2} {3}).").format(
                        len(result["failed"]), first["key"], first["code"], first["message"]
                    )
                )
            else:
                self.errors.message(
                    self.tr("Deleted {0}.").format(plural(result["deleted"], "object"))
                )

        if folders and self.confirm_delete:  # the count is only for the question
            self.errors.message(self.tr("Counting the objects in the selected folders…"))
            self._run(
                count_under, element, folders, on_result=confirm, on_error=self._failed_then_refresh
            )
        else:
            confirm(0)

    def show_properties(self) -> None:
        rows = [r for r in self.state.selection if r.kind == FILE]
        element = self.state.element
        if len(rows) != 1 or element is None:
            return
        key = rows[0].key

        def show(info: dict[str, Any]) -> None:
            public = element.getPublicUrl(key) if element.config.publicBaseUrl else ""
            dialog = PropertiesDialog(info, public, self.parent_widget)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.save_requested.connect(
                lambda ct, cc, meta: self._save_properties(element, dialog, key, ct, cc, meta)
            )
            dialog.destroyed.connect(lambda *_: setattr(self, "properties_dialog", None))
            self.properties_dialog = dialog
            dialog.open()

        self._run(element.getObject, key, on_result=show)

    def _save_properties(
        self,
        element: Meta,
        dialog: PropertiesDialog,
        key: str,
        content_type: str,
        cache: str,
        meta: dict[str, str],
    ) -> None:
        def ok(_result: object) -> None:
            # The listing's row (and so the preview) shows the object as it is now.
            self.listing.show_new_key(key, self.listing.size_of(key))
            self.errors.message(self.tr("Properties of {0} saved.").format(key))
            dialog.save_done()

        def bad(exc: BaseException) -> None:
            self.errors.error(exc)
            dialog.save_done(one_line(exc))

        self._run(element.updateObject, key, content_type, cache, meta, on_result=ok, on_error=bad)
