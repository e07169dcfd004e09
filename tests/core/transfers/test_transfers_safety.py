"""Data-safety regressions found in review: pause, shared targets, replaced files, long names.

Each test drives real transfers over HTTP against the local endpoint; transfers are held
mid-flight through their own progress callback, and requests are observed (never altered)
through botocore's event hooks.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from support.servers import MotoHandle, SeaweedHandle
from support.transfers import MiB, PartRecorder, make_file, md5_file, transfer_element

from r2desk import CloudflareR2Type, StorageError
from r2desk.transfers import bandwidth
from r2desk.transfers.control import CancelToken

SIZE = 40 * MiB  # five 8 MiB parts: over the single-PUT threshold


@pytest.fixture
def el(tmp_path: Path, moto_server: MotoHandle, moto_bucket: str) -> CloudflareR2Type:
    return transfer_element(tmp_path / "app", moto_server.s3, moto_bucket, concurrency=2)


def pause_at(token: CancelToken, threshold: int):  # type: ignore[no-untyped-def]
    def progress(done: int, total: int) -> None:
        if done >= threshold:
            token.pause()

    return progress


class PhaseLog:
    """A progress callback that also hears the engine's phases, as the transfer panel does."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def __call__(self, done: int, total: int) -> None:
        self.events.append(("bytes", done))

    def phase(self, name: str | None) -> None:
        self.events.append(("phase", name))

    def phases(self) -> list[object]:
        return [value for kind, value in self.events if kind == "phase"]


def temp_files(folder: Path) -> list[Path]:
    """Partial files the engine left in ``folder`` (any of its temp names, old or new)."""
    return [p for p in folder.iterdir() if p.name.startswith(".") and "r2desk" in p.name]


def test_paused_upload_resumes_from_its_finished_parts(
    el: CloudflareR2Type, tmp_path: Path
) -> None:
    src = make_file(tmp_path / "big.bin", SIZE)
    token = CancelToken()
    with pytest.raises(StorageError) as info:
        # Two 8 MiB parts run at once: only past 16 MiB sent has one part surely gone whole
        # (at 12 MiB both could be half-sent, and a slow machine then resumed nothing).
        el.uploadFromPath("big.bin", str(src), progress=pause_at(token, 20 * MiB), cancel=token)
    assert info.value.code == "cancelled" and "paused" in str(info.value)
    assert token.paused
    pending = [u for u in el.listUploads() if u["key"] == "big.bin"]
    assert len(pending) == 1 and pending[0]["ours"]  # kept on the server and in the journal
    recorder = PartRecorder()
    seen = PhaseLog()
    with recorder.attached(el.client):
        result = el.uploadFromPath("big.bin", str(src), progress=seen)
    assert result["resumed"] is True
    # Re-hashing the finished parts moves no bytes: the panel is told, so it says "Verifying…".
    assert seen.phases() == ["verifying", None]
    assert seen.events[0] == ("phase", "verifying")
    assert "CreateMultipartUpload" not in recorder.operations
    assert 0 < len(recorder.sizes()) < result["parts"]  # only the missing parts went again
    out = tmp_path / "out.bin"
    el.downloadToPath("big.bin", str(out))
    assert md5_file(out) == md5_file(src)
    assert el.listUploads() == []


def test_paused_download_keeps_its_temp_file_and_resumes(
    el: CloudflareR2Type, tmp_path: Path
) -> None:
    src = make_file(tmp_path / "big.bin", SIZE)
    el.uploadFromPath("big.bin", str(src))
    dest = tmp_path / "dl"
    dest.mkdir()
    token = CancelToken()
    # Progress reports come at most every 0.1 s: at 64 MiB/s one lands between 12 MiB and the
    # end (unlimited, a quiet local server could send the rest before the next report).
    bandwidth.set_limits(download=64 * MiB)
    try:
        with pytest.raises(StorageError) as info:
            el.downloadToPath(
                "big.bin", str(dest / "big.bin"), progress=pause_at(token, 12 * MiB), cancel=token
            )
    finally:
        bandwidth.set_limits(download=0)
    assert info.value.code == "cancelled"
    assert not (dest / "big.bin").exists()  # nothing partial is presented as the file
    assert len(temp_files(dest)) == 1
    seen = PhaseLog()
    result = el.downloadToPath("big.bin", str(dest / "big.bin"), progress=seen)
    assert result["resumed"] is True
    assert seen.phases() == ["verifying", None]  # the kept chunks were checked first
    assert md5_file(dest / "big.bin") == md5_file(src)
    assert temp_files(dest) == []


