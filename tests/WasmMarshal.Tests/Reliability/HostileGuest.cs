using System;
using System.Collections.Generic;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Reliability;

/// <summary>The host side of the hostile guest's imports; each behaviour can be replaced by a test.</summary>
public sealed class HostileHost : IHostileHost
{
    public List<string> Logs { get; } = new();

    public List<long> Sums { get; } = new();

    public Func<int, byte[]> MakeFactory { get; set; } = count => new byte[count];

    /// <summary>Runs inside <see cref="Visit"/> before the buffer is rewritten: re-entrancy tests call the guest here.</summary>
    public Action? DuringVisit { get; set; }

    public void Log(string message) => Logs.Add(message);

    public void LogUtf16(string message) => Logs.Add(message);

    public long Sum(ReadOnlySpan<int> values)
    {
        long sum = 0;
        foreach (int v in values)
        {
            sum += v;
        }

        Sums.Add(sum);
        return sum;
    }

    public byte[] Make(int count) => MakeFactory(count);

    public void Visit(Span<byte> buffer)
    {
        DuringVisit?.Invoke();
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(buffer[i] ^ 0x5A);
        }
    }
}

/// <summary>How much of each allocator is in use at one moment.</summary>
/// <param name="GuestBlocks">Blocks live in the guest's own heap (counted by hostile.c's counted_malloc/counted_free).</param>
/// <param name="GuestBytes">Their usable bytes.</param>
/// <param name="ScratchLive">Live allocations the tracking scratch allocator knows of.</param>
/// <param name="ScratchBytes">Bytes in use in the scratch allocator (host heap or arena; the tracker's count otherwise).</param>
/// <param name="MallocLiveBuffers">Live buffers the <see cref="GuestMallocAllocator"/>s remember (the overlap check).</param>
public readonly record struct Usage(int GuestBlocks, uint GuestBytes, int ScratchLive, ulong ScratchBytes, int MallocLiveBuffers);

/// <summary>
/// An instance of hostile.wasm. The guest heap is the guest's counting malloc, and arguments go through
/// <paramref name="scratch"/> wrapped in a <see cref="TrackingAllocator"/>, so that a test can take a <see cref="Usage"/>
/// before a fault and check that everything is back to it afterwards.
/// </summary>
public sealed class HostileGuest : IDisposable
{
    private static readonly Lazy<Module> s_module = new(() => Module.FromFile(TestGuests.MovingEngine, TestGuests.PathOf("hostile")));

    /// <summary>The guest heap every hostile test uses: the counting malloc/free of hostile.c.</summary>
    public static GuestAllocatorSource CountedHeap => GuestAllocatorSource.Malloc("counted_malloc", "counted_free");

    private HostileGuest(WasmGuest guest, HostileHost host)
    {
        Guest = guest;
        Host = host;
        Scratch = (TrackingAllocator)guest.Allocator;
        Api = guest.Import<IHostile>();
    }

    public WasmGuest Guest { get; }

    public HostileHost Host { get; }

    public IHostile Api { get; }

    public TrackingAllocator Scratch { get; }

    /// <summary>hostile.wasm compiled once for the moving engine.</summary>
    public static Module MovingModule => s_module.Value;

    /// <summary>
    /// Instantiates hostile.wasm on <paramref name="engine"/> (the moving engine by default), with arguments going through
    /// <paramref name="scratch"/>; <paramref name="configureStore"/> runs before instantiation (fuel, epoch deadline, limits).
    /// </summary>
    public static HostileGuest Create(ScratchAllocator scratch = ScratchAllocator.GuestMalloc, TrapPolicy policy = TrapPolicy.Poison,
        Action<Store>? configureStore = null, Engine? engine = null, Module? module = null, HostileHost? host = null)
    {
        host ??= new HostileHost();
        var inner = scratch switch
        {
            ScratchAllocator.GuestMalloc => CountedHeap,
            ScratchAllocator.HostHeap => GuestAllocatorSource.HostHeap(HostHeapRegion.GuestBlocks, 64 * 1024),
            ScratchAllocator.HostHeapOnGrownPages => GuestAllocatorSource.HostHeap(HostHeapRegion.MemoryGrow, 64 * 1024),
            _ => GuestAllocatorSource.Arena(HostHeapRegion.GuestBlocks, 16 * 1024),
        };
        var builder = WasmGuest.Builder(engine ?? TestGuests.MovingEngine, module ?? MovingModule)
            .WithTrapPolicy(policy)
            .Export<IHostileHost>(host)
            .WithGuestHeap(CountedHeap)
            .WithAllocator(GuestAllocatorSource.Tracking(inner));
        if (configureStore is not null)
        {
            builder.ConfigureLinker((_, store) => configureStore(store));
        }

        var guest = builder.Instantiate();
        try
        {
            return new HostileGuest(guest, host);
        }
        catch
        {
            guest.Dispose();
            throw;
        }
    }

