"""StorageError: one plain sentence naming type, element, operation and key; never a secret."""

from __future__ import annotations

import logging
import pickle
import socket
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.elements import write_element
from support.servers import MotoHandle, SeaweedHandle

from r2desk import App, StorageError
from r2desk.cli.main import main as cli_main
from r2desk.errors import WORDS, ErrorCode, RedactedError, redact, register_secret

SECRET = "Zz9-DISTINCTIVE-secret-value-7fQ"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def all_text(exc: BaseException) -> str:
    """Everything a user could ever see of an exception: str, repr, causes, traceback."""
    parts = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    node: BaseException | None = exc
    while node is not None:
        parts += [str(node), repr(node), str(node.args)]
        node = node.__cause__ or node.__context__
    return "\n".join(parts)


FAILURES: dict[str, Callable[[Any], Any]] = {
    "missing key": lambda r: r.download("no/such/key"),
    "missing key head": lambda r: r.getObject("no/such/key"),
    "empty key": lambda r: r.uploadByFile("", b"x"),
    "long key": lambda r: r.delete("x" * 1025),
    "bad expires": lambda r: r.getSignUrl("k", "text/plain", 10**9),
    "bad data": lambda r: r.uploadByFile("k", 12),
    "copy missing": lambda r: r.copy("no/such", "x"),
    "move same": lambda r: r.move("a", "a"),
    "public url": lambda r: r.getPublicUrl("k"),
}


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_no_secret_in_any_failure_moto(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    case: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    write_element(tmp_path, moto_server.s3, moto_bucket, secret=SECRET)
    el = App(tmp_path).getElement("storages.MyR2")
    with pytest.raises(StorageError) as info:
        FAILURES[case](el)
    text = all_text(info.value)
    assert SECRET not in text
    assert SECRET not in caplog.text
    assert "storages.CloudflareR2Type" in str(info.value) and "storages.MyR2" in str(info.value)
    assert info.value.operation in str(info.value)


@pytest.mark.parametrize("where", ["unreachable", "missing bucket", "wrong secret"])
def test_no_secret_in_network_and_auth_failures(
    tmp_path: Path,
    moto_server: MotoHandle,
    sigv4_server: SeaweedHandle,
    sigv4_bucket: str,
    where: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    if where == "unreachable":
        write_element(
            tmp_path,
            moto_server.s3,
            "bucket",
            secret=SECRET,
            endPoint=f"http://127.0.0.1:{closed_port()}",
        )
    elif where == "missing bucket":
        write_element(tmp_path, moto_server.s3, "no-such-bucket-z", secret=SECRET)
    else:  # the distinctive secret is the wrong one here
        write_element(tmp_path, sigv4_server.s3, sigv4_bucket, secret=SECRET)
    el = App(tmp_path).getElement("storages.MyR2")
    el.client.meta.config.retries["total_max_attempts"] = 1
    for call in (
        lambda: el.download("k"),
        lambda: el.uploadByFile("k", b"1"),
        lambda: el.listObjects(),
        lambda: el.deleteMany(["k"]),
    ):
        with pytest.raises(StorageError) as info:
            call()
        assert SECRET not in all_text(info.value)
    report = el.testConnection()
    assert report["ok"] is False
    assert SECRET not in repr(report)
    assert SECRET not in caplog.text


def test_no_secret_from_keyring_or_env(
    tmp_path: Path, moto_server: MotoHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setenv("R2_SECRET_ACCESS_KEY", SECRET + "-env")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        write_element(tmp_path, moto_server.s3, "no-such-bucket-q", secret=None)
        el = App(tmp_path).getElement("storages.MyR2")
        with pytest.raises(StorageError) as info:
            el.uploadByFile("k", b"1")
    finally:
        keyring.set_keyring(previous)
    assert SECRET not in all_text(info.value)


def test_cli_stderr_has_no_secret(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write_element(tmp_path, moto_server.s3, moto_bucket, secret=SECRET)
    for argv in (
        ["get", "MyR2", "nope", "-"],
        ["sign", "MyR2", "k", "--expires", "0"],
        ["check", "MyR2", "--json"],
        ["stat", "MyR2", "nope"],
    ):
        cli_main(["--app-root", str(tmp_path), *argv])
        out, err = capsys.readouterr()
        assert SECRET not in out and SECRET not in err


def test_a_cause_carrying_a_secret_is_replaced() -> None:
    register_secret(SECRET)
    original = ValueError(f"backend said: key={SECRET}")
    err = StorageError(
        "unknown",
        operation="download",
        key="k",
        element="storages.X",
        detail=f"context {SECRET}",
        cause=original,
    )
    assert isinstance(err.cause, RedactedError) and err.__cause__ is err.cause
    assert "ValueError" in str(err.cause) and "***" in str(err.cause)
    assert SECRET not in all_text(err)
    clean = KeyError("k")
    assert StorageError("not_found", operation="x", cause=clean).cause is clean


def test_message_shape_and_pickling() -> None:
    err = StorageError(
        "not_found",
        operation="download",
        key="a b.txt",
        element="storages.MyR2",
        detail="NoSuchKey",
    )
    assert str(err) == (
        "storages.CloudflareR2Type storages.MyR2: download on key 'a b.txt' failed: "
        "the object does not exist (NoSuchKey) [not_found]"
    )
    assert repr(err) == f"StorageError({str(err)!r})"
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back, StorageError) and str(back) == str(err) and back.code == "not_found"
    # Codes are a closed set: a misspelt one is a programming error, not a silent "unknown".
    with pytest.raises(ValueError, match="made-up"):
        StorageError("made-up", operation="x")


def test_every_code_has_words_and_an_exit_code() -> None:
    """The one table covers every code, so the CLI, the GUI and the connection test agree."""
    assert set(WORDS) == set(ErrorCode)
    for code, words in WORDS.items():
        err = StorageError(code, operation="op")
        assert err.hint == words.hint and err.todo == words.todo
        assert err.exit_code == words.exit_code and 0 <= err.exit_code < 256
        assert words.hint and words.hint[0].islower(), code


def test_redact_prefers_longest_and_ignores_tiny() -> None:
    register_secret("abc")  # too short to scrub safely: would mangle ordinary words
    assert redact("abc") == "abc"
    assert redact("x Secret-One-Long y", extra=["Secret-One", "Secret-One-Long"]) == "x *** y"


def test_failures_are_said_in_words_not_api_names() -> None:
    from r2desk.errors import failure_words

    assert failure_words("listObjects", "photos/") == "Could not list 'photos/'"
    assert failure_words("listObjects", "") == "Could not list the bucket root"
    assert failure_words("listObjects", None) == "Could not list the bucket root"
    assert failure_words("getObject", "a.txt") == "Could not read the properties of 'a.txt'"
    assert failure_words("listBuckets", None) == "Could not list the buckets"
    long = failure_words("download", "k/" + "x" * 200)
    assert long.endswith("…'") and len(long) < 120
