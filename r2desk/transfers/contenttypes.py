"""The Content-Type an upload gets from its file name: a fixed table first, ``mimetypes`` after.

``mimetypes`` reads the uploader's OS (the Windows registry, /etc/mime.types), so the same file
would be served as ``text/plain`` from one machine and ``application/octet-stream`` or
``text/x-markdown`` from another; for the types people serve from a bucket the answer is fixed
here, the same on every OS.
"""

from __future__ import annotations

import mimetypes
import os

DEFAULT = "application/octet-stream"

#: Extension (lower case, with the dot) -> the type served for it, on every OS.
TABLE: dict[str, str] = {
    # web pages and their parts
    ".html": "text/html",
    ".htm": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    # text and data
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".toml": "application/toml",
    ".jsonl": "application/jsonl",
    ".ndjson": "application/x-ndjson",
    ".geojson": "application/geo+json",
    ".parquet": "application/vnd.apache.parquet",
    ".avro": "application/avro",
    ".arrow": "application/vnd.apache.arrow.file",
    ".sql": "application/sql",
    ".ics": "text/calendar",
    ".vtt": "text/vtt",
    ".srt": "application/x-subrip",
    # images
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".heic": "image/heic",
    ".heif": "image/heif",
    ".jxl": "image/jxl",
    ".svg": "image/svg+xml",
    ".ico": "image/vnd.microsoft.icon",
    ".bmp": "image/bmp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    # fonts
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    # audio and video
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/opus",
    ".flac": "audio/flac",
    ".wav": "audio/wav",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".mov": "video/quicktime",
    ".mkv": "video/x-matroska",
    ".ogv": "video/ogg",
    ".m3u8": "application/vnd.apple.mpegurl",
    ".ts": "video/mp2t",
    # documents and archives
    ".pdf": "application/pdf",
    ".epub": "application/epub+zip",
    ".zip": "application/zip",
    ".gz": "application/gzip",
    ".tgz": "application/gzip",
    ".bz2": "application/x-bzip2",
    ".xz": "application/x-xz",
    ".zst": "application/zstd",
    ".7z": "application/x-7z-compressed",
    ".tar": "application/x-tar",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def _one(name: str) -> str | None:
    ext = os.path.splitext(name)[1].lower()
    if not ext:
        return None
    return TABLE.get(ext) or mimetypes.guess_type("x" + ext, strict=False)[0]


def guess_type(key: str, path: str = "") -> str:
    """The type for an upload of ``path`` as ``key``: the local file's name decides, then the
    key's; the table before ``mimetypes``; ``application/octet-stream`` when neither knows."""
    return (path and _one(os.path.basename(path))) or _one(key.rsplit("/", 1)[-1]) or DEFAULT
