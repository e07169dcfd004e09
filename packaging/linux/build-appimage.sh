#!/usr/bin/env bash
# Wrap the frozen app (the same PyInstaller one-folder build the .deb carries) as an AppDir
# and, when appimagetool is at hand, as dist/r2desk-<version>-<arch>.AppImage; then run the
# AppDir's AppRun --version and --self-test (offscreen, from an empty folder), which is what
# `r2desk.AppImage --appimage-extract-and-run` runs, and the AppImage itself when one was made.
#
#   bash packaging/linux/build-appimage.sh        # after build-deb.sh (reuses its freeze)
#
# appimagetool carries the AppImage runtime (a static ELF that mounts the image with FUSE);
# no registry package ships it, so the project's CI builds and self-tests the AppDir, and
# the hosted workflow (package.yml) fetches appimagetool and builds the AppImage itself.
# The bundle relies on the system's X11, GL, fontconfig, glib and dbus libraries, as the .deb
# does (packaging/linux/system-libs.txt): every desktop distribution has them.
#
# Environment: R2DESK_BUILD_DIR (default build/; the freeze is $R2DESK_BUILD_DIR/freeze),
# R2DESK_DIST_DIR (default dist/), APPIMAGETOOL (path to appimagetool; default: on PATH).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${R2DESK_BUILD_DIR:-$ROOT/build}
DIST=${R2DESK_DIST_DIR:-$ROOT/dist}
FREEZE=$BUILD/freeze/r2desk
APP_ID=io.github.r2desk.r2desk
APPDIR=$BUILD/AppDir
log() { printf '[build-appimage %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
fail() { echo "build-appimage: FAILED: $*" >&2; exit 1; }

cd "$ROOT"
[[ -x $FREEZE/r2desk ]] || fail "no frozen app in $FREEZE (run packaging/linux/build-deb.sh)"
VERSION=$(python3 -c 'import re; print(re.search(r"__version__ = \"([^\"]+)\"", open("r2desk/__init__.py").read())[1])')
ARCH=$(uname -m)

log "AppDir $APPDIR"
rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/share/applications" "$APPDIR/usr/share/metainfo"
cp -a "$FREEZE" "$APPDIR/usr/lib/r2desk"
cat >"$APPDIR/AppRun" <<'RUN'
#!/bin/sh
# AppImage entry: the frozen app inside this image, with the arguments as given.
here=$(dirname "$(readlink -f "$0")")
exec "$here/usr/lib/r2desk/r2desk" "$@"
RUN
chmod 0755 "$APPDIR/AppRun"
install -m 0644 "resources/linux/$APP_ID.desktop" "$APPDIR/$APP_ID.desktop"
install -m 0644 "resources/linux/$APP_ID.desktop" "$APPDIR/usr/share/applications/"
install -m 0644 "resources/linux/$APP_ID.metainfo.xml" "$APPDIR/usr/share/metainfo/"
install -m 0644 r2desk/resources/icons/hicolor/256x256/apps/r2desk.png "$APPDIR/r2desk.png"
ln -s r2desk.png "$APPDIR/.DirIcon"
for png in r2desk/resources/icons/hicolor/*/apps/r2desk.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    install -D -m 0644 "$png" "$APPDIR/usr/share/icons/hicolor/$size/apps/r2desk.png"
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$APPDIR/$APP_ID.desktop" || fail "desktop entry"
fi

run_self_test() {  # $1: the command to test (AppRun, or the AppImage with its flag)
    local here rc=0 version
    here=$(mktemp -d)
    version=$(cd "$here" && QT_QPA_PLATFORM=offscreen "$@" --version) || fail "$* --version"
    [[ $version == "r2desk $VERSION" ]] || fail "$* --version says '$version'"
    (cd "$here" && QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$here/config \
        R2DESK_STATE_DIR=$here/state R2DESK_LOG_DIR=$here/log timeout 300 "$@" --self-test) || rc=$?
    rm -rf "$here"
    ((rc == 0)) || fail "$* --self-test exited $rc"
}

log "AppRun --version, --self-test (offscreen)"
run_self_test "$APPDIR/AppRun"

tool=${APPIMAGETOOL:-$(command -v appimagetool || true)}
if [[ -z $tool ]]; then
    log "no appimagetool: the AppDir is built and self-tested; the AppImage is made by the" \
        "hosted workflow (APPIMAGETOOL=... to make it here)"
    echo "build-appimage: ok; AppDir self-tested, no AppImage (no appimagetool)"
    exit 0
fi
mkdir -p "$DIST"
IMAGE=$DIST/r2desk-$VERSION-$ARCH.AppImage
log "appimagetool -> $IMAGE"
rm -f "$IMAGE"
ARCH=$ARCH "$tool" --no-appstream "$APPDIR" "$IMAGE" >"$BUILD/appimagetool.log" 2>&1 ||
    { tail -n 30 "$BUILD/appimagetool.log" >&2; fail "appimagetool"; }
log "the AppImage, --appimage-extract-and-run (no FUSE needed)"
run_self_test "$IMAGE" --appimage-extract-and-run
echo "build-appimage: ok; $(basename "$IMAGE") $(($(du -k "$IMAGE" | cut -f1) / 1024)) MB, self-tested"
