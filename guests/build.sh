#!/usr/bin/env bash
# Builds every guest into guests/bin/<name>.wasm, byte-for-byte reproducibly:
#   guests/c/*.c             clang, wasm32-wasi reactor, wasi-libc (dlmalloc)
#   guests/freestanding/*.c  clang, wasm32 without libc, stack first, heap imported from the host
#   guests/stackfirst/*.c    clang, wasm32 without libc, stack first, the guest's own page-grow allocator
#   guests/emscripten/*.c    emcc, STANDALONE_WASM, -sMALLOC=none (heap imported from the host) unless overridden
#   guests/rust/*.rs         Debian rustc 1.63, wasm32-unknown-unknown, cdylib, no crates
#   guests/assemblyscript/*.ts  assemblyscript 0.28.20 (npm, pinned in package-lock.json)
#   guests/component/        canonical-ABI guests (C, Rust and WAT, hand-written against WIT in guests/component), each also
#                            componentized by jco 1.35.0 (npm, pinned) into guests/bin/components/<name>.wasm
#   guests/debian/           real C libraries built unchanged from Debian source packages (guests/debian/README.md),
#                            fetched into guests/debian/src by `apt-get source` (.ci/run does it)
#   (guests/shared/ holds code included by several of them; it is not built on its own)
#
#   bash guests/build.sh              build into guests/bin
#   bash guests/build.sh --out DIR    build into DIR instead
#   bash guests/build.sh --check      build into a temporary directory and compare with the committed guests/bin;
#                                     prints every .wasm that differs (or is missing) and exits 1 on any difference
#
# Needs (Debian): clang, lld, wasi-libc, libclang-rt-14-dev-wasm32, binaryen, emscripten, rustc,
# libstd-rust-dev-wasm32, npm.
# The C guests are optimized by binaryen's wasm-opt, so the committed binaries are only reproducible with binaryen
# installed (emscripten depends on it); the check below refuses to run without it.
# Function names: wasm-ld --strip-debug drops DWARF but keeps the "name" section; what dropped it was the wasm-opt -O2
# that clang runs by itself after linking with -O2, which keeps names only with --debuginfo and cannot be given it.
# So clang compiles with -O2, links without -O (clang then runs no wasm-opt), and optimize_keeping_names runs the same
# wasm-opt -O2 with --debuginfo: traps name the guest function (docs/guests/c.md) instead of <wasm function 20>.
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

# wasm-opt -O2, the pass clang would run, keeping the name section (--debuginfo); then drops the object file.
optimize_keeping_names() {
    wasm-opt "$1" -O2 --debuginfo -o "$1"
    rm -f "$2"
}

CC="${CC:-clang}"
command -v wasm-opt >/dev/null || { echo "build.sh: wasm-opt (binaryen) is not on PATH; the output would differ" >&2; exit 1; }

# Run from inside guests/c with relative source paths so that no absolute path can reach the binary;
# -ffile-prefix-map covers anything that would still mention the working directory.
build_all() {
    local dest="$1"
    mkdir -p "$dest"
    dest="$(cd "$dest" && pwd)"
    build_wasi_c "$dest"
    build_freestanding "$dest" freestanding
    build_freestanding "$dest" stackfirst
    build_emscripten "$dest"
    build_rust "$dest"
    build_assemblyscript "$dest"
    build_component "$dest"
    build_debian "$dest"
    build_debian_expat "$dest"
}

