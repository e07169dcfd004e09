"""Drag objects out of the window as real files, on demand.

The drag carries the keys (for moves onto a folder row and copies onto the sidebar) and
*offers* ``text/uri-list`` without holding it: only when a drop target asks for it
(:meth:`DragOutMime.retrieveData`, i.e. a file manager or another app taking the drop) is the
selection downloaded, through the transfer queue with the engine's verification, into a fresh
private folder under the cache (:mod:`r2desk.dragout`). A drag that ends inside the window asks
for no URL, so it downloads nothing.

While the target waits, a local event loop runs so the window keeps painting; a big selection
shows a cancellable progress dialog at once, a small one only when it takes a while. Only files
that arrived whole and verified are handed over (a folder only when all its files did); what
failed is said in words, and nothing is handed over after a cancel.

No text or signed-URL flavour rides along: a text target would take bearer links that outlive
the drag, and "Copy signed URL" is there for links.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QByteArray,
    QEventLoop,
    QMetaType,
    QMimeData,
    QObject,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from r2desk.dragout import (
    BIG_BYTES,
    BIG_FILES,
    DragPlan,
    drag_root,
    inside,
    prepare_drag,
    sweep_drags,
)
from r2desk.gui.messages import ErrorBridge, one_line
from r2desk.gui.objects.model import FOLDER, KEYS_MIME, Row
from r2desk.gui.transfers.model import TransferJob, TransferQueue
from r2desk.gui.window.clipboard import KEYS_FORMAT, objects_payload
from r2desk.gui.window.counted import plural
from r2desk.transfers.queue import DOWNLOAD, State

if TYPE_CHECKING:
    from r2desk.gui.prompts import Prompts
    from r2desk.gui.tasks import TaskPool
    from r2desk.storages.meta import Meta

URI_LIST = "text/uri-list"
# How often the wait looks at its transfers (the queue's own timer repaints their rows).
POLL_MS = 100
# A small drag shows its progress dialog only when it takes longer than this.
SMALL_DIALOG_MS = 1500
LIST_TYPE = QMetaType.Type.QVariantList.value


class Window(Protocol):
    pool: TaskPool
    queue: TransferQueue
    errors: ErrorBridge

    @property
    def prompts(self) -> Prompts: ...

    @property
    def element(self) -> Meta | None: ...

    @property
    def prefix(self) -> str: ...

    def show_transfers(self) -> None: ...


class DragOutMime(QMimeData):
    """Keys as data; ``text/uri-list`` offered, and produced by ``fetch`` when first asked."""

    def __init__(self, fetch: Callable[[], list[QUrl]]) -> None:
        super().__init__()
        self._fetch = fetch
        self._urls: list[QUrl] | None = None
        self._fetching = False

    def formats(self) -> list[str]:
        have = super().formats()
        return have if URI_LIST in have else [*have, URI_LIST]

    def hasFormat(self, mimetype: str) -> bool:
        return mimetype == URI_LIST or super().hasFormat(mimetype)

    def retrieveData(self, mimetype: str, preferredType: object) -> object:
        if mimetype != URI_LIST:
            return super().retrieveData(mimetype, preferredType)  # type: ignore[arg-type]
        if self._urls is None:
            if self._fetching:  # asked again while the first request waits: no answer yet
                return QByteArray()
            self._fetching = True
            try:
                self._urls = self._fetch()
            finally:
                self._fetching = False
        if isinstance(preferredType, QMetaType) and preferredType.id() == LIST_TYPE:
            return list(self._urls)  # urls() asks for a list
        return QByteArray(b"".join(bytes(u.toEncoded().data()) + b"\r\n" for u in self._urls))


class DragOut(QObject):
    """Makes each drag's mime data and, when a target asks, delivers the files."""

    def __init__(self, window: Window, parent: QWidget, root: Path | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.root = root if root is not None else drag_root()
        # The progress dialog of the delivery being waited for (tests and screenshots look).
        self.dialog: QProgressDialog | None = None
        window.pool.submit(sweep_drags, self.root, owner=self)  # old drags, off the main thread

    def mime_for(self, rows: list[Row]) -> QMimeData:
        element, prefix = self.window.element, self.window.prefix
        keys = sorted({r.key for r in rows})
        mime = DragOutMime(lambda: self.deliver(element, prefix, rows) if element else [])
        mime.setData(KEYS_MIME, QByteArray("\n".join(keys).encode("utf-8")))
        if element is not None:
            mime.setData(KEYS_FORMAT, QByteArray(objects_payload(element, keys, cut=False)))
        return mime

    # -- delivering -----------------------------------------------------------------------

    def deliver(self, element: Meta, prefix: str, rows: list[Row]) -> list[QUrl]:
        """Download ``rows`` into a new drag folder and return the URLs of what arrived whole.

        Runs a local event loop until done (or cancelled), so it returns synchronously to the
        drop target while the window keeps painting and the transfers run in the pool.
        """
        files = [(r.key, r.size) for r in rows if r.kind != FOLDER]
        folders = [r.key for r in rows if r.kind == FOLDER]
        wait = DeliveryWait(self, len(files), sum(s for _, s in files), bool(folders))
        self.dialog = wait.dialog
        try:
            task = self.window.pool.submit(
                prepare_drag,
                element,
                files,
                folders,
                prefix,
                self.root,
                on_result=wait.planned,
                on_error=wait.failed,
                owner=wait,
            )
            wait.on_cancel = task.cancel
            plan = wait.run()
            if plan is None or wait.cancelled:
                return self._report_cancel(wait)
            jobs = [
                TransferJob(DOWNLOAD, element, key, path, size, total=size)
                for key, path, size in plan.files
            ]
            if jobs:
                self.window.queue.add_many(jobs)
                self.window.show_transfers()
                queue = self.window.queue
                wait.follow(
                    plan, jobs, lambda: queue.cancel(unfinished(jobs)), lambda: queue.paused
                )
                wait.run()
            if wait.cancelled:
                return self._report_cancel(wait)
            return self._hand_over(plan, jobs)
        finally:
            wait.close()
            self.dialog = None

    def _report_cancel(self, wait: DeliveryWait) -> list[QUrl]:
        if wait.error is not None:
            self.window.errors.message(self.tr("Drag-out failed: {0}").format(one_line(wait.error)))
        else:
            self.window.errors.message(self.tr("Drag-out cancelled: no files were handed over."))
        return []

    def _hand_over(self, plan: DragPlan, jobs: list[TransferJob]) -> list[QUrl]:
        by_path = {str(job.path): job for job in jobs}
        failed: list[tuple[str, str]] = [(k, why) for k, why in plan.refused.items()]
        failed += [
            (job.key, job.error or self.tr("not finished"))
            for job in jobs
            if job.state != State.DONE
        ]
        bad_paths = {str(job.path) for job in jobs if job.state != State.DONE}
        urls: list[QUrl] = []
        for key, local in plan.tops:
            if not inside(plan.folder, local):
                continue
            if key.endswith("/"):
                below = str(local) + os.sep
                if any(p.startswith(below) for p in bad_paths) or any(
                    k.startswith(key) for k in plan.refused
                ):
                    continue  # a folder is handed over whole or not at all
            else:
                job = by_path.get(str(local))
                if job is None or job.state != State.DONE:
                    continue
            urls.append(QUrl.fromLocalFile(str(local)))
        if failed:
            self.window.errors.message(
                self.tr("Dragged out {0} of {1}; not handed over: {2}: {3}").format(
                    len(urls), len(plan.tops), failed[0][0], failed[0][1]
                )
            )
            details = "\n".join(f"{key}: {why}" for key, why in failed)
            title = self.tr("Some objects were not dragged out")
            text = (
                self.tr("1 object could not be downloaded for the drop, so it was not handed over.")
                if len(failed) == 1
                else self.tr(
                    "{0} objects could not be downloaded for the drop, so they were not handed "
                    "over."
                ).format(len(failed))
            )
            # After the drop has its answer: a modal box now would keep the target waiting.
            QTimer.singleShot(0, lambda: self.window.prompts.inform(title, text, details))
        else:
            self.window.errors.message(self.tr("Dragged out {0}").format(plural(len(urls), "item")))
        return urls


def unfinished(jobs: list[TransferJob]) -> list[TransferJob]:
    return [j for j in jobs if not j.state.finished]


class DeliveryWait(QObject):
    """The local event loop and progress dialog of one delivery."""

    def __init__(self, owner: DragOut, files: int, size: int, has_folders: bool) -> None:
        super().__init__(owner)
        self.loop = QEventLoop(self)
        self.plan: DragPlan | None = None
        self.error: BaseException | None = None
        self.cancelled = False
        self.on_cancel: Callable[[], None] = lambda: None
        self.jobs: list[TransferJob] = []
        self.paused: Callable[[], bool] = lambda: False
        dialog = QProgressDialog(owner.parent_widget)
        dialog.setWindowTitle(self.tr("Dragging out"))
        dialog.setLabelText(self.tr("Listing the objects to drag out…"))
        dialog.setAccessibleName(self.tr("Drag-out progress"))
        dialog.setRange(0, 0)
        # Not modal: the queue's Resume (a paused queue holds the drop) stays in reach.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        big = has_folders or files > BIG_FILES or size > BIG_BYTES
        dialog.setMinimumDuration(0 if big else SMALL_DIALOG_MS)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        if big:
            dialog.show()

    def run(self) -> DragPlan | None:
        if not self.cancelled and not self._done():
            self.loop.exec()
        return self.plan

    def _done(self) -> bool:
        if self.jobs:
            return all(j.state.finished for j in self.jobs)
        return self.plan is not None or self.error is not None

    def planned(self, plan: DragPlan) -> None:
        self.plan = plan
        self.loop.quit()

    def failed(self, exc: BaseException) -> None:
        self.error = exc
        self.cancelled = True
        self.loop.quit()

    def follow(
        self,
        plan: DragPlan,
        jobs: list[TransferJob],
        cancel: Callable[[], None],
        paused: Callable[[], bool],
    ) -> None:
        self.jobs, self.on_cancel, self.paused = jobs, cancel, paused
        self.total = max(1, plan.total_bytes)
        self.dialog.setRange(0, 1000)
        self.dialog.setValue(0)
        self.timer.start()
        self._poll()

    def _poll(self) -> None:
        done_files = sum(1 for j in self.jobs if j.state.finished)
        done = sum(j.size if j.state.finished else j.done for j in self.jobs)
        if self.paused():
            self.dialog.setLabelText(
                self.tr("Waiting: the transfer queue is paused. Resume it, or cancel the drop.")
            )
        else:
            self.dialog.setLabelText(
                self.tr("Downloading {0} of {1} files for the drop…").format(
                    min(done_files + 1, len(self.jobs)), len(self.jobs)
                )
            )
        self.dialog.setValue(min(1000, done * 1000 // self.total))
        if self._done():
            self.timer.stop()
            self.loop.quit()

    def cancel(self) -> None:
        if self.cancelled:
            return
        self.cancelled = True
        self.on_cancel()
        self.loop.quit()

    def close(self) -> None:
        self.timer.stop()
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()
