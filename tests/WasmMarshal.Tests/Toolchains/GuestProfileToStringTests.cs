using WasmMarshal.Profiles;
using Xunit;

namespace WasmMarshal.Tests.Toolchains;

/// <summary>
/// A profile is printed in logs and error reports: its lists must show their items, not a collection's type name
/// (the record's generated ToString printed <c>System.Collections.Generic.List`1[System.String]</c>).
/// </summary>
public sealed class GuestProfileToStringTests
{
    [Fact]
    public void ToString_lists_the_imports_and_the_evidence_item_by_item()
    {
        var profile = new GuestProfile(
            GuestToolchain.WasiLibc,
            GuestAllocatorKind.Malloc,
            WasmStringEncoding.Utf8,
            GuestStringPassing.PointerAndLength,
            new[] { "wasi_snapshot_preview1.fd_write", "env.abort" },
            new[] { "exports malloc (i32) -> i32", "imports wasi_snapshot_preview1" });

        string text = profile.ToString();

        Assert.DoesNotContain("System.", text);
        Assert.Contains("HostSuppliedImports = [ wasi_snapshot_preview1.fd_write, env.abort ]", text);
        Assert.Contains("Evidence = [ exports malloc (i32) -> i32, imports wasi_snapshot_preview1 ]", text);
        Assert.Contains("Toolchain = WasiLibc", text);
        Assert.Contains("Allocator = Malloc", text);
        Assert.Contains("Problem = ", text);
    }

    [Fact]
    public void ToString_of_empty_lists_is_empty_brackets()
    {
        var profile = new GuestProfile(GuestToolchain.Unknown, GuestAllocatorKind.None, WasmStringEncoding.Utf8,
            GuestStringPassing.PointerAndLength, [], [], "no allocator", "WithGuestHeap()");

        Assert.Contains("HostSuppliedImports = [ ]", profile.ToString());
        Assert.Contains("Problem = no allocator, Option = WithGuestHeap()", profile.ToString());
    }
}
