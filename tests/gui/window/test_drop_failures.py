"""A drop onto the window plans with the one planner: what it leaves out is said, never lost.

Unicode twins (two local names that differ only in normalisation, one R2 key) are not queued,
and the status line names them; the rest of the drop is uploaded.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any

NFC = unicodedata.normalize("NFC", "Résumé.txt")
NFD = unicodedata.normalize("NFD", "Résumé.txt")


def test_a_drop_with_unicode_twins_queues_neither_and_says_so(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    tree = tmp_path / "cv"
    tree.mkdir()
    (tree / NFC).write_bytes(b"one")
    (tree / NFD).write_bytes(b"another")
    (tree / "letter.txt").write_bytes(b"fine")
    assert len(os.listdir(tree)) == 3
    window.upload_paths([tree], "")
    qtbot.waitUntil(lambda: len(window.queue.jobs) == 1, timeout=10_000)
    assert [j.key for j in window.queue.jobs] == ["cv/letter.txt"]
    message = window.errors.last_message
    assert "2 items cannot be uploaded" in message and "same object" in message
    qtbot.waitUntil(lambda: window.queue.idle, timeout=20_000)
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=s3.bucket)["Contents"]}
    assert keys == {"cv/letter.txt"}
