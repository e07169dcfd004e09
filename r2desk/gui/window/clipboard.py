"""Copy, Cut and Paste of objects in the window (Ctrl+C, Ctrl+X, Ctrl+V).

The clipboard holds the element, bucket and keys (plus the keys as text, for pasting into an
editor), so a paste works into another folder, bucket or connection, even in another r2desk
window. Pasting files copied in the desktop's file manager uploads them here. The paste is
planned and run in workers (:mod:`r2desk.paste`); conflicts are asked once per object with
"apply to all".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QByteArray, QMimeData, QObject
from PySide6.QtGui import QGuiApplication

from r2desk.elements.locations import parse_element, resolve
from r2desk.gui.window.actions import WindowActions, on
from r2desk.gui.window.counted import plural
from r2desk.moves import unfinished_moves
from r2desk.paste import SKIP, PastePlan, PasteResult, plan_paste, plan_resume, run_paste

if TYPE_CHECKING:
    from r2desk.elements import App
    from r2desk.gui.messages import ErrorBridge
    from r2desk.gui.prompts import Prompts
    from r2desk.gui.tasks import TaskPool
    from r2desk.gui.window.browser import Browser
    from r2desk.gui.window.state import WindowState
    from r2desk.storages.meta import Meta
    from r2desk.transfers.movelog import MoveRow

#: Our clipboard format: {"element", "bucket", "keys", "cut"} as JSON.
KEYS_FORMAT = "application/x-r2desk-objects"


class Window(Protocol):
    app: App
    pool: TaskPool
    acts: WindowActions
    browser: Browser
    state: WindowState
    errors: ErrorBridge

    @property
    def prompts(self) -> Prompts: ...

    @property
    def element(self) -> Meta | None: ...

    @property
    def prefix(self) -> str: ...

    def upload_paths(self, paths: list[Path], prefix: str) -> object: ...


def objects_payload(element: Meta, keys: list[str], *, cut: bool) -> bytes:
    """Our format's bytes: the clipboard's, and a drag's (dropped onto the sidebar)."""
    data = {"element": element.name, "bucket": element.where.bucket, "keys": keys, "cut": cut}
    return json.dumps(data).encode()


def objects_mime(element: Meta, keys: list[str], *, cut: bool) -> QMimeData:
    mime = QMimeData()
    mime.setData(KEYS_FORMAT, QByteArray(objects_payload(element, keys, cut=cut)))
    mime.setText("\n".join(keys))
    return mime


def read_objects(mime: QMimeData | None) -> dict[str, Any] | None:
    if mime is None or not mime.hasFormat(KEYS_FORMAT):
        return None
    try:
        data = json.loads(bytes(mime.data(KEYS_FORMAT).data()).decode())
    except ValueError:
        return None
    ok = isinstance(data, dict) and isinstance(data.get("keys"), list)
    return data if ok else None


