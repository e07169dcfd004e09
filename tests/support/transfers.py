"""Helpers for the transfer-engine tests: elements with their own journal, files, part records."""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from r2desk import App, CloudflareR2Type
from support.elements import write_element
from support.servers import LocalS3

MiB = 1024**2


def transfer_element(
    root: Path,
    s3: LocalS3,
    bucket: str,
    *,
    state_dir: Path | None = None,
    concurrency: int | None = None,
    cls: type[CloudflareR2Type] | None = None,
    **fields: Any,
) -> CloudflareR2Type:
    """An element on ``s3``/``bucket`` whose journal lives in ``state_dir`` (a tmp folder)."""
    write_element(root, s3, bucket, **fields)
    el = App(root).getElement("storages.MyR2")
    assert isinstance(el, CloudflareR2Type)
    if cls is not None:
        el = cls(
            el.name,
            el.config,
            title=el.title,
            path=el.path,
            config_path=el.config_path,
            credentials=el.credentials,
        )
    el.state_dir = str(state_dir or root / "state")
    if concurrency:
        el.max_concurrency = concurrency
    return el


def make_file(path: Path, size: int, seed: int = 1) -> Path:
    """A file of ``size`` pseudo-random bytes; every MiB differs, so misplaced parts show."""
    block = random.Random(seed).randbytes(MiB)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        for i, off in enumerate(range(0, size, MiB)):
            n = min(MiB, size - off)
            f.write((i.to_bytes(8, "little") + block[8:])[:n])
    return path


def md5_file(path: Path) -> str:
    h = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as f:
        while chunk := f.read(MiB):
            h.update(chunk)
    return h.hexdigest()


class PartRecorder:
    """Records every UploadPart a client sends (number and body length), via botocore events.

    Observes real requests on their way out; it changes nothing, so the server still sees
    exactly what the engine sent.
    """

    def __init__(self) -> None:
        self.parts: list[tuple[str, int, int]] = []  # (upload id, part number, size)
        self.operations: list[str] = []
        self._lock = threading.Lock()

    def _before_call(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        with self._lock:
            self.operations.append(model.name)
            if model.name == "UploadPart":
                q = params.get("query_string", {})
                size = int(params.get("headers", {}).get("Content-Length", -1))
                self.parts.append((str(q.get("uploadId")), int(q.get("partNumber", 0)), size))

    @contextmanager
    def attached(self, client: Any) -> Iterator[PartRecorder]:
        client.meta.events.register("before-call.s3", self._before_call)
        try:
            yield self
        finally:
            client.meta.events.unregister("before-call.s3", self._before_call)

    def sizes(self, upload_id: str | None = None) -> dict[int, int]:
        with self._lock:
            return {n: s for u, n, s in self.parts if upload_id is None or u == upload_id}


def requests_in_flight(
    el: CloudflareR2Type, operation: str = "", hold: float = 0.0
) -> dict[str, int]:
    """Count ``el``'s requests (of one ``operation``, or all) in flight at the wire: "max" is
    the most at once; ``hold`` keeps each a while before it is sent, so that they overlap."""
    lock = threading.Lock()
    state = {"now": 0, "max": 0}
    suffix = f".{operation}" if operation else ""

    def before(**_: Any) -> None:
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        if hold:
            time.sleep(hold)

    def after(**_: Any) -> None:
        with lock:
            state["now"] -= 1

    el.client.meta.events.register(f"before-send.s3{suffix}", before)
    el.client.meta.events.register(f"needs-retry.s3{suffix}", after)
    return state
