"""Open and edit: the cache copy is verified, saves go back only onto the object that was opened,
and no edit is ever lost (a conflict keeps the local file; a crash leaves it findable)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.servers import LocalS3, MotoHandle, SeaweedHandle
from support.transfers import MiB, transfer_element

from r2desk import CloudflareR2Type, StorageError
from r2desk.edits import Workspace


@pytest.fixture(params=["moto", "seaweedfs"])
def el(request: pytest.FixtureRequest, tmp_path: Path, moto_server: MotoHandle) -> CloudflareR2Type:
    s3: LocalS3
    if request.param == "moto":
        s3 = moto_server.s3
        bucket = s3.make_bucket()
    else:
        seaweed: SeaweedHandle = request.getfixturevalue("sigv4_server")
        s3 = seaweed.s3
        bucket = request.getfixturevalue("sigv4_bucket")
    return transfer_element(tmp_path / "app", s3, bucket)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "cache")


def put(el: CloudflareR2Type, key: str, body: bytes, **kw: object) -> str:
    el.uploadByFile(key, body, **kw)  # type: ignore[arg-type]
    return el.getObject(key)["etag"]


def edit_file(path: str, text: bytes) -> None:
    """What an editor does on save (a new mtime even within the same second)."""
    with open(path, "wb") as f:
        f.write(text)
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def test_open_downloads_a_read_only_verified_copy_once(el: CloudflareR2Type, ws: Workspace) -> None:
    put(el, "docs/notes.txt", b"first draft\n")
    opened = ws.open(el, "docs/notes.txt")
    assert Path(opened.path).read_bytes() == b"first draft\n"
    assert Path(opened.path).name == "notes.txt"
    assert Path(opened.path).is_relative_to(ws.root)
    assert not os.access(opened.path, os.W_OK) or os.geteuid() == 0
    assert oct(os.stat(opened.path).st_mode & 0o222) == "0o0"  # read-only unless Edit
    inode = os.stat(opened.path).st_ino
    again = ws.open(el, "docs/notes.txt")
    assert again.path == opened.path and os.stat(again.path).st_ino == inode  # not downloaded again
    put(el, "docs/notes.txt", b"second draft\n")
    assert Path(ws.open(el, "docs/notes.txt").path).read_bytes() == b"second draft\n"


def test_a_save_uploads_once_and_keeps_type_metadata_and_headers(
    el: CloudflareR2Type, ws: Workspace
) -> None:
    put(el, "page.html", b"<p>old</p>", contentType="text/html")
    el.updateObject("page.html", cacheControl="max-age=60", metadata={"owner": "ana"})
    opened = ws.open(el, "page.html", edit=True)
    assert opened.changed() is False
    edit_file(opened.path, b"<p>new</p>")
    assert opened.changed() is True
    before = opened.etag
    ws.save(el, opened)
    assert el.download("page.html") == b"<p>new</p>"
    info = el.getObject("page.html")
    assert info["etag"] == opened.etag != before
    assert info["contentType"] == "text/html"
    assert info["cacheControl"] == "max-age=60"
    assert info["metadata"] == {"owner": "ana"}
    assert opened.changed() is False
    # The next save goes onto the object the first save wrote (no false conflict).
    edit_file(opened.path, b"<p>newer</p>")
    ws.save(el, opened)
    assert el.download("page.html") == b"<p>newer</p>"


def test_a_change_on_the_server_is_never_overwritten_silently(
    el: CloudflareR2Type, ws: Workspace
) -> None:
    put(el, "a.txt", b"v1")
    opened = ws.open(el, "a.txt", edit=True)
    put(el, "a.txt", b"someone else's v2")
    edit_file(opened.path, b"my v2")
    with pytest.raises(StorageError) as err:
        ws.save(el, opened)
    assert err.value.code == "precondition_failed"
    assert "changed on the server since you opened it" in str(err.value)
    assert opened.path in str(err.value)  # says where the edit is kept
    assert el.download("a.txt") == b"someone else's v2"
    assert Path(opened.path).read_bytes() == b"my v2"
    ws.save(el, opened, overwrite=True)
    assert el.download("a.txt") == b"my v2"


def test_the_write_itself_is_conditional(el: CloudflareR2Type, tmp_path: Path) -> None:
    """If-Match on the PUT closes the gap between the check and the write (where the server
    honours it: both local servers do, and R2 does)."""
    stale = put(el, "b.txt", b"v1")
    put(el, "b.txt", b"v2")
    src = tmp_path / "b.txt"
    src.write_bytes(b"mine")
    with pytest.raises(StorageError) as err:
        el.uploadFromPath("b.txt", str(src), ifMatch=stale)
    assert err.value.code == "precondition_failed"
    assert el.download("b.txt") == b"v2"
    assert el.uploadFromPath("b.txt", str(src), ifMatch=el.getObject("b.txt")["etag"])


def test_save_as_a_copy_keeps_both(el: CloudflareR2Type, ws: Workspace) -> None:
    put(el, "dir/report.txt", b"v1")
    opened = ws.open(el, "dir/report.txt", edit=True)
    put(el, "dir/report.txt", b"theirs")
    edit_file(opened.path, b"mine")
    copy = ws.save_copy(el, opened)
    assert copy.key.startswith("dir/report (edited ") and copy.key.endswith(").txt")
    assert el.download("dir/report.txt") == b"theirs"
    assert el.download(copy.key) == b"mine"
    edit_file(copy.path, b"mine, again")
    ws.save(el, copy)  # further saves go to the copy
    assert el.download(copy.key) == b"mine, again"
    assert el.download("dir/report.txt") == b"theirs"


def test_unsaved_edits_survive_a_restart_and_the_trim(el: CloudflareR2Type, tmp_path: Path) -> None:
    put(el, "keep.txt", b"v1")
    put(el, "old.bin", b"x" * 4096)
    ws = Workspace(tmp_path / "cache", limit=1024)
    kept = ws.open(el, "keep.txt", edit=True)
    old = ws.open(el, "old.bin")
    edit_file(kept.path, b"unsaved work")
    later = Workspace(tmp_path / "cache", limit=1024)  # the app restarted
    assert [p.key for p in later.pending()] == ["keep.txt"]
    assert later.trim() >= 4096  # the copy and its record
    assert not os.path.exists(old.path)
    assert Path(kept.path).read_bytes() == b"unsaved work"
    # Opening it again returns the edit, never a download over it.
    assert Path(later.open(el, "keep.txt", edit=True).path).read_bytes() == b"unsaved work"


def test_the_trim_removes_only_its_own_slots(tmp_path: Path, moto_server: MotoHandle) -> None:
    """The cache folder may be one the user chose (Preferences): what r2desk did not put
    there is never removed, however small the limit."""
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_server.s3.make_bucket())
    put(el, "old.bin", b"x" * 4096)
    folder = tmp_path / "chosen"
    mine = folder / "My documents"
    mine.mkdir(parents=True)
    (mine / "thesis.odt").write_bytes(b"y" * 8192)
    (folder / "notes.txt").write_bytes(b"z" * 8192)
    ws = Workspace(folder, limit=0)
    old = ws.open(el, "old.bin")
    assert ws.trim() >= 4096
    assert not os.path.exists(old.path)
    assert (mine / "thesis.odt").read_bytes() == b"y" * 8192
    assert (folder / "notes.txt").exists()


def test_a_big_edit_is_conditional_too(el: CloudflareR2Type, ws: Workspace, tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(17 * MiB))
    el.uploadFromPath("big.bin", str(big))
    opened = ws.open(el, "big.bin", edit=True)
    put(el, "big.bin", b"replaced")
    with pytest.raises(StorageError) as err:
        ws.save(el, opened)
    assert err.value.code == "precondition_failed"
    assert el.download("big.bin") == b"replaced"


def test_edit_refuses_an_encoded_object(el: CloudflareR2Type, ws: Workspace) -> None:
    import gzip

    el.client.put_object(
        Bucket=el.bucket, Key="log.txt", Body=gzip.compress(b"x"), ContentEncoding="gzip"
    )
    with pytest.raises(StorageError) as err:
        ws.open(el, "log.txt", edit=True)
    assert err.value.code == "invalid_argument" and "gzip-encoded" in str(err.value)


def test_cli_edit_uploads_each_save_of_the_editor(
    el: CloudflareR2Type,
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``r2desk edit`` with a scripted editor that saves twice: each save reaches the bucket."""
    import sys

    from r2desk.cli.main import main

    put(el, "todo.txt", b"- milk\n")
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import os, sys, time\n"
        "p = sys.argv[1]\n"
        "def save(text):\n"
        "    with open(p, 'a') as f: f.write(text)\n"
        "    st = os.stat(p); os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))\n"
        "save('- eggs\\n'); time.sleep(2)\n"
        "save('- tea\\n')\n"
    )
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    argv = ["--app-root", str(tmp_path / "app"), "edit", "MyR2", "todo.txt"]
    assert main([*argv, "--editor", f"{sys.executable} {editor}"]) == 0
    assert el.download("todo.txt") == b"- milk\n- eggs\n- tea\n"
    assert capfd.readouterr().err.count("saved todo.txt") == 2
