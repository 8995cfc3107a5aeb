#!/usr/bin/env bash
# LayoutInspector as a newcomer meets it: --help prints the usage and succeeds, an unknown argument fails with the
# usage, and a Rust alloc/dealloc guest is reported as owning its heap (not "no allocator"). .ci/run runs this.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dotnet build "$root/samples/LayoutInspector" -c Release --nologo -v q >/dev/null
inspect() { dotnet "$root/samples/LayoutInspector/bin/Release/net10.0/LayoutInspector.dll" "$@"; }
fail() { echo "LayoutInspector check: $*" >&2; exit 1; }

help="$(inspect --help)" || fail "--help exited with $?"
grep -q '^usage: LayoutInspector' <<<"$help" || fail "--help printed no usage: $help"
set +e; inspect --bogus >/dev/null 2>&1; status=$?; set -e
[[ $status -eq 2 ]] || fail "an unknown argument exited with $status, not 2"
rust="$(inspect "$root/guests/bin/rust_matrix.wasm")"
grep -q "heap .*the guest's own allocator" <<<"$rust" || fail "rust_matrix (alloc/dealloc) not reported as owning its heap: $rust"
echo "LayoutInspector check: --help, unknown arguments and Rust alloc/dealloc heaps: OK"
