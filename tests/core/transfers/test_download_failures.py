"""Downloads that cannot finish: a connection cut for good, a wrong cancel token. Each fails
with the code the README promises (and its exit code), never as ``unknown``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.faultproxy import DOWN, Fault, FaultProxy
from support.servers import LocalS3, MotoHandle
from support.transfers import MiB, make_file, md5_file, transfer_element

from r2desk import StorageError
from r2desk.cli.main import main
from r2desk.transfers.localpaths import TEMP_RE, TEMP_SUFFIX

TESTS = Path(__file__).parents[2]


def proxied_s3(moto_server: MotoHandle, proxy: FaultProxy) -> LocalS3:
    return LocalS3(proxy.endpoint_url, moto_server.s3.access_key, moto_server.s3.secret_key)


def _put(moto_server: MotoHandle, bucket: str, key: str, src: Path) -> None:
    moto_server.s3.client().upload_file(str(src), bucket, key)


# -- a connection cut for good -----------------------------------------------------------


@pytest.mark.parametrize("size", [3 * MiB, 20 * MiB + 3], ids=["one-get", "ranged"])
def test_cut_for_good_is_unreachable_through_every_path(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    proxy: FaultProxy,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    size: int,
) -> None:
    """Every body cut after 1 MiB, every time: a network failure (exit 5), whichever way the
    object is fetched, and no temp file is presented as the download."""
    src = make_file(tmp_path / "src.bin", size)
    _put(moto_server, moto_bucket, "f.bin", src)
    el = transfer_element(tmp_path / "app", proxied_s3(moto_server, proxy), moto_bucket)
    proxy.arm(Fault("cut", DOWN, after=1 * MiB, times=-1))
    out = tmp_path / "dl"
    out.mkdir()
    calls = {
        "downloadToPath": lambda: el.downloadToPath("f.bin", str(out / "f.bin")),
        "downloadFolder": lambda: el.downloadFolder("", str(out / "tree")),
        "download": lambda: el.download("f.bin"),
    }
    for name, call in calls.items():
        with pytest.raises(StorageError) as info:
            call()
        err = info.value
        assert err.code == "unreachable", f"{name}: {err}"
        assert err.exit_code == 5
        assert "127.0.0.1" in str(err), name  # the endpoint it could not reach
    assert not (out / "f.bin").exists()
    monkeypatch.setenv("R2DESK_STATE_DIR", str(tmp_path / "state"))
    capsys.readouterr()
    code = main(["--app-root", str(tmp_path / "app"), "get", "MyR2", "f.bin", str(out / "c")])
    assert code == 5, capsys.readouterr().err
    assert "[unreachable]" in capsys.readouterr().err
    proxy.clear()
    # Once the network is back, the same download finishes and verifies.
    result = el.downloadToPath("f.bin", str(out / "f.bin"))
    assert md5_file(out / "f.bin") == md5_file(src)
    assert result["verified"] in ("md5", "parts")
    # The CLI run resumes (or restarts) what its cut run kept.
    assert main(["--app-root", str(tmp_path / "app"), "get", "MyR2", "f.bin", str(out / "c")]) == 0
    assert md5_file(out / "c") == md5_file(src)
    assert not [p for p in out.iterdir() if p.name.endswith(TEMP_SUFFIX)]


# -- cancel tokens -----------------------------------------------------------------------


class Flag:
    """Any object with ``is_set()``: what a caller's own stop flag usually looks like."""

    def __init__(self) -> None:
        self.value = False

    def is_set(self) -> bool:
        return self.value


