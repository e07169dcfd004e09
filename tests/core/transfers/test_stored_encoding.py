"""Objects stored compressed (``Content-Encoding: gzip`` or ``br``), against a front that
decodes them as R2 does unless asked not to: every way of reading an object gets the stored
bytes, verified against the stored ETag and size."""

from __future__ import annotations

import gzip
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.r2like import DecodingFront
from support.servers import LocalS3, MotoHandle
from support.transfers import MiB, transfer_element

from r2desk import CloudflareR2Type
from r2desk.ops import read_preview


@pytest.fixture
def front(moto_server: MotoHandle) -> Iterator[DecodingFront]:
    with DecodingFront(moto_server.s3.endpoint_url) as f:
        yield f


def _element(tmp_path: Path, moto_server: MotoHandle, bucket: str, url: str) -> CloudflareR2Type:
    s3 = LocalS3(url, moto_server.s3.access_key, moto_server.s3.secret_key)
    return transfer_element(tmp_path / "app", s3, bucket)


def _store(
    moto_server: MotoHandle, front: DecodingFront, bucket: str, key: str, encoding: str, n: int
) -> tuple[bytes, bytes]:
    """Store ``n`` bytes compressed with ``encoding``; returns (stored, decoded)."""
    rng = random.Random(n)
    plain = rng.randbytes(n)  # incompressible: gzip keeps the size, so big stays big
    if encoding == "gzip":
        stored = gzip.compress(plain, compresslevel=1)
    else:  # no brotli codec here: any bytes stand for the stream, the front knows the text
        stored = rng.randbytes(n)
        front.decoded[f"/{bucket}/{key}"] = plain
    client = moto_server.s3.client()
    if len(stored) <= 8 * MiB:
        client.put_object(
            Bucket=bucket, Key=key, Body=stored, ContentEncoding=encoding, ContentType="text/plain"
        )
    else:  # a multipart ETag, as R2 gives big uploads
        up = client.create_multipart_upload(Bucket=bucket, Key=key, ContentEncoding=encoding)
        parts = []
        for i, off in enumerate(range(0, len(stored), 8 * MiB), 1):
            r = client.upload_part(
                Bucket=bucket,
                Key=key,
                UploadId=up["UploadId"],
                PartNumber=i,
                Body=stored[off : off + 8 * MiB],
            )
            parts.append({"PartNumber": i, "ETag": r["ETag"]})
        client.complete_multipart_upload(
            Bucket=bucket, Key=key, UploadId=up["UploadId"], MultipartUpload={"Parts": parts}
        )
    assert plain != stored
    return stored, plain


def test_the_front_decodes_like_r2(
    moto_server: MotoHandle, moto_bucket: str, front: DecodingFront
) -> None:
    """The stand-in itself: plain boto3 (which sends ``Accept-Encoding: identity``) gets the
    decoded text, not what was stored."""
    stored, plain = _store(moto_server, front, moto_bucket, "a.txt.gz", "gzip", 50_000)
    client = LocalS3(
        front.endpoint_url, moto_server.s3.access_key, moto_server.s3.secret_key
    ).client()
    got = client.get_object(Bucket=moto_bucket, Key="a.txt.gz")
    assert got["Body"].read() == plain and "ContentEncoding" not in got
    assert got["ETag"].strip('"') == hashlib.md5(stored).hexdigest()
    ranged = client.get_object(Bucket=moto_bucket, Key="a.txt.gz", Range="bytes=10-19")
    assert ranged["Body"].read() == plain[10:20]


@pytest.mark.parametrize("encoding", ["gzip", "br"])
@pytest.mark.parametrize("size", [200_000, 20 * MiB + 5], ids=["small", "ranged"])
def test_every_read_gets_the_stored_bytes(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    front: DecodingFront,
    encoding: str,
    size: int,
) -> None:
    stored, _ = _store(moto_server, front, moto_bucket, "d/f.txt", encoding, size)
    el = _element(tmp_path, moto_server, moto_bucket, front.endpoint_url)
    info = el.getObject("d/f.txt")
    assert info["size"] == len(stored) and info["contentEncoding"] == encoding
    one = el.downloadToPath("d/f.txt", str(tmp_path / "one.txt"))
    assert (tmp_path / "one.txt").read_bytes() == stored
    assert one["size"] == len(stored) and one["verified"] in ("md5", "parts")
    folder = el.downloadFolder("d/", str(tmp_path / "tree"))
    assert folder["failed"] == []
    assert (tmp_path / "tree" / "f.txt").read_bytes() == stored
    if size < 1 * MiB:
        assert el.download("d/f.txt") == stored
        assert read_preview(el, "d/f.txt", 1000) == stored[:1000]
    # A copy to another store (streamed through this machine) keeps the stored bytes and
    # their encoding, so the copy reads the same as the original.
    other = moto_server.s3.make_bucket()
    direct = LocalS3(
        moto_server.s3.endpoint_url.replace("127.0.0.1", "localhost"),
        moto_server.s3.access_key,
        moto_server.s3.secret_key,
    )
    target = transfer_element(tmp_path / "other", direct, other)
    el.copyTo("d/f.txt", target, "copy.txt")
    copied = moto_server.s3.client().get_object(Bucket=other, Key="copy.txt")
    assert copied["Body"].read() == stored and copied["ContentEncoding"] == encoding
    # Every read of the object asked for the stored encoding.
    reads = [a for m, path, a in front.seen if m in ("GET", "HEAD") and "/d/f.txt" in path]
    assert reads and all(encoding in accept for accept in reads), reads
