"""The copy primitive (transfers/copy.py, ``copyTo``): server-side within one account (no object
bytes through this machine: counted at a proxy), multipart UploadPartCopy above the limit,
streamed moto -> SeaweedFS verified end to end, metadata and content type kept, a corrupted
stream refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.faultproxy import DOWN, UP, Fault, FaultProxy, flip_data_reads
from support.servers import LocalS3, MotoHandle, SeaweedHandle
from support.sync import MakeElement
from support.transfers import MiB, PartRecorder, make_file, md5_file

from r2desk import CloudflareR2Type, StorageError
from r2desk.transfers.copy import copy_object, stream_plan


def _via(proxy: FaultProxy, s3: LocalS3) -> LocalS3:
    return LocalS3(proxy.endpoint_url, s3.access_key, s3.secret_key, s3.region, s3.verify)


def _with_meta(el: CloudflareR2Type, key: str, path: Path, cache: bool = True) -> str:
    el.uploadFromPath(key, str(path), "image/x-test", metadata={"owner": "ann", "mtime": "1.5"})
    if cache:  # a copy onto itself: a multipart object's ETag becomes a plain one
        el.updateObject(key, cacheControl="max-age=60")
    return el.getObject(key)["etag"]


def test_server_side_copy_sends_no_object_bytes(
    tmp_path: Path, make_element: MakeElement, moto_server: MotoHandle, proxy: FaultProxy
) -> None:
    s3 = _via(proxy, moto_server.s3)
    a = make_element(s3, moto_server.s3.make_bucket(), "A")
    b = make_element(s3, moto_server.s3.make_bucket(), "B")
    src = make_file(tmp_path / "f", 20 * MiB)
    etag = _with_meta(a, "pics/x.bin", src)
    assert a.sameAccount(b)
    before = dict(proxy.bytes)
    rec = PartRecorder()
    with rec.attached(b.client), rec.attached(a.client):
        result = a.copyTo("pics/x.bin", b, "copied/x.bin")
    moved = {d: proxy.bytes[d] - before[d] for d in (UP, DOWN)}
    assert moved[UP] < 64 * 1024 and moved[DOWN] < 64 * 1024, moved
    assert rec.operations == ["HeadObject", "CopyObject"]
    assert result["method"] == "server" and result["size"] == 20 * MiB
    info = b.getObject("copied/x.bin")
    assert info["etag"] == etag and info["contentType"] == "image/x-test"
    assert (
        info["metadata"] == {"owner": "ann", "mtime": "1.5"}
        and info["cacheControl"] == "max-age=60"
    )


def test_server_side_multipart_copy_above_the_limit(
    tmp_path: Path, make_element: MakeElement, moto_server: MotoHandle, proxy: FaultProxy
) -> None:
    """Above CopyObject's limit (5 GiB; lowered here) the store copies equal parts itself."""
    s3 = _via(proxy, moto_server.s3)
    a = make_element(s3, moto_server.s3.make_bucket(), "A")
    b = make_element(s3, moto_server.s3.make_bucket(), "B")
    src = make_file(tmp_path / "f", 20 * MiB)
    _with_meta(a, "big", src)
    before = proxy.bytes[UP] + proxy.bytes[DOWN]
    rec = PartRecorder()
    with rec.attached(b.client):
        result = copy_object(
            a.transfers.context,
            "big",
            b.transfers.context,
            "big",
            server_side=True,
            single_limit=5 * MiB,
        )
    assert proxy.bytes[UP] + proxy.bytes[DOWN] - before < 128 * 1024
    assert rec.operations.count("UploadPartCopy") == 3 and "UploadPart" not in rec.operations
    assert result["method"] == "server" and result["verified"] == "parts"
    got = tmp_path / "got"
    b.downloadToPath("big", str(got))
    assert md5_file(got) == md5_file(src)
    info = b.getObject("big")
    assert info["contentType"] == "image/x-test" and info["metadata"]["owner"] == "ann"


@pytest.mark.parametrize(
    ("size", "verified"), [(1000, "md5"), (20 * MiB, "etag"), (12 * MiB, "md5")]
)
def test_streamed_copy_moto_to_seaweedfs_is_verified(
    tmp_path: Path,
    make_element: MakeElement,
    moto_server: MotoHandle,
    moto_bucket: str,
    sigv4_server: SeaweedHandle,
    sigv4_bucket: str,
    size: int,
    verified: str,
) -> None:
    a = make_element(moto_server.s3, moto_bucket, "A")
    b = make_element(sigv4_server.s3, sigv4_bucket, "B")
    assert not a.sameAccount(b)
    src = make_file(tmp_path / "f", size, seed=size)
    if size == 12 * MiB:
        a.uploadByFile("k", src.read_bytes(), "image/x-test")  # one PUT: a plain MD5 ETag
    else:
        _with_meta(a, "k", src, cache=False)
    calls: list[tuple[int, int]] = []
    result = a.copyTo("k", b, "dir/k é+%#?", progress=lambda d, t: calls.append((d, t)))
    assert result["method"] == "stream" and result["verified"] == verified
    assert calls[-1] == (size, size)
    got = tmp_path / "got"
    b.downloadToPath("dir/k é+%#?", str(got))
    assert md5_file(got) == md5_file(src)
    assert b.getObject("dir/k é+%#?")["contentType"] == "image/x-test"
    if verified == "etag":  # the same parts: the very same ETag on both stores
        assert b.getObject("dir/k é+%#?")["etag"] == a.getObject("k")["etag"]
        assert b.getObject("dir/k é+%#?")["metadata"]["owner"] == "ann"


def test_streamed_copy_refuses_corrupted_bytes(
    tmp_path: Path,
    make_element: MakeElement,
    moto_server: MotoHandle,
    proxy: FaultProxy,
    sigv4_server: SeaweedHandle,
    sigv4_bucket: str,
) -> None:
    a = make_element(_via(proxy, moto_server.s3), moto_server.s3.make_bucket(), "A")
    b = make_element(sigv4_server.s3, sigv4_bucket, "B")
    src = make_file(tmp_path / "f", 12 * MiB)
    a.uploadByFile("k", src.read_bytes())
    proxy.arm(Fault("tamper", DOWN, times=-1, rewrite=flip_data_reads))
    with pytest.raises(StorageError) as info:
        a.copyTo("k", b)
    assert info.value.code == "integrity_error"
    assert not b.exists("k")
    assert b.listUploads() == []  # the multipart upload was aborted


def test_stream_plan_reuses_the_source_part_size() -> None:
    assert stream_plan(20 * MiB, "0" * 32 + "-3") == (8 * MiB, "etag")
    assert stream_plan(20 * MiB, "0" * 32) == (8 * MiB, "md5")
    assert stream_plan(20 * MiB, "not-an-md5") == (8 * MiB, "size")
