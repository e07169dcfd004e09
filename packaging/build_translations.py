"""Build the app's translations: ``.ts`` sources -> the ``.qm`` files Qt loads.

    python packaging/build_translations.py            # compile r2desk/resources/i18n/*.ts
    python packaging/build_translations.py update     # refresh the .ts files from the code

Both tools ship with PySide6 (``lrelease``, ``lupdate`` in the PySide6 package folder). The
wheel build (setup.py) and each installer recipe run the compile step; the ``.qm`` files are
build output, not kept in git.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "r2desk" / "resources" / "i18n"
#: The languages shipped; ``update`` creates a missing one.
LANGUAGES = ("de", "zh_CN")


def qt_tool(name: str) -> str:
    """PySide6's own ``lrelease`` / ``lupdate`` (next to the module), else one on PATH."""
    try:
        import PySide6

        here = Path(PySide6.__file__).parent
        for candidate in (here / name, here / f"{name}.exe", here / "Qt" / "libexec" / name):
            if candidate.exists():
                return str(candidate)
    except ImportError:
        pass
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name})")
    return found


def compile_translations(out_dir: Path | None = None, src_dir: Path = I18N) -> list[Path]:
    """``<src_dir>/*.ts`` -> ``<out_dir>/*.qm`` (beside the sources by default)."""
    out = out_dir or src_dir
    out.mkdir(parents=True, exist_ok=True)
    tool = qt_tool("lrelease")
    built = []
    for ts in sorted(src_dir.glob("*.ts")):
        qm = out / ts.with_suffix(".qm").name
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def gui_sources() -> list[Path]:
    return sorted((ROOT / "r2desk" / "gui").rglob("*.py"))


def update_sources(languages: tuple[str, ...] = LANGUAGES) -> None:
    """Extract every ``tr()`` / ``translate()`` string of r2desk/gui into the .ts files (new
    strings come in unfinished; strings no longer in the code are marked obsolete)."""
    tool = qt_tool("lupdate")
    files = [str(p) for p in gui_sources()]
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in languages:
        ts = I18N / f"r2desk_{lang}.ts"
        subprocess.run(
            [tool, "-silent", "-no-obsolete", "-locations", "none", "-target-language", lang,
             *files, "-ts", str(ts)],
            check=True,
        )  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        update_sources()
    else:
        for path in compile_translations():
            print(path.relative_to(ROOT))
