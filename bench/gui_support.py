"""What the GUI probes share: the repository on ``sys.path`` (and ``tests/`` for its servers),
the offscreen platform and a throwaway state folder, an element folder to point the app at,
and the two ways of letting the event loop run."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The probe's uploads are throwaway: keep their journal out of the user's state folder (the
# measuring children inherit this).
os.environ.setdefault("R2DESK_STATE_DIR", tempfile.mkdtemp(prefix="r2desk-probe-state-"))


def write_element(
    root: Path, endpoint: str, bucket: str, secret: str, key_id: str, ca_bundle: str = ""
) -> None:
    folder = root / "storages" / "Bench"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "e.json").write_text(
        json.dumps({"title": "Bench", "type": "storages.CloudflareR2Type", "variables": []})
    )
    (folder / "Bench.json").write_text(
        json.dumps(
            {
                "accessKeyId": key_id,
                "accessKeySecret": secret,
                "endPoint": endpoint,
                "bucketName": bucket,
                **({"caBundle": ca_bundle} if ca_bundle else {}),
            }
        )
    )


def pump(qapp: object, seconds: float, until: object = None) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if callable(until) and until():
            return True
    return False


def wait_in_loop(seconds: float, until: Callable[[], bool]) -> bool:
    """Run the event loop as the app's ``exec()`` does (blocking while nothing is due, the GIL
    released), checking ``until`` every 20 ms: a busy ``processEvents`` loop would compete with
    the workers for the GIL and charge the app for the probe's own spinning."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    end = time.monotonic() + seconds
    done = [False]

    def check() -> None:
        if until():
            done[0] = True
            loop.quit()
        elif time.monotonic() >= end:
            loop.quit()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return done[0]
