using System;
using System.Runtime.CompilerServices;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>
/// <see cref="GuestMemory"/> reads the base and size through the C API directly (docs/performance.md); it must agree
/// with Wasmtime .NET's public API at every moment, including after the base moved.
/// </summary>
public sealed class DirectMemoryAccessTests
{
    [Fact]
    public unsafe void Views_agree_with_the_public_api_before_and_after_the_base_moves()
    {
        using var fixture = TestGuests.MarshalTest();
        var memory = fixture.Guest.Memory;
        Assert.True(memory.UsesDirectNativeAccess, "Wasmtime .NET 50.0.1 has the internals the direct path needs.");
        var scalars = fixture.Guest.Import<IScalars>();

        for (int grow = 0; grow < 3; grow++)
        {
            nint before = memory.Memory.GetPointer();
            var view = memory.View();
            var expected = new Span<byte>((void*)memory.Memory.GetPointer(), 16);
            Assert.Equal((ulong)memory.Memory.GetLength(), view.Length);
            Assert.Equal((ulong)memory.Memory.GetLength(), memory.Length);
            Assert.True(Unsafe.AreSame(ref expected[0], ref view.Bytes(0, 16, "test", "base")[0]));

            scalars.GrowMemory(1);
            Assert.NotEqual(before, memory.Memory.GetPointer()); // the moving engine: the cached base would be stale
        }
    }

    [Fact]
    public void A_view_after_the_store_is_disposed_is_refused_not_read_from_freed_memory()
    {
        var fixture = TestGuests.MarshalTest();
        var memory = fixture.Guest.Memory;
        fixture.Dispose();
        Assert.Throws<ObjectDisposedException>(() => memory.View().Length);
        Assert.Throws<ObjectDisposedException>(() => memory.Length);
    }
}
