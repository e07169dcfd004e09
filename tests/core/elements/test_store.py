"""Creating, editing, renaming, duplicating and deleting connections; secrets in the keyring."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from support.connections import ACCOUNT, EU_URL, KEY, R2_URL, SECRET, all_text, mode, r2_conn
from support.elements import write_element
from support.memkeyring import MemoryKeyring
from support.servers import MotoHandle

from r2desk.credentials import PLAINTEXT_ENV, SERVICE, KeyringUnavailable, entry_name
from r2desk.elements import App, store
from r2desk.elements.connection import EditorError
from r2desk.errors import StorageError
from r2desk.storages.meta import SECRET_ENV

# -- create -----------------------------------------------------------------------------------


def test_create_puts_secret_in_keyring_only(
    app: App,
    memory_keyring: MemoryKeyring,
) -> None:
    result = store.save_connection(app, r2_conn(), secret=SECRET)
    folder = app.root / "storages" / "MyR2"
    assert result.name == "storages.MyR2" and result.secret_location == "keyring"
    assert memory_keyring.entries == {(SERVICE, entry_name(R2_URL, KEY)): SECRET}
    assert SECRET not in all_text(app.root)
    e_json = json.loads((folder / "e.json").read_text())
    assert e_json == {
        "title": "My R2",
        "type": "storages.CloudflareR2Type",
        "backendBundleEntry": ".",
        "variables": [],
    }
    config = json.loads((folder / "MyR2.json").read_text())
    assert config["endPoint"] == f"{ACCOUNT}.r2.cloudflarestorage.com"
    assert "accessKeySecret" not in config
    if os.name == "posix":
        assert mode(folder) == 0o700
        assert mode(folder / "e.json") == mode(folder / "MyR2.json") == 0o600
    assert sorted(p.name for p in folder.parent.iterdir()) == ["MyR2"]  # no temp leftovers
    element = app.getElement("storages.MyR2")
    assert element.resolve_secret() == SECRET
    assert element.config.endpoint_url == R2_URL


def test_create_refuses_existing_name(app: App, memory_keyring: MemoryKeyring) -> None:
    store.save_connection(app, r2_conn(), secret=SECRET)
    with pytest.raises(EditorError) as info:
        store.save_connection(app, r2_conn(name="myr2", accessKeyId="b2" * 16), secret="e" * 64)
    assert info.value.field == "name"
    assert len(memory_keyring.entries) == 1


def test_invalid_form_writes_nothing(app: App, memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(EditorError) as info:
        store.save_connection(app, r2_conn(bucketName="X"), secret=SECRET)
    assert info.value.field == "bucketName" and "Bucket" in str(info.value)
    assert not memory_keyring.entries and not (app.root / "storages").exists()


# -- no keyring -------------------------------------------------------------------------------


def test_no_keyring_writes_nothing(
    app: App,
    missing_keyring: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(PLAINTEXT_ENV, "1")  # the environment alone does not write a secret
    with pytest.raises(KeyringUnavailable) as info:
        store.save_connection(app, r2_conn(), secret=SECRET)
    assert "Secret Service" in str(info.value) and PLAINTEXT_ENV in str(info.value)
    assert not app.root.exists() or not any(app.root.rglob("*"))


def test_plaintext_only_with_explicit_opt_in(
    app: App,
    missing_keyring: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # plaintext=True is the opt-in; each face makes it deliberate (the CLI wants --plaintext
    # and the environment variable, the form a visible choice with its warning).
    monkeypatch.delenv(PLAINTEXT_ENV, raising=False)
    result = store.save_connection(app, r2_conn(), secret=SECRET, plaintext=True)
    assert result.secret_location == "file"
    path = app.root / "storages" / "MyR2" / "MyR2.json"
    assert json.loads(path.read_text())["accessKeySecret"] == SECRET
    if os.name == "posix":
        assert mode(path) == 0o600


def test_no_keyring_without_secret_uses_environment(
    app: App,
    missing_keyring: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(SECRET_ENV, "env-secret-123")
    assert store.save_connection(app, r2_conn()).secret_location == "unchanged"
    assert app.getElement("storages.MyR2").resolve_secret() == "env-secret-123"


# -- edit, rename, duplicate, delete ------------------------------------------------------------


def test_edit_keeps_the_secret_and_other_fields(
    app: App,
    memory_keyring: MemoryKeyring,
) -> None:
    store.save_connection(app, r2_conn(), secret=SECRET)
    folder = app.root / "storages" / "MyR2"
    raw = json.loads((folder / "MyR2.json").read_text())
    raw["caBundle"] = "/etc/ca.pem"
    raw["custom"] = {"kept": True}
    (folder / "MyR2.json").write_text(json.dumps(raw))
    e_json = json.loads((folder / "e.json").read_text())
    e_json["variables"] = [{"name": "v"}]
    (folder / "e.json").write_text(json.dumps(e_json))
    app.getElement("storages.MyR2")  # cached: save must make the app re-read

    conn = store.load_connection(app, "storages.MyR2")
    conn.title, conn.bucketName = "Renamed title", "videos"
    store.save_connection(app, conn, original="MyR2")
    raw = json.loads((folder / "MyR2.json").read_text())
    assert raw["caBundle"] == "/etc/ca.pem" and raw["custom"] == {"kept": True}
    assert json.loads((folder / "e.json").read_text())["variables"] == [{"name": "v"}]
    element = app.getElement("storages.MyR2")
    assert element.title == "Renamed title" and element.config.bucketName == "videos"
    assert element.resolve_secret() == SECRET

    store.save_connection(app, conn, secret="9" * 64, original="MyR2")
    assert memory_keyring.entries == {(SERVICE, entry_name(R2_URL, KEY)): "9" * 64}


def test_rename_keeps_secret_and_moves_folder(
    app: App,
    memory_keyring: MemoryKeyring,
) -> None:
    store.save_connection(app, r2_conn(), secret=SECRET)
    conn = store.load_connection(app, "MyR2")
    conn.name = "Photos"
    store.save_connection(app, conn, original="MyR2")
    base = app.root / "storages"
    assert sorted(p.name for p in base.iterdir()) == ["Photos"]
    assert sorted(p.name for p in (base / "Photos").iterdir()) == ["Photos.json", "e.json"]
    assert app.getElement("storages.Photos").resolve_secret() == SECRET
    assert list(memory_keyring.entries.values()) == [SECRET]


def test_changing_jurisdiction_moves_the_entry(
    app: App,
    memory_keyring: MemoryKeyring,
) -> None:
    store.save_connection(app, r2_conn(), secret=SECRET)
    conn = store.load_connection(app, "MyR2")
    conn.jurisdiction = "eu"
    result = store.save_connection(app, conn, original="MyR2")
    assert result.removed_entry == entry_name(R2_URL, KEY)
    assert memory_keyring.entries == {(SERVICE, entry_name(EU_URL, KEY)): SECRET}
    assert app.getElement("storages.MyR2").resolve_secret() == SECRET


def test_duplicate_shares_the_entry_until_the_last_delete(
    app: App,
    memory_keyring: MemoryKeyring,
) -> None:
    store.save_connection(app, r2_conn(), secret=SECRET)
    copy = store.duplicate_connection(app, "MyR2", "MyR2Copy")
    assert copy.name == "storages.MyR2Copy"
    assert app.getElement("storages.MyR2Copy").title == "My R2 (copy)"
    assert app.getElement("storages.MyR2Copy").resolve_secret() == SECRET
    # Moving the original elsewhere keeps the entry the copy still uses.
    conn = store.load_connection(app, "MyR2")
    conn.jurisdiction = "eu"
    assert store.save_connection(app, conn, original="MyR2").removed_entry == ""
    assert len(memory_keyring.entries) == 2
    first = store.delete_element(app, "MyR2Copy")
    assert first.secret_removed and first.shared_with == []
    assert not (app.root / "storages" / "MyR2Copy").exists()
    assert memory_keyring.entries == {(SERVICE, entry_name(EU_URL, KEY)): SECRET}
    store.duplicate_connection(app, "MyR2", "Again")
    shared = store.delete_element(app, "storages.MyR2")
    assert not shared.secret_removed and shared.shared_with == ["Again"]
    assert store.delete_element(app, "Again").secret_removed
    assert memory_keyring.entries == {}
    assert list((app.root / "storages").iterdir()) == []


def test_delete_with_locked_keyring_changes_nothing(
    app: App,
    memory_keyring: MemoryKeyring,
) -> None:
    store.save_connection(app, r2_conn(), secret=SECRET)
    before = {p.name: p.read_bytes() for p in (app.root / "storages" / "MyR2").iterdir()}
    memory_keyring.locked = True
    with pytest.raises(KeyringUnavailable, match="locked") as info:
        store.delete_element(app, "MyR2")
    # A StorageError, so the GUI's task pool reports it as a failure in words, not a crash.
    assert isinstance(info.value, StorageError) and info.value.code == "keyring_unavailable"
    assert info.value.reason == "locked"
    after = {p.name: p.read_bytes() for p in (app.root / "storages" / "MyR2").iterdir()}
    assert after == before
    assert [p.name for p in (app.root / "storages").iterdir()] == ["MyR2"]


def test_delete_without_any_keyring_removes_the_folder(
    app: App,
    missing_keyring: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(SECRET_ENV, "x" * 64)
    store.save_connection(app, r2_conn())
    assert store.delete_element(app, "MyR2").secret_removed is False
    assert not (app.root / "storages" / "MyR2").exists()


def test_delete_unknown_is_an_error(app: App) -> None:
    with pytest.raises(EditorError, match="no connection named"):
        store.delete_element(app, "Nope")


# -- plain-text secrets -----------------------------------------------------------------------


def test_migrate_plaintext_secret(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    memory_keyring: MemoryKeyring,
) -> None:
    write_element(tmp_path, moto_server.s3, moto_bucket, secret="plain-secret-123")
    app = App(tmp_path)
    app.getElement("storages.MyR2")
    assert store.has_plaintext_secret(app, "MyR2")
    assert store.migrate_secret_to_keyring(app, "storages.MyR2") is True
    assert "plain-secret-123" not in all_text(tmp_path)
    assert not store.has_plaintext_secret(app, "MyR2")
    url = moto_server.s3.endpoint_url
    assert memory_keyring.entries == {
        (SERVICE, entry_name(url, moto_server.s3.access_key)): "plain-secret-123"
    }
    element = app.getElement("storages.MyR2")
    assert element.resolve_secret() == "plain-secret-123"
    assert element.testConnection()["ok"]
    assert store.migrate_secret_to_keyring(app, "MyR2") is False


def test_migrate_without_keyring_leaves_file_alone(
    tmp_path: Path,
    moto_server: MotoHandle,
    missing_keyring: object,
) -> None:
    folder = write_element(tmp_path, moto_server.s3, "bucket-1", secret="plain-secret-123")
    before = (folder / "MyR2.json").read_bytes()
    with pytest.raises(KeyringUnavailable):
        store.migrate_secret_to_keyring(App(tmp_path), "MyR2")
    assert (folder / "MyR2.json").read_bytes() == before


def test_saving_an_edit_moves_a_plaintext_secret_to_keyring(
    tmp_path: Path,
    moto_server: MotoHandle,
    memory_keyring: MemoryKeyring,
) -> None:
    write_element(tmp_path, moto_server.s3, "bucket-1", secret="plain-secret-123")
    app = App(tmp_path)
    conn = store.load_connection(app, "MyR2")
    assert conn.file_secret == "plain-secret-123"
    result = store.save_connection(app, conn, original="MyR2")
    assert result.secret_location == "keyring"
    assert "plain-secret-123" not in all_text(tmp_path)


# -- atomicity ----------------------------------------------------------------------------------


def test_failed_write_keeps_old_file_and_rolls_back_keyring(
    app: App,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.save_connection(app, r2_conn(), secret=SECRET)
    folder = app.root / "storages" / "MyR2"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", broken_replace)
    conn = store.load_connection(app, "MyR2")
    conn.bucketName = "other"
    with pytest.raises(OSError, match="No space"):
        store.save_connection(app, conn, secret="7" * 64, original="MyR2")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no temp files either
    assert memory_keyring.entries == {(SERVICE, entry_name(R2_URL, KEY)): SECRET}
    with pytest.raises(OSError):
        store.save_connection(app, r2_conn(name="New", accessKeyId="c3" * 16), secret="7" * 64)
    assert [p.name for p in (app.root / "storages").iterdir()] == ["MyR2"]
    assert len(memory_keyring.entries) == 1
