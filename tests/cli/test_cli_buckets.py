"""``r2desk buckets|cors|lifecycle|storage-class|uploads``: the bucket methods, scripted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle

from r2desk import App
from r2desk.cli.main import main


@pytest.fixture
def root(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> Path:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    return tmp_path / "app"


def run(root: Path, *argv: str) -> int:
    return main(["--app-root", str(root), *argv])


def test_buckets_ls_create_empty_rm(
    root: Path, moto_bucket: str, capsys: pytest.CaptureFixture[str]
) -> None:
    new = f"{moto_bucket}-x"
    assert run(root, "buckets", "create", "MyR2", "Bad_Name") == 2
    assert "bucket name 'Bad_Name'" in capsys.readouterr().err
    assert run(root, "buckets", "create", "MyR2", new) == 0
    capsys.readouterr()
    assert run(root, "buckets", "MyR2", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    names = [b["name"] for b in shown["buckets"]]
    assert names[0] == moto_bucket and new in names and shown["listed"] is True
    assert run(root, "buckets", "ls", "MyR2") == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("*") and first.endswith(moto_bucket)  # own bucket, marked
    other = App(root).getElement("storages.MyR2").forBucket(new)
    for n in range(3):
        other.uploadByFile(f"f{n}", b"abc")
    assert run(root, "buckets", "rm", "MyR2", new) == 1
    assert "empty it first" in capsys.readouterr().err
    assert run(root, "buckets", "empty", "MyR2", new) == 2  # no terminal to type the name
    assert "holds 3 objects (9 B): give --yes" in capsys.readouterr().err
    assert other.countObjects()["objects"] == 3  # nothing was deleted
    assert run(root, "buckets", "empty", "MyR2", new, "--yes") == 0
    assert "deleted 3 of 3 objects" in capsys.readouterr().out
    assert run(root, "buckets", "rm", "MyR2", new) == 0
    assert run(root, "buckets", "create", "MyR2", new, "--location", "mars") == 2


def test_cors_and_lifecycle_set_get_clear(
    root: Path, tmp_path: Path, moto_server: MotoHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    other = moto_server.s3.make_bucket()
    at = f"MyR2@{other}"
    cors = tmp_path / "cors.json"
    cors.write_text(
        json.dumps({"CORSRules": [{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"]}]})
    )
    assert run(root, "cors", "set", at, str(cors)) == 0
    capsys.readouterr()
    assert run(root, "cors", "get", at) == 0
    assert json.loads(capsys.readouterr().out)[0]["allowedOrigins"] == ["*"]
    assert run(root, "cors", "get", at, "--xml") == 0
    assert "<AllowedOrigin>*</AllowedOrigin>" in capsys.readouterr().out
    assert moto_server.s3.client().get_bucket_cors(Bucket=other)["CORSRules"]  # that bucket
    assert run(root, "cors", "clear", at) == 0
    capsys.readouterr()
    assert run(root, "cors", "get", at) == 0
    assert json.loads(capsys.readouterr().out) == []
    cors.write_text("[{")
    assert run(root, "cors", "set", at, str(cors)) == 2
    assert "not valid JSON" in capsys.readouterr().err

    life = tmp_path / "life.json"
    life.write_text(json.dumps([{"id": "tmp", "prefix": "tmp/", "expireDays": 3}]))
    assert run(root, "lifecycle", "set", at, str(life)) == 0
    capsys.readouterr()
    assert run(root, "lifecycle", "get", at) == 0
    (rule,) = json.loads(capsys.readouterr().out)
    assert rule["prefix"] == "tmp/" and rule["expireDays"] == 3
    life.write_text(json.dumps([{"id": "tmp", "prefix": "tmp/"}]))
    assert run(root, "lifecycle", "set", at, str(life)) == 2
    assert "choose at least one action" in capsys.readouterr().err
    assert run(root, "lifecycle", "clear", at) == 0


def test_storage_class_recursive(
    root: Path, moto_server: MotoHandle, moto_bucket: str, capsys: pytest.CaptureFixture[str]
) -> None:
    el = App(root).getElement("storages.MyR2")
    el.uploadByFile("old/a.txt", b"a", "text/plain")
    el.uploadByFile("old/b.txt", b"b", "text/plain")
    assert run(root, "storage-class", "MyR2", "old/", "STANDARD_IA", "-r") == 0
    captured = capsys.readouterr()
    assert "30 days" in captured.err and "2 object(s) changed" in captured.err
    assert el.getObject("old/a.txt")["storageClass"] == "STANDARD_IA"
    assert el.getObject("old/a.txt")["contentType"] == "text/plain"
    assert run(root, "storage-class", "MyR2", "old/a.txt", "COLD") == 2


def test_uploads_show_parts_and_abort_older(
    root: Path, moto_server: MotoHandle, moto_bucket: str, capsys: pytest.CaptureFixture[str]
) -> None:
    client = moto_server.s3.client()
    uid = client.create_multipart_upload(Bucket=moto_bucket, Key="big.bin")["UploadId"]
    client.upload_part(
        Bucket=moto_bucket, Key="big.bin", UploadId=uid, PartNumber=1, Body=b"x" * 100
    )
    assert run(root, "uploads", "MyR2", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["parts"] == 1 and row["bytes"] == 100 and row["resumable"] is False
    assert run(root, "uploads", "MyR2") == 0
    out = capsys.readouterr().out
    assert "PARTS" in out and "100 B" in out and "never" in out
    assert run(root, "uploads", "MyR2", "--resume") == 0
    assert "can be resumed" in capsys.readouterr().out
    assert run(root, "uploads", "MyR2", "--abort-older", "0") == 0
    assert "aborted 1" in capsys.readouterr().out
