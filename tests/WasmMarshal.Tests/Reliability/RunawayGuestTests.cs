using System;
using System.Diagnostics;
using System.Threading;
using Wasmtime;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Reliability;

/// <summary>
/// Guests that never return: stopped by fuel (<see cref="WasmFuelExhaustedException"/>) or by an epoch deadline
/// (<see cref="WasmDeadlineExceededException"/>), two distinct types. Both are traps, so they poison the guest under the
/// default policy. The engines are made once; each has the moving-memory settings of <see cref="TestGuests.MovingEngine"/>.
/// </summary>
/// <remarks>
/// Every test that increments the epoch engine's epoch is in this class, whose tests xunit runs one at a time: an epoch
/// tick reaches every store of the engine.
/// </remarks>
public sealed class RunawayGuestTests
{
    private const ulong Plenty = 1_000_000_000;

    private static readonly Lazy<Engine> s_fuelEngine = new(() => new Engine(Moving().WithFuelConsumption(true)));
    private static readonly Lazy<Engine> s_epochEngine = new(() => new Engine(Moving().WithEpochInterruption(true)));
    private static readonly Lazy<Engine> s_bothEngine = new(() => new Engine(Moving().WithFuelConsumption(true).WithEpochInterruption(true)));
    private static readonly Lazy<Module> s_fuelModule = new(() => Module.FromFile(s_fuelEngine.Value, TestGuests.PathOf("hostile")));
    private static readonly Lazy<Module> s_epochModule = new(() => Module.FromFile(s_epochEngine.Value, TestGuests.PathOf("hostile")));
    private static readonly Lazy<Module> s_bothModule = new(() => Module.FromFile(s_bothEngine.Value, TestGuests.PathOf("hostile")));

    private static Config Moving() => new Config().WithStaticMemoryMaximumSize(0).WithMemoryReservationForGrowth(0);

    private static HostileGuest WithFuel(ScratchAllocator scratch = ScratchAllocator.GuestMalloc, TrapPolicy policy = TrapPolicy.Poison) =>
        HostileGuest.Create(scratch, policy, store => store.Fuel = Plenty, s_fuelEngine.Value, s_fuelModule.Value);

    private static HostileGuest WithEpochs(ScratchAllocator scratch = ScratchAllocator.GuestMalloc, TrapPolicy policy = TrapPolicy.Poison) =>
        HostileGuest.Create(scratch, policy, store => store.SetEpochDeadline(Plenty), s_epochEngine.Value, s_epochModule.Value);

    [Fact]
    public void An_infinite_loop_is_stopped_by_fuel_and_poisons_the_guest()
    {
        using var hostile = WithFuel();
        hostile.Api.Take("warm up");
        var baseline = hostile.Usage();

        hostile.Guest.Store.Fuel = 100_000;
        Assert.Equal(1000u, hostile.Api.CountTo(1000)); // a loop that ends stays within the budget
        var error = Assert.Throws<WasmFuelExhaustedException>(() => hostile.Api.Spin());
        Assert.Equal("IHostile.Spin", error.Method);
        Assert.Equal(TrapCode.OutOfFuel, error.Code);
        Assert.IsType<TrapException>(error.InnerException);
        Assert.Equal(0ul, hostile.Guest.Store.Fuel);

        hostile.Guest.Store.Fuel = Plenty; // only to read the guest's counters
        hostile.AssertBackTo(baseline);
        hostile.AssertPoisonedBy(error);
    }

    [Theory]
    [InlineData(ScratchAllocator.HostHeap)]
    [InlineData(ScratchAllocator.HostHeapOnGrownPages)]
    [InlineData(ScratchAllocator.Arena)]
    public void Fuel_running_out_with_arguments_allocated_frees_them_on_host_managed_memory(ScratchAllocator scratch)
    {
        using var hostile = WithFuel(scratch);
        hostile.Api.Take("warm up");
        var baseline = hostile.Usage();

        hostile.Guest.Store.Fuel = 100_000;
        var error = Assert.Throws<WasmFuelExhaustedException>(() => hostile.Api.SpinWith(new string('a', 5000)));
        Assert.Equal("IHostile.SpinWith", error.Method);

        hostile.Guest.Store.Fuel = Plenty;
        hostile.AssertBackTo(baseline);
        hostile.AssertPoisonedBy(error);
    }

