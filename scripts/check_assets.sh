#!/usr/bin/env bash
# CI: the committed editor bundle must be what its sources build. Rebuilds from
# assets/editor (npm ci from package-lock.json) into a temporary folder and compares
# bytes with static/js/editor.js. Without Node it says so and succeeds: `make test`
# needs no Node.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v npm >/dev/null 2>&1; then
    echo "check_assets: Node/npm not installed, committed bundle not checked"
    exit 0
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cd "$root/assets/editor"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
node build.mjs "$out"
if cmp -s "$out/editor.js" "$root/static/js/editor.js"; then
    echo "check_assets: static/js/editor.js matches assets/editor"
else
    echo "check_assets: static/js/editor.js differs from what assets/editor builds; run make assets and commit" >&2
    exit 1
fi
