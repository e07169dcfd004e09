"""Migrate moto -> SeaweedFS: every object verified, the JSON-lines report, ``switch`` rewriting
the app's element (backup kept) only when verification passed; a failed verification (an
object the new store refused, bytes read back that do not match) never switches."""

from __future__ import annotations

import json
from pathlib import Path

from support.faultproxy import DOWN, Fault, FaultProxy, flip_data_reads
from support.keys import HOSTILE_KEYS, KEY_1024, KEY_1024_FLAT
from support.servers import LocalS3, MotoHandle, SeaweedHandle
from support.sync import MakeElement
from support.transfers import MiB, make_file

from r2desk import App
from r2desk.sync.migrate import migrate
from r2desk.sync.run import Options, run
from r2desk.sync.sides import BucketSide


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_migrate_verifies_every_object_and_switches(
    tmp_path: Path,
    make_element: MakeElement,
    moto_server: MotoHandle,
    moto_bucket: str,
    sigv4_server: SeaweedHandle,
    sigv4_bucket: str,
) -> None:
    old = make_element(moto_server.s3, moto_bucket, "Site")
    new = make_element(sigv4_server.s3, sigv4_bucket, "NewSite")
    keys = [k for k in HOSTILE_KEYS if "//" not in k]  # SeaweedFS stores 'a//b' as 'a/b'
    for k in keys:
        old.uploadByFile(k, k.encode(), "text/plain")
    old.uploadFromPath("big/multi", str(make_file(tmp_path / "m", 20 * MiB)))
    old.uploadByFile("big/single", make_file(tmp_path / "s", 12 * MiB).read_bytes())
    report = tmp_path / "report.jsonl"
    app = App(tmp_path / "app")
    before = (tmp_path / "app/storages/Site/Site.json").read_text()
    result = migrate(old, new, report, app=app, switch=True, state_folder=tmp_path / "st")
    assert result["sync"]["failed"] == []
    assert result["objects"] == len(keys) + 2 == result["verified"]
    assert result["problems"] == 0 and result["switched"]
    lines = {str(r["key"]): r for r in _lines(report)}
    assert set(lines) == {*keys, "big/multi", "big/single"}
    assert all(r["status"] == "verified" for r in lines.values())
    assert lines["big/multi"]["method"] == "etag"  # copied in the same parts: same ETag
    assert lines["big/single"]["method"] == "read-back"  # plain MD5 vs multipart: read back
    assert lines["with space.txt"]["size"] == len(b"with space.txt")
    # The app's element now reaches the new store; the old config is kept beside it.
    backup = Path(result["backup"])
    assert backup.parent.name == "Site" and json.loads(backup.read_text()) == json.loads(before)
    cfg = json.loads((tmp_path / "app/storages/Site/Site.json").read_text())
    assert cfg["endPoint"] == sigv4_server.s3.endpoint_url and cfg["bucketName"] == sigv4_bucket
    switched = App(tmp_path / "app").getElement("storages.Site")
    assert switched.download("plus+sign.txt") == b"plus+sign.txt"
    assert [e.name for e in App(tmp_path / "app").listElements()] == [
        "storages.NewSite",
        "storages.Site",
    ]


def test_dry_run_plans_only(
    tmp_path: Path, make_element: MakeElement, moto_server: MotoHandle, moto_bucket: str
) -> None:
    old = make_element(moto_server.s3, moto_bucket, "Site")
    new = make_element(moto_server.s3, moto_server.s3.make_bucket(), "NewSite")
    old.uploadByFile("a", b"1")
    result = migrate(old, new, tmp_path / "r.jsonl", dry_run=True, state_folder=tmp_path / "st")
    assert result["sync"]["totals"]["create"]["count"] == 1
    assert list(new.iterObjects()) == [] and not (tmp_path / "r.jsonl").exists()


def test_an_object_the_new_store_refuses_fails_verification_and_does_not_switch(
    tmp_path: Path,
    make_element: MakeElement,
    moto_server: MotoHandle,
    moto_bucket: str,
    sigv4_server: SeaweedHandle,
    sigv4_bucket: str,
) -> None:
    """SeaweedFS holds at most 255 bytes per path segment; moto holds the flat 1024-byte key."""
    old = make_element(moto_server.s3, moto_bucket, "Site")
    new = make_element(sigv4_server.s3, sigv4_bucket, "NewSite")
    old.uploadByFile(KEY_1024_FLAT, b"flat")
    old.uploadByFile(KEY_1024, b"deep")
    old.uploadByFile("double//slash.txt", b"2")  # SeaweedFS stores it as 'double/slash.txt'
    config = tmp_path / "app/storages/Site/Site.json"
    before = config.read_text()
    report = tmp_path / "report.jsonl"
    result = migrate(
        old, new, report, app=App(tmp_path / "app"), switch=True, state_folder=tmp_path / "st"
    )
    assert len(result["sync"]["failed"]) == 1
    assert result["problems"] == 2 and not result["switched"] and result["backup"] == ""
    statuses = {str(r["key"]): r["status"] for r in _lines(report)}
    assert statuses == {
        KEY_1024: "verified",
        KEY_1024_FLAT: "missing",
        "double//slash.txt": "missing",
    }
    assert config.read_text() == before
    assert {p.name for p in config.parent.iterdir()} == {"e.json", "Site.json"}  # no backup


def test_bytes_read_back_wrong_fail_verification(
    tmp_path: Path,
    make_element: MakeElement,
    moto_server: MotoHandle,
    moto_bucket: str,
    proxy: FaultProxy,
) -> None:
    """The destination's ETag cannot be compared (multipart vs a plain MD5): its bytes are read
    back, and bytes that differ from the source's checksum stop the switch."""
    s3 = moto_server.s3
    old = make_element(s3, moto_bucket, "Site")
    via = LocalS3(proxy.endpoint_url, s3.access_key, s3.secret_key, s3.region, s3.verify)
    new = make_element(via, s3.make_bucket(), "NewSite")  # another endpoint: a streamed copy
    old.uploadByFile("single", make_file(tmp_path / "s", 12 * MiB).read_bytes())
    synced = run(BucketSide(old), BucketSide(new), Options(), state_folder=tmp_path / "st")
    assert synced["failed"] == []
    proxy.arm(Fault("tamper", DOWN, times=-1, rewrite=flip_data_reads))
    report = tmp_path / "report.jsonl"
    result = migrate(
        old, new, report, app=App(tmp_path / "app"), switch=True, state_folder=tmp_path / "st"
    )
    assert result["sync"]["totals"]["same"]["count"] == 1
    [line] = _lines(report)
    assert line["status"] == "checksum_mismatch" and line["method"] == "read-back"
    assert not result["switched"]
