"""Searching a bucket: ``r2desk find`` and the core filter it streams through."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest
from support.elements import write_element
from support.keys import HOSTILE_KEYS
from support.servers import MotoHandle

from r2desk import App
from r2desk.cli.main import main
from r2desk.results import ListedObject
from r2desk.search import Query, SearchProgress, search
from r2desk.storages.meta import Meta


@pytest.fixture
def root(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> Path:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    return tmp_path / "app"


@pytest.fixture
def el(root: Path) -> Meta:
    element = App(root).getElement("storages.MyR2")
    for key, body in {
        "photos/2026/IMG_0001.JPG": b"x" * 3000,
        "photos/2026/img_0002.jpg": b"x" * 10,
        "photos/notes.txt": b"jpg in the text, not the name",
        "docs/report.jpg.txt": b"12",
        "docs/": b"",  # a folder marker is not a match
    }.items():
        element.uploadByFile(key, body)
    return element


def found(root: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    rc = main(["--app-root", str(root), "find", "MyR2", *argv, "--json"])
    lines = capsys.readouterr().out.splitlines()
    return rc, [json.loads(line)["key"] for line in lines]


def test_glob_is_case_insensitive_and_matches_names(
    el: Meta, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, keys = found(root, capsys, "*.jpg")
    assert rc == 0
    assert sorted(keys) == ["photos/2026/IMG_0001.JPG", "photos/2026/img_0002.jpg"]


def test_substring_size_and_prefix_filters(
    el: Meta, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert found(root, capsys, "jpg")[1] == [
        "docs/report.jpg.txt",
        "photos/2026/IMG_0001.JPG",
        "photos/2026/img_0002.jpg",
    ]
    assert found(root, capsys, "jpg", "--min-size", "1k")[1] == ["photos/2026/IMG_0001.JPG"]
    assert found(root, capsys, "", "--prefix", "photos/", "--max-size", "20")[1] == [
        "photos/2026/img_0002.jpg"
    ]
    # A pattern with "/" matches the key below the prefix, not just the name.
    assert found(root, capsys, "2026/*0001*", "--prefix", "photos/")[1] == [
        "photos/2026/IMG_0001.JPG"
    ]


def test_nothing_found_exits_1_and_says_how_much_was_scanned(
    el: Meta, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--app-root", str(root), "find", "MyR2", "*.mp4"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "0 matches in 5 objects scanned" in captured.err


def test_dates_and_bad_arguments(el: Meta, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(found(root, capsys, "", "--newer", "1d")[1]) == 4
    assert found(root, capsys, "", "--older", "1d")[1] == []
    with pytest.raises(SystemExit) as stop:
        main(["--app-root", str(root), "find", "MyR2", "x", "--min-size", "lots"])
    assert stop.value.code == 2
    assert "not a size: 'lots'" in capsys.readouterr().err


def test_hostile_keys_are_found_exactly(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    element = App(root).getElement("storages.MyR2")
    for key in HOSTILE_KEYS:
        element.uploadByFile(key, b"1")
    rc, keys = found(root, capsys, "")
    assert rc == 0 and sorted(keys) == sorted(HOSTILE_KEYS)
    assert found(root, capsys, "*%*")[1] == ["100%.txt", "percent%20literal.txt"]
    assert found(root, capsys, "*[?]*")[1] == ["what?.txt"]  # a literal ? in a glob


def _listing(n: int) -> list[ListedObject]:
    when = _dt.datetime(2026, 1, 1, tzinfo=_dt.UTC)
    return [
        {
            "key": f"k/{i:07d}.bin",
            "size": i,
            "etag": "e",
            "lastModified": when,
            "storageClass": "STANDARD",
        }
        for i in range(n)
    ]


def test_search_stops_at_the_limit_and_counts_what_it_scanned() -> None:
    progress = SearchProgress()
    hits = list(search(iter(_listing(1000)), Query("*7.bin"), limit=5, progress=progress))
    assert [h["key"] for h in hits] == [f"k/{i:07d}.bin" for i in (7, 17, 27, 37, 47)]
    assert progress.capped and progress.found == 5 and progress.scanned == 58


def test_search_consumes_the_stream_lazily() -> None:
    """Matches come out while the listing is still being read (the GUI shows them as they come)."""
    seen: list[int] = []

    def stream() -> object:
        for obj in _listing(100):
            seen.append(obj["size"])
            yield obj

    first = next(search(stream(), Query("0000003")))  # type: ignore[arg-type]
    assert first["key"] == "k/0000003.bin" and len(seen) == 4
