"""A front for a local S3 server whose GET answers are wrong in the ways real servers and
middleboxes get them wrong; each test arms the one it needs (``mode``)."""

from __future__ import annotations

from support.r2like import DecodingFront

Headers = list[tuple[str, str]]
OTHER_ETAG = '"0123456789abcdef0123456789abcdef"'


class HostileFront(DecodingFront):
    """``mode``: ``""`` (honest), ``ignore-range`` (a ranged GET after the first gets the whole
    object, 200), ``unknown-total`` (Content-Range ``bytes a-b/*``), ``other-etag`` (a ranged
    answer after the first carries another object's ETag and bytes: If-Match ignored, the
    object replaced meanwhile)."""

    mode = ""

    def serve_range(self, wanted: str, data: bytes, out: Headers) -> tuple[int, bytes, Headers]:
        status, body, headers = super().serve_range(wanted, data, out)
        if not wanted or status != 206:
            return status, body, headers
        later = not wanted.startswith("bytes=0-")  # the first range is the size probe
        if self.mode == "ignore-range" and later:
            return 200, data, [(k, v) for k, v in out if k.lower() != "content-range"]
        if self.mode == "unknown-total":
            star = [
                (k, v.rsplit("/", 1)[0] + "/*" if k.lower() == "content-range" else v)
                for k, v in headers
            ]
            return status, body, star
        if self.mode == "other-etag" and later:
            other = bytes(b ^ 0x55 for b in body[:64]) + body[64:]
            tagged = [(k, OTHER_ETAG if k.lower() == "etag" else v) for k, v in headers]
            return status, other, tagged
        return status, body, headers
