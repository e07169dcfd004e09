"""Render the SVG master icon to the PNG sizes the platforms need.

Uses PySide6's QtSvg (already a runtime dependency) so no rsvg/inkscape is needed on a
developer machine or CI. The PNGs are committed; rerun this after editing the SVG:

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py

``--ico`` and ``--icns`` also write Windows/macOS icon containers (needs Pillow; the hosted
CI installs it), kept out of git because they are derived binaries.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "r2desk" / "resources" / "icons" / "r2desk.svg"
HICOLOR = ROOT / "r2desk" / "resources" / "icons" / "hicolor"
#: hicolor sizes desktop environments look up, plus 512 for AppStream/macOS/Windows.
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, out: Path) -> None:
    """Render ``svg`` at ``size``×``size`` with antialiasing into ``out`` (PNG, ARGB)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot parse {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"cannot write {out}")


def write_containers(ico: Path | None, icns: Path | None) -> None:
    """Pack the rendered PNGs into .ico / .icns with Pillow (only the CI build needs these)."""
    from PIL import Image

    big = Image.open(HICOLOR / "512x512" / "apps" / "r2desk.png")
    if ico is not None:
        ico.parent.mkdir(parents=True, exist_ok=True)
        big.save(ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    if icns is not None:
        icns.parent.mkdir(parents=True, exist_ok=True)
        big.save(icns)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ico", type=Path, help="also write a Windows .ico here")
    parser.add_argument("--icns", type=Path, help="also write a macOS .icns here")
    parser.add_argument("--skip-png", action="store_true", help="only pack containers")
    args = parser.parse_args(argv)

    if not args.skip_png:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
        for size in SIZES:
            render(MASTER, size, HICOLOR / f"{size}x{size}" / "apps" / "r2desk.png")
        del app
    if args.ico or args.icns:
        write_containers(args.ico, args.icns)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
