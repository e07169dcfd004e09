"""The one upload planner: a GUI drop, ``r2desk put -r`` and ``uploadFolder`` make the same
objects for the same tree (symbolic links and empty folders included), and the download
planner is shared by the GUI and ``downloadFolder``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle
from support.transfers import make_file, transfer_element

from r2desk import CloudflareR2Type, StorageError
from r2desk.cli.main import main
from r2desk.transfers.plans import NOT_FOLLOWED, plan_drop, plan_tree

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")

#: Regular files and empty folders of the tree, relative to its root.
FILES = ["a.txt", "nested/c.txt", "nested/deeper/b.bin", "ünï cødé/d e.txt"]
EMPTY = ["empty/", "nested/empty2/"]
#: Links inside the tree: followed only when asked, and then only the first two.
INSIDE_LINKS = {"link-to-a": "a.txt", "link-dir": "nested"}
NEVER_FOLLOWED = {"outside": "../outside.txt", "loop": ".", "broken": "missing.txt"}
#: What following the inside links adds (link-dir is nested/ again under its own name).
FOLLOWED = ["link-to-a", "link-dir/c.txt", "link-dir/deeper/b.bin", "link-dir/empty2/"]


def build_tree(base: Path) -> Path:
    tree = base / "tree"
    for i, rel in enumerate(FILES):
        make_file(tree / rel, 100 + i, seed=i)
    for rel in EMPTY:
        (tree / rel).mkdir(parents=True)
    (base / "outside.txt").write_bytes(b"outside the tree")
    for name, target in {**INSIDE_LINKS, **NEVER_FOLLOWED}.items():
        (tree / name).symlink_to(target)
    return tree


def expected(prefix: str, follow: bool) -> set[str]:
    rels = FILES + EMPTY + (FOLLOWED if follow else [])
    return {f"{prefix}{rel}" for rel in rels}


@pytest.mark.parametrize("follow", [False, True])
def test_plan_rules(tmp_path: Path, follow: bool) -> None:
    tree = build_tree(tmp_path)
    plan = plan_drop([tree], "up/", follow_symlinks=follow)
    keys = {key for _, key, _ in plan.files} | set(plan.folders)
    assert keys == expected("up/tree/", follow)
    assert sorted(plan.folders) == sorted(
        f"up/tree/{r}" for r in EMPTY + [f for f in FOLLOWED if f.endswith("/")] * follow
    )
    left = {Path(item.path).name: item for item in plan.left_out}
    skipped = set(NEVER_FOLLOWED) | (set() if follow else set(INSIDE_LINKS))
    assert set(left) == skipped  # every link left out is reported, none silently
    assert all(item.code is None for item in plan.left_out)  # skipped by rule, not failures
    if not follow:
        assert {item.reason for item in plan.left_out} == {NOT_FOLLOWED}
    else:  # asked to follow: these three still are not, each said why
        assert "outside" in left["outside"].reason
        assert "loop" in left["loop"].reason
        assert "nothing" in left["broken"].reason
    assert len(plan.problems) == len(skipped)
    # The same rules for a folder planned on its own (uploadFolder, put -r).
    alone = plan_tree(tree, "up/tree/", follow_symlinks=follow)
    assert [k for _, k, _ in alone.files] == [k for _, k, _ in plan.files]
    assert alone.folders == plan.folders


def test_a_link_named_explicitly_is_followed(tmp_path: Path) -> None:
    make_file(tmp_path / "real.txt", 10)
    (tmp_path / "named.txt").symlink_to(tmp_path / "real.txt")
    plan = plan_drop([tmp_path / "named.txt"], "")
    assert [(key, size) for _, key, size in plan.files] == [("named.txt", 10)]
    assert plan.problems == []


def test_an_empty_dropped_folder_is_a_marker(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    plan = plan_drop([tmp_path / "nothing", tmp_path / "gone.txt"], "p/")
    assert plan.folders == ["p/nothing/"] and plan.files == []
    assert len(plan.problems) == 1 and "does not exist" in plan.problems[0]


def keys_under(el: CloudflareR2Type, prefix: str) -> set[str]:
    return {o["key"][len(prefix) :] for o in el.iterObjects(prefix)}


@pytest.mark.parametrize("follow", [False, True])
def test_drop_and_put_r_upload_the_same_objects(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    follow: bool,
) -> None:
    monkeypatch.setenv("R2DESK_STATE_DIR", str(tmp_path / "state"))
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    tree = build_tree(tmp_path)

    # The GUI's path (MainWindow.upload_paths): plan the drop, make each folder marker, queue
    # one upload per file (a queued job runs uploadFromPath).
    plan = plan_drop([tree], "gui/", follow_symlinks=follow)
    for folder in plan.folders:
        el.createFolder(folder)
    for path, key, _ in plan.files:
        el.uploadFromPath(key, str(path))

    # The CLI's path: r2desk put -r.
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    args = ["--app-root", str(tmp_path / "app"), "put", "-q", "-r", "MyR2", str(tree), "cli/tree/"]
    assert main([*args, "--follow-symlinks"] if follow else args) == 0
    err = capsys.readouterr().err

    gui, cli = keys_under(el, "gui/"), keys_under(el, "cli/")
    assert gui == cli == {k[len("x/") :] for k in expected("x/tree/", follow)}
    for marker in EMPTY:
        head = el.getObject(f"cli/tree/{marker}")
        assert head["size"] == 0
        assert head["contentType"] == el.getObject(f"gui/tree/{marker}")["contentType"]
    # Both report every link they left out.
    skipped = set(NEVER_FOLLOWED) | (set() if follow else set(INSIDE_LINKS))
    assert {Path(p.split(": ", 1)[0]).name for p in plan.problems} == skipped
    assert {name for name in skipped if f"cli/tree/{name}'" in err} == skipped

    # uploadFolder itself lists them in the result.
    result = el.uploadFolder(str(tree), "api", followSymlinks=follow)
    assert {s["key"] for s in result["skipped"]} == {f"api/{n}" for n in skipped}
    assert keys_under(el, "api/") == {k[len("tree/") :] for k in gui}
    assert sorted(result.get("folders", [])) == sorted(
        f"api/{m[len('gui/tree/') :]}" for m in plan.folders
    )


def test_upload_folder_refuses_a_key_too_long_before_sending(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    src = tmp_path / "src"
    make_file(src / "ok.txt", 5)
    make_file(src.joinpath(*(c * 250 for c in "nmopq"), "x.txt"), 5)  # 1,270 bytes
    with pytest.raises(StorageError) as info:
        el.uploadFolder(str(src), "up")
    assert info.value.code == "invalid_argument" and "1024" in str(info.value)
    assert keys_under(el, "up/") == set()


def test_an_empty_folder_whose_marker_is_too_long_is_refused_before_sending(
    tmp_path: Path, moto_server: MotoHandle, moto_bucket: str
) -> None:
    el = transfer_element(tmp_path / "app", moto_server.s3, moto_bucket)
    src = tmp_path / "src"
    make_file(src / "ok.txt", 5)
    src.joinpath(*(c * 250 for c in "nmop"), "empty").mkdir(parents=True)  # 1,012-byte marker
    plan = plan_drop([src], "x" * 20)
    assert plan.folders == [] and any("1024" in p for p in plan.problems)
    with pytest.raises(StorageError) as info:
        el.uploadFolder(str(src), "x" * 20)
    assert info.value.code == "invalid_argument" and "1024" in str(info.value)
    assert keys_under(el, "x" * 20) == set()
