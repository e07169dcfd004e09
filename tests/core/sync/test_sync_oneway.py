"""One-way sync and compare against a real local S3 server (moto): every plan type, the state
shortcut, mtime metadata, the --delete cap, hostile keys, keys a folder cannot hold, NFC twins."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from support.keys import HOSTILE_KEYS, KEY_1024
from support.sync import write_tree
from support.transfers import PartRecorder

from r2desk import CloudflareR2Type, StorageError
from r2desk.results import SyncItem
from r2desk.sync.compare import Judge
from r2desk.sync.run import Options, compare, run
from r2desk.sync.sides import BucketSide, LocalSide
from r2desk.sync.walk import Entry, walk_local


def items_of(fn: object, *args: object, **kw: object) -> tuple[dict[str, object], list[SyncItem]]:
    seen: list[SyncItem] = []
    assert callable(fn)
    report = fn(*args, on_item=seen.append, **kw)
    return report, seen


def by_key(items: list[SyncItem]) -> dict[str, tuple[str, str]]:
    return {i["key"]: (i["action"], i["reason"]) for i in items}


def test_local_walk_yields_s3_byte_order(tmp_path: Path) -> None:
    """'a-b' < 'a/x' < 'a0' in bytes ('-' 0x2d, '/' 0x2f, '0' 0x30): a folder's files come
    where S3 lists them, not where a name sort of the folder would put them."""
    names = ["a-b", "a/x", "a/y/z", "a0", "B", "é", "z", "ab"]
    write_tree(tmp_path, {n: b"x" for n in names})
    got = [e.key for e in walk_local(str(tmp_path))]
    assert got == sorted(names, key=lambda k: k.encode())


def test_first_sync_uploads_with_mtime_and_resync_is_free(
    tmp_path: Path, el: CloudflareR2Type, state_folder: Path
) -> None:
    src = tmp_path / "src"
    write_tree(src, {"a.txt": b"aaa", "d/b.bin": b"b" * 1000, "d/e/c": b""})
    a, b = LocalSide(str(src)), BucketSide(el, "backup")
    report, items = items_of(run, a, b, Options(), state_folder=state_folder)
    assert report["totals"]["create"] == {"count": 3, "bytes": 1003}
    assert report["failed"] == [] and report["done"] == 3
    assert el.download("backup/d/b.bin") == b"b" * 1000
    assert el.getObject("backup/a.txt")["metadata"]["mtime"] == "1700000000.000000000"
    # Re-sync: listing and state only, no HEAD, nothing sent.
    rec = PartRecorder()
    with rec.attached(el.client):
        report, items = items_of(run, a, b, Options(), state_folder=state_folder)
    assert items == [] and report["totals"]["same"]["count"] == 3
    assert set(rec.operations) == {"ListObjectsV2"}


def test_every_one_way_plan_type(tmp_path: Path, el: CloudflareR2Type, state_folder: Path) -> None:
    src = tmp_path / "src"
    write_tree(src, {"same": b"1", "size": b"22", "mtime": b"33", "sum": b"55"})
    a, b = LocalSide(str(src)), BucketSide(el, "")
    run(a, b, Options(), state_folder=state_folder)
    write_tree(src, {"new": b"4"})
    el.uploadByFile("gone", b"x")
    (src / "size").write_bytes(b"222")  # changed by size
    os.utime(src / "size", (1_700_000_000, 1_700_000_000))
    os.utime(src / "mtime", (1_700_000_100, 1_700_000_100))  # changed by mtime
    (src / "sum").write_bytes(b"66")  # same size, same mtime: only a checksum tells
    os.utime(src / "sum", (1_700_000_000, 1_700_000_000))
    fresh = tmp_path / "fresh-state"  # no state: the object's recorded mtime decides
    _, items = items_of(compare, a, b, state_folder=fresh)
    got = by_key(items)
    assert got["size"][0] == "update" and "size" in got["size"][1]
    assert got["mtime"] == ("update", "mtime differs")
    assert got["gone"][0] == "delete"
    assert "sum" not in got  # size and mtime agree: not a difference without --checksum
    assert got["new"] == ("create", "new") and "same" not in got
    _, items = items_of(compare, a, b, checksum=True, state_folder=fresh)
    got = by_key(items)
    assert got["sum"] == ("update", "checksum differs")
    assert "mtime" not in got  # the same bytes: only the mtime moved
    # The sync: new and changed files go, the extra object stays without --delete.
    report, items = items_of(run, a, b, Options(checksum=True), state_folder=state_folder)
    assert by_key(items)["gone"][0] == "extra"
    assert report["totals"]["update"]["count"] == 2 and report["totals"]["create"]["count"] == 1
    assert el.download("sum") == b"66" and el.exists("gone")
    report = run(a, b, Options(delete=True, force=True), state_folder=state_folder)
    assert report["totals"]["delete"]["count"] == 1 and not el.exists("gone")


def test_objects_without_mtime_fall_back_to_etag(
    tmp_path: Path, el: CloudflareR2Type, state_folder: Path
) -> None:
    """An object another tool uploaded (no mtime metadata): same size and MD5 is the same."""
    src = tmp_path / "src"
    write_tree(src, {"same": b"hello", "differs": b"hellO"})
    el.uploadByFile("same", b"hello")
    el.uploadByFile("differs", b"hello")
    _, items = items_of(compare, LocalSide(str(src)), BucketSide(el), state_folder=state_folder)
    assert by_key(items) == {"differs": ("update", "no recorded mtime; checksum differs")}


def test_download_direction_sets_mtime_and_refuses_unholdable_keys(
    tmp_path: Path, el: CloudflareR2Type, state_folder: Path
) -> None:
    keys = [*HOSTILE_KEYS, "dot/./x", "up/../x"]
    for k in keys:
        el.uploadByFile(k, k.encode())
    dst = tmp_path / "dst"
    report, items = items_of(
        run, BucketSide(el), LocalSide(str(dst)), Options(), state_folder=state_folder
    )
    invalid = {i["key"]: i["reason"] for i in items if i["action"] == "invalid"}
    assert set(invalid) == {"double//slash.txt", "dot/./x", "up/../x"}
    assert "empty path segment" in invalid["double//slash.txt"]
    for k in keys:
        if k not in invalid:
            assert dst.joinpath(*k.split("/")).read_bytes() == k.encode()
    assert report["failed"] == []
    # Unholdable keys are reported, never taken for local deletions, and a re-run is quiet.
    report, items = items_of(
        run,
        BucketSide(el),
        LocalSide(str(dst)),
        Options(delete=True, force=True),
        state_folder=state_folder,
    )
    assert {i["action"] for i in items} == {"invalid"}


def test_hostile_keys_round_trip_and_compare_equal(
    tmp_path: Path, el: CloudflareR2Type, state_folder: Path
) -> None:
    src = tmp_path / "src"
    local_ok = [k for k in HOSTILE_KEYS if "//" not in k and k != KEY_1024]
    write_tree(src, {k: k.encode() for k in local_ok})
    report = run(LocalSide(str(src)), BucketSide(el), Options(), state_folder=state_folder)
    assert report["totals"]["create"]["count"] == len(local_ok) and report["failed"] == []
    for k in local_ok:
        assert el.download(k) == k.encode()
    _, items = items_of(compare, LocalSide(str(src)), BucketSide(el), state_folder=tmp_path / "x")
    assert items == []


def test_too_long_key_is_reported_not_uploaded(
    tmp_path: Path, el: CloudflareR2Type, state_folder: Path
) -> None:
    src = tmp_path / "src"
    deep = "/".join(["d" * 200] * 5)  # 1004 bytes + prefix: over 1024 bytes as a key
    write_tree(src, {deep: b"x", "ok": b"y"})
    _, items = items_of(
        run, LocalSide(str(src)), BucketSide(el, "p" * 30), Options(), state_folder=state_folder
    )
    got = by_key(items)
    assert got[deep][0] == "invalid" and "1024" in got[deep][1]
    assert got["ok"][0] == "create"


def test_nfc_twins_are_a_collision_never_uploaded_nor_deleted(
    tmp_path: Path, el: CloudflareR2Type, state_folder: Path
) -> None:
    """On R2 'é' in NFC and NFD is one key: two local files would be one object."""
    nfc, nfd = unicodedata.normalize("NFC", "café.txt"), unicodedata.normalize("NFD", "café.txt")
    src = tmp_path / "src"
    write_tree(src, {nfc: b"one", nfd: b"two", "dir/" + nfc: b"3", "dir/" + nfd: b"4", "x": b"5"})
    el.uploadByFile(nfc, b"old")
    el.uploadByFile("dir/" + nfc, b"old")
    side = _r2_like(BucketSide(el))
    rec = PartRecorder()
    with rec.attached(el.client):
        report, items = items_of(
            run,
            LocalSide(str(src)),
            side,
            Options(delete=True, force=True),
            state_folder=state_folder,
        )
    got = by_key(items)
    collided = [i for i in items if i["action"] == "collision"]
    assert len(collided) == 2 and all("NFC/NFD" in i["reason"] for i in collided)
    assert got["x"][0] == "create"
    assert report["totals"]["delete"]["count"] == 0
    assert el.download(nfc) == b"old" and el.download("dir/" + nfc) == b"old"
    assert rec.operations.count("PutObject") == 1  # x only


class _R2Side(BucketSide):
    @property
    def folds_nfc(self) -> bool:
        return True


def _r2_like(side: BucketSide) -> BucketSide:
    """The same bucket, compared with R2's NFC folding (moto keeps NFC and NFD apart)."""
    return _R2Side(side.element, side.prefix)


