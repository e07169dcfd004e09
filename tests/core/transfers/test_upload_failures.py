"""Upload failure paths: unreadable folders and files, pipes and links in a tree, link loops,
a file changing while its single PUT is read. Nothing is skipped silently, nothing half-made is
left on the server or in the journal, and a failed upload never replaces the previous object.

Permission cases run ``r2desk`` in a child without root's read-anything capabilities
(``support.unprivileged``), since the tests run as root in CI.
"""

from __future__ import annotations

import json
import os
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle
from support.transfers import MiB, make_file, transfer_element
from support.unprivileged import check_unprivileged, run_cli

from r2desk import StorageError
from r2desk.errors import ErrorCode
from r2desk.transfers.control import CancelToken
from r2desk.transfers.plans import plan_drop, plan_tree

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes, pipes and links")


@pytest.fixture(scope="module", autouse=True)
def _unprivileged_works() -> None:
    check_unprivileged()


@pytest.fixture
def app(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> Path:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    return tmp_path / "app"


def keys(moto_server: MotoHandle, bucket: str) -> set[str]:
    resp = moto_server.s3.client().list_objects_v2(Bucket=bucket)
    return {o["Key"] for o in resp.get("Contents", [])}


def journal_uploads(state: Path) -> int:
    found = list(state.rglob("*.sqlite*")) + list(state.rglob("*.db"))
    dbs = [p for p in found if p.suffix in (".sqlite", ".sqlite3", ".db")]
    total = 0
    for db in dbs:
        with sqlite3.connect(db) as conn:
            names = {r[0] for r in conn.execute("select name from sqlite_master")}
            if "uploads" in names:
                total += conn.execute("select count(*) from uploads").fetchone()[0]
    return total


def test_put_r_reports_an_unreadable_folder_a_pipe_and_a_link(
    app: Path, tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    tree = tmp_path / "tree"
    make_file(tree / "a.txt", 100)
    make_file(tree / "locked" / "inside.txt", 100)
    os.mkfifo(tree / "pipe")
    (tree / "link").symlink_to("a.txt")
    (tree / "locked").chmod(0)
    try:
        done = run_cli(
            ["--app-root", str(app), "put", "-r", "MyR2", str(tree), "up/", "-q"],
            state_dir=tmp_path / "state",
        )
        as_json = run_cli(
            ["--app-root", str(app), "put", "-r", "MyR2", str(tree), "up/", "--json"],
            state_dir=tmp_path / "state",
        )
    finally:
        (tree / "locked").chmod(0o755)
    assert done.returncode == 1, done.stderr  # a subtree is missing: not a success
    assert keys(moto_server, moto_bucket) == {"up/a.txt"}
    err = done.stderr
    assert f"{tree / 'locked'}" in err and "cannot be read" in err
    assert "up/pipe" in err and "pipe" in err.split("up/pipe", 1)[1].splitlines()[0]
    assert "up/link" in err and "symbolic link" in err
    assert as_json.returncode == 1
    result = json.loads(as_json.stdout)
    assert [f["key"] for f in result["failed"]] == ["up/locked/"]
    assert {s["key"] for s in result["skipped"]} == {"up/pipe", "up/link"}


def test_an_unreadable_big_file_leaves_no_upload_and_no_journal_row(
    app: Path, tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    big = make_file(tmp_path / "big.bin", 17 * MiB)  # over the multipart threshold
    big.chmod(0)
    state = tmp_path / "state"
    for _ in range(2):
        done = run_cli(["--app-root", str(app), "put", "MyR2", str(big), "-q"], state_dir=state)
        assert done.returncode == 1, done.stderr
        assert str(big) in done.stderr and "ermission denied" in done.stderr
        assert "[local_io]" in done.stderr  # a local problem, not a network one to retry
    uploads = moto_server.s3.client().list_multipart_uploads(Bucket=moto_bucket)
    assert uploads.get("Uploads", []) == []
    assert journal_uploads(state) == 0
    assert keys(moto_server, moto_bucket) == set()


def test_follow_symlinks_with_links_to_parents_uploads_each_file_once(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    tree = tmp_path / "tree"
    make_file(tree / "top.txt", 10)
    make_file(tree / "a" / "b" / "deep.txt", 10)
    (tree / "a" / "b" / "up").symlink_to("..")  # the parent
    (tree / "a" / "b" / "root").symlink_to("../..")  # the tree itself
    (tree / "a" / "b" / "self").symlink_to(".")
    make_file(tree / "x" / "in-x.txt", 10)
    make_file(tree / "y" / "in-y.txt", 10)
    (tree / "x" / "to-y").symlink_to("../y")  # x and y point at each other: a longer loop
    (tree / "y" / "to-x").symlink_to("../x")
    result = el.uploadFolder(str(tree), "t/", followSymlinks=True)
    assert sorted(result["done"]) == [
        "t/a/b/deep.txt",
        "t/top.txt",
        "t/x/in-x.txt",
        "t/x/to-y/in-y.txt",  # following into y once is fine; back into x is the loop
        "t/y/in-y.txt",
        "t/y/to-x/in-x.txt",
    ]
    loops = {s["key"] for s in result["skipped"] if "loop" in s["reason"]}
    assert loops == {"t/a/b/up", "t/a/b/root", "t/a/b/self", "t/x/to-y/to-x", "t/y/to-x/to-y"}


#: A file up to 1 MiB is read into memory; a bigger one is hashed, then streamed with its
#: Content-MD5, which R2 and SeaweedFS verify (moto does not: it would store changed bytes).
@pytest.mark.parametrize(
    ("size", "server"),
    [(1000, "moto"), (1000, "seaweed"), (2 * MiB, "seaweed")],
    ids=["in-memory-moto", "in-memory-seaweed", "streamed-seaweed"],
)
def test_a_small_file_changing_during_its_put_never_replaces_the_object_on_failure(
    tmp_path: Path, request: pytest.FixtureRequest, size: int, server: str
) -> None:
    handle = request.getfixturevalue("moto_server" if server == "moto" else "sigv4_server")
    bucket = request.getfixturevalue("moto_bucket" if server == "moto" else "sigv4_bucket")
    el = transfer_element(tmp_path / "app", handle.s3, bucket)
    el.uploadByFile("doc.bin", b"the previous version")
    src = make_file(tmp_path / "doc.bin", size, seed=1)
    read_version = src.read_bytes()
    changed = make_file(tmp_path / "other.bin", size, seed=2).read_bytes()

    def change_file(**_: object) -> None:
        src.write_bytes(changed)  # same size, other bytes, new mtime: while the PUT is sent

    el.client.meta.events.register("before-send.s3.PutObject", change_file)
    try:
        el.uploadFromPath("doc.bin", str(src))
    except StorageError as exc:
        assert exc.code == "local_io" and "while it was being uploaded" in str(exc)
        assert el.download("doc.bin") == b"the previous version"  # failed: nothing replaced
    else:
        assert el.download("doc.bin") == read_version  # done: one whole version of the file
    finally:
        el.client.meta.events.unregister("before-send.s3.PutObject", change_file)


# -- Unicode twins: two local names, one R2 key ----------------------------------------------

NFC = unicodedata.normalize("NFC", "Résumé.txt")
NFD = unicodedata.normalize("NFD", "Résumé.txt")


def twin_tree(base: Path) -> Path:
    tree = base / "tree"
    tree.mkdir(parents=True)
    (tree / NFC).write_bytes(b"the NFC one")
    (tree / NFD).write_bytes(b"the NFD one, another file")
    (tree / "other.txt").write_bytes(b"fine")
    assert len(os.listdir(tree)) == 3  # the file system keeps both spellings apart
    return tree


def test_unicode_twins_are_a_collision_in_every_upload_plan(tmp_path: Path) -> None:
    tree = twin_tree(tmp_path)
    for plan in (plan_tree(tree, "t/"), plan_drop([tree], "t/")):
        assert [key.rsplit("/", 1)[-1] for _, key, _ in plan.files] == ["other.txt"]
        twins = [i for i in plan.left_out if i.code is ErrorCode.CONFLICT]
        assert sorted(Path(i.path).name for i in twins) == sorted([NFC, NFD])
        assert all("same object" in i.reason and "neither" in i.reason for i in twins)
    # Two dropped files of one name from two folders would be one object too.
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "a.txt").write_bytes(b"x")
    (tmp_path / "y" / "a.txt").write_bytes(b"y")
    plan = plan_drop([tmp_path / "x" / "a.txt", tmp_path / "y" / "a.txt"], "")
    assert plan.files == [] and len(plan.problems) == 2


def test_upload_folder_uploads_neither_twin_and_reports_both(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    tree = twin_tree(tmp_path)
    result = el.uploadFolder(str(tree), "t/", raiseOnError=False)
    assert result["done"] == ["t/other.txt"]
    assert sorted(f["key"] for f in result["failed"]) == sorted([f"t/{NFC}", f"t/{NFD}"])
    assert {f["code"] for f in result["failed"]} == {"conflict"}
    assert keys(moto_server, moto_bucket) == {"t/other.txt"}
    with pytest.raises(StorageError) as info:  # and by default the call fails, in words
        el.uploadFolder(str(tree), "u/")
    assert info.value.code == "conflict" and "2 of 3 items failed" in str(info.value)


# -- a file bigger than R2 stores --------------------------------------------------------------

TOO_BIG = 5 * 1024**4  # 5 TiB: over R2's largest object (5 TiB minus 5 GiB)


def sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as f:
        f.truncate(size)  # no blocks written: a hole the file system reads as zeros
    return path


def test_a_file_bigger_than_r2_stores_is_refused_before_anything_is_sent(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    huge = sparse(tmp_path / "disk.img", TOO_BIG)
    token = CancelToken()
    with pytest.raises(StorageError) as info:  # before: it began sending 5 TiB of parts
        el.uploadFromPath("disk.img", str(huge), cancel=token, progress=lambda *_: token.cancel())
    assert info.value.code == "invalid_argument"
    assert "5.0 TiB" in str(info.value) and "nothing was sent" in str(info.value)
    client = moto_server.s3.client()
    assert client.list_multipart_uploads(Bucket=moto_bucket).get("Uploads", []) == []
    assert el.listUploads() == []
    # In a folder (and a drop, the same planner) it is reported; the rest is uploaded.
    make_file(tmp_path / "tree" / "small.txt", 10)
    sparse(tmp_path / "tree" / "disk.img", TOO_BIG)
    plan = plan_drop([tmp_path / "tree"], "")
    assert [k for _, k, _ in plan.files] == ["tree/small.txt"]
    result = el.uploadFolder(str(tmp_path / "tree"), "t/", raiseOnError=False)
    assert result["done"] == ["t/small.txt"]
    assert [(f["key"], f["code"]) for f in result["failed"]] == [("t/disk.img", "invalid_argument")]
