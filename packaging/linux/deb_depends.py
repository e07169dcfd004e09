"""Compute the .deb's Depends from what the frozen bundle really links (a small dpkg-shlibdeps).

Every ELF file in the bundle is read with ``readelf -d``; each DT_NEEDED library that the
bundle does not carry itself must be listed in ``system-libs.txt`` with the package that
provides it. An unlisted one fails the build, so a new Qt or PySide6 release that links
something new cannot ship a package that fails to start on a clean machine.

    python deb_depends.py BUNDLE_DIR   ->  prints "libc6, libegl1, ..." on stdout
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEEDED_RE = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")
VERSION_RE = re.compile(r"Name: (GLIBC|GLIBCXX)_(\d+(?:\.\d+)+)")
ELF_MAGIC = b"\x7fELF"
#: GLIBCXX symbol version -> first GCC (libstdc++6 package) release that has it.
GLIBCXX_GCC = {(3, 4, 28): "10", (3, 4, 29): "11", (3, 4, 30): "12", (3, 4, 31): "13",
               (3, 4, 32): "13.2", (3, 4, 33): "14"}  # fmt: skip


def system_libs(path: Path = HERE / "system-libs.txt") -> dict[str, str]:
    """soname -> Debian package, from the system-libs table."""
    table: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            soname, package = line.split()[:2]
            table[soname] = package
    return table


def elf_files(bundle: Path) -> list[Path]:
    """Regular files in the bundle that start with the ELF magic (symlinks skipped)."""
    found = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def external_needs(bundle: Path) -> tuple[dict[str, set[str]], dict[str, tuple[int, ...]]]:
    """What the bundle takes from the system.

    Returns soname -> files needing it (for each needed library the bundle does not carry),
    and the highest GLIBC / GLIBCXX symbol version any file asks for.
    """
    carried = {p.name for p in bundle.rglob("*")}
    needs: dict[str, set[str]] = {}
    versions: dict[str, tuple[int, ...]] = {}
    for path in elf_files(bundle):
        out = subprocess.run(
            ["readelf", "-d", "-V", str(path)], capture_output=True, text=True, check=True
        ).stdout
        for soname in NEEDED_RE.findall(out):
            if soname not in carried and not soname.startswith("ld-linux"):
                needs.setdefault(soname, set()).add(str(path.relative_to(bundle)))
        for lib, text in VERSION_RE.findall(out):
            version = tuple(int(part) for part in text.split("."))
            versions[lib] = max(versions.get(lib, version), version)
    return needs, versions


def depends(bundle: Path, table: dict[str, str] | None = None) -> list[str]:
    """Sorted package names the bundle needs; raises SystemExit on an unlisted library."""
    table = system_libs() if table is None else table
    needs, versions = external_needs(bundle)
    unknown = sorted(set(needs) - set(table))
    if unknown:
        lines = [f"  {name} (needed by {sorted(needs[name])[0]})" for name in unknown]
        raise SystemExit(
            "deb_depends: libraries linked but neither bundled nor in system-libs.txt:\n"
            + "\n".join(lines)
        )
    # Symbol versions set the floor: libpython from the build host decides glibc, the Qt wheel
    # decides libstdc++. Without them apt would install the package where it cannot start.
    floor: dict[str, str] = {}
    if "GLIBC" in versions:
        floor["libc6"] = ".".join(map(str, versions["GLIBC"][:2]))
    if versions.get("GLIBCXX") in GLIBCXX_GCC:
        floor["libstdc++6"] = GLIBCXX_GCC[versions["GLIBCXX"]]
    packages = sorted({table[name] for name in needs})
    return [f"{pkg} (>= {floor[pkg]})" if pkg in floor else pkg for pkg in packages]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    print(", ".join(depends(Path(argv[1]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
