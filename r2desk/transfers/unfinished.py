"""Unfinished multipart uploads on the server: listed (anyone's, ours marked) and aborted."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

from r2desk.errors import ErrorCode
from r2desk.results import AbortResult, UploadInfo
from r2desk.transfers.context import Context

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import (
        ListMultipartUploadsRequestTypeDef,
        MultipartUploadTypeDef,
    )

log = logging.getLogger(__name__)


def iter_uploads(ctx: Context, prefix: str) -> Iterator[MultipartUploadTypeDef]:
    """Every unfinished upload under ``prefix``, page by page."""
    params: ListMultipartUploadsRequestTypeDef = {"Bucket": ctx.bucket}
    if prefix:
        params["Prefix"] = prefix
    while True:
        resp = ctx.client.list_multipart_uploads(**params)
        yield from resp.get("Uploads", [])
        if not resp.get("IsTruncated"):
            return
        params["KeyMarker"] = resp.get("NextKeyMarker", "")
        params["UploadIdMarker"] = resp.get("NextUploadIdMarker", "")


def abort_quietly(ctx: Context, key: str, upload_id: str | None) -> None:
    """Abort an upload we give up on; a failure is only logged (R2 expires it in 7 days)."""
    if not upload_id:
        return
    try:
        ctx.client.abort_multipart_upload(Bucket=ctx.bucket, Key=key, UploadId=upload_id)
    except Exception as exc:  # the upload may already be gone
        log.warning("could not abort upload %s of %r: %s", upload_id, key, exc)


def list_uploads(ctx: Context, prefix: str = "") -> list[UploadInfo]:
    """Unfinished multipart uploads on the server (anyone's), with our journal's view."""
    op = "listUploads"
    with ctx.guard(op, prefix or None):
        ours = {r.upload_id: r for r in ctx.journal.uploads(ctx.endpoint, ctx.bucket)}
        uploads = list(iter_uploads(ctx, prefix))
    out: list[UploadInfo] = []
    for u in uploads:
        row = ours.get(u["UploadId"])
        out.append(
            {
                "key": u["Key"],
                "uploadId": u["UploadId"],
                "initiated": u.get("Initiated"),
                "ours": row is not None,
                "path": row.path if row else None,
                "size": row.size if row else None,
                "partsDone": len(row.parts) if row else None,
            }
        )
    return out


def abort_upload(ctx: Context, key: str, uploadId: str) -> AbortResult:
    """Abort one unfinished upload and forget it in the journal."""
    op = "abortUpload"
    key = ctx.where.check_key(key, op)
    if not isinstance(uploadId, str) or not uploadId:
        raise ctx.where.error(ErrorCode.INVALID_ARGUMENT, op, key, "uploadId is empty")
    with ctx.guard(op, key):
        ctx.client.abort_multipart_upload(Bucket=ctx.bucket, Key=key, UploadId=uploadId)
        ctx.journal.delete_upload_by_id(ctx.endpoint, ctx.bucket, uploadId)
    return {"key": key, "uploadId": uploadId, "aborted": True}
