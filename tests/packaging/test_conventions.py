"""What users and packagers expect of an install, checked without building anything: one
version, the licence, the runtime resources inside the package, the desktop entry's Exec, and
CI scripts that wait for the apt lock and install once. The built wheel itself is checked by
packaging/wheel-check.sh (clean venv, installed --self-test) in .ci/run."""

from __future__ import annotations

import configparser
import re
import shlex
import sys
import tomllib
from pathlib import Path

import pytest

import r2desk
from r2desk.gui import widgets

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PROJECT = PYPROJECT["project"]
DESKTOP = ROOT / "resources" / "linux" / "io.github.r2desk.r2desk.desktop"


def test_one_version_source() -> None:
    assert "version" not in PROJECT and "version" in PROJECT["dynamic"]
    dynamic = PYPROJECT["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "r2desk.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", r2desk.__version__)
    # The .deb recipe reads the same line rather than importing the package.
    assert "r2desk/__init__.py" in (ROOT / "packaging" / "linux" / "build-deb.sh").read_text()


def test_licence_metadata_and_file() -> None:
    assert PROJECT["license"] == "MIT"  # PEP 639: an SPDX expression, no licence classifier
    assert PROJECT["license-files"] == ["LICENSE"]
    assert not any(c.startswith("License ::") for c in PROJECT["classifiers"])
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License") and "Permission is hereby granted" in text
    assert {"Homepage", "Source", "Issues", "Changelog"} <= set(PROJECT["urls"])


def test_entry_points() -> None:
    assert PROJECT["scripts"] == {"r2desk": "r2desk.cli.main:main"}
    assert PROJECT["gui-scripts"] == {"r2desk-gui": "r2desk.cli.main:gui_main"}


def _package_data_files() -> set[Path]:
    globs = PYPROJECT["tool"]["setuptools"]["package-data"]["r2desk"]
    package = ROOT / "r2desk"
    return {path for pattern in globs for path in package.glob(pattern) if path.is_file()}


def test_runtime_resources_are_package_data() -> None:
    """A wheel carries only package data: every icon the window loads must be in it."""
    assert widgets.RESOURCES.is_relative_to(ROOT / "r2desk")
    shipped = _package_data_files()
    icons = sorted(widgets.RESOURCES.glob("hicolor/*/apps/r2desk.png"))
    assert len(icons) >= 6
    assert set(icons) <= shipped
    assert widgets.RESOURCES / "r2desk.svg" in shipped
    assert ROOT / "r2desk" / "py.typed" in shipped


def test_demo_server_is_an_extra_not_a_runtime_dependency() -> None:
    runtime = " ".join(PROJECT["dependencies"]).lower()
    assert "moto" not in runtime and "flask" not in runtime
    demo = " ".join(PROJECT["optional-dependencies"]["demo"]).lower()
    assert "moto[s3]" in demo and "flask-cors" in demo
    assert "r2desk[demo]" in PROJECT["optional-dependencies"]["test"]
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import build_requirements
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    assert any(r.startswith("moto") for r in build_requirements.requirements())
    assert "setup-venv demo" in (ROOT / "scripts" / "demo").read_text()
    spec = (ROOT / "packaging" / "r2desk.spec").read_text()
    # moto's dashboard template loads scripts from public CDNs: it stays out of the bundle.
    includes = re.search(r'collect_data_files\("moto", includes=\[([^\]]*)\]', spec)
    assert includes and "templates" not in includes[1]


def test_desktop_entry_passes_nothing_r2desk_would_refuse() -> None:
    """A file manager's "Open with" must not start r2desk with arguments it rejects."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    exec_line = parser["Desktop Entry"]["Exec"]
    assert "%" not in exec_line, f"Exec={exec_line}: r2desk takes no file arguments"
    assert "MimeType" not in parser["Desktop Entry"]


SCRIPTS = [
    ROOT / ".ci" / "run",
    *sorted((ROOT / "packaging").rglob("*.sh")),
    *sorted((ROOT / "scripts").iterdir()),
]


def _runs_apt_get(line: str) -> bool:
    """True when the line runs apt-get (a bare word), not when a message names it."""
    try:
        words = shlex.split(line, comments=True)
    except ValueError:  # a quote continued on the next line
        return False
    if "apt-get" not in words:
        return False
    rest = words[words.index("apt-get") + 1 :]
    return bool({"update", "install", "purge", "remove"} & set(rest))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_apt_waits_for_the_dpkg_lock(script: Path) -> None:
    """Another apt (unattended upgrades, a second job) holding the lock must not fail CI."""
    for line in script.read_text().splitlines():
        if _runs_apt_get(line):
            assert "Lock::Timeout" in line or "APT_WAIT" in line, f"{script.name}: {line}"


def test_ci_installs_the_test_extra_once() -> None:
    text = (ROOT / ".ci" / "run").read_text()
    # scripts/setup-venv is the one installer; its stamp keeps scripts/test from installing again.
    assert ".venv/bin/python -m pip install" not in text
    assert "scripts/setup-venv test" in text
