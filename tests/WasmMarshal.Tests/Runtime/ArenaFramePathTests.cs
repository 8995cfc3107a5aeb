using System;
using System.Collections.Generic;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>
/// The call frame's own path for an arena used directly (not behind a wrapper, which the other tests use to count
/// buffers): it opens and closes the arena's scope inline and frees no buffer one by one. Each test checks the arena
/// is back to depth 0 and 0 bytes in use, and that the guest heap holds what it held before.
/// </summary>
public sealed class ArenaFramePathTests : IDisposable
{
    private readonly RecordingHost _host = new();
    private readonly WasmGuest _guest;
    private readonly ArenaAllocator _arena;
    private readonly IStrings _strings;
    private CountingAllocator? _heap;

    public ArenaFramePathTests()
    {
        _guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("marshal_test"))
            .WithTrapPolicy(TrapPolicy.Continue)
            .Export<IHostServices>(_host)
            .WithAllocator(GuestAllocatorSource.Arena(HostHeapRegion.GuestBlocks, 4 * 1024))
            .WithGuestHeap(GuestAllocatorSource.Custom(g =>
            {
                var mismatches = new List<BindingMismatch>();
                return _heap = new CountingAllocator(
                    GuestAllocatorSource.Malloc().TryCreate(g, mismatches) ?? throw new WasmBindingException("test heap", mismatches), g.Memory);
            }, "counting guest malloc"))
            .Instantiate();
        _ = _guest.GuestHeap;
        _arena = Assert.IsType<ArenaAllocator>(_guest.Allocator);
        _strings = _guest.Import<IStrings>();
    }

    public void Dispose() => _guest.Dispose();

    private void AssertArenaEmpty()
    {
        Assert.Equal(0, _arena.Depth);
        Assert.Equal(0ul, _arena.GetStatistics().BytesInUse);
    }

    [Fact]
    public void Arguments_only_close_the_scope_inline()
    {
        Assert.Equal(Fnv.Hash32("arena"u8), _strings.Fnv1a("arena"));
        AssertArenaEmpty();
        Assert.True(_strings.IsNull(null));
        AssertArenaEmpty();
    }

    [Fact]
    public void A_string_the_guest_returns_is_still_freed_into_the_guest_heap()
    {
        Assert.Equal("WARM", _strings.ToUpper("warm")); // the arena's first chunk comes from the guest heap here
        int live = _heap!.LiveCount;
        long freed = _heap.GuestBufferFrees;
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal("ABC" + i, _strings.ToUpper("abc" + i));
        }

        AssertArenaEmpty();
        // Each returned string went back to the guest heap: left to the arena's scope, they would leak there.
        Assert.Equal(live, _heap.LiveCount);
        Assert.Equal(freed + 50, _heap.GuestBufferFrees);
    }

    [Fact]
    public void A_call_whose_buffers_need_a_second_chunk_releases_both()
    {
        Assert.Equal(Fnv.Hash32("small"u8), _strings.Fnv1a("small")); // the first chunk, 4 KiB
        Assert.Single(_arena.Chunks());
        string large = new('x', 10_000); // does not fit: the arena takes a second chunk inside the call
        Assert.Equal(Fnv.Hash32(System.Text.Encoding.UTF8.GetBytes(large)), _strings.Fnv1a(large));
        Assert.Equal(2, _arena.Chunks().Count);
        AssertArenaEmpty();
        Assert.Equal(Fnv.Hash32("small"u8), _strings.Fnv1a("small"));
        AssertArenaEmpty();
    }

    [Fact]
    public void A_trap_in_the_call_still_closes_the_scope()
    {
        var relays = _guest.Import<IRelays>();
        _host.GreetingFactory = _ => throw new InvalidOperationException("no");
        Assert.Throws<WasmHostCallbackException>(() => relays.RelayGreeting("Ada"));
        AssertArenaEmpty();
        _host.GreetingFactory = name => "hi " + name;
        Assert.Equal("hi Ada", relays.RelayGreeting("Ada"));
        AssertArenaEmpty();
    }

    [Fact]
    public void Nested_calls_through_the_host_each_close_their_own_scope()
    {
        var relays = _guest.Import<IRelays>();
        int depthInside = -1;
        _host.GreetingFactory = name =>
        {
            depthInside = _arena.Depth;
            return _strings.ToUpper(name);
        };

        Assert.Equal("ADA", relays.RelayGreeting("ada"));
        Assert.Equal(1, depthInside);
        AssertArenaEmpty();
    }
}
