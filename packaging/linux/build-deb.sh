#!/usr/bin/env bash
# Build the frozen app with PyInstaller and package it as dist/r2desk_<version>_<arch>.deb.
#
#   bash packaging/linux/build-deb.sh            # venv + freeze + package
#   bash packaging/linux/build-deb.sh --no-freeze   # repackage the last frozen build
#
# Layout installed by the package:
#   /opt/r2desk/                      the PyInstaller one-folder app
#   /usr/bin/r2desk                   launcher
#   /usr/share/applications/          io.github.r2desk.r2desk.desktop
#   /usr/share/icons/hicolor/         PNG sizes + scalable SVG
#   /usr/share/metainfo/              AppStream metadata
#   /usr/share/man/man1/r2desk.1.gz   the man page; bash, zsh and fish completion
#   /usr/share/doc/r2desk/            copyright, changelog.gz (CHANGELOG.md), changelog.Debian.gz
#
# Environment:
#   R2DESK_BUILD_DIR   work folder (default: build/ in the repo; gitignored)
#   R2DESK_DIST_DIR    where the .deb goes (default: dist/)
#   R2DESK_DEB_COMPRESS  dpkg-deb compressor and level (default "xz -z6")
#   R2DESK_MAINTAINER  the control file's Maintainer (name <email>)
#   PYTHON             interpreter for the build venv (default: python3; needs a shared
#                      libpython, which PyInstaller requires)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${R2DESK_BUILD_DIR:-$ROOT/build}
DIST=${R2DESK_DIST_DIR:-$ROOT/dist}
PYTHON=${PYTHON:-python3}
VENV=$BUILD/.venv-build
FREEZE=$BUILD/freeze
APP_ID=io.github.r2desk.r2desk
MAINTAINER=${R2DESK_MAINTAINER:-r2desk developers <maintainers@r2desk.invalid>}
FREEZE_STEP=1
[[ ${1:-} == --no-freeze ]] && FREEZE_STEP=0

