"""Folder downloads at any key count: the listing is never held, yet the same keys are refused
as by the whole-listing planner, and downloads start while the listing is still arriving."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from support.servers import MotoHandle
from support.transfers import transfer_element

from r2desk.results import ListedObject
from r2desk.transfers.localpaths import plan_local_paths
from r2desk.transfers.placing import HashSet64, refusals, survey

TRICKY = [
    "p/ok.txt",
    "p/a.txt",
    "p//a.txt",  # absolute under p/, and the same file as p/a.txt
    "p/../evil.txt",
    "p/C:/drive.txt",
    "p/dir",  # a file where p/dir/inner.txt needs a folder
    "p/dir/inner.txt",
    "p/marker/",
    "p/marker",  # a file where a folder marker is
    "p/deep/er/x.txt",
    "p/./dot.txt",
    "p/",
]


def listed(keys: list[str]) -> list[ListedObject]:
    return [
        {"key": k, "size": 1, "etag": "", "lastModified": None, "storageClass": "STANDARD"}
        for k in keys
    ]


def test_streamed_placement_refuses_exactly_what_the_whole_listing_planner_refuses(
    tmp_path: Path,
) -> None:
    root = str(tmp_path / "dest")
    whole = plan_local_paths(root, ((k, k[2:]) for k in TRICKY))
    found = survey(root, "p/", listed(TRICKY))
    assert found.refused
    named, count = refusals(found, listed(TRICKY))
    assert sorted(k for k, _ in named) == sorted(whole.refused) and count == len(whole.refused)
    assert found.files == len(whole.files) + len(
        [k for k in whole.refused if k in ("p/a.txt", "p/dir", "p/marker")]
    )  # counted before the whole-listing rules refused them
    clean = [k for k in TRICKY if k not in whole.refused]
    assert not survey(root, "p/", listed(clean)).refused


def test_hash_set_grows_and_keeps_every_member() -> None:
    table = HashSet64()
    members = [(i * 0x9E3779B97F4A7C15) % (1 << 64) | 1 for i in range(1, 50_000)]
    assert all(table.add(h) for h in members)
    assert not any(table.add(h) for h in members[::7])
    assert len(table) == len(members) and all(h in table for h in members)
    assert 12345678 * 2 not in table  # even numbers are never members (bit 0 is set)


def test_download_folder_starts_downloading_while_listing(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    client = moto_server.s3.client()
    keys = [f"many/{i:05d}.txt" for i in range(1100)]  # two pages of 1000
    with ThreadPoolExecutor(8) as pool:
        list(
            pool.map(lambda k: client.put_object(Bucket=moto_bucket, Key=k, Body=k.encode()), keys)
        )
    calls: list[str] = []
    lock = threading.Lock()

    def record(model: Any, **_: Any) -> None:
        with lock:
            calls.append(model.name)

    el.client.meta.events.register("before-call.s3", record)
    try:
        result = el.downloadFolder("many/", str(tmp_path / "out"))
    finally:
        el.client.meta.events.unregister("before-call.s3", record)
    assert len(result["done"]) == 1100 and result["failed"] == []
    assert (tmp_path / "out" / "01099.txt").read_bytes() == b"many/01099.txt"
    lists = [i for i, name in enumerate(calls) if name == "ListObjectsV2"]
    assert len(lists) == 4  # read twice: once to check, once to download
    first_get = calls.index("GetObject")
    assert lists[2] < first_get < lists[3]  # the second reading downloads as pages arrive


@pytest.mark.parametrize("skip", [False, True])
def test_a_key_added_between_the_readings_never_lands_on_another(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, skip: bool
) -> None:
    """The check reads the listing, then the download reads it again: a key that appeared in
    between and lands on a file another key takes is refused, not written over it."""
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    client = moto_server.s3.client()
    client.put_object(Bucket=moto_bucket, Key="r/x.txt", Body=b"first")
    lists = 0

    def add_twin(model: Any, **_: Any) -> None:
        nonlocal lists
        if model.name == "ListObjectsV2":
            lists += 1
            if lists == 2:  # after the check, before the download's reading
                client.put_object(Bucket=moto_bucket, Key="r/./x.txt", Body=b"second")

    el.client.meta.events.register("before-call.s3", add_twin)
    try:
        result = el.downloadFolder("r/", str(tmp_path / "out"), skipUnsafe=skip)
    finally:
        el.client.meta.events.unregister("before-call.s3", add_twin)
    # 'r/./x.txt' lists first and takes x.txt; 'r/x.txt' then lands on it and is refused.
    assert [s["key"] for s in result["skipped"]] == ["r/x.txt"]
    assert "same local file" in result["skipped"][0]["reason"]
    assert result["done"] == ["r/./x.txt"]
    assert (tmp_path / "out" / "x.txt").read_bytes() == b"second"
