"""Helpers for the sync tests: trees of files with a fixed mtime."""

from __future__ import annotations

import os
from pathlib import Path


def write_tree(root: Path, files: dict[str, bytes], mtime: int | None = 1_700_000_000) -> None:
    """Files under ``root`` (keys with ``/`` make folders), all with one fixed mtime."""
    for rel, data in files.items():
        path = root.joinpath(*rel.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if mtime is not None:
            os.utime(path, (mtime, mtime))