log() { printf '[build-deb %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
need() { command -v "$1" >/dev/null || { echo "build-deb: '$1' not found ($2)" >&2; exit 1; }; }
need dpkg-deb "apt-get install dpkg"
need readelf "apt-get install binutils (PyInstaller needs it too)"

cd "$ROOT"
VERSION=$("$PYTHON" -c 'import re,sys; print(re.search(r"__version__ = \"([^\"]+)\"", open("r2desk/__init__.py").read())[1])')
ARCH=$(dpkg --print-architecture)
DEB_VERSION="$VERSION-1"
mkdir -p "$BUILD" "$DIST"
t_start=$SECONDS

if ((FREEZE_STEP)); then
    # ---------------------------------------------------------------- build venv (cached)
    # Runtime deps + the `package` extra from pyproject.toml, so the bundle matches what
    # `pip install r2desk` gets; the venv is rebuilt when that list changes.
    REQS=$BUILD/requirements-build.txt
    "$PYTHON" packaging/build_requirements.py >"$REQS"
    if ! cmp -s "$REQS" "$VENV/requirements-build.txt" 2>/dev/null; then
        log "creating build venv $VENV"
        rm -rf "$VENV"
        "$PYTHON" -m venv "$VENV"
        if ! "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQS" \
            >"$BUILD/pip.log" 2>&1; then
            cat "$BUILD/pip.log" >&2
            exit 1
        fi
        cp "$REQS" "$VENV/requirements-build.txt"
    fi

    # ---------------------------------------------------------------- freeze
    log "PyInstaller (one-folder, system X11/GL/font libraries)"
    rm -rf "$FREEZE"
    # Icons are committed PNGs; QT_QPA_PLATFORM keeps PyInstaller's Qt probing headless.
    R2DESK_SYSTEM_LIBS=1 QT_QPA_PLATFORM=offscreen "$VENV/bin/pyinstaller" \
        --noconfirm --clean --log-level WARN \
        --distpath "$FREEZE" --workpath "$BUILD/pyinstaller" \
        packaging/r2desk.spec
fi
[[ -x $FREEZE/r2desk/r2desk ]] || { echo "build-deb: no frozen app in $FREEZE/r2desk" >&2; exit 1; }
t_freeze=$((SECONDS - t_start))

# -------------------------------------------------------------------- stage the package tree
log "staging package tree"
PKG=$BUILD/deb/r2desk_${DEB_VERSION}_$ARCH
rm -rf "$BUILD/deb"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
    "$PKG/usr/share/metainfo" "$PKG/usr/share/icons/hicolor/scalable/apps" \
    "$PKG/usr/share/doc/r2desk"
cp -a "$FREEZE/r2desk" "$PKG/opt/r2desk"
cat >"$PKG/usr/bin/r2desk" <<'EOF'
#!/bin/sh
# r2desk launcher: the app lives in /opt/r2desk (a self-contained PyInstaller build).
exec /opt/r2desk/r2desk "$@"
EOF
chmod 0755 "$PKG/usr/bin/r2desk"
install -m 0644 "resources/linux/$APP_ID.desktop" "$PKG/usr/share/applications/"
install -m 0644 "resources/linux/$APP_ID.metainfo.xml" "$PKG/usr/share/metainfo/"
install -m 0644 r2desk/resources/icons/r2desk.svg "$PKG/usr/share/icons/hicolor/scalable/apps/r2desk.svg"
for png in r2desk/resources/icons/hicolor/*/apps/r2desk.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    install -D -m 0644 "$png" "$PKG/usr/share/icons/hicolor/$size/apps/r2desk.png"
done
install -m 0644 packaging/linux/copyright "$PKG/usr/share/doc/r2desk/copyright"
# Shell completion and the man page, generated from the parser of this very build.
"$VENV/bin/python" packaging/shell_files.py "$BUILD/shell" >/dev/null
install -D -m 0644 "$BUILD/shell/r2desk.bash" "$PKG/usr/share/bash-completion/completions/r2desk"
install -D -m 0644 "$BUILD/shell/_r2desk" "$PKG/usr/share/zsh/vendor-completions/_r2desk"
install -D -m 0644 "$BUILD/shell/r2desk.fish" "$PKG/usr/share/fish/vendor_completions.d/r2desk.fish"
mkdir -p "$PKG/usr/share/man/man1"
gzip -9n <"$BUILD/shell/r2desk.1" >"$PKG/usr/share/man/man1/r2desk.1.gz"
# Release notes from the one source, CHANGELOG.md: upstream's as written, Debian's generated.
gzip -9n <CHANGELOG.md >"$PKG/usr/share/doc/r2desk/changelog.gz"
"$PYTHON" packaging/changelog.py debian --maintainer "$MAINTAINER" |
    gzip -9n >"$PKG/usr/share/doc/r2desk/changelog.Debian.gz"

# Maintainer scripts: Debian's file triggers already refresh these caches when
# desktop-file-utils / hicolor-icon-theme are installed; run the tools directly as well so
# other dpkg-based systems without those triggers get a fresh menu and icon too.
for script in postinst postrm; do
    install -m 0755 "packaging/linux/$script" "$PKG/DEBIAN/$script"
done

# Normalise permissions (the host umask must not leak into the package).
find "$PKG" -type d -exec chmod 0755 {} +
find "$PKG" -type f -perm /u+x -exec chmod 0755 {} +
find "$PKG" -type f ! -perm /u+x -exec chmod 0644 {} +

DEPENDS=$("$PYTHON" packaging/linux/deb_depends.py "$PKG/opt/r2desk")
INSTALLED_KB=$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
cat >"$PKG/DEBIAN/control" <<EOF
Package: r2desk
Version: $DEB_VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Suggests: gnome-keyring | kwalletmanager | keepassxc
Section: net
Priority: optional
Description: desktop file manager for Cloudflare R2 and S3-compatible storage
 r2desk browses buckets and folders, uploads by drag and drop with progress,
 cancel and resume, downloads, copies, moves and deletes objects, and copies
 time-limited signed links. Secrets are kept in the system keyring.
 .
 The package is a self-contained build (Python, Qt and the libraries it needs
 live in /opt/r2desk); it also offers a scripting CLI and a local demo
 endpoint that needs no account.
EOF

if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$PKG/usr/share/applications/$APP_ID.desktop"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net --explain "$PKG/usr/share/metainfo/$APP_ID.metainfo.xml" >/dev/null
fi

# -------------------------------------------------------------------- build the .deb
# xz: smallest (43 MB vs 52 MB) but ~75 s on 2 cores; CI sets R2DESK_DEB_COMPRESS="zstd -z9"
# (8 s). Every dpkg that can meet our glibc floor (Debian 12, Ubuntu 22.04) reads both.
read -r -a COMPRESS <<<"${R2DESK_DEB_COMPRESS:-xz -z6}"
log "dpkg-deb (${COMPRESS[*]})"
DEB=$DIST/r2desk_${DEB_VERSION}_$ARCH.deb
rm -f "$DIST"/r2desk_*.deb
dpkg-deb --root-owner-group "-Z${COMPRESS[0]}" "${COMPRESS[@]:1}" --build "$PKG" "$DEB" >/dev/null
[[ -n ${R2DESK_KEEP_STAGE:-} ]] || rm -rf "$BUILD/deb"
t_total=$((SECONDS - t_start))

deb_kb=$(du -k "$DEB" | cut -f1)
log "done: $DEB"
printf 'build-deb: freeze %ss, total %ss, .deb %s MB, installed %s MB\n' \
    "$t_freeze" "$t_total" "$((deb_kb / 1024))" "$((INSTALLED_KB / 1024))"
echo "$DEB"
