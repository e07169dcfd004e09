"""``r2desk connections``: the same operations as the form, the secret never from an argument."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from support.memkeyring import MemoryKeyring
from support.servers import MotoHandle

from r2desk.cli.main import main
from r2desk.credentials import PLAINTEXT_ENV, SERVICE, entry_name

ACCOUNT = "0123456789abcdef0123456789abcdef"
KEY = "a1" * 16
SECRET = "f0" * 32


def run(root: Path, *argv: str, stdin: str = "", tty: bool = False) -> int:
    fake = io.StringIO(stdin)
    fake.isatty = lambda: tty  # type: ignore[method-assign]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdin", fake)
        return main(["--app-root", str(root), "connections", *argv])


def add_r2(root: Path, name: str = "MyR2", *extra: str, stdin: str = SECRET + "\n") -> int:
    return run(
        root,
        "add",
        name,
        "--account-id",
        ACCOUNT,
        "--bucket",
        "photos",
        "--access-key-id",
        KEY,
        "--secret-stdin",
        *extra,
        stdin=stdin,
    )


def test_add_list_edit_remove(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert add_r2(tmp_path, "MyR2", "--jurisdiction", "eu", "--title", "Photos") == 0
    out = capsys.readouterr().out
    assert "created storages.MyR2" in out and "OS keyring" in out
    url = f"https://{ACCOUNT}.eu.r2.cloudflarestorage.com"
    assert memory_keyring.entries == {(SERVICE, entry_name(url, KEY)): SECRET}
    assert SECRET not in (tmp_path / "storages" / "MyR2" / "MyR2.json").read_text()

    assert run(tmp_path, "list", "--json", "--secrets") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [
        {
            "name": "storages.MyR2",
            "title": "Photos",
            "type": "storages.CloudflareR2Type",
            "endpoint": url,
            "bucket": "photos",
            "secret": "keyring",
        }
    ]

    assert run(tmp_path, "edit", "MyR2", "--rename", "Pics", "--bucket", "pics") == 0
    assert "secret was not changed" in capsys.readouterr().out
    assert [p.name for p in (tmp_path / "storages").iterdir()] == ["Pics"]
    assert run(tmp_path, "edit", "Pics", "--secret-stdin", stdin="e" * 64 + "\n") == 0
    assert list(memory_keyring.entries.values()) == ["e" * 64]

    assert run(tmp_path, "copy", "Pics", "Pics2") == 0
    assert run(tmp_path, "remove", "Pics") == 2  # no terminal and no --yes
    assert "--yes" in capsys.readouterr().err
    assert run(tmp_path, "remove", "Pics", "--yes") == 0
    assert "also used by Pics2" in capsys.readouterr().out
    assert run(tmp_path, "remove", "Pics2", "--yes") == 0
    assert "removed its secret" in capsys.readouterr().out
    assert memory_keyring.entries == {}


def test_secret_prompt_is_hidden(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or SECRET)
    code = run(
        tmp_path,
        "add",
        "MyR2",
        "--account-id",
        ACCOUNT,
        "--bucket",
        "photos",
        "--access-key-id",
        KEY,
        tty=True,
    )
    assert code == 0 and asked == ["Secret access key (hidden): "]
    assert list(memory_keyring.entries.values()) == [SECRET]


def test_no_terminal_no_secret_is_refused(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = run(
        tmp_path, "add", "X", "--account-id", ACCOUNT, "--bucket", "b-1", "--access-key-id", KEY
    )
    assert code == 2 and "--secret-stdin" in capsys.readouterr().err
    assert not (tmp_path / "storages").exists()


def test_there_is_no_secret_argument() -> None:
    with pytest.raises(SystemExit):
        main(["connections", "add", "X", "--secret", SECRET])


def test_form_mistakes_before_the_prompt(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert add_r2(tmp_path, "bad name") == 2
    assert "Short name" in capsys.readouterr().err


def test_no_keyring_is_explained_and_nothing_written(
    tmp_path: Path,
    missing_keyring: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv(PLAINTEXT_ENV, raising=False)
    assert add_r2(tmp_path) == 4
    err = capsys.readouterr().err
    assert "No OS keyring" in err and PLAINTEXT_ENV in err and SECRET not in err
    assert not (tmp_path / "storages").exists()
    assert add_r2(tmp_path, "MyR2", "--plaintext") == 2  # needs the environment opt-in too
    monkeypatch.setenv(PLAINTEXT_ENV, "1")
    assert add_r2(tmp_path, "MyR2", "--plaintext") == 0
    captured = capsys.readouterr()
    assert "PLAIN TEXT" in captured.out and "warning" in captured.err


def test_test_and_migrate_against_moto(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    s3 = moto_server.s3
    common = ["--endpoint", s3.endpoint_url, "--access-key-id", s3.access_key]
    assert run(tmp_path, "add", "Local", *common, "--bucket", moto_bucket, "--no-secret") == 0
    folder = tmp_path / "storages" / "Local"
    raw = json.loads((folder / "Local.json").read_text())
    raw["accessKeySecret"] = "plain-secret-123"
    (folder / "Local.json").write_text(json.dumps(raw))
    assert run(tmp_path, "list", "--secrets") == 0
    assert "secret: file" in capsys.readouterr().out
    assert run(tmp_path, "migrate", "Local") == 0
    assert "plain-secret-123" not in (folder / "Local.json").read_text()
    assert run(tmp_path, "test", "Local") == 0
    assert "credentials: ok" in capsys.readouterr().out

    assert run(tmp_path, "edit", "Local", "--bucket", "no-such-bucket-here") == 0
    assert run(tmp_path, "test", "Local", "--no-write") == 3
    assert "no bucket named 'no-such-bucket-here'" in capsys.readouterr().err
