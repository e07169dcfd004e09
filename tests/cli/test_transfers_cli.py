"""``r2desk put/get -r`` and ``r2desk uploads`` through the real CLI entry point, and the bar."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle
from support.transfers import MiB, make_file, md5_file

from r2desk.cli.main import main
from r2desk.cli.progress import ProgressBar
from r2desk.transfers.pool import part_limit, set_part_limit


@pytest.fixture
def root(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str, monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.setenv("R2DESK_STATE_DIR", str(tmp_path / "state"))
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    return tmp_path / "app"


def run(root: Path, *args: str) -> int:
    return main(["--app-root", str(root), *args])


def test_put_get_folder(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "photos"
    make_file(src / "a.jpg", 1000)
    make_file(src / "trip" / "b.raw", 17 * MiB)
    assert run(root, "put", "MyR2", str(src)) == 2  # a folder needs -r
    assert "use -r" in capsys.readouterr().err
    assert run(root, "put", "MyR2", "-r", str(src), "-j", "4") == 0
    assert "uploaded 2 of 2 files" in capsys.readouterr().out
    out = tmp_path / "back"
    assert run(root, "get", "MyR2", "-r", "photos/", str(out), "-q") == 0
    assert md5_file(out / "trip" / "b.raw") == md5_file(src / "trip" / "b.raw")
    assert md5_file(out / "a.jpg") == md5_file(src / "a.jpg")
    assert run(root, "get", "MyR2", "photos/trip/b.raw", str(tmp_path / "one.raw")) == 0
    assert md5_file(tmp_path / "one.raw") == md5_file(src / "trip" / "b.raw")


def test_uploads_list_and_abort(
    root: Path, moto_server: MotoHandle, moto_bucket: str, capsys: pytest.CaptureFixture[str]
) -> None:
    client = moto_server.s3.client()
    ids = [
        client.create_multipart_upload(Bucket=moto_bucket, Key=f"k{i}")["UploadId"]
        for i in range(3)
    ]
    assert run(root, "uploads", "MyR2") == 0
    out = capsys.readouterr().out
    assert all(i in out for i in ids)
    assert run(root, "uploads", "MyR2", "--abort", "k0", ids[0]) == 0
    assert run(root, "uploads", "MyR2", "--abort-all") == 0
    assert "aborted 2" in capsys.readouterr().out
    assert client.list_multipart_uploads(Bucket=moto_bucket).get("Uploads", []) == []
    assert run(root, "uploads", "MyR2", "--abort", "k0", ids[0]) == 3  # gone: not found


def test_progress_bar_draws_speed_and_eta() -> None:
    stream = io.StringIO()
    bar = ProgressBar("file.bin", stream=stream, enabled=True)
    bar(0, 100 * MiB)
    bar._last_draw = 0  # let the next call draw at once
    bar._samples = [(bar._samples[0][0] - 2.0, 0)]  # pretend 2 s passed for the first half
    bar(50 * MiB, 100 * MiB)
    bar(100 * MiB, 100 * MiB)
    bar.close()
    text = stream.getvalue()
    assert "50.0%" in text and "MiB/s" in text and "ETA 0:0" in text
    assert "100.0%" in text and text.endswith("\n")
    quiet = io.StringIO()
    silent = ProgressBar("x", stream=quiet, enabled=False)
    silent(1, 2)
    silent.close()
    assert quiet.getvalue() == ""


def test_parts_sets_the_parts_of_one_file_and_refuses_a_bad_count(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = make_file(tmp_path / "big.bin", 17 * MiB)
    try:
        assert run(root, "put", "MyR2", str(src), "--parts", "2", "-q") == 0
        assert part_limit() == 2
        assert run(root, "get", "MyR2", "big.bin", str(tmp_path / "back.bin"), "--parts", "-1") == 2
        assert "--parts must be at least 1" in capsys.readouterr().err
        assert not (tmp_path / "back.bin").exists()
    finally:
        set_part_limit(0)
