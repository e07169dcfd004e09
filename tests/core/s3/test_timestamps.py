"""Every client parses S3's timestamps with r2desk.s3.listing.parse_timestamp (a few µs instead of
botocore's ~0.1 ms): it must give exactly what botocore's own parser gives, for every form."""

from __future__ import annotations

from datetime import UTC

import pytest
from botocore.utils import parse_timestamp as botocore_parse
from support.servers import MotoHandle

from r2desk.s3.client import build_client, client_config
from r2desk.s3.listing import parse_timestamp

FORMS = [
    "Wed, 02 Dec 2026 10:00:00 GMT",  # Last-Modified, Date headers
    "Tue, 1 Dec 2026 01:02:03 GMT",
    "2026-12-02T10:00:00.000Z",  # XML bodies, listings
    "2026-12-02T10:00:00Z",
    "2026-12-02T10:00:00.123456+00:00",
    "Wed, 02 Dec 2026 10:00:00 +0000",  # not GMT: botocore's parser
    "1764669600",  # epoch seconds: botocore's parser
]


@pytest.mark.parametrize("text", FORMS)
def test_parse_timestamp_equals_botocore(text: str) -> None:
    ours, theirs = parse_timestamp(text), botocore_parse(text)
    assert ours == theirs and ours.utcoffset() == theirs.utcoffset()


def test_clients_take_it_for_response_headers(moto_server: MotoHandle, moto_bucket: str) -> None:
    s3 = moto_server.s3
    config = client_config(s3.endpoint_url, "us-east-1", 2)
    client = build_client(s3.endpoint_url, s3.access_key, s3.secret_key, config)
    client.put_object(Bucket=moto_bucket, Key="t.txt", Body=b"x", ContentType="text/plain")
    head = client.head_object(Bucket=moto_bucket, Key="t.txt")
    raw = head["ResponseMetadata"]["HTTPHeaders"]["last-modified"]
    assert head["LastModified"] == botocore_parse(raw)
    assert head["LastModified"].tzinfo is UTC  # ours; botocore's parser gives dateutil's tzutc
