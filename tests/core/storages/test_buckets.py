"""The buckets of a connection: listing (R2's paging), create, delete, empty, on real servers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.elements import write_element
from support.r2buckets import R2ListBuckets
from support.servers import LocalS3, MotoHandle, SeaweedHandle, start_seaweed

from r2desk import App, StorageError
from r2desk.storages.meta import Meta


def _element(root: Path, s3: LocalS3, bucket: str, **fields: str) -> Meta:
    write_element(root, s3, bucket, **fields)
    return App(root).getElement("storages.MyR2")


def _r2like(tmp_path: Path, server: R2ListBuckets, bucket: str) -> Meta:
    s3 = LocalS3(server.endpoint_url, "key-id", "secret-value-123")
    return _element(tmp_path, s3, bucket)


# -- listing --------------------------------------------------------------------------------------


def test_list_follows_r2_paging(tmp_path: Path) -> None:
    names = [f"b-{n:04d}" for n in range(2345)]
    server = R2ListBuckets(names)
    try:
        el = _r2like(tmp_path, server, "b-2000")
        assert el.listBuckets() == names
        assert [r["cf-max-keys"] for r in server.requests] == ["1000"] * 3
        assert [r.get("cf-continuation-token") for r in server.requests] == [
            None,
            "b-0999",
            "b-1999",
        ]
        page = el.listBucketPage(maxBuckets=10)
        assert [b["name"] for b in page["buckets"]] == names[:10]
        assert page["nextToken"] == "b-0009"
        shown = el.connectionBuckets()
        assert shown["listed"] and len(shown["buckets"]) == 2345
        assert shown["buckets"][0]["name"] == "b-2000"  # the connection's own bucket first
        assert shown["buckets"][1]["name"] == "b-0000"
        assert shown["buckets"][0]["created"] is not None
    finally:
        server.close()


def test_a_token_that_may_not_list_shows_its_own_bucket(tmp_path: Path) -> None:
    server = R2ListBuckets(["a-bucket"], deny=True)
    try:
        el = _r2like(tmp_path, server, "my-bucket")
        with pytest.raises(StorageError) as info:
            el.listBuckets()
        assert info.value.code == "access_denied"
        shown = el.connectionBuckets()
        assert shown == {
            "buckets": [{"name": "my-bucket", "created": None}],
            "listed": False,
            "problem": info.value.hint,
        }
    finally:
        server.close()


@pytest.mark.parametrize("bad", [0, 1001, True])
def test_page_size_is_checked(tmp_path: Path, moto_server: MotoHandle, bad: int) -> None:
    el = _element(tmp_path, moto_server.s3, "some-bucket")
    with pytest.raises(StorageError, match="maxBuckets"):
        el.listBucketPage(maxBuckets=bad)


# -- create, delete, empty: the same on both servers -----------------------------------------------


def _lifecycle_of_a_bucket(el: Meta, s3: LocalS3, name: str) -> None:
    assert el.createBucket(name)["name"] == name
    assert name in el.listBuckets()
    shown = el.connectionBuckets()
    assert shown["buckets"][0]["name"] == el.config.bucketName
    assert name in [b["name"] for b in shown["buckets"]]
    with pytest.raises(StorageError) as info:
        el.createBucket(name)
    assert info.value.code == "conflict" and name in str(info.value)
    other = el.forBucket(name)
    for n in range(7):
        other.uploadByFile(f"dir/{n}.txt", b"x" * n)
    upload_id = s3.client().create_multipart_upload(Bucket=name, Key="big.bin")["UploadId"]
    assert upload_id
    with pytest.raises(StorageError) as info:
        el.deleteBucket(name)
    assert info.value.code == "conflict" and "empty it first" in str(info.value)
    assert other.countObjects() == {"objects": 7, "bytes": 21}
    assert other.countObjects("dir/5") == {"objects": 1, "bytes": 5}
    seen: list[int] = []
    result = other.emptyBucket(progress=seen.append)
    assert result == {"bucket": name, "deleted": 7, "failed": [], "abortedUploads": 1}
    assert seen == [7]
    assert s3.client().list_multipart_uploads(Bucket=name).get("Uploads", []) == []
    assert el.deleteBucket(name) == {"bucket": name, "deleted": True}
    assert name not in el.listBuckets()


def test_create_empty_delete_on_moto(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = _element(tmp_path, moto_server.s3, moto_bucket)
    _lifecycle_of_a_bucket(el, moto_server.s3, f"{moto_bucket}-new")


def test_create_empty_delete_on_seaweedfs(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    el = _element(tmp_path, sigv4_server.s3, sigv4_bucket)
    name = f"{sigv4_bucket}-new"
    try:
        _lifecycle_of_a_bucket(el, sigv4_server.s3, name)
    finally:
        if name in el.listBuckets():
            sigv4_server.s3.delete_bucket(name)


@pytest.mark.parametrize(
    ("name", "hint", "words"),
    [
        ("Bad_Name", None, "bucket name 'Bad_Name'"),
        ("ok-name", "mars", "location hint 'mars' is not one of wnam, enam"),
        ("a.b.c", None, "no dots"),  # R2's rule, since the endpoint is R2's
    ],
)
def test_create_refuses_before_any_request(
    tmp_path: Path, moto_server: MotoHandle, name: str, hint: str | None, words: str
) -> None:
    el = _element(tmp_path, moto_server.s3, "some-bucket", endPoint="acct.r2.cloudflarestorage.com")
    with pytest.raises(StorageError) as info:
        el.createBucket(name, hint)
    assert info.value.code == "invalid_argument" and words in str(info.value)


def test_location_hint_is_sent_as_the_location_constraint(tmp_path: Path) -> None:
    """R2 reads the hint from CreateBucketConfiguration (seen here on the request body)."""
    server = R2ListBuckets([])
    try:
        el = _r2like(tmp_path, server, "my-bucket")
        el.createBucket("new-bucket", "weur")
        path, body = server.created[0]
        assert path == "/new-bucket"
        assert b"<LocationConstraint>weur</LocationConstraint>" in body
        el.createBucket("other-bucket", "none")  # no hint: only the region, as S3 wants it
        assert b"weur" not in server.created[1][1]
    finally:
        server.close()


# -- a key limited to one bucket (an object-scoped token) -----------------------------------------


@pytest.fixture(scope="module")
def scoped_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedHandle]:
    """SeaweedFS with a second key that may only read, write and list the bucket ``scoped``."""
    handle = start_seaweed(
        tmp_path_factory.mktemp("seaweed-scoped"),
        extra_identities=[
            {
                "name": "scoped",
                "credentials": [{"accessKey": "scoped-key", "secretKey": "scoped-secret-0123"}],
                "actions": ["Read:scoped", "Write:scoped", "List:scoped"],
            }
        ],
    )
    handle.s3.make_bucket("scoped")
    handle.s3.make_bucket("someone-else")
    try:
        yield handle
    finally:
        handle.stop()


def test_bucket_scoped_key_shows_just_its_bucket(
    tmp_path: Path, scoped_server: SeaweedHandle
) -> None:
    s3 = LocalS3(scoped_server.s3.endpoint_url, "scoped-key", "scoped-secret-0123")
    el = _element(tmp_path, s3, "scoped")
    el.uploadByFile("a.txt", b"mine")  # the key works on its bucket
    shown = el.connectionBuckets()
    assert [b["name"] for b in shown["buckets"]] == ["scoped"]
    with pytest.raises(StorageError) as info:
        el.forBucket("someone-else").uploadByFile("a.txt", b"not mine")
    assert info.value.code == "access_denied" and "someone-else" in str(info.value)
