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
if ! dotnet "$here/bin/Release/net10.0/ComputePlugins.dll" --images "$work" --no-progress --verify; then
    echo "ci-check: samples/ComputePlugins FAILED: see the failed checks above" >&2
    exit 1
fi
shopt -s nullglob
outputs=("$work"/*.*.png)
echo "ci-check: samples/ComputePlugins passed (${#outputs[@]} outputs in $work checked)"