class ClipboardActions(QObject):
    def __init__(self, window: Window, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        acts = window.acts
        on(acts.act_copy, lambda: self.copy(cut=False))
        on(acts.act_cut, lambda: self.copy(cut=True))
        on(acts.act_paste, self.paste)

    def copy(self, *, cut: bool) -> None:
        element = self.window.element
        rows = self.window.state.selection
        if element is None or not rows:
            return
        keys = [r.key for r in rows]
        QGuiApplication.clipboard().setMimeData(objects_mime(element, keys, cut=cut))
        what = (
            keys[0].rstrip("/").rsplit("/", 1)[-1] if len(keys) == 1 else plural(len(keys), "item")
        )
        text = (
            self.tr("Cut {0}: paste it where it should go") if cut else self.tr("Copied {0}")
        ).format(what)
        self.window.errors.message(text)

    def paste(self) -> None:
        dst = self.window.element
        if dst is None:
            return
        prefix = self.window.prefix
        mime = QGuiApplication.clipboard().mimeData()
        data = read_objects(mime)
        if data is None:
            paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()] if mime else []
            if paths:
                self.window.upload_paths(paths, prefix)
            else:
                self.window.errors.message(self.tr("Nothing to paste: copy objects or files first"))
            return
        self.paste_objects(data, lambda: dst, prefix)

    def drop_objects(self, data: dict[str, Any], location: str) -> None:
        """Objects dragged onto a connection or bucket in the sidebar: copied into its root."""
        app = self.window.app
        self.paste_objects(data, lambda: resolve(app, parse_element(location))[0], "")

    def paste_objects(self, data: dict[str, Any], target: Callable[[], Meta], prefix: str) -> None:
        """Plan in a worker (``target`` builds the destination there: it may read the
        keyring), ask about conflicts, then copy or move."""
        keys = [str(k) for k in data["keys"]]
        cut = bool(data.get("cut"))
        app = self.window.app

        def plan(cancel: Any = None) -> tuple[Meta, Meta, PastePlan]:
            src = app.getElement(str(data.get("element", "")))
            bucket = str(data.get("bucket") or "")
            if bucket and bucket != src.where.bucket:
                src = src.forBucket(bucket)
            dst = target()
            return src, dst, plan_paste(src, keys, dst, prefix, cancel)

        self.window.errors.message(self.tr("Preparing the paste…"))
        self.window.pool.submit(
            plan,
            on_result=lambda r: self._planned(r[0], r[1], r[2], cut),
            on_error=self.window.errors.error,
            owner=self,
        )

    def _planned(self, src: Meta, dst: Meta, plan: PastePlan, cut: bool) -> None:
        for key, why in plan.refused.items():
            self.window.errors.message(self.tr("Not pasted: {0}: {1}").format(key, why))
        if not plan.pairs:
            return
        choices: dict[str, str] = {}
        for_all: str | None = None
        remaining = len(plan.existing)
        for _, target in plan.pairs:
            if target not in plan.existing or target in choices:
                continue
            remaining -= 1
            choice = for_all
            if choice is None:
                choice, every = self.window.prompts.replace_object(target, remaining)
                for_all = choice if every else None
            choices[target] = choice
        if choices and all(c == SKIP for c in choices.values()) and len(choices) == len(plan.pairs):
            self.window.errors.message(self.tr("Nothing was pasted."))
            return
        count = plural(len(plan.pairs), "object")
        self.window.errors.message(
            (self.tr("Moving {0}…") if cut else self.tr("Copying {0}…")).format(count)
        )

        def progress(done: int, total: int) -> None:
            self.window.errors.message(
                (
                    self.tr("Moving: {0} of {1} done…")
                    if cut
                    else self.tr("Copying: {0} of {1} done…")
                ).format(f"{done:,}", f"{total:,}")
            )

        self.window.pool.submit(
            run_paste,
            src,
            dst,
            plan.pairs,
            move=cut,
            choices=choices,
            taken=plan.taken,
            folders=plan.folders,
            on_result=lambda r: self._done(r, cut),
            on_error=self.window.errors.error,
            on_progress=progress,
            owner=self,
        )

    # -- unfinished folder moves ----------------------------------------------------------------

    def offer_unfinished_moves(self) -> None:
        """On start: read the journal in a worker, then offer to finish each interrupted move
        (as a paste of what is still at its source, conflicts asked as for any paste)."""
        self.window.pool.submit(
            unfinished_moves, on_result=self._offer, on_error=lambda _exc: None, owner=self
        )

    def _offer(self, rows: list[MoveRow]) -> None:
        for row in rows:
            src = f"{row.source.element}@{row.source.bucket}:{row.source.prefix}"
            dst = f"{row.target.element}@{row.target.bucket}:{row.target.prefix}"
            if self.window.prompts.confirm(
                self.tr("Finish the interrupted move?"),
                self.tr(
                    "Moving {0} to {1} was interrupted before it finished. Finish it now? "
                    "What is still at the source is moved; what was already copied is checked, "
                    "not copied again."
                ).format(src, dst),
                self.tr("Finish moving"),
            ):
                self.resume_move(row)

    def resume_move(self, row: MoveRow) -> None:
        app = self.window.app

        def element(name: str, bucket: str) -> Meta:
            el = app.getElement(name)
            return el if el.where.bucket == bucket else el.forBucket(bucket)

        def plan(cancel: Any = None) -> tuple[Meta, Meta, PastePlan]:
            src = element(row.source.element, row.source.bucket)
            dst = element(row.target.element, row.target.bucket)
            return src, dst, plan_resume(src, dst, row, cancel)

        self.window.errors.message(self.tr("Preparing the paste…"))
        self.window.pool.submit(
            plan,
            on_result=lambda r: self._planned(r[0], r[1], r[2], True),
            on_error=self.window.errors.error,
            owner=self,
        )

    def _done(self, result: PasteResult, cut: bool) -> None:
        if cut and not result.failed:
            QGuiApplication.clipboard().clear()
        self.window.browser.refresh()
        done = len(result.done)
        count = plural(done, "object")
        text = (self.tr("Moved {0}") if cut else self.tr("Copied {0}")).format(count)
        if result.skipped:
            text = self.tr("{0}; skipped {1}").format(text, f"{len(result.skipped):,}")
        self.window.errors.message(text)
        if result.failed:
            self.window.prompts.inform(
                self.tr("Some objects were not pasted"),
                self.tr(
                    "{0} of {1} objects could not be pasted; they stay where they were."
                ).format(len(result.failed), len(result.failed) + done + len(result.skipped)),
                "\n".join(f"{key}: {why}" for key, why in result.failed),
            )
