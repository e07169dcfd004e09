"""Peak RSS of ``r2desk get KEY -`` (to stdout) against ``get KEY FILE``, for objects of growing
size, on SeaweedFS over TLS (its own process, so only the client is measured).

A streamed download holds a few 1 MiB chunks whatever the object's size: the peak should stay
flat as the object grows (the old path read the whole object into memory first: peak ~ size).
Prints a Markdown table; always exits 0 (a measurement, not a test).

    python bench/memory/get_stdout.py [--sizes-mib 16,64,300] [--r2desk-root DIR]
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes-mib", default="16,64,300")
    ap.add_argument("--r2desk-root", type=Path, default=REPO, help="checkout whose r2desk runs")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes_mib.split(",") if s]
    work = Path(tempfile.mkdtemp(prefix="r2desk-bench-mem-"))
    server = None
    rows: list[tuple[int, float, float]] = []
    try:
        server = start_seaweed(work / "seaweed", tls=True)
        s3 = server.s3
        bucket = s3.make_bucket("bench-mem")
        write_app(work / "app", s3, {"MEM": bucket})
        env = dict(os.environ, R2DESK_STATE_DIR=str(work / "state"))
        env["PYTHONPATH"] = str(args.r2desk_root.resolve())
        admin = s3.client()
        block = os.urandom(MiB)
        for size in sizes:
            src = work / f"o{size}.bin"
            with open(src, "wb") as f:
                for i in range(size):
                    f.write(i.to_bytes(8, "little") + block[8:])
            admin.upload_file(str(src), bucket, src.name)
            src.unlink()
            base = [sys.executable, "-m", "r2desk.cli", "--app-root", str(work / "app")]
            pid = server.process.pid
            out = measure([*base, "get", "MEM", src.name, "-", "-q"], env, work, pid)
            to_file = measure(
                [*base, "get", "MEM", src.name, str(work / "out.bin"), "-q"], env, work, pid
            )
            for r in (out, to_file):
                if not r["ok"]:
                    print(f"failed: {r['error']}", file=sys.stderr)
            rows.append((size, out["rss"], to_file["rss"]))
            (work / "out.bin").unlink(missing_ok=True)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("| object | `get KEY -` peak RSS | `get KEY FILE` peak RSS | stdout peak / object |")
    print("|---:|---:|---:|---:|")
    for size, rss_out, rss_file in rows:
        print(f"| {size} MiB | {rss_out:.0f} MiB | {rss_file:.0f} MiB | {rss_out / size:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