def test_cancel_accepts_a_plain_threading_event(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    src = make_file(tmp_path / "src.bin", 2 * MiB)
    event = threading.Event()
    up = el.uploadFromPath("f.bin", str(src), cancel=event)
    assert up["size"] == 2 * MiB
    down = el.downloadToPath("f.bin", str(tmp_path / "back.bin"), cancel=event)
    assert down["size"] == 2 * MiB and md5_file(tmp_path / "back.bin") == md5_file(src)
    folder = el.downloadFolder("", str(tmp_path / "tree"), cancel=Flag())
    assert folder["done"] == ["f.bin"]
    event.set()
    with pytest.raises(StorageError) as info:
        el.downloadToPath("f.bin", str(tmp_path / "again.bin"), cancel=event)
    assert info.value.code == "cancelled"
    assert not (tmp_path / "again.bin").exists()
    flag = Flag()
    flag.value = True
    with pytest.raises(StorageError) as info:
        el.uploadFolder(str(tmp_path / "tree"), "copy/", cancel=flag)
    assert info.value.code == "cancelled"


def test_cancel_set_during_a_download_stops_it(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    src = make_file(tmp_path / "src.bin", 64 * MiB)
    _put(moto_server, moto_bucket, "big.bin", src)
    event = threading.Event()

    def progress(done: int, total: int) -> None:
        if done > 1 * MiB:  # early: on a fast machine the parts in flight finish quickly
            event.set()

    out = tmp_path / "dl"
    out.mkdir()
    with pytest.raises(StorageError) as info:
        el.downloadToPath("big.bin", str(out / "big.bin"), progress=progress, cancel=event)
    assert info.value.code == "cancelled"
    assert list(out.iterdir()) == []  # a cancel discards the partial file


@pytest.mark.parametrize("bad", ["yes", 1, object()], ids=["str", "int", "object"])
def test_a_wrong_cancel_is_refused_before_starting(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, bad: object
) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    src = make_file(tmp_path / "src.bin", 1000)
    calls = {
        "uploadFromPath": lambda: el.uploadFromPath("f.bin", str(src), cancel=bad),
        "downloadToPath": lambda: el.downloadToPath("f.bin", str(tmp_path / "b"), cancel=bad),
        "uploadFolder": lambda: el.uploadFolder(str(tmp_path), "p/", cancel=bad),
        "downloadFolder": lambda: el.downloadFolder("", str(tmp_path / "t"), cancel=bad),
    }
    for name, call in calls.items():
        with pytest.raises(StorageError) as info:
            call()  # type: ignore[no-untyped-call]
        assert info.value.code == "invalid_argument", f"{name}: {info.value}"
        assert "cancel" in str(info.value) and "is_set" in str(info.value)
    assert moto_server.s3.client().list_objects_v2(Bucket=moto_bucket).get("KeyCount") == 0
    assert not (tmp_path / "b").exists() and not (tmp_path / "t").exists()


# -- the local side: a full disk, a folder in the way --------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MiB file system (tmpfs): writes past it fail with ENOSPC, as on a full disk."""
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(
            f"cannot mount a tmpfs here ({done.stderr.decode().strip()}); "
            "the file-size-limit test covers the same path"
        )
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if TEMP_RE.match(p.name)]


@pytest.mark.parametrize("size", [3 * MiB, 20 * MiB + 3], ids=["one-get", "ranged"])
def test_a_full_disk_keeps_nothing_and_names_the_folder(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, tiny_disk: Path, size: int
) -> None:
    src = make_file(tmp_path / "src.bin", size)
    _put(moto_server, moto_bucket, "f.bin", src)
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    target = tiny_disk / "sub" / "f.bin"
    for _ in range(2):  # a second try meets the same, freed, disk: no leftover fills it
        with pytest.raises(StorageError) as info:
            el.downloadToPath("f.bin", str(target))
        err = info.value
        assert err.code == "local_io", str(err)
        text = str(err)
        assert str(tiny_disk / "sub") in text and "out of space" in text
        assert TEMP_SUFFIX not in text  # the removed temp file is not what the user needs
        assert not target.exists() and _temps(tiny_disk) == []
        assert el.transfers.context.journal.download_temps() == set()
        assert shutil.disk_usage(tiny_disk).used < 256 * 1024  # the space is given back


_LIMITED_GET = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (2 * 1024 * 1024, 2 * 1024 * 1024))
from r2desk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("size", [3 * MiB, 20 * MiB + 3], ids=["one-get", "ranged"])
def test_a_file_too_big_for_the_disk_keeps_nothing(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, size: int
) -> None:
    """A file-size limit (as FAT32's 4 GiB, here 2 MiB for the process): the same clean end."""
    src = make_file(tmp_path / "src.bin", size)
    _put(moto_server, moto_bucket, "f.bin", src)
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(TESTS.parent), str(TESTS)]))
    env["R2DESK_STATE_DIR"] = str(tmp_path / "app" / "state")
    args = ["--app-root", str(tmp_path / "app"), "get", "MyR2", "f.bin", str(out / "f.bin")]
    done = subprocess.run(
        [sys.executable, "-c", _LIMITED_GET, *args], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1, done.stderr
    assert f"{out}: the file is larger than that file system allows" in done.stderr
    assert "[local_io]" in done.stderr and TEMP_SUFFIX not in done.stderr
    assert list(out.iterdir()) == []
    assert el.transfers.context.journal.download_temps() == set()


def test_a_folder_in_the_way_is_named_and_nothing_is_left(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    src = make_file(tmp_path / "src.bin", 20 * MiB + 3)
    _put(moto_server, moto_bucket, "p/big.bin", src)
    _put(moto_server, moto_bucket, "p/small.txt", make_file(tmp_path / "s.txt", 100))
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    out = tmp_path / "out"
    # A folder where the file should land (the key's name inside the folder given): named,
    # refused before anything is fetched.
    (out / "big.bin" / "big.bin").mkdir(parents=True)
    with pytest.raises(StorageError) as info:
        el.downloadToPath("p/big.bin", str(out / "big.bin"))
    assert info.value.code == "local_io"
    assert f"{out / 'big.bin' / 'big.bin'} is a folder" in str(info.value)
    assert _temps(out) == []
    # A folder download does not put a file inside a folder that is in its way.
    (out / "tree" / "small.txt").mkdir(parents=True)
    result = el.downloadFolder("p/", str(out / "tree"), raiseOnError=False)
    assert result["done"] == ["p/big.bin"]
    (failed,) = result["failed"]
    assert failed["key"] == "p/small.txt" and failed["code"] == "local_io"
    assert f"{out / 'tree' / 'small.txt'} is a folder" in failed["error"]
    assert list((out / "tree" / "small.txt").iterdir()) == []
    # A folder that appears while the download runs: named at the rename, and the full-size
    # hidden temp file and its journal row are removed.
    late = out / "late.bin"

    def make_folder(done: int, total: int) -> None:
        late.mkdir(exist_ok=True)

    with pytest.raises(StorageError) as info:
        el.downloadToPath("p/big.bin", str(late), progress=make_folder)
    assert info.value.code == "local_io"
    assert f"{late} is a folder" in str(info.value)
    assert TEMP_SUFFIX not in str(info.value)
    assert _temps(out) == []
    assert el.transfers.context.journal.download_temps() == set()
