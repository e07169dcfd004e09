"""The unfinished-uploads view's core: parts and bytes, resumable from which file, expires in,
resume on the same upload id, abort older than N days; and the write-request count."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import LocalS3, MotoHandle, SeaweedHandle

from r2desk import App, StorageError
from r2desk.storages.meta import Meta
from r2desk.transfers.control import CancelToken
from r2desk.transfers.parts import MiB
from r2desk.unfinished_uploads import (
    abort_older_than,
    class_a_requests,
    resume_upload,
    unfinished_uploads,
)


@pytest.fixture(params=["moto", "seaweedfs"])
def server(request: pytest.FixtureRequest) -> tuple[LocalS3, str]:
    if request.param == "moto":
        moto: MotoHandle = request.getfixturevalue("moto_server")
        return moto.s3, request.getfixturevalue("moto_bucket")
    weed: SeaweedHandle = request.getfixturevalue("sigv4_server")
    return weed.s3, request.getfixturevalue("sigv4_bucket")


@pytest.fixture
def el(tmp_path: Path, server: tuple[LocalS3, str]) -> Meta:
    write_element(tmp_path / "app", server[0], server[1])
    return App(tmp_path / "app").getElement("storages.MyR2")


def paused_upload(el: Meta, path: Path, key: str) -> None:
    """Start a multipart upload and pause it after its first part (the journal keeps it).

    The pause follows the first part's answer, not a progress figure: progress is throttled
    in time, and a fast server could take every part before a report came."""
    path.write_bytes(bytes(range(256)) * (160 * 1024))  # 40 MiB: 5 parts of 8 MiB
    token = CancelToken()
    el.max_concurrency = 1  # parts one after another, so the first is done at the pause
    el.client.meta.events.register(  # type: ignore[attr-defined]
        "after-call.s3.UploadPart", lambda **_: token.pause()
    )

    with pytest.raises(StorageError) as info:
        el.uploadFromPath(key, str(path), cancel=token)
    assert info.value.code == "cancelled"


def test_rows_resume_and_abort(
    el: Meta, server: tuple[LocalS3, str], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    s3, bucket = server
    src = tmp_path / "video.mp4"
    paused_upload(el, src, "media/video.mp4")
    stranger = s3.client().create_multipart_upload(Bucket=bucket, Key="other.bin")["UploadId"]
    rows = {r["key"]: r for r in unfinished_uploads(el)}
    mine, theirs = rows["media/video.mp4"], rows["other.bin"]
    assert mine["resumable"] and mine["path"] == str(src) and mine["size"] == 40 * MiB
    assert mine["parts"] is not None and mine["parts"] >= 1
    assert mine["bytes"] == mine["parts"] * 8 * MiB
    if request.node.callspec.params["server"] == "seaweedfs":  # moto's start time is fixed
        assert mine["ageDays"] is not None and 0 <= mine["ageDays"] < 0.1
    assert mine["expiresInDays"] is None  # not R2 and no abort rule: never aborted
    assert not theirs["resumable"] and theirs["parts"] == 0 and theirs["path"] is None

    completed: list[str] = []
    el.client.meta.events.register(  # type: ignore[attr-defined]
        "before-call.s3.CompleteMultipartUpload",
        lambda params, **_: completed.append(str(params.get("query_string"))),
    )
    result = resume_upload(el, mine)
    assert result["resumed"] is True and result["size"] == 40 * MiB
    assert mine["uploadId"] in completed[0]  # the same upload id was completed
    assert el.download("media/video.mp4") == src.read_bytes()
    with pytest.raises(StorageError, match="no file for this upload"):
        resume_upload(el, theirs)
    assert abort_older_than(el, 100_000) == []  # none is that old
    assert abort_older_than(el, 0) == ["other.bin"]
    assert unfinished_uploads(el) == []
    assert stranger


def test_expires_in_follows_the_abort_rule(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    write_element(tmp_path / "app", sigv4_server.s3, sigv4_bucket)
    el = App(tmp_path / "app").getElement("storages.MyR2")
    el.putBucketLifecycle(
        [
            {
                "id": "abort-tmp",
                "enabled": True,
                "prefix": "tmp/",
                "expireDays": None,
                "expireDate": None,
                "abortMultipartDays": 2,
                "transitionDays": None,
            }
        ]
    )
    sigv4_server.s3.client().create_multipart_upload(Bucket=sigv4_bucket, Key="tmp/a")
    later = _dt.datetime.now(_dt.UTC) + _dt.timedelta(days=1)
    (row,) = unfinished_uploads(el, now=later, parts=False)
    assert row["parts"] is None
    assert row["ageDays"] is not None and 0.99 < row["ageDays"] < 1.01
    assert row["expiresInDays"] is not None and 0.99 < row["expiresInDays"] < 1.01


def test_class_a_request_counts() -> None:
    assert class_a_requests([]) == 0
    assert class_a_requests([0, 1, 16 * MiB]) == 3  # one PUT each
    assert class_a_requests([40 * MiB]) == 2 + 5  # create + 5 parts of 8 MiB + complete
    assert class_a_requests([1, 40 * MiB]) == 8
