#!/usr/bin/env bash
# Install a built r2desk .deb with apt, run the installed app's --version and --self-test
# offscreen, check the desktop integration files, then remove the package and check that
# nothing is left behind. Needs root (or passwordless sudo); apt may fetch the Depends.
#
#   bash packaging/linux/smoke-deb.sh [dist/r2desk_<version>_<arch>.deb]
#
# Prints "smoke-deb: installed size N MB" and exits non-zero on the first failure. If r2desk
# was already installed, it is removed first so the test always starts from nothing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEB=${1:-}
if [[ -z $DEB ]]; then
    DEB=$(ls -t "$ROOT"/dist/r2desk_*.deb 2>/dev/null | head -n1 || true)
fi
[[ -f $DEB ]] || { echo "smoke-deb: no .deb given or found in dist/" >&2; exit 1; }
DEB=$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")  # apt wants a path, not a name
APP_ID=io.github.r2desk.r2desk

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo -n)
export DEBIAN_FRONTEND=noninteractive
log() { printf '[smoke-deb %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
fail() { echo "smoke-deb: FAILED: $*" >&2; exit 1; }

apt_quiet() {
    local out
    if ! out=$("${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 -y -q -o Dpkg::Use-Pty=0 "$@" 2>&1 </dev/null); then
        printf '%s\n' "$out" | tail -n 40 >&2
        return 1
    fi
}

remove_pkg() {
    if dpkg-query -W r2desk >/dev/null 2>&1; then
        apt_quiet purge r2desk
    fi
}

log "start from a machine without r2desk"
remove_pkg

log "apt-get install $DEB"
# A fresh machine may have stale package lists: update once and retry if the install fails.
if ! apt_quiet install "$DEB"; then
    log "install failed; apt-get update and retry"
    apt_quiet update
    apt_quiet install "$DEB" || fail "apt-get install $DEB"
fi

log "installed files"
for path in /opt/r2desk/r2desk /usr/bin/r2desk "/usr/share/applications/$APP_ID.desktop" \
    "/usr/share/metainfo/$APP_ID.metainfo.xml" /usr/share/icons/hicolor/48x48/apps/r2desk.png \
    /usr/share/icons/hicolor/scalable/apps/r2desk.svg /usr/share/doc/r2desk/copyright \
    /usr/share/doc/r2desk/changelog.gz /usr/share/doc/r2desk/changelog.Debian.gz \
    /usr/share/man/man1/r2desk.1.gz /usr/share/bash-completion/completions/r2desk \
    /usr/share/zsh/vendor-completions/_r2desk /usr/share/fish/vendor_completions.d/r2desk.fish; do
    [[ -e $path ]] || fail "$path is missing"
done
if command -v man >/dev/null; then
    MANWIDTH=80 man -l /usr/share/man/man1/r2desk.1.gz | grep -q "EXIT STATUS" || fail "man page"
fi
bash -c 'source /usr/share/bash-completion/completions/r2desk && COMP_WORDS=(r2desk con) &&
    COMP_CWORD=1 && _shtab_r2desk && [[ ${COMPREPLY[*]} == connections ]]' ||
    fail "bash completion does not complete 'r2desk con'"
# moto's dashboard template loads scripts from public CDNs: it must not be in the bundle.
[[ -z $(find /opt/r2desk -path '*moto_server/templates*' -print -quit) ]] ||
    fail "moto's dashboard template is in the bundle"
[[ $(command -v r2desk) == /usr/bin/r2desk ]] || fail "r2desk is not on PATH as /usr/bin/r2desk"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "/usr/share/applications/$APP_ID.desktop" || fail "desktop file"
fi

log "r2desk --version"
version=$(QT_QPA_PLATFORM=offscreen r2desk --version) || fail "r2desk --version exited $?"
expected=$(dpkg-query -W -f='${Version}' r2desk)
[[ $version == "r2desk ${expected%-*}" ]] || fail "--version says '$version', package is $expected"
echo "$version"

log "r2desk --self-test (offscreen)"
# Run from an empty folder as a user would: nothing from the source tree can leak in.
here=$(mktemp -d)
rc=0
(cd "$here" && QT_QPA_PLATFORM=offscreen timeout 300 r2desk --self-test) || rc=$?
rmdir "$here" 2>/dev/null || true
((rc == 0)) || fail "r2desk --self-test exited $rc"

installed_kb=$(dpkg-query -W -f='${Installed-Size}' r2desk)

log "apt-get remove r2desk"
apt_quiet remove r2desk || fail "apt-get remove r2desk"
for path in /opt/r2desk /usr/bin/r2desk "/usr/share/applications/$APP_ID.desktop" \
    "/usr/share/metainfo/$APP_ID.metainfo.xml" /usr/share/icons/hicolor/48x48/apps/r2desk.png \
    /usr/share/man/man1/r2desk.1.gz /usr/share/bash-completion/completions/r2desk; do
    [[ ! -e $path ]] || fail "$path is still there after removal"
done
dpkg-query -W -f='${Status}' r2desk 2>/dev/null | grep -q 'ok installed' && fail "still installed"
# Removal leaves dpkg's record ("rc": the postrm would run again on purge); purge it so the
# next run starts from a machine that never saw r2desk.
apt_quiet purge r2desk || fail "apt-get purge r2desk"

echo "smoke-deb: ok; installed size $((installed_kb / 1024)) MB"
