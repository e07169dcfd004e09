"""The lean wire (small GET, PUT, a listing page without botocore's per-call pipeline) gives
what botocore's path gives: the same objects and fields, the same errors in the same words,
the same retries, and every body verified; on moto, on SeaweedFS (which checks SigV4) and
behind fronts that fail or corrupt answers."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from support.elements import write_element
from support.faultproxy import DOWN, Fault, FaultProxy, flip_data_reads, tamper_etag
from support.keys import HOSTILE_KEYS
from support.r2like import DecodingFront
from support.servers import LocalS3, MotoHandle, SeaweedHandle

from r2desk import App, CloudflareR2Type, StorageError
from r2desk.errors import ErrorCode
from r2desk.s3 import lean
from r2desk.s3.client import ATTEMPTS

#: Fields of a GET answer both paths must agree on (the body and request ids aside).
SAME = ("ETag", "ContentLength", "ContentType", "LastModified", "Metadata", "CacheControl")


def element(root: Path, s3: LocalS3, bucket: str, **fields: Any) -> CloudflareR2Type:
    write_element(root, s3, bucket, **fields)
    el = App(root).getElement("storages.MyR2")
    assert isinstance(el, CloudflareR2Type)
    el.state_dir = str(root / "state")
    return el


@pytest.fixture
def sends(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The operations the lean wire sent (each attempt once)."""
    seen: list[str] = []
    real = lean.Lean._send

    def spy(self: lean.Lean, op: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(op)
        return real(self, op, *args, **kwargs)

    monkeypatch.setattr(lean.Lean, "_send", spy)
    return seen


@contextlib.contextmanager
def botocore_path(el: CloudflareR2Type) -> Iterator[None]:
    """A hook on the client's events: its requests go through botocore's whole pipeline."""

    def noop(**_: Any) -> None:
        return None

    el.client.meta.events.register("before-call.s3", noop)
    try:
        assert lean.wire_of(el.client) is None
        yield
    finally:
        el.client.meta.events.unregister("before-call.s3", noop)
    assert lean.wire_of(el.client) is not None


def failure(call: Callable[[], object]) -> tuple[ErrorCode, str]:
    with pytest.raises(StorageError) as info:
        call()
    return info.value.code, str(info.value)


def round_trip(el: CloudflareR2Type, tmp_path: Path, keys: list[str], sends: list[str]) -> None:
    """Each key through the lean PUT, GET and listing, compared with botocore's answers."""
    for key in keys:
        body = f"body of {key}".encode() * 3
        src = tmp_path / "src.bin"
        src.write_bytes(body)
        el.uploadFromPath(
            key,
            str(src),
            "text/plain",
            metadata={"who": "lean"},
            headers={"CacheControl": "no-store"},
        )
        got = lean.get_object(el.client, {"Bucket": el.bucket, "Key": key})
        mine = {f: got.get(f) for f in SAME}
        assert got["Body"].read() == body
        with botocore_path(el):
            theirs = el.client.get_object(Bucket=el.bucket, Key=key)
            theirs["Body"].close()
        assert mine == {f: theirs.get(f) for f in SAME}
        assert mine["Metadata"] == {"who": "lean"} and mine["CacheControl"] == "no-store"
        assert el.download(key) == body
        out = el.downloadToPath(key, str(tmp_path / "out.bin"))
        assert out["verified"] and (tmp_path / "out.bin").read_bytes() == body
        el.uploadByFile(key, body[::-1])
        assert el.download(key) == body[::-1]
    lean_page = el.listObjects(delimiter="")
    with botocore_path(el):
        botocore_page = el.listObjects(delimiter="")
    assert lean_page == botocore_page
    assert {"GetObject", "PutObject", "ListObjectsV2"} <= set(sends)


def test_round_trip_matches_botocore_on_moto(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, sends: list[str]
) -> None:
    el = element(tmp_path, moto_server.s3, moto_bucket)
    round_trip(el, tmp_path, HOSTILE_KEYS, sends)
    assert sorted(o["key"] for o in el.listObjects(delimiter="")["objects"]) == sorted(HOSTILE_KEYS)


def test_round_trip_matches_botocore_on_signature_checking_endpoint(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str, sends: list[str]
) -> None:
    el = element(tmp_path, sigv4_server.s3, sigv4_bucket)
    keys = [k for k in HOSTILE_KEYS if "//" not in k]  # SeaweedFS stores 'a//b' as 'a/b'
    round_trip(el, tmp_path, keys, sends)
    assert sorted(o["key"] for o in el.listObjects(delimiter="")["objects"]) == sorted(keys)


def test_paged_listing_on_signature_checking_endpoint(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str, sends: list[str]
) -> None:
    el = element(tmp_path, sigv4_server.s3, sigv4_bucket)
    keys = ["a b/1", "a b/2+", "c%/3", "ü/4", "z/5"]
    for key in keys:
        el.uploadByFile(key, b"x")
    seen: list[str] = []
    token = None
    while True:
        page = el.listObjects("", delimiter="", continuationToken=token, maxKeys=2)
        seen += [o["key"] for o in page["objects"]]
        token = page["nextToken"]
        if not token:
            break
    assert seen == sorted(keys)
    assert el.listObjects("a b/")["objects"][0]["key"] == "a b/1"
    assert sends.count("ListObjectsV2") >= 4


def errors_of(el: CloudflareR2Type, key: str) -> list[tuple[ErrorCode, str]]:
    return [
        failure(lambda: el.download(key)),
        failure(lambda: el.uploadByFile(key, b"data")),
        failure(lambda: el.listObjects("p/")),
    ]


def same_errors(el: CloudflareR2Type, code: ErrorCode, sends: list[str]) -> None:
    """Missing key, then every operation failing with ``code``: lean and botocore alike."""
    before = len(sends)
    missing = failure(lambda: el.download("no/such.txt"))
    lean_errors = errors_of(el, "k.txt")
    assert len(sends) > before
    assert {c for c, _ in lean_errors} == {code}, lean_errors
    with botocore_path(el):
        assert failure(lambda: el.download("no/such.txt")) == missing
        assert errors_of(el, "k.txt") == lean_errors


def test_wrong_secret_and_missing_key_read_as_botocore_errors(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str, sends: list[str]
) -> None:
    good = element(tmp_path / "good", sigv4_server.s3, sigv4_bucket)
    missing = failure(lambda: good.download("no/such.txt"))
    assert missing[0] is ErrorCode.NOT_FOUND and "no/such.txt" in missing[1]
    with botocore_path(good):
        assert failure(lambda: good.download("no/such.txt")) == missing
    bad = element(tmp_path / "bad", sigv4_server.s3, sigv4_bucket, accessKeySecret="x" * 40)
    same_errors(bad, ErrorCode.AUTH_FAILED, sends)


def test_missing_bucket_reads_as_botocore_error(
    tmp_path: Path, moto_server: MotoHandle, sends: list[str]
) -> None:
    # SeaweedFS creates a bucket on the first PUT into it; moto, like R2, refuses.
    el = element(tmp_path, moto_server.s3, "no-such-bucket-lean")
    same_errors(el, ErrorCode.BUCKET_NOT_FOUND, sends)


class Failing(DecodingFront):
    """Answers the next ``failures`` requests with a 500 and an S3 error body."""

    failures = 0
    answered = 0

    def _forward(self, h: BaseHTTPRequestHandler) -> None:
        if self.failures > 0:
            self.failures -= 1
            self.answered += 1
            length = int(h.headers.get("Content-Length") or 0)
            if length:
                h.rfile.read(length)
            body = b"<Error><Code>InternalError</Code><Message>try again</Message></Error>"
            h.send_response(500)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
            return
        super()._forward(h)


def test_server_errors_are_retried_as_botocore_retries_them(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, sends: list[str]
) -> None:
    with Failing(moto_server.s3.endpoint_url) as front:
        s3 = LocalS3(front.endpoint_url, moto_server.s3.access_key, moto_server.s3.secret_key)
        el = element(tmp_path, s3, moto_bucket)
        for call in (
            lambda: el.uploadByFile("r.txt", b"retried"),
            lambda: el.download("r.txt"),
            lambda: el.listObjects(""),
        ):
            front.failures, front.answered = 2, 0
            call()
            assert front.answered == 2
        assert el.download("r.txt") == b"retried"
        outcomes = []
        for path in (contextlib.nullcontext(), botocore_path(el)):
            with path:
                front.failures, front.answered = 10**6, 0
                outcomes.append((failure(lambda: el.download("r.txt")), front.answered))
                front.failures = 0
        assert outcomes[0] == outcomes[1]
        (code, words), answered = outcomes[0]
        assert code is ErrorCode.SERVER_ERROR and "InternalError" in words
        assert answered == ATTEMPTS


def proxied(
    tmp_path: Path, moto_server: MotoHandle, bucket: str, proxy: FaultProxy
) -> CloudflareR2Type:
    s3 = LocalS3(proxy.endpoint_url, moto_server.s3.access_key, moto_server.s3.secret_key)
    return element(tmp_path, s3, bucket)


def test_cut_connections_read_as_unreachable(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, proxy: FaultProxy, sends: list[str]
) -> None:
    el = proxied(tmp_path, moto_server, moto_bucket, proxy)
    el.uploadByFile("k.txt", b"data")
    proxy.arm(Fault("cut", DOWN, after=0, times=-1))
    lean_errors = errors_of(el, "k.txt")
    assert {c for c, _ in lean_errors} == {ErrorCode.UNREACHABLE}
    assert all(proxy.endpoint_url in words for _, words in lean_errors)
    with botocore_path(el):
        assert errors_of(el, "k.txt") == lean_errors
    proxy.clear()
    assert el.download("k.txt") == b"data"


def test_corrupted_bodies_and_etags_are_refused(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, proxy: FaultProxy, sends: list[str]
) -> None:
    el = proxied(tmp_path, moto_server, moto_bucket, proxy)
    body = bytes(range(256)) * 1024  # 256 KiB: several reads, so body-only reads get flipped
    el.uploadByFile("k.bin", body)
    target = tmp_path / "out.bin"
    proxy.arm(Fault("tamper", DOWN, times=-1, rewrite=flip_data_reads))
    assert failure(lambda: el.download("k.bin"))[0] is ErrorCode.INTEGRITY_ERROR
    assert failure(lambda: el.downloadToPath("k.bin", str(target)))[0] is ErrorCode.INTEGRITY_ERROR
    assert not target.exists() and list(tmp_path.glob("out.bin*")) == []
    proxy.clear()
    proxy.arm(Fault("tamper", DOWN, times=-1, rewrite=tamper_etag))
    src = tmp_path / "src.bin"
    src.write_bytes(body[::-1])
    assert failure(lambda: el.uploadByFile("k2.bin", body))[0] is ErrorCode.INTEGRITY_ERROR
    assert failure(lambda: el.uploadFromPath("k3.bin", str(src)))[0] is ErrorCode.INTEGRITY_ERROR
    proxy.clear()
    assert hashlib.md5(el.download("k.bin")).hexdigest() == hashlib.md5(body).hexdigest()
    assert "GetObject" in sends and "PutObject" in sends


def test_a_hooked_client_goes_through_botocore(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, sends: list[str]
) -> None:
    el = element(tmp_path, moto_server.s3, moto_bucket)
    ops: list[str] = []

    def record(model: Any, **_: Any) -> None:
        ops.append(model.name)

    el.client.meta.events.register("before-call.s3", record)
    el.uploadByFile("h.txt", b"hooked")
    assert el.download("h.txt") == b"hooked"
    el.listObjects("")
    assert ops == ["PutObject", "GetObject", "ListObjectsV2"] and sends == []
    el.client.meta.events.unregister("before-call.s3", record)
    assert el.download("h.txt") == b"hooked" and sends == ["GetObject"]
