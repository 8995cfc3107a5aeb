#!/usr/bin/env bash
# Builds every C guest (guests/c/*.c) into guests/bin/<name>.wasm, byte-for-byte reproducibly.
#
#   bash guests/build.sh              build into guests/bin
#   bash guests/build.sh --out DIR    build into DIR instead
#   bash guests/build.sh --check      build into a temporary directory and compare with the committed guests/bin;
#                                     prints every .wasm that differs (or is missing) and exits 1 on any difference
#
# Needs clang with the wasm32 target, wasm-ld (lld), wasi-libc and the wasm32 compiler-rt builtins.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src_dir="$here/c"
bin_dir="$here/bin"

usage() { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

mode=build
out_dir="$bin_dir"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --check) mode=check; shift ;;
        --out) [[ $# -ge 2 ]] || usage; out_dir="$2"; shift 2 ;;
        -h|--help) usage ;;
        *) echo "build.sh: unknown argument: $1" >&2; usage ;;
    esac
done

CC="${CC:-clang}"

# Run from inside guests/c with relative source paths so that no absolute path can reach the binary;
# -ffile-prefix-map covers anything that would still mention the working directory.
build_all() {
    local dest="$1"
    mkdir -p "$dest"
    dest="$(cd "$dest" && pwd)"
    (
        cd "$src_dir"
        export LC_ALL=C SOURCE_DATE_EPOCH=0 ZERO_AR_DATE=1
        local src name
        for src in *.c; do
            name="${src%.c}"
            # A guest may replace the default allocator exports with a line such as
            #   /* guest-exports: -Wl,--export=cabi_realloc */
            local exports="-Wl,--export=malloc,--export=free"
            local custom
            custom="$(sed -n 's|^/\* guest-exports: \(.*\) \*/$|\1|p' "$src")"
            [[ -n "$custom" ]] && exports="$custom"
            # shellcheck disable=SC2086 # $exports is a list of flags
            "$CC" --target=wasm32-wasi -O2 -mexec-model=reactor -Wall -Wextra -Werror -I include \
                -ffile-prefix-map="$PWD"=. \
                $exports -Wl,--export=__heap_base,--export=__data_end \
                -Wl,-z,stack-size=65536 -Wl,--strip-debug \
                -o "$dest/$name.wasm" "$src"
            echo "built $name.wasm"
        done
    )
}

if [[ "$mode" == build ]]; then
    build_all "$out_dir"
    exit 0
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
build_all "$tmp" >/dev/null

status=0
shopt -s nullglob
for fresh in "$tmp"/*.wasm; do
    name="$(basename "$fresh")"
    committed="$bin_dir/$name"
    if [[ ! -f "$committed" ]]; then
        echo "MISSING  guests/bin/$name (not committed)"
        status=1
    elif ! cmp -s "$fresh" "$committed"; then
        echo "DIFFERS  guests/bin/$name"
        status=1
    else
        echo "same     guests/bin/$name"
    fi
done
for committed in "$bin_dir"/*.wasm; do
    name="$(basename "$committed")"
    if [[ ! -f "$tmp/$name" ]]; then
        echo "EXTRA    guests/bin/$name (no source in guests/c)"
        status=1
    fi
done
if [[ $status -eq 0 ]]; then
    echo "all guests are identical to the committed binaries"
else
    echo "guests/bin is out of date: run bash guests/build.sh and commit guests/bin" >&2
fi
exit $status
