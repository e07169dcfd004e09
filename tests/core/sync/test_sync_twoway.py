"""Two-way sync on a real local server (moto): the state file tells a deletion from a creation,
and conflicts follow each policy (ask with the user's choices, newer, keep-both, skip)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.sync import write_tree

from r2desk import CloudflareR2Type
from r2desk.results import SyncItem
from r2desk.sync.run import Options, run
from r2desk.sync.sides import BucketSide, LocalSide
from r2desk.sync.state import saved_pairs


def two_way(
    a: LocalSide, b: BucketSide, folder: Path, **kw: object
) -> tuple[dict[str, object], dict[str, tuple[str, str, str]]]:
    seen: list[SyncItem] = []
    opts = Options(two_way=True, force=True, **kw)  # type: ignore[arg-type]
    report = run(a, b, opts, on_item=seen.append, state_folder=folder)
    return report, {i["key"]: (i["action"], i["direction"], i["reason"]) for i in seen}  # type: ignore[return-value]


@pytest.fixture
def pair(tmp_path: Path, el: CloudflareR2Type, state_folder: Path) -> tuple[LocalSide, BucketSide]:
    """A folder and a prefix synced once: both hold 'x' and 'y'."""
    local = tmp_path / "local"
    write_tree(local, {"x": b"x0", "y": b"y0"})
    a, b = LocalSide(str(local)), BucketSide(el, "two/")
    report, _ = two_way(a, b, state_folder)
    assert report["failed"] == []
    return a, b


def test_first_run_merges_both_sides(
    tmp_path: Path, el: CloudflareR2Type, state_folder: Path
) -> None:
    local = tmp_path / "local"
    write_tree(local, {"mine": b"m"})
    el.uploadByFile("p/theirs", b"t")
    _report, got = two_way(LocalSide(str(local)), BucketSide(el, "p"), state_folder)
    assert got == {"mine": ("create", "a>b", "new"), "theirs": ("create", "b>a", "new")}
    assert (local / "theirs").read_bytes() == b"t" and el.download("p/mine") == b"m"
    pairs = saved_pairs(state_folder)
    assert [(p.a_label, p.b_label) for p in pairs] == [
        (str(local), "storages.MyR2@" + el.bucket + ":p/")
    ]


def test_deletion_is_told_from_creation(
    pair: tuple[LocalSide, BucketSide], el: CloudflareR2Type, state_folder: Path
) -> None:
    a, b = pair
    root = Path(a.root)
    os.unlink(root / "x")  # deleted here: delete there (not "new there: download")
    el.delete("two/y")  # deleted there: delete here (not "new here: upload")
    el.uploadByFile("two/z", b"z")
    write_tree(root, {"w": b"w"})
    _report, got = two_way(a, b, state_folder)
    assert got["x"][:2] == ("delete", "a>b") and got["y"][:2] == ("delete", "b>a")
    assert got["z"][:2] == ("create", "b>a") and got["w"][:2] == ("create", "a>b")
    assert not el.exists("two/x") and not (root / "y").exists()
    assert (root / "z").read_bytes() == b"z" and el.download("two/w") == b"w"
    _, got = two_way(a, b, state_folder)
    assert got == {}  # in sync


def test_one_side_changed_propagates(
    pair: tuple[LocalSide, BucketSide], el: CloudflareR2Type, state_folder: Path
) -> None:
    a, b = pair
    write_tree(Path(a.root), {"x": b"x1-longer"}, mtime=1_800_000_000)
    el.uploadByFile("two/y", b"y1-longer")
    _, got = two_way(a, b, state_folder)
    assert got["x"][:2] == ("update", "a>b") and got["y"][:2] == ("update", "b>a")
    assert el.download("two/x") == b"x1-longer"
    assert (Path(a.root) / "y").read_bytes() == b"y1-longer"


def _both_change(a: LocalSide, el: CloudflareR2Type, local_mtime: int) -> None:
    write_tree(Path(a.root), {"x": b"local version"}, mtime=local_mtime)
    el.uploadByFile("two/x", b"remote version!")


def test_conflict_skip_and_ask_leave_both(
    pair: tuple[LocalSide, BucketSide], el: CloudflareR2Type, state_folder: Path
) -> None:
    a, b = pair
    _both_change(a, el, 1_800_000_000)
    for policy in ("skip", "ask"):
        report, got = two_way(a, b, state_folder, policy=policy)
        assert got["x"][0] == "conflict" and "changed on both sides" in got["x"][2]
        assert report["totals"]["conflict"]["count"] == 1
    assert (Path(a.root) / "x").read_bytes() == b"local version"
    assert el.download("two/x") == b"remote version!"
    # "ask" with the user's answer (the GUI's choice per item): the second side's version.
    _, got = two_way(a, b, state_folder, policy="ask", decisions={"x": "b"})
    assert got["x"][:2] == ("update", "b>a")
    assert (Path(a.root) / "x").read_bytes() == b"remote version!"


@pytest.mark.parametrize(
    ("local_mtime", "winner"), [(4_000_000_000, "local"), (1_000_000_000, "remote")]
)
def test_conflict_newer_wins(
    pair: tuple[LocalSide, BucketSide],
    el: CloudflareR2Type,
    state_folder: Path,
    local_mtime: int,
    winner: str,
) -> None:
    a, b = pair
    _both_change(a, el, local_mtime)  # the object was written now: between the two
    _, got = two_way(a, b, state_folder, policy="newer")
    expected = b"local version" if winner == "local" else b"remote version!"
    assert got["x"][1] == ("a>b" if winner == "local" else "b>a")
    assert el.download("two/x") == expected and (Path(a.root) / "x").read_bytes() == expected


def test_conflict_keep_both(
    pair: tuple[LocalSide, BucketSide], el: CloudflareR2Type, state_folder: Path
) -> None:
    a, b = pair
    _both_change(a, el, 1_800_000_000)
    report, got = two_way(a, b, state_folder, policy="keep-both")
    assert report["failed"] == []
    root = Path(a.root)
    copies = [p.name for p in root.iterdir() if p.name.startswith("x (conflict ")]
    assert len(copies) == 1
    assert (root / "x").read_bytes() == b"local version" == el.download("two/x")
    assert (root / copies[0]).read_bytes() == b"remote version!" == el.download("two/" + copies[0])
    _, got = two_way(a, b, state_folder)
    assert got == {}


def test_changed_here_deleted_there(
    pair: tuple[LocalSide, BucketSide], el: CloudflareR2Type, state_folder: Path
) -> None:
    a, b = pair
    write_tree(Path(a.root), {"x": b"edited"}, mtime=1_800_000_000)
    el.delete("two/x")
    _, got = two_way(a, b, state_folder, policy="skip")
    assert got["x"][0] == "conflict" and "deleted on the other side" in got["x"][2]
    _, got = two_way(a, b, state_folder, policy="newer")  # a change beats a deletion
    assert got["x"][:2] == ("create", "a>b") and el.download("two/x") == b"edited"
