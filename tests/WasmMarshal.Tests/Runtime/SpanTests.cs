using System;
using System.Linq;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>Spans and arrays in, spans copied back, arrays returned, in both directions.</summary>
public abstract class SpanTests : IDisposable
{
    private readonly WasmGuest _guest;
    private readonly TestGuest _fixture;
    private readonly CountingAllocator _allocator;
    private readonly CountingAllocator _heap;
    private readonly RecordingHost _host = new();
    private readonly ISpans _spans;
    private readonly IRelays _relays;

    protected SpanTests(ScratchAllocator scratch)
    {
        _fixture = TestGuests.MarshalTest(_host, scratch);
        (_guest, _allocator, _heap) = (_fixture.Guest, _fixture.Scratch, _fixture.Heap);
        _spans = _guest.Import<ISpans>();
        _relays = _guest.Import<IRelays>();
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Read_only_spans_and_arrays_arrive_whole()
    {
        var values = Enumerable.Range(-500, 1000).Select(i => i * 1_000_003).ToArray();
        Assert.Equal(values.Sum(v => (long)v), _spans.SumI32(values));
        Assert.Equal(0, _spans.SumI32(ReadOnlySpan<int>.Empty));
        Assert.Equal(0.0, _spans.SumF64(null));
        Assert.Equal(0.0, _spans.SumF64(Array.Empty<double>()));
        Assert.Equal(6.75, _spans.SumF64(new[] { 1.25, 2.5, 3.0 }));
        Assert.Equal(3u, _spans.CountNonzero(new byte[] { 0, 1, 0, 2, 3, 0 }));
    }

    [Fact]
    public void Empty_sequences_allocate_nothing()
    {
        long before = _allocator.Allocations;
        _spans.SumI32(ReadOnlySpan<int>.Empty);
        _spans.SumF64(null);
        Assert.Equal(before, _allocator.Allocations);
    }

    [Fact]
    public void Spans_are_copied_back_after_the_call()
    {
        float[] values = { 1, -2, 3.5f };
        _spans.ScaleInPlace(values, 2);
        Assert.Equal(new float[] { 2, -4, 7 }, values);

        var buffer = new byte[4096];
        _spans.FillPattern(buffer, 5);
        Assert.All(Enumerable.Range(0, buffer.Length), i => Assert.Equal((byte)(i * 31 + 5), buffer[i]));
    }

    [Fact]
    public void Arrays_returned_by_the_guest_are_copied_and_freed()
    {
        Assert.Equal(new[] { 5, 6, 7, 8 }, _spans.RangeI32(5, 4));
        Assert.Empty(_spans.RangeI32(1, 0));
        var grid = _spans.Vec3Grid(3);
        Assert.Equal(9, grid.Length);
        Assert.Equal(new Vec3(2, 1, 2), grid[2 * 3 + 1]);
        Assert.Equal(2, _heap.GuestBufferFrees);
    }

    [Fact]
    public void Spans_and_arrays_cross_from_guest_to_host()
    {
        Assert.Equal(6, _relays.RelaySum(new[] { 1, 2, 3 }));
        Assert.Equal(new[] { 1, 2, 3 }, Assert.Single(_host.Received));
        Assert.Equal(0, _relays.RelaySum(ReadOnlySpan<int>.Empty));

        var expected = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7 + 3)).ToArray();
        Assert.Equal(Fnv.Hash64(expected), _relays.RelayFill(1000));

        Assert.Equal(new[] { 0, 1, 4, 9, 16 }, _relays.RelayMakeRange(5));
        Assert.Empty(_relays.RelayMakeRange(0));
    }
}

public sealed class SpanTestsOnGuestMalloc() : SpanTests(ScratchAllocator.GuestMalloc)
{
}

public sealed class SpanTestsOnHostHeap() : SpanTests(ScratchAllocator.HostHeap)
{
}

public sealed class SpanTestsOnHostHeapPages() : SpanTests(ScratchAllocator.HostHeapOnGrownPages)
{
}

public sealed class SpanTestsOnArena() : SpanTests(ScratchAllocator.Arena)
{
}
