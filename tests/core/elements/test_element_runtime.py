"""The element runtime: discovery, caching, config validation, and app-defined Types."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle

from r2desk import App, CloudflareR2Type, StorageError

README = Path(__file__).resolve().parents[3] / "README.md"


def readme_block(marker: str) -> str:
    """The fenced code block that follows ``<!-- marker -->`` in the README."""
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"<!-- {re.escape(marker)} -->\s*```\w*\n(.*?)```", text, re.S)
    assert match, f"README has no block after <!-- {marker} -->"
    return match.group(1)


def test_get_element_builds_once_and_lists(tmp_path: Path, moto_server: MotoHandle) -> None:
    write_element(tmp_path, moto_server.s3, "bucket-one", "First")
    write_element(tmp_path, moto_server.s3, "bucket-two", "Second")
    app = App(tmp_path)
    first = app.getElement("storages.First")
    assert isinstance(first, CloudflareR2Type)
    assert first is app.getElement("storages.First")
    assert first.config.bucketName == "bucket-one"
    assert first.title == "My Cloudflare R2 Storage"
    assert [e.name for e in app.listElements()] == ["storages.First", "storages.Second"]
    app.forget("storages.First")
    assert app.getElement("storages.First") is not first


def test_unknown_element_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        App(tmp_path).getElement("storages.Nope")
    assert info.value.code == "unknown_element"
    assert str(tmp_path / "storages" / "Nope") in str(info.value)


@pytest.mark.parametrize("name", ["MyR2", "storages.", "storages.a/b", "storages.x.y", ""])
def test_malformed_element_name(tmp_path: Path, name: str) -> None:
    with pytest.raises(StorageError) as info:
        App(tmp_path).getElement(name)
    assert info.value.code == "invalid_argument"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "is not valid JSON (line 1"),
        ("[]", "must be a JSON object"),
        (json.dumps({"title": "t"}), "field 'type': is required"),
        (
            json.dumps({"type": "storages.CloudflareR2Type", "backendBundleEntry": "x"}),
            "field 'backendBundleEntry'",
        ),
        (json.dumps({"type": "storages.Nope"}), "unknown type 'storages.Nope'"),
    ],
)
def test_bad_e_json_names_file_and_field(
    tmp_path: Path, moto_server: MotoHandle, content: str, expected: str
) -> None:
    folder = write_element(tmp_path, moto_server.s3, "bucket-one")
    (folder / "e.json").write_text(content)
    with pytest.raises(StorageError) as info:
        App(tmp_path).getElement("storages.MyR2")
    assert info.value.code == "invalid_config"
    assert expected in str(info.value)
    if "unknown type" not in expected:
        assert str(folder / "e.json") in str(info.value)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"bucketName": "Bad_Bucket"}, "field 'bucketName'"),
        ({"bucketName": "ab"}, "3 to 63 characters"),
        ({"endPoint": "ftp://host"}, "field 'endPoint'"),
        ({"endPoint": "https://user:pw@host"}, "user name or password"),
        ({"endPoint": ""}, "field 'endPoint': is required"),
        ({"accessKeyId": ""}, "field 'accessKeyId': is empty"),
        ({"region": 5}, "field 'region': must be a string"),
        ({"publicBaseUrl": "cdn.example.com"}, "field 'publicBaseUrl'"),
        ({"jurisdiction": "mars"}, "field 'jurisdiction'"),
    ],
)
def test_bad_config_names_file_and_field(
    tmp_path: Path, moto_server: MotoHandle, fields: dict[str, object], expected: str
) -> None:
    folder = write_element(tmp_path, moto_server.s3, "bucket-one", **fields)
    with pytest.raises(StorageError) as info:
        App(tmp_path).getElement("storages.MyR2")
    assert info.value.code == "invalid_config"
    assert expected in str(info.value)
    assert str(folder / "MyR2.json") in str(info.value)


def test_missing_config_file_and_required_field(tmp_path: Path, moto_server: MotoHandle) -> None:
    folder = write_element(tmp_path, moto_server.s3, "bucket-one")
    cfg = folder / "MyR2.json"
    data = json.loads(cfg.read_text())
    del data["bucketName"]
    cfg.write_text(json.dumps(data))
    with pytest.raises(StorageError, match=r"field 'bucketName': is required"):
        App(tmp_path).getElement("storages.MyR2")
    cfg.unlink()
    with pytest.raises(StorageError, match=r"MyR2\.json: is missing"):
        App(tmp_path).getElement("storages.MyR2")


def test_endpoint_forms() -> None:
    from r2desk.storages.config import StorageConfig

    base = {"accessKeyId": "k", "bucketName": "bucket"}
    account = "0123456789abcdef0123456789abcdef"
    host = StorageConfig.from_dict({**base, "endPoint": f"{account}.r2.cloudflarestorage.com"})
    assert host.endpoint_url == f"https://{account}.r2.cloudflarestorage.com"
    assert host.is_r2 and host.region == "auto"
    eu = StorageConfig.from_dict({**base, "accountId": account, "jurisdiction": "eu"})
    assert eu.endpoint_url == f"https://{account}.eu.r2.cloudflarestorage.com"
    local = StorageConfig.from_dict({**base, "endPoint": "http://127.0.0.1:9000/", "region": ""})
    assert local.endpoint_url == "http://127.0.0.1:9000" and local.region == "auto"
    assert (
        "accessKeySecret"
        not in StorageConfig.from_dict({**base, "endPoint": "h", "accessKeySecret": "s"}).to_dict()
    )


def _write_type(root: Path, name: str, code: str) -> None:
    folder = root / "storages" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "e.json").write_text(readme_block("type-example:type-e.json"))
    (folder / "__init__.py").write_text(code)


def test_readme_custom_type_example(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    """The README's 'own Type' example works as documented."""
    _write_type(tmp_path, "ShortLinksR2", readme_block("type-example:ShortLinksR2/__init__.py"))
    folder = write_element(tmp_path, moto_server.s3, moto_bucket, "Media")
    (folder / "e.json").write_text(readme_block("type-example:Media/e.json"))
    app = App(tmp_path)
    media = app.getElement("storages.Media")
    assert isinstance(media, CloudflareR2Type)
    assert type(media).__name__ == "ShortLinksR2"
    media.uploadByFile("a.txt", b"x", "text/plain")
    assert "X-Amz-Expires=3600" in media.getSignUrl("a.txt", "text/plain", 86400)
    assert "X-Amz-Expires=60" in media.getSignUrl("a.txt", "text/plain", 60)
    with pytest.raises(StorageError) as info:
        media.download("missing.txt")
    assert "storages.ShortLinksR2 storages.Media" in str(info.value)
    assert [e.name for e in app.listElements()] == ["storages.Media"]
    assert [e.name for e in app.listElements(types=True)] == ["storages.ShortLinksR2"]


