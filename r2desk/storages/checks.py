"""The connection check every Type gets: written once over the element contract.

Cheapest first (one listing, then one small write and its delete), so the first failure says
which part is wrong: the endpoint, the credentials, the bucket or the permission to write.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from r2desk.errors import ErrorCode, StorageError
from r2desk.results import ConnectionReport

if TYPE_CHECKING:
    from r2desk.storages.meta import Meta

_E = ErrorCode


def run_checks(element: Meta, write: bool = True) -> ConnectionReport:
    """``ok`` and, for each of endpoint, credentials, bucket and write, True, False or None
    (not reached), with ``problems`` in words and their ``codes``; never raises for a failed
    check."""
    report: ConnectionReport = {
        "endpoint": None,
        "credentials": None,
        "bucket": None,
        "write": None,
        "problems": [],
        "codes": [],
        "ok": False,
    }

    def fail(exc: StorageError) -> None:
        report["problems"].append(str(exc))
        report["codes"].append(exc.code.value)

    def reached(bucket: bool | None) -> None:
        report["endpoint"] = report["credentials"] = True
        report["bucket"] = bucket

    try:
        element.listObjects(maxKeys=1)
        reached(True)
    except StorageError as exc:
        fail(exc)
        if exc.code in (_E.UNREACHABLE, _E.TIMEOUT, _E.TLS_ERROR):
            report["endpoint"] = False
        elif exc.code in (_E.AUTH_FAILED, _E.MISSING_SECRET):
            report["endpoint"] = exc.code == _E.AUTH_FAILED
            report["credentials"] = False
        elif exc.code == _E.BUCKET_NOT_FOUND:
            reached(False)
        elif exc.code == _E.NOT_FOUND:
            # An S3 server says NoSuchBucket; a bare 404 on a bucket listing comes from a
            # server that is not an S3 endpoint (a website, a wrong path or port).
            report["endpoint"] = False
        elif exc.code == _E.ACCESS_DENIED:
            # Signed requests were accepted as someone's: the token is valid but not for this
            # bucket, so the marks say credentials ✓, bucket ✗, as the words do.
            report["endpoint"] = report["credentials"] = True
            report["bucket"] = False
    first = (report["endpoint"], report["credentials"], report["bucket"])
    denied = report["codes"] == [_E.ACCESS_DENIED.value]  # a write-only token may still write
    if write and (denied or all(step is not False for step in first)):
        probe = f".r2desk-connection-test-{uuid.uuid4().hex}"
        try:
            element.uploadByFile(probe, b"r2desk connection test", "text/plain")
            report["write"] = True
            reached(True)
            element.delete(probe)
        except StorageError as exc:
            report["write"] = False
            if exc.code not in report["codes"]:
                fail(exc)
    checks = [report["endpoint"], report["credentials"], report["bucket"]]
    if write:
        checks.append(report["write"])
    report["ok"] = all(c is True for c in checks)
    return report
