"""An endpoint that accepts connections and never answers: listings and HEADs give up after a
short read timeout and two attempts, saying it is not answering; data transfers keep the long
timeout, so a slow server is not mistaken for a dead one."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from support.faultproxy import DOWN, Fault, FaultProxy
from support.servers import LocalS3, MotoHandle
from support.transfers import make_file, md5_file, transfer_element

from r2desk import CloudflareR2Type, StorageError
from r2desk.s3.client import LOOKUP_ATTEMPTS

README = Path(__file__).parents[3] / "README.md"


class Silent:
    """Accepts every connection, reads what is sent, never answers."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.connections = 0
        self._socks: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            self._socks.append(conn)

    def close(self) -> None:
        self._listener.close()
        for s in self._socks:
            s.close()


class QuickLookups(CloudflareR2Type):
    """Listings and HEADs time out after 0.5 s, so the test does not wait 10 s per attempt."""

    lookup_read_timeout = 0.5


@pytest.fixture
def silent() -> Iterator[Silent]:
    s = Silent()
    yield s
    s.close()


def test_a_silent_endpoint_fails_listings_and_heads_at_once(tmp_path: Path, silent: Silent) -> None:
    s3 = LocalS3(f"http://127.0.0.1:{silent.port}", "key", "secret-value")
    el = transfer_element(tmp_path / "app", s3, "bucket", cls=QuickLookups)
    for call in (lambda: el.listObjects(""), lambda: el.getObject("a.txt")):
        before = silent.connections
        with pytest.raises(StorageError) as info:
            call()
        err = info.value
        assert err.code == "timeout" and err.exit_code == 5
        assert "not answering" in str(err) and f"127.0.0.1:{silent.port}" in str(err)
        assert silent.connections - before == LOOKUP_ATTEMPTS  # not the data transfers' 5


def test_a_slow_server_still_serves_a_download(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    """A GET answered after 1.5 s, twice the listings' timeout: a data transfer waits."""
    src = make_file(tmp_path / "src.bin", 300_000)
    moto_server.s3.client().upload_file(str(src), moto_bucket, "f.bin")
    parts = urlsplit(moto_server.s3.endpoint_url)
    with FaultProxy(parts.hostname or "127.0.0.1", parts.port or 80) as proxy:
        s3 = LocalS3(proxy.endpoint_url, moto_server.s3.access_key, moto_server.s3.secret_key)
        el = transfer_element(tmp_path / "app", s3, moto_bucket, cls=QuickLookups)
        proxy.arm(Fault("delay", DOWN, seconds=1.5, times=-1))
        el.downloadToPath("f.bin", str(tmp_path / "out.bin"))
        assert md5_file(tmp_path / "out.bin") == md5_file(src)
        assert proxy.connections == 1  # never timed out, never retried


def test_the_defaults_match_the_readme(tmp_path: Path, moto_server: MotoHandle) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, "bucket")
    config = el.client.meta.config
    assert config.retries == {"mode": "standard", "total_max_attempts": 5}
    assert config.read_timeout == 60 and el.lookup_read_timeout <= 10
    text = " ".join(README.read_text(encoding="utf-8").split())
    said = re.search(r"standard retries \((\d+) attempts", text)
    assert said is not None and int(said.group(1)) == 5
    assert f"listings and HEADs {el.lookup_read_timeout:.0f} s" in text