def test_delete_cap_refuses_then_force(
    tmp_path: Path, el: CloudflareR2Type, state_folder: Path
) -> None:
    src = tmp_path / "src"
    write_tree(src, {"keep": b"1"})
    for i in range(4):
        el.uploadByFile(f"old{i}", b"x")
    el.uploadByFile("keep", b"1")
    a, b = LocalSide(str(src)), BucketSide(el)
    report = run(a, b, Options(delete=True), state_folder=state_folder)
    assert "refusing to delete 4 of 5 files" in report["deletesRefused"]
    assert len(list(el.iterObjects())) == 5
    report = run(a, b, Options(delete=True, max_delete=80), state_folder=state_folder)
    assert report["deletesRefused"] == "" and len(list(el.iterObjects())) == 1
    for i in range(4):
        el.uploadByFile(f"old{i}", b"x")
    report = run(a, b, Options(delete=True, force=True), state_folder=state_folder)
    assert report["totals"]["delete"]["count"] == 4 and [o["key"] for o in el.iterObjects()] == [
        "keep"
    ]


def test_dry_run_changes_nothing(tmp_path: Path, el: CloudflareR2Type, state_folder: Path) -> None:
    src = tmp_path / "src"
    write_tree(src, {"a": b"1", "b": b"22"})
    el.uploadByFile("z", b"x")
    rec = PartRecorder()
    with rec.attached(el.client):
        report = run(
            LocalSide(str(src)),
            BucketSide(el),
            Options(dry_run=True, delete=True, force=True),
            state_folder=state_folder,
        )
    assert report["totals"]["create"] == {"count": 2, "bytes": 3}
    assert report["totals"]["delete"] == {"count": 1, "bytes": 1}
    assert set(rec.operations) == {"ListObjectsV2"}
    assert [o["key"] for o in el.iterObjects()] == ["z"]


