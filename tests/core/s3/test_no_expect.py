"""No request carries ``Expect: 100-continue``: R2 never answers it, and botocore then waits a
second before each body (every part of a big upload), on botocore's path as on the lean one."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from pathlib import Path

from support.r2like import DecodingFront
from support.servers import LocalS3, MotoHandle
from support.transfers import MiB, make_file, transfer_element

from r2desk.transfers.parts import MULTIPART_THRESHOLD


class Recording(DecodingFront):
    """Records each request's method and Expect header before forwarding it."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.expects: list[tuple[str, str]] = []

    def _forward(self, h: BaseHTTPRequestHandler) -> None:
        self.expects.append((h.command, h.headers.get("Expect", "")))
        super()._forward(h)


def test_uploads_send_no_expect_header(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    with Recording(moto_server.s3.endpoint_url) as front:
        s3 = LocalS3(front.endpoint_url, moto_server.s3.access_key, moto_server.s3.secret_key)
        el = transfer_element(tmp_path / "app", s3, moto_bucket)
        big = make_file(tmp_path / "big.bin", MULTIPART_THRESHOLD + MiB)
        small = make_file(tmp_path / "small.bin", 1000)
        el.uploadFromPath("big.bin", str(big))  # parts: botocore's UploadPart
        el.uploadFromPath("small.bin", str(small))
        el.uploadByFile("bytes.bin", b"data")
        puts = [expect for method, expect in front.expects if method == "PUT"]
    assert len(puts) >= 4
    assert puts == [""] * len(puts)
