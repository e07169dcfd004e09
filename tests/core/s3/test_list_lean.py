"""listObjects' lean parse (ElementTree instead of botocore's shape walker) returns exactly what
botocore's own parse would, for hostile keys, folders and paging, on both local endpoints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.elements import write_element
from support.keys import HOSTILE_KEYS
from support.servers import MotoHandle, SeaweedHandle

from r2desk import App, CloudflareR2Type
from r2desk.s3 import listing as r2

KEYS = [k for k in HOSTILE_KEYS if "//" not in k and len(k) < 200] + ["dir/a b+c%d/x.txt"]


def botocore_page(el: CloudflareR2Type, **params: Any) -> dict[str, Any]:
    """The same listing through botocore's parser (the lean hook is off outside listObjects)."""
    resp = el.client.list_objects_v2(Bucket=el.bucket, **params)
    assert "R2deskPage" not in resp
    return {
        "objects": [
            (o["Key"], o["Size"], o["ETag"].strip('"'), o["LastModified"], o["StorageClass"])
            for o in resp.get("Contents", [])
        ],
        "folders": [p["Prefix"] for p in resp.get("CommonPrefixes", [])],
    }


def lean_page(el: CloudflareR2Type, prefix: str = "", delimiter: str = "") -> dict[str, Any]:
    page = el.listObjects(prefix, delimiter=delimiter)
    return {
        "objects": [
            (o["key"], o["size"], o["etag"], o["lastModified"], o["storageClass"])
            for o in page["objects"]
        ],
        "folders": page["folders"],
    }


def check(el: CloudflareR2Type, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in KEYS:
        el.uploadByFile(key, key.encode(), "text/plain")
    calls: list[int] = []
    real = r2.parse_list_v2

    def spy(body: bytes) -> dict[str, Any]:
        calls.append(1)
        return real(body)

    monkeypatch.setattr(r2, "parse_list_v2", spy)
    assert lean_page(el) == botocore_page(el)
    assert lean_page(el, delimiter="/") == botocore_page(el, Delimiter="/")
    assert lean_page(el, "dir/", "/") == botocore_page(el, Prefix="dir/", Delimiter="/")
    assert calls, "listObjects did not take the lean parse"
    # Paging: tokens pass through unchanged, every key comes back once.
    seen: list[str] = []
    token = None
    while True:
        page = el.listObjects("", delimiter="", continuationToken=token, maxKeys=3)
        seen += [o["key"] for o in page["objects"]]
        token = page["nextToken"]
        if not token:
            break
    assert sorted(seen) == sorted(KEYS)


def test_lean_listing_matches_botocore_on_moto(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_element(tmp_path, moto_server.s3, moto_bucket)
    check(App(tmp_path).getElement("storages.MyR2"), monkeypatch)


def test_lean_listing_matches_botocore_on_signature_checking_endpoint(
    tmp_path: Path,
    sigv4_server: SeaweedHandle,
    sigv4_bucket: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_element(tmp_path, sigv4_server.s3, sigv4_bucket)
    check(App(tmp_path).getElement("storages.MyR2"), monkeypatch)


def test_unparseable_listing_falls_back_to_botocore() -> None:
    """A body ElementTree refuses is left to botocore, which raises its usual error."""
    resp: dict[str, Any] = {"status_code": 200, "body": b"<not xml"}
    custom: dict[str, Any] = {}
    r2._LEAN_LIST.on = True
    try:
        r2.lean_list_parse(response_dict=resp, customized_response_dict=custom)
    finally:
        r2._LEAN_LIST.on = False
    assert custom == {} and resp["body"] == b"<not xml"


def test_parse_without_namespace_or_encoding() -> None:
    body = (
        b"<ListBucketResult><IsTruncated>true</IsTruncated>"
        b"<NextContinuationToken>t+1</NextContinuationToken>"
        b"<Contents><Key>a+b%20c</Key><Size>3</Size><ETag>&quot;e&quot;</ETag>"
        b"<LastModified>2024-05-01T10:00:00.000Z</LastModified></Contents>"
        b"<CommonPrefixes><Prefix>p%2F/</Prefix></CommonPrefixes></ListBucketResult>"
    )
    page = r2.parse_list_v2(body)
    obj = page["objects"][0]
    assert obj["key"] == "a+b%20c" and obj["size"] == 3 and obj["etag"] == "e"
    assert obj["storageClass"] == "STANDARD" and obj["lastModified"].isoformat().endswith("+00:00")
    assert page["folders"] == ["p%2F/"] and page["nextToken"] == "t+1"
