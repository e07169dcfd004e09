"""``r2desk cp`` / ``mv`` between locations: buckets of one account (server-side), two stores
(streamed, verified), local folders both ways; the older ``cp ELEMENT SRC DST`` form is in
test_cli.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle, SeaweedHandle

from r2desk import App
from r2desk.cli.main import main
from r2desk.storages.meta import Meta


@pytest.fixture
def root(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> Path:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    return tmp_path / "app"


@pytest.fixture
def el(root: Path) -> Meta:
    return App(root).getElement("storages.MyR2")


def run(root: Path, *argv: str) -> int:
    return main(["--app-root", str(root), *argv])


def json_lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]


def test_between_buckets_of_one_account_is_server_side(
    root: Path, el: Meta, moto_server: MotoHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    other = moto_server.s3.make_bucket()
    el.uploadByFile("docs/a.txt", b"alpha", contentType="text/plain")
    assert run(root, "cp", "MyR2:docs/a.txt", f"MyR2@{other}:copies/", "--json") == 0
    [line] = json_lines(capsys)
    assert line["target"] == f"storages.MyR2@{other}:copies/a.txt"
    assert line["result"]["method"] == "server"  # type: ignore[index]
    sibling = el.forBucket(other)
    assert sibling.download("copies/a.txt") == b"alpha"
    assert sibling.getObject("copies/a.txt")["contentType"] == "text/plain"
    assert el.exists("docs/a.txt")  # cp keeps the source

    assert run(root, "mv", f"MyR2@{other}:copies/a.txt", "MyR2:moved.txt") == 0
    assert el.download("moved.txt") == b"alpha" and not sibling.exists("copies/a.txt")


def test_a_folder_between_two_stores_is_streamed_and_verified(
    root: Path,
    el: Meta,
    sigv4_server: SeaweedHandle,
    sigv4_bucket: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_element(root, sigv4_server.s3, sigv4_bucket, name="Weed")
    keys = ["d/1.txt", "d/sub/2.txt", "d/ünï cødé+%#?.txt", "other.txt"]
    for i, key in enumerate(keys):
        el.uploadByFile(key, f"body {i}".encode() * 100)
    assert run(root, "cp", "-r", "MyR2:d", "Weed:backup/", "--json") == 0
    lines = json_lines(capsys)
    assert sorted(str(x["source"]) for x in lines) == sorted(keys[:3])
    assert {x["result"]["method"] for x in lines} == {"stream"}  # type: ignore[index]
    weed = App(root).getElement("storages.Weed")
    got = sorted(o["key"] for o in weed.iterObjects(""))
    assert got == ["backup/1.txt", "backup/sub/2.txt", "backup/ünï cødé+%#?.txt"]
    assert weed.download("backup/sub/2.txt") == b"body 1" * 100


def test_move_deletes_each_source_only_after_its_copy(
    root: Path, el: Meta, moto_server: MotoHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    other = moto_server.s3.make_bucket()
    for key in ("p/a", "p/b", "p/" + "x" * 1000):
        el.uploadByFile(key, b"1")
    # The long key cannot be copied under a longer prefix (over 1,024 bytes): it stays, said.
    assert run(root, "mv", "-r", "MyR2:p/", f"MyR2@{other}:" + "deeper/" * 5) == 1
    err = capsys.readouterr().err
    assert "1 could not be moved" in err and "1024" in err
    assert [o["key"] for o in el.iterObjects("p/")] == ["p/" + "x" * 1000]
    assert sorted(o["key"] for o in el.forBucket(other).iterObjects("")) == [
        "deeper/" * 5 + "a",
        "deeper/" * 5 + "b",
    ]


def test_local_files_and_folders_both_ways(root: Path, el: Meta, tmp_path: Path) -> None:
    src = tmp_path / "album"
    (src / "2026").mkdir(parents=True)
    (src / "2026" / "a.jpg").write_bytes(b"jpeg")
    (src / "notes.txt").write_bytes(b"text")
    assert run(root, "cp", str(src / "notes.txt"), "MyR2:in/") == 0
    assert el.download("in/notes.txt") == b"text"
    assert run(root, "cp", str(src), "MyR2:album/") == 2  # a folder needs -r
    assert run(root, "cp", "-r", str(src), "MyR2:album/") == 0
    assert sorted(o["key"] for o in el.iterObjects("album/")) == [
        "album/2026/a.jpg",
        "album/notes.txt",
    ]
    out = tmp_path / "out"
    out.mkdir()
    assert run(root, "cp", "MyR2:album/2026/a.jpg", str(out)) == 0
    assert (out / "a.jpg").read_bytes() == b"jpeg"
    assert run(root, "cp", "-r", "MyR2:album", str(tmp_path / "copy")) == 0
    assert (tmp_path / "copy" / "2026" / "a.jpg").read_bytes() == b"jpeg"
    assert run(root, "mv", "MyR2:in/notes.txt", str(out / "n.txt")) == 0
    assert (out / "n.txt").read_bytes() == b"text" and not el.exists("in/notes.txt")


def test_no_clobber_and_usage_errors(
    root: Path,
    el: Meta,
    tmp_path: Path,
    moto_server: MotoHandle,
    capsys: pytest.CaptureFixture[str],
) -> None:
    other = moto_server.s3.make_bucket()
    el.uploadByFile("a", b"new")
    el.forBucket(other).uploadByFile("a", b"old")
    assert run(root, "cp", "-n", "MyR2:a", f"MyR2@{other}:a") == 0
    assert el.forBucket(other).download("a") == b"old"
    assert "exists (--no-clobber)" in capsys.readouterr().err
    assert run(root, "cp", str(tmp_path), str(tmp_path / "x")) == 2
    assert run(root, "cp", "Nope:a", "MyR2:b") == 3  # an unknown element
    assert run(root, "cp", "MyR2:a") == 2
