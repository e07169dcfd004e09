"""The credential store on the keyring API, the secret resolution order, and log redaction."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import keyring.errors
import pytest
from keyring.backends import null
from support.elements import write_element
from support.memkeyring import MemoryKeyring, installed
from support.servers import LocalS3

from r2desk.credentials import (
    PLAINTEXT_ENV,
    SERVICE,
    CredentialStore,
    KeyringUnavailable,
    entry_name,
    plaintext_allowed,
)
from r2desk.elements import App
from r2desk.errors import StorageError, register_secret
from r2desk.logs import add_file_handler, install_redaction
from r2desk.storages.meta import SECRET_ENV

URL = "https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com"
KEY = "k" * 32
SECRET = "s3cr3t-" + "x" * 57

FAKE = LocalS3(endpoint_url="http://127.0.0.1:9", access_key=KEY, secret_key="file-secret-1234")


def test_entry_name_is_key_id_at_endpoint() -> None:
    assert entry_name(URL + "/", KEY) == f"{KEY}@{URL}"


def test_set_get_delete_roundtrip(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore()
    assert store.get(URL, KEY) is None
    store.set(URL, KEY, SECRET)
    assert memory_keyring.entries == {(SERVICE, f"{KEY}@{URL}"): SECRET}
    assert store.get(URL, KEY) == SECRET
    assert store.delete(URL, KEY) is True
    assert store.delete(URL, KEY) is False
    assert store.get(URL, KEY) is None


def test_check_names_the_backend(memory_keyring: MemoryKeyring) -> None:
    assert CredentialStore().check() == memory_keyring.name


def test_no_keyring_is_a_clear_error(missing_keyring: object) -> None:
    store = CredentialStore()
    for call in (
        store.check,
        lambda: store.get(URL, KEY),
        lambda: store.set(URL, KEY, SECRET),
        lambda: store.delete(URL, KEY),
    ):
        with pytest.raises(KeyringUnavailable) as info:
            call()
        assert info.value.reason == "missing"
        text = str(info.value)
        assert "Secret Service" in text and "gnome-keyring" in text
        assert SECRET_ENV in text and PLAINTEXT_ENV in text
        assert SECRET not in text


def test_locked_keyring_says_unlock(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.locked = True
    with pytest.raises(KeyringUnavailable) as info:
        CredentialStore().set(URL, KEY, SECRET)
    assert info.value.reason == "locked"
    assert "locked" in str(info.value) and "Unlock" in str(info.value)


def test_unopenable_keyring_says_unlock(memory_keyring: MemoryKeyring) -> None:
    """What the Secret Service answers when its unlock prompt cannot be shown (no display)."""

    def refuse(*_args: object) -> None:
        raise keyring.errors.InitError("Failed to create the collection: Prompt dismissed..")

    memory_keyring.get_password = refuse  # type: ignore[method-assign]
    with pytest.raises(KeyringUnavailable) as info:
        CredentialStore().get(URL, KEY)
    assert info.value.reason == "locked" and "unlock prompt" in str(info.value)


def test_null_backend_counts_as_unavailable() -> None:
    """The null backend forgets what it is given: storing there would lose the secret."""
    with installed(null.Keyring()):
        with pytest.raises(KeyringUnavailable) as info:
            CredentialStore().set(URL, KEY, SECRET)
        assert info.value.reason == "disabled"


def test_a_backend_that_drops_secrets_is_caught(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.set_password = lambda *a: None  # type: ignore[method-assign]
    with pytest.raises(KeyringUnavailable, match="did not keep it"):
        CredentialStore().set(URL, KEY, SECRET)


@pytest.mark.parametrize(
    ("value", "allowed"), [("", False), ("0", False), ("1", True), ("yes", True), ("no", False)]
)
def test_plaintext_opt_in(monkeypatch: pytest.MonkeyPatch, value: str, allowed: bool) -> None:
    monkeypatch.setenv(PLAINTEXT_ENV, value)
    assert plaintext_allowed() is allowed


# -- resolution order: config file, then keyring, then environment ---------------------------


def _element(root: Path, secret: str | None) -> App:
    write_element(root, FAKE, "bucket-1", secret=secret)
    return App(root)


def test_file_secret_wins(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(SECRET_ENV, "env-secret-1234")
    app = _element(tmp_path, "file-secret-1234")
    CredentialStore().set(FAKE.endpoint_url, KEY, "keyring-secret-1234")
    assert app.getElement("storages.MyR2").resolve_secret() == "file-secret-1234"


def test_keyring_before_environment(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(SECRET_ENV, "env-secret-1234")
    app = _element(tmp_path, None)
    element = app.getElement("storages.MyR2")
    CredentialStore().set(FAKE.endpoint_url, KEY, "keyring-secret-1234")
    assert element.resolve_secret() == "keyring-secret-1234"
    CredentialStore().delete(FAKE.endpoint_url, KEY)
    assert element.resolve_secret() == "env-secret-1234"


def test_environment_when_no_keyring(
    tmp_path: Path,
    missing_keyring: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(SECRET_ENV, "env-secret-1234")
    assert _element(tmp_path, None).getElement("storages.MyR2").resolve_secret() == (
        "env-secret-1234"
    )


def test_nowhere_names_the_three_places(
    tmp_path: Path,
    missing_keyring: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    element = _element(tmp_path, None).getElement("storages.MyR2")
    with pytest.raises(StorageError) as info:
        element.resolve_secret()
    text = str(info.value)
    assert info.value.code == "missing_secret"
    assert "MyR2.json" in text and "accessKeySecret" in text
    assert "'r2desk'" in text and entry_name(FAKE.endpoint_url, KEY) in text
    assert SECRET_ENV in text and "No OS keyring is available" in text


# -- logs -----------------------------------------------------------------------------------


def test_logs_are_scrubbed(tmp_path: Path) -> None:
    secret = "log-secret-" + os.urandom(8).hex()
    register_secret(secret)
    logger = logging.getLogger("r2desk")
    previous = logging.getLogRecordFactory()
    handler = add_file_handler(tmp_path / "logs" / "r2desk.log", logger=logger)
    try:
        install_redaction()
        child = logging.getLogger("r2desk.some.module")
        child.info("plain %s and in args: %r", secret, {"k": secret})
        try:
            raise ValueError(f"boom {secret}")
        except ValueError:
            child.exception("failed with %s", secret)
        handler.flush()
    finally:
        logger.removeHandler(handler)
        handler.close()
        logging.setLogRecordFactory(previous)
    text = (tmp_path / "logs" / "r2desk.log").read_text()
    assert "plain ***" in text and "boom ***" in text
    assert secret not in text
    assert stat.S_IMODE((tmp_path / "logs" / "r2desk.log").stat().st_mode) == 0o600


def test_every_logger_is_scrubbed(caplog: pytest.LogCaptureFixture) -> None:
    """Third-party loggers (botocore, urllib3) reach root handlers without r2desk's filter."""
    secret = "other-logger-" + os.urandom(8).hex()
    register_secret(secret)
    previous = logging.getLogRecordFactory()
    try:
        install_redaction()
        install_redaction()  # idempotent: one factory, not two
        with caplog.at_level(logging.INFO, logger="botocore.somewhere"):
            logging.getLogger("botocore.somewhere").info("signing with %s", secret)
    finally:
        logging.setLogRecordFactory(previous)
    assert "signing with ***" in caplog.text and secret not in caplog.text
