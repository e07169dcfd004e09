"""Every element method: what it does, and each way it fails, against real local endpoints."""

from __future__ import annotations

import socket
import urllib.error
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.elements import write_element
from support.servers import LocalS3, MotoHandle, SeaweedHandle

from r2desk import App, CloudflareR2Type, StorageError


def element(root: Path, s3: LocalS3, bucket: str, **fields: Any) -> CloudflareR2Type:
    write_element(root, s3, bucket, **fields)
    el = App(root).getElement("storages.MyR2")
    assert isinstance(el, CloudflareR2Type)
    return el


@pytest.fixture
def r2(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> CloudflareR2Type:
    return element(tmp_path, moto_server.s3, moto_bucket)


@pytest.fixture
def signed(tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str) -> CloudflareR2Type:
    """An element on the endpoint that verifies signatures."""
    return element(tmp_path, sigv4_server.s3, sigv4_bucket)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Every method with valid arguments, so failure modes can be checked across all of them.
CALLS: dict[str, Callable[[CloudflareR2Type], Any]] = {
    "uploadByFile": lambda r: r.uploadByFile("k.txt", b"data"),
    "download": lambda r: r.download("k.txt"),
    "getObject": lambda r: r.getObject("k.txt"),
    "delete": lambda r: r.delete("k.txt"),
    "listObjects": lambda r: r.listObjects(),
    "copy": lambda r: r.copy("k.txt", "k2.txt"),
    "move": lambda r: r.move("k.txt", "k3.txt"),
    "deleteMany": lambda r: r.deleteMany(["k.txt"]),
    "createFolder": lambda r: r.createFolder("dir"),
    "deleteFolder": lambda r: r.deleteFolder("dir"),
}


# -- success -------------------------------------------------------------------------------


def test_upload_download_getobject_delete(r2: CloudflareR2Type, moto_server: MotoHandle) -> None:
    result = r2.uploadByFile("docs/a.txt", b"hello world", "text/plain")
    assert result["key"] == "docs/a.txt" and result["size"] == 11
    assert result["etag"] == "5eb63bbbe01eeed093cb22bb8f5acdc3"  # md5 of the body
    assert result["url"] == f"{moto_server.s3.endpoint_url}/{r2.bucket}/docs/a.txt"
    assert r2.download("docs/a.txt") == b"hello world"
    info = r2.getObject("docs/a.txt")
    assert info["size"] == 11 and info["contentType"] == "text/plain"
    assert info["etag"] == result["etag"] and info["lastModified"] is not None
    assert r2.delete("docs/a.txt") == {"key": "docs/a.txt", "deleted": True}
    with pytest.raises(StorageError) as exc:
        r2.getObject("docs/a.txt")
    assert exc.value.code == "not_found"


def test_upload_accepts_bytearray_and_memoryview(r2: CloudflareR2Type) -> None:
    r2.uploadByFile("a", bytearray(b"xy"))
    r2.uploadByFile("b", memoryview(b"zw"))
    assert r2.download("a") == b"xy" and r2.download("b") == b"zw"
    assert r2.getObject("a")["contentType"] == "application/octet-stream"


def test_public_url(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> None:
    el = element(tmp_path, moto_server.s3, moto_bucket, publicBaseUrl="https://cdn.example.com/")
    assert el.getPublicUrl("a b/ü.png") == "https://cdn.example.com/a%20b/%C3%BC.png"
    assert el.uploadByFile("x/y.txt", b"1")["url"] == "https://cdn.example.com/x/y.txt"


def test_listing_pages_and_folders(r2: CloudflareR2Type) -> None:
    for i in range(7):
        r2.uploadByFile(f"dir/f{i}.txt", b"x")
    r2.uploadByFile("dir/sub/deep.txt", b"x")
    r2.createFolder("dir/empty")
    r2.uploadByFile("top.txt", b"x")
    root = r2.listObjects()
    assert root["folders"] == ["dir/"] and [o["key"] for o in root["objects"]] == ["top.txt"]
    seen: list[str] = []
    folders: list[str] = []
    token = None
    pages = 0
    while True:
        page = r2.listObjects("dir/", maxKeys=3, continuationToken=token)
        seen += [o["key"] for o in page["objects"]]
        folders += page["folders"]
        pages += 1
        token = page["nextToken"]
        if token is None:
            break
    assert pages >= 3
    assert seen == [f"dir/f{i}.txt" for i in range(7)]
    assert folders == ["dir/empty/", "dir/sub/"]
    first = r2.listObjects("dir/sub/")["objects"][0]
    assert set(first) == {"key", "size", "etag", "lastModified", "storageClass"}
    assert r2.listObjects("dir/empty/") == {"objects": [], "folders": [], "nextToken": None}


def test_copy_move_keep_content_and_metadata(r2: CloudflareR2Type) -> None:
    r2.uploadByFile("src.txt", b"payload", "text/plain")
    assert r2.copy("src.txt", "copy.txt")["target"] == "copy.txt"
    assert r2.download("copy.txt") == b"payload"
    assert r2.getObject("copy.txt")["contentType"] == "text/plain"
    r2.move("copy.txt", "renamed/moved.txt")
    assert r2.download("renamed/moved.txt") == b"payload"
    with pytest.raises(StorageError) as exc:
        r2.getObject("copy.txt")
    assert exc.value.code == "not_found"
    with pytest.raises(StorageError) as exc:
        r2.move("src.txt", "src.txt")
    assert exc.value.code == "invalid_argument"
    with pytest.raises(StorageError) as exc:
        r2.copy("missing.txt", "x.txt")
    assert exc.value.code == "not_found" and exc.value.key == "missing.txt"


def test_copy_and_move_can_refuse_to_overwrite(r2: CloudflareR2Type) -> None:
    r2.uploadByFile("a.txt", b"A")
    r2.uploadByFile("b.txt", b"B")
    for call in (
        lambda: r2.copy("a.txt", "b.txt", overwrite=False),
        lambda: r2.move("a.txt", "b.txt", overwrite=False),
    ):
        with pytest.raises(StorageError) as exc:
            call()
        assert exc.value.code == "conflict" and "'b.txt' already exists" in str(exc.value)
    assert r2.download("a.txt") == b"A" and r2.download("b.txt") == b"B"
    r2.move("a.txt", "c.txt", overwrite=False)
    assert r2.exists("c.txt") and not r2.exists("a.txt")
    r2.move("c.txt", "b.txt")  # the default keeps S3's semantics: replace
    assert r2.download("b.txt") == b"A"


def test_config_repr_hides_the_secret(tmp_path: Path, moto_server: MotoHandle) -> None:
    el = element(tmp_path, moto_server.s3, "bucket", accessKeySecret="Repr-Secret-0123456789")
    assert el.config.accessKeySecret == "Repr-Secret-0123456789"
    assert "Repr-Secret" not in repr(el.config)
    assert "Repr-Secret" not in repr(vars(el))


def test_delete_many_batches_over_1000(r2: CloudflareR2Type, moto_server: MotoHandle) -> None:
    client = moto_server.s3.client()
    keys = [f"bulk/{i:05d}" for i in range(1203)]
    for key in keys:
        client.put_object(Bucket=r2.bucket, Key=key, Body=b"")
    calls: list[int] = []
    r2.client.meta.events.register(
        "before-call.s3.DeleteObjects",
        lambda params, **_: calls.append(params["body"].count(b"<Key>")),
    )
    result = r2.deleteMany(keys)
    assert sorted(result["deleted"]) == keys and result["failed"] == []
    assert calls == [1000, 203]  # moto accepts more per request; R2 does not
    assert r2.listObjects("bulk/")["objects"] == []


def test_create_and_delete_folder(r2: CloudflareR2Type) -> None:
    assert r2.createFolder("photos") == {"key": "photos/"}
    assert r2.listObjects()["folders"] == ["photos/"]
    r2.uploadByFile("photos/a.jpg", b"1")
    r2.uploadByFile("photos/2026/b.jpg", b"2")
    r2.uploadByFile("photosX.txt", b"keep")
    result = r2.deleteFolder("photos")
    assert result["deleted"] == 3 and result["failed"] == []
    assert r2.listObjects()["folders"] == []
    assert r2.download("photosX.txt") == b"keep"
    for bad in ("", "/", "//"):
        with pytest.raises(StorageError) as exc:
            r2.deleteFolder(bad)
        assert exc.value.code == "invalid_argument"
    with pytest.raises(StorageError):
        r2.createFolder("/")


def test_test_connection_reports_each_check(
    tmp_path: Path, r2: CloudflareR2Type, moto_server: MotoHandle
) -> None:
    report = r2.testConnection()
    assert report["ok"] is True
    assert (report["endpoint"], report["credentials"], report["bucket"], report["write"]) == (
        True,
        True,
        True,
        True,
    )
    assert r2.listObjects()["objects"] == []  # the write probe cleaned up
    missing = element(tmp_path / "m", moto_server.s3, "no-such-bucket-x")
    report = missing.testConnection()
    assert report["ok"] is False and report["bucket"] is False and report["write"] is None
    assert "bucket does not exist" in report["problems"][0]
    down = element(
        tmp_path / "d", moto_server.s3, "b-down", endPoint=f"http://127.0.0.1:{closed_port()}"
    )
    report = down.testConnection()
    assert report["ok"] is False and report["endpoint"] is False
    assert "could not be reached" in report["problems"][0]


def test_test_connection_wrong_secret(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    el = element(tmp_path, sigv4_server.s3, sigv4_bucket, accessKeySecret="wrong-secret-value")
    report = el.testConnection()
    assert report["ok"] is False and report["credentials"] is False
    assert "credentials were rejected" in report["problems"][0]


def test_list_buckets(r2: CloudflareR2Type) -> None:
    assert r2.bucket in r2.listBuckets()


# -- presigned URLs --------------------------------------------------------------------------


def test_presigned_get_put_head_delete_on_signature_checking_endpoint(
    signed: CloudflareR2Type, sigv4_server: SeaweedHandle
) -> None:
    s3 = sigv4_server.s3
    put_url = signed.getSignUrl("up/load.txt", "text/plain", 120, method="PUT")
    import urllib.request

    request = urllib.request.Request(
        put_url, data=b"via presigned put", method="PUT", headers={"Content-Type": "text/plain"}
    )
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=s3.ssl_context())
    )
    with opener.open(request, timeout=30) as resp:
        assert resp.status == 200
    assert signed.download("up/load.txt") == b"via presigned put"
    with s3.urlopen(signed.getSignUrl("up/load.txt", "text/plain")) as resp:
        assert resp.read() == b"via presigned put"
    with s3.urlopen(signed.getSignUrl("up/load.txt", None, method="HEAD"), method="HEAD") as resp:
        assert int(resp.headers["Content-Length"]) == len(b"via presigned put")
    tampered = signed.getSignUrl("up/load.txt", None)[:-4] + "0000"
    with pytest.raises(urllib.error.HTTPError) as err:
        s3.urlopen(tampered)
    assert err.value.code == 403
    delete_url = signed.getSignUrl("up/load.txt", None, method="DELETE")
    s3.urlopen(delete_url, method="DELETE").close()
    with pytest.raises(StorageError) as exc:
        signed.getObject("up/load.txt")
    assert exc.value.code == "not_found"


def test_presigned_url_expires(signed: CloudflareR2Type, sigv4_server: SeaweedHandle) -> None:
    import time

    signed.uploadByFile("short.txt", b"soon gone")
    url = signed.getSignUrl("short.txt", None, expires=1)
    assert "X-Amz-Expires=1&" in url
    time.sleep(2.2)
    with pytest.raises(urllib.error.HTTPError) as err:
        sigv4_server.s3.urlopen(url)
    assert err.value.code == 403


@pytest.mark.parametrize("expires", [0, -1, 604801, 3.5, "300", True, None])
def test_expires_out_of_range_is_refused(r2: CloudflareR2Type, expires: Any) -> None:
    with pytest.raises(StorageError) as exc:
        r2.getSignUrl("a.txt", "text/plain", expires)
    assert exc.value.code == "invalid_argument"
    assert exc.value.operation == "getSignUrl" and exc.value.key == "a.txt"


def test_expires_limits_accepted(r2: CloudflareR2Type) -> None:
    assert "X-Amz-Expires=1&" in r2.getSignUrl("a.txt", None, 1)
    assert "X-Amz-Expires=604800&" in r2.getSignUrl("a.txt", None, 604800)
    with pytest.raises(StorageError, match="method must be one of"):
        r2.getSignUrl("a.txt", None, 60, method="POST")


def test_signed_get_serves_the_requested_content_type(
    r2: CloudflareR2Type, moto_server: MotoHandle
) -> None:
    r2.uploadByFile("pic", b"\x89PNG...")
    with moto_server.s3.urlopen(r2.getSignUrl("pic", "image/png", 60)) as resp:
        assert resp.headers["Content-Type"] == "image/png"


# -- failures ------------------------------------------------------------------------------


def test_missing_key(r2: CloudflareR2Type) -> None:
    for call in (lambda: r2.download("nope"), lambda: r2.getObject("nope")):
        with pytest.raises(StorageError) as exc:
            call()
        assert exc.value.code == "not_found" and exc.value.key == "nope"
        assert "the object does not exist" in str(exc.value)


@pytest.mark.parametrize("method", sorted(CALLS))
def test_missing_bucket(tmp_path: Path, moto_server: MotoHandle, method: str) -> None:
    el = element(tmp_path, moto_server.s3, "no-such-bucket-y")
    with pytest.raises(StorageError) as exc:
        CALLS[method](el)
    assert exc.value.code == "bucket_not_found", str(exc.value)
    assert "no-such-bucket-y" in str(exc.value)


@pytest.mark.parametrize("method", sorted(CALLS))
def test_unreachable_endpoint(tmp_path: Path, moto_server: MotoHandle, method: str) -> None:
    el = element(tmp_path, moto_server.s3, "bucket", endPoint=f"http://127.0.0.1:{closed_port()}")
    el.client.meta.config.retries["total_max_attempts"] = 1  # fail fast in tests
    with pytest.raises(StorageError) as exc:
        CALLS[method](el)
    assert exc.value.code == "unreachable"
    assert "could not be reached" in str(exc.value) and "127.0.0.1" in str(exc.value)


@pytest.mark.parametrize("method", sorted(CALLS))
def test_wrong_credentials(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str, method: str
) -> None:
    el = element(tmp_path, sigv4_server.s3, sigv4_bucket, accessKeySecret="not-the-secret-1")
    with pytest.raises(StorageError) as exc:
        CALLS[method](el)
    assert exc.value.code in ("auth_failed", "access_denied"), str(exc.value)


def test_unknown_access_key(tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str) -> None:
    el = element(tmp_path, sigv4_server.s3, sigv4_bucket, accessKeyId="AKUNKNOWN")
    with pytest.raises(StorageError) as exc:
        el.download("k.txt")
    assert exc.value.code == "auth_failed"
    assert "check the access key id and secret" in str(exc.value)


def test_tls_failure_is_reported(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A self-signed endpoint without its CA is a TLS error, not a generic failure."""
    monkeypatch.delenv("AWS_CA_BUNDLE", raising=False)
    el = element(tmp_path, sigv4_server.s3, sigv4_bucket, caBundle="")
    el.client.meta.config.retries["total_max_attempts"] = 1
    with pytest.raises(StorageError) as exc:
        el.listObjects()
    assert exc.value.code == "tls_error"


@pytest.mark.parametrize("method", ["uploadByFile", "download", "getObject", "delete"])
def test_missing_secret_names_three_places(
    tmp_path: Path, moto_server: MotoHandle, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.delenv("R2_SECRET_ACCESS_KEY", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        el = element(tmp_path, moto_server.s3, "bucket", secret=None)
        with pytest.raises(StorageError) as exc:
            CALLS[method](el)
    finally:
        keyring.set_keyring(previous)
    text = str(exc.value)
    assert exc.value.code == "missing_secret"
    assert "MyR2.json" in text and "OS keyring" in text and "R2_SECRET_ACCESS_KEY" in text


def test_secret_from_environment(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setenv("R2_SECRET_ACCESS_KEY", "env-secret-value")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        el = element(tmp_path, moto_server.s3, moto_bucket, secret=None)
        el.uploadByFile("e.txt", b"env")
    finally:
        keyring.set_keyring(previous)
    assert el.client._request_signer._credentials.secret_key == "env-secret-value"


@pytest.mark.parametrize(
    ("call", "detail"),
    [
        (lambda r: r.uploadByFile("", b"x"), "the key is empty"),
        (lambda r: r.uploadByFile("a" * 1025, b"x"), "1025 bytes"),
        (lambda r: r.download("é" * 513), "1026 bytes"),
        (lambda r: r.getObject(None), "must be a string"),
        (lambda r: r.delete("\ud800"), "not valid UTF-8"),
        (lambda r: r.getSignUrl("", "text/plain"), "the key is empty"),
        (lambda r: r.copy("a", ""), "the key is empty"),
        (lambda r: r.deleteMany(["ok", ""]), "the key is empty"),
        (lambda r: r.uploadByFile("k", "text, not bytes"), "data must be bytes"),
        (lambda r: r.listObjects(maxKeys=0), "maxKeys must be 1 to 1000"),
        (lambda r: r.getPublicUrl("k"), "publicBaseUrl"),
    ],
)
def test_invalid_arguments_refused_before_any_request(
    tmp_path: Path, call: Callable[[CloudflareR2Type], Any], detail: str
) -> None:
    # The endpoint does not exist: any request would fail as unreachable, not invalid_argument.
    root = tmp_path
    (root / "storages" / "MyR2").mkdir(parents=True)
    (root / "storages" / "MyR2" / "e.json").write_text('{"type": "storages.CloudflareR2Type"}')
    (root / "storages" / "MyR2" / "MyR2.json").write_text(
        f'{{"accessKeyId": "k", "accessKeySecret": "s-1234", "bucketName": "bucket",'
        f' "endPoint": "http://127.0.0.1:{closed_port()}"}}'
    )
    el = App(root).getElement("storages.MyR2")
    with pytest.raises(StorageError) as exc:
        call(el)
    assert exc.value.code in ("invalid_argument", "not_configured")
    assert detail in str(exc.value)
