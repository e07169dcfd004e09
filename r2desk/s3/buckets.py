"""Bucket-level requests on the wire: R2's ListBuckets paging, and no checksum on PutBucketCors.

R2 pages ListBuckets with ``cf-`` headers (``cf-max-keys``, ``cf-continuation-token`` in the
request; ``cf-is-truncated``, ``cf-next-continuation-token`` in the response), and rejects
checksum headers on PutBucketCors, which botocore's model marks as requiring one. Both are
client event handlers, registered by ``r2desk.s3.client.build_client``.
"""

from __future__ import annotations

import base64
import hashlib
from typing import TYPE_CHECKING, Any

from r2desk.results import BucketInfo, BucketPage

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

#: Where a call's extra request headers travel through botocore (the request context).
_HEADERS = "r2desk_headers"


def add_context_headers(params: dict[str, Any], **_: Any) -> None:
    """``before-call``: send the headers a caller put in the request context."""
    extra = params.get("context", {}).pop(_HEADERS, None)
    if extra:
        params.setdefault("headers", {}).update(extra)


def _take_headers(params: dict[str, Any], context: dict[str, Any], **_: Any) -> None:
    """``provide-client-params``: move ``R2Headers`` out of the params (botocore would refuse
    the unknown parameter) into the request context."""
    extra = params.pop("R2Headers", None)
    if extra:
        context[_HEADERS] = extra


def md5_instead_of_checksum(request: Any, **_: Any) -> None:
    """``before-sign.s3.PutBucketCors``: R2 rejects ``x-amz-checksum-*`` here; S3 requires an
    integrity header, so send the classic Content-MD5 of the exact body instead (botocore adds
    its checksum after ``before-call``, so this runs just before signing)."""
    headers = request.headers
    for name in list(headers.keys()):
        lower = name.lower()
        if lower.startswith("x-amz-checksum-") or lower == "x-amz-sdk-checksum-algorithm":
            del headers[name]
    body = request.body or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    if isinstance(body, bytes) and "Content-MD5" not in headers:
        headers["Content-MD5"] = base64.b64encode(
            hashlib.md5(body, usedforsecurity=False).digest()
        ).decode("ascii")


def register(client: S3Client) -> None:
    """Install the handlers above on a client."""
    events = client.meta.events
    events.register("provide-client-params.s3.ListBuckets", _take_headers)
    events.register("before-call.s3.ListBuckets", add_context_headers)
    for op in ("PutBucketCors", "PutBucketLifecycleConfiguration"):
        events.register(f"before-sign.s3.{op}", md5_instead_of_checksum)


def list_bucket_page(client: S3Client, token: str | None, max_buckets: int) -> BucketPage:
    """One page of ListBuckets: R2's ``cf-`` paging when the server answers it, else the whole
    list as one page (other stores ignore the ``cf-`` headers)."""
    headers = {"cf-max-keys": str(max_buckets)}
    if token:
        headers["cf-continuation-token"] = token
    resp = client.list_buckets(R2Headers=headers)  # type: ignore[call-arg]
    got = resp.get("ResponseMetadata", {}).get("HTTPHeaders", {})
    buckets: list[BucketInfo] = [
        {"name": b["Name"], "created": b.get("CreationDate")} for b in resp.get("Buckets", [])
    ]
    next_token: str | None = None
    if str(got.get("cf-is-truncated", "")).lower() == "true":
        next_token = got.get("cf-next-continuation-token") or None
    return {"buckets": buckets, "nextToken": next_token}
