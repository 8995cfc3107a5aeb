using System;
using Wasmtime;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>Traps, host exceptions and hostile pointers: typed errors naming the method, nothing leaked.</summary>
public abstract class FaultTests : IDisposable
{
    private readonly WasmGuest _guest;
    private readonly TestGuest _fixture;
    private readonly CountingAllocator _allocator;
    private readonly CountingAllocator _heap;
    private readonly RecordingHost _host = new();
    private readonly IScalars _scalars;
    private readonly IRelays _relays;

    protected FaultTests(ScratchAllocator scratch)
    {
        _fixture = TestGuests.MarshalTest(_host, scratch);
        (_guest, _allocator, _heap) = (_fixture.Guest, _fixture.Scratch, _fixture.Heap);
        _scalars = _guest.Import<IScalars>();
        _relays = _guest.Import<IRelays>();
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void A_trap_is_a_typed_exception_naming_the_method_and_poisons_the_guest()
    {
        var error = Assert.Throws<WasmTrapException>(() => _scalars.Divide(1, 0));
        Assert.Equal("IScalars.Divide", error.Method);
        Assert.Equal(TrapCode.IntegerDivisionByZero, error.Code);
        Assert.IsType<TrapException>(error.InnerException);
        Assert.Same(error, _guest.PoisonedBy);

        var poisoned = Assert.Throws<WasmGuestPoisonedException>(() => _scalars.AddI32(1, 2));
        Assert.Equal("IScalars.AddI32", poisoned.Method);
        Assert.Same(error, poisoned.FirstFailure);
        Assert.Throws<WasmGuestPoisonedException>(() => _relays.RelayGreeting("no allocation happens"));
    }

    [Fact]
    public void Under_the_continue_policy_the_guest_is_called_again_after_a_trap()
    {
        using var test = TestGuests.MarshalTest(trapPolicy: TrapPolicy.Continue);
        var scalars = test.Guest.Import<IScalars>();
        Assert.Equal(TrapCode.Unreachable, Assert.Throws<WasmTrapException>(() => scalars.DoTrap()).Code);
        Assert.False(test.Guest.IsPoisoned);
        Assert.Equal(3, scalars.Divide(7, 2));
    }

    [Fact]
    public void A_host_exception_is_the_inner_exception_and_the_arguments_are_freed()
    {
        var thrown = new InvalidOperationException("no greetings today");
        _host.GreetingFactory = _ => throw thrown;
        var error = Assert.Throws<WasmHostCallbackException>(() => _relays.RelayGreeting("Ada"));
        Assert.Equal("IRelays.RelayGreeting", error.Method);
        Assert.Same(thrown, error.InnerException);
        Assert.Equal(0, _allocator.LiveCount);
        Assert.True(_guest.IsPoisoned, "the guest was trapped in the middle of relay_greeting");
    }

    [Theory]
    [InlineData(0xFFFF_FFF0u, 100u)] // past the end of memory
    [InlineData(16u, 0xFFFF_FFFFu)] // ptr + len wraps past 2^32
    [InlineData(0x7FFF_FFFFu, 0x8000_0002u)] // wraps, with both halves plausible on their own
    [InlineData(1024u, 0x1000_0000u)] // longer than memory
    public void An_out_of_bounds_pointer_from_the_guest_traps_it_with_the_method_and_parameter(uint ptr, uint len)
    {
        var error = Assert.Throws<WasmHostCallbackException>(() => _relays.RelayLogRaw(ptr, len));
        var bounds = Assert.IsType<WasmGuestMemoryException>(error.InnerException);
        Assert.Equal("IHostServices.Log", bounds.Method);
        Assert.Equal("message", bounds.Parameter);
        Assert.Equal(ptr, bounds.Address);
        Assert.Equal(len, bounds.Length);
        Assert.Empty(_host.Logs);
    }

    [Fact]
    public void Invalid_utf8_sent_to_the_host_is_rejected_not_replaced()
    {
        var error = Assert.Throws<WasmHostCallbackException>(() => _relays.RelayLogInvalidUtf8());
        var data = Assert.IsType<WasmGuestDataException>(error.InnerException);
        Assert.Equal("IHostServices.Log", data.Method);
        Assert.Empty(_host.Logs);
    }
}

public sealed class FaultTestsOnGuestMalloc() : FaultTests(ScratchAllocator.GuestMalloc)
{
}

public sealed class FaultTestsOnHostHeap() : FaultTests(ScratchAllocator.HostHeap)
{
}

public sealed class FaultTestsOnHostHeapPages() : FaultTests(ScratchAllocator.HostHeapOnGrownPages)
{
}

public sealed class FaultTestsOnArena() : FaultTests(ScratchAllocator.Arena)
{
}
