#!/usr/bin/env bash
# Build r2desk.app with PyInstaller and wrap it in dist/r2desk-<version>-macos-<arch>.dmg.
#
#   bash packaging/macos/build-dmg.sh
#
# Needs Python 3.11+ (python.org or actions/setup-python) and the Xcode command line tools
# (codesign, hdiutil ship with macOS). The app is signed ad hoc, which is enough to run on
# the machine that built it and on Apple silicon; for other people's Macs sign with a
# Developer ID and notarize:  R2DESK_CODESIGN_ID="Developer ID Application: ..." and then
# `xcrun notarytool submit dist/r2desk-*.dmg --wait` + `xcrun stapler staple`.
# Checked by .github/workflows/package.yml only: nobody on the team builds on a Mac by hand.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-python3}
VENV=build/.venv-build
VERSION=$("$PYTHON" -c 'import re; print(re.search(r"__version__ = \"([^\"]+)\"", open("r2desk/__init__.py").read())[1])')
ARCH=$(uname -m)
DMG=dist/r2desk-$VERSION-macos-$ARCH.dmg

mkdir -p build dist
[[ -x $VENV/bin/python ]] || "$PYTHON" -m venv "$VENV"
"$PYTHON" packaging/build_requirements.py >build/requirements-build.txt
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r build/requirements-build.txt

# macOS wants an .icns; packed from the committed PNGs.
"$VENV/bin/python" packaging/render_icons.py --skip-png --icns build/icons/r2desk.icns

"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/r2desk.spec
APP=dist/r2desk.app
[[ -d $APP ]] || { echo "build-dmg: $APP was not built" >&2; exit 1; }

if [[ -n ${R2DESK_CODESIGN_ID:-} ]]; then
    codesign --force --deep --options runtime --timestamp -s "$R2DESK_CODESIGN_ID" "$APP"
fi
codesign --verify --deep --strict "$APP"

# The bundle must work before it is wrapped (offscreen: CI runners may have no login session).
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/r2desk" --version
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/r2desk" --self-test

# A plain drag-to-Applications image: the app and a link to /Applications.
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -quiet -volname "r2desk $VERSION" -srcfolder "$STAGE" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 -ov "$DMG"

# Mount it and run the copy inside, as a user who double-clicks it would.
MNT=$(mktemp -d)
hdiutil attach -quiet -nobrowse -readonly -mountpoint "$MNT" "$DMG"
rc=0
QT_QPA_PLATFORM=offscreen "$MNT/r2desk.app/Contents/MacOS/r2desk" --self-test || rc=$?
hdiutil detach -quiet "$MNT"
((rc == 0)) || { echo "build-dmg: self-test from the mounted image failed" >&2; exit 1; }

echo "build-dmg: ok; $DMG $(du -m "$DMG" | cut -f1) MB, app $(du -sm "$APP" | cut -f1) MB"
