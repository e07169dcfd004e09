"""The unfinished-uploads view: rows with parts and bytes, resumable from which file; Resume
finishes the same upload, Abort and Abort older than N days remove them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from r2desk import App, StorageError
from r2desk.gui.buckets.uploads_view import UnfinishedUploadsDialog
from r2desk.transfers.control import CancelToken
from r2desk.transfers.parts import MiB

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


def _select(dialog: UnfinishedUploadsDialog, key: str) -> None:
    row = next(n for n, r in enumerate(dialog.rows) if r["key"] == key)
    dialog.table.selectionModel().select(
        dialog.table.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_rows_resume_abort(
    qtbot: Any, pool: Any, gui_app: App, tmp_path: Path, moto_server: Any, moto_bucket: str
) -> None:
    element = gui_app.getElement("storages.TestR2")
    element.max_concurrency = 1
    src = tmp_path / "movie.bin"
    src.write_bytes(b"m" * (40 * MiB))
    token = CancelToken()
    # Paused after the first part's answer (throttled progress could miss a threshold).
    element.client.meta.events.register("after-call.s3.UploadPart", lambda **_: token.pause())
    with pytest.raises(StorageError):
        element.uploadFromPath("movie.bin", str(src), cancel=token)
    moto_server.s3.client().create_multipart_upload(Bucket=moto_bucket, Key="stranger.bin")

    dialog = UnfinishedUploadsDialog(element, pool)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.rows) == 2, timeout=10_000)
    texts = {
        dialog.table.item(r, 0).text(): [
            dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())
        ]
        for r in range(dialog.table.rowCount())
    }
    mine, theirs = texts["movie.bin"], texts["stranger.bin"]
    assert int(mine[3]) >= 1 and mine[4].endswith("MiB") and mine[5] == str(src)
    assert theirs[3] == "0" and theirs[5].startswith("no") and theirs[6] == "never"

    _select(dialog, "stranger.bin")
    assert not dialog.resume_button.isEnabled() and dialog.abort_button.isEnabled()
    _select(dialog, "movie.bin")
    assert dialog.resume_button.isEnabled()
    qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Finished movie.bin" in dialog.status.text(), timeout=30_000)
    assert element.download("movie.bin") == src.read_bytes()
    assert [r["key"] for r in dialog.rows] == ["stranger.bin"]

    dialog.older_days.setValue(0)
    qtbot.mouseClick(dialog.older_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Aborted 1" in dialog.status.text(), timeout=10_000)
    assert dialog.rows == [] and dialog.table.rowCount() == 0
