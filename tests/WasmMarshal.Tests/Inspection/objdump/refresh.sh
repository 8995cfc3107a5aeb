#!/usr/bin/env bash
# Captures what `wasm-objdump -x` (wabt) reports about every committed guest's memory, globals, exports and data
# segments into <guest>.txt, so that the layout tests compare WasmModuleReader with wabt without needing wabt at test
# time. Hex dumps of segment contents are dropped. Run after rebuilding guests:
#   bash tests/WasmMarshal.Tests/Inspection/objdump/refresh.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$here/../../../../guests/bin"
command -v wasm-objdump >/dev/null || { echo "refresh.sh: wasm-objdump (wabt) is not on PATH" >&2; exit 1; }
for wasm in "$bin"/*.wasm; do
    name="$(basename "$wasm" .wasm)"
    {
        echo "# wasm-objdump $(wasm-objdump --version) -x -j <section> guests/bin/$name.wasm"
        for section in Memory Global Export Data; do
            (cd "$bin" && wasm-objdump -x -j "$section" "$name.wasm") | sed -n '/^Section Details:/,$p' | tail -n +2 | grep -v '^  - [0-9a-f]\{7\}:' | grep -v '^$' || true
        done
    } > "$here/$name.txt"
    echo "wrote $name.txt"
done
