"""Check that a built r2desk wheel carries what an install needs: the window icons (package
data), ``py.typed``, the licence (PEP 639), both entry points, and no test tool in its runtime
requirements. Run by ``packaging/wheel-check.sh``; prints what is missing and exits 1."""

from __future__ import annotations

import sys
import zipfile
from email.parser import Parser


def problems(wheel: str) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(zf.read(f"{info}/METADATA").decode())
        entry_points = zf.read(f"{info}/entry_points.txt").decode()
    found: list[str] = []
    needed = [
        "r2desk/py.typed",
        "r2desk/resources/icons/r2desk.svg",
        *(f"r2desk/resources/icons/hicolor/{s}x{s}/apps/r2desk.png" for s in (16, 32, 48, 256)),
        f"{info}/licenses/LICENSE",
    ]
    found += [f"missing {name}" for name in needed if name not in names]
    if meta["License-Expression"] != "MIT":
        found.append(f"License-Expression is {meta['License-Expression']!r}, not 'MIT'")
    if "r2desk = r2desk.cli.main:run" not in entry_points:
        found.append("no r2desk console script")
    if "[gui_scripts]" not in entry_points or "r2desk-gui =" not in entry_points:
        found.append("no r2desk-gui gui script")
    runtime = [r for r in meta.get_all("Requires-Dist") or [] if "extra ==" not in r]
    found += [f"test tool {r!r} is a runtime requirement" for r in runtime if "moto" in r]
    return found


if __name__ == "__main__":
    bad = problems(sys.argv[1])
    for line in bad:
        print(f"check_wheel: {line}", file=sys.stderr)
    sys.exit(1 if bad else 0)
