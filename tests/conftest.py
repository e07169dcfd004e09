"""Shared pytest fixtures.

Server fixtures: ``moto_server`` (fast, no signature checks) and ``sigv4_server`` (SeaweedFS
over HTTPS with a self-signed certificate, really checks SigV4), each session-wide, plus
``moto_bucket`` / ``sigv4_bucket`` giving every test a fresh bucket.
"""

from __future__ import annotations

import contextlib
import os

# GUI tests drive real Qt widgets; there is no display on CI. Must be set before Qt loads.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# As r2desk/__init__.py does: the test servers' boto3 is imported before r2desk, and must sign
# with botocore's own signers too where awscrt is installed (test_crt_signers.py runs both).
os.environ.setdefault("BOTO_DISABLE_CRT", "true")

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from support.faultproxy import FaultProxy
from support.servers import (
    MotoHandle,
    SeaweedHandle,
    find_weed,
    start_moto,
    start_seaweed,
)

# In-memory and missing keyring fixtures (memory_keyring, missing_keyring) for every test module.
pytest_plugins = ["support.memkeyring"]


@pytest.fixture(autouse=True)
def _private_state_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The transfer journal, the logs and the cache (opened files, drag-outs) of every test
    live in temp folders, never the user's."""
    monkeypatch.setenv("R2DESK_STATE_DIR", str(tmp_path_factory.mktemp("state")))
    monkeypatch.setenv("R2DESK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("R2DESK_LOG_DIR", str(tmp_path_factory.mktemp("logs")))


@pytest.fixture(autouse=True)
def _cli_logging_reset() -> Iterator[None]:
    """A test that ran the CLI's main() leaves no handler on the root logger for the next."""
    import logging

    from r2desk.logs import reset_cli_logging

    level = logging.getLogger().level
    yield
    reset_cli_logging()
    logging.getLogger().setLevel(level)


# ---------------------------------------------------------------------------- servers


@pytest.fixture(scope="session")
def moto_server() -> Iterator[MotoHandle]:
    """In-process moto S3 server for the whole session (``.s3`` is its LocalS3)."""
    handle = start_moto()
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture(scope="session")
def sigv4_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedHandle]:
    """SeaweedFS S3 over HTTPS that verifies SigV4, for the whole session.

    Fails (never skips) when weed is missing: CI installs it with the test extra.
    """
    try:
        find_weed()
    except FileNotFoundError as exc:
        pytest.fail(str(exc), pytrace=False)
    handle = start_seaweed(tmp_path_factory.mktemp("seaweed"), tls=True)
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def moto_bucket(moto_server: MotoHandle) -> str:
    """Name of a fresh, empty bucket on ``moto_server``."""
    return moto_server.s3.make_bucket()


@pytest.fixture
def proxy(moto_server: MotoHandle) -> Iterator[FaultProxy]:
    """A fault-injecting proxy in front of ``moto_server`` (point a client at its endpoint)."""
    parts = urlsplit(moto_server.s3.endpoint_url)
    with FaultProxy(parts.hostname or "127.0.0.1", parts.port or 80) as p:
        yield p


@pytest.fixture
def sigv4_bucket(sigv4_server: SeaweedHandle) -> Iterator[str]:
    """Name of a fresh, empty bucket on ``sigv4_server``; deleted afterwards.

    Deleting matters: each SeaweedFS bucket holds a volume of its own.
    """
    name = sigv4_server.s3.make_bucket()
    yield name
    with contextlib.suppress(Exception):  # a test may have deleted it already
        sigv4_server.s3.delete_bucket(name)
