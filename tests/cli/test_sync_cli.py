"""``r2desk sync``, ``compare`` and ``migrate`` through the real CLI entry point (moto)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle
from support.sync import write_tree

from r2desk import App
from r2desk.cli.main import main


@pytest.fixture
def root(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> Path:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    write_element(tmp_path / "app", moto_server.s3, moto_server.s3.make_bucket(), "Other")
    return tmp_path / "app"


def r2(root: Path, *args: str) -> int:
    return main(["--app-root", str(root), *args])


def test_sync_then_compare(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "site"
    write_tree(src, {"index.html": b"<h1>", "img/a b+c.png": b"png"})
    assert r2(root, "sync", str(src), "MyR2:www", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "create" in out and "img/a b+c.png" in out and "plan: create 2 (7 B)" in out
    assert r2(root, "compare", str(src), "MyR2:www/") == 1  # nothing was copied
    capsys.readouterr()
    assert r2(root, "sync", str(src), "MyR2:www", "-q") == 0
    assert App(root).getElement("storages.MyR2").download("www/img/a b+c.png") == b"png"
    assert r2(root, "compare", str(src), "MyR2:www") == 0
    assert "same 2" in capsys.readouterr().out
    write_tree(src, {"index.html": b"<h1>new"})
    assert r2(root, "compare", "--json", str(src), "MyR2:www") == 1
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines[0]["item"]["action"] == "update" and lines[0]["item"]["key"] == "index.html"
    assert lines[-1]["report"]["totals"]["same"]["count"] == 1


def test_delete_cap_exit_code(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    el = App(root).getElement("storages.MyR2")
    for i in range(3):
        el.uploadByFile(f"p/old{i}", b"x")
    src = tmp_path / "empty"
    src.mkdir()
    assert r2(root, "sync", str(src), "MyR2:p", "--delete") == 1
    assert "refusing to delete 3 of 3 files" in capsys.readouterr().err
    assert len(list(el.iterObjects("p/"))) == 3
    assert r2(root, "sync", str(src), "MyR2:p", "--delete", "--force") == 0
    assert list(el.iterObjects("p/")) == []


def test_two_way_conflict_exit_and_policy(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    el = App(root).getElement("storages.MyR2")
    local = tmp_path / "notes"
    write_tree(local, {"n.txt": b"v1"})
    assert r2(root, "sync", "--two-way", str(local), "MyR2:notes") == 0
    write_tree(local, {"n.txt": b"local"}, mtime=1_800_000_000)
    el.uploadByFile("notes/n.txt", b"remote!")
    assert r2(root, "sync", "--two-way", str(local), "MyR2:notes") == 1
    assert "1 conflict(s) left" in capsys.readouterr().err
    assert r2(root, "sync", "--two-way", "--conflict", "keep-both", str(local), "MyR2:notes") == 0
    assert (local / "n.txt").read_bytes() == b"local" == el.download("notes/n.txt")
    assert len(list(local.iterdir())) == 2


def test_migrate_and_switch(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    el = App(root).getElement("storages.MyR2")
    el.uploadByFile("a", b"1")
    el.uploadByFile("b/c", b"22")
    other_bucket = App(root).getElement("storages.Other").config.bucketName
    report = tmp_path / "r.jsonl"
    assert r2(root, "migrate", "MyR2", "Other", "--report", str(report), "--switch") == 0
    out = capsys.readouterr().out
    assert "verified 2 of 2 objects" in out and "switched storages.MyR2" in out
    assert [json.loads(x)["status"] for x in report.read_text().splitlines()] == ["verified"] * 2
    assert App(root).getElement("storages.MyR2").config.bucketName == other_bucket


def test_bad_location_is_a_usage_error(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert r2(root, "sync", "My R2:x", "MyR2:y") == 2
    assert "not a valid location" in capsys.readouterr().err
    assert r2(root, "migrate", "MyR2:key", "Other") == 2
