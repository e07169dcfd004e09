"""``r2desk --self-test``: prove an installed build works end to end, with no account.

Packaging breaks things tests in a source tree never see (a missing Qt plugin, a moto module
PyInstaller did not collect, a botocore data file trimmed too far), so this runs the real
flows inside the installed program: the demo endpoint, a QApplication (offscreen when there
is no display), the main window on the demo bucket, one upload through the transfer queue and
the task pool exactly as a drop would queue it, and one presigned URL fetched over HTTP.

It prints one line: ``r2desk self-test: ok ...`` on stdout and exits 0, or
``r2desk self-test: FAILED at <step>: <reason>`` on stderr and exits 1.

The GUI is reached only through ``r2desk.gui`` (imported when the test runs), so this module
itself stays free of Qt like the rest of the core.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

#: Size of the uploaded file: above the 5 MiB S3 part minimum so multipart code runs too.
UPLOAD_BYTES = 6 * 1024 * 1024 + 123
DEFAULT_TIMEOUT = 90.0


class SelfTestFailure(Exception):
    """A step did not do what it should; ``step`` names it for the one-line report."""

    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


@contextlib.contextmanager
def _step(name: str) -> Iterator[None]:
    """Turn any exception inside a step into a SelfTestFailure naming the step."""
    try:
        yield
    except SelfTestFailure:
        raise
    except Exception as exc:  # the report must say what broke, whatever it was
        reason = f"{type(exc).__name__}: {exc}".strip().splitlines()[0]
        raise SelfTestFailure(name, reason) from exc


@contextlib.contextmanager
def _isolated_state(tmp: Path) -> Iterator[None]:
    """Keep the transfer journal out of the user's state folder while the test runs."""
    old = os.environ.get("R2DESK_STATE_DIR")
    os.environ["R2DESK_STATE_DIR"] = str(tmp / "state")
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("R2DESK_STATE_DIR", None)
        else:
            os.environ["R2DESK_STATE_DIR"] = old


def _headless_if_needed() -> None:
    """Use Qt's offscreen platform when there is no display (a CI box, ssh, a container)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _wait(qapp: Any, done: Callable[[], bool], deadline: float, what: str) -> None:
    """Run the Qt event loop in small slices until ``done()`` or the deadline."""
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {what} before the time limit")
        qapp.processEvents()
        time.sleep(0.01)


def run_self_test(timeout: float | None = None) -> int:
    """Run every step; 0 on success, 1 with a one-line reason on stderr otherwise."""
    started = time.monotonic()
    limit = timeout or float(os.environ.get("R2DESK_SELFTEST_TIMEOUT", DEFAULT_TIMEOUT))
    tmp = Path(tempfile.mkdtemp(prefix="r2desk-selftest-"))
    try:
        with _isolated_state(tmp):
            summary = _run(tmp, started + limit)
    except SelfTestFailure as exc:
        print(f"r2desk self-test: FAILED at {exc.step}: {exc.reason}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"r2desk self-test: ok ({summary}; {time.monotonic() - started:.1f} s)")
    return 0


def _run(tmp: Path, deadline: float) -> str:
    from r2desk import __version__

    with _step("checksums"):
        # awscrt's C extension, which big transfers check their bytes with: a frozen build
        # that lost it would fail only on the first big transfer, so compute a known value.
        from r2desk.transfers.checksums import crc_of_range

        if crc_of_range(memoryview(b"123456789"), 0, 9) != 0xAE8B14860A799888:
            raise RuntimeError("CRC64NVME of the check string is wrong")

    with _step("demo endpoint"):
        from r2desk.demo import start_demo

        demo = start_demo()
    window: Any = None
    pool: Any = None
    try:
        with _step("Qt application"):
            _headless_if_needed()
            from r2desk.gui.app import build_main_window, ensure_qapplication, settings_for
            from r2desk.gui.tasks import TaskPool

            qapp = ensure_qapplication([sys.argv[0] if sys.argv else "r2desk"])
            platform = qapp.platformName()

        with _step("main window"):
            pool = TaskPool(max_threads=4)
            window = build_main_window(demo.app, pool, settings=settings_for(demo=True))
            window.show()
            listing: dict[str, Any] = {}
            window.model.load_failed.connect(lambda exc: listing.setdefault("error", exc))
            _wait(
                qapp,
                lambda: (
                    "error" in listing
                    or (window.element is not None and window.model.loaded_count > 0)
                ),
                deadline,
                "listing of the demo bucket",
            )
            if "error" in listing:
                raise RuntimeError(f"listing failed: {listing['error']}")
            element = window.element
            if element is None or element.name != demo.element:
                raise RuntimeError(f"the window opened {element!r}, not {demo.element}")
            if window.windowIcon().isNull():  # r2desk/resources/icons missing from the install
                raise RuntimeError("the window has no icon")

        with _step("upload"):
            payload = os.urandom(UPLOAD_BYTES)
            source = tmp / f"r2desk-self-test-{payload[:4].hex()}.bin"
            source.write_bytes(payload)
            outcome: dict[str, Any] = {}
            window.queue.job_finished.connect(lambda job: outcome.setdefault("done", job))
            window.queue.job_failed.connect(lambda job: outcome.setdefault("failed", job))
            window.queue.crashed.connect(lambda text: outcome.setdefault("crashed", text))
            window.upload_paths([source], "")  # what a drop on the bucket root queues
            _wait(qapp, lambda: bool(outcome), deadline, "end of the upload")
            if "done" not in outcome:
                job = outcome.get("failed")
                detail = job.error if job is not None else outcome.get("crashed", "")
                raise RuntimeError(f"transfer did not finish: {str(detail).splitlines()[0]}")
            key = outcome["done"].key
            info = element.getObject(key)
            size = int(info.get("size", info.get("ContentLength", -1)))
            if size != UPLOAD_BYTES:
                raise RuntimeError(f"{key} is {size} bytes on the server, not {UPLOAD_BYTES}")

        with _step("signed URL"):
            signed: dict[str, Any] = {}
            pool.submit(
                element.getSignUrl,
                key,
                None,
                300,
                on_result=lambda url: signed.setdefault("url", url),
                on_error=lambda exc: signed.setdefault("error", exc),
                on_crash=lambda text: signed.setdefault("error", text),
            )
            _wait(qapp, lambda: bool(signed), deadline, "signed URL")
            if "error" in signed:
                raise RuntimeError(str(signed["error"]).splitlines()[0])
            url = str(signed["url"])
            budget = max(1.0, deadline - time.monotonic())
            # The demo endpoint is on 127.0.0.1: nothing leaves the machine.
            with urllib.request.urlopen(url, timeout=budget) as response:
                body = response.read()
            if hashlib.sha256(body).digest() != hashlib.sha256(payload).digest():
                raise RuntimeError(f"GET of the signed URL returned {len(body)} other bytes")
    finally:
        with _step("shutdown"):
            # Hide rather than close: closing saves window geometry into the user's settings.
            if window is not None:
                window.hide()
                window.queue.cancel()
            if pool is not None and not pool.shutdown(10_000):
                raise RuntimeError("background tasks did not stop within 10 s")
            if window is not None:
                window.deleteLater()
            demo.stop()
    return (
        f"r2desk {__version__}, Qt platform {platform}, demo endpoint, main window, "
        f"upload of {UPLOAD_BYTES:,} bytes, signed URL fetched, CRC64NVME"
    )
