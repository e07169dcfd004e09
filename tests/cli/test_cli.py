"""The ``r2desk`` command line: the same element API, one-line errors, dependable exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle

from r2desk.cli.main import main


@pytest.fixture
def root(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> Path:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    return tmp_path / "app"


def run(root: Path, *argv: str) -> int:
    return main(["--app-root", str(root), *argv])


def test_put_ls_stat_get_roundtrip(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "report 2026.txt"
    src.write_bytes(b"numbers\n" * 100)
    assert run(root, "put", "MyR2", str(src), "docs/", "--content-type", "text/plain") == 0
    assert run(root, "ls", "MyR2", "--json") == 0
    listing = json.loads(_last_json(capsys))
    assert listing["folders"] == ["docs/"]
    assert run(root, "ls", "MyR2", "docs", "--json") == 0
    listing = json.loads(_last_json(capsys))
    assert [o["key"] for o in listing["objects"]] == ["docs/report 2026.txt"]
    assert listing["objects"][0]["size"] == 800
    assert run(root, "stat", "MyR2", "docs/report 2026.txt", "--json") == 0
    info = json.loads(_last_json(capsys))
    assert info["contentType"] == "text/plain" and info["size"] == 800
    out = tmp_path / "out"
    out.mkdir()
    assert run(root, "get", "MyR2", "docs/report 2026.txt", str(out)) == 0
    assert (out / "report 2026.txt").read_bytes() == b"numbers\n" * 100
    assert [p.name for p in out.iterdir()] == ["report 2026.txt"]  # no leftover temp file


def _last_json(capsys: pytest.CaptureFixture[str]) -> str:
    out = capsys.readouterr().out
    return out[out.index("{") :] if "{" in out else out


def test_ls_plain_shows_folders_first(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from r2desk import App

    el = App(root).getElement("storages.MyR2")
    el.uploadByFile("b.txt", b"12345")
    el.uploadByFile("a/x.txt", b"1")
    capsys.readouterr()
    assert run(root, "ls", "MyR2") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["DIR", "a/"]
    assert lines[1].endswith("b.txt") and "5 B" in lines[1]


def test_rm_cp_mv_and_recursive(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from r2desk import App

    el = App(root).getElement("storages.MyR2")
    el.uploadByFile("d/1", b"1")
    el.uploadByFile("d/2", b"2")
    el.uploadByFile("top", b"t")
    assert run(root, "cp", "MyR2", "top", "top-copy") == 0
    assert run(root, "mv", "MyR2", "top-copy", "moved") == 0
    assert el.download("moved") == b"t"
    assert run(root, "rm", "MyR2", "moved", "top") == 0
    assert run(root, "rm", "-r", "MyR2", "d") == 0
    assert "deleted 2 objects under d/" in capsys.readouterr().out
    assert el.listObjects(delimiter="")["objects"] == []


def test_sign_prints_a_working_url(
    root: Path, moto_server: MotoHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    from r2desk import App

    App(root).getElement("storages.MyR2").uploadByFile("s.txt", b"signed")
    assert run(root, "sign", "MyR2", "s.txt", "--expires", "3600") == 0
    captured = capsys.readouterr()
    url = captured.out.strip()
    assert "X-Amz-Expires=3600" in url and "valid until" in captured.err
    with moto_server.s3.urlopen(url) as resp:
        assert resp.read() == b"signed"


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["get", "MyR2", "nope", "-"], 3, "the object does not exist"),
        (["stat", "Missing", "k"], 3, "no such element"),
        (["sign", "MyR2", "k", "--expires", "604801"], 2, "expires must be 1 to 604800"),
        (["rm", "MyR2", ""], 2, "the key is empty"),
    ],
)
def test_errors_are_one_line_with_exit_codes(
    root: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, words: str
) -> None:
    assert run(root, *argv) == code
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("r2desk: ") and words in err[0]


def test_bad_config_exit_6_and_unreachable_exit_5(
    tmp_path: Path, moto_server: MotoHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    write_element(tmp_path, moto_server.s3, "Bad_Name")
    assert run(tmp_path, "ls", "MyR2") == 6
    assert "field 'bucketName'" in capsys.readouterr().err
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    write_element(tmp_path, moto_server.s3, "fine-bucket", endPoint=f"http://127.0.0.1:{port}")
    assert run(tmp_path, "check", "MyR2", "--no-write") == 5
    out, err = capsys.readouterr()
    assert "endpoint: FAILED" in out and "could not be reached" in err


def test_check_and_elements(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(root, "check", "MyR2", "--json") == 0
    assert json.loads(_last_json(capsys))["ok"] is True
    assert run(root, "elements", "--json") == 0
    assert json.loads(capsys.readouterr().out) == [
        {
            "name": "storages.MyR2",
            "title": "My Cloudflare R2 Storage",
            "type": "storages.CloudflareR2Type",
        }
    ]


def test_demo_command_serves_sample_data() -> None:
    """`r2desk demo` as a newcomer runs it: a real process, a local endpoint, sample objects."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "r2desk.cli", "demo", "--seconds", "30"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(5)]
        assert "LOCAL, TEMPORARY" in lines[0]
        app_root = next(line.split(":", 1)[1].strip() for line in lines if "app root" in line)
        listing = subprocess.run(
            [sys.executable, "-m", "r2desk.cli", "--app-root", app_root, "ls", "Demo", "--json"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert listing.returncode == 0, listing.stderr
        data = json.loads(listing.stdout)
        assert {"images/", "docs/", "data/"} <= set(data["folders"])
        assert [o["key"] for o in data["objects"]] == ["README.txt"]
    finally:
        proc.terminate()
        proc.communicate(timeout=30)  # also closes both pipes
    assert not Path(app_root).exists()  # the temporary app folder is gone with the demo


def test_mv_recursive_moves_a_folder_and_refuses_to_overwrite(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from r2desk import App

    el = App(root).getElement("storages.MyR2")
    for key in ("photos/", "photos/a.jpg", "photos/2026/b.jpg", "photos-old/keep", "other/x"):
        el.uploadByFile(key, key.encode())
    capsys.readouterr()
    assert run(root, "mv", "-r", "MyR2", "photos", "archive/photos") == 0
    assert "moved 3 objects from photos/ to archive/photos/" in capsys.readouterr().out
    keys = sorted(o["key"] for o in el.iterObjects())
    assert keys == [
        "archive/photos/",
        "archive/photos/2026/b.jpg",
        "archive/photos/a.jpg",
        "other/x",
        "photos-old/keep",  # a sibling sharing the name's start is not part of the folder
    ]
    assert el.download("archive/photos/2026/b.jpg") == b"photos/2026/b.jpg"

    # A target that exists is refused, and nothing moves.
    el.uploadByFile("other/x2", b"x2")
    el.uploadByFile("target/x", b"old")
    assert run(root, "mv", "-r", "MyR2", "other/", "target/") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "target/x" in err and "--overwrite" in err
    assert el.download("target/x") == b"old" and el.exists("other/x") and el.exists("other/x2")
    assert run(root, "mv", "-r", "MyR2", "other/", "target/", "--overwrite") == 0
    assert el.download("target/x") == b"other/x" and el.download("target/x2") == b"x2"
    assert list(el.iterObjects("other/")) == []

    # Nothing to move, a folder into itself, the bucket root: refused with their exit codes.
    assert run(root, "mv", "-r", "MyR2", "nothing-here", "elsewhere") == 3
    assert run(root, "mv", "-r", "MyR2", "target", "target/inner") == 2
    assert run(root, "mv", "-r", "MyR2", "/", "all") == 2
    assert "bucket root" in capsys.readouterr().err


def test_program_entry_keeps_output_and_exit_codes(tmp_path: Path) -> None:
    """``python -m r2desk`` (the program entry, which freezes the collector's long-lived
    objects) still prints what the command printed and exits with its code."""
    ok = subprocess.run(
        [sys.executable, "-m", "r2desk", "--version"], capture_output=True, text=True, timeout=60
    )
    assert ok.returncode == 0 and ok.stdout.startswith("r2desk ")
    bad = subprocess.run(
        [sys.executable, "-m", "r2desk", "--app-root", str(tmp_path), "ls", "NoSuchElement"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode != 0 and "NoSuchElement" in bad.stderr