def test_cancel_still_discards_everything(el: CloudflareR2Type, tmp_path: Path) -> None:
    src = make_file(tmp_path / "big.bin", SIZE)
    token = CancelToken()

    def cancel_at(done: int, total: int) -> None:
        if done >= 12 * MiB:
            token.cancel()

    with pytest.raises(StorageError):
        el.uploadFromPath("big.bin", str(src), progress=cancel_at, cancel=token)
    assert el.listUploads() == []


def test_two_keys_downloading_to_one_file_never_mix(el: CloudflareR2Type, tmp_path: Path) -> None:
    a = make_file(tmp_path / "a.bin", 24 * MiB, seed=1)
    b = make_file(tmp_path / "b.bin", 24 * MiB, seed=2)
    el.uploadFromPath("a/report.bin", str(a))
    el.uploadFromPath("b/report.bin", str(b))
    target = tmp_path / "dl" / "report.bin"
    target.parent.mkdir()
    started, release = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def hold(done: int, total: int) -> None:
        if 0 < done < total:
            started.set()
            release.wait(30)

    def first() -> None:
        try:
            outcome["a"] = el.downloadToPath("a/report.bin", str(target), progress=hold)
        except StorageError as exc:  # pragma: no cover - reported by the assertion below
            outcome["a"] = exc

    thread = threading.Thread(target=first)
    thread.start()
    try:
        assert started.wait(30)
        with pytest.raises(StorageError) as info:
            el.downloadToPath("b/report.bin", str(target))
        assert info.value.code == "conflict" and str(target) in str(info.value)
    finally:
        release.set()
        thread.join(60)
    assert isinstance(outcome["a"], dict), outcome["a"]
    assert md5_file(target) == md5_file(a)


def test_resume_does_not_mix_a_replaced_file_of_same_size_and_mtime(
    el: CloudflareR2Type, tmp_path: Path
) -> None:
    """cp -p, rsync -t or unzip can replace a file keeping its size and mtime."""
    src = make_file(tmp_path / "big.bin", SIZE, seed=1)
    token = CancelToken()
    with pytest.raises(StorageError):
        el.uploadFromPath("big.bin", str(src), progress=pause_at(token, 12 * MiB), cancel=token)
    st = os.stat(src)
    make_file(src, SIZE, seed=2)
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(src).st_mtime_ns == st.st_mtime_ns and os.stat(src).st_size == st.st_size
    el.uploadFromPath("big.bin", str(src))
    out = tmp_path / "out.bin"
    el.downloadToPath("big.bin", str(out))
    assert md5_file(out) == md5_file(src)


def test_longest_file_names_download(el: CloudflareR2Type, tmp_path: Path) -> None:
    name = "n" * 255  # the longest name the file system takes; the temp file must fit too
    el.uploadByFile(f"x/{name}", b"long name")
    dest = tmp_path / "dl"
    dest.mkdir()
    el.downloadToPath(f"x/{name}", str(dest))
    assert (dest / name).read_bytes() == b"long name"
    assert temp_files(dest) == []


def test_target_with_trailing_slash_is_a_folder(el: CloudflareR2Type, tmp_path: Path) -> None:
    el.uploadByFile("k.txt", b"k")
    el.downloadToPath("k.txt", str(tmp_path / "new-folder") + os.sep)
    assert (tmp_path / "new-folder" / "k.txt").read_bytes() == b"k"


