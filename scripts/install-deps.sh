#!/usr/bin/env bash
# Installs the system packages ccsim needs, when they are missing.
# Used by `make run`, `make test` and CI; safe to run again (does nothing when all is there).
set -euo pipefail

packages=(libgsl-dev libglpk-dev pkg-config libsqlite3-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The notebooks run in a Python venv (see notebooks/requirements.txt).
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    missing+=(python3 python3-venv)
fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "installing missing system packages: ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1 && [ ! -x /opt/swift/usr/bin/swift ]; then
    echo "error: the Swift toolchain (6.x) is not installed: put it on PATH or at /opt/swift" >&2
    exit 1
fi
