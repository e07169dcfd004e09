#!/usr/bin/env bash
# The packaging check in one command: build the frozen app and the .deb, install it with apt,
# run the installed `r2desk --self-test` offscreen, remove it, and check nothing is left; then
# wrap the same freeze as an AppImage's AppDir and self-test its AppRun (build-appimage.sh).
#
#   bash packaging/linux/ci-package.sh
#
# Idempotent: a previous install of r2desk is removed first, and every run rebuilds from the
# working tree. Cleans up after itself: the package is removed and the work files (~500 MB)
# are deleted on exit, success or not; only the build venv (build/package/.venv-build, reused
# while pyproject's dependencies are unchanged) and the .deb in dist/ stay.
#
# Environment: R2DESK_DEB_COMPRESS (default here "zstd -z9": 8 s instead of xz's ~75 s on
# 2 cores; release builds use build-deb.sh's xz default), PYTHON (build interpreter).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export R2DESK_BUILD_DIR=$ROOT/build/package
export R2DESK_DIST_DIR=$ROOT/dist
export R2DESK_DEB_COMPRESS=${R2DESK_DEB_COMPRESS:-zstd -z9}
export DEBIAN_FRONTEND=noninteractive
t0=$SECONDS
phase() { printf '\n==> ci-package: %s  [%ss]\n' "$1" "$((SECONDS - t0))"; }

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo -n)

cleanup() {
    local rc=$?
    if dpkg-query -W r2desk >/dev/null 2>&1; then
        "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 -y -qq purge r2desk </dev/null >/dev/null 2>&1 || true
    fi
    if [[ -d $R2DESK_BUILD_DIR ]]; then
        find "$R2DESK_BUILD_DIR" -mindepth 1 -maxdepth 1 ! -name .venv-build \
            -exec rm -rf {} + 2>/dev/null || true
    fi
    exit "$rc"
}
trap cleanup EXIT

phase "tools"
missing=()
command -v readelf >/dev/null || missing+=(binutils)  # PyInstaller needs objdump/readelf
command -v dpkg-deb >/dev/null || missing+=(dpkg)
command -v zstd >/dev/null || [[ $R2DESK_DEB_COMPRESS != zstd* ]] || missing+=(zstd)
if ((${#missing[@]})); then
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 -qq update </dev/null >/dev/null
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 -y -qq install --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi

phase "build (PyInstaller + dpkg-deb)"
t_build=$SECONDS
build_out=$(bash "$ROOT/packaging/linux/build-deb.sh")
t_build=$((SECONDS - t_build))
deb=$(tail -n1 <<<"$build_out")
summary=$(grep '^build-deb:' <<<"$build_out" || true)
echo "$summary"

phase "install, self-test, remove"
t_smoke=$SECONDS
smoke_out=$(bash "$ROOT/packaging/linux/smoke-deb.sh" "$deb")
t_smoke=$((SECONDS - t_smoke))
echo "$smoke_out"

phase "AppImage: AppDir from the same freeze, AppRun --self-test (the AppImage if appimagetool)"
t_appimage=$SECONDS
appimage_out=$(bash "$ROOT/packaging/linux/build-appimage.sh")
t_appimage=$((SECONDS - t_appimage))
echo "$appimage_out"

deb_mb=$(($(du -k "$deb" | cut -f1) / 1024))
installed=$(grep -o 'installed size [0-9]* MB' <<<"$smoke_out" | grep -o '[0-9]*')
phase "done"
echo "ci-package: ok; build ${t_build}s, install+self-test+remove ${t_smoke}s," \
    "AppImage step ${t_appimage}s, total $((SECONDS - t0))s;" \
    "$(basename "$deb") ${deb_mb} MB, installed ${installed} MB"
