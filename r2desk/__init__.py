"""r2desk: a desktop file manager for Cloudflare R2 and other S3-compatible stores.

The core (this package minus ``gui``) imports no Qt, so scripts and the CLI use the same
element API as the desktop app. The names below are loaded on first use: importing any part of
r2desk (the desktop app's first window, ``r2desk --version``) does not pay for botocore.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from r2desk.lazy import lazy_exports

if TYPE_CHECKING:
    from r2desk.elements import App, ElementInfo
    from r2desk.storages import CloudflareR2Type, Meta, StorageConfig, StorageError

# Once awscrt is importable (r2desk's CRC64NVME checksums use it; boto3[crt] installs it too),
# botocore swaps its own SigV4 signers for awscrt's process-wide, at its import: another code
# path than the one the lean wire (r2desk/s3/sigv4.py) reproduces and every test exercises.
# Keep botocore's own unless the user chose otherwise (uploads work with both).
os.environ.setdefault("BOTO_DISABLE_CRT", "true")

__version__ = "0.1.0"

#: Where each public name lives (imported when first asked for).
_EXPORTS = {
    "App": "r2desk.elements",
    "ElementInfo": "r2desk.elements",
    "CloudflareR2Type": "r2desk.storages",
    "Meta": "r2desk.storages",
    "StorageConfig": "r2desk.storages",
    "StorageError": "r2desk.storages",
}

__all__ = [
    "App",
    "CloudflareR2Type",
    "ElementInfo",
    "Meta",
    "StorageConfig",
    "StorageError",
    "__version__",
]


__getattr__ = lazy_exports(__name__, _EXPORTS)
