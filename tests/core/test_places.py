"""The Qt-free rules of places: the recent list, reading stored places back, the nearest folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.elements import write_element

from r2desk.elements import App
from r2desk.places import (
    Bookmark,
    Place,
    nearest_existing,
    push_recent,
    read_bookmarks,
    read_last_shown,
    read_places,
)


def test_recent_is_newest_first_each_once_and_capped() -> None:
    recent: list[Place] = []
    for i in range(12):
        recent = push_recent(recent, Place("storages.A", "b", f"f{i}/"))
    recent = push_recent(recent, Place("storages.A", "b", "f5/"))
    assert [p.prefix for p in recent] == [f"f{i}/" for i in (5, 11, 10, 9, 8, 7, 6, 4, 3, 2)]
    # The same folder of another bucket or connection is another place.
    recent = push_recent(recent, Place("storages.A", "other", "f5/"))
    assert recent[:2] == [Place("storages.A", "other", "f5/"), Place("storages.A", "b", "f5/")]


def test_stored_data_reads_back_and_malformed_entries_are_dropped() -> None:
    good = Bookmark("<b>x</b> & y", Place("storages.A", "b", "a/b/"))
    data: list[object] = [
        good.to_data(),
        {"name": "", "connection": "storages.A", "bucket": "b", "prefix": ""},  # no name
        {"name": "n", "connection": "storages.A", "bucket": "b", "prefix": "no-slash"},
        {"name": "n", "connection": "", "bucket": "b", "prefix": ""},
        {"name": "n", "connection": "storages.A", "bucket": 3, "prefix": ""},
        "junk",
    ]
    assert read_bookmarks(data) == [good]
    assert read_bookmarks({"not": "a list"}) == [] and read_places(None) == []
    assert read_places([good.place.to_data(), 7]) == [good.place]
    last = {"storages.A": good.place.to_data(), "storages.B": good.place.to_data()}
    assert read_last_shown(last) == {"storages.A": good.place}  # B's entry names A: dropped


def test_names_and_labels() -> None:
    assert Place("storages.A", "bkt", "a/b/").folder_name() == "b"
    assert Place("storages.A", "bkt", "").folder_name() == "bkt"
    assert Place("storages.A", "bkt", "a/b/").label() == "bkt/a/b/"


def test_nearest_existing_folder(tmp_path: Path, moto_server: Any, moto_bucket: str) -> None:
    s3 = moto_server.s3.client()
    s3.put_object(Bucket=moto_bucket, Key="a/x.txt", Body=b"x")
    s3.put_object(Bucket=moto_bucket, Key="a/b/c/y.txt", Body=b"x")
    s3.put_object(Bucket=moto_bucket, Key="empty/", Body=b"")  # only a folder marker
    write_element(tmp_path, moto_server.s3, moto_bucket)
    element = App(tmp_path).getElement("storages.MyR2")
    assert nearest_existing(element, "a/b/c/") == "a/b/c/"
    assert nearest_existing(element, "a/b/gone/deeper/") == "a/b/"
    assert nearest_existing(element, "empty/") == "empty/"
    assert nearest_existing(element, "nothing/here/") == ""
    assert nearest_existing(element, "") == ""
