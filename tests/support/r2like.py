"""An HTTP front for a local S3 server that behaves like R2 where the local servers do not.

Transparent decompression: an object stored with ``Content-Encoding: gzip`` (or ``br``) is
served *decoded* (no Content-Encoding, the decoded length, the stored ETag, ranges counted
in decoded bytes) unless the request's ``Accept-Encoding`` names that encoding; Python's
http.client sends ``identity``, so a client that does not ask gets other bytes than were
stored. Everything else passes through unchanged to the server behind it (moto, which checks
no signature, so the forwarded request needs no re-signing).

The server has no brotli codec: a ``br`` object's decoded body is whatever a test registers
in ``decoded`` (the bytes a real R2 would have produced from it).
"""

from __future__ import annotations

import gzip
import http.client
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade"}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class DecodingFront:
    """``endpoint_url`` forwards to ``target`` (``http://host:port``), decoding as R2 does."""

    def __init__(self, target: str) -> None:
        parts = urlsplit(target)
        self._target = (parts.hostname or "127.0.0.1", parts.port or 80)
        #: ``/bucket/key`` path -> decoded body, for encodings this server cannot decode.
        self.decoded: dict[str, bytes] = {}
        #: Every request's method, path and Accept-Encoding header ("" when absent).
        self.seen: list[tuple[str, str, str]] = []
        front = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                front._forward(self)

            do_HEAD = do_PUT = do_POST = do_DELETE = do_GET

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> DecodingFront:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _decode(self, path: str, encoding: str, body: bytes) -> bytes | None:
        if encoding == "gzip":
            return gzip.decompress(body)
        return self.decoded.get(unquote(path.split("?", 1)[0]))

    def _forward(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        accept = h.headers.get("Accept-Encoding", "")
        self.seen.append((h.command, h.path, accept))
        wanted = h.headers.get("Range", "")
        headers = {k: v for k, v in h.headers.items() if k.lower() not in _HOP}
        conn = http.client.HTTPConnection(*self._target, timeout=30)
        try:
            if h.command == "GET":
                headers.pop("Range", None)  # the range is cut below, maybe from decoded bytes
                headers.pop("range", None)
            conn.request(h.command, h.path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            out = [(k, v) for k, v in resp.getheaders() if k.lower() not in _HOP]
            status = resp.status
        finally:
            conn.close()
        stored = resp.getheader("Content-Encoding", "") or ""
        names = {a.split(";")[0].strip().lower() for a in accept.split(",")}
        decoding = stored.lower() in ("gzip", "br") and stored.lower() not in names
        if h.command == "HEAD" and status == 200 and decoding:
            decoded = self._decode(h.path, stored.lower(), self._get_body(h.path, headers))
            if decoded is not None:
                out = [(k, v) for k, v in out if k.lower() not in ("content-encoding",)]
                out = [(k, v) for k, v in out if k.lower() != "content-length"]
                out.append(("Content-Length", str(len(decoded))))
        if h.command == "GET" and status == 200:
            if decoding:
                decoded = self._decode(h.path, stored.lower(), data)
                if decoded is not None:
                    data = decoded
                    out = [(k, v) for k, v in out if k.lower() != "content-encoding"]
            status, data, out = self.serve_range(wanted, data, out)
        if h.command != "HEAD":
            out = [(k, v) for k, v in out if k.lower() != "content-length"]
            out.append(("Content-Length", str(len(data))))
        h.send_response(status)
        for k, v in out:
            h.send_header(k, v)
        h.end_headers()
        if h.command != "HEAD":
            h.wfile.write(data)

    def _get_body(self, path: str, headers: dict[str, str]) -> bytes:
        conn = http.client.HTTPConnection(*self._target, timeout=30)
        try:
            conn.request("GET", path, headers=headers)
            return conn.getresponse().read()
        finally:
            conn.close()

    def serve_range(
        self, wanted: str, data: bytes, out: list[tuple[str, str]]
    ) -> tuple[int, bytes, list[tuple[str, str]]]:
        """Apply a ``Range`` header to the (maybe decoded) body, as the server would; a hostile
        subclass answers otherwise."""
        m = _RANGE.match(wanted.strip())
        out = [(k, v) for k, v in out if k.lower() != "content-range"]
        if not m:
            return 200, data, out
        total = len(data)
        if m.group(1):
            start = int(m.group(1))
            end = min(int(m.group(2)) if m.group(2) else total - 1, total - 1)
        else:
            start, end = max(0, total - int(m.group(2))), total - 1
        if start >= total:
            return 416, b"", out
        out.append(("Content-Range", f"bytes {start}-{end}/{total}"))
        return 206, data[start : end + 1], out
