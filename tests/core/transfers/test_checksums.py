"""CRC64NVME end to end: big uploads carry per-part CRCs and a full-object CRC the server keeps,
big downloads of such objects are checked against it (chunk CRCs combined in order), objects
without one still get the MD5 / multipart-ETag check, and a wrong CRC never yields a file.

SeaweedFS checks every CRC it is sent and returns them (as R2 does); moto checks none and
echoes none, but reports the object's full-object CRC on HEAD, so both paths run here.
"""

from __future__ import annotations

import base64
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.faultproxy import DOWN, Fault, FaultProxy, flip_data_reads
from support.servers import LocalS3, MotoHandle, SeaweedHandle
from support.transfers import MiB, make_file, md5_file, transfer_element

from r2desk import StorageError
from r2desk.transfers import checksums

SIZE = 20 * MiB + 3  # three parts of 8 MiB: multipart, an odd last part


def crc_of(path: Path) -> int:
    return checksums.crc_of_range(str(path), 0, path.stat().st_size)


def test_crc64nvme_combines_like_one_pass() -> None:
    # The check value of CRC-64/NVME (the CRC catalogue's "123456789" vector).
    assert checksums.crc_of_range(memoryview(b"123456789"), 0, 9) == 0xAE8B14860A799888
    data = bytes(range(256)) * 1000
    pieces = [(data[:1000], 1000), (data[1000:1000], 0), (data[1000:], len(data) - 1000)]
    crcs = [(checksums.crc_of_range(memoryview(p), 0, n), n) for p, n in pieces]
    assert checksums.combine(crcs) == checksums.crc_of_range(memoryview(data), 0, len(data))
    value = crcs[0][0]
    assert checksums.from_wire(checksums.to_wire(value)) == value
    assert checksums.from_wire("not base64!") is None
    assert checksums.from_wire(base64.b64encode(b"1234").decode()) is None  # a CRC32's width


def test_seaweedfs_keeps_the_full_object_crc_and_downloads_check_it(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", sigv4_server.s3, sigv4_bucket)
    src = make_file(tmp_path / "big.bin", SIZE)
    up = el.uploadFromPath("big.bin", str(src))
    assert up["parts"] == 3
    head = sigv4_server.s3.client().head_object(
        Bucket=sigv4_bucket, Key="big.bin", ChecksumMode="ENABLED"
    )
    assert head.get("ChecksumType") == "FULL_OBJECT"
    assert checksums.from_wire(head.get("ChecksumCRC64NVME")) == crc_of(src)
    got = el.downloadToPath("big.bin", str(tmp_path / "out.bin"))
    assert got["verified"] == "crc64nvme"
    assert md5_file(tmp_path / "out.bin") == md5_file(src)


def test_an_object_without_a_crc_is_checked_by_its_etag(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    src = make_file(tmp_path / "big.bin", SIZE)
    sigv4_server.s3.client().upload_file(str(src), sigv4_bucket, "plain.bin")  # no checksum
    el = transfer_element(tmp_path / "app", sigv4_server.s3, sigv4_bucket)
    got = el.downloadToPath("plain.bin", str(tmp_path / "out.bin"))
    assert got["verified"] == "parts"
    assert md5_file(tmp_path / "out.bin") == md5_file(src)


@pytest.fixture
def no_awscrt(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """awscrt's checksums cannot be imported here, as on a platform without its wheel."""
    monkeypatch.setitem(sys.modules, "awscrt.checksums", None)
    checksums.available.cache_clear()
    checksums._crt.cache_clear()
    yield
    checksums.available.cache_clear()
    checksums._crt.cache_clear()


def test_without_awscrt_big_transfers_are_checked_by_md5(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str, no_awscrt: None
) -> None:
    assert not checksums.available()
    el = transfer_element(tmp_path / "app", sigv4_server.s3, sigv4_bucket)
    src = make_file(tmp_path / "big.bin", SIZE)
    assert el.uploadFromPath("nocrc.bin", str(src))["parts"] == 3
    head = sigv4_server.s3.client().head_object(
        Bucket=sigv4_bucket, Key="nocrc.bin", ChecksumMode="ENABLED"
    )
    assert "ChecksumCRC64NVME" not in head  # the upload asked for none
    got = el.downloadToPath("nocrc.bin", str(tmp_path / "out.bin"))
    assert got["verified"] == "parts"
    assert md5_file(tmp_path / "out.bin") == md5_file(src)


def test_moto_upload_and_download_are_checked_without_an_echo(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    """moto echoes no part CRC: each part's ETag is checked against its MD5 instead, and the
    object still gets its full-object CRC, which the download checks."""
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    src = make_file(tmp_path / "big.bin", SIZE)
    el.uploadFromPath("big.bin", str(src))
    got = el.downloadToPath("big.bin", str(tmp_path / "out.bin"))
    assert got["verified"] == "crc64nvme"
    assert md5_file(tmp_path / "out.bin") == md5_file(src)


_CRC_HEADER = re.compile(rb"(x-amz-checksum-crc64nvme: )([A-Za-z0-9+/=]{12})", re.IGNORECASE)


def _wrong_crc(data: bytes) -> bytes:
    """The object's CRC64NVME header, as the server sends it, replaced by another valid one."""
    return _CRC_HEADER.sub(lambda m: m.group(1) + b"AAAAAAAAAAA=", data)


@pytest.mark.parametrize("fault", ["wrong crc", "flipped bytes"])
def test_a_wrong_crc_yields_no_file(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, proxy: FaultProxy, fault: str
) -> None:
    """Bytes that do not match the object's CRC (the header changed, or the body): an
    integrity error, and neither the target nor a temp file is left in the folder."""
    src = make_file(tmp_path / "big.bin", SIZE)
    transfer_element(tmp_path / "up", moto_server.s3, moto_bucket).uploadFromPath(
        "big.bin", str(src)
    )
    s3 = LocalS3(proxy.endpoint_url, moto_server.s3.access_key, moto_server.s3.secret_key)
    el = transfer_element(tmp_path / "app", s3, moto_bucket)
    rewrite = _wrong_crc if fault == "wrong crc" else flip_data_reads
    proxy.arm(Fault("tamper", DOWN, times=-1, rewrite=rewrite))
    out = tmp_path / "dl"
    out.mkdir()
    with pytest.raises(StorageError) as info:
        el.downloadToPath("big.bin", str(out / "big.bin"))
    assert proxy.hits.get("tamper")
    assert info.value.code == "integrity_error"
    assert "CRC64NVME" in str(info.value)
    assert list(out.iterdir()) == []
