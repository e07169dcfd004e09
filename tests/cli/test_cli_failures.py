"""CLI failure paths: every failed file of ``put -r`` / ``get -r`` is named, a listing that
never ends is stopped in words, and keys cannot inject control sequences into a terminal.

Endless listings come from a tiny fake S3 server (``support.fakes3``) that repeats its
continuation token, or sends empty pages forever; real servers do not, so none of them can.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from support.elements import write_element
from support.fakes3 import FakeS3, Pager, empty_pages, fixed_keys, same_token
from support.servers import LocalS3, MotoHandle
from support.transfers import make_file
from support.unprivileged import REPO, check_unprivileged, run_cli

from r2desk import App
from r2desk.cli.main import main


@pytest.fixture
def app(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> Path:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    return tmp_path / "app"


# -- every failed file is reported ---------------------------------------------------------


def test_put_r_names_every_failed_file(app: Path, tmp_path: Path) -> None:
    check_unprivileged()
    tree = tmp_path / "tree"
    for name in ("ok-1.txt", "ok-2.txt", "bad-1.txt", "bad-2.txt", "sub/bad-3.txt"):
        make_file(tree / name, 100)
    bad = [tree / "bad-1.txt", tree / "bad-2.txt", tree / "sub" / "bad-3.txt"]
    for path in bad:
        path.chmod(0)
    args = ["--app-root", str(app), "put", "-r", "MyR2", str(tree), "t/", "-q"]
    done = run_cli(args, state_dir=tmp_path / "state")
    as_json = run_cli([*args, "--json"], state_dir=tmp_path / "state")
    assert done.returncode == 1
    assert "uploaded 2 of 5 files" in done.stdout and "3 failed" in done.stdout
    for path in bad:  # each one, by key and by path, not only the first
        line = next(x for x in done.stderr.splitlines() if str(path) in x)
        assert "failed" in line and f"t/{path.relative_to(tree)}" in line
    assert as_json.returncode == 1
    result = json.loads(as_json.stdout)
    assert sorted(f["key"] for f in result["failed"]) == [
        "t/bad-1.txt",
        "t/bad-2.txt",
        "t/sub/bad-3.txt",
    ]
    assert sorted(result["done"]) == ["t/ok-1.txt", "t/ok-2.txt"]


def test_get_r_names_every_failed_file(app: Path, tmp_path: Path) -> None:
    check_unprivileged()
    el = App(app).getElement("storages.MyR2")
    for key in ("d/ok.txt", "d/ro/1.txt", "d/ro/2.txt", "d/ro2/3.txt"):
        el.uploadByFile(key, b"data")
    out = tmp_path / "out"
    for folder in ("ro", "ro2"):  # folders that exist but cannot be written into
        (out / folder).mkdir(parents=True)
        (out / folder).chmod(0o555)
    args = ["--app-root", str(app), "get", "-r", "MyR2", "d/", str(out), "-q"]
    done = run_cli(args, state_dir=tmp_path / "state")
    as_json = run_cli([*args, "--json"], state_dir=tmp_path / "state")
    assert done.returncode != 0
    assert "downloaded 1 of 4 files" in done.stdout and "3 failed" in done.stdout
    for key in ("d/ro/1.txt", "d/ro/2.txt", "d/ro2/3.txt"):
        assert any(key in line and "failed" in line for line in done.stderr.splitlines()), key
    result = json.loads(as_json.stdout)
    assert sorted(f["key"] for f in result["failed"]) == ["d/ro/1.txt", "d/ro/2.txt", "d/ro2/3.txt"]


# -- a listing that never ends ---------------------------------------------------------------


def fake_app(tmp_path: Path, fake: FakeS3) -> Path:
    s3 = LocalS3(fake.endpoint_url, "fake-key", "fake-secret")
    write_element(tmp_path / "fake-app", s3, "bucket")
    return tmp_path / "fake-app"


COMMANDS = {
    "ls": ["ls", "MyR2"],
    "ls -r": ["ls", "MyR2", "-r"],
    "ls --json": ["ls", "MyR2", "-r", "--json"],
    "get -r": ["get", "-r", "MyR2", "loop/", "{out}", "-q"],
    "rm -r": ["rm", "-r", "MyR2", "loop/"],
    "find": ["find", "MyR2", "key"],
}


@pytest.mark.parametrize("pager", [same_token, empty_pages], ids=["same-token", "empty-pages"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_listing_that_never_ends_is_stopped_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pager: Pager, command: str
) -> None:
    with FakeS3(pager, max_pages=500) as fake:
        root = fake_app(tmp_path, fake)
        args = [a.replace("{out}", str(tmp_path / "out")) for a in COMMANDS[command]]
        code = main(["--app-root", str(root), *args])
    err = capsys.readouterr().err
    assert code == 1, err  # server_error; before, it listed until the fake server gave up
    assert fake.list_calls <= 101  # stopped by itself, long before the fake's own end (500)
    assert "never end" in err and "[server_error]" in err
    assert err.count("\n") == 1  # one line
    assert len(fake.deleted) == len(set(fake.deleted)) <= 1  # no page was deleted twice


# -- terminal injection ----------------------------------------------------------------------

EVIL = {
    "clear": "evil\x1b[2J\x1b[31mred.txt",
    "title": "title\x1b]0;pwned\x07.txt",
    "newline": "forged\n           5 B  2026-01-01 00:00:00  fake.txt",
    "bidi": "bidi\u202etxt.exe",
    "tab": "tab\there.txt",
    "plain": "plain.txt",
}


def run_on_terminal(args: list[str]) -> tuple[int, str]:
    """``r2desk ARGS`` with stdout and stderr on a pseudo-terminal: what a viewer would see."""
    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "r2desk.cli", *args],
        stdout=follower,
        stderr=follower,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_ls_escapes_control_characters_on_a_terminal_and_json_stays_exact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = [f"keys/{key}" for key in EVIL.values()]
    with FakeS3(fixed_keys(keys)) as fake:
        root = fake_app(tmp_path, fake)
        code, screen = run_on_terminal(["--app-root", str(root), "ls", "MyR2", "keys/"])
        assert code == 0, screen
        assert "\x1b" not in screen and "\x07" not in screen and "\u202e" not in screen
        lines = screen.replace("\r\n", "\n").splitlines()
        assert len(lines) == len(EVIL)  # the newline key did not forge a line of its own
        assert not any(line.endswith("  fake.txt") for line in lines)
        assert any(r"'keys/evil\x1b[2J\x1b[31mred.txt'" in line for line in lines)
        assert any(r"'keys/bidi\u202etxt.exe'" in line for line in lines)
        assert any(line.endswith("keys/plain.txt") for line in lines)  # plain names as they are
        for args in (
            ["ls", "MyR2", "-r"],
            ["find", "MyR2", "keys/"],
            ["rm", "-r", "MyR2", "keys/"],
        ):
            code, screen = run_on_terminal(["--app-root", str(root), *args])
            assert code == 0, screen
            assert "\x1b" not in screen and "\u202e" not in screen, args
            if args[0] != "rm":
                assert len(screen.replace("\r\n", "\n").splitlines()) >= len(EVIL), args
        # JSON (and piped output, as ls does) keeps every key exact
        assert main(["--app-root", str(root), "ls", "MyR2", "keys/", "--json"]) == 0
        listing = json.loads(capsys.readouterr().out)
        assert [o["key"] for o in listing["objects"]] == keys
        assert main(["--app-root", str(root), "ls", "MyR2", "keys/"]) == 0
        assert EVIL["newline"] in capsys.readouterr().out


def test_error_lines_escape_control_characters(
    app: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--app-root", str(app), "stat", "MyR2", "gone\x1b[2J\n.txt"]) == 3
    err = capsys.readouterr().err
    assert "\x1b" not in err and err.count("\n") == 1
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "name\x1b[31m.txt").mkdir()  # an empty folder whose marker key is fine
    os.mkfifo(tree / "pipe\x1b[2J")
    assert main(["--app-root", str(app), "put", "-r", "MyR2", str(tree), "t/", "-q"]) == 0
    err = capsys.readouterr().err
    assert "skipped" in err and "\x1b" not in err


# -- listings are printed as they arrive -----------------------------------------------------


def test_ls_r_prints_each_page_before_the_next_arrives(tmp_path: Path) -> None:
    """Memory that does not grow with the key count: the first page is on the screen while
    the server still holds the second (before, ls held every entry until the last page)."""
    release = threading.Event()

    def two_pages(page: int, token: str | None) -> tuple[list[str], str | None]:
        if page == 1:
            return [f"big/{i:04d}" for i in range(1000)], "page-2"
        release.wait(30)  # the second page waits until the test saw the first
        return ["big/last"], None

    with FakeS3(two_pages) as fake:
        root = fake_app(tmp_path, fake)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")])}
        with subprocess.Popen(
            [sys.executable, "-m", "r2desk.cli", "--app-root", str(root), "ls", "-r", "MyR2"],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        ) as proc:
            assert proc.stdout is not None
            try:
                ready, _, _ = select.select([proc.stdout], [], [], 30)
                assert ready, "nothing printed while the second page was held"
                first = proc.stdout.readline()
                assert first.rstrip().endswith("big/0000")
            finally:
                release.set()
            rest = proc.stdout.read()
            assert proc.wait(30) == 0
    assert rest.rstrip().endswith("big/last") and len(rest.splitlines()) == 1000
