"""Small files of a folder transfer over the CRT wire (``r2desk.transfers.quick``): the same
files and objects, checked the same way, and anything it cannot finish cleanly is finished,
or reported in the usual words, by the pool's own task. Nothing partial is left in place."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from botocore.config import Config
from support.faultproxy import DOWN, UP, Fault, FaultProxy, flip_data_reads, tamper_etag
from support.servers import LocalS3, MotoHandle, SeaweedHandle
from support.transfers import transfer_element

from r2desk import CloudflareR2Type, StorageError
from r2desk.s3 import crt
from r2desk.transfers.control import Progress, Stop
from r2desk.transfers.localpaths import TEMP_RE
from r2desk.transfers.quick import Quick

COUNT = 40
#: Bytes down a connection before a fault fires: more than two small listings, less than a GET.
FAULT_AFTER = 50_000


def _fill(s3: LocalS3, bucket: str, count: int = COUNT, size: int = 20_000) -> dict[str, bytes]:
    client = s3.client()
    bodies = {f"docs/sub{i % 3}/f{i:03d}.bin": os.urandom(size + i) for i in range(count)}
    with ThreadPoolExecutor(8) as pool:
        list(
            pool.map(
                lambda kv: client.put_object(Bucket=bucket, Key=kv[0], Body=kv[1]), bodies.items()
            )
        )
    return bodies


def _check_tree(out: Path, bodies: dict[str, bytes], missing: int = 0) -> None:
    """Every file present holds exactly its object's bytes; no temp file is left anywhere."""
    found = {p.relative_to(out).as_posix(): p for p in out.rglob("*") if p.is_file()}
    assert not [n for n in found if TEMP_RE.match(n.rsplit("/", 1)[-1])]
    for name, path in found.items():
        assert path.read_bytes() == bodies[f"docs/{name}"], name
    assert len(found) == len(bodies) - missing


