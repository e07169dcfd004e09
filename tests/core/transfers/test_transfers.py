"""Transfer engine against real local servers: round trips, equal parts, verification, cancel,
source changes, path escapes, the pool bound, unfinished uploads."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from support.servers import MotoHandle, SeaweedHandle
from support.transfers import (
    MiB,
    PartRecorder,
    make_file,
    md5_file,
    requests_in_flight,
    transfer_element,
)

import r2desk.storages.r2 as r2mod
from r2desk import CloudflareR2Type, StorageError
from r2desk.transfers.control import CancelToken
from r2desk.transfers.localpaths import TEMP_SUFFIX, unsafe_reason
from r2desk.transfers.parts import (
    MAX_PARTS,
    MIN_PART,
    candidate_part_sizes,
    part_ranges,
    part_size_for,
)


@pytest.fixture
def el(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> CloudflareR2Type:
    return transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)


class Recorder:
    """A progress callback that keeps every call and checks the running totals."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []
        self.lock = threading.Lock()

    def __call__(self, done: int, total: int) -> None:
        with self.lock:
            self.calls.append((done, total))

    def check(self, total: int) -> None:
        assert self.calls, "no progress reported"
        assert self.calls[-1] == (total, total)
        dones = [d for d, _ in self.calls]
        assert dones == sorted(dones), "progress went backwards"


# -- pure planning --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "size",
    [MIN_PART + 1, 17 * MiB, 1024**3, 1024**3 + 1, 100 * 1024**3, 5 * 1024**4 - 5 * 1024**3],
)
def test_part_plan_is_equal_and_fits(size: int) -> None:
    part = part_size_for(size)
    ranges = part_ranges(size, part)
    assert len(ranges) <= MAX_PARTS
    assert part >= MIN_PART
    assert {ln for _, _, ln in ranges[:-1]} <= {part}
    assert 0 < ranges[-1][2] <= part
    assert sum(ln for _, _, ln in ranges) == size
    assert part in candidate_part_sizes(size, len(ranges))


@pytest.mark.parametrize(
    ("rel", "bad"),
    [
        ("a/b.txt", False),
        ("a//b", False),
        ("../x", True),
        ("a/../../x", True),
        ("/etc/passwd", True),
        ("C:/Windows/x", True),
        ("c:x", True),
        ("a\\..\\..\\x", True),
        ("\\\\server\\share", True),
        ("a\x00b", True),
    ],
)
def test_unsafe_reason(rel: str, bad: bool) -> None:
    assert (unsafe_reason(rel) is not None) == bad


# -- round trips ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 700_000, 3 * MiB, 16 * MiB, 16 * MiB + 1, 41 * MiB + 7])
def test_round_trip_sizes(el: CloudflareR2Type, tmp_path: Path, size: int) -> None:
    src = make_file(tmp_path / "src.bin", size, seed=size)
    rec = PartRecorder()
    up, down = Recorder(), Recorder()
    with rec.attached(el.client):
        result = el.uploadFromPath("d/src.bin", str(src), progress=up)
    assert result["size"] == size and result["key"] == "d/src.bin"
    up.check(size)
    sizes = rec.sizes()
    if size > 16 * MiB:
        part = part_size_for(size)
        assert result["etag"].endswith(f"-{len(sizes)}")
        # R2's rule, which moto does not check: every part but the last is the same size.
        numbers = sorted(sizes)
        assert numbers == list(range(1, len(numbers) + 1))
        assert all(sizes[n] == part for n in numbers[:-1])
        assert 0 < sizes[numbers[-1]] <= part
    else:
        assert sizes == {}
    out = tmp_path / "out" / "copy.bin"
    got = el.downloadToPath("d/src.bin", str(out), progress=down)
    down.check(size)
    # A multipart upload of ours carries a full-object CRC64NVME (moto reports it on HEAD).
    assert got["verified"] == ("crc64nvme" if size > 16 * MiB else "md5")
    assert md5_file(out) == md5_file(src)
    assert not list(out.parent.glob(f"*{TEMP_SUFFIX}"))


