"""Helpers for the sync tests: trees of files with a fixed mtime."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from r2desk import CloudflareR2Type

#: The ``make_element`` fixture: (LocalS3, bucket, name="MyR2", **config fields) -> element.
MakeElement = Callable[..., CloudflareR2Type]


def write_tree(root: Path, files: dict[str, bytes], mtime: int | None = 1_700_000_000) -> None:
    """Files under ``root`` (keys with ``/`` make folders), all with one fixed mtime."""
    for rel, data in files.items():
        path = root.joinpath(*rel.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if mtime is not None:
            os.utime(path, (mtime, mtime))