def _summary(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    """(files placed over the CRT wire, files handed to the pool), from the debug summary."""
    for rec in caplog.records:
        m = re.match(r"(\d+) small file\(s\) over the CRT wire, (\d+) handed", rec.getMessage())
        if rec.name == "r2desk.transfers.quick" and m:
            return int(m.group(1)), int(m.group(2))
    raise AssertionError("the folder download did not take the CRT wire")


def test_small_files_come_over_the_crt_wire_signed_and_verified(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str, caplog: pytest.LogCaptureFixture
) -> None:
    """SeaweedFS over TLS checks every signature: the CRT's GETs carry the lean wire's."""
    bodies = _fill(sigv4_server.s3, sigv4_bucket)
    el = transfer_element(tmp_path / "app", sigv4_server.s3, sigv4_bucket)
    seen: list[tuple[int, int]] = []
    caplog.set_level(logging.DEBUG, logger="r2desk.transfers.quick")
    result = el.downloadFolder("docs/", str(tmp_path / "out"), lambda d, t: seen.append((d, t)))
    assert result["failed"] == [] and len(result["done"]) == COUNT
    _check_tree(tmp_path / "out", bodies)
    assert _summary(caplog) == (COUNT, 0)
    total = sum(len(b) for b in bodies.values())
    assert seen[-1] == (total, total)


def test_a_hooked_client_keeps_botocore_for_every_get(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A handler on the client's events must run for every request: no CRT wire then."""
    bodies = _fill(moto_server.s3, moto_bucket, count=5)
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    gets: list[str] = []
    el.client.meta.events.register("before-call.s3.GetObject", lambda **_: gets.append("get"))
    caplog.set_level(logging.DEBUG, logger="r2desk.transfers.quick")
    el.downloadFolder("docs/", str(tmp_path / "out"))
    _check_tree(tmp_path / "out", bodies)
    assert len(gets) == 5
    assert crt.wire_for(el.client, 4) is None


def _proxied(
    tmp_path: Path, moto_server: MotoHandle, bucket: str, proxy: FaultProxy, **kw: object
) -> CloudflareR2Type:
    s3 = LocalS3(proxy.endpoint_url, moto_server.s3.access_key, moto_server.s3.secret_key)
    return transfer_element(tmp_path / "app", s3, bucket, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "fault",
    [
        Fault("tamper", DOWN, times=3, rewrite=tamper_etag),
        Fault("cut", DOWN, after=FAULT_AFTER, times=3),
    ],
    ids=["wrong-etag", "cut"],
)
def test_a_get_the_crt_wire_cannot_finish_is_finished_by_the_pool(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    proxy: FaultProxy,
    fault: Fault,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Few keys, big bodies: the listings' connection never carries FAULT_AFTER bytes.
    bodies = _fill(moto_server.s3, moto_bucket, count=10, size=200_000)
    el = _proxied(tmp_path, moto_server, moto_bucket, proxy)
    caplog.set_level(logging.DEBUG, logger="r2desk.transfers.quick")
    proxy.arm(fault)
    result = el.downloadFolder("docs/", str(tmp_path / "out"))
    assert result["failed"] == [] and result["doneCount"] == 10
    _check_tree(tmp_path / "out", bodies)
    placed, handed = _summary(caplog)
    assert proxy.hits.get(fault.kind, 0) >= 1
    # A wrong ETag is handed over; a cut connection may be retried by the runtime itself.
    assert handed <= 3 and placed + handed == 10
    if fault.kind == "tamper":
        assert handed >= 1


def _flip_object_bytes(data: bytes) -> bytes:
    """Corrupt reads of object bodies, never a listing's (whose XML names its keys)."""
    return data if b"<Key>" in data or b"</Key>" in data else flip_data_reads(data)


def test_bytes_corrupted_on_every_path_fail_loudly_and_leave_nothing(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, proxy: FaultProxy
) -> None:
    bodies = _fill(moto_server.s3, moto_bucket, count=6, size=200_000)
    el = _proxied(tmp_path, moto_server, moto_bucket, proxy)
    proxy.arm(Fault("tamper", DOWN, times=-1, rewrite=_flip_object_bytes))
    result = el.downloadFolder("docs/", str(tmp_path / "out"), raiseOnError=False)
    assert result["doneCount"] == 0 and len(result["failed"]) == 6
    assert {f["code"] for f in result["failed"]} == {"integrity_error"}
    _check_tree(tmp_path / "out", bodies, missing=6)


class ShortTimeouts(CloudflareR2Type):
    def client_config(self) -> Config:
        return super().client_config().merge(Config(read_timeout=1.5, connect_timeout=2))


def test_a_stalled_get_is_given_up_and_finished_by_the_pool(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    proxy: FaultProxy,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bodies = _fill(moto_server.s3, moto_bucket, count=8, size=200_000)
    el = _proxied(tmp_path, moto_server, moto_bucket, proxy, cls=ShortTimeouts)
    caplog.set_level(logging.DEBUG, logger="r2desk.transfers.quick")
    proxy.arm(Fault("stall", DOWN, after=FAULT_AFTER, times=1, seconds=20))
    result = el.downloadFolder("docs/", str(tmp_path / "out"))
    assert result["failed"] == [] and result["doneCount"] == 8
    _check_tree(tmp_path / "out", bodies)
    assert _summary(caplog)[1] >= 1
    assert any("stalled" in r.getMessage() for r in caplog.records)


def test_cancel_mid_folder_leaves_only_whole_files(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    bodies = _fill(sigv4_server.s3, sigv4_bucket, count=300, size=4_000)
    el = transfer_element(tmp_path / "app", sigv4_server.s3, sigv4_bucket)
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        if done > 0:
            stop.set()

    with pytest.raises(StorageError) as err:
        el.downloadFolder("docs/", str(tmp_path / "out"), progress, cancel=stop)
    assert err.value.code == "cancelled"
    out = tmp_path / "out"
    found = [p for p in out.rglob("*") if p.is_file()]
    assert len(found) < 300
    for p in found:
        assert not TEMP_RE.match(p.name), p
        key = f"docs/{p.relative_to(out).as_posix()}"
        assert hashlib.md5(p.read_bytes()).digest() == hashlib.md5(bodies[key]).digest()


# -- uploads ------------------------------------------------------------------------------


def _tree(root: Path, count: int, size: int) -> dict[str, bytes]:
    bodies = {f"sub{i % 3}/f{i:03d}.txt": os.urandom(size + i) for i in range(count)}
    for name, data in bodies.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return bodies


def _stored(s3: LocalS3, bucket: str, prefix: str) -> dict[str, tuple[bytes, str]]:
    client = s3.client()
    out = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for o in page.get("Contents", []):
            got = client.get_object(Bucket=bucket, Key=o["Key"])
            out[o["Key"][len(prefix) :]] = (got["Body"].read(), got["ContentType"])
    return out


def test_small_files_go_up_over_the_crt_wire_with_their_checks(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str, caplog: pytest.LogCaptureFixture
) -> None:
    """SeaweedFS checks the signature and the Content-MD5 of every PUT."""
    bodies = _tree(tmp_path / "src", 30, 5_000)
    el = transfer_element(tmp_path / "app", sigv4_server.s3, sigv4_bucket)
    caplog.set_level(logging.DEBUG, logger="r2desk.transfers.quick")
    result = el.uploadFolder(str(tmp_path / "src"), "up/")
    assert result["failed"] == [] and result["doneCount"] == 30
    assert _summary(caplog) == (30, 0)
    stored = _stored(sigv4_server.s3, sigv4_bucket, "up/")
    assert {k: v[0] for k, v in stored.items()} == bodies
    assert {v[1] for v in stored.values()} == {"text/plain"}  # the same content types


@pytest.mark.parametrize(
    "fault",
    [
        Fault("tamper", DOWN, times=2, rewrite=tamper_etag),
        Fault("cut", UP, after=FAULT_AFTER, times=2),
    ],
    ids=["wrong-etag", "cut-while-sending"],
)
def test_a_put_the_crt_wire_cannot_finish_is_sent_again_by_the_pool(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    proxy: FaultProxy,
    fault: Fault,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bodies = _tree(tmp_path / "src", 10, 200_000)
    el = _proxied(tmp_path, moto_server, moto_bucket, proxy)
    caplog.set_level(logging.DEBUG, logger="r2desk.transfers.quick")
    proxy.arm(fault)
    result = el.uploadFolder(str(tmp_path / "src"), "up/")
    assert result["failed"] == [] and result["doneCount"] == 10
    assert proxy.hits.get(fault.kind, 0) >= 1
    placed, handed = _summary(caplog)
    assert handed <= 2 and placed + handed == 10
    if fault.kind == "tamper":
        assert handed >= 1
    assert {k: v[0] for k, v in _stored(moto_server.s3, moto_bucket, "up/").items()} == bodies


def test_a_file_that_became_a_pipe_is_left_to_the_pool_not_opened(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    """Between the plan and the upload a file can be replaced by a FIFO: opening it would
    block the folder's thread for good. The pool's task refuses it in its own words."""
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    quick = Quick.start(el.transfers.context, Stop(None), Progress(None, 0), upload=True)
    assert quick is not None
    answer: list[bool] = []
    worker = threading.Thread(
        target=lambda: answer.append(quick.take("pipe", str(fifo), 0, lambda: None, print)),
        daemon=True,
    )
    worker.start()
    worker.join(5)
    if not answer:  # unblock the open so the thread ends
        with open(fifo, "wb"):
            pass
        worker.join(5)
    quick.close()
    assert answer == [False]
