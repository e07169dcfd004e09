"""Packaging checks that need no build: icons, desktop entry, AppStream data, the spec's lists,
the .deb dependency scanner, and ``--self-test`` run from the source tree.

The frozen build itself is checked by ``packaging/linux/ci-package.sh`` (build, apt install,
installed ``r2desk --self-test``, remove), which is too slow for the unit suite.
"""

from __future__ import annotations

import configparser
import importlib.metadata
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import r2desk

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "r2desk" / "resources" / "icons"
APP_ID = "io.github.r2desk.r2desk"
DESKTOP = ROOT / "resources" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

sys.path.insert(0, str(PACKAGING / "linux"))
import deb_depends  # noqa: E402


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# ---------------------------------------------------------------------------- icons


@pytest.mark.parametrize("size", SIZES)
def test_hicolor_png_has_its_size(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "r2desk.png"
    assert _png_size(path) == (size, size)


def test_svg_master_is_square_svg() -> None:
    root = ET.parse(ICONS / "r2desk.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"


def test_render_icons_draws_the_master(tmp_path: Path, qapp: object) -> None:
    """The renderer the PNGs come from still works (QtSvg present, SVG parses). pytest-qt's
    ``qapp`` is the one QApplication: a QGuiApplication made here would break every widget test
    that runs after it in the same process."""
    sys.path.insert(0, str(PACKAGING))
    try:
        import render_icons
    finally:
        sys.path.remove(str(PACKAGING))
    from PySide6.QtGui import QImage

    out = tmp_path / "icon.png"
    render_icons.render(render_icons.MASTER, 64, out)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (64, 64)
    assert image.pixelColor(32, 32).alpha() == 255  # the tile is opaque in the middle
    assert image.pixelColor(0, 0).alpha() == 0  # and the corners are transparent


# ---------------------------------------------------------------------------- desktop + AppStream


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_r2desk_with_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "r2desk"
    assert entry["TryExec"] == "r2desk"
    assert entry["Icon"] == "r2desk"
    assert entry["Terminal"] == "false"
    assert "FileTransfer" in entry["Categories"].split(";")


def test_metainfo_matches_desktop_entry_and_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == _desktop_entry()["Icon"]
    assert root.findtext("provides/binary") == "r2desk"
    releases = [rel.get("version") for rel in root.iterfind("releases/release")]
    assert r2desk.__version__ in releases, "add a <release> for the new version"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_file_validate() -> None:
    proc = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_appstreamcli_validate() -> None:
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


# ---------------------------------------------------------------------------- PyInstaller spec


def test_spec_is_valid_python() -> None:
    source = (PACKAGING / "r2desk.spec").read_text()
    compile(source, "r2desk.spec", "exec")


def test_spec_lists_every_keyring_backend() -> None:
    """keyring finds backends through entry points, which PyInstaller cannot follow."""
    spec = (PACKAGING / "r2desk.spec").read_text()
    modules = {ep.module for ep in importlib.metadata.entry_points(group="keyring.backends")}
    modules |= {"keyring.backends.fail", "keyring.backends.chainer"}
    missing = sorted(m for m in modules if f'"{m}"' not in spec)
    assert not missing, f"add to hiddenimports in packaging/r2desk.spec: {missing}"


def test_entry_script_runs_the_cli() -> None:
    proc = subprocess.run(
        [sys.executable, str(PACKAGING / "r2desk_main.py"), "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"r2desk {r2desk.__version__}"


# ---------------------------------------------------------------------------- .deb recipe


def test_system_libs_table_is_well_formed() -> None:
    rows = [
        line.split()
        for line in (PACKAGING / "linux" / "system-libs.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert all(len(row) == 2 for row in rows), "each line: soname package"
    sonames = [row[0] for row in rows]
    assert len(sonames) == len(set(sonames)), "a soname is listed twice"
    assert deb_depends.system_libs()["libxcb-cursor.so.0"] == "libxcb-cursor0"


@pytest.mark.skipif(not shutil.which("readelf"), reason="binutils not installed")
def test_deb_depends_maps_needed_libraries_and_refuses_unknown_ones(tmp_path: Path) -> None:
    """A fake bundle holding the Python binary: what it links must be bundled or listed."""
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    exe = Path(os.path.realpath(sys.executable))
    shutil.copy2(exe, bundle / "python")
    needs, versions = deb_depends.external_needs(bundle)
    assert "libc.so.6" in needs
    assert versions["GLIBC"] >= (2, 2)

    table = {name: f"pkg-{name.split('.so')[0]}" for name in needs}
    table["libc.so.6"] = "libc6"
    result = deb_depends.depends(bundle, table)
    assert any(dep.startswith("libc6 (>= 2.") for dep in result), result

    others = sorted(set(needs) - {"libc.so.6"})
    if others:  # a shared-libpython build links libpython too: leave it out of the table
        del table[others[0]]
        with pytest.raises(SystemExit, match=r"neither bundled nor in system-libs\.txt"):
            deb_depends.depends(bundle, table)


@pytest.mark.skipif(not shutil.which("readelf"), reason="binutils not installed")
def test_deb_depends_ignores_libraries_the_bundle_carries(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    exe = Path(os.path.realpath(sys.executable))
    shutil.copy2(exe, bundle / "python")
    needs, _ = deb_depends.external_needs(bundle)
    for name in needs:
        (bundle / name).write_bytes(b"not an ELF")  # carried: present in the bundle
    assert deb_depends.external_needs(bundle)[0] == {}


@pytest.mark.parametrize(
    "script", ["build-deb.sh", "smoke-deb.sh", "ci-package.sh", "postinst", "postrm"]
)
def test_shell_scripts_parse(script: str) -> None:
    path = PACKAGING / "linux" / script
    shell = "sh" if script.startswith("post") else "bash"
    proc = subprocess.run([shell, "-n", str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert os.access(path, os.X_OK), f"{path} must be executable"


# ---------------------------------------------------------------------------- --self-test


@pytest.mark.gui
def test_self_test_passes_from_the_source_tree(tmp_path: Path) -> None:
    """The same command the installed package runs in CI, here on the source tree."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # QSettings: never the user's
        "PYTHONPATH": str(ROOT),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "r2desk.cli", "--self-test"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("r2desk self-test: ok ("), proc.stdout


def test_self_test_failure_is_one_line_naming_the_step(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import r2desk.demo
    from r2desk.gui.selftest import run_self_test

    def broken_demo(*_args: object, **_kwargs: object) -> None:
        raise ModuleNotFoundError("No module named 'moto.s3.urls'\nmore detail")

    monkeypatch.setattr(r2desk.demo, "start_demo", broken_demo)
    assert run_self_test(timeout=5) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "r2desk self-test: FAILED at demo endpoint: "
        "ModuleNotFoundError: No module named 'moto.s3.urls'\n"
    )


# ---------------------------------------------------------------------------- other platforms


def test_hosted_ci_workflow_builds_on_all_three_systems() -> None:
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "package.yml").read_text())
    matrix = workflow["jobs"]["package"]["strategy"]["matrix"]["include"]
    systems = {entry["os"].split("-")[0] for entry in matrix}
    assert systems == {"ubuntu", "windows", "macos"}


def test_windows_installer_script_points_at_existing_files() -> None:
    iss = (PACKAGING / "windows" / "r2desk.iss").read_text()
    assert "LicenseFile={#Root}\\packaging\\windows\\LICENSE.txt" in iss
    assert (PACKAGING / "windows" / "LICENSE.txt").is_file()
    assert 'Source: "{#Root}\\dist\\r2desk\\*"' in iss
    assert "{autoprograms}" in iss  # Start menu entry


def test_build_requirements_are_runtime_deps_plus_pyinstaller() -> None:
    sys.path.insert(0, str(PACKAGING))
    try:
        import build_requirements
    finally:
        sys.path.remove(str(PACKAGING))
    reqs = build_requirements.requirements()
    assert any(r.lower().startswith("pyside6-essentials") for r in reqs)
    assert any(r.lower().startswith("pyinstaller") for r in reqs)
