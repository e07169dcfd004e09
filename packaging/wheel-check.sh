#!/usr/bin/env bash
# The pip route as a user meets it: build the wheel, check what it carries, install it with the
# demo extra into a clean venv (no source tree, no editable install), and from an empty folder
# run the installed `r2desk --version`, `python -m r2desk --version` and `r2desk --self-test`
# (offscreen). The venv is deleted afterwards; pip's own cache makes the install quick.
#
#   bash packaging/wheel-check.sh
#
# Environment: PYTHON (interpreter for the clean venv; default python3), R2DESK_BUILD_DIR
# (default build/), R2DESK_BUILD_PYTHON (builds the wheel; default .venv/bin/python if present).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${R2DESK_BUILD_DIR:-$ROOT/build}/wheel-check
PYTHON=${PYTHON:-python3}
builder=${R2DESK_BUILD_PYTHON:-$ROOT/.venv/bin/python}
[[ -x $builder ]] || builder=$PYTHON
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
t0=$SECONDS
log() { printf '[wheel-check %3ss] %s\n' "$((SECONDS - t0))" "$*" >&2; }
fail() { echo "wheel-check: FAILED: $*" >&2; exit 1; }

rm -rf "$BUILD"
mkdir -p "$BUILD/dist" "$BUILD/empty"
trap 'rm -rf "$BUILD/venv" "$BUILD/empty"' EXIT

log "pip wheel (isolated build, as pip install from a source tree does)"
"$builder" -m pip wheel -q --no-deps -w "$BUILD/dist" "$ROOT" </dev/null >"$BUILD/build.log" 2>&1 ||
    { tail -n 30 "$BUILD/build.log" >&2; fail "the wheel did not build"; }
wheel=$(ls "$BUILD"/dist/r2desk-*.whl)
"$PYTHON" "$ROOT/packaging/check_wheel.py" "$wheel" || fail "$(basename "$wheel") lacks files"

log "clean venv + pip install '$(basename "$wheel")[demo]'"
"$PYTHON" -m venv "$BUILD/venv"
"$BUILD/venv/bin/python" -m pip install -q --no-compile "$wheel[demo]" </dev/null >"$BUILD/install.log" 2>&1 ||
    { tail -n 30 "$BUILD/install.log" >&2; fail "pip install of the wheel"; }

log "installed r2desk from an empty folder"
cd "$BUILD/empty"
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$BUILD/empty/config
export R2DESK_STATE_DIR=$BUILD/empty/state R2DESK_LOG_DIR=$BUILD/empty/log
unset PYTHONPATH
version=$("$BUILD/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("r2desk"))')
[[ $("$BUILD/venv/bin/r2desk" --version) == "r2desk $version" ]] || fail "r2desk --version"
[[ $("$BUILD/venv/bin/python" -m r2desk --version) == "r2desk $version" ]] ||
    fail "python -m r2desk --version"
where=$("$BUILD/venv/bin/python" -c 'import r2desk; print(r2desk.__file__)')
[[ $where == "$BUILD/venv/"* ]] || fail "r2desk imported from $where, not the clean venv"
timeout 300 "$BUILD/venv/bin/r2desk" --self-test || fail "installed r2desk --self-test"
log "ok: $(basename "$wheel") $(($(du -k "$wheel" | cut -f1))) KB"
