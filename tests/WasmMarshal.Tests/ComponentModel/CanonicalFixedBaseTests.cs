using System;
using System.Linq;
using Wasmtime;
using WasmMarshal.Hosting;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// The canonical stubs on an engine whose memories never move (<see cref="WasmEngines.Create"/>), where the guest's
/// memory keeps its base and the last length seen: the guest's realloc grows memory during a call, and what the stubs
/// read and write after that must still be right.
/// </summary>
public sealed class CanonicalFixedBaseTests
{
    private static readonly Lazy<Engine> s_engine = new(() => WasmEngines.Create());

    [Theory]
    [InlineData(CanonicalGuests.C)]
    [InlineData(CanonicalGuests.Rust)]
    public void Calls_that_grow_memory_stay_right_when_the_base_is_kept(string name)
    {
        using var module = Module.FromFile(s_engine.Value, TestGuests.PathOf(name));
        var host = new TestHost();
        using var api = new CoreCanonicalApi(s_engine.Value, module, host);
        var memory = api.Guest.Memory;
        Assert.True(memory.BaseNeverMoves);
        nint baseAddress = memory.Memory.GetPointer();
        long before = memory.Memory.GetLength();

        // The host's prefix is lowered through realloc inside the host call, growing memory there; then the guest concatenates.
        host.PrefixText = new string('ß', 300_000);
        string text = new string('ü', 200_000);
        Assert.Equal(host.PrefixText + text, api.Greet(text));
        Assert.True(memory.Memory.GetLength() > before, "the call grew memory");
        Assert.Equal(baseAddress, memory.Memory.GetPointer());
        Assert.NotEmpty(host.Logged);

        long afterGreet = memory.Memory.GetLength();
        var bytes = Enumerable.Range(0, 3 << 20).Select(i => (byte)(i * 31 + 7)).ToArray(); // 3 MiB: realloc must grow memory
        var reversed = api.ReverseBytes(bytes);
        Array.Reverse(bytes);
        Assert.Equal(bytes, reversed);
        Assert.True(memory.Memory.GetLength() > afterGreet, "the call grew memory");
        Assert.Equal(baseAddress, memory.Memory.GetPointer());
    }
}
