#!/usr/bin/env bash
# Build the one-folder bundle: dist/ftz-ledger/ftz-ledger (Linux) or .exe (Windows).
# Takes about a minute and both cores; build/ and dist/ stay out of git.
set -euo pipefail
cd "$(dirname "$0")/.."

# PyInstaller reads and strips Linux libraries with binutils (objdump, strip).
if [[ "$(uname -s)" == Linux ]] && ! command -v objdump >/dev/null 2>&1; then
    if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binutils
    else
        echo "build_frozen.sh: PyInstaller needs binutils (objdump, strip); please install it" >&2
        exit 1
    fi
fi

uv run pyinstaller --noconfirm --log-level WARN build.spec "$@"
echo "bundle: dist/ftz-ledger ($(du -sh dist/ftz-ledger | cut -f1))"
