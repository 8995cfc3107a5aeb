using System.Linq;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>Statistics per allocator, and the debug mode that names the stub method and parameter of every allocation.</summary>
public sealed class AllocationTrackingTests
{
    private static WasmGuest Guest(RecordingHost host, GuestAllocatorSource scratch) =>
        WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("marshal_test"))
            .Export<IHostServices>(host)
            .WithAllocator(scratch)
            .Instantiate();

    [Fact]
    public void Live_allocations_are_attributed_to_the_stub_method_and_parameter()
    {
        var host = new RecordingHost();
        using var guest = Guest(host, GuestAllocatorSource.Tracking(GuestAllocatorSource.HostHeap()));
        var tracking = Assert.IsType<TrackingAllocator>(guest.Allocator);
        LiveAllocation[] duringCall = [];
        host.GreetingFactory = name =>
        {
            duringCall = tracking.Live.ToArray(); // inside the guest call: the stub's buffers are alive
            return "hi " + name;
        };

        Assert.Equal("hi Ada", guest.Import<IRelays>().RelayGreeting("Ada"));

        Assert.Equal(2, duringCall.Length);
        Assert.Contains(duringCall, a => a is { Method: "IRelays.RelayGreeting", Parameter: "name", Size: 3 });
        Assert.Contains(duringCall, a => a is { Method: "IRelays.RelayGreeting", Parameter: "return", Size: 8 });
        Assert.Empty(tracking.Live);
        Assert.Equal($"no live allocations in {tracking.Name}", tracking.LeakReport());
    }

    [Fact]
    public void The_leak_report_lists_what_stayed_alive()
    {
        using var guest = Guest(new RecordingHost(), GuestAllocatorSource.Tracking(GuestAllocatorSource.HostHeap()));
        var tracking = (TrackingAllocator)guest.Allocator;
        uint kept = tracking.Allocate(100, 8, "MyHost.CacheFrame", "frame");
        tracking.Allocate(20, 4, "MyHost.CacheFrame", "frame");
        guest.Import<IStrings>().ToUpper("no leak here");

        string report = tracking.LeakReport();
        Assert.StartsWith("2 live allocations (120 bytes) in host heap", report);
        Assert.Contains("MyHost.CacheFrame (frame): 2 x, 120 bytes at 0x" + kept.ToString("X8"), report);
        Assert.DoesNotContain("IStrings", report);
    }

    [Fact]
    public void Statistics_track_use_peak_and_fragmentation()
    {
        using var guest = Guest(new RecordingHost(), GuestAllocatorSource.HostHeap(HostHeapRegion.GuestBlocks, 64 * 1024));
        var heap = (HostHeapAllocator)guest.Allocator;
        var blocks = Enumerable.Range(0, 20).Select(_ => heap.Allocate(1000, 8)).ToList();
        var full = heap.GetStatistics();
        Assert.Equal(20, full.LiveAllocations);
        Assert.Equal(20 * 1000ul, full.BytesInUse);
        Assert.Equal(full.ManagedBytes, full.BytesInUse + full.FreeBytes);

        for (int i = 0; i < blocks.Count; i += 2)
        {
            heap.Free(blocks[i], 1000, 8);
        }

        var holes = heap.GetStatistics();
        Assert.Equal(10 * 1000ul, holes.BytesInUse);
        Assert.Equal(20 * 1000ul, holes.PeakBytesInUse);
        Assert.True(holes.Fragmentation > 0, "ten separate holes are fragmentation");

        for (int i = 1; i < blocks.Count; i += 2)
        {
            heap.Free(blocks[i], 1000, 8);
        }

        var empty = heap.GetStatistics();
        Assert.Equal(0ul, empty.BytesInUse);
        Assert.Equal(0.0, empty.Fragmentation);
        Assert.Equal(20, empty.AllocationCount);
    }

    [Fact]
    public void The_arena_releases_a_whole_scope_at_once()
    {
        using var guest = Guest(new RecordingHost(), GuestAllocatorSource.Arena());
        var arena = Assert.IsType<ArenaAllocator>(guest.Allocator);
        using (var scratch = arena.Scope())
        {
            uint a = scratch.Allocate(100);
            uint b = scratch.Allocate(100_000); // larger than a chunk: the arena grows
            Assert.NotEqual(a, b);
            Assert.True(arena.GetStatistics().BytesInUse >= 100_100);

            // A stub call inside the user scope nests its own scope and leaves the user's allocations alone.
            Assert.Equal("NESTED", guest.Import<IStrings>().ToUpper("nested"));
            Assert.True(arena.GetStatistics().BytesInUse >= 100_100);
        }

        Assert.Equal(0ul, arena.GetStatistics().BytesInUse);
        Assert.Equal(0, arena.Depth);
        Assert.Throws<System.InvalidOperationException>(() => arena.Allocate(8, 8));
    }
}
