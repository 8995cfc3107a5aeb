using WasmMarshal.Allocators;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>
/// <see cref="TrackingAllocator.LeakReport"/> goes into logs and test failure messages: when nothing leaked it says so
/// (an empty string printed nothing, and read as if the report were missing).
/// </summary>
public sealed class LeakReportTests
{
    [Fact]
    public void With_nothing_alive_the_report_says_that_nothing_leaked_and_where()
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("marshal_test"))
            .Export<IHostServices>(new RecordingHost())
            .WithAllocator(GuestAllocatorSource.Tracking(GuestAllocatorSource.HostHeap()))
            .Instantiate();
        var tracking = Assert.IsType<TrackingAllocator>(guest.Allocator);

        Assert.Empty(tracking.Live);
        Assert.Equal($"no live allocations in {tracking.Name}", tracking.LeakReport());
    }
}
