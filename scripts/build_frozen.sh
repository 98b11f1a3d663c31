#!/usr/bin/env bash
# Build the one-folder bundle: dist/ftz-ledger/ftz-ledger (Linux) or .exe (Windows).
# Takes a few minutes and both cores; build/ and dist/ stay out of git.
set -euo pipefail
cd "$(dirname "$0")/.."
uv run pyinstaller --noconfirm --log-level WARN build.spec "$@"
echo "bundle: dist/ftz-ledger ($(du -sh dist/ftz-ledger | cut -f1))"
