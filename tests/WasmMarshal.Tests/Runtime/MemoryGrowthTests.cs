using System;
using System.Linq;
using System.Text;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>
/// Growth inside calls, with an engine on which the memory base moves on every grow. Content is checked byte for byte;
/// a stub that kept a span across a guest call would read or write freed host memory here.
/// </summary>
public abstract class MemoryGrowthTests : IDisposable
{
    private readonly WasmGuest _guest;
    private readonly TestGuest _fixture;
    private readonly CountingAllocator _allocator;
    private readonly CountingAllocator _heap;
    private readonly RecordingHost _host = new();
    private readonly ISpans _spans;
    private readonly IScalars _scalars;

    protected MemoryGrowthTests(ScratchAllocator scratch)
    {
        _fixture = TestGuests.MarshalTest(_host, scratch);
        (_guest, _allocator, _heap) = (_fixture.Guest, _fixture.Scratch, _fixture.Heap);
        _spans = _guest.Import<ISpans>();
        _scalars = _guest.Import<IScalars>();
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void The_test_engine_really_moves_the_base()
    {
        nint before = TestGuests.BaseAddress(_guest);
        _scalars.GrowMemory(1);
        Assert.NotEqual(before, TestGuests.BaseAddress(_guest));
    }

    [Fact]
    public void Malloc_growing_memory_while_a_large_string_and_span_are_marshalled()
    {
        // 3 MiB of text then 2 MiB of bytes: the guest's malloc must grow memory for each, after the first buffer exists.
        var text = string.Concat(Enumerable.Repeat("ünïcødé ✓ text 😀 ", 3 * 1024 * 1024 / 24));
        var data = Enumerable.Range(0, 2 * 1024 * 1024).Select(i => (byte)(i * 131 + 7)).ToArray();
        int pagesBefore = _scalars.MemoryPages();
        nint baseBefore = TestGuests.BaseAddress(_guest);

        ulong digest = _spans.Digest(text, data);

        Assert.Equal(Fnv.Hash64(data, Fnv.Hash64(Encoding.UTF8.GetBytes(text))), digest);
        Assert.True(_scalars.MemoryPages() > pagesBefore + 70, "the guest should have grown by more than 5 MiB");
        Assert.NotEqual(baseBefore, TestGuests.BaseAddress(_guest));
    }

    [Fact]
    public void A_result_read_after_the_guest_grew_memory_during_the_call()
    {
        var data = Enumerable.Range(0, 300_000).Select(i => (byte)(i ^ (i >> 8))).ToArray();
        nint baseBefore = TestGuests.BaseAddress(_guest);
        var echo = _spans.GrowThenEcho(data, 40);
        Assert.Equal(data, echo);
        Assert.NotEqual(baseBefore, TestGuests.BaseAddress(_guest));
    }

    [Fact]
    public void A_large_span_is_copied_back_after_growth_in_the_same_call()
    {
        var buffer = new byte[1 << 20];
        _spans.FillPattern(buffer, 9);
        Assert.True(buffer.Select((b, i) => b == (byte)(i * 31 + 9)).All(ok => ok));
    }

    [Fact]
    public void A_host_callback_that_re_enters_the_guest_and_grows_memory()
    {
        var relays = _guest.Import<IRelays>();
        nint baseBefore = 0;
        _host.BeforeFill = () =>
        {
            baseBefore = TestGuests.BaseAddress(_guest);
            _scalars.GrowMemory(30);
        };

        var expected = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7 + 3)).ToArray();
        Assert.Equal(Fnv.Hash64(expected), relays.RelayFill(200_000));
        Assert.NotEqual(baseBefore, TestGuests.BaseAddress(_guest));
    }
}

public sealed class MemoryGrowthTestsOnGuestMalloc() : MemoryGrowthTests(ScratchAllocator.GuestMalloc)
{
}

public sealed class MemoryGrowthTestsOnHostHeap() : MemoryGrowthTests(ScratchAllocator.HostHeap)
{
}

public sealed class MemoryGrowthTestsOnHostHeapPages() : MemoryGrowthTests(ScratchAllocator.HostHeapOnGrownPages)
{
}

public sealed class MemoryGrowthTestsOnArena() : MemoryGrowthTests(ScratchAllocator.Arena)
{
}
