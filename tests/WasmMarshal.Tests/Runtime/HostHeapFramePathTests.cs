using System;
using System.Linq;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>
/// The call frame's own path for the host heap used directly (the other tests wrap it to count buffers): it allocates
/// and frees through the heap without an exception handler and skips the heap's scope.
/// </summary>
public sealed class HostHeapFramePathTests : IDisposable
{
    private readonly RecordingHost _host = new();
    private readonly WasmGuest _guest;
    private readonly HostHeapAllocator _heap;
    private readonly IStrings _strings;

    public HostHeapFramePathTests()
    {
        _guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("marshal_test"))
            .WithTrapPolicy(TrapPolicy.Continue)
            .Export<IHostServices>(_host)
            .WithAllocator(GuestAllocatorSource.HostHeap(HostHeapRegion.GuestBlocks, 64 * 1024))
            .Instantiate();
        _heap = Assert.IsType<HostHeapAllocator>(_guest.Allocator);
        _strings = _guest.Import<IStrings>();
    }

    public void Dispose() => _guest.Dispose();

    private void AssertHeapEmpty()
    {
        _heap.Heap.Validate();
        Assert.Equal(0, _heap.Heap.LiveAllocations);
        Assert.Equal(0ul, _heap.GetStatistics().BytesInUse);
    }

    [Fact]
    public void The_host_heaps_scope_is_the_interfaces_default_which_the_frame_skips()
    {
        // The frame does not call EnterScope/ExitScope on the host heap. Should the heap ever implement them, this
        // fails, and the frame must call them again.
        var map = typeof(HostHeapAllocator).GetInterfaceMap(typeof(IGuestAllocator));
        foreach (string name in new[] { nameof(IGuestAllocator.EnterScope), nameof(IGuestAllocator.ExitScope) })
        {
            int slot = Array.FindIndex(map.InterfaceMethods, m => m.Name == name);
            Assert.Equal(typeof(IGuestAllocator), map.TargetMethods[slot].DeclaringType);
        }
    }

    [Fact]
    public void Arguments_returned_strings_and_nested_calls_all_go_back_to_the_heap()
    {
        var relays = _guest.Import<IRelays>();
        _host.GreetingFactory = name => _strings.ToUpper(name) + _strings.Concat("!", name);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal($"ADA{i}!ada{i}", relays.RelayGreeting("ada" + i));
            Assert.Equal(Fnv.Hash32(System.Text.Encoding.UTF8.GetBytes("x" + i)), _strings.Fnv1a("x" + i));
        }

        AssertHeapEmpty();
    }

    [Fact]
    public void A_buffer_freed_behind_the_stubs_back_is_reported_and_the_others_are_still_freed()
    {
        var relays = _guest.Import<IRelays>();
        uint stolen = 0;
        _host.GreetingFactory = name =>
        {
            // Host code that frees the call's name buffer (the smallest live block) while the call holds it.
            var live = _heap.Heap.Blocks().Where(b => !b.IsFree).OrderBy(b => b.Size).First();
            stolen = live.Address;
            _heap.Free(live.Address, live.Size, 1);
            return "hi " + name;
        };

        var error = Assert.Throws<WasmCleanupException>(() => relays.RelayGreeting("Ada"));

        Assert.Equal("IRelays.RelayGreeting", error.Method);
        var failure = Assert.Single(error.Failures);
        Assert.Contains("parameter 'name'", failure.Message);
        Assert.Contains($"0x{stolen:X8}", failure.Message);
        AssertHeapEmpty(); // the return area was still freed
        _host.GreetingFactory = name => "hi " + name;
        Assert.Equal("hi Ada", relays.RelayGreeting("Ada"));
        AssertHeapEmpty();
    }

    [Fact]
    public void A_buffer_freed_behind_the_stubs_back_in_a_call_that_returns_none_is_reported_too()
    {
        // relay_log returns nothing, so the frame frees through its handler-free path, which must hand the refused
        // buffer to the reporting path rather than drop it.
        var relays = _guest.Import<IRelays>();
        uint stolen = 0;
        _host.OnLog = _ =>
        {
            var live = Assert.Single(_heap.Heap.Blocks(), b => !b.IsFree);
            stolen = live.Address;
            _heap.Free(live.Address, live.Size, 1);
        };

        var error = Assert.Throws<WasmCleanupException>(() => relays.RelayLog("hello"));

        Assert.Equal("IRelays.RelayLog", error.Method);
        Assert.Contains($"parameter 'message' at 0x{stolen:X8}", Assert.Single(error.Failures).Message);
        Assert.Equal(["hello"], _host.Logs);
        AssertHeapEmpty();
        _host.OnLog = null;
        relays.RelayLog("again");
        AssertHeapEmpty();
    }
}
