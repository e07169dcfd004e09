"""Peak memory of ``r2desk ls -r``, ``get -r`` and ``rm -r`` against the key count.

Starts SeaweedFS (plain HTTP: memory, not TLS, is measured), fills one prefix through its
filer API (many parallel PUTs of empty files: about 1,000 keys a second here), and runs each
command as its own process at growing key counts; peak RSS comes from ``wait4``. Memory that
grows with the key count shows as a slope; the target is at most 150 MiB at 1,000,000 keys.

    python bench/memory/keys.py            # ls 10k/100k/1M, get -r to 100k, rm -r to 100k
    python bench/memory/keys.py --ls 10000,100000 --get 10000,50000 --rm 10000,50000   # quicker
    git archive OLD | tar -x -C /tmp/old && python bench/memory/keys.py --r2desk-root /tmp/old

Prints a Markdown table and the slope in bytes per key; exits 0 (a measurement, not a test).
Filling a million keys takes ~15 minutes on 2 cores, downloading 100,000 empty objects ~4.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "tests"))

from support.elements import write_element  # noqa: E402
from support.servers import SeaweedHandle, start_seaweed  # noqa: E402

MiB = 1024**2


class Filler:
    """Puts empty objects ``<prefix><n:08d>`` through the filer, keeping count per prefix."""

    def __init__(self, handle: SeaweedHandle, bucket: str, threads: int = 16) -> None:
        arg = next(a for a in handle.process.args if str(a).startswith("-filer.port="))
        self.port = int(str(arg).split("=", 1)[1])
        self.bucket = bucket
        self.threads = threads
        self.count: dict[str, int] = {}

    def fill(self, prefix: str, total: int) -> float:
        """Grow ``prefix`` to ``total`` keys; returns the seconds it took."""
        start, began = self.count.get(prefix, 0), time.monotonic()
        if total <= start:
            return 0.0

        def work(first: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            for n in range(start + first, total, self.threads):
                conn.request("PUT", f"/buckets/{self.bucket}/{prefix}{n:08d}", body=b"")
                resp = conn.getresponse()
                resp.read()
                if resp.status >= 300:
                    raise RuntimeError(f"filer PUT failed: HTTP {resp.status}")
            conn.close()

        workers = [threading.Thread(target=work, args=(i,)) for i in range(self.threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        self.count[prefix] = total
        return time.monotonic() - began

    def emptied(self, prefix: str) -> None:
        self.count[prefix] = 0


#: The r2desk source tree measured (``--r2desk-root``: another checkout, for before/after).
ROOT = [REPO]


def run_r2desk(app: Path, state: Path, *args: str) -> tuple[float, float, int]:
    """(peak RSS in MiB, wall seconds, exit code) of one ``r2desk`` process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT[0]), "R2DESK_STATE_DIR": str(state)}
    began = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "r2desk.cli", "--app-root", str(app), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT[0],  # ``-m`` puts the working folder first on the path: the tree measured
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        print(f"  r2desk {' '.join(args)} exited {proc.returncode}: {err[-300:]!r}", flush=True)
    return usage.ru_maxrss / 1024, time.monotonic() - began, proc.returncode


def counts(text: str) -> list[int]:
    return sorted({int(x) for x in text.split(",") if x.strip()})


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares bytes per key of peak RSS against the key count."""
    if len(points) < 2:
        return 0.0
    n = len(points)
    mx = sum(k for k, _ in points) / n
    my = sum(m for _, m in points) / n
    sxx = sum((k - mx) ** 2 for k, _ in points)
    return sum((k - mx) * (m - my) for k, m in points) / sxx * MiB if sxx else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ls", default="10000,100000,1000000", help="key counts for ls -r")
    ap.add_argument("--get", default="10000,50000,100000", help="key counts for get -r")
    ap.add_argument("--rm", default="10000,100000", help="key counts for rm -r")
    ap.add_argument("--jobs", type=int, default=0, help="r2desk -j for get -r (default its own)")
    ap.add_argument("--r2desk-root", type=Path, default=REPO, help="the r2desk tree to measure")
    args = ap.parse_args()
    ROOT[0] = args.r2desk_root.resolve()
    ls_n, get_n, rm_n = counts(args.ls), counts(args.get), counts(args.rm)
    rows: dict[str, list[tuple[int, float, float]]] = {"ls -r": [], "get -r": [], "rm -r": []}
    with tempfile.TemporaryDirectory(prefix="r2desk-membench-") as tmp:
        work = Path(tmp)
        handle = start_seaweed(work / "weed", tls=False)
        try:
            bucket = handle.s3.make_bucket()
            write_element(work / "app", handle.s3, bucket)
            app, state = work / "app", work / "state"
            filler = Filler(handle, bucket)
            jobs = ["-j", str(args.jobs)] if args.jobs else []
            for n in sorted(set(ls_n) | set(get_n)):
                took = filler.fill("keys/", n)
                print(f"filled keys/ to {n:,} keys in {took:.0f} s", flush=True)
                if n in ls_n:
                    rss, wall, _ = run_r2desk(app, state, "ls", "-r", "MyR2", "keys/")
                    rows["ls -r"].append((n, rss, wall))
                    print(f"  ls -r   {n:>9,}: {rss:6.1f} MiB  {wall:6.1f} s", flush=True)
                if n in get_n:
                    out = work / "out"
                    rss, wall, _ = run_r2desk(
                        app, state, "get", "-r", "MyR2", "keys/", str(out), "-q", *jobs
                    )
                    shutil.rmtree(out, ignore_errors=True)
                    rows["get -r"].append((n, rss, wall))
                    print(f"  get -r  {n:>9,}: {rss:6.1f} MiB  {wall:6.1f} s", flush=True)
            for n in rm_n:
                took = filler.fill("rm/", n)
                print(f"filled rm/ to {n:,} keys in {took:.0f} s", flush=True)
                rss, wall, _ = run_r2desk(app, state, "rm", "-r", "MyR2", "rm/")
                filler.emptied("rm/")
                rows["rm -r"].append((n, rss, wall))
                print(f"  rm -r   {n:>9,}: {rss:6.1f} MiB  {wall:6.1f} s", flush=True)
        finally:
            handle.stop()
    print()
    print("| command | keys | peak RSS | wall |")
    print("|---|---:|---:|---:|")
    for name, points in rows.items():
        for n, rss, wall in points:
            print(f"| `r2desk {name}` | {n:,} | {rss:.1f} MiB | {wall:.1f} s |")
    print()
    for name, points in rows.items():
        if len(points) >= 2:
            per_key = slope([(n, rss) for n, rss, _ in points])
            at_1m = points[0][1] + per_key * (1_000_000 - points[0][0]) / MiB
            print(
                f"{name}: {per_key:+.1f} bytes of peak RSS per key; "
                f"{at_1m:.0f} MiB at 1,000,000 keys by that slope"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
