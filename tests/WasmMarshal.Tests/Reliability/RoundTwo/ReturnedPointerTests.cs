using System;
using System.Linq;
using System.Runtime.InteropServices;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Reliability.RoundTwo;

/// <summary>What guests/c/hostile_returns.c exports.</summary>
[WasmImport]
public partial interface IHostileReturns
{
    string EchoAlias(string text);
    string EchoStatic(string text);
    string EchoArea(string text);
    string EchoTail(string text);
    string EchoCopy(string text);
    int[] SliceAlias(ReadOnlySpan<int> values);
    bool[] OddBools();
    void EnterThenSpin();
    Flagged OddFlagged();
    void OddOuter(out OuterFlagged value);
    void OddBool(out bool value);
}

public struct Flagged
{
    public int Id;
    [MarshalAs(UnmanagedType.U1)] public bool Flag;
    [MarshalAs(UnmanagedType.U1)] public bool Second;
    [MarshalAs(UnmanagedType.U1)] public bool Third;
}

public struct OuterFlagged
{
    public Flagged Inner;
    [MarshalAs(UnmanagedType.U1)] public bool Last;
}

/// <summary>What guests/c/hostile_returns.c imports: a signal that a call is running.</summary>
[WasmExport("env")]
public partial interface IReturnsHost
{
    void Entered();
}

/// <summary>Runs <see cref="OnEntered"/> when the guest says it started.</summary>
public sealed class ReturnsHost : IReturnsHost
{
    public Action? OnEntered { get; set; }

    public void Entered() => OnEntered?.Invoke();
}

/// <summary>
/// A guest that returns memory that is not its heap's to give (its own argument, static data, the return area, part of
/// an argument) must get a <see cref="WasmGuestDataException"/> naming the method and <c>return</c>, and the pointer
/// must never be freed: freeing it corrupted dlmalloc (a later call overwrote 3,008 of 4,000 bytes) or double-freed.
/// </summary>
public sealed class ReturnedPointerTests
{
    public enum Scratch
    {
        GuestMalloc,
        HostHeap,
        Arena,
    }

    internal static WasmGuest Create(Scratch scratch)
    {
        var builder = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("hostile_returns")).Export<IReturnsHost>(new ReturnsHost());
        builder = scratch switch
        {
            Scratch.HostHeap => builder.WithAllocator(GuestAllocatorSource.HostHeap(HostHeapRegion.GuestBlocks, 64 * 1024)),
            Scratch.Arena => builder.WithAllocator(GuestAllocatorSource.Arena(HostHeapRegion.GuestBlocks, 16 * 1024)),
            _ => builder,
        };
        return builder.Instantiate();
    }

    public static TheoryData<Scratch, string> Cases()
    {
        var data = new TheoryData<Scratch, string>();
        foreach (var scratch in Enum.GetValues<Scratch>())
        {
            foreach (var method in new[] { "EchoAlias", "EchoStatic", "EchoArea", "EchoTail" })
            {
                data.Add(scratch, method);
            }
        }

        return data;
    }

    private static string Call(IHostileReturns api, string method, string text) => method switch
    {
        "EchoAlias" => api.EchoAlias(text),
        "EchoStatic" => api.EchoStatic(text),
        "EchoArea" => api.EchoArea(text),
        "EchoTail" => api.EchoTail(text),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_result_that_is_not_new_guest_heap_memory_is_rejected_and_never_freed(Scratch scratch, string method)
    {
        using var guest = Create(scratch);
        var api = guest.Import<IHostileReturns>();
        string text = new string('x', 4000);

        var error = Assert.Throws<WasmGuestDataException>(() => Call(api, method, text));
        Assert.Equal("IHostileReturns." + method, error.Method);
        Assert.Equal("return", error.Parameter);
        Assert.Contains("it is not freed", error.Message);

        // The heaps are intact: a well-behaved call with large strings still round-trips exactly, many times over.
        for (int i = 0; i < 50; i++)
        {
            string payload = string.Concat(Enumerable.Range(0, 4000).Select(k => (char)('a' + (k + i) % 26)));
            Assert.Equal(payload, api.EchoCopy(payload));
        }

        AssertScratchIsBackToEmpty(guest);
    }

    [Theory]
    [InlineData(Scratch.GuestMalloc)]
    [InlineData(Scratch.HostHeap)]
    [InlineData(Scratch.Arena)]
    public void An_array_result_that_is_the_argument_span_is_rejected(Scratch scratch)
    {
        using var guest = Create(scratch);
        var api = guest.Import<IHostileReturns>();
        var error = Assert.Throws<WasmGuestDataException>(() => api.SliceAlias(new[] { 1, 2, 3, 4 }));
        Assert.Equal("IHostileReturns.SliceAlias", error.Method);
        Assert.Equal("return", error.Parameter);
        Assert.Contains("parameter 'values'", error.Message);
        Assert.Equal("abc", api.EchoCopy("abc"));
        AssertScratchIsBackToEmpty(guest);
    }

    [Fact]
    public void Bool_bytes_other_than_0_and_1_in_a_returned_array_are_normalised()
    {
        using var guest = Create(Scratch.GuestMalloc);
        var bools = guest.Import<IHostileReturns>().OddBools();
        Assert.Equal(new[] { false, true, true, true }, bools);
        Assert.True(bools[2].Equals(true));
        Assert.True(bools[3] == true && bools[3].GetHashCode() == true.GetHashCode());
    }

    [Fact]
    public void Bool_fields_of_returned_and_out_structs_and_out_bools_are_normalised()
    {
        using var guest = Create(Scratch.GuestMalloc);
        var api = guest.Import<IHostileReturns>();

        var flagged = api.OddFlagged();
        Assert.Equal(7, flagged.Id);
        Assert.True(flagged.Flag.Equals(true) && flagged.Second.Equals(true) && flagged.Third.Equals(true));
        Assert.Equal(new Flagged { Id = 7, Flag = true, Second = true, Third = true }, flagged);

        api.OddOuter(out var outer);
        Assert.Equal(new OuterFlagged { Inner = new Flagged { Id = 8, Flag = true, Second = false, Third = true }, Last = true }, outer);

        api.OddBool(out bool value);
        Assert.True(value.Equals(true));
        Assert.Equal(1, System.Runtime.CompilerServices.Unsafe.As<bool, byte>(ref value));
    }

    private static void AssertScratchIsBackToEmpty(WasmGuest guest)
    {
        switch (guest.Allocator)
        {
            case HostHeapAllocator heap:
                Assert.Equal(0, heap.Heap.LiveAllocations);
                break;
            case ArenaAllocator arena:
                Assert.Equal(0, arena.Depth);
                Assert.Equal(0ul, arena.GetStatistics().BytesInUse);
                break;
        }
    }
}
