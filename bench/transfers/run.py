"""Benchmark r2desk's transfer engine against s5cmd, rclone and aws cli on one local endpoint.

SeaweedFS over TLS (self-signed, SigV4 checked), started with tests/support/servers.py. Every tool
runs as its own process; wall time, CPU (user+sys) and peak RSS come from wait4(). Workloads:
W1 upload one 1 GiB file, W2 download it, W3 upload 2000 × 16 KiB, W4 download them, W5 list
50,000 keys. Prints a table; always exits 0 (it is a measurement, not a test).

    python bench/transfers/run.py [--big-mib 1024] [--small 2000] [--list-keys 50000]
                                  [--tools r2desk,s5cmd,rclone,aws] [--aws PATH]
"""

from __future__ import annotations

import argparse
import json
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

from support.servers import start_seaweed  # noqa: E402

MiB = 1024**2
PEERS = ("s5cmd", "rclone", "aws")


def find(name: str, extra: str | None = None) -> str | None:
    for cand in (extra, str(Path(sys.executable).parent / name), shutil.which(name)):
        if cand and Path(cand).is_file() and os.access(cand, os.X_OK):
            return cand
    return None


def _hwm(pid: int) -> float:
    """The process's peak RSS so far (VmHWM, MiB); 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def measure(cmd: list[str], env: dict[str, str], cwd: Path) -> dict[str, float]:
    """Run ``cmd``: wall seconds, CPU seconds (user+sys, from wait4) and peak RSS in MiB.

    wait4's ru_maxrss would include the memory of this (forked) parent, so peak RSS is sampled
    from /proc every 10 ms instead.
    """
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
    stop.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": peak,
        "ok": code == 0,
        "error": "" if code == 0 else err.strip()[-300:],
    }


def make_data(work: Path, big_mib: int, small: int, list_keys: int) -> None:
    big = work / "big.bin"
    with open(big, "wb") as f:
        block = os.urandom(4 * MiB)
        for i in range(big_mib // 4):
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
    tool: str, bin_: str, url: str, bucket: str, work: Path, app: Path
) -> dict[str, list[str]]:
    out = work / "out" / tool
    if tool == "r2desk":
        base = [sys.executable, "-m", "r2desk.cli", "--app-root", str(app)]
        return {
            "W1": [*base, "put", "-q", "B", str(work / "big.bin"), "r2desk/big.bin"],
            "W2": [*base, "get", "-q", "B", "r2desk/big.bin", str(out / "big.bin")],
            "W3": [*base, "put", "-q", "-r", "B", str(work / "small"), "r2desk/small/"],
            "W4": [*base, "get", "-q", "-r", "B", "r2desk/small/", str(out / "small")],
            "W5": [*base, "ls", "-r", "B", "list/"],
        }
    if tool == "s5cmd":
        base = [bin_, "--endpoint-url", url, "--no-verify-ssl"]
        return {
            "W1": [*base, "cp", str(work / "big.bin"), f"s3://{bucket}/s5cmd/big.bin"],
            "W2": [*base, "cp", f"s3://{bucket}/s5cmd/big.bin", str(out / "big.bin")],
            "W3": [*base, "cp", str(work / "small") + "/*", f"s3://{bucket}/s5cmd/small/"],
            "W4": [*base, "cp", f"s3://{bucket}/s5cmd/small/*", str(out / "small") + "/"],
            "W5": [*base, "ls", f"s3://{bucket}/list/*"],
        }
    if tool == "rclone":
        base = [bin_, "--no-check-certificate", "--config", "/dev/null"]
        remote = f"bench:{bucket}"
        return {
            "W1": [*base, "copyto", str(work / "big.bin"), f"{remote}/rclone/big.bin"],
            "W2": [*base, "copyto", f"{remote}/rclone/big.bin", str(out / "big.bin")],
            "W3": [*base, "copy", str(work / "small"), f"{remote}/rclone/small"],
            "W4": [*base, "copy", f"{remote}/rclone/small", str(out / "small")],
            "W5": [*base, "lsf", "-R", f"{remote}/list"],
        }
    base = [bin_, "--endpoint-url", url, "--no-verify-ssl", "s3"]
    return {
        "W1": [*base, "cp", str(work / "big.bin"), f"s3://{bucket}/aws/big.bin"],
        "W2": [*base, "cp", f"s3://{bucket}/aws/big.bin", str(out / "big.bin")],
        "W3": [*base, "cp", "--recursive", str(work / "small"), f"s3://{bucket}/aws/small/"],
        "W4": [*base, "cp", "--recursive", f"s3://{bucket}/aws/small/", str(out / "small")],
        "W5": [*base, "ls", "--recursive", f"s3://{bucket}/list/"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--big-mib", type=int, default=1024)
    ap.add_argument("--small", type=int, default=2000)
    ap.add_argument("--list-keys", type=int, default=50_000)
    ap.add_argument("--tools", default="r2desk,s5cmd,rclone,aws")
    ap.add_argument("--aws", default=None, help="aws cli binary (it needs its own venv)")
    ap.add_argument("--workloads", default="W1,W2,W3,W4,W5")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="r2desk-bench-"))
    server = None
    try:
        print(f"preparing data in {work} ...", flush=True)
        make_data(work, args.big_mib, args.small, args.list_keys)
        server = start_seaweed(work / "seaweed", tls=True)
        s3 = server.s3
        bucket = s3.make_bucket("bench")
        env = dict(os.environ)
        env.update(s3.env())
        env.pop("AWS_CA_BUNDLE", None)  # peers skip verification (--no-verify-ssl)
        env.update(
            {
                "R2DESK_STATE_DIR": str(work / "state"),
                "PYTHONPATH": str(REPO),
                "RCLONE_CONFIG_BENCH_TYPE": "s3",
                "RCLONE_CONFIG_BENCH_PROVIDER": "Other",
                "RCLONE_CONFIG_BENCH_ACCESS_KEY_ID": s3.access_key,
                "RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY": s3.secret_key,
                "RCLONE_CONFIG_BENCH_ENDPOINT": s3.endpoint_url,
                "RCLONE_CONFIG_BENCH_REGION": s3.region,
            }
        )
        app = work / "app"
        (app / "storages" / "B").mkdir(parents=True)
        (app / "storages" / "B" / "e.json").write_text(
            json.dumps(
                {
                    "title": "bench",
                    "type": "storages.CloudflareR2Type",
                    "backendBundleEntry": ".",
                    "variables": [],
                }
            )
        )
        (app / "storages" / "B" / "B.json").write_text(
            json.dumps(
                {
                    "accessKeyId": s3.access_key,
                    "accessKeySecret": s3.secret_key,
                    "endPoint": s3.endpoint_url,
                    "bucketName": bucket,
                    "region": "auto",
                    "caBundle": str(s3.verify),
                }
            )
        )
        bins = {
            "r2desk": sys.executable,
            "s5cmd": find("s5cmd"),
            "rclone": find("rclone"),
            "aws": find("aws", args.aws),
        }
        tools = [t for t in args.tools.split(",") if t]
        s5 = bins["s5cmd"]
        if "W5" in args.workloads and s5:
            print(f"filling list/ with {args.list_keys} keys (s5cmd) ...", flush=True)
            subprocess.run(
                [
                    s5,
                    "--endpoint-url",
                    s3.endpoint_url,
                    "--no-verify-ssl",
                    "cp",
                    str(work / "list") + "/*",
                    f"s3://{bucket}/list/",
                ],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        results: dict[str, dict[str, dict[str, float]]] = {}
        for tool in tools:
            if not bins.get(tool):
                print(f"skipping {tool}: not installed", flush=True)
                continue
            cmds = commands(tool, bins[tool] or "", s3.endpoint_url, bucket, work, app)
            (work / "out" / tool).mkdir(parents=True, exist_ok=True)
            for wl in args.workloads.split(","):
                r = measure(cmds[wl], env, work)
                results.setdefault(wl, {})[tool] = r
                status = "" if r["ok"] else f"  FAILED: {r['error']}"
                print(
                    f"{wl} {tool:7} wall {r['wall']:7.2f}s cpu {r['cpu']:7.2f}s "
                    f"rss {r['rss']:6.0f} MiB{status}",
                    flush=True,
                )
            shutil.rmtree(work / "out" / tool, ignore_errors=True)
        print()
        print_table(results, tools)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))
    except Exception as exc:  # a benchmark reports, it does not fail the caller
        print(f"benchmark aborted: {type(exc).__name__}: {exc}", file=sys.stderr)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def print_table(results: dict[str, dict[str, dict[str, float]]], tools: list[str]) -> None:
    names = {
        "W1": "W1 put 1 GiB",
        "W2": "W2 get 1 GiB",
        "W3": "W3 put 2000×16K",
        "W4": "W4 get 2000×16K",
        "W5": "W5 list 50k",
    }
    print("| workload | tool | wall s | CPU s | peak RSS MiB | × fastest peer |")
    print("|---|---|---:|---:|---:|---:|")
    for wl, row in results.items():
        peers = [r["wall"] for t, r in row.items() if t in PEERS and r["ok"]]
        best = min(peers) if peers else None
        for tool in tools:
            r = row.get(tool)
            if r is None:
                continue
            ratio = f"{r['wall'] / best:.2f}" if best and r["ok"] else "–"
            wall = f"{r['wall']:.2f}" if r["ok"] else "failed"
            print(
                f"| {names.get(wl, wl)} | {tool} | {wall} | {r['cpu']:.2f} | "
                f"{r['rss']:.0f} | {ratio} |"
            )


if __name__ == "__main__":
    sys.exit(main())
