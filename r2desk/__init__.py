"""r2desk: a desktop file manager for Cloudflare R2 and other S3-compatible stores.

The core (this package minus ``gui``) imports no Qt, so scripts and the CLI use the same
element API as the desktop app.
"""

from r2desk.elements import App, ElementInfo
from r2desk.storages import CloudflareR2Type, Meta, StorageConfig, StorageError

__version__ = "0.1.0"

__all__ = [
    "App",
    "CloudflareR2Type",
    "ElementInfo",
    "Meta",
    "StorageConfig",
    "StorageError",
    "__version__",
]
