#!/usr/bin/env bash
# Builds the hand-written canonical-ABI guests of wit/test.wit (world `guest`) and componentizes them with the jco
# pinned in package-lock.json (bundled wit-component, compiled to wasm; works offline):
#   canon_c.c     clang, wasm32-wasi reactor, LEGACY names (memory, cabi_realloc, iface#func, cabi_post_*, _initialize)
#   canon_rust.rs rustc 1.63, wasm32-unknown-unknown, NEWER names (cm32p2|iface|func, cm32p2_realloc, ..._post, ...)
#   canon_utf16.wat  wat2wasm, legacy names, wit-utf16/text.wit embedded with string-encoding utf16
#   canon_oracle.c   clang, legacy names, for the generated guests/bindings/wasmmarshal-oracle-0.1.0.wit
#   canon_js.js      JavaScript, componentize-js (jco componentize): components/canon_js.wasm only, not reproducible
#   plugin_words.js  JavaScript, componentize-js: components/js_plugin_words.wasm, the samples/ComputePlugins word counter
#   canon_stdio.c    clang, wasm32-wasi reactor using stdio/getenv/fopen, legacy names, wit-stdio/stdio.wit;
#                    componentized with `jco new --wasi-reactor` (adds the WASI preview 1 adapter)
#   loader/*.wat     components in text (jco parse) for the loader's path decision (two interacting modules, ...)
# Writes DEST/<name>.wasm (the core module, what the canonical stubs call) and DEST/components/<name>.wasm (the
# component made by `jco embed` + `jco new`, what Wasmtime.Components runs). `jco new` validates each core module
# against the WIT: it is the proof that the hand-written signatures are the canonical ones. It must also REJECT
# canon_c.c built with -DCANON_MISMATCH (one export with a wrong signature); the build fails if it does not.
#   bash guests/component/build.sh DEST
# Called by guests/build.sh (which compares the bytes with the committed guests/bin for --check).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="$(mkdir -p "$1" && cd "$1" && pwd)"
mkdir -p "$dest/components"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jco() { bash "$here/jco.sh" "$@"; }
export LC_ALL=C SOURCE_DATE_EPOCH=0
cd "$here"

componentize() {
    local name="$1"
    jco embed --wit "$here/wit" --world-name guest "$dest/$name.wasm" -o "$work/$name.embedded.wasm"
    jco new "$work/$name.embedded.wasm" -o "$dest/components/$name.wasm"
    echo "built $name.wasm and components/$name.wasm"
}

# Relative source paths and -ffile-prefix-map / --remap-path-prefix keep the checkout's path out of the binaries.
"${CC:-clang}" --target=wasm32-wasi -O2 -mexec-model=reactor -Wall -Wextra -Werror \
    -ffile-prefix-map="$PWD"=. -Wl,-z,stack-size=65536 -Wl,--strip-debug \
    -o "$dest/canon_c.wasm" canon_c.c
componentize canon_c

# wasm-ld always exports the memory as "memory"; the cm32p2 scheme wants "cm32p2_memory". Renaming that one export
# through wabt's text format is exact and reproducible (no name section survives -C strip=symbols).
/usr/bin/rustc --target wasm32-unknown-unknown --crate-type cdylib -O -C strip=symbols -D warnings \
    --remap-path-prefix="$PWD"=. -o "$work/canon_rust.linked.wasm" canon_rust.rs
wasm2wat "$work/canon_rust.linked.wasm" -o "$work/canon_rust.wat"
grep -q '(export "memory" (memory 0))' "$work/canon_rust.wat" || { echo "canon_rust: no memory export to rename" >&2; exit 1; }
sed -i 's/(export "memory" (memory 0))/(export "cm32p2_memory" (memory 0))/' "$work/canon_rust.wat"
wat2wasm "$work/canon_rust.wat" -o "$dest/canon_rust.wasm"
componentize canon_rust

# A UTF-16 guest in WebAssembly text, for the other string encoding (its own tiny package in wit-utf16/).
wat2wasm canon_utf16.wat -o "$dest/canon_utf16.wasm"
jco embed --wit "$here/wit-utf16" --world-name utf16-guest --string-encoding utf16 "$dest/canon_utf16.wasm" \
    -o "$work/canon_utf16.embedded.wasm"
jco new "$work/canon_utf16.embedded.wasm" -o "$dest/components/canon_utf16.wasm"
echo "built canon_utf16.wasm and components/canon_utf16.wasm"

# The oracle guest: C again, for the WIT that WasmMarshal generates from OracleApi.cs (committed in guests/bindings, where
# the build writes it), with its world from wit-oracle/. jco new accepting it checks the generated WIT and the
# hand-written signatures against each other.
"${CC:-clang}" --target=wasm32-wasi -O2 -mexec-model=reactor -Wall -Wextra -Werror \
    -ffile-prefix-map="$PWD"=. -Wl,-z,stack-size=65536 -Wl,--strip-debug \
    -o "$dest/canon_oracle.wasm" canon_oracle.c
