"""The lean wire's SigV4 signer gives the very Authorization botocore's client sends, for the
requests the wire makes (hostile keys, ranges, metadata, listing queries), over plain HTTP
(payload hashed) and over TLS (payload unsigned, as the R2 config asks). Continuation tokens
are signed in the paging tests against SeaweedFS, which checks every signature."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from support.elements import write_element
from support.keys import HOSTILE_KEYS
from support.servers import LocalS3, MotoHandle, SeaweedHandle

from r2desk import App, CloudflareR2Type
from r2desk.s3 import lean
from r2desk.s3.sigv4 import Signer, payload_hash

#: Headers botocore adds after signing, or that SigV4 leaves out anyway.
AFTER = ("authorization", "x-amz-date", "x-amz-content-sha256", "amz-sdk-")


def captured(el: CloudflareR2Type, key: str) -> list[dict[str, Any]]:
    """Every request botocore's client really sends for a GET, ranged GET, PUT and listing."""
    sent: list[dict[str, Any]] = []

    def grab(request: Any, **_: Any) -> None:
        headers = {k: v.decode() if isinstance(v, bytes) else v for k, v in request.headers.items()}
        sent.append(
            {"method": request.method, "url": request.url, "headers": headers, "body": request.body}
        )

    body = b"signed body"
    el.client.meta.events.register("before-send.s3", grab)  # also: botocore's path
    try:
        el.client.put_object(
            Bucket=el.bucket,
            Key=key,
            Body=body,
            ContentType="text/plain",
            ContentMD5=base64.b64encode(hashlib.md5(body).digest()).decode(),
            Metadata={"who": "sig v4"},
            CacheControl="no-store",
        )
        etag = el.client.get_object(Bucket=el.bucket, Key=key)["ETag"]
        el.client.get_object(Bucket=el.bucket, Key=key, Range="bytes=1-3", IfMatch=etag)
        el.client.list_objects_v2(
            Bucket=el.bucket, MaxKeys=7, Prefix=key[:5], Delimiter="/", StartAfter=key[:3]
        )
    finally:
        el.client.meta.events.unregister("before-send.s3", grab)
    return sent


def check(el: CloudflareR2Type, s3: LocalS3, keys: list[str]) -> None:
    wire = lean.wire_of(el.client)
    assert wire is not None
    parts = urlsplit(s3.endpoint_url)
    signer = Signer(s3.access_key, s3.secret_key, "auto", parts.netloc)
    for key in keys:
        for request in captured(el, key):
            theirs = request["headers"]
            named = theirs["Authorization"].split("SignedHeaders=")[1].split(",")[0].split(";")
            # the headers botocore signed (it adds some, like Content-Length, afterwards)
            mine = {
                k: v
                for k, v in theirs.items()
                if k.lower() in named and not k.lower().startswith(AFTER)
            }
            url = urlsplit(request["url"])
            body = request["body"] or b""
            body = body if isinstance(body, bytes) else body.getvalue()
            content = payload_hash(body, wire.signs_payload(mine, request["method"] == "PUT"))
            assert content == theirs["X-Amz-Content-SHA256"], request
            signer.sign(request["method"], url.path, url.query, mine, content, theirs["X-Amz-Date"])
            assert mine["Authorization"] == theirs["Authorization"], request


def element(tmp_path: Path, s3: LocalS3, bucket: str) -> CloudflareR2Type:
    write_element(tmp_path, s3, bucket)
    el = App(tmp_path).getElement("storages.MyR2")
    assert isinstance(el, CloudflareR2Type)
    return el


def test_signatures_equal_botocore_over_http(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    check(element(tmp_path, moto_server.s3, moto_bucket), moto_server.s3, HOSTILE_KEYS)


def test_signatures_equal_botocore_over_tls(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    keys = [*[k for k in HOSTILE_KEYS if "//" not in k][:6], "ünïcødé/日本語 ファイル.txt"]
    check(element(tmp_path, sigv4_server.s3, sigv4_bucket), sigv4_server.s3, keys)


def test_signing_key_follows_the_day() -> None:
    signer = Signer("AK", "SECRET", "auto", "example.invalid")
    one: dict[str, str] = {}
    two: dict[str, str] = {}
    signer.sign("GET", "/b/k", "", one, payload_hash(b"", True), "20261202T235959Z")
    signer.sign("GET", "/b/k", "", two, payload_hash(b"", True), "20261203T000000Z")
    assert "20261202/auto/s3" in one["Authorization"] and "20261203/auto/s3" in two["Authorization"]
    again: dict[str, str] = {}
    signer.sign("GET", "/b/k", "", again, payload_hash(b"", True), "20261202T235959Z")
    assert again["Authorization"] == one["Authorization"]


@pytest.mark.parametrize(
    "url", ["http://h:80/", "https://h:443/", "https://H:9000/", "http://[::1]:8/"]
)
def test_host_header_as_botocore_signs_it(url: str) -> None:
    from botocore.auth import _host_from_url

    assert lean._host(urlsplit(url)) == _host_from_url(url)
