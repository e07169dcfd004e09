"""Transfers under faults: a killed process resumes, cut and stalled connections recover,
tampered data or ETags fail loudly, and nothing corrupt is left behind."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from botocore.config import Config
from support.faultproxy import DOWN, UP, Fault, FaultProxy, flip_data_reads, tamper_etag
from support.servers import LocalS3, MotoHandle, SeaweedHandle
from support.transfers import MiB, PartRecorder, make_file, md5_file, transfer_element

from r2desk import CloudflareR2Type, StorageError
from r2desk.transfers.localpaths import TEMP_SUFFIX

TESTS = Path(__file__).parents[2]
CHILD = TESTS / "support" / "transfer_child.py"


class QuickTimeouts(CloudflareR2Type):
    """A Type with short timeouts, so a stalled connection is noticed within the test."""

    def client_config(self) -> Config:
        return super().client_config().merge(Config(read_timeout=1.5, connect_timeout=2))


def proxied(
    tmp_path: Path, moto_server: MotoHandle, bucket: str, proxy: FaultProxy, **kw: object
) -> CloudflareR2Type:
    s3 = LocalS3(proxy.endpoint_url, moto_server.s3.access_key, moto_server.s3.secret_key)
    return transfer_element(tmp_path / "app", s3, bucket, **kw)  # type: ignore[arg-type]


# -- kill and resume ---------------------------------------------------------------------


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _run_child_until(tmp_path: Path, state: Path, args: list[str], sql: str, at_least: int) -> None:
    """Start the child transfer, SIGKILL it once the journal shows progress."""
    env = dict(os.environ, PYTHONPATH=str(TESTS.parent))
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(tmp_path / "app"), str(state), *args],
        env=env,
        stderr=subprocess.PIPE,
    )
    db = state / "transfers.sqlite3"
    deadline = time.monotonic() + 60
    try:
        while _count(db, sql) < at_least:
            assert proc.poll() is None, f"child ended early: {proc.stderr.read()!r}"  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "child made no progress"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()  # also closes the stderr pipe
    assert proc.returncode == -signal.SIGKILL


def test_upload_resumes_after_kill(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    state = tmp_path / "state"
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket, state_dir=state)
    src = make_file(tmp_path / "big.bin", 64 * MiB + 5)
    _run_child_until(
        tmp_path,
        state,
        ["up", "big.bin", str(src)],
        "SELECT COUNT(*) FROM upload_parts",
        2,
    )
    listed = el.listUploads()
    assert len(listed) == 1 and listed[0]["ours"] and listed[0]["path"] == str(src)
    upload_id = listed[0]["uploadId"]
    server_parts = moto_server.s3.client().list_parts(
        Bucket=moto_bucket, Key="big.bin", UploadId=upload_id
    )["Parts"]
    finished = {p["PartNumber"] for p in server_parts}
    assert len(finished) >= 2
    rec = PartRecorder()
    with rec.attached(el.client):
        result = el.uploadFromPath("big.bin", str(src))
    assert result["resumed"] is True
    assert "CreateMultipartUpload" not in rec.operations  # never a second upload
    assert "ListParts" in rec.operations
    sent = rec.sizes(upload_id)
    assert set(sent) == set(range(1, 10)) - finished  # only the missing parts
    assert all(size == 8 * MiB for n, size in sent.items() if n != 9)
    assert el.listUploads() == []
    out = tmp_path / "check.bin"
    el.downloadToPath("big.bin", str(out))
    assert md5_file(out) == md5_file(src)


def test_upload_restarts_when_file_changed_after_kill(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    state = tmp_path / "state"
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket, state_dir=state)
    src = make_file(tmp_path / "big.bin", 40 * MiB)
    _run_child_until(
        tmp_path, state, ["up", "big.bin", str(src)], "SELECT COUNT(*) FROM upload_parts", 1
    )
    old = el.listUploads()[0]["uploadId"]
    make_file(src, 40 * MiB, seed=7)
    result = el.uploadFromPath("big.bin", str(src))
    assert result["resumed"] is False
    assert "changed" in result["restartReason"]
    assert el.listUploads() == []  # the old upload was aborted, not left behind
    assert old not in {u["uploadId"] for u in el.listUploads()}
    out = tmp_path / "check.bin"
    el.downloadToPath("big.bin", str(out))
    assert md5_file(out) == md5_file(src)


def test_download_resumes_after_kill(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    state = tmp_path / "state"
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket, state_dir=state)
    src = make_file(tmp_path / "big.bin", 72 * MiB + 1)
    el.uploadFromPath("big.bin", str(src))
    out = tmp_path / "dl" / "big.bin"
    _run_child_until(
        tmp_path, state, ["down", "big.bin", str(out)], "SELECT COUNT(*) FROM download_chunks", 2
    )
    assert not out.exists()
    ranges: list[str] = []

    def record(params: dict, **_: object) -> None:
        if "Range" in params:
            ranges.append(params["Range"])

    el.client.meta.events.register("provide-client-params.s3.GetObject", record)
    result = el.downloadToPath("big.bin", str(out))
    assert result["resumed"] is True
    assert 0 < len(ranges) < 9  # the finished chunks were not fetched again
    assert md5_file(out) == md5_file(src)
    assert not list(out.parent.glob(f"*{TEMP_SUFFIX}"))


# -- the fault proxy ---------------------------------------------------------------------


def test_cut_connections_are_retried(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, proxy: FaultProxy
) -> None:
    el = proxied(tmp_path, moto_server, moto_bucket, proxy)
    src = make_file(tmp_path / "big.bin", 40 * MiB + 9)
    proxy.arm(Fault("cut", UP, after=3 * MiB, times=3))
    el.uploadFromPath("big.bin", str(src))
    assert proxy.hits.get("cut") == 3
    proxy.arm(Fault("cut", DOWN, after=2 * MiB, times=3))
    out = tmp_path / "out.bin"
    result = el.downloadToPath("big.bin", str(out))
    assert proxy.hits["cut"] == 6
    assert result["verified"] == "crc64nvme"
    assert md5_file(out) == md5_file(src)


def test_cut_tls_streams_are_retried(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    """R2 is HTTPS only: a TLS stream cut mid-body (the download reads it straight into its
    buffer, past urllib3) is retried from the byte reached, never taken for a disk error."""
    s3 = sigv4_server.s3
    parts = urlsplit(s3.endpoint_url)
    with FaultProxy(parts.hostname or "127.0.0.1", parts.port or 443) as proxy:
        tls = LocalS3(
            f"https://127.0.0.1:{proxy.port}", s3.access_key, s3.secret_key, verify=s3.verify
        )
        el = transfer_element(tmp_path / "app", tls, sigv4_bucket)
        src = make_file(tmp_path / "big.bin", 20 * MiB + 5)
        el.uploadFromPath("big.bin", str(src))
        proxy.arm(Fault("cut", DOWN, after=3 * MiB, times=2))
        out = tmp_path / "out.bin"
        result = el.downloadToPath("big.bin", str(out))
        assert proxy.hits.get("cut") == 2
    assert result["verified"] == "crc64nvme"
    assert md5_file(out) == md5_file(src)


def test_stalled_connections_time_out_and_recover(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, proxy: FaultProxy
) -> None:
    el = proxied(tmp_path, moto_server, moto_bucket, proxy, cls=QuickTimeouts)
    src = make_file(tmp_path / "big.bin", 24 * MiB + 1)
    el.uploadFromPath("big.bin", str(src))
    proxy.arm(Fault("stall", DOWN, after=1 * MiB, times=2))
    out = tmp_path / "out.bin"
    el.downloadToPath("big.bin", str(out))
    assert proxy.hits.get("stall") == 2
    assert md5_file(out) == md5_file(src)


def test_unreachable_fails_clearly_and_upload_can_resume(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, proxy: FaultProxy
) -> None:
    el = proxied(tmp_path, moto_server, moto_bucket, proxy)
    src = make_file(tmp_path / "big.bin", 40 * MiB)
    # Requests get through, but every body is cut after 2 MiB: the upload is created, and
    # every part fails however often botocore retries it.
    proxy.arm(Fault("cut", UP, after=2 * MiB, times=-1))
    with pytest.raises(StorageError) as info:
        el.uploadFromPath("big.bin", str(src))
    assert info.value.code in ("unreachable", "timeout")
    proxy.clear()
    listed = el.listUploads()
    assert len(listed) == 1 and listed[0]["ours"]  # kept for resuming
    rec = PartRecorder()
    with rec.attached(el.client):
        result = el.uploadFromPath("big.bin", str(src))
    assert result["resumed"] is True
    assert "CreateMultipartUpload" not in rec.operations
    assert el.listUploads() == []


def test_tampered_download_is_refused(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, proxy: FaultProxy
) -> None:
    el = proxied(tmp_path, moto_server, moto_bucket, proxy)
    src = make_file(tmp_path / "f.bin", 1 * MiB)
    el.uploadFromPath("f.bin", str(src))
    proxy.arm(Fault("tamper", DOWN, times=-1, rewrite=flip_data_reads))
    out = tmp_path / "dl" / "f.bin"
    out.parent.mkdir()
    with pytest.raises(StorageError) as info:
        el.downloadToPath("f.bin", str(out))
    assert proxy.hits.get("tamper")
    assert info.value.code == "integrity_error"
    assert list(out.parent.iterdir()) == []  # neither the target nor a temp file


def test_tampered_part_etag_fails_and_aborts(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, proxy: FaultProxy
) -> None:
    el = proxied(tmp_path, moto_server, moto_bucket, proxy)
    src = make_file(tmp_path / "big.bin", 20 * MiB)
    proxy.arm(Fault("tamper", DOWN, times=-1, rewrite=tamper_etag))
    with pytest.raises(StorageError) as info:
        el.uploadFromPath("big.bin", str(src))
    assert info.value.code == "integrity_error"
    proxy.clear()
    assert el.listUploads() == []
    with pytest.raises(StorageError):
        el.getObject("big.bin")


def test_tampered_put_etag_is_an_error(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, proxy: FaultProxy
) -> None:
    el = proxied(tmp_path, moto_server, moto_bucket, proxy)
    src = make_file(tmp_path / "f.bin", 3000)
    proxy.arm(Fault("tamper", DOWN, times=-1, rewrite=tamper_etag))
    with pytest.raises(StorageError) as info:
        el.uploadFromPath("f.bin", str(src))
    assert info.value.code == "integrity_error"
