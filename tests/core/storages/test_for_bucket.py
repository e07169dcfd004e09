"""``forBucket``: another bucket of the same connection, with the seed API unchanged."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import LocalS3, MotoHandle, SeaweedHandle

from r2desk import App, CloudflareR2Type, StorageError


def _element(root: Path, s3: LocalS3, bucket: str, **fields: str) -> CloudflareR2Type:
    write_element(root, s3, bucket, **fields)
    el = App(root).getElement("storages.MyR2")
    assert isinstance(el, CloudflareR2Type)
    return el


def _seed_round_trip(el: CloudflareR2Type, s3: LocalS3, bucket: str) -> None:
    """The five methods of the platform page, on a sibling, land in the sibling's bucket."""
    result = el.uploadByFile("seed/a b.txt", b"sibling data", "text/plain")
    assert result["key"] == "seed/a b.txt" and f"/{bucket}/" in result["url"]
    assert s3.client().get_object(Bucket=bucket, Key="seed/a b.txt")["Body"].read() == (
        b"sibling data"
    )
    assert el.download("seed/a b.txt") == b"sibling data"
    assert el.getObject("seed/a b.txt")["contentType"] == "text/plain"
    with s3.urlopen(el.getSignUrl("seed/a b.txt", None)) as resp:
        assert resp.read() == b"sibling data"
    assert el.delete("seed/a b.txt")["deleted"] is True


def test_sibling_on_moto(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> None:
    el = _element(tmp_path, moto_server.s3, moto_bucket, publicBaseUrl="https://cdn.example")
    other = moto_server.s3.make_bucket()
    sibling = el.forBucket(other)
    assert isinstance(sibling, CloudflareR2Type)
    assert sibling.config.bucketName == other and el.config.bucketName == moto_bucket
    assert sibling.config.endpoint_url == el.config.endpoint_url
    assert sibling.config.accessKeyId == el.config.accessKeyId
    assert sibling.location == f"storages.MyR2@{other}" and sibling.name == "storages.MyR2"
    # A custom domain serves one bucket: the sibling's URLs are S3 API URLs.
    assert sibling.config.publicBaseUrl == ""
    _seed_round_trip(sibling, moto_server.s3, other)
    assert el.listObjects()["objects"] == []  # nothing landed in the configured bucket


def test_sibling_on_seaweedfs_signs_with_the_same_keys(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    other = sigv4_server.s3.make_bucket()
    try:
        el = _element(tmp_path, sigv4_server.s3, sigv4_bucket)
        _seed_round_trip(el.forBucket(other), sigv4_server.s3, other)  # type: ignore[arg-type]
    finally:
        sigv4_server.s3.delete_bucket(other)


def test_siblings_are_cached_and_lead_back(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = _element(tmp_path, moto_server.s3, moto_bucket)
    a = el.forBucket("bucket-a")
    assert el.forBucket("bucket-a") is a
    assert a.forBucket("bucket-b") is el.forBucket("bucket-b")  # a sibling's sibling: one set
    assert a.forBucket(moto_bucket) is el and el.forBucket(moto_bucket) is el
    assert a.sibling_of is el


@pytest.mark.parametrize("bad", ["", "ab", "Upper", "under_score", "a..b", "-lead", 7])
def test_bad_bucket_names_are_refused_naming_the_bucket(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, bad: object
) -> None:
    el = _element(tmp_path, moto_server.s3, moto_bucket)
    with pytest.raises(StorageError) as info:
        el.forBucket(bad)  # type: ignore[arg-type]
    assert info.value.code == "invalid_argument" and info.value.operation == "forBucket"
    if isinstance(bad, str):
        assert repr(bad) in str(info.value)


def test_r2_refuses_dots(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> None:
    el = _element(tmp_path, moto_server.s3, moto_bucket, endPoint="acct.r2.cloudflarestorage.com")
    with pytest.raises(StorageError, match="no dots"):
        el.forBucket("my.bucket")


def test_errors_of_a_sibling_name_its_bucket(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = _element(tmp_path, moto_server.s3, moto_bucket)
    missing = el.forBucket("no-such-bucket-here")
    with pytest.raises(StorageError) as info:
        missing.download("k.txt")
    assert "storages.MyR2@no-such-bucket-here" in str(info.value)
    with pytest.raises(StorageError) as info:
        missing.getObject("k.txt")
    assert "no-such-bucket-here" in str(info.value)


def test_sibling_presigned_url_points_at_its_bucket(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = _element(tmp_path, moto_server.s3, moto_bucket)
    other = moto_server.s3.make_bucket()
    url = el.forBucket(other).getSignUrl("k.txt", "text/plain", expires=60)
    assert f"/{other}/k.txt?" in url
    assert urllib.request.Request(url).get_method() == "GET"