# guests/debian/: real C libraries, unchanged, from their Debian source packages (the exact versions are pinned here
# and in guests/debian/README.md); no header of ours, no shim. Each becomes a wasm32-wasi reactor (wasi-libc's
# dlmalloc) exporting the functions its C# interface binds plus malloc and free, with the same link flags and
# name-keeping optimization as guests/c. Warnings are not errors: the code is the library's, not ours.
debian_sources="${DEBIAN_SOURCES:-$here/debian/src}"
zlib_version=1.2.13.dfsg-1
lz4_version=1.9.4-1
cjson_version=1.7.15-1+deb12u4
# debian_library DEST NAME DEBIAN_PACKAGE APT_VERSION SOURCE_DIR EXPORTS UNITS...: compile UNITS (paths relative to
# SOURCE_DIR, without .c) and link DEST/NAME.wasm exporting EXPORTS (comma-separated) plus malloc and free.
debian_library() (
    local dest="$1" name="$2" package="$3" apt_version="$4" dir="$5" exports="$6"
    shift 6
    local version="${apt_version#*:}"
    if [[ ! -f "$debian_sources/${package}_$version.dsc" || ! -d "$debian_sources/$dir" ]]; then
        echo "build.sh: the $package $version sources are missing from $debian_sources; fetch them with" >&2
        echo "  mkdir -p guests/debian/src && (cd guests/debian/src && apt-get source $package=$apt_version)" >&2
        exit 1
    fi
    cd "$debian_sources/$dir"
    export LC_ALL=C SOURCE_DATE_EPOCH=0 ZERO_AR_DATE=1
    local objects=() unit
    mkdir -p "$dest/$name.obj"
    for unit in "$@"; do
        "$CC" --target=wasm32-wasi -O2 -ffile-prefix-map="$PWD"=. -c -o "$dest/$name.obj/${unit//\//_}.o" "$unit.c"
        objects+=("$dest/$name.obj/${unit//\//_}.o")
    done
    "$CC" --target=wasm32-wasi -mexec-model=reactor \
        -Wl,--export="${exports//,/,--export=}" \
        -Wl,--export=malloc,--export=free -Wl,--export=__heap_base,--export=__data_end \
        -Wl,-z,stack-size=65536 -Wl,--strip-debug \
        -o "$dest/$name.wasm" "${objects[@]}"
    wasm-opt "$dest/$name.wasm" -O2 --debuginfo -o "$dest/$name.wasm"
    rm -rf "$dest/$name.obj"
    echo "built $name.wasm (Debian $package $version)"
)
# The check headers ([WasmLibraryHeader], guests/bindings/*.check.hpp) against the libraries' own headers: each must
# compile, and IZlibWithDesktopLongs (ulong for uLong) must fail, naming the C# method and parameter.
check_library_headers() (
    local bindings="$here/bindings" check
    for check in IZlib:zlib-1.2.13.dfsg ILz4:lz4-1.9.4/lib ICJson:cjson-1.7.15; do
        "${CXX:-clang++}" --target=wasm32-wasi -fsyntax-only -I "$debian_sources/${check#*:}" "$bindings/${check%%:*}.check.hpp"
    done
    local wrong
    if wrong="$("${CXX:-clang++}" --target=wasm32-wasi -fsyntax-only -I "$debian_sources/zlib-1.2.13.dfsg" "$bindings/IZlibWithDesktopLongs.check.hpp" 2>&1)"; then
        echo "build.sh: IZlibWithDesktopLongs.check.hpp (ulong for uLong) compiled; the check header must refuse it" >&2
        exit 1
    fi
    if ! grep -q "IZlibWithDesktopLongs.Crc32: parameter 'crc' (ulong, 64-bit unsigned)" <<<"$wrong"; then
        printf 'build.sh: IZlibWithDesktopLongs.check.hpp failed without naming Crc32 and crc:\n%s\n' "$wrong" >&2
        exit 1
    fi
    echo "check headers: IZlib, ILz4, ICJson compile against the Debian headers; IZlibWithDesktopLongs is refused"
)
build_debian() {
    local dest="$1"
    debian_library "$dest" zlib zlib "1:$zlib_version" zlib-1.2.13.dfsg \
        compress,uncompress,compressBound,crc32,adler32 \
        adler32 compress crc32 deflate inffast inflate inftrees trees uncompr zutil
    debian_library "$dest" lz4 lz4 "$lz4_version" lz4-1.9.4 \
        LZ4_compress_default,LZ4_decompress_safe,LZ4_compressBound,LZ4_versionString,LZ4_versionNumber \
        lib/lz4
    debian_library "$dest" cjson cjson "$cjson_version" cjson-1.7.15 \
        cJSON_Parse,cJSON_PrintUnformatted,cJSON_Print,cJSON_Delete,cJSON_free,cJSON_Version,cJSON_GetErrorPtr \
        cJSON
    check_library_headers
}

