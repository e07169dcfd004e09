"""Connections for the element tests: an R2 one (no network) and one on the local moto server."""

from __future__ import annotations

import stat
from pathlib import Path

from r2desk.elements.connection import Connection
from support.servers import MotoHandle

ACCOUNT = "0123456789abcdef0123456789abcdef"
KEY = "a1" * 16
SECRET = "f0" * 32
R2_URL = f"https://{ACCOUNT}.r2.cloudflarestorage.com"
EU_URL = f"https://{ACCOUNT}.eu.r2.cloudflarestorage.com"


def r2_conn(name: str = "MyR2", **kw: object) -> Connection:
    fields: dict[str, object] = {
        "name": name,
        "title": "My R2",
        "accountId": ACCOUNT,
        "bucketName": "photos",
        "accessKeyId": KEY,
    }
    fields.update(kw)
    return Connection(**fields)  # type: ignore[arg-type]


def moto_conn(moto_server: MotoHandle, bucket: str, **kw: object) -> Connection:
    fields: dict[str, object] = {
        "name": "Local",
        "endPoint": moto_server.s3.endpoint_url,
        "bucketName": bucket,
        "accessKeyId": moto_server.s3.access_key,
        "region": "us-east-1",
    }
    fields.update(kw)
    return Connection(**fields)  # type: ignore[arg-type]


def all_text(root: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in root.rglob("*") if p.is_file())


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