def test_case_only_difference_on_a_case_insensitive_folder(
    tmp_path: Path, el: CloudflareR2Type, state_folder: Path
) -> None:
    """'Readme' and 'README' are one file where the folder ignores case: neither overwrites
    nor deletes the other."""
    dst = tmp_path / "dst"
    write_tree(dst, {"README": b"local"})
    el.uploadByFile("Readme", b"remote")
    side = LocalSide(str(dst), ignore_case=True)
    _, items = items_of(
        run, BucketSide(el), side, Options(delete=True, force=True), state_folder=state_folder
    )
    got = by_key(items)
    assert got["Readme"][0] == "collision" and "README" in got["Readme"][1]
    assert got["README"][0] == "collision"
    assert (dst / "README").read_bytes() == b"local" and not (dst / "Readme").exists()


def test_both_sides_local_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        run(LocalSide(str(tmp_path)), LocalSide(str(tmp_path)), Options())
    assert info.value.code == "invalid_argument"


def test_a_file_or_object_gone_mid_compare_is_one_item_not_the_run(
    tmp_path: Path, el: CloudflareR2Type
) -> None:
    """Between the listing and the check an object was deleted, or a file: the item is marked
    different (its transfer then says what is wrong), the comparison carries on."""
    judge = Judge(LocalSide(str(tmp_path)), BucketSide(el), None, checksum=False)
    local = Entry("k", "k", size=3, mtime_ns=1, path=str(tmp_path / "gone"))
    obj = Entry("k", "k", size=3, etag="0" * 32)
    assert judge.slow(local, obj, True) == (False, "the object changed during the comparison")
    judge = Judge(LocalSide(str(tmp_path)), BucketSide(el), None, checksum=True)
    same, why = judge.slow(local, obj, True)
    assert not same and why.startswith("the file could not be read")


def test_a_key_where_the_folder_has_a_subfolder_fails_alone(
    tmp_path: Path, el: CloudflareR2Type, state_folder: Path
) -> None:
    """Object 'a' and a local folder 'a/': the file is not written inside the folder."""
    dst = tmp_path / "dst"
    write_tree(dst, {"a/inner": b"keep"})
    el.uploadByFile("a", b"file")
    el.uploadByFile("a/inner", b"keep")
    el.uploadByFile("b", b"ok")
    report = run(BucketSide(el), LocalSide(str(dst)), Options(), state_folder=state_folder)
    assert [f["key"] for f in report["failed"]] == ["a"]
    assert "is a folder here" in report["failed"][0]["error"]
    assert not (dst / "a" / "a").exists() and (dst / "b").read_bytes() == b"ok"
