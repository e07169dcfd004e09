"""Folder moves (``r2desk/moves.py``): batched deletes, each source deleted only after its copy
is verified at the target, and a move cut short by the network resumed from the journal with
every object moved exactly once and none lost. Real servers: moto behind the fault proxy, and
moto to SeaweedFS (streamed)."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from support.elements import write_element
from support.faultproxy import DOWN, UP, Fault, FaultProxy
from support.servers import LocalS3, MotoHandle, SeaweedHandle

from r2desk import App, CloudflareR2Type, StorageError
from r2desk import moves as moves_mod
from r2desk.moves import journaled_move, move_folder, move_log


def _element(root: Path, s3: LocalS3, bucket: str, name: str = "MyR2") -> CloudflareR2Type:
    write_element(root, s3, bucket, name)
    el = App(root).getElement(f"storages.{name}")
    assert isinstance(el, CloudflareR2Type)
    return el


def _via(proxy: FaultProxy, s3: LocalS3) -> LocalS3:
    return LocalS3(proxy.endpoint_url, s3.access_key, s3.secret_key, s3.region, s3.verify)


class Calls:
    """Every request a client sends (operation and parameters), seen via botocore events."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.lock = threading.Lock()
        self.after: dict[str, Any] = {}

    def _before(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        with self.lock:
            self.calls.append((model.name, params))

    def _after(self, model: Any, **_: Any) -> None:
        hook = self.after.get(model.name)
        if hook is not None:
            hook()

    def attach(self, client: Any) -> None:
        client.meta.events.register("before-call.s3", self._before)
        client.meta.events.register("after-call.s3", self._after)

    def count(self, name: str) -> int:
        with self.lock:
            return sum(1 for n, _ in self.calls if n == name)

    def deleted_batches(self) -> list[int]:
        with self.lock:
            return [
                len(re.findall(rb"<Key>", p["body"])) for n, p in self.calls if n == "DeleteObjects"
            ]

    def reset(self) -> None:
        with self.lock:
            self.calls.clear()


def _fill(el: CloudflareR2Type, n: int) -> dict[str, bytes]:
    data = {f"src/f{i:03d}.txt": f"object {i}".encode() for i in range(n)}
    data["src/deep/er/x.bin"] = b"x" * 100
    el.createFolder("src/")
    for key, body in data.items():
        el.uploadByFile(key, body)
    return data


def _keys(el: CloudflareR2Type, prefix: str) -> set[str]:
    return {o["key"] for o in el.iterObjects(prefix)}


def test_a_folder_move_deletes_in_batches_and_forgets_its_journal_row(
    tmp_path: Path, moto_server: MotoHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(moves_mod, "DELETE_BATCH", 10)  # 1,000 in use; 10 keeps the test small
    el = _element(tmp_path / "app", moto_server.s3, moto_server.s3.make_bucket())
    data = _fill(el, 24)  # 24 + 1 deep file + the folder marker = 26 objects
    calls = Calls()
    calls.attach(el.client)
    moved: list[tuple[str, str]] = []
    result = move_folder(el, "src/", el, "dst/", on_moved=lambda s, t: moved.append((s, t)))
    assert result["complete"] and result["moved"] == 26 and result["failedCount"] == 0
    assert calls.count("DeleteObject") == 0
    assert calls.deleted_batches() == [10, 10, 6]  # not one request per key
    assert result["deleteRequests"] == 3
    assert _keys(el, "src/") == set()
    assert _keys(el, "dst/") == {"dst/" + k[4:] for k in data} | {"dst/"}
    assert all(el.download("dst/" + k[4:]) == body for k, body in data.items())
    assert sorted(moved) == sorted([(k, "dst/" + k[4:]) for k in [*data, "src/"]])
    assert journaled_move(el, "src/", el, "dst/") is None
    assert move_log(el).moves() == []


def test_a_move_cut_by_the_network_resumes_moving_each_object_exactly_once(
    tmp_path: Path, moto_server: MotoHandle, proxy: FaultProxy
) -> None:
    s3 = _via(proxy, moto_server.s3)
    el = _element(tmp_path / "app", s3, moto_server.s3.make_bucket())
    data = _fill(el, 30)
    calls = Calls()
    calls.attach(el.client)
    copies = []

    def cut_after_ten() -> None:
        copies.append(1)
        if len(copies) == 10:  # the network goes away in the middle of the copies
            proxy.arm(Fault("refuse", times=-1))
            proxy.arm(Fault("cut", direction=UP, after=0, times=-1))
            proxy.arm(Fault("cut", direction=DOWN, after=0, times=-1))

    calls.after["CopyObject"] = cut_after_ten
    with pytest.raises(StorageError) as info:
        move_folder(el, "src/", el, "dst/")
    assert info.value.code == "unreachable"
    assert "run the same move again to resume it" in str(info.value)
    row = journaled_move(el, "src/", el, "dst/")
    assert row is not None
    sql = "SELECT target FROM move_items WHERE move=?"
    copied_first = {"/dst/" + str(t)[4:] for (t,) in move_log(el).journal.read(sql, (row.id,))}
    done, deleted = move_log(el).counts(row)
    assert 10 <= done < 32 and deleted == 0  # nothing deleted that was not copied and verified
    proxy.clear()
    assert _keys(el, "src/") == set(data) | {"src/"}  # every source still there
    calls.after.clear()
    calls.reset()
    result = move_folder(el, "src/", el, "dst/")
    assert result["complete"] and result["failedCount"] == 0
    assert result["resumed"] == done  # each verified with a HEAD, not copied again
    second = [p["url_path"] for n, p in calls.calls if n == "CopyObject"]
    assert len(second) == 32 - done and not set(second) & copied_first
    assert _keys(el, "src/") == set()
    assert _keys(el, "dst/") == {"dst/" + k[4:] for k in data} | {"dst/"}
    assert all(el.download("dst/" + k[4:]) == body for k, body in data.items())
    assert journaled_move(el, "src/", el, "dst/") is None


def _tamper_copy_etag(data: bytes) -> bytes:
    """A CopyObject answer whose ETag says the copy holds other bytes."""
    if b"CopyObjectResult" not in data:
        return data
    return re.sub(rb"(<ETag>(?:&#34;|&quot;|\")?)[0-9a-f]{32}", rb"\g<1>" + b"0" * 32, data)


def test_a_source_whose_copy_is_not_verified_is_never_deleted(
    tmp_path: Path, moto_server: MotoHandle, proxy: FaultProxy
) -> None:
    el = _element(tmp_path / "app", _via(proxy, moto_server.s3), moto_server.s3.make_bucket())
    _fill(el, 3)
    proxy.arm(Fault("tamper", direction=DOWN, times=-1, rewrite=_tamper_copy_etag))
    failed: list[str] = []
    result = move_folder(el, "src/", el, "dst/", on_failed=lambda key, _why: failed.append(key))
    assert proxy.hits.get("tamper", 0) >= 1
    assert result["failedCount"] >= 1 and not result["complete"]
    assert all("integrity" in f["message"] or "ETag" in f["message"] for f in result["failed"])
    left = _keys(el, "src/")
    assert set(failed) <= left  # every object whose copy failed verification is still there
    assert journaled_move(el, "src/", el, "dst/") is not None  # kept for a later run


def test_a_move_between_stores_is_streamed_and_resumable_too(
    tmp_path: Path, moto_server: MotoHandle, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    a = _element(tmp_path / "app", moto_server.s3, moto_server.s3.make_bucket(), "A")
    b = _element(tmp_path / "app", sigv4_server.s3, sigv4_bucket, "B")
    data = _fill(a, 4)
    result = move_folder(a, "src/", b, "in/src/")
    assert result["complete"] and result["moved"] == 6
    assert _keys(a, "src/") == set()
    assert all(b.download("in/src/" + k[4:]) == body for k, body in data.items())