    /// <summary>What is in use now. Reads the guest's counters with raw calls, which work on a poisoned guest too.</summary>
    public Usage Usage()
    {
        int blocks = Guest.Instance.GetFunction<int>("heap_live_blocks")!();
        uint bytes = (uint)Guest.Instance.GetFunction<int>("heap_live_bytes")!();
        ulong scratchBytes = Scratch.Inner is IReportsStatistics stats
            ? stats.GetStatistics().BytesInUse
            : Scratch.GetStatistics().BytesInUse;
        int mallocLive = ((GuestMallocAllocator)Guest.GuestHeap).LiveBuffers
            + (Scratch.Inner is GuestMallocAllocator scratchMalloc ? scratchMalloc.LiveBuffers : 0);
        return new Usage(blocks, bytes, Scratch.Live.Count, scratchBytes, mallocLive);
    }

    /// <summary>
    /// Asserts that every allocator is back to <paramref name="baseline"/> (the guest heap may differ by
    /// <paramref name="guestBlocksLeakedByTheGuest"/> blocks the guest itself leaked), and that the host heap or arena
    /// behind the scratch allocator is consistent.
    /// </summary>
    public void AssertBackTo(Usage baseline, int guestBlocksLeakedByTheGuest = 0)
    {
        var now = Usage();
        Assert.True(Scratch.Live.Count == 0, "live scratch allocations: " + Scratch.LeakReport());
        Assert.Equal(baseline.ScratchBytes, now.ScratchBytes);
        Assert.Equal(baseline.MallocLiveBuffers, now.MallocLiveBuffers);
        switch (Scratch.Inner)
        {
            case HostHeapAllocator heap:
                heap.Heap.Validate();
                break;
            case ArenaAllocator arena:
                Assert.Equal(0, arena.Depth);
                break;
        }

        if (Scratch.Inner is GuestMallocAllocator or ArenaAllocator || guestBlocksLeakedByTheGuest != 0)
        {
            // The host heap on guest blocks may have reserved a new block during the call; it keeps it, so the guest
            // heap is compared only where the scratch allocator gives everything back to it.
            Assert.Equal(baseline.GuestBlocks + guestBlocksLeakedByTheGuest, now.GuestBlocks);
        }

        if (Scratch.Inner is GuestMallocAllocator && guestBlocksLeakedByTheGuest == 0)
        {
            Assert.Equal(baseline.GuestBytes, now.GuestBytes);
        }
    }

    /// <summary>Asserts the next call is refused with <see cref="WasmGuestPoisonedException"/> naming it and the first failure.</summary>
    public void AssertPoisonedBy(WasmCallException first)
    {
        Assert.True(Guest.IsPoisoned);
        Assert.Same(first, Guest.PoisonedBy);
        var refused = Assert.Throws<WasmGuestPoisonedException>(() => Api.Take("after the fault"));
        Assert.Equal("IHostile.Take", refused.Method);
        Assert.Same(first, refused.FirstFailure);
    }

    /// <summary>Asserts the guest is not poisoned and its next call works.</summary>
    public void AssertStillWorks()
    {
        Assert.False(Guest.IsPoisoned);
        Assert.Equal(Fnv.Hash32("after the fault"u8), Api.Take("after the fault"));
    }

    public void Dispose() => Guest.Dispose();
}