    [Fact]
    public void Fuel_running_out_with_arguments_in_guest_malloc_leaves_the_argument_in_the_guest_heap()
    {
        // Known gap: the stub frees the argument with the guest's free, which needs fuel too. That call traps
        // (OutOfFuel again) and WasmGuest.Release absorbs it, so the guest's free never runs. The caller still sees the
        // call's own exception, the host's bookkeeping is clean, and the guest is poisoned by the call, so the instance
        // (and its heap) is to be discarded; under TrapPolicy.Continue the block would stay allocated.
        using var hostile = WithFuel();
        hostile.Api.Take("warm up");
        var baseline = hostile.Usage();

        hostile.Guest.Store.Fuel = 100_000;
        var error = Assert.Throws<WasmFuelExhaustedException>(() => hostile.Api.SpinWith(new string('a', 5000)));
        Assert.Equal("IHostile.SpinWith", error.Method);

        hostile.Guest.Store.Fuel = Plenty;
        hostile.AssertBackTo(baseline, guestBlocksLeakedByTheGuest: 1);
        hostile.AssertPoisonedBy(error);
    }

    [Fact]
    public void Under_the_continue_policy_a_refuelled_guest_is_called_again()
    {
        using var hostile = WithFuel(ScratchAllocator.HostHeap, TrapPolicy.Continue);
        hostile.Guest.Store.Fuel = 50_000;
        Assert.Throws<WasmFuelExhaustedException>(() => hostile.Api.Spin());
        Assert.False(hostile.Guest.IsPoisoned);
        hostile.Guest.Store.Fuel = Plenty;
        hostile.AssertStillWorks();
    }

    [Fact]
    public void An_infinite_loop_is_stopped_by_an_epoch_deadline_and_poisons_the_guest()
    {
        var engine = s_epochEngine.Value;
        using var hostile = WithEpochs(ScratchAllocator.HostHeap);
        hostile.Api.Take("warm up");
        var baseline = hostile.Usage();

        hostile.Guest.Store.SetEpochDeadline(1);
        var clock = Stopwatch.StartNew();
        using (new Timer(_ => engine.IncrementEpoch(), null, dueTime: 20, period: 20))
        {
            var error = Assert.Throws<WasmDeadlineExceededException>(() => hostile.Api.SpinWith("an argument"));
            Assert.Equal("IHostile.SpinWith", error.Method);
            Assert.Equal(TrapCode.Interrupt, error.Code);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");

            hostile.Guest.Store.SetEpochDeadline(Plenty); // only to read the guest's counters
            hostile.AssertBackTo(baseline);
            hostile.AssertPoisonedBy(error);
        }
    }

    [Fact]
    public void An_epoch_deadline_with_arguments_in_guest_malloc_leaves_the_argument_in_the_guest_heap()
    {
        // The same gap as with fuel: past the deadline, the guest's free traps (Interrupt) when the stub calls it.
        var engine = s_epochEngine.Value;
        using var hostile = WithEpochs();
        hostile.Api.Take("warm up");
        var baseline = hostile.Usage();

        hostile.Guest.Store.SetEpochDeadline(1);
        using (new Timer(_ => engine.IncrementEpoch(), null, dueTime: 20, period: 20))
        {
            var error = Assert.Throws<WasmDeadlineExceededException>(() => hostile.Api.SpinWith("an argument"));
            hostile.Guest.Store.SetEpochDeadline(Plenty);
            hostile.AssertBackTo(baseline, guestBlocksLeakedByTheGuest: 1);
            hostile.AssertPoisonedBy(error);
        }
    }

    [Fact]
    public void Under_the_continue_policy_a_guest_with_a_new_deadline_is_called_again()
    {
        var engine = s_epochEngine.Value;
        using var hostile = WithEpochs(ScratchAllocator.Arena, TrapPolicy.Continue);
        hostile.Guest.Store.SetEpochDeadline(1);
        using (new Timer(_ => engine.IncrementEpoch(), null, dueTime: 20, period: 20))
        {
            Assert.Throws<WasmDeadlineExceededException>(() => hostile.Api.Spin());
        }

        hostile.Guest.Store.SetEpochDeadline(Plenty);
        hostile.AssertStillWorks();
    }

    [Fact]
    public void Fuel_and_the_epoch_deadline_are_told_apart_on_one_guest()
    {
        var engine = s_bothEngine.Value;
        using var hostile = HostileGuest.Create(ScratchAllocator.HostHeap, TrapPolicy.Continue,
            store => { store.Fuel = Plenty; store.SetEpochDeadline(Plenty); }, engine, s_bothModule.Value);

        hostile.Guest.Store.Fuel = 10_000;
        var fuel = Assert.Throws<WasmFuelExhaustedException>(() => hostile.Api.Spin());
        Assert.IsNotType<WasmDeadlineExceededException>(fuel);

        hostile.Guest.Store.Fuel = ulong.MaxValue / 2;
        hostile.Guest.Store.SetEpochDeadline(1);
        using (new Timer(_ => engine.IncrementEpoch(), null, dueTime: 20, period: 20))
        {
            var deadline = Assert.Throws<WasmDeadlineExceededException>(() => hostile.Api.Spin());
            Assert.Equal(TrapCode.Interrupt, deadline.Code);
        }

        hostile.Guest.Store.SetEpochDeadline(Plenty);
        hostile.AssertStillWorks();
    }
}
