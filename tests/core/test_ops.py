"""Tree operations on a real local endpoint: count, delete, conflicts, folder moves, renames."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle

from r2desk import App
from r2desk.ops import (
    count_under,
    delete_selection,
    move_conflicts,
    move_keys,
    read_preview,
    rename_target,
)
from r2desk.storages.meta import Meta
from r2desk.transfers.control import CancelToken


@pytest.fixture
def element(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> Meta:
    write_element(tmp_path, moto_server.s3, moto_bucket)
    el = App(tmp_path).getElement("storages.MyR2")
    for key in ("docs/", "docs/a.txt", "docs/sub/b.txt", "docs2/c.txt", "top.txt"):
        el.uploadByFile(key, key.encode())
    return el


def keys(el: Meta) -> list[str]:
    return sorted(o["key"] for o in el.iterObjects())


def test_count_and_delete_selection(element: Meta) -> None:
    assert count_under(element, ["docs/"]) == 3
    assert count_under(element, ["docs/", "docs2/"]) == 4
    result = delete_selection(element, ["top.txt"], ["docs/"])
    assert result == {"deleted": 4, "failed": []}
    assert keys(element) == ["docs2/c.txt"]


def test_move_a_folder_moves_every_key_under_it(element: Meta) -> None:
    moved: list[tuple[str, str]] = []
    done = move_keys(
        element, [("docs/", "archive/docs/")], on_moved=lambda a, b: moved.append((a, b))
    )
    assert done == [("docs/", "archive/docs/")]
    assert sorted(moved) == [
        ("docs/", "archive/docs/"),
        ("docs/a.txt", "archive/docs/a.txt"),
        ("docs/sub/b.txt", "archive/docs/sub/b.txt"),
    ]
    assert keys(element) == [
        "archive/docs/",
        "archive/docs/a.txt",
        "archive/docs/sub/b.txt",
        "docs2/c.txt",
        "top.txt",
    ]
    assert element.download("archive/docs/sub/b.txt") == b"docs/sub/b.txt"


def test_move_a_folder_to_the_root_drops_its_marker(element: Meta) -> None:
    move_keys(element, [("docs/", "")])
    assert keys(element) == ["a.txt", "docs2/c.txt", "sub/b.txt", "top.txt"]


def test_conflicts_name_the_objects_a_move_would_replace(element: Meta) -> None:
    element.uploadByFile("docs2/a.txt", b"old")
    assert move_conflicts(element, [("docs/", "docs2/")]) == ["docs2/a.txt"]
    assert move_conflicts(element, [("top.txt", "docs2/c.txt")]) == ["docs2/c.txt"]
    assert move_conflicts(element, [("top.txt", "free.txt"), ("docs/", "new/")]) == []


def test_a_cancelled_move_stops_between_objects(element: Meta) -> None:
    token = CancelToken()
    token.cancel()
    assert move_keys(element, [("docs/", "elsewhere/")], token) == []
    assert count_under(element, ["docs/"]) == 3


@pytest.mark.parametrize(
    ("key", "new", "expected"),
    [
        ("a/b.txt", "c.txt", "a/c.txt"),
        ("b.txt", "c.txt", "c.txt"),
        ("a/b.txt", "/x/y.txt", "x/y.txt"),
        ("a/folder/", "renamed", "a/renamed/"),
        ("a/folder/", "renamed/", "a/renamed/"),
        ("a/b.txt", "sub/c.txt", "a/sub/c.txt"),
    ],
)
def test_rename_target(key: str, new: str, expected: str) -> None:
    assert rename_target(key, new) == expected


def test_read_preview_caps_the_bytes(element: Meta) -> None:
    assert read_preview(element, "docs/sub/b.txt", 4) == b"docs"
