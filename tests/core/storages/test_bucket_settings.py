"""Bucket settings through the element: CORS and lifecycle round trips, storage class in place,
unfinished uploads' parts; on moto and SeaweedFS (a call a server lacks is ``not_implemented``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import LocalS3, MotoHandle, SeaweedHandle

from r2desk import App, CloudflareR2Type, StorageError
from r2desk.results import CorsRule, LifecycleRule
from r2desk.storages import bucket_rules as rules
from r2desk.storages.meta import Meta


@pytest.fixture(params=["moto", "seaweedfs"])
def server(request: pytest.FixtureRequest) -> tuple[LocalS3, str]:
    """(server, fresh bucket) on each of the two servers."""
    if request.param == "moto":
        moto: MotoHandle = request.getfixturevalue("moto_server")
        return moto.s3, request.getfixturevalue("moto_bucket")
    weed: SeaweedHandle = request.getfixturevalue("sigv4_server")
    return weed.s3, request.getfixturevalue("sigv4_bucket")


@pytest.fixture
def el(tmp_path: Path, server: tuple[LocalS3, str]) -> Meta:
    write_element(tmp_path, server[0], server[1])
    return App(tmp_path).getElement("storages.MyR2")


CORS: list[CorsRule] = [
    rules.cors_presets("https://app.example.com")["Allow browser uploads from my site"],
    {
        "allowedOrigins": ["*"],
        "allowedMethods": ["GET"],
        "allowedHeaders": [],
        "exposeHeaders": [],
        "maxAgeSeconds": None,
    },
]


def test_cors_round_trip_without_checksum_headers(el: Meta) -> None:
    assert isinstance(el, CloudflareR2Type)
    sent: list[dict[str, str]] = []
    el.client.meta.events.register(
        "before-send.s3.PutBucketCors",
        lambda request, **_: sent.append(dict(request.headers.items())),
    )
    assert el.getBucketCors() == []
    el.putBucketCors(CORS)
    assert el.getBucketCors() == CORS
    names = {k.lower() for k in sent[0]}
    assert not any(n.startswith("x-amz-checksum") for n in names)
    assert "x-amz-sdk-checksum-algorithm" not in names and "content-md5" in names
    el.putBucketCors([])  # [] clears
    assert el.getBucketCors() == []


def test_cors_rules_are_checked_before_saving(el: Meta) -> None:
    bad: CorsRule = {
        "allowedOrigins": ["example.com/path"],
        "allowedMethods": ["FETCH"],
        "allowedHeaders": ["bad header"],
        "exposeHeaders": [],
        "maxAgeSeconds": -1,
    }
    with pytest.raises(StorageError) as info:
        el.putBucketCors([bad])
    text = str(info.value)
    for words in ("rule 1: origin 'example.com/path'", "'FETCH'", "'bad header'", "max age"):
        assert words in text


LIFECYCLE: list[LifecycleRule] = [
    {
        "id": "tmp-cleanup",
        "enabled": True,
        "prefix": "tmp/",
        "expireDays": 3,
        "expireDate": None,
        "abortMultipartDays": 2,
        "transitionDays": None,
    },
    {
        "id": "archive-to-ia",
        "enabled": True,
        "prefix": "archive/",
        "expireDays": None,
        "expireDate": None,
        "abortMultipartDays": None,
        "transitionDays": 30,
    },
]


def test_lifecycle_round_trip(el: Meta) -> None:
    assert el.getBucketLifecycle() == []
    el.putBucketLifecycle(LIFECYCLE[:1])
    assert el.getBucketLifecycle() == LIFECYCLE[:1]
    el.putBucketLifecycle([])
    assert el.getBucketLifecycle() == []


def test_lifecycle_transition_or_not_supported(el: Meta, request: pytest.FixtureRequest) -> None:
    """moto stores a move to Infrequent Access; SeaweedFS has no transitions and says so
    (``not_implemented``: the dialog shows "not supported by this server")."""
    if request.node.callspec.params["server"] == "seaweedfs":
        with pytest.raises(StorageError) as info:
            el.putBucketLifecycle(LIFECYCLE)
        assert info.value.code == "not_implemented"
        return
    el.putBucketLifecycle(LIFECYCLE)
    got = el.getBucketLifecycle()
    assert sorted(got, key=lambda r: r["id"]) == sorted(LIFECYCLE, key=lambda r: r["id"])


def test_lifecycle_rules_are_checked(el: Meta) -> None:
    rule = rules.new_lifecycle_rule("r")
    with pytest.raises(StorageError, match="choose at least one action"):
        el.putBucketLifecycle([rule])
    many = [{**rule, "id": f"r{n}", "expireDays": 1} for n in range(1001)]
    assert "at most 1000 lifecycle rules" in rules.lifecycle_problems(many)[0]  # type: ignore[arg-type]
    both: LifecycleRule = {**rule, "expireDays": 3, "expireDate": "2030-01-01"}
    assert "not both" in rules.lifecycle_problems([both])[0]
    late: LifecycleRule = {**rule, "expireDays": 10, "transitionDays": 30}
    assert "before deleting" in rules.lifecycle_problems([late])[0]


def test_storage_class_change_keeps_metadata_and_type(
    el: Meta, server: tuple[LocalS3, str]
) -> None:
    s3, bucket = server
    s3.client().put_object(
        Bucket=bucket,
        Key="docs/report.pdf",
        Body=b"%PDF" * 100,
        ContentType="application/pdf",
        CacheControl="max-age=60",
        Metadata={"owner": "ana"},
    )
    result = el.setStorageClass("docs/report.pdf", "STANDARD_IA")
    assert result["previous"] == "STANDARD" and result["storageClass"] == "STANDARD_IA"
    info = el.getObject("docs/report.pdf")
    assert info["storageClass"] == "STANDARD_IA"
    assert info["contentType"] == "application/pdf"
    assert info["metadata"] == {"owner": "ana"}
    assert info["cacheControl"] == "max-age=60"
    assert el.download("docs/report.pdf") == b"%PDF" * 100
    listed = el.listObjects("docs/")["objects"][0]
    assert listed["storageClass"] == "STANDARD_IA"
    back = el.setStorageClass("docs/report.pdf", "STANDARD")
    assert back["previous"] == "STANDARD_IA"
    assert el.getObject("docs/report.pdf")["storageClass"] in ("STANDARD", "")
    with pytest.raises(StorageError, match="STANDARD or STANDARD_IA"):
        el.setStorageClass("docs/report.pdf", "GLACIER")


def test_unfinished_upload_parts_are_counted(el: Meta, server: tuple[LocalS3, str]) -> None:
    s3, bucket = server
    client = s3.client()
    upload_id = client.create_multipart_upload(Bucket=bucket, Key="big.bin")["UploadId"]
    for n in (1, 2, 3):
        client.upload_part(
            Bucket=bucket, Key="big.bin", UploadId=upload_id, PartNumber=n, Body=b"p" * (5 << 20)
        )
    assert el.listUploadParts("big.bin", upload_id) == {
        "key": "big.bin",
        "uploadId": upload_id,
        "parts": 3,
        "bytes": 15 << 20,
    }
    el.abortUpload("big.bin", upload_id)
    assert el.listUploads() == []


def test_the_exact_xml_is_what_botocore_sends() -> None:
    xml = rules.cors_xml(CORS)
    assert "<AllowedOrigin>https://app.example.com</AllowedOrigin>" in xml
    assert "<AllowedMethod>PUT</AllowedMethod>" in xml and "<MaxAgeSeconds>3600" in xml
    xml = rules.lifecycle_xml(LIFECYCLE)
    assert "<DaysAfterInitiation>2</DaysAfterInitiation>" in xml
    assert "<StorageClass>STANDARD_IA</StorageClass>" in xml


def test_abort_days_follow_rules_then_r2s_default() -> None:
    assert rules.abort_days_for(LIFECYCLE, "tmp/x", r2=False) == 2
    assert rules.abort_days_for(LIFECYCLE, "other", r2=True) == 7
    assert rules.abort_days_for(LIFECYCLE, "other", r2=False) is None