# expat: its three units (xmltok.c includes xmltok_impl.c and xmltok_ns.c). expat_config.h is what expat's configure
# step would generate for wasm32-wasi (guests/debian/expat/expat_config.h); it is a build input beside the sources,
# which stay unchanged. Callbacks go through the function table: --export-table exports it as
# __indirect_function_table and --growable-table lets the host add its functions.
expat_version=2.5.0-1+deb12u2
expat_dir=expat-2.5.0
build_debian_expat() (
    local dest="$1"
    if [[ ! -f "$debian_sources/expat_$expat_version.dsc" || ! -d "$debian_sources/$expat_dir" ]]; then
        echo "build.sh: the expat $expat_version sources are missing from $debian_sources; fetch them with" >&2
        echo "  mkdir -p guests/debian/src && (cd guests/debian/src && apt-get source expat=$expat_version)" >&2
        exit 1
    fi
    local config="$here/debian/expat"
    cd "$debian_sources/$expat_dir/expat/lib"
    export LC_ALL=C SOURCE_DATE_EPOCH=0 ZERO_AR_DATE=1
    local objects=() unit export exports=""
    mkdir -p "$dest/expat.obj"
    for unit in xmlparse xmlrole xmltok; do
        "$CC" --target=wasm32-wasi -O2 -ffile-prefix-map="$PWD"=. -ffile-prefix-map="$config"=. -I "$config" \
            -c -o "$dest/expat.obj/$unit.o" "$unit.c"
        objects+=("$dest/expat.obj/$unit.o")
    done
    for export in XML_ParserCreate XML_ParserFree XML_SetUserData XML_SetElementHandler XML_SetCharacterDataHandler \
        XML_Parse XML_StopParser XML_GetErrorCode XML_ErrorString XML_GetCurrentLineNumber XML_GetCurrentColumnNumber \
        XML_GetCurrentByteIndex XML_ExpatVersion; do
        exports+=",--export=$export"
    done
    "$CC" --target=wasm32-wasi -mexec-model=reactor \
        -Wl"$exports" -Wl,--export=malloc,--export=free -Wl,--export=__heap_base,--export=__data_end \
        -Wl,--export-table,--growable-table \
        -Wl,-z,stack-size=65536 -Wl,--strip-debug \
        -o "$dest/expat.wasm" "${objects[@]}"
    wasm-opt "$dest/expat.wasm" -O2 --debuginfo -o "$dest/expat.wasm"
    rm -rf "$dest/expat.obj"
    echo "built expat.wasm (Debian expat $expat_version)"
)

# guests/component/: the canonical-ABI guests; see guests/component/build.sh. Core modules go to DEST, their
# components (jco embed + jco new, which also validates them against the WIT) to DEST/components.
build_component() {
    bash "$here/component/build.sh" "$1"
}

# guests/rust/*.rs: Debian's rustc 1.63 with libstd-rust-dev-wasm32, wasm32-unknown-unknown, no crates. Each module
# pulls its generated bindings in with #[path = "../bindings/..."]. Output files are prefixed rust_.
build_rust() (
    local dest="$1"
    cd "$here/rust"
    export LC_ALL=C
    local src name
    for src in *.rs; do
        name="${src%.rs}"
        /usr/bin/rustc --target wasm32-unknown-unknown --crate-type cdylib -O -C strip=symbols -D warnings \
            --remap-path-prefix="$PWD"=. -o "$dest/rust_$name.wasm" "$src"
        echo "built rust_$name.wasm"
    done
)

# guests/assemblyscript/*.ts: assemblyscript pinned in package-lock.json (npm ci installs it). By default abort is
# compiled out (--use abort=) so the module imports nothing but its interface; a file may replace that with a line
#   // asc-flags: --exportRuntime
# (the matrix guest keeps env.abort and exports the runtime's __new/__pin/__unpin). Output files are prefixed as_.
build_assemblyscript() (
    local dest="$1"
    cd "$here/assemblyscript"
    [[ -x node_modules/.bin/asc ]] || npm ci --no-audit --no-fund --silent
    local src name
    for src in *.ts; do
        name="${src%.ts}"
        local flags="--use abort="
        local custom
        custom="$(sed -n 's|^// asc-flags: \(.*\)$|\1|p' "$src")"
        [[ -n "$custom" ]] && flags="$custom"
        # shellcheck disable=SC2086 # $flags is a list of flags
        node_modules/.bin/asc "$src" -O3 --runtime incremental $flags -o "$dest/as_$name.wasm"
        echo "built as_$name.wasm"
    done
)

# guests/c/*.c: wasm32-wasi reactors with wasi-libc (dlmalloc).
build_wasi_c() (
    local dest="$1"
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
        "$CC" --target=wasm32-wasi -O2 -Wall -Wextra -Werror -I ../bindings -ffile-prefix-map="$PWD"=. \
            -c -o "$dest/$name.o" "$src"
        "$CC" --target=wasm32-wasi -mexec-model=reactor \
            $exports -Wl,--export=__heap_base,--export=__data_end \
            -Wl,-z,stack-size=65536 -Wl,--strip-debug \
            -o "$dest/$name.wasm" "$dest/$name.o"
        optimize_keeping_names "$dest/$name.wasm" "$dest/$name.o"
        echo "built $name.wasm"
    done
)

