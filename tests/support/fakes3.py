"""A tiny S3 server for the tests that need a server to misbehave in ways real ones do not.

It answers just enough of the S3 API for ``ls``, ``get -r`` and ``rm -r`` to reach their
listing loop: ListObjectsV2 pages (whose continuation tokens the test decides), DeleteObjects
and GetObject/HeadObject of any key. It checks no signature. ``max_pages`` ends every listing
after that many pages, so code that never stops by itself still finishes, and the test can
count how far it went (``list_calls``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit
from xml.sax.saxutils import escape

#: A page plan: given the page number (1, 2, ...) and the token the client sent, the keys on
#: the page and the NextContinuationToken to send (None: the last page).
Pager = Callable[[int, str | None], tuple[list[str], str | None]]


def same_token(page: int, token: str | None) -> tuple[list[str], str | None]:
    """The same page forever: the server gives back the token it was sent."""
    return [f"loop/key-{page % 3}"], "token-that-never-changes"


def empty_pages(page: int, token: str | None) -> tuple[list[str], str | None]:
    """A new token every time, and nothing on any page."""
    return [], f"token-{page}"


def fixed_keys(keys: list[str]) -> Pager:
    """One page holding ``keys`` (sent url-encoded, as botocore asks: any byte can be in one)."""
    return lambda page, token: (keys, None)


class FakeS3:
    """``with FakeS3(pager) as s3:`` serves on ``s3.endpoint_url`` until the block ends."""

    def __init__(self, pager: Pager, *, max_pages: int = 500) -> None:
        self.pager = pager
        self.max_pages = max_pages
        self.list_calls = 0
        self.deleted: list[str] = []
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: object) -> None:
                pass

            def _send(self, status: int, body: bytes, ctype: str = "application/xml") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", '"d41d8cd98f00b204e9800998ecf8427e"')
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = parse_qs(url.query)
                if "list-type" in query:
                    self._send(200, fake._list_page(query.get("continuation-token", [None])[0]))
                else:
                    self._send(200, b"", "application/octet-stream")

            def do_HEAD(self) -> None:
                self._send(200, b"", "application/octet-stream")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                keys = [part.split("</Key>")[0] for part in body.split("<Key>")[1:]]
                with fake._lock:
                    fake.deleted += keys
                self._send(200, b'<?xml version="1.0"?><DeleteResult></DeleteResult>')

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def _list_page(self, token: str | None) -> bytes:
        with self._lock:
            self.list_calls += 1
            page = self.list_calls
        keys, next_token = self.pager(page, token)
        if page >= self.max_pages:
            next_token = None
        contents = "".join(
            f"<Contents><Key>{quote(k, safe='/')}</Key><LastModified>2026-01-01T00:00:00.000Z"
            f"</LastModified><ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag>"
            f"<Size>0</Size><StorageClass>STANDARD</StorageClass></Contents>"
            for k in keys
        )
        more = (
            f"<IsTruncated>true</IsTruncated><NextContinuationToken>{escape(next_token)}"
            "</NextContinuationToken>"
            if next_token
            else "<IsTruncated>false</IsTruncated>"
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
            f"<Name>bucket</Name><EncodingType>url</EncodingType><KeyCount>{len(keys)}</KeyCount><MaxKeys>1000</MaxKeys>"
            f"{more}{contents}</ListBucketResult>"
        ).encode()

    def __enter__(self) -> FakeS3:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()
