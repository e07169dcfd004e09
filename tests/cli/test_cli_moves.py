"""``r2desk mv -r`` run again with the same arguments finishes a move an earlier run left
unfinished (the journal as a crash leaves it: some objects copied and verified, none of their
sources deleted): nothing is copied twice, nothing is lost, the journal row goes at the end;
and the one-bucket form does not take the move's own copies for conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle

from r2desk import App
from r2desk.cli.main import main
from r2desk.moves import journaled_move, move_log, side
from r2desk.storages.meta import Meta


@pytest.fixture
def root(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> Path:
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    return tmp_path / "app"


@pytest.fixture
def el(root: Path) -> Meta:
    return App(root).getElement("storages.MyR2")


def run(root: Path, *argv: str) -> int:
    return main(["--app-root", str(root), *argv])


def _interrupted(src: Meta, dst: Meta, src_prefix: str, dst_prefix: str) -> dict[str, bytes]:
    """Five objects; the first two copied and journaled by "an earlier run" that then died."""
    data = {f"{src_prefix}f{i}.txt": f"body {i}".encode() for i in range(5)}
    for key, body in data.items():
        src.uploadByFile(key, body)
    log = move_log(src)
    row, _ = log.begin(side(src, src_prefix), side(dst, dst_prefix))
    for key in sorted(data)[:2]:
        target = dst_prefix + key[len(src_prefix) :]
        copy = src.copyTo(key, dst, target)
        log.copied(row, key, target, src.getObject(key)["etag"], copy["etag"], copy["size"])
        # A mark on the copy, same bytes and ETag: a second copy would wipe it.
        dst.updateObject(target, metadata={"mark": "earlier run"})
    return data


def _marked(el: Meta, prefix: str) -> list[str]:
    return sorted(
        o["key"]
        for o in el.iterObjects(prefix)
        if el.getObject(o["key"])["metadata"].get("mark") == "earlier run"
    )


def test_mv_r_between_buckets_run_again_resumes(
    root: Path, el: Meta, moto_server: MotoHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    other = el.forBucket(moto_server.s3.make_bucket())
    data = _interrupted(el, other, "p/", "q/")
    assert run(root, "mv", "-r", "MyR2:p/", f"MyR2@{other.where.bucket}:q/") == 0
    err = capsys.readouterr().err
    assert "resuming the unfinished move" in err and "(2 copied by the earlier run)" in err
    assert _marked(other, "q/") == ["q/f0.txt", "q/f1.txt"]  # verified, not copied again
    assert list(el.iterObjects("p/")) == []
    assert {o["key"] for o in other.iterObjects("q/")} == {"q/" + k[2:] for k in data}
    assert all(other.download("q/" + k[2:]) == body for k, body in data.items())
    assert journaled_move(el, "p/", other, "q/") is None


def test_mv_r_in_one_bucket_run_again_resumes_without_a_conflict(
    root: Path, el: Meta, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _interrupted(el, el, "docs/", "archive/docs/")
    assert run(root, "mv", "-r", "MyR2", "docs", "archive/docs") == 0  # no --overwrite needed
    assert _marked(el, "archive/") == ["archive/docs/f0.txt", "archive/docs/f1.txt"]
    assert "moved 5 objects" in capsys.readouterr().out
    assert sorted(o["key"] for o in el.iterObjects("")) == sorted("archive/" + k for k in data)
    assert journaled_move(el, "docs/", el, "archive/docs/") is None
