#!/usr/bin/env bash
# Regenerates the memory maps in docs/images/layout/ from the committed guests:
#   bash samples/LayoutInspector/render-maps.sh
# <guest>.svg is the module as instantiated; <guest>-running.svg is a running instance after --allocate put a few
# buffers in a host heap and an arena. With rsvg-convert (Debian: librsvg2-bin) on PATH, also writes PNGs to --png DIR.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/docs/images/layout"
png=""
[[ "${1:-}" == "--png" ]] && png="$2"
mkdir -p "$out"
dotnet build "$root/samples/LayoutInspector" -c Release --nologo -v q >/dev/null
inspect() { dotnet "$root/samples/LayoutInspector/bin/Release/net10.0/LayoutInspector.dll" "$@"; }
for guest in quickstart host_heap_guest em_host_heap rust_greeter as_greeter; do
    inspect "$root/guests/bin/$guest.wasm" --svg "$out/$guest.svg" >/dev/null
    echo "wrote docs/images/layout/$guest.svg"
done
for guest in quickstart em_host_heap; do
    inspect "$root/guests/bin/$guest.wasm" --allocate --svg "$out/$guest-running.svg" >/dev/null
    echo "wrote docs/images/layout/$guest-running.svg"
done
if [[ -n "$png" ]]; then
    mkdir -p "$png"
    for svg in "$out"/*.svg; do rsvg-convert "$svg" -o "$png/$(basename "$svg" .svg).png"; done
fi
