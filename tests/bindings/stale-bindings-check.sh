#!/usr/bin/env bash
# Guest bindings never go stale (src/Marshal.Runtime/build/WasmMarshal.targets): a scratch project with two
# interfaces is built, one interface is deleted, and after each rebuild the deleted interface's .h/.rs/.ts must be
# gone from the bindings directory, including when the directory itself was deleted (the old bug wrote them again
# from the stale carrier left in obj/), while the kept interface's files stay. .ci/run runs this.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Scratch"
cat >"$work/Scratch/Scratch.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <WasmMarshalGuestBindingsDir>\$(MSBuildThisFileDirectory)bindings</WasmMarshalGuestBindingsDir>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Marshal.Runtime/Marshal.Runtime.csproj" />
    <ProjectReference Include="$repo/src/Marshal.Generators/Marshal.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
  <Import Project="$repo/src/Marshal.Runtime/build/WasmMarshal.targets" />
</Project>
XML
cat >"$work/Scratch/Kept.cs" <<'CS'
using WasmMarshal;
[WasmImport] public partial interface IKeptGuest { int Add(int a, int b); }
CS
cat >"$work/Scratch/Deleted.cs" <<'CS'
using WasmMarshal;
[WasmImport] public partial interface IDeletedGuest { int Twice(int a); }
CS

fail() { echo "stale bindings check: $*" >&2; ls -la "$work/Scratch/bindings" >&2 || true; exit 1; }
build() { dotnet build "$work/Scratch" -v:q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build failed"; }; }
expect() { # expect present|absent name...
    local state=$1; shift
    for f in "$@"; do
        if [[ $state == present && ! -f "$work/Scratch/bindings/$f" ]]; then fail "$f is missing"; fi
        if [[ $state == absent && -e "$work/Scratch/bindings/$f" ]]; then fail "$f is stale: its interface was deleted"; fi
    done
}
deleted=(IDeletedGuest.h i_deleted_guest.rs IDeletedGuest.ts)
kept=(IKeptGuest.h i_kept_guest.rs IKeptGuest.ts)

build
expect present "${kept[@]}" "${deleted[@]}"

rm "$work/Scratch/Deleted.cs"
build
expect present "${kept[@]}"
expect absent "${deleted[@]}"

rm -rf "$work/Scratch/bindings"
build
expect present "${kept[@]}"
expect absent "${deleted[@]}"

# An up-to-date build (compiler skipped) keeps everything it wrote.
build
expect present "${kept[@]}"
echo "stale bindings check: a deleted interface's bindings disappear, also after the bindings folder is deleted"
