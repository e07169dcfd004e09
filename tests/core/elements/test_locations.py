"""The one location syntax (``ELEMENT[@bucket][:key-or-prefix]`` or a local path), resolved."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle

from r2desk import App, StorageError
from r2desk.elements.locations import (
    Location,
    LocationError,
    parse_element,
    parse_location,
    resolve,
)


@pytest.mark.parametrize(
    ("text", "element", "bucket", "key"),
    [
        ("MyR2:", "storages.MyR2", None, ""),
        ("MyR2:photos/2024/", "storages.MyR2", None, "photos/2024/"),
        ("storages.MyR2:a.txt", "storages.MyR2", None, "a.txt"),
        ("MyR2@other-bucket:x/y:z.txt", "storages.MyR2", "other-bucket", "x/y:z.txt"),
        ("MyR2@b2b:", "storages.MyR2", "b2b", ""),
        ("My_R2-x:key with spaces  ", "storages.My_R2-x", None, "key with spaces  "),
    ],
)
def test_remote_locations(text: str, element: str, bucket: str | None, key: str) -> None:
    loc = parse_location(text)
    assert loc == Location(element=element, bucket=bucket, key=key)
    assert not loc.is_local
    assert parse_location(str(loc)) == loc  # writes back in the same syntax


@pytest.mark.parametrize(
    "text",
    [
        "/abs/a:b",
        "./a:b",
        "../up:x",
        "~/notes:1.txt",
        ".",
        "C:\\Users\\me",
        "C:/Users/me",
        "plainfile.txt",
        "dir/sub:file",  # a slash before the first colon: a path, not an element
        "MyR2",  # no colon: a local file named MyR2 (a location always has a colon)
    ],
)
def test_local_paths(text: str) -> None:
    loc = parse_location(text)
    assert loc.is_local and loc.path == text and str(loc) == text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("my file:x", "./name"),  # a space: not an element name, so say how to write the path
        ("MyR2@Bad_Bucket:x", "bucket name 'Bad_Bucket'"),
        ("MyR2@ab:x", "bucket name 'ab'"),
        ("", "empty"),
    ],
)
def test_bad_locations_say_what_to_write(text: str, words: str) -> None:
    with pytest.raises(LocationError) as info:
        parse_location(text)
    assert words in str(info.value)


def test_parse_element_takes_no_key() -> None:
    assert parse_element("MyR2") == Location(element="storages.MyR2")
    assert parse_element("MyR2@pics") == Location(element="storages.MyR2", bucket="pics")
    assert parse_element("MyR2:") == Location(element="storages.MyR2")
    with pytest.raises(LocationError, match=r"give the key 'a\.txt' as its own argument"):
        parse_element("MyR2:a.txt")
    with pytest.raises(LocationError, match="not an element name"):
        parse_element("./MyR2")


def test_resolve_gives_the_bucket_element_and_key(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    other = moto_server.s3.make_bucket()
    write_element(tmp_path, moto_server.s3, moto_bucket)
    app = App(tmp_path)
    own, key = resolve(app, "MyR2:docs/")
    assert own is app.getElement("storages.MyR2") and key == "docs/"
    sibling, key = resolve(app, f"MyR2@{other}:a.txt")
    assert sibling.config.bucketName == other and key == "a.txt"
    assert resolve(app, parse_location(f"MyR2@{other}:"))[0] is sibling  # cached
    sibling.uploadByFile("a.txt", b"in the other bucket")
    assert moto_server.s3.client().get_object(Bucket=other, Key="a.txt")["Body"].read() == (
        b"in the other bucket"
    )
    with pytest.raises(LocationError, match="local path"):
        resolve(app, "./a:b")
    with pytest.raises(StorageError) as info:
        resolve(app, "Nope:x")
    assert info.value.code == "unknown_element"
