"""Test connection and the bucket list against local endpoints; every failure said in words."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from support.connections import moto_conn, r2_conn
from support.servers import MotoHandle

from r2desk.elements import App, probe
from r2desk.elements.connection import Connection


def test_test_connection_ok(app: App, moto_server: MotoHandle, moto_bucket: str) -> None:
    report = probe.test_connection(app, moto_conn(moto_server, moto_bucket), "testing")
    assert report["ok"], report
    assert report["explanations"] == []


def test_unknown_bucket_in_words(app: App, moto_server: MotoHandle) -> None:
    report = probe.test_connection(app, moto_conn(moto_server, "no-such-bucket-x"), "testing")
    assert not report["ok"] and report["bucket"] is False
    assert report["explanations"][0].startswith("There is no bucket named 'no-such-bucket-x'")


def test_wrong_endpoint_in_words(app: App) -> None:
    conn = Connection(
        name="Nowhere", endPoint="http://127.0.0.1:9", bucketName="b-1", accessKeyId="k"
    )
    report = probe.test_connection(app, conn, "some-secret-1")
    assert report["endpoint"] is False
    text = " ".join(report["explanations"])
    assert "could not be reached" in text and "network" in text
    assert "some-secret-1" not in text + " ".join(report["problems"])


def test_wrong_secret_in_words(app: App, sigv4_server: object, sigv4_bucket: str) -> None:
    s3 = sigv4_server.s3  # type: ignore[attr-defined]
    conn = Connection(
        name="Signed",
        endPoint=s3.endpoint_url,
        bucketName=sigv4_bucket,
        accessKeyId=s3.access_key,
        region="us-east-1",
        extra={"caBundle": s3.verify},
    )
    report = probe.test_connection(app, conn, "wrong-secret-123", write=False)
    assert report["credentials"] is False
    assert "secret access key" in report["explanations"][0]
    assert probe.test_connection(app, conn, s3.secret_key)["ok"]
    # The same endpoint without its CA: a TLS failure, said as such.
    tls = probe.test_connection(app, Connection(**{**conn.__dict__, "extra": {}}), s3.secret_key)
    assert "certificate" in " ".join(tls["explanations"])


def test_explain_other_jurisdiction() -> None:
    report = {"codes": ["bucket_not_found"], "problems": ["x"]}
    text = probe.explain(report, r2_conn(), found_in="eu")[0]
    assert "EU jurisdiction" in text
    assert "jurisdiction" in probe.explain(report, r2_conn())[0]
    denied = {"codes": ["access_denied"], "bucket": True, "write": False}
    assert "not write" in probe.explain(denied, r2_conn())[0]


def test_list_buckets(app: App, moto_server: MotoHandle, moto_bucket: str) -> None:
    names = probe.list_buckets(app, moto_conn(moto_server, ""), "testing")
    assert moto_bucket in names


class _NotFoundEverywhere(http.server.BaseHTTPRequestHandler):
    """A web server that is not S3: every path is an HTML 404."""

    def _answer(self) -> None:
        body = b"<html><body><h1>404 Not Found</h1></body></html>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_PUT = do_HEAD = do_POST = do_DELETE = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def web_404() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotFoundEverywhere)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_a_server_answering_404_is_not_an_s3_endpoint(app: App, web_404: str) -> None:
    conn = Connection(name="Web", endPoint=web_404, bucketName="b-1", accessKeyId="k")
    report = probe.test_connection(app, conn, "some-secret-1")
    assert report["endpoint"] is False and report["bucket"] is None, report
    text = " ".join(report["explanations"])
    assert "not as an S3 endpoint" in text and "no bucket" not in text


def test_test_connection_needs_no_short_name(
    app: App, moto_server: MotoHandle, moto_bucket: str
) -> None:
    conn = Connection(**{**moto_conn(moto_server, moto_bucket).__dict__, "name": ""})
    assert probe.test_connection(app, conn, "testing")["ok"]
    assert not (app.root / "storages").exists()  # nothing written for the check
