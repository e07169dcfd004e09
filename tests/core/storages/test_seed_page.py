"""The platform reference page's usage examples run unchanged against a local endpoint.

Each block below is copied verbatim from shared/seed/cloudflare-r2-storage.md; the tests run them
with ``app`` bound to an App folder laid out as the page shows, then check what they did.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from support.elements import write_element
from support.servers import MotoHandle

from r2desk import App, StorageError

BASIC_USAGE = """
# Get Cloudflare R2 storage instance
r2 = app.getElement("storages.MyR2")

# Upload file
with open("example.txt", "rb") as file:
    result = r2.uploadByFile("folder/example.txt", file.read(), "text/plain")
    print(f"Upload successful, URL: {result['url']}")

# Download file
file_data = r2.download("folder/example.txt")

# Delete file
r2.delete("folder/example.txt")
"""

FILE_UPLOAD = """
# Upload image file
with open("avatar.jpg", "rb") as file:
    result = r2.uploadByFile("users/avatar.jpg", file.read(), "image/jpeg")
    avatar_url = result["url"]

# Upload document file
with open("document.pdf", "rb") as file:
    result = r2.uploadByFile("docs/document.pdf", file.read(), "application/pdf")
"""

SIGN_URL = """
# Get temporary access URL for image
temp_url = r2.getSignUrl("users/avatar.jpg", "image/jpeg", 600)

# Get temporary download URL for document
download_url = r2.getSignUrl("docs/document.pdf", "application/pdf")
"""

DOWNLOAD = """
# Download file
file_data = r2.download("docs/document.pdf")

# Save to local
with open("downloaded_document.pdf", "wb") as file:
    file.write(file_data)
"""

GET_OBJECT = """
# Get file object
file_obj = r2.getObject("users/avatar.jpg")
"""

DELETE = """
# Delete user avatar
r2.delete("users/avatar.jpg")

# Delete temporary file
r2.delete("temp/upload_cache.tmp")
"""

BATCH = """
# Batch upload files
files = [
    ("file1.txt", b"content1", "text/plain"),
    ("file2.txt", b"content2", "text/plain")
]

for name, data, content_type in files:
    try:
        result = r2.uploadByFile(f"batch/{name}", data, content_type)
        print(f"Upload successful: {name}")
    except Exception as e:
        print(f"Upload failed {name}: {e}")
"""

EXCEPTION = """
try:
    r2.uploadByFile("test.txt", b"test data", "text/plain")
except Exception as e:
    # Exception will contain detailed error information, including storage type, element name, etc.
    print(f"Upload failed: {e}")
"""


def run_block(code: str, scope: dict[str, Any]) -> dict[str, Any]:
    exec(compile(textwrap.dedent(code), "<seed page>", "exec"), scope)
    return scope


@pytest.fixture
def page_app(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> App:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    return App(tmp_path / "app")


def test_page_examples_run_unchanged(
    page_app: App,
    moto_server: MotoHandle,
    moto_bucket: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    (work / "example.txt").write_bytes(b"example text\n")
    (work / "avatar.jpg").write_bytes(b"\xff\xd8\xff\xe0 fake jpeg")
    (work / "document.pdf").write_bytes(b"%PDF-1.4 fake pdf " * 100)
    s3 = moto_server.s3.client()

    scope = run_block(BASIC_USAGE, {"app": page_app})
    assert scope["file_data"] == b"example text\n"
    assert "Upload successful, URL: " in capsys.readouterr().out
    assert scope["result"]["url"].endswith(f"/{moto_bucket}/folder/example.txt")
    assert s3.list_objects_v2(Bucket=moto_bucket).get("KeyCount") == 0  # deleted again

    r2 = scope["r2"]
    scope = run_block(FILE_UPLOAD, {"r2": r2})
    assert scope["avatar_url"].endswith("/users/avatar.jpg")
    head = s3.head_object(Bucket=moto_bucket, Key="docs/document.pdf")
    assert head["ContentType"] == "application/pdf"

    scope = run_block(SIGN_URL, {"r2": r2})
    assert "X-Amz-Expires=600" in scope["temp_url"]
    assert "X-Amz-Expires=300" in scope["download_url"]  # the page's default
    with moto_server.s3.urlopen(scope["temp_url"]) as resp:
        assert resp.read() == b"\xff\xd8\xff\xe0 fake jpeg"
        assert resp.headers["Content-Type"] == "image/jpeg"

    run_block(DOWNLOAD, {"r2": r2})
    assert (work / "downloaded_document.pdf").read_bytes() == b"%PDF-1.4 fake pdf " * 100

    scope = run_block(GET_OBJECT, {"r2": r2})
    assert scope["file_obj"]["size"] == len(b"\xff\xd8\xff\xe0 fake jpeg")
    assert scope["file_obj"]["contentType"] == "image/jpeg"

    run_block(DELETE, {"r2": r2})  # the second key never existed: S3 semantics, no error
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=moto_bucket).get("Contents", [])}
    assert keys == {"docs/document.pdf"}

    run_block(BATCH, {"r2": r2})
    out = capsys.readouterr().out
    assert "Upload successful: file1.txt" in out and "Upload successful: file2.txt" in out
    assert r2.download("batch/file2.txt") == b"content2"


def test_page_exception_example_prints_type_and_element(
    tmp_path: Path, moto_server: MotoHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    write_element(tmp_path, moto_server.s3, "no-such-bucket-here")
    r2 = App(tmp_path).getElement("storages.MyR2")
    run_block(EXCEPTION, {"r2": r2})
    out = capsys.readouterr().out
    assert out.startswith("Upload failed: ")
    assert "storages.CloudflareR2Type" in out
    assert "storages.MyR2" in out
    assert "uploadByFile" in out and "'test.txt'" in out
    assert "bucket" in out


def test_page_upload_error_is_storage_error(tmp_path: Path, moto_server: MotoHandle) -> None:
    write_element(tmp_path, moto_server.s3, "no-such-bucket-here")
    r2 = App(tmp_path).getElement("storages.MyR2")
    with pytest.raises(StorageError) as info:
        r2.uploadByFile("test.txt", b"test data", "text/plain")
    assert info.value.code == "bucket_not_found"
