"""The embedded default: a local S3-compatible endpoint with sample data, no account needed.

moto's S3 server runs inside this process on 127.0.0.1 (a free port); a temporary app folder
holds one element, ``storages.Demo``, pointing at a bucket filled with a few folders, an image,
text files and a multi-megabyte file. Everything lives in memory and a temp folder and is gone
when the demo stops.
"""

from __future__ import annotations

import logging
import os
import shutil
import struct
import tempfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from r2desk.elements import App
from r2desk.elements.connection import Connection
from r2desk.elements.store import write_file_element

DEMO_ELEMENT = "storages.Demo"
DEMO_BUCKET = "r2desk-demo"
# Not a secret: moto accepts any credentials. It stays in the temporary demo folder only.
DEMO_KEY_ID = "demo-access-key"
DEMO_SECRET = "demo-secret-not-real"


def _png(
    width: int,
    height: int,
    start: tuple[int, int, int] = (246, 130, 31),
    across: tuple[int, int, int] = (0, 100, 0),
    down: tuple[int, int, int] = (0, 0, 150),
) -> bytes:
    """A small gradient PNG (``start`` colour, changing by ``across`` over the width and by
    ``down`` over the height), built with zlib so the core needs no image library."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows += bytes(
                max(0, min(255, c + (a * x) // width + (d * y) // height))
                for c, a, d in zip(start, across, down, strict=True)
            )

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def sample_objects() -> dict[str, tuple[bytes, str]]:
    """The demo bucket's content: key -> (body, content type)."""
    readme = (
        b"Welcome to the r2desk demo.\n\n"
        b"This bucket lives in a local S3-compatible server inside the r2desk process.\n"
        b"Nothing here touches your account or the internet, and it is gone when you quit.\n"
        b"Try: drag files in, right-click an object and copy a signed link, rename, delete.\n"
    )
    objects: dict[str, tuple[bytes, str]] = {
        "README.txt": (readme, "text/plain"),
        "images/sunrise.png": (_png(160, 100), "image/png"),
        "images/icon.png": (_png(32, 32), "image/png"),
        # A few more, so the grid view (View → Icons) has thumbnails to show.
        "images/lake.png": (
            _png(160, 110, (40, 90, 170), (40, 60, 40), (-30, 40, 60)),
            "image/png",
        ),
        "images/forest.png": (
            _png(120, 160, (30, 110, 50), (60, 40, 0), (-20, -60, 20)),
            "image/png",
        ),
        "images/dusk.png": (
            _png(160, 90, (90, 40, 120), (150, 60, -40), (-60, -20, -60)),
            "image/png",
        ),
        "images/mint.png": (
            _png(100, 100, (170, 230, 200), (-60, 0, 40), (0, -50, 0)),
            "image/png",
        ),
        "images/sand.png": (
            _png(160, 100, (230, 210, 160), (0, -30, -60), (-60, -60, -40)),
            "image/png",
        ),
        "docs/notes.md": (
            b"# Notes\n\n- R2 has zero egress fees\n- Keys are UTF-8\n",
            "text/markdown",
        ),
        "docs/report 2026 (final).txt": (b"Quarterly report\n" * 40, "text/plain"),
        "data/measurements.csv": (
            b"time,value\n" + b"".join(f"{i},{i * i % 97}\n".encode() for i in range(500)),
            "text/csv",
        ),
        "data/large.bin": (os.urandom(12 * 1024 * 1024), "application/octet-stream"),
        "unicode/日本語 ファイル.txt": ("こんにちは\n".encode(), "text/plain; charset=utf-8"),
    }
    for i in range(250):
        objects[f"logs/2026/11/app-{i:04d}.log"] = (f"log line {i}\n".encode(), "text/plain")
    return objects


@dataclass
class Demo:
    """A running demo: the app folder, its endpoint, and how to stop it."""

    app: App
    endpoint_url: str
    bucket: str
    root: Path
    _server: Any = field(repr=False, default=None)
    _own_root: bool = field(repr=False, default=True)

    @property
    def element(self) -> str:
        return DEMO_ELEMENT

    def stop(self) -> None:
        """Stop the server and remove the temporary app folder."""
        if self._server is not None:
            self._server.stop()
            self._server = None
        if self._own_root:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Demo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def write_element(root: Path, name: str, endpoint_url: str, bucket: str, title: str) -> None:
    """Lay out ``storages/<name>/`` as the platform page shows it (the secret in the file)."""
    conn = Connection(
        name=name,
        title=title,
        endPoint=endpoint_url,
        bucketName=bucket,
        region="auto",
        accessKeyId=DEMO_KEY_ID,
    )
    write_file_element(root, conn, DEMO_SECRET)


#: How to get the demo endpoint's server, said wherever it is missing.
DEMO_INSTALL_HINT = (
    "install them with: pip install 'r2desk[demo]' (in a source folder, ./scripts/demo "
    "sets them up)"
)


class DemoUnavailable(ImportError):
    """The demo endpoint's server (the ``demo`` extra: moto, flask, flask-cors) is missing."""


def missing_demo_dependency() -> str | None:
    """Why the demo endpoint cannot start in this install, with what to do; None if it can."""
    import importlib.util

    missing = [m for m in ("moto", "flask", "flask_cors") if importlib.util.find_spec(m) is None]
    if not missing:
        return None
    names = ", ".join(m.replace("_", "-") for m in missing)
    return f"the demo endpoint needs {names}, which this install lacks: {DEMO_INSTALL_HINT}"


def start_demo(root: Path | None = None, *, sample_data: bool = True) -> Demo:
    """Start moto's S3 server on 127.0.0.1, create the demo bucket and app folder."""
    missing = missing_demo_dependency()
    if missing:
        raise DemoUnavailable(missing)
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as exc:  # moto without its S3 server's own dependencies
        raise DemoUnavailable(
            f"the demo endpoint's server does not load ({exc}): {DEMO_INSTALL_HINT}"
        ) from exc

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    own_root = root is None
    app_root = Path(tempfile.mkdtemp(prefix="r2desk-demo-")) if root is None else Path(root)
    try:
        write_element(app_root, "Demo", endpoint, DEMO_BUCKET, "Demo bucket (local)")
        app = App(app_root)
        element = app.getElement(DEMO_ELEMENT)
        # moto rejects region "auto" on CreateBucket, so the bucket is made with us-east-1.
        import boto3

        boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id=DEMO_KEY_ID,
            aws_secret_access_key=DEMO_SECRET,
        ).create_bucket(Bucket=DEMO_BUCKET)
        if sample_data:
            items = sample_objects().items()
            with ThreadPoolExecutor(8) as pool:
                list(pool.map(lambda kv: element.uploadByFile(kv[0], *kv[1]), items))
    except BaseException:
        server.stop()
        if own_root:
            shutil.rmtree(app_root, ignore_errors=True)
        raise
    return Demo(app, endpoint, DEMO_BUCKET, app_root, server, own_root)