def test_readme_override_builtin_type(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    """An app Type element named CloudflareR2Type replaces the built-in for that app only."""
    _write_type(
        tmp_path, "CloudflareR2Type", readme_block("type-example:CloudflareR2Type/__init__.py")
    )
    write_element(tmp_path, moto_server.s3, moto_bucket)
    r2 = App(tmp_path).getElement("storages.MyR2")
    result = r2.uploadByFile("b.txt", b"y")
    assert result["uploadedBy"] == "my-app"
    other = tmp_path / "other"
    write_element(other, moto_server.s3, moto_bucket)
    assert "uploadedBy" not in App(other).getElement("storages.MyR2").uploadByFile("c.txt", b"z")


def test_broken_type_code_is_a_config_error(tmp_path: Path, moto_server: MotoHandle) -> None:
    _write_type(tmp_path, "Broken", "raise RuntimeError('boom')\n")
    folder = write_element(tmp_path, moto_server.s3, "bucket-one")
    (folder / "e.json").write_text(json.dumps({"type": "storages.Broken"}))
    with pytest.raises(StorageError) as info:
        App(tmp_path).getElement("storages.MyR2")
    assert info.value.code == "invalid_config"
    assert "failed to load" in str(info.value) and "boom" in str(info.value)
    _write_type(tmp_path, "Broken", "X = 1\n")
    with pytest.raises(StorageError, match="must define a class 'Broken'"):
        App(tmp_path).getElement("storages.MyR2")
