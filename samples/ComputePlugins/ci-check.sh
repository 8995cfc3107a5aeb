#!/usr/bin/env bash
# CI check for samples/ComputePlugins: runs every plugin over a copy of the bundled images with --verify, which fails
# (exit 1, with a table naming each failed check) unless every output exists, grayscale outputs have R = G = B and
# differ from the input, blur and edge outputs differ from the input, all languages' outputs of a filter agree byte
# for byte, the text plugin matches the host's word count, and not-a-plugin/quickstart.wasm is reported with its
# binding mismatches instead of stopping the run.
#
#   bash samples/ComputePlugins/ci-check.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here"/images/*.png "$work"/

dotnet build "$here/ComputePlugins.csproj" -c Release -nologo -v q
# Output to a file (redirected, as in CI) must be plain text: no ANSI escape codes.
if ! dotnet "$here/bin/Release/net10.0/ComputePlugins.dll" --images "$work" --no-progress --verify >"$work/output.txt" 2>&1; then
    cat "$work/output.txt"
    echo "ci-check: samples/ComputePlugins FAILED: see the failed checks above" >&2
    exit 1
fi
cat "$work/output.txt"
if grep -q $'\e' "$work/output.txt"; then
    echo "ci-check: redirected output contains ANSI escape codes" >&2
    exit 1
fi
# The expected not-a-plugin report comes after the results, neutral: the run opens with the plugins that were found.
first_line="$(grep -m1 -v '^\s*$' "$work/output.txt")"
if [[ $first_line != Plugins* ]] || grep -qi 'error\|fail' <(sed -n '/^Skipped/,/^verify/p' "$work/output.txt" | grep -v '^verify'); then
    echo "ci-check: the run must open with the plugins found and report non-plugins last, neutrally" >&2
    exit 1
fi
skipped_at="$(grep -n -m1 '^Skipped' "$work/output.txt" | cut -d: -f1)"
words_at="$(grep -n -m1 'top .* words of' "$work/output.txt" | cut -d: -f1)"
if [[ -z $skipped_at || -z $words_at || $skipped_at -lt $words_at ]]; then
    echo "ci-check: the not-a-plugin report must come after the results" >&2
    exit 1
fi
shopt -s nullglob
outputs=("$work"/*.*.png)
echo "ci-check: samples/ComputePlugins passed (${#outputs[@]} outputs in $work checked)"
