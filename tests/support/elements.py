"""Lay out app folders exactly as the platform page shows them, pointing at a local endpoint."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.servers import LocalS3

E_JSON = {
    "title": "My Cloudflare R2 Storage",
    "type": "storages.CloudflareR2Type",
    "backendBundleEntry": ".",
    "variables": [],
}


def write_element(
    root: Path,
    s3: LocalS3,
    bucket: str,
    name: str = "MyR2",
    *,
    secret: str | None = "from-server",
    e_json: dict[str, Any] | None = None,
    **fields: Any,
) -> Path:
    """Write ``storages/<name>/e.json`` and ``<name>.json``; returns the element folder.

    ``secret="from-server"`` puts the server's secret in the file; ``None`` leaves it out.
    Extra keyword arguments override or add config fields.
    """
    folder = root / "storages" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "e.json").write_text(json.dumps(e_json or E_JSON))
    config: dict[str, Any] = {
        "accessKeyId": s3.access_key,
        "endPoint": s3.endpoint_url,
        "bucketName": bucket,
        "region": "auto",
    }
    if secret is not None:
        config["accessKeySecret"] = s3.secret_key if secret == "from-server" else secret
    if isinstance(s3.verify, str):
        config["caBundle"] = s3.verify
    config.update(fields)
    (folder / f"{name}.json").write_text(json.dumps(config))
    return folder
