"""``updateObject``: content type, cache control and metadata edited in place (copy onto itself)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from r2desk.elements import App
from r2desk.errors import StorageError


def _element(tmp_path: Path, s3: Any, bucket: str) -> Any:
    folder = tmp_path / "storages" / "Upd"
    folder.mkdir(parents=True)
    (folder / "e.json").write_text(json.dumps({"type": "storages.CloudflareR2Type"}))
    (folder / "Upd.json").write_text(
        json.dumps(
            {
                "accessKeyId": s3.access_key,
                "accessKeySecret": s3.secret_key,
                "endPoint": s3.endpoint_url,
                "bucketName": bucket,
            }
        )
    )
    return App(tmp_path).getElement("storages.Upd")


def test_update_object_replaces_only_what_is_given(
    tmp_path: Path, moto_server: Any, moto_bucket: str
) -> None:
    client = moto_server.s3.client()
    client.put_object(
        Bucket=moto_bucket,
        Key="a b/c.txt",
        Body=b"hello",
        ContentType="text/plain",
        CacheControl="no-cache",
        ContentDisposition="attachment",
        Metadata={"owner": "ann"},
    )
    element = _element(tmp_path, moto_server.s3, moto_bucket)

    result = element.updateObject("a b/c.txt", metadata={"owner": "bob", "tag": "x"})
    info = element.getObject("a b/c.txt")
    assert info["metadata"] == {"owner": "bob", "tag": "x"} == result["metadata"]
    assert info["contentType"] == "text/plain"
    assert info["cacheControl"] == "no-cache"
    assert info["contentDisposition"] == "attachment"

    element.updateObject("a b/c.txt", contentType="text/markdown", cacheControl="max-age=60")
    info = element.getObject("a b/c.txt")
    assert (info["contentType"], info["cacheControl"]) == ("text/markdown", "max-age=60")
    assert info["metadata"] == {"owner": "bob", "tag": "x"}
    assert element.download("a b/c.txt") == b"hello"


def test_update_object_errors_are_storage_errors(
    tmp_path: Path, moto_server: Any, moto_bucket: str
) -> None:
    element = _element(tmp_path, moto_server.s3, moto_bucket)
    with pytest.raises(StorageError) as info:
        element.updateObject("missing.txt", contentType="text/plain")
    assert info.value.code == "not_found"
    with pytest.raises(StorageError) as info:
        element.updateObject("missing.txt", metadata={"n": 1})  # type: ignore[dict-item]
    assert info.value.code == "invalid_argument"
