"""Downloads against a server whose answers are wrong: each ends in a clear error that says
what the server did, never an ``unknown`` error and never a file presented as complete."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.hostile import HostileFront
from support.servers import LocalS3, MotoHandle
from support.transfers import MiB, make_file, md5_file, transfer_element

from r2desk import CloudflareR2Type, StorageError
from r2desk.transfers.localpaths import TEMP_RE


@pytest.fixture
def front(moto_server: MotoHandle) -> Iterator[HostileFront]:
    with HostileFront(moto_server.s3.endpoint_url) as f:
        yield f


def _element(tmp_path: Path, moto_server: MotoHandle, bucket: str, url: str) -> CloudflareR2Type:
    s3 = LocalS3(url, moto_server.s3.access_key, moto_server.s3.secret_key)
    return transfer_element(tmp_path / "app", s3, bucket)


@pytest.mark.parametrize(
    ("mode", "words"),
    [
        ("ignore-range", "ignored the range"),
        ("unknown-total", "size"),
        ("other-etag", "changed"),
    ],
)
@pytest.mark.parametrize("size", [3 * MiB, 20 * MiB + 3], ids=["one-get", "ranged"])
def test_a_wrong_answer_is_a_clear_error(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    front: HostileFront,
    mode: str,
    words: str,
    size: int,
) -> None:
    src = make_file(tmp_path / "src.bin", size)
    moto_server.s3.client().upload_file(str(src), moto_bucket, "f.bin")
    el = _element(tmp_path, moto_server, moto_bucket, front.endpoint_url)
    out = tmp_path / "out"
    out.mkdir()
    front.mode = mode
    try:
        result = el.downloadToPath("f.bin", str(out / "f.bin"))
    except StorageError as exc:
        assert exc.code in ("integrity_error", "precondition_failed"), str(exc)
        assert words in str(exc), str(exc)
        assert not (out / "f.bin").exists()
    else:  # a one-GET object never needs the range: the answer is still right
        assert md5_file(out / "f.bin") == md5_file(src), result
    gc.collect()  # a refused answer's connection left open warns here (not in a later test)
    front.mode = ""
    el.downloadToPath("f.bin", str(out / "f.bin"))
    assert md5_file(out / "f.bin") == md5_file(src)
    assert [p for p in out.iterdir() if TEMP_RE.match(p.name)] == []


@pytest.mark.parametrize(
    ("mode", "words"), [("ignore-range", "ignored the range"), ("other-etag", "changed")]
)
def test_a_streamed_copy_stops_at_a_wrong_answer(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    front: HostileFront,
    mode: str,
    words: str,
) -> None:
    """A copy to another store reads the source in ranges: the same checks, and the target
    keeps no object and no unfinished upload."""
    src = make_file(tmp_path / "src.bin", 20 * MiB + 3)
    moto_server.s3.client().upload_file(str(src), moto_bucket, "f.bin")
    el = _element(tmp_path, moto_server, moto_bucket, front.endpoint_url)
    other = moto_server.s3.make_bucket()
    direct = LocalS3(
        moto_server.s3.endpoint_url.replace("127.0.0.1", "localhost"),
        moto_server.s3.access_key,
        moto_server.s3.secret_key,
    )
    target = transfer_element(tmp_path / "other", direct, other)
    front.mode = mode
    with pytest.raises(StorageError) as info:
        el.copyTo("f.bin", target, "copy.bin")
    assert info.value.code == "integrity_error" and words in str(info.value), str(info.value)
    admin = moto_server.s3.client()
    assert admin.list_objects_v2(Bucket=other).get("KeyCount") == 0
    assert admin.list_multipart_uploads(Bucket=other).get("Uploads", []) == []
