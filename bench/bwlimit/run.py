"""How closely ``--bwlimit`` holds: ``r2desk put`` and ``get`` of one object at several limits,
on SeaweedFS over TLS (its own process), printing the achieved rate against the limit.

The limit is one token bucket per direction shared by all parts in flight; the issue's target
is within 10% over a 100 MiB transfer. Each run is timed as a whole process, which includes
start-up, hashing and the final fsync; so each limit is run at the full size and at half of it,
and the rate is the extra half's bytes over the extra time (the fixed costs cancel out).
Prints a Markdown table; always exits 0 (a measurement, not a test). Run it on a quiet machine:
on shared cores the whole-process times swing by seconds.

    python bench/bwlimit/run.py [--mib 100] [--limits 0,10M,20M] [--r2desk-root DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench" / "transfers"))

from run import measure, write_app  # noqa: E402
from support.servers import start_seaweed  # noqa: E402

MiB = 1024**2


def rate_of(text: str) -> int:
    sys.path.insert(0, str(REPO))
    from r2desk.transfers.bandwidth import parse_rate

    return parse_rate(text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mib", type=int, default=100, help="object size")
    ap.add_argument("--limits", default="0,10M,20M", help="comma-separated rates (0: none)")
    ap.add_argument("--r2desk-root", type=Path, default=REPO, help="checkout whose r2desk runs")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="r2desk-bench-bw-"))
    server = None
    rows: list[tuple[str, str, float, float, float]] = []
    try:
        server = start_seaweed(work / "seaweed", tls=True)
        bucket = server.s3.make_bucket("bench-bw")
        write_app(work / "app", server.s3, {"BW": bucket})
        env = dict(os.environ, R2DESK_STATE_DIR=str(work / "state"))
        env["PYTHONPATH"] = str(args.r2desk_root.resolve())
        half = args.mib // 2
        for mib in (args.mib, half):
            with open(work / f"o{mib}.bin", "wb") as f:
                for _ in range(mib):
                    f.write(os.urandom(MiB))
        base = [sys.executable, "-m", "r2desk.cli", "--app-root", str(work / "app")]
        pid = server.process.pid
        for limit in [s for s in args.limits.split(",") if s]:
            rate = rate_of(limit)
            for verb in ("put", "get"):
                walls = []
                for mib in (args.mib, half):
                    name = f"o{mib}.bin"
                    cmd = (
                        [*base, "put", "BW", str(work / name), name, "-q"]
                        if verb == "put"
                        else [*base, "get", "BW", name, str(work / "out.bin"), "-q"]
                    )
                    r = measure([*cmd, "--bwlimit", limit], env, work, pid)
                    (work / "out.bin").unlink(missing_ok=True)
                    if not r["ok"]:
                        print(f"{verb} {limit} failed: {r['error']}", file=sys.stderr)
                        break
                    walls.append(r["wall"])
                if len(walls) == 2 and walls[0] > walls[1]:
                    got = (args.mib - half) * MiB / (walls[0] - walls[1])
                    ratio = got / rate if rate else 0.0
                    rows.append((verb, limit, rate / MiB, got / MiB, ratio))
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"{args.mib} MiB and {args.mib // 2} MiB objects; achieved = the extra bytes of the big one"
    )
    print("over its extra time (whole-process fixed costs cancel out)")
    print()
    print("| transfer | --bwlimit | limit MiB/s | achieved MiB/s | achieved / limit |")
    print("|---|---|---:|---:|---:|")
    for verb, limit, want, got, ratio in rows:
        print(f"| {verb} | {limit} | {want:.1f} | {got:.1f} | {ratio:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
