"""Hostile object keys round-trip unchanged through every method, on both local endpoints.

The SeaweedFS endpoint verifies SigV4, so a key that is encoded one way when signed and another
way on the wire fails there even when moto would accept it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.elements import write_element
from support.keys import HOSTILE_KEYS, KEY_1024_FLAT
from support.servers import MotoHandle, SeaweedHandle

from r2desk import App, CloudflareR2Type


def ids(key: str) -> str:
    return f"{len(key.encode())}B" if len(key) > 60 else key


def run_every_method(  # type: ignore[no-untyped-def]
    el: CloudflareR2Type, key: str, urlopen, *, listed_as: str | None = None
) -> None:
    """Upload, download, stat, presign, list, copy, move, batch-delete and delete ``key``.

    ``listed_as`` is the key a server lists when it normalises keys on its own.
    """
    body = f"body of {key}".encode()
    result = el.uploadByFile(key, body, "text/plain")
    assert result["key"] == key
    assert el.download(key) == body
    info = el.getObject(key)
    assert info["key"] == key and info["size"] == len(body)
    with urlopen(el.getSignUrl(key, "text/plain", 60)) as resp:
        assert resp.read() == body
    listed = el.listObjects(delimiter="")["objects"]
    assert (listed_as or key) in [o["key"] for o in listed]
    shown = listed_as or key
    parent = shown.rsplit("/", 1)[0] + "/" if "/" in shown else ""
    page = el.listObjects(parent)
    assert shown in [o["key"] for o in page["objects"]]
    copy_key = key[:-4] + ".cp" if len(key.encode()) > 1020 else key + ".copy"
    el.copy(key, copy_key)
    assert el.download(copy_key) == body
    moved = copy_key[:-3] + ".mv"
    el.move(copy_key, moved)
    assert el.download(moved) == body
    assert el.deleteMany([moved]) == {"deleted": [moved], "failed": []}
    el.delete(key)
    assert el.listObjects(delimiter="")["objects"] == []


@pytest.mark.parametrize("key", [*HOSTILE_KEYS, KEY_1024_FLAT], ids=ids)
def test_hostile_keys_on_moto(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, key: str
) -> None:
    write_element(tmp_path, moto_server.s3, moto_bucket)
    run_every_method(App(tmp_path).getElement("storages.MyR2"), key, moto_server.s3.urlopen)


@pytest.mark.parametrize("key", HOSTILE_KEYS, ids=ids)
def test_hostile_keys_on_signature_checking_endpoint(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str, key: str
) -> None:
    write_element(tmp_path, sigv4_server.s3, sigv4_bucket)
    # SeaweedFS's filer stores "a//b" as the path a/b and lists it so; every signed request
    # with the original key still succeeds, which is what this endpoint is here to prove.
    listed_as = re.sub("/+", "/", key) if "//" in key else None
    run_every_method(
        App(tmp_path).getElement("storages.MyR2"),
        key,
        sigv4_server.s3.urlopen,
        listed_as=listed_as,
    )


def test_folder_with_hostile_name(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    write_element(tmp_path, moto_server.s3, moto_bucket)
    el = App(tmp_path).getElement("storages.MyR2")
    el.createFolder("a b+c%d#e?f")
    el.uploadByFile("a b+c%d#e?f/inner.txt", b"1")
    assert el.listObjects()["folders"] == ["a b+c%d#e?f/"]
    assert [o["key"] for o in el.listObjects("a b+c%d#e?f/")["objects"]] == [
        "a b+c%d#e?f/inner.txt"
    ]
    assert el.deleteFolder("a b+c%d#e?f")["deleted"] == 2