mkdir -p "$work/wit-oracle"
cp "$here/wit-oracle/world.wit" "$here/../bindings/wasmmarshal-oracle-0.1.0.wit" "$work/wit-oracle/"
jco embed --wit "$work/wit-oracle" --world-name oracle-guest "$dest/canon_oracle.wasm" -o "$work/canon_oracle.embedded.wasm"
jco new "$work/canon_oracle.embedded.wasm" -o "$dest/components/canon_oracle.wasm"
echo "built canon_oracle.wasm and components/canon_oracle.wasm"

# canon_js.js: the same world in JavaScript, by componentize-js (jco componentize, pinned in package-lock.json; the
# preview2-shim dependency is what componentize-js imports at run time). The result embeds the SpiderMonkey engine and
# is four core modules, so it runs on the component-model path only. It is NOT byte-reproducible: two builds of the
# same source differ in most of the snapshotted JS heap (wizer) and in size, so guests/build.sh --check compares what
# is stable instead: the component's WIT (`jco wit`, written next to it as canon_js.wit) and the hash of every input
# (canon_js.inputs.sha256), which pins the committed binary to its sources.
jco componentize "$here/canon_js.js" --wit "$here/wit" --world-name guest --disable http fetch-event \
    -o "$dest/components/canon_js.wasm" >/dev/null
jco wit "$dest/components/canon_js.wasm" > "$dest/components/canon_js.wit"
sha256sum canon_js.js wit/test.wit package-lock.json > "$dest/components/canon_js.inputs.sha256"
echo "built components/canon_js.wasm (componentize-js; see canon_js.wit)"

# plugin_words.js: the samples/ComputePlugins word counter in JavaScript, for samples/ComputePlugins/wit/words.wit
# (the sample binds the same file through WIT in). Not reproducible either: checked like canon_js.
jco componentize "$here/plugin_words.js" --wit "$here/../../samples/ComputePlugins/wit" --world-name text-plugin --disable http fetch-event \
    -o "$dest/components/js_plugin_words.wasm" >/dev/null
jco wit "$dest/components/js_plugin_words.wasm" > "$dest/components/js_plugin_words.wit"
sha256sum plugin_words.js ../../samples/ComputePlugins/wit/words.wit package-lock.json \
    > "$dest/components/js_plugin_words.inputs.sha256"
echo "built components/js_plugin_words.wasm (componentize-js; see js_plugin_words.wit)"

# The WASI guest: wasi-libc's stdio, environment and files, so the core module imports wasi_snapshot_preview1 and
# `jco new --wasi-reactor` wraps it with the preview 1 adapter (tests/WasmMarshal.Tests/Components runs the core
# module on Wasmtime's WASI preview 1 and the component on WASI preview 2).
"${CC:-clang}" --target=wasm32-wasi -O2 -mexec-model=reactor -Wall -Wextra -Werror \
    -ffile-prefix-map="$PWD"=. -Wl,-z,stack-size=65536 -Wl,--strip-debug \
    -o "$dest/canon_stdio.wasm" canon_stdio.c
jco embed --wit "$here/wit-stdio" --world-name stdio-guest "$dest/canon_stdio.wasm" -o "$work/canon_stdio.embedded.wasm"
jco new "$work/canon_stdio.embedded.wasm" --wasi-reactor -o "$dest/components/canon_stdio.wasm"
echo "built canon_stdio.wasm and components/canon_stdio.wasm"

# Small components in text for the loader's decision tests (loader/*.wat: two core modules that call each other, a
# renamed lift, another string encoding, ...), made binary by `jco parse` (wasm-tools parse).
for wat in "$here"/loader/*.wat; do
    name="$(basename "$wat" .wat)"
    jco parse "$wat" -o "$dest/components/$name.wasm"
    echo "built components/$name.wasm"
done

# The negative check: a core module whose count-bytes takes one i32 instead of (ptr, len) must not componentize.
"${CC:-clang}" --target=wasm32-wasi -O2 -mexec-model=reactor -Wall -Wextra -Werror -DCANON_MISMATCH \
    -ffile-prefix-map="$PWD"=. -Wl,--strip-debug -o "$work/mismatch.wasm" canon_c.c
jco embed --wit "$here/wit" --world-name guest "$work/mismatch.wasm" -o "$work/mismatch.embedded.wasm"
if jco new "$work/mismatch.embedded.wasm" -o "$work/mismatch.component.wasm" >/dev/null 2>"$work/mismatch.err"; then
    echo "component/build.sh: jco new accepted a core module whose count-bytes signature is wrong" >&2
    exit 1
fi
grep -q 'count-bytes' "$work/mismatch.err" \
    || { echo "component/build.sh: jco new rejected the mismatch, but not for count-bytes:" >&2; cat "$work/mismatch.err" >&2; exit 1; }
echo "checked: jco new rejects a mismatched core module: $(grep -m1 -o "type mismatch.*" "$work/mismatch.err")"