def test_content_type_metadata_and_into_folder(el: CloudflareR2Type, tmp_path: Path) -> None:
    src = make_file(tmp_path / "page.html", 5000)
    el.uploadFromPath("site/page.html", str(src), metadata={"owner": "me"})
    info = el.getObject("site/page.html")
    assert info["contentType"] == "text/html"
    assert info["metadata"] == {"owner": "me"}
    el.uploadFromPath("site/raw", str(src), contentType="application/x-custom")
    assert el.getObject("site/raw")["contentType"] == "application/x-custom"
    dest = tmp_path / "dl"
    dest.mkdir()
    result = el.downloadToPath("site/page.html", str(dest))
    assert result["path"] == str(dest / "page.html")
    assert md5_file(dest / "page.html") == md5_file(src)


def test_missing_source_and_object(el: CloudflareR2Type, tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        el.uploadFromPath("k", str(tmp_path / "nope"))
    assert info.value.code == "local_io"
    with pytest.raises(StorageError) as info:
        el.downloadToPath("missing", str(tmp_path / "x"))
    assert info.value.code == "not_found"
    assert not (tmp_path / "x").exists()
    assert not list(tmp_path.glob(f".*{TEMP_SUFFIX}"))


def test_upload_by_file_over_single_put_limit_uses_parts(
    el: CloudflareR2Type, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real limit is 5 GiB; lower our own constant so the same route runs on 20 MiB.
    monkeypatch.setattr(r2mod, "SINGLE_PUT_LIMIT", 10 * MiB)
    data = make_file(tmp_path / "mem", 20 * MiB + 3).read_bytes()
    rec = PartRecorder()
    with rec.attached(el.client):
        result = el.uploadByFile("mem.bin", data)
    assert result["etag"].endswith("-3")
    assert sorted(rec.sizes().values()) == [4 * MiB + 3, 8 * MiB, 8 * MiB]
    assert el.download("mem.bin") == data


# -- folders and path escapes -----------------------------------------------------------


def test_folder_round_trip(el: CloudflareR2Type, tmp_path: Path) -> None:
    src = tmp_path / "tree"
    files = {
        "a.txt": 10,
        "sub/b.bin": 200_000,
        "sub/deeper/c.bin": 17 * MiB,
        "sub/deeper/empty": 0,
        "ünï cødé/d e.txt": 33,
    }
    for rel, size in files.items():
        make_file(src / rel, size, seed=len(rel))
    (src / "link").symlink_to(src / "a.txt")
    prog = Recorder()
    result = el.uploadFolder(str(src), "up", progress=prog)
    assert sorted(result["done"]) == sorted(f"up/{r}" for r in files)
    prog.check(sum(files.values()))
    keys = {o["key"] for o in el.iterObjects("up/")}
    assert keys == {f"up/{r}" for r in files}  # the symlink was not followed
    back = tmp_path / "back"
    prog = Recorder()
    result = el.downloadFolder("up", str(back), progress=prog)
    prog.check(sum(files.values()))
    assert result["failed"] == [] and result["skipped"] == []
    for rel in files:
        assert md5_file(back / rel) == md5_file(src / rel)


def test_download_folder_refuses_escapes(
    el: CloudflareR2Type, tmp_path: Path, moto_server: MotoHandle
) -> None:
    client = moto_server.s3.client()
    bad = ["p/../evil.txt", "p//abs.txt", "p/C:/drive.txt", "p/a\\..\\..\\win.txt"]
    for key in [*bad, "p/ok.txt"]:
        client.put_object(Bucket=el.bucket, Key=key, Body=b"x", ContentType="text/plain")
    dest = tmp_path / "box" / "dest"
    with pytest.raises(StorageError) as info:
        el.downloadFolder("p/", str(dest))
    err = info.value
    assert err.code == "invalid_argument"
    for key in bad:
        assert repr(key) in str(err)
    assert "'p/ok.txt'" not in str(err)
    assert not dest.exists() and not (tmp_path / "box" / "evil.txt").exists()
    result = el.downloadFolder("p/", str(dest), skipUnsafe=True)
    assert result["done"] == ["p/ok.txt"]
    assert sorted(s["key"] for s in result["skipped"]) == sorted(bad)
    assert [p.name for p in (tmp_path / "box").rglob("*") if p.is_file()] == ["ok.txt"]


def test_download_folder_refuses_symlink_escape(el: CloudflareR2Type, tmp_path: Path) -> None:
    dest = tmp_path / "dest"
    outside = tmp_path / "outside"
    outside.mkdir()
    dest.mkdir()
    (dest / "link").symlink_to(outside)
    el.uploadByFile("q/link/x.txt", b"x")
    with pytest.raises(StorageError) as info:
        el.downloadFolder("q", str(dest))
    assert "symbolic link" in str(info.value)
    assert not (outside / "x.txt").exists()


def test_download_folder_refuses_links_out_at_any_depth(
    el: CloudflareR2Type, tmp_path: Path
) -> None:
    """A link out as the file itself, or as a folder below others that hold plain keys
    (each folder is resolved once for all its keys), is refused all the same."""
    dest, outside = tmp_path / "dest", tmp_path / "outside"
    (dest / "a").mkdir(parents=True)
    outside.mkdir()
    (outside / "victim.txt").write_bytes(b"keep")
    (dest / "a" / "evil.txt").symlink_to(outside / "victim.txt")
    (dest / "a" / "out").symlink_to(outside)
    for key in ("l/a/1.txt", "l/a/evil.txt", "l/a/2.txt", "l/a/out/x.txt", "l/a/3.txt"):
        el.uploadByFile(key, b"x")
    with pytest.raises(StorageError) as info:
        el.downloadFolder("l/", str(dest))
    assert "'l/a/evil.txt'" in str(info.value) and "'l/a/out/x.txt'" in str(info.value)
    result = el.downloadFolder("l/", str(dest), skipUnsafe=True)
    assert sorted(s["key"] for s in result["skipped"]) == ["l/a/evil.txt", "l/a/out/x.txt"]
    assert sorted(result["done"]) == ["l/a/1.txt", "l/a/2.txt", "l/a/3.txt"]
    assert (outside / "victim.txt").read_bytes() == b"keep"
    assert sorted(p.name for p in outside.iterdir()) == ["victim.txt"]


# -- cancel, source changes --------------------------------------------------------------


def test_cancel_upload_is_prompt_and_aborts(el: CloudflareR2Type, tmp_path: Path) -> None:
    src = make_file(tmp_path / "big.bin", 120 * MiB)
    token = CancelToken()
    cancelled_at: list[float] = []

    def progress(done: int, total: int) -> None:
        if done > 20 * MiB and not cancelled_at:
            cancelled_at.append(time.monotonic())
            token.cancel()

    with pytest.raises(StorageError) as info:
        el.uploadFromPath("big.bin", str(src), progress=progress, cancel=token)
    elapsed = time.monotonic() - cancelled_at[0]
    assert info.value.code == "cancelled"
    assert elapsed < 1.0, f"cancel took {elapsed:.2f}s"
    assert el.listUploads() == []  # aborted on the server
    assert el.transfers.journal.uploads(el.config.endpoint_url, el.bucket) == []
    with pytest.raises(StorageError):
        el.getObject("big.bin")


def test_cancel_download_leaves_no_temp_file(el: CloudflareR2Type, tmp_path: Path) -> None:
    src = make_file(tmp_path / "big.bin", 60 * MiB)
    el.uploadFromPath("big.bin", str(src))
    token = CancelToken()
    cancelled_at: list[float] = []

    def progress(done: int, total: int) -> None:
        if done > 10 * MiB and not cancelled_at:
            cancelled_at.append(time.monotonic())
            token.cancel()

    out = tmp_path / "dl" / "big.bin"
    with pytest.raises(StorageError) as info:
        el.downloadToPath("big.bin", str(out), progress=progress, cancel=token)
    assert info.value.code == "cancelled"
    assert time.monotonic() - cancelled_at[0] < 1.0
    assert list(out.parent.iterdir()) == []
    assert (
        el.transfers.journal.find_download(el.config.endpoint_url, el.bucket, "big.bin", str(out))
        is None
    )


def test_cancel_before_start(el: CloudflareR2Type, tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    src = make_file(tmp_path / "f", 100)
    with pytest.raises(StorageError) as info:
        el.uploadFromPath("f", str(src), cancel=token)
    assert info.value.code == "cancelled"


@pytest.mark.parametrize("change", ["shrink", "vanish", "modify"])
def test_source_changing_mid_upload_is_an_error(
    el: CloudflareR2Type, tmp_path: Path, change: str
) -> None:
    src = make_file(tmp_path / "big.bin", 48 * MiB)
    fired: list[bool] = []

    def progress(done: int, total: int) -> None:
        if not fired:  # the first report comes while part 1 is being read
            fired.append(True)
            if change == "shrink":
                os.truncate(src, 9 * MiB)
            elif change == "vanish":
                src.unlink()
            else:
                with open(src, "r+b") as f:
                    f.seek(40 * MiB)
                    f.write(b"changed")

    with pytest.raises(StorageError) as info:
        el.uploadFromPath("big.bin", str(src), progress=progress)
    assert info.value.code == "local_io"
    assert fired
    with pytest.raises(StorageError) as missing:
        el.getObject("big.bin")
    assert missing.value.code == "not_found"  # no truncated object
    assert el.listUploads() == []


# -- the shared pool ---------------------------------------------------------------------


def test_pool_bounds_concurrency_across_callers(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket, concurrency=3)
    files = [make_file(tmp_path / f"f{i}", 3000 + i) for i in range(40)]
    big = make_file(tmp_path / "big", 40 * MiB)
    state = requests_in_flight(el)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            if i == 0:
                el.uploadFromPath("big", str(big))
            else:
                el.uploadFromPath(f"f{i}", str(files[i]))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(files))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert 2 <= state["max"] <= 3


# -- unfinished uploads ------------------------------------------------------------------


def test_list_and_abort_foreign_uploads(el: CloudflareR2Type, moto_server: MotoHandle) -> None:
    client = moto_server.s3.client()
    up = client.create_multipart_upload(Bucket=el.bucket, Key="x/y")["UploadId"]
    listed = el.listUploads()
    assert [(u["key"], u["uploadId"], u["ours"]) for u in listed] == [("x/y", up, False)]
    assert el.listUploads("nothing/") == []
    el.abortUpload("x/y", up)
    assert el.listUploads() == []
    with pytest.raises(StorageError) as info:
        el.abortUpload("x/y", up)
    assert info.value.code == "not_found"


# -- a signature-checking TLS server -------------------------------------------------------


def test_sigv4_tls_round_trip(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", sigv4_server.s3, sigv4_bucket)
    src = make_file(tmp_path / "big.bin", 25 * MiB + 5)
    small = make_file(tmp_path / "small.bin", 2 * MiB)
    up = el.uploadFromPath("big.bin", str(src))
    assert up["parts"] == 4
    el.uploadFromPath("small.bin", str(small))
    for name, path in (("big.bin", src), ("small.bin", small)):
        got = el.downloadToPath(name, str(tmp_path / "out" / name))
        assert got["verified"] == ("crc64nvme" if name == "big.bin" else "md5")
        assert md5_file(tmp_path / "out" / name) == md5_file(path)
