#!/usr/bin/env bash
# Runs the jco pinned in package-lock.json (npm ci installs it) with preopens.mjs loaded first, which works around
# jco 1.35.0's "failed to read path for WIT ... (os error 44)" on embed, types and guest-types.
# Pass absolute paths: the bundled wasm-tools sees the host root as "/" and has no working directory.
#   bash guests/component/jco.sh embed --wit /abs/wit --world NAME /abs/core.wasm -o /abs/out.wasm
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ -f "$here/node_modules/@bytecodealliance/jco/package.json" ]] \
    || (cd "$here" && npm ci --no-audit --no-fund --silent)
exec node --import "$here/preopens.mjs" "$here/node_modules/@bytecodealliance/jco/dist/jco.js" "$@"