def test_keys_colliding_on_one_local_path_are_refused(el: CloudflareR2Type, tmp_path: Path) -> None:
    """'docs/a.txt' and 'docs//a.txt' are two objects but one local file."""
    from r2desk.transfers.plans import plan_download

    el.uploadByFile("docs/a.txt", b"single")
    el.uploadByFile("docs//a.txt", b"double")
    el.uploadByFile("docs/b.txt", b"b")
    items, refused = plan_download(el, [], ["docs/"], "", tmp_path / "gui")
    assert [k for k, _, _ in items] == ["docs/b.txt"]
    assert sorted(refused) == ["docs//a.txt", "docs/a.txt"]
    with pytest.raises(StorageError) as info:
        el.downloadFolder("docs/", str(tmp_path / "engine"))
    assert "docs//a.txt" in str(info.value) or "docs/a.txt" in str(info.value)
    assert not (tmp_path / "engine" / "a.txt").exists()


def test_drive_letter_inside_a_key_is_refused_in_words(
    el: CloudflareR2Type, tmp_path: Path
) -> None:
    el.uploadByFile("a/C:/x.txt", b"x")
    with pytest.raises(StorageError) as info:
        el.downloadFolder("a/", str(tmp_path / "out"))
    assert info.value.code in ("invalid_argument", "local_io")
    assert "a/C:/x.txt" in str(info.value)


def journal_upload(el: CloudflareR2Type, src: Path) -> None:
    """A journal row for uploading ``src`` to big.bin, as another run would have left it."""
    engine = el.transfers
    engine.journal.begin_upload(
        element=el.name,
        endpoint=engine.endpoint,
        bucket=el.bucket,
        key="big.bin",
        path=str(src),
        size=SIZE,
        mtime_ns=os.stat(src).st_mtime_ns,
        part_size=8 * MiB,
        content_type="application/octet-stream",
        metadata={},
    )


def test_a_journal_race_is_a_conflict_in_words(
    el: CloudflareR2Type, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes start the same upload: the second insert hits the journal's UNIQUE."""
    src = make_file(tmp_path / "big.bin", SIZE)
    engine = el.transfers
    journal_upload(el, src)
    # The other process inserted its row just after our look-up found nothing.
    monkeypatch.setattr(engine.journal, "find_upload", lambda *a: None)
    with pytest.raises(StorageError) as info:
        el.uploadFromPath("big.bin", str(src))
    assert info.value.code == "conflict" and "another r2desk process" in str(info.value)


def test_ambiguous_adoption_leaves_other_uploads_alone(
    el: CloudflareR2Type, tmp_path: Path
) -> None:
    """Killed between the journal row and CreateMultipartUpload, with two candidate uploads
    on the server (one may be another client's): adopt none, abort none, start afresh."""
    src = make_file(tmp_path / "big.bin", SIZE)
    journal_upload(el, src)
    foreign = {
        el.client.create_multipart_upload(Bucket=el.bucket, Key="big.bin")["UploadId"]
        for _ in range(2)
    }
    result = el.uploadFromPath("big.bin", str(src))
    assert result["resumed"] is False
    assert {u["uploadId"] for u in el.listUploads()} == foreign


def test_pause_and_cancel_mid_send_over_https(
    tmp_path: Path, sigv4_server: SeaweedHandle, sigv4_bucket: str
) -> None:
    """Over HTTPS no payload-hashing pass reads the part first: the stop lands inside the
    send, where botocore wraps (and retries) any Exception; it must still be a prompt
    "cancelled" that keeps (pause) or aborts (cancel) the upload."""
    el = transfer_element(tmp_path / "app", sigv4_server.s3, sigv4_bucket, concurrency=2)
    src = make_file(tmp_path / "big.bin", SIZE)
    for stop in ("pause", "cancel"):
        token = CancelToken()

        def progress(done: int, total: int, token: CancelToken = token, stop: str = stop) -> None:
            if done >= 12 * MiB:
                getattr(token, stop)()

        began = time.monotonic()
        with pytest.raises(StorageError) as info:
            el.uploadFromPath("big.bin", str(src), progress=progress, cancel=token)
        assert info.value.code == "cancelled", info.value
        assert time.monotonic() - began < 10
        assert len(el.listUploads()) == (1 if stop == "pause" else 0)
