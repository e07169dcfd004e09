"""What users and packagers expect of an install, checked without building anything: one
version, the licence, the runtime resources inside the package, the desktop entry's Exec, and
CI scripts that wait for the apt lock and install once. The built wheel itself is checked by
packaging/wheel-check.sh (clean venv, installed --self-test) in .ci/run."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
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
    assert PROJECT["scripts"] == {"r2desk": "r2desk.cli.main:run"}
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


# ---------------------------------------------------------------------------- release notes


def _changelog() -> object:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import changelog
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    return changelog


def test_changelog_is_keep_a_changelog_with_the_current_version() -> None:
    changelog = _changelog()
    text = (ROOT / "CHANGELOG.md").read_text()
    assert text.startswith("# Changelog\n") and "## [Unreleased]" in text
    rels = changelog.releases()  # type: ignore[attr-defined]
    assert rels and all(rel.items for rel in rels)
    assert [r.date for r in rels] == sorted((r.date for r in rels), reverse=True)
    assert r2desk.__version__ in [r.version for r in rels] or "## [Unreleased]" in text
    for rel in rels:  # each release has its compare/tag link at the bottom
        assert f"\n[{rel.version}]: " in text


def test_metainfo_releases_come_from_the_changelog() -> None:
    changelog = _changelog()
    metainfo = changelog.METAINFO.read_text()  # type: ignore[attr-defined]
    rels = changelog.releases()  # type: ignore[attr-defined]
    assert changelog.with_releases(metainfo, rels) == metainfo, (  # type: ignore[attr-defined]
        "run: python packaging/changelog.py write-metainfo"
    )


def test_debian_changelog_is_in_dpkg_format() -> None:
    changelog = _changelog()
    rels = changelog.releases()  # type: ignore[attr-defined]
    text = changelog.debian(rels, "A B <a@b.invalid>")  # type: ignore[attr-defined]
    first = text.splitlines()[0]
    assert re.fullmatch(r"r2desk \(\d+\.\d+\.\d+-1\) stable; urgency=medium", first), first
    assert re.search(r"\n -- A B <a@b\.invalid>  \w{3}, \d{2} \w{3} \d{4} 12:00:00 \+0000\n", text)
    assert "  * Added: First release" in text
    parse = shutil.which("dpkg-parsechangelog")
    if parse:
        path = ROOT / "build" / "test-changelog"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text)
        proc = subprocess.run([parse, "-l", str(path)], capture_output=True, text=True)
        path.unlink()
        assert proc.returncode == 0 and f"Version: {rels[0].version}-1" in proc.stdout


# ---------------------------------------------------------------------------- the pip route


def test_ci_self_tests_the_wheel_in_a_clean_venv() -> None:
    assert "bash packaging/wheel-check.sh" in (ROOT / ".ci" / "run").read_text()
    script = (ROOT / "packaging" / "wheel-check.sh").read_text()
    assert '-m venv "$BUILD/venv"' in script and "--system-site-packages" not in script
    assert 'r2desk" --self-test' in script and "unset PYTHONPATH" in script
    proc = subprocess.run(["bash", "-n", str(ROOT / "packaging" / "wheel-check.sh")])
    assert proc.returncode == 0


def test_check_wheel_names_what_a_wheel_lacks(tmp_path: Path) -> None:
    """The 0.1.0 wheel's fault: no icons (its package-data pointed at a missing folder)."""
    import zipfile

    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import check_wheel
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    wheel = tmp_path / "r2desk-0.1.0-py3-none-any.whl"
    info = "r2desk-0.1.0.dist-info"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("r2desk/__init__.py", "")
        zf.writestr("r2desk/py.typed", "")
        zf.writestr(f"{info}/METADATA", "Name: r2desk\nLicense: MIT\nRequires-Dist: moto[s3]>=5\n")
        zf.writestr(f"{info}/entry_points.txt", "[console_scripts]\nr2desk = r2desk.cli.main:run\n")
    found = check_wheel.problems(str(wheel))
    assert "missing r2desk/resources/icons/hicolor/48x48/apps/r2desk.png" in found
    assert f"missing {info}/licenses/LICENSE" in found
    assert "no r2desk-gui gui script" in found
    assert "test tool 'moto[s3]>=5' is a runtime requirement" in found


def test_hosted_ci_runs_ruff_mypy_and_tests_on_three_systems() -> None:
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    assert {"push", "pull_request"} <= set(workflow[True])  # YAML 1.1 reads "on" as True
    job = workflow["jobs"]["test"]
    systems = {entry["os"].split("-")[0] for entry in job["strategy"]["matrix"]["include"]}
    assert systems == {"ubuntu", "windows", "macos"}
    commands = " ".join(step.get("run", "") for step in job["steps"])
    for needed in ("ruff check .", "mypy", "python -m pytest", "run-keyring-tests"):
        assert needed in commands
    assert "wheel-check.sh" in str(workflow["jobs"]["wheel"]["steps"])
