"""What a terminal progress bar costs a many-file CLI run (W3: 2000 files of 16 KiB), for
r2desk's own bar and the two well-kept libraries it could use instead (tqdm, rich).

    python bench/cli_progress.py [--files 2000] [--updates-per-file 3] [--reps 5]

Measures, for each: what its import adds to a CLI process (min of --reps, ``-X importtime``), and
the CPU time of the updates a W3 run makes (running byte totals from the transfer pool, 4
threads) drawn to a terminal-like stream. Prints a Markdown table. tqdm and rich need not be
installed in the dev venv: ``--libs DIR`` adds a folder they were ``pip install --target``-ed to.
A measurement, not a test.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILE = 16 * 1024


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def import_ms(module: str, paths: list[str], reps: int) -> float:
    """What importing ``module`` adds to a CLI process that already loaded r2desk."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *paths])}
    best = float("inf")
    for _ in range(reps):
        lines = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import r2desk.cli.main; import {module}"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stderr.splitlines()
        after = lines[next(i for i, x in enumerate(lines) if x.endswith("| r2desk.cli.main")) + 1 :]
        mine = [x for x in after if x.rstrip().endswith(f"| {module}")]
        cumulative = int(mine[0].split("|")[1]) if mine else 0  # 0: already loaded by the CLI
        best = min(best, cumulative / 1000)
    return best


def ours(total: int) -> tuple[Callable[[int], None], Callable[[], None]]:
    from r2desk.cli.progress import ProgressBar

    bar = ProgressBar("album/ → photos/", stream=Tty(), enabled=True, columns=100)
    return (lambda done: bar(done, total)), bar.close


def tqdm_bar(total: int) -> tuple[Callable[[int], None], Callable[[], None]]:
    from tqdm import tqdm

    bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=Tty(), ncols=100)
    lock = threading.Lock()

    def update(done: int) -> None:
        with lock:  # tqdm takes increments; the engine reports running totals
            bar.update(done - bar.n)

    return update, bar.close


def rich_bar(total: int) -> tuple[Callable[[int], None], Callable[[], None]]:
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(file=Tty(), force_terminal=True, width=100))
    progress.start()
    task = progress.add_task("album/ → photos/", total=total)
    return (lambda done: progress.update(task, completed=done)), progress.stop


def updates_cpu_ms(
    make: Callable[[int], tuple[Callable[[int], None], Callable[[], None]]],
    files: int,
    per_file: int,
    reps: int,
) -> float:
    best = float("inf")
    for _ in range(reps):
        total = files * FILE
        update, close = make(total)
        done = [0]
        lock = threading.Lock()
        step = FILE // per_file

        def worker(n: int, update=update, done=done, lock=lock, step=step) -> None:  # type: ignore[no-untyped-def]
            for _ in range(n * per_file):
                with lock:
                    done[0] += step
                    value = done[0]
                update(value)

        start = time.process_time()
        threads = [threading.Thread(target=worker, args=(files // 4,)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        close()
        best = min(best, 1000 * (time.process_time() - start))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--updates-per-file", type=int, default=3)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--libs", action="append", default=[])
    args = parser.parse_args()
    sys.path[:0] = [str(ROOT), *args.libs]
    rows = [
        ("r2desk ProgressBar", "r2desk.cli.progress", ours),
        ("tqdm", "tqdm", tqdm_bar),
        ("rich", "rich.progress", rich_bar),
    ]
    print(
        f"W3-like run: {args.files} files, {args.updates_per_file} updates each, 4 threads; "
        f"min of {args.reps}\n"
    )
    print("| bar | import (ms) | updates, CPU (ms) | µs per update |")
    print("|---|---:|---:|---:|")
    n = args.files * args.updates_per_file
    for name, module, make in rows:
        try:
            imp = import_ms(module, args.libs, args.reps)
            cpu = updates_cpu_ms(make, args.files, args.updates_per_file, args.reps)
        except (ImportError, subprocess.CalledProcessError):
            print(f"| {name} | not installed | | |")
            continue
        print(f"| {name} | {imp:.0f} | {cpu:.0f} | {1000 * cpu / n:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
