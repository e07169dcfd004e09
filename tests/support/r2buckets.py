"""A tiny HTTP server that answers ListBuckets (and CreateBucket) the way R2 does, for what
moto and SeaweedFS cannot show: R2's paging through ``cf-max-keys`` / ``cf-continuation-token``
request headers and ``cf-is-truncated`` / ``cf-next-continuation-token`` response headers.

Only ``GET /`` (ListBuckets) and ``PUT /<bucket>`` (CreateBucket, its body kept in
``created``) are served; ``deny=True`` answers ListBuckets as an object-scoped token is answered
(403 AccessDenied). Every request's headers are kept in ``requests`` for the test to read.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


class R2ListBuckets:
    def __init__(self, names: list[str], *, deny: bool = False) -> None:
        self.names = sorted(names)
        self.deny = deny
        self.requests: list[dict[str, str]] = []
        self.created: list[tuple[str, bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: object) -> None:
                pass

            def do_GET(self) -> None:
                outer.requests.append({k.lower(): v for k, v in self.headers.items()})
                if outer.deny or self.path.split("?")[0] != "/":
                    body = (
                        "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
                    )
                    self._send(403, body, {})
                    return
                limit = int(self.headers.get("cf-max-keys", "1000"))
                after = self.headers.get("cf-continuation-token", "")
                rest = [n for n in outer.names if n > after]
                page, more = rest[:limit], len(rest) > limit
                items = "".join(
                    f"<Bucket><Name>{escape(n)}</Name>"
                    "<CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket>"
                    for n in page
                )
                body = (
                    '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult '
                    'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>x</ID>'
                    f"<DisplayName>x</DisplayName></Owner><Buckets>{items}</Buckets>"
                    "</ListAllMyBucketsResult>"
                )
                headers = {"cf-is-truncated": "true" if more else "false"}
                if more:
                    headers["cf-next-continuation-token"] = page[-1]
                self._send(200, body, headers)

            def do_PUT(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                outer.created.append((self.path, self.rfile.read(length)))
                self._send(200, "", {})

            def _send(self, status: int, body: str, headers: dict[str, str]) -> None:
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
