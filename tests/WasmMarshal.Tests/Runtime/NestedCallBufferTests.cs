using System;
using System.Collections.Generic;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>
/// Calls that hold buffers while the guest calls the host, which calls the guest again with buffers of its own. The
/// frames of one guest keep their buffers on one shared stack (<c>Interop.CallBuffers</c>), so an inner call must
/// release exactly its own, and the outer call must still find, check and release its own afterwards.
/// </summary>
public sealed class NestedCallBufferTests
{
    public static TheoryData<ScratchAllocator> Allocators => new()
    {
        ScratchAllocator.GuestMalloc,
        ScratchAllocator.HostHeap,
        ScratchAllocator.Arena,
    };

    [Theory]
    [MemberData(nameof(Allocators))]
    public void Nested_calls_with_buffers_each_release_their_own(ScratchAllocator scratch)
    {
        var host = new RecordingHost();
        using var test = TestGuests.MarshalTest(host, scratch);
        var relays = test.Guest.Import<IRelays>();
        var strings = test.Guest.Import<IStrings>();
        int heapBlocks = WarmUp(test, strings);
        var liveDuringInner = new List<int>();

        // relay_greeting(name) holds the name and its return area while host_greeting runs; the host calls the guest
        // twice more from there (a string in, a string back), and at the first level once more through relay_greeting.
        host.GreetingFactory = name =>
        {
            liveDuringInner.Add(test.Scratch.LiveCount);
            string upper = strings.ToUpper(name);
            string nested = name.Length < 12 ? relays.RelayGreeting(name + "-inner") : "bottom";
            Assert.Equal(Fnv.Hash32(System.Text.Encoding.UTF8.GetBytes(name)), strings.Fnv1a(name));
            return $"{upper}|{nested}";
        };

        string result = relays.RelayGreeting("ada");

        Assert.Equal("ADA|ADA-INNER|ADA-INNER-INNER|bottom", result);
        // Each open relay_greeting holds its name and its return area: 2 at the first level, 4 and 6 below it.
        Assert.Equal([2, 4, 6], liveDuringInner);
        Assert.Equal(0, test.Scratch.LiveCount);
        Assert.Equal(heapBlocks, test.Heap.LiveCount);
    }

    [Theory]
    [MemberData(nameof(Allocators))]
    public void A_failing_inner_call_leaves_the_outer_calls_buffers_to_the_outer_call(ScratchAllocator scratch)
    {
        var host = new RecordingHost();
        using var test = TestGuests.MarshalTest(host, scratch, TrapPolicy.Continue);
        var relays = test.Guest.Import<IRelays>();
        var strings = test.Guest.Import<IStrings>();
        int heapBlocks = WarmUp(test, strings);
        int liveAfterInnerFailed = -1;
        host.GreetingFactory = name =>
        {
            // An inner call whose result the guest gets wrong: invalid UTF-8 comes back, after the inner call took
            // buffers of its own (the return area); the outer call's buffers must survive the inner one's cleanup.
            var inner = Assert.Throws<WasmGuestDataException>(() => strings.MakeInvalidUtf8());
            Assert.Equal("IStrings.MakeInvalidUtf8", inner.Method);
            liveAfterInnerFailed = test.Scratch.LiveCount;
            return "still " + strings.ToUpper(name);
        };

        Assert.Equal("still ADA", relays.RelayGreeting("ada"));
        Assert.Equal(2, liveAfterInnerFailed);
        Assert.Equal(0, test.Scratch.LiveCount);
        Assert.Equal(heapBlocks, test.Heap.LiveCount);
    }

    [Theory]
    [MemberData(nameof(Allocators))]
    public void A_host_exception_two_levels_down_releases_every_level(ScratchAllocator scratch)
    {
        var host = new RecordingHost();
        using var test = TestGuests.MarshalTest(host, scratch, TrapPolicy.Continue);
        var relays = test.Guest.Import<IRelays>();
        int heapBlocks = WarmUp(test, test.Guest.Import<IStrings>());
        var thrown = new InvalidOperationException("deep");
        host.GreetingFactory = name => name.Length < 8 ? relays.RelayGreeting(name + "+") : throw thrown;

        var error = Assert.Throws<WasmHostCallbackException>(() => relays.RelayGreeting("ada"));

        Assert.Equal(0, test.Scratch.LiveCount);
        Assert.Equal(heapBlocks, test.Heap.LiveCount);
        Assert.Same(thrown, Innermost(error));
    }

    /// <summary>
    /// One call first, so that a host heap or arena has taken its region from the guest's malloc (a block that stays
    /// live): returns the guest heap's live blocks after it, which every later check compares with.
    /// </summary>
    private static int WarmUp(TestGuest test, IStrings strings)
    {
        Assert.Equal("WARM", strings.ToUpper("warm"));
        return test.Heap.LiveCount;
    }

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is { } inner)
        {
            error = inner;
        }

        return error;
    }
}
