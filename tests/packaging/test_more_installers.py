"""The AppImage recipe, the Flatpak manifest and the hosted jobs that build them. The AppDir's
AppRun is self-tested by .ci/run (packaging/linux/ci-package.sh); the AppImage and the Flatpak
are built and self-tested only by the hosted workflow (they need appimagetool's runtime and
flatpak-builder with the network)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.r2desk.r2desk"
yaml = pytest.importorskip("yaml")


def test_appimage_recipe_parses_and_ci_runs_it() -> None:
    script = ROOT / "packaging" / "linux" / "build-appimage.sh"
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0
    assert os.access(script, os.X_OK)
    text = script.read_text()
    assert 'run_self_test "$APPDIR/AppRun"' in text
    assert 'run_self_test "$IMAGE" --appimage-extract-and-run' in text
    assert "build-appimage.sh" in (ROOT / "packaging" / "linux" / "ci-package.sh").read_text()
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "package.yml").read_text())
    steps = workflow["jobs"]["package"]["steps"]
    appimage = next(s for s in steps if "build-appimage.sh" in s.get("run", ""))
    assert appimage["env"]["APPIMAGE_EXTRACT_AND_RUN"] == "1" and "APPIMAGETOOL=" in appimage["run"]


def test_flatpak_manifest_names_everything_by_the_app_id() -> None:
    manifest = yaml.safe_load((ROOT / "packaging" / "flatpak" / f"{APP_ID}.yml").read_text())
    assert manifest["id"] == APP_ID and manifest["command"] == "r2desk"
    assert manifest["runtime"] == "org.kde.Platform" and manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["runtime-version"] == manifest["base-version"]
    args = manifest["finish-args"]
    assert "--share=network" in args and "--talk-name=org.freedesktop.secrets" in args
    assert "python3-deps.json" in manifest["modules"]
    module = next(m for m in manifest["modules"] if isinstance(m, dict) and m["name"] == "r2desk")
    commands = "\n".join(module["build-commands"])
    assert f"--set-icon={APP_ID}" in commands
    assert f"apps/{APP_ID}.png" in commands and f"apps/{APP_ID}.svg" in commands
    assert f'<icon type="stock">{APP_ID}</icon>' in commands
    for path in ("resources/linux", "r2desk/resources/icons/hicolor"):
        assert (ROOT / path).is_dir()  # the sources the commands copy exist


def test_flatpak_requirements_leave_pyside_to_the_base_app() -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import build_requirements
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    reqs = build_requirements.flatpak_requirements()
    assert not any(r.lower().startswith("pyside6") for r in reqs)
    assert any(r.startswith("moto") for r in reqs) and any(r.startswith("boto3") for r in reqs)
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "package.yml").read_text())
    job = workflow["jobs"]["flatpak"]
    runs = " ".join(s.get("run", "") for s in job["steps"])
    assert "build_requirements.py --flatpak" in runs and "--self-test" in runs
    builder = next(s for s in job["steps"] if "flatpak-builder" in s.get("uses", ""))
    assert builder["with"]["manifest-path"] == f"packaging/flatpak/{APP_ID}.yml"
