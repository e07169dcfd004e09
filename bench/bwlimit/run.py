"""How closely ``--bwlimit`` holds over one 100 MiB transfer: ``r2desk put`` and ``get`` on
SeaweedFS over TLS (its own process), the achieved rate against the limit.

Each transfer runs the CLI's own ``main`` (``--bwlimit`` parsed and applied as a user's run is)
in a fresh child process, timed from the call into ``main`` to its return: the whole 100 MiB
transfer (HEAD, create, every part, complete; for ``get`` the verification and the fsync),
without the interpreter's start-up and imports, which a limit cannot touch and which swing by
seconds on shared cores. The child also reports the bytes its token bucket counted (every byte
sent or received must pass it). Each direction first runs without a limit, so the table shows
the limits are below what the machine does unthrottled (a limit above it would "hold"
trivially). The issue's target: achieved within 10% of the limit, and never above it by more.

Prints a Markdown table; always exits 0 (a measurement, not a test).

    python bench/bwlimit/run.py [--mib 100] [--limits 2M,5M] [--r2desk-root DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench" / "transfers"))

from run import write_app  # noqa: E402
from support.servers import start_seaweed  # noqa: E402

MiB = 1024**2

#: One CLI run, timed around ``main`` (argv after ``--``); prints seconds, code, bytes counted.
CHILD = """
import sys, time
from r2desk.cli.main import main
from r2desk.transfers.bandwidth import LIMITERS
began = time.monotonic()
code = main(sys.argv[1:])
took = time.monotonic() - began
print(took, code, LIMITERS["upload"].moved, LIMITERS["download"].moved)
"""


def rate_of(text: str) -> int:
    from r2desk.transfers.bandwidth import parse_rate

    return parse_rate(text)


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, int, int] | None:
    """(seconds inside ``main``, bytes up, bytes down) of one child, or None when it failed."""
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, *argv], env=env, capture_output=True, text=True
    )
    fields = proc.stdout.split()[-4:] if proc.returncode == 0 else []
    if len(fields) != 4 or fields[1] != "0":
        print(f"failed: {' '.join(argv[-6:])}: {proc.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    return float(fields[0]), int(fields[2]), int(fields[3])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mib", type=int, default=100, help="object size")
    ap.add_argument("--limits", default="2M,5M", help="comma-separated rates, below the machine's")
    ap.add_argument("--r2desk-root", type=Path, default=REPO, help="checkout whose r2desk runs")
    args = ap.parse_args()
    sys.path.insert(0, str(args.r2desk_root.resolve()))
    work = Path(tempfile.mkdtemp(prefix="r2desk-bench-bw-"))
    server = None
    rows: list[tuple[str, str, float, float, int]] = []
    size = args.mib * MiB
    try:
        server = start_seaweed(work / "seaweed", tls=True)
        bucket = server.s3.make_bucket("bench-bw")
        write_app(work / "app", server.s3, {"BW": bucket})
        env = dict(os.environ, R2DESK_STATE_DIR=str(work / "state"))
        env["PYTHONPATH"] = str(args.r2desk_root.resolve())
        src = work / "o.bin"
        with open(src, "wb") as f:
            for _ in range(args.mib):
                f.write(os.urandom(MiB))
        base = ["--app-root", str(work / "app")]
        for verb in ("put", "get"):
            for limit in ["0", *[s for s in args.limits.split(",") if s]]:
                cmd = (
                    [*base, "put", "BW", str(src), "o.bin", "-q"]
                    if verb == "put"
                    else [*base, "get", "BW", "o.bin", str(work / "out.bin"), "-q"]
                )
                got = timed([*cmd, "--bwlimit", limit], env)
                (work / "out.bin").unlink(missing_ok=True)
                if got is None:
                    continue
                took, up, down = got
                counted = up if verb == "put" else down
                rows.append((verb, limit, size / took / MiB, took, counted))
                print(f"{verb} {limit}: {size / took / MiB:.2f} MiB/s in {took:.1f} s", flush=True)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"one {args.mib} MiB object per run, timed inside the CLI's main (start-up excluded)")
    print()
    print(
        "| transfer | --bwlimit | limit MiB/s | achieved MiB/s | achieved / limit | time | "
        "bytes through the limiter |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    for verb, limit, got, took, counted in rows:
        rate = rate_of(limit)
        want = f"{rate / MiB:.1f}" if rate else "none"
        ratio = f"{got * MiB / rate:.3f}" if rate else "–"
        print(
            f"| {verb} | {limit} | {want} | {got:.2f} | {ratio} | {took:.1f} s | "
            f"{counted / MiB:.1f} MiB |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
