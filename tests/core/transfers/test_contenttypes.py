"""Content types do not depend on the uploader's OS: the fixed table answers before
``mimetypes`` (which reads /etc/mime.types or the Windows registry), and uploads use it."""

from __future__ import annotations

import mimetypes
from pathlib import Path

import pytest
from support.servers import MotoHandle
from support.transfers import transfer_element

from r2desk.transfers import contenttypes
from r2desk.transfers.contenttypes import guess_type

EXPECTED = {
    "index.html": "text/html",
    "app.js": "text/javascript",
    "app.mjs": "text/javascript",
    "style.css": "text/css",
    "notes.md": "text/markdown",
    "config.yaml": "application/yaml",
    "config.yml": "application/yaml",
    "events.jsonl": "application/jsonl",
    "table.parquet": "application/vnd.apache.parquet",
    "module.wasm": "application/wasm",
    "photo.avif": "image/avif",
    "photo.webp": "image/webp",
    "photo.JPG": "image/jpeg",
    "font.woff2": "font/woff2",
    "data.json": "application/json",
    "backup.tar.gz": "application/gzip",
    "README": "application/octet-stream",
}


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_the_table_decides(name: str, expected: str) -> None:
    assert guess_type(f"some/prefix/{name}") == expected


def test_the_os_database_cannot_change_a_tabled_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As on a machine whose mime.types (or registry) says something else for these."""
    db = mimetypes.MimeTypes()
    db.add_type("text/x-markdown", ".md")
    db.add_type("application/x-javascript", ".js")
    db.add_type("text/x-yaml", ".yaml")
    monkeypatch.setattr(mimetypes, "guess_type", db.guess_type)
    assert guess_type("a.md") == "text/markdown"
    assert guess_type("a.js") == "text/javascript"
    assert guess_type("a.yaml") == "application/yaml"
    db.add_type("application/x-r2desk-test", ".r2dtest")  # not in the table: mimetypes answers
    assert guess_type("a.r2dtest") == "application/x-r2desk-test"


def test_the_local_name_comes_before_the_key() -> None:
    assert guess_type("photos/upload", "/tmp/a.png") == "image/png"
    assert guess_type("photos/a.png", "/tmp/tmpfile") == "image/png"
    assert guess_type("photos/", "") == contenttypes.DEFAULT


def test_every_table_entry_is_a_dotted_lower_case_extension() -> None:
    for ext, ctype in contenttypes.TABLE.items():
        assert ext.startswith(".") and ext == ext.lower(), ext
        assert ctype.count("/") == 1 and ctype == ctype.lower(), ctype


def test_upload_from_path_sends_the_tabled_type(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    for name in ("notes.md", "table.parquet", "photo.avif"):
        (tmp_path / name).write_bytes(b"x")
        el.uploadFromPath(name, str(tmp_path / name))
        assert el.getObject(name)["contentType"] == EXPECTED[name]
