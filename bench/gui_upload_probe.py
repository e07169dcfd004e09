"""The main thread's stalls while a big upload and a folder drop run together.

1 GiB (a sparse file, real bytes on the wire) goes to SeaweedFS over TLS, as R2 is only
reached (over plain HTTP botocore would hash every part with SHA-256 for its signature, work an
R2 upload never does: ~2-5 CPU-s more here), through the transfer queue, with a
``--drop-files`` folder (written beforehand) dropped meanwhile, while a 5 ms QTimer records the
gaps between its ticks on the main thread (p50, p99, longest), with the main thread's and the
process's CPU and the collector's longest pause. The main thread waits in an event loop as the
app's does. ``--trace-stalls 50`` prints the main thread's Python stacks while it is late by
over 50 ms, ``--trace-native N`` adds ``py-spy dump --native`` of the first N stalls over twice
that (Qt's frames, and which thread holds the GIL).
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gui_support import pump, wait_in_loop, write_element


class StallTracer:
    """Samples the main thread's Python stack every few ms while its 5 ms timer is late by more
    than ``late_ms``: which code the long stalls are in (``--trace-stalls``). With ``native``,
    a stall twice that long also gets one ``py-spy dump --native`` of every thread (Qt's own
    C++ frames, and who holds the GIL), printed at the end."""

    def __init__(self, last: list[float], late_ms: float, native: int = 0) -> None:
        import threading

        self.last = last
        self.late = late_ms / 1000
        self.main = threading.get_ident()
        self.samples: dict[tuple[str, ...], int] = {}
        self.native = native
        self.dumps: list[str] = []
        self._dumped_for = 0.0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import traceback

        while not self.stop.wait(0.01):
            late = time.perf_counter() - self.last[0]
            if late < self.late:
                continue
            dump = late > 2 * self.late and len(self.dumps) < self.native
            if dump and self._dumped_for != self.last[0]:
                self._dumped_for = self.last[0]
                self._dump(late)
            frame = sys._current_frames().get(self.main)
            if frame is None:
                continue
            stack = tuple(
                f"{Path(f.filename).name}:{f.lineno} {f.name}"
                for f in traceback.extract_stack(frame)[-12:]
            )
            self.samples[stack] = self.samples.get(stack, 0) + 1

    def _dump(self, late: float) -> None:
        spy = Path(sys.executable).with_name("py-spy")
        out = subprocess.run(
            [str(spy), "dump", "--native", "--pid", str(os.getpid())],
            capture_output=True,
            text=True,
            check=False,
        )
        self.dumps.append(f"=== late by {late * 1000:.0f} ms when dumped\n{out.stdout}{out.stderr}")

    def report(self, top: int = 12) -> None:
        self.stop.set()
        self.thread.join()
        for dump in self.dumps:
            print(dump)
        total = sum(self.samples.values())
        print(f"stall samples (10 ms each, main thread late > {self.late * 1000:.0f} ms): {total}")
        for stack, n in sorted(self.samples.items(), key=lambda kv: -kv[1])[:top]:
            print(f"--- {n} samples")
            for line in stack:
                print("    " + line)


def measure_upload_stall(
    mib: int, drop_files: int = 0, trace_ms: float = 0, native: int = 0
) -> dict[str, float]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from support.servers import start_seaweed

    from r2desk.elements import App
    from r2desk.gui.app import (
        build_main_window,
        ensure_qapplication,
        freeze_long_lived,
        settings_for,
    )
    from r2desk.gui.tasks import TaskPool

    qapp = ensure_qapplication(["r2desk"])
    work = Path(tempfile.mkdtemp(prefix="r2desk-bench-weed-"))
    weed = start_seaweed(work / "weed", tls=True)
    bucket = weed.s3.make_bucket()
    root = work / "app"
    ca = str(weed.s3.verify)
    write_element(root, weed.s3.endpoint_url, bucket, weed.s3.secret_key, weed.s3.access_key, ca)
    big = work / "big.bin"
    with open(big, "wb") as fh:
        fh.truncate(mib * 1024 * 1024)
    pool = TaskPool(8)
    window = build_main_window(App(root), pool, settings=settings_for(demo=True))
    window.resize(1200, 800)
    window.show()
    freeze_long_lived()  # as run_gui does once the window is shown
    pump(qapp, 10, lambda: window.model.complete)
    drop = work / "drop"
    drop.mkdir()
    for i in range(drop_files):  # before the probe starts: writing them is not the app's stall
        (drop / f"f{i:05d}.bin").write_bytes(os.urandom(1024))
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)
    probe.start()
    tracer = StallTracer(last, trace_ms, native) if trace_ms else None
    # The collector stops every thread while it runs: its pauses are stalls too.
    collections: list[float] = []
    full: list[float] = []  # the oldest generation's: they walk every object not frozen
    began = [0.0]

    def collected(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began[0] = time.perf_counter()
        else:
            collections.append(time.perf_counter() - began[0])
            if info["generation"] == 2:
                full.append(collections[-1])

    gc.callbacks.append(collected)
    t = time.perf_counter()
    cpu = time.thread_time(), time.process_time()
    before = len(window.queue.jobs)
    window.upload_paths([big], "")  # planned in a worker
    wait_in_loop(60, lambda: len(window.queue.jobs) > before)
    job = window.queue.jobs[before]
    if drop_files:
        window.upload_paths([drop], "")  # the drop, while the big upload runs
    wait_in_loop(900, lambda: window.queue.idle and len(window.queue.jobs) > before + drop_files)
    elapsed = time.perf_counter() - t
    main_cpu, all_cpu = time.thread_time() - cpu[0], time.process_time() - cpu[1]
    gc.callbacks.remove(collected)
    tracked = len(gc.get_objects())  # what a full collection walks at the end of the run
    probe.stop()
    if tracer is not None:
        tracer.report()
    state = job.state.value
    window.close()
    pool.shutdown(10_000)
    weed.stop()
    QApplication.processEvents()
    gaps.sort()
    return {
        "upload_mib": mib,
        "drop_files": drop_files,
        "upload_state": state,
        "upload_s": round(elapsed, 1),
        # CPU of the main thread and of the whole process (workers, server excluded): the
        # load-independent side of the stalls.
        "main_thread_cpu_s": round(main_cpu, 2),
        "process_cpu_s": round(all_cpu, 2),
        "probe_ticks": len(gaps),
        "gc_runs": len(collections),
        "gc_longest_ms": round(1000 * max(collections, default=0), 1),
        "gc_full_runs": len(full),
        "gc_full_longest_ms": round(1000 * max(full, default=0), 1),
        "gc_tracked_objects_at_end": tracked,
        "longest_stall_ms (target < 100)": round(1000 * gaps[-1], 1),
        "p50_gap_ms": round(1000 * gaps[len(gaps) // 2], 1),
        "p99_gap_ms (target < 16, 5 ms timer)": round(1000 * gaps[int(len(gaps) * 0.99)], 1),
    }
