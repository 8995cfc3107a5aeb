#!/usr/bin/env bash
# The package as a newcomer gets it, checked end to end (.ci/run runs this):
#   1. pack with a version unique to this run (0.1.0-ci.<UTC time>), deterministically (ContinuousIntegrationBuild),
#   2. check the package's contents: XML docs and PDBs of every shipped assembly, LICENSE, a README with absolute
#      links only, SourceLink in the PDBs, and no checkout path in any dll or PDB (a cheap stand-in for building two
#      clones at different paths and comparing bytes, which is what an embedded path breaks),
#   3. restore it into an empty packages folder, run the consumer, and check it loaded exactly that version,
#   4. publish the consumer with NativeAOT, fail on any trim/AOT warning that names WasmMarshal, run the native binary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo="$PWD"

suffix="ci.$(date -u +%Y%m%d%H%M%S)"
prefix="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)"
version="$prefix-$suffix"
rm -rf artifacts/packages
dotnet pack src/Marshal.Runtime -c Release -o artifacts/packages --version-suffix "$suffix" -p:ContinuousIntegrationBuild=true
nupkg="artifacts/packages/WasmMarshal.$version.nupkg"
snupkg="artifacts/packages/WasmMarshal.$version.snupkg"

fail() { echo "package check: $*" >&2; exit 1; }
contents="$(unzip -Z1 "$nupkg")"
symbols="$(unzip -Z1 "$snupkg")"
for f in LICENSE README.md build/WasmMarshal.targets analyzers/dotnet/cs/WasmMarshal.Generators.dll \
         analyzers/dotnet/cs/WasmMarshal.CodeFixes.dll \
         lib/net8.0/WasmMarshal.Runtime.dll lib/net8.0/WasmMarshal.Runtime.xml \
         lib/net8.0/WasmMarshal.Allocator.dll lib/net8.0/WasmMarshal.Allocator.xml; do
    grep -qx "$f" <<<"$contents" || fail "$f is missing from $nupkg"
done
for f in lib/net8.0/WasmMarshal.Runtime.pdb lib/net8.0/WasmMarshal.Allocator.pdb analyzers/dotnet/cs/WasmMarshal.Generators.pdb \
         analyzers/dotnet/cs/WasmMarshal.CodeFixes.pdb; do
    grep -qx "$f" <<<"$symbols" || fail "$f is missing from $snupkg"
done
nuspec="$(unzip -p "$nupkg" WasmMarshal.nuspec)"
for tag in projectUrl releaseNotes readme 'repository type="git" url="https://'; do
    grep -q "<$tag" <<<"$nuspec" || fail "the nuspec has no <$tag"
done
relative="$(unzip -p "$nupkg" README.md | grep -oE '\]\([^)]*\)' | grep -vE '^\]\((https?|mailto):' || true)"
[[ -z "$relative" ]] || fail "the package README has relative links: $relative"
unpacked="$(mktemp -d)"
unzip -q "$nupkg" -d "$unpacked" && unzip -qo "$snupkg" -d "$unpacked"
for f in $(cd "$unpacked" && find lib analyzers -name '*.dll' -o -name '*.pdb'); do
    if grep -qF "$repo" "$unpacked/$f"; then fail "$f embeds the checkout path $repo: not deterministic"; fi
    if [[ $f == *.pdb ]] && ! grep -qaF '"documents":{"/_/*":"https://' "$unpacked/$f"; then fail "$f has no SourceLink"; fi
done
echo "package check: $nupkg and its snupkg are complete"

# An empty packages folder: the consumer restores the package just packed, and the version check proves it.
export NUGET_PACKAGES="$(mktemp -d)"
dotnet run --project samples/PackageConsumer -p:WasmMarshalVersion="$version" -- --expect-version "$version" --expect-direct-memory

aot_out="$(mktemp -d)"
aot_log="$aot_out.log"
start=$SECONDS
dotnet publish samples/PackageConsumer -c Release -r linux-x64 -p:PublishAot=true -p:WasmMarshalVersion="$version" \
    -o "$aot_out" >"$aot_log" 2>&1 || { cat "$aot_log"; fail "the NativeAOT publish failed"; }
echo "NativeAOT publish: $((SECONDS - start)) s"
# Each line ends with " [<project path>]": drop it, so that only the warning's own text and source are searched.
if grep -E 'warning IL[0-9]+' "$aot_log" | sed 's/ \[[^]]*\]$//' | grep -i 'wasmmarshal\|PackageConsumer'; then
    fail "trim or AOT warnings from WasmMarshal or the generated code (above)"
fi
grep -E 'warning IL' "$aot_log" | sed 's/ \[.*//' | sort -u || true
"$aot_out/PackageConsumer" --expect-version "$version" --expect-direct-memory
echo "package consumer (NativeAOT): OK"