# guests/freestanding/*.c and guests/stackfirst/*.c: no libc, stack first (the layout of Zig's wasm32-freestanding).
# In freestanding/ any heap comes from the host through env.malloc and friends; in stackfirst/ each guest brings its
# own allocator on memory.grow and exports it. -mbulk-memory lets clang lower copy loops to memory.copy instead of
# calling a memcpy that does not exist here.
build_freestanding() (
    local dest="$1" folder="$2"
    cd "$here/$folder"
    export LC_ALL=C
    local src name
    for src in *.c; do
        name="${src%.c}"
        "$CC" --target=wasm32 -O2 -mbulk-memory -Wall -Wextra -Werror -I ../bindings -ffile-prefix-map="$PWD"=. \
            -c -o "$dest/$name.o" "$src"
        "$CC" --target=wasm32 -nostdlib \
            -Wl,--no-entry -Wl,--stack-first -Wl,-z,stack-size=65536 \
            -Wl,--export=__heap_base,--export=__data_end -Wl,--strip-debug \
            -o "$dest/$name.wasm" "$dest/$name.o"
        optimize_keeping_names "$dest/$name.wasm" "$dest/$name.o"
        echo "built $name.wasm"
    done
)

# guests/emscripten/*.c: Emscripten STANDALONE_WASM modules. -sMALLOC=none leaves malloc and free undefined, and
# STANDALONE_WASM turns undefined symbols into env imports, which the host heap serves. A file may keep an Emscripten
# allocator instead with a line such as
#    * emcc-malloc: -sMALLOC=dlmalloc -sEXPORTED_FUNCTIONS=_malloc,_free
build_emscripten() (
    local dest="$1"
    cd "$here/emscripten"
    export LC_ALL=C SOURCE_DATE_EPOCH=0
    local src name
    for src in *.c; do
        name="${src%.c}"
        local malloc="-sMALLOC=none"
        local custom
        custom="$(sed -n 's|^ \* emcc-malloc: \(.*\)$|\1|p' "$src")"
        [[ -n "$custom" ]] && malloc="$custom"
        # shellcheck disable=SC2086 # $malloc is a list of flags
        emcc -O2 --no-entry -sSTANDALONE_WASM $malloc -sALLOW_MEMORY_GROWTH -sERROR_ON_UNDEFINED_SYMBOLS=0 \
            -Wall -Wextra -Werror -Wno-undefined -I ../bindings \
            -ffile-prefix-map="$PWD"=. \
            -o "$dest/$name.wasm" "$src" 2>&1 | grep -v 'warning: undefined symbol: \(malloc\|free\|realloc\|calloc\)' || true
        [[ -f "$dest/$name.wasm" ]] || { echo "emcc failed for $src" >&2; exit 1; }
        echo "built $name.wasm"
    done
)

if [[ "$mode" == build ]]; then
    build_all "$out_dir"
    exit 0
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
build_all "$tmp" >/dev/null

status=0
shopt -s nullglob
# componentize-js output is not byte-reproducible (guests/component/build.sh): for it, the stable files written beside
# it (its WIT and the hash of its inputs) are compared byte for byte instead, and the committed component's own WIT
# must be that WIT.
not_reproducible=" components/canon_js.wasm components/js_plugin_words.wasm "
for fresh in "$tmp"/*.wasm "$tmp"/components/*.wasm "$tmp"/components/*.wit "$tmp"/components/*.sha256; do
    name="${fresh#"$tmp"/}"
    committed="$bin_dir/$name"
    if [[ ! -f "$committed" ]]; then
        echo "MISSING  guests/bin/$name (not committed)"
        status=1
    elif [[ "$not_reproducible" == *" $name "* ]]; then
        if ! bash "$here/component/jco.sh" wit "$committed" | cmp -s - "$tmp/${name%.wasm}.wit"; then
            echo "DIFFERS  guests/bin/$name (its WIT)"
            status=1
        else
            echo "same WIT guests/bin/$name (not byte-reproducible; inputs checked by ${name%.wasm}.inputs.sha256)"
        fi
    elif ! cmp -s "$fresh" "$committed"; then
        echo "DIFFERS  guests/bin/$name"
        status=1
    else
        echo "same     guests/bin/$name"
    fi
done
for committed in "$bin_dir"/*.wasm "$bin_dir"/components/*.wasm; do
    name="${committed#"$bin_dir"/}"
    if [[ ! -f "$tmp/$name" ]]; then
        echo "EXTRA    guests/bin/$name (no source for it)"
        status=1
    fi
done
if [[ $status -eq 0 ]]; then
    echo "all guests are identical to the committed binaries"
else
    echo "guests/bin is out of date: run bash guests/build.sh and commit guests/bin" >&2
fi
exit $status
