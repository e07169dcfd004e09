"""Print the build venv's requirements: r2desk's runtime dependencies plus the ``demo`` and
``package`` extras (the frozen app carries the demo endpoint its ``--self-test`` uses).

One source for the three platform recipes, read from pyproject.toml so the frozen app gets
exactly what ``pip install r2desk`` gets. Until pyproject has a ``package`` extra, the
PyInstaller pin below is used (Pillow only packs the Windows/macOS icon files).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FALLBACK_PACKAGE_EXTRA = ["pyinstaller>=6.10,<7", "pillow>=10; sys_platform != 'linux'"]


def requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    project = tomllib.loads(pyproject.read_text())["project"]
    extra = project.get("optional-dependencies", {}).get("package", FALLBACK_PACKAGE_EXTRA)
    demo = project.get("optional-dependencies", {}).get("demo", [])
    return [*project["dependencies"], *demo, *extra]


def flatpak_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """For the Flatpak: runtime deps and the demo extra, without PySide6 (the PySide base
    app provides it) and without the freezing tools."""
    project = tomllib.loads(pyproject.read_text())["project"]
    demo = project.get("optional-dependencies", {}).get("demo", [])
    reqs = [*project["dependencies"], *demo]
    # The r2desk module builds with --no-build-isolation: PEP 639 metadata needs setuptools 77.
    return ["setuptools>=77", *(r for r in reqs if not r.lower().startswith("pyside6"))]


if __name__ == "__main__":
    import sys

    flatpak = sys.argv[1:] == ["--flatpak"]
    print("\n".join(flatpak_requirements() if flatpak else requirements()))
