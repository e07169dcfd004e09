"""A finished download reaches the disk before it takes the target's name: the engine fsyncs
the verified temp file, then renames it (a crash never leaves a hole under the real name).

``os.fsync`` is observed, not altered: the spy records which file was synced, how big it was
and whether the target name existed yet, then calls the real fsync.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from support.servers import MotoHandle
from support.transfers import MiB, make_file, md5_file, transfer_element

from r2desk import CloudflareR2Type


@pytest.fixture
def el(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> CloudflareR2Type:
    return transfer_element(tmp_path / "app", moto_server.s3, moto_bucket, concurrency=2)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
@pytest.mark.parametrize("size", [5000, 20 * MiB], ids=["one-get", "ranged"])
def test_download_is_synced_before_the_rename(
    el: CloudflareR2Type, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    src = make_file(tmp_path / "src.bin", size)
    el.uploadFromPath("k.bin", str(src))
    target = tmp_path / "out" / "k.bin"
    target.parent.mkdir()
    synced: list[tuple[str, int, bool]] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        path = os.readlink(f"/proc/self/fd/{fd}")
        if path.startswith(str(target.parent)):
            synced.append((os.path.basename(path), os.fstat(fd).st_size, target.exists()))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    el.downloadToPath("k.bin", str(target))
    assert len(synced) == 1, synced
    name, synced_size, target_existed = synced[0]
    assert name.startswith(".r2desk-") and name.endswith(".part")  # the temp file, complete
    assert synced_size == size and not target_existed
    assert md5_file(target) == md5_file(src)
