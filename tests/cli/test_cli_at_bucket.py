"""``ELEMENT@bucket`` on every command that takes an element: the other bucket, same keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle

from r2desk.cli.main import build_parser, main


@pytest.fixture
def buckets(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> tuple[Path, str]:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    return tmp_path / "app", moto_server.s3.make_bucket()


def run(root: Path, *argv: str) -> int:
    return main(["--app-root", str(root), *argv])


def _keys(moto_server: MotoHandle, bucket: str) -> list[str]:
    resp = moto_server.s3.client().list_objects_v2(Bucket=bucket)
    return [o["Key"] for o in resp.get("Contents", [])]


def test_every_element_command_takes_at_bucket(
    buckets: tuple[Path, str],
    moto_server: MotoHandle,
    moto_bucket: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root, other = buckets
    at = f"MyR2@{other}"
    src = tmp_path / "f.txt"
    src.write_bytes(b"other bucket")
    assert run(root, "put", at, str(src), "d/f.txt", "-q") == 0
    assert run(root, "cp", at, "d/f.txt", "d/g.txt") == 0
    assert run(root, "mv", at, "d/g.txt", "d/h.txt") == 0
    assert _keys(moto_server, other) == ["d/f.txt", "d/h.txt"]
    assert _keys(moto_server, moto_bucket) == []  # the configured bucket is untouched
    capsys.readouterr()
    assert run(root, "ls", at, "d", "--json") == 0
    assert [o["key"] for o in json.loads(capsys.readouterr().out)["objects"]] == [
        "d/f.txt",
        "d/h.txt",
    ]
    assert run(root, "stat", f"storages.MyR2@{other}", "d/f.txt", "--json") == 0
    assert json.loads(capsys.readouterr().out)["size"] == 12
    out = tmp_path / "out.txt"
    assert run(root, "get", at, "d/f.txt", str(out), "-q") == 0
    assert out.read_bytes() == b"other bucket"
    assert run(root, "sign", at, "d/f.txt") == 0
    assert f"/{other}/d/f.txt?" in capsys.readouterr().out
    assert run(root, "uploads", at, "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert run(root, "check", at, "--json") == 0
    assert json.loads(capsys.readouterr().out)["bucket"] is True
    assert run(root, "find", at, "h.txt") == 0
    assert capsys.readouterr().out.rstrip().endswith("d/h.txt")
    assert run(root, "open", at, "d/h.txt", "--no-launch") == 0
    assert Path(capsys.readouterr().out.strip()).read_bytes() == b"other bucket"
    assert run(root, "edit", at, "d/h.txt", "--editor", "true") == 0
    assert run(root, "rm", "-r", at, "d") == 0
    assert _keys(moto_server, other) == []


def test_every_element_command_is_covered() -> None:
    """A new element command gets the same ELEMENT@bucket argument (through element_cmd)."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    tested = {"put", "cp", "mv", "ls", "stat", "get", "sign", "uploads", "check", "rm"}
    tested |= {"find", "open", "edit"}
    with_element = {
        name
        for name, p in sub.choices.items()  # type: ignore[attr-defined]
        if any(a.dest == "element" for a in p._actions)
    }
    assert with_element <= tested | NEWER_COMMANDS


#: Commands added with the bucket work, tested with ELEMENT@bucket in test_cli_buckets.py.
NEWER_COMMANDS = {"cors", "lifecycle", "storage-class"}


def test_bad_at_bucket_is_a_usage_error(
    buckets: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = buckets
    with pytest.raises(SystemExit) as info:
        run(root, "ls", "MyR2@Not_A_Bucket")
    assert info.value.code == 2
    assert "bucket name 'Not_A_Bucket'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run(root, "ls", "MyR2:prefix/")
    assert "as its own argument" in capsys.readouterr().err


def test_missing_other_bucket_names_it(
    buckets: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = buckets
    assert run(root, "ls", "MyR2@no-such-bucket-x") == 3
    assert "storages.MyR2@no-such-bucket-x" in capsys.readouterr().err
