"""A sync killed mid-way (SIGKILL) and run again: finished files are not sent again (the state
and the comparison skip them) and the interrupted multipart upload resumes from the journal."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from support.servers import MotoHandle
from support.sync import MakeElement, write_tree
from support.transfers import MiB, PartRecorder, make_file, md5_file

from r2desk.sync.run import Options, run
from r2desk.sync.sides import BucketSide, LocalSide

TESTS = Path(__file__).resolve().parents[2]
CHILD = TESTS / "support" / "sync_child.py"


def _parts_done(journal: Path) -> int:
    try:
        with sqlite3.connect(journal / "transfers.sqlite3", timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM upload_parts").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_killed_sync_resumes(
    tmp_path: Path, make_element: MakeElement, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = make_element(moto_server.s3, moto_bucket)
    journal = Path(el.state_dir or "")
    src = tmp_path / "src"
    write_tree(src, {f"small/{i:02d}": b"s" * (100 + i) for i in range(12)})
    make_file(src / "big.bin", 40 * MiB)
    state = tmp_path / "syncstate"
    env = dict(os.environ, PYTHONPATH=str(TESTS.parent))
    proc = subprocess.Popen(
        [
            sys.executable,
            str(CHILD),
            str(tmp_path / "app"),
            str(journal),
            str(state),
            str(src),
            "p",
        ],
        env=env,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 90
    try:
        while len(list(el.iterObjects("p/small/"))) < 3 or _parts_done(journal) < 1:
            assert proc.poll() is None, f"child ended early: {proc.stderr.read()!r}"  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "child made no progress"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    before = {o["key"] for o in el.iterObjects("p/")}
    assert 3 <= len(before) < 13
    put: list[str] = []

    def on_put(params: dict[str, Any], **_: Any) -> None:
        put.append(params["Key"])

    el.client.meta.events.register("provide-client-params.s3.PutObject", on_put)
    rec = PartRecorder()
    with rec.attached(el.client):
        report = run(LocalSide(str(src)), BucketSide(el, "p"), Options(), state_folder=state)
    assert report["failed"] == []
    assert not set(put) & before  # nothing finished is sent again
    assert sorted(put) == sorted({f"p/small/{i:02d}" for i in range(12)} - before)
    assert "ListParts" in rec.operations and "CreateMultipartUpload" not in rec.operations
    assert len(rec.parts) < 5  # only the missing parts of the big file
    out = tmp_path / "check"
    el.downloadToPath("p/big.bin", str(out))
    assert md5_file(out) == md5_file(src / "big.bin")
    assert el.listUploads() == []
