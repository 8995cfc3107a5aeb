using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Diagnostics;
using WasmMarshal.Pooling;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Diagnostics;

/// <summary>Calls into the probe module below.</summary>
[WasmImport]
public partial interface ITelemetryProbe
{
    int Answer();

    void Fail();

    void Spin();

    void CallHost();
}

/// <summary>What the probe module imports.</summary>
[WasmExport("env")]
public partial interface ITelemetryHost
{
    void Boom();
}

/// <summary>
/// The WasmMarshal meter and activity source seen through <see cref="MeterListener"/> and <see cref="ActivityListener"/>:
/// calls, durations and failures by kind from real calls, instantiations, the memory gauge, pools, and nothing once
/// the listener is gone. Every guest gets a name of its own, because other test classes call guests at the same time.
/// </summary>
public sealed class TelemetryTests
{
    private const string ProbeWat = """
        (module
          (import "env" "boom" (func $boom))
          (memory (export "memory") 2)
          (func (export "answer") (result i32) (i32.const 42))
          (func (export "fail") unreachable)
          (func (export "spin") (loop $forever (br $forever)))
          (func (export "call_host") (call $boom)))
        """;

    private static readonly Lazy<Engine> s_fuelEngine = new(() => new Engine(new Config().WithFuelConsumption(true)));

    private sealed class Host(Action boom) : ITelemetryHost
    {
        public void Boom() => boom();
    }

    private static string UniqueName(string test) => $"telemetry-{test}-{Guid.NewGuid():N}";

    private static WasmGuest Probe(string name, Action? boom = null, Engine? engine = null, ulong? fuel = null,
        GuestAllocatorSource? allocator = null)
    {
        engine ??= TestGuests.MovingEngine;
        var builder = WasmGuest.Builder(engine, Module.FromText(engine, "telemetry-probe", ProbeWat))
            .WithName(name)
            .Export<ITelemetryHost>(new Host(boom ?? (() => { })));
        if (allocator is not null)
        {
            builder.WithAllocator(allocator);
        }

        if (fuel is { } units)
        {
            var store = new Store(engine) { Fuel = units };
            builder.WithStore(store);
        }

        return builder.Instantiate();
    }

    [Fact]
    public void Each_call_is_counted_and_timed_with_its_method_guest_and_outcome_and_traced_as_one_activity()
    {
        string name = UniqueName("ok");
        using var recorder = new TelemetryRecorder();
        using var guest = Probe(name);
        var probe = guest.Import<ITelemetryProbe>();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(42, probe.Answer());
        }

        double elapsed = watch.Elapsed.TotalSeconds;

        var calls = recorder.Of(WasmMarshalTelemetry.CallsInstrument, name);
        Assert.Equal(3, calls.Count);
        Assert.All(calls, call =>
        {
            Assert.Equal(1, call.Value);
            Assert.Equal("ITelemetryProbe.Answer", call.Tag(WasmMarshalTelemetry.MethodTag));
            Assert.Equal("ok", call.Tag(WasmMarshalTelemetry.OutcomeTag));
        });
        var durations = recorder.Of(WasmMarshalTelemetry.CallDurationInstrument, name);
        Assert.Equal(3, durations.Count);
        Assert.All(durations, d => Assert.InRange(d.Value, double.Epsilon, elapsed)); // seconds, within the loop's time
        Assert.Empty(recorder.Of(WasmMarshalTelemetry.FailuresInstrument, name));

        var activities = recorder.Activities(name);
        Assert.Equal(3, activities.Count);
        Assert.All(activities, activity =>
        {
            Assert.Equal("ITelemetryProbe.Answer", activity.OperationName);
            Assert.Equal("ITelemetryProbe.Answer", activity.GetTagItem(WasmMarshalTelemetry.MethodTag));
            Assert.Equal("ok", activity.GetTagItem(WasmMarshalTelemetry.OutcomeTag));
            Assert.Equal(ActivityStatusCode.Unset, activity.Status);
            Assert.True(activity.Duration > TimeSpan.Zero);
        });
        Assert.Null(Activity.Current); // every call's activity was stopped
    }

    [Fact]
    public void A_trap_is_counted_with_its_kind_and_the_poisoned_call_after_it_as_refused()
    {
        string name = UniqueName("trap");
        using var recorder = new TelemetryRecorder();
        using var guest = Probe(name);
        var probe = guest.Import<ITelemetryProbe>();
        Assert.Throws<WasmTrapException>(() => probe.Fail());
        Assert.Throws<WasmGuestPoisonedException>(() => probe.Answer());

        var failures = recorder.Of(WasmMarshalTelemetry.FailuresInstrument, name);
        Assert.Equal(["ITelemetryProbe.Fail:trap", "ITelemetryProbe.Answer:poisoned"],
            failures.Select(f => $"{f.Tag(WasmMarshalTelemetry.MethodTag)}:{f.Tag(WasmMarshalTelemetry.FailureKindTag)}"));
        // The refused call never entered the guest: it is a failure, not a call.
        var call = Assert.Single(recorder.Of(WasmMarshalTelemetry.CallsInstrument, name));
        Assert.Equal("trap", call.Tag(WasmMarshalTelemetry.OutcomeTag));

        var activity = Assert.Single(recorder.Activities(name));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(WasmTrapException).FullName, activity.GetTagItem(WasmMarshalTelemetry.ErrorTypeTag));
        Assert.Equal("trap", activity.GetTagItem(WasmMarshalTelemetry.OutcomeTag));
    }

    [Fact]
    public void Fuel_exhaustion_and_a_host_exception_are_counted_as_their_own_kinds()
    {
        string fuelName = UniqueName("fuel");
        string hostName = UniqueName("host");
        using var recorder = new TelemetryRecorder();
        using (var fueled = Probe(fuelName, engine: s_fuelEngine.Value, fuel: 10_000))
        {
            Assert.Throws<WasmFuelExhaustedException>(() => fueled.Import<ITelemetryProbe>().Spin());
        }

        using (var throwing = Probe(hostName, boom: () => throw new InvalidOperationException("the host failed")))
        {
            Assert.Throws<WasmHostCallbackException>(() => throwing.Import<ITelemetryProbe>().CallHost());
        }

        Assert.Equal("fuel", Assert.Single(recorder.Of(WasmMarshalTelemetry.FailuresInstrument, fuelName)).Tag(WasmMarshalTelemetry.FailureKindTag));
        Assert.Equal("host_exception", Assert.Single(recorder.Of(WasmMarshalTelemetry.FailuresInstrument, hostName)).Tag(WasmMarshalTelemetry.FailureKindTag));
        Assert.Equal(typeof(WasmFuelExhaustedException).FullName,
            Assert.Single(recorder.Activities(fuelName)).GetTagItem(WasmMarshalTelemetry.ErrorTypeTag));
    }

    [Fact]
    public void A_call_from_another_thread_during_a_call_and_a_call_on_a_small_stack_are_counted_as_refused()
    {
        string name = UniqueName("refused");
        using var recorder = new TelemetryRecorder();
        ITelemetryProbe? probe = null;
        Exception? concurrent = null;
        using var guest = Probe(name, boom: () =>
        {
            var other = new Thread(() => concurrent = Record(() => probe!.Answer()));
            other.Start();
            other.Join();
        });
        probe = guest.Import<ITelemetryProbe>();
        probe.CallHost();
        Assert.IsType<WasmConcurrentCallException>(concurrent);

        Exception? small = null;
        var thread = new Thread(() => small = Record(() => probe.Answer()), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.IsType<WasmStackTooSmallException>(small);

        Assert.Equal(["ITelemetryProbe.Answer:concurrent_call", "ITelemetryProbe.Answer:stack_too_small"],
            recorder.Of(WasmMarshalTelemetry.FailuresInstrument, name)
                .Select(f => $"{f.Tag(WasmMarshalTelemetry.MethodTag)}:{f.Tag(WasmMarshalTelemetry.FailureKindTag)}"));
        var call = Assert.Single(recorder.Of(WasmMarshalTelemetry.CallsInstrument, name)); // only CallHost entered
        Assert.Equal("ITelemetryProbe.CallHost", call.Tag(WasmMarshalTelemetry.MethodTag));
    }

    [Fact]
    public void A_call_back_into_a_guest_that_trapped_inside_a_host_callback_is_counted_as_refused()
    {
        string name = UniqueName("reentrant");
        using var recorder = new TelemetryRecorder();
        ITelemetryProbe? probe = null;
        Exception? inner = null, again = null;
        using var guest = Probe(name, boom: () =>
        {
            inner = Record(() => probe!.Fail());
            again = Record(() => probe!.Answer());
        });
        probe = guest.Import<ITelemetryProbe>();
        probe.CallHost();
        Assert.IsType<WasmTrapException>(inner);
        Assert.IsType<WasmGuestPoisonedException>(again);
        Assert.Equal(["ITelemetryProbe.Fail:trap", "ITelemetryProbe.Answer:poisoned"],
            recorder.Of(WasmMarshalTelemetry.FailuresInstrument, name)
                .Select(f => $"{f.Tag(WasmMarshalTelemetry.MethodTag)}:{f.Tag(WasmMarshalTelemetry.FailureKindTag)}"));
        // The nested call's activity is a child of the outer one.
        var activities = recorder.Activities(name);
        var outer = activities.Single(a => a.OperationName == "ITelemetryProbe.CallHost");
        Assert.Equal(outer.SpanId, activities.Single(a => a.OperationName == "ITelemetryProbe.Fail").ParentSpanId);
    }

    [Fact]
    public void Marshalled_calls_on_the_test_guest_count_a_guest_data_error()
    {
        string name = UniqueName("marshal");
        using var recorder = new TelemetryRecorder();
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("marshal_test"))
            .WithName(name)
            .Export<Guests.IHostServices>(new RecordingHost())
            .Instantiate();
        var strings = guest.Import<Guests.IStrings>();
        Assert.Equal("HELLO", strings.ToUpper("hello"));
        Assert.Throws<WasmGuestDataException>(() => strings.MakeInvalidUtf8());

        Assert.Equal(["IStrings.ToUpper:ok", "IStrings.MakeInvalidUtf8:guest_data"],
            recorder.Of(WasmMarshalTelemetry.CallsInstrument, name)
                .Select(c => $"{c.Tag(WasmMarshalTelemetry.MethodTag)}:{c.Tag(WasmMarshalTelemetry.OutcomeTag)}"));
        Assert.Equal("guest_data", Assert.Single(recorder.Of(WasmMarshalTelemetry.FailuresInstrument, name)).Tag(WasmMarshalTelemetry.FailureKindTag));
        Assert.Equal(typeof(WasmGuestDataException).FullName,
            recorder.Activities(name).Single(a => a.OperationName == "IStrings.MakeInvalidUtf8").GetTagItem(WasmMarshalTelemetry.ErrorTypeTag));
    }

    [Fact]
    public void Instantiations_are_counted_and_the_memory_gauge_reports_each_live_guest_until_it_is_disposed()
    {
        string name = UniqueName("memory");
        using var recorder = new TelemetryRecorder();
        var guest = Probe(name);
        var instantiation = Assert.Single(recorder.Of(WasmMarshalTelemetry.InstantiationsInstrument, name));
        Assert.Equal("ok", instantiation.Tag(WasmMarshalTelemetry.OutcomeTag));
        Assert.Single(recorder.Of(WasmMarshalTelemetry.InstantiationDurationInstrument, name));

        recorder.Observe();
        Assert.Equal(2 * 65536, Assert.Single(recorder.Of(WasmMarshalTelemetry.MemorySizeInstrument, name)).Value); // (memory 2)

        guest.Dispose();
        recorder.Observe();
        Assert.Single(recorder.Of(WasmMarshalTelemetry.MemorySizeInstrument, name)); // no second reading once disposed
    }

    [Fact]
    public void Fuel_burned_is_counted_per_outermost_call_and_matches_what_the_store_lost()
    {
        string name = UniqueName("fuel-burned");
        const ulong Tank = 1_000_000;
        using var recorder = new TelemetryRecorder();
        ITelemetryProbe? probe = null;
        using var guest = Probe(name, engine: s_fuelEngine.Value, fuel: Tank, boom: () => probe!.Answer());
        probe = guest.Import<ITelemetryProbe>();
        Assert.Equal(42, probe.Answer());
        Assert.Equal(42, probe.Answer());
        probe.CallHost(); // calls Answer from inside the host callback: its fuel counts in CallHost's
        ulong left = guest.Store.Fuel;

        var burned = recorder.Of(WasmMarshalTelemetry.FuelConsumedInstrument, name);
        Assert.Equal(["ITelemetryProbe.Answer", "ITelemetryProbe.Answer", "ITelemetryProbe.CallHost"],
            burned.Select(b => b.Tag(WasmMarshalTelemetry.MethodTag)));
        Assert.All(burned, b => Assert.True(b.Value > 0));
        Assert.Equal(burned[0].Value, burned[1].Value); // the same function burns the same fuel
        Assert.True(burned[2].Value > burned[0].Value); // CallHost ran Answer too
        Assert.Equal((double)(Tank - left), burned.Sum(b => b.Value)); // every unit the store lost, counted once
    }

    [Fact]
    public void A_call_that_runs_out_of_fuel_counts_the_whole_tank_and_a_store_without_fuel_counts_none()
    {
        string fuelName = UniqueName("fuel-out");
        string plainName = UniqueName("fuel-none");
        using var recorder = new TelemetryRecorder();
        using (var fueled = Probe(fuelName, engine: s_fuelEngine.Value, fuel: 10_000))
        {
            Assert.Throws<WasmFuelExhaustedException>(() => fueled.Import<ITelemetryProbe>().Spin());
            Assert.Equal(0UL, fueled.Store.Fuel);
        }

        using (var plain = Probe(plainName))
        {
            var probe = plain.Import<ITelemetryProbe>();
            Assert.Equal(42, probe.Answer());
            Assert.Equal(42, probe.Answer());
        }

        var burned = Assert.Single(recorder.Of(WasmMarshalTelemetry.FuelConsumedInstrument, fuelName));
        Assert.Equal(10_000, burned.Value);
        Assert.Equal("ITelemetryProbe.Spin", burned.Tag(WasmMarshalTelemetry.MethodTag));
        Assert.Empty(recorder.Of(WasmMarshalTelemetry.FuelConsumedInstrument, plainName));
        Assert.Equal(2, recorder.Of(WasmMarshalTelemetry.CallsInstrument, plainName).Count); // the calls themselves were seen
    }

    [Fact]
    public void The_allocator_gauges_report_bytes_in_use_and_peak_as_the_allocator_last_had_them_after_a_call()
    {
        string name = UniqueName("allocator");
        using var recorder = new TelemetryRecorder();
        var guest = Probe(name, allocator: GuestAllocatorSource.HostHeap(HostHeapRegion.MemoryGrow));
        var probe = guest.Import<ITelemetryProbe>();
        var allocator = guest.Allocator;
        var statistics = (IReportsStatistics)allocator;

        uint big = allocator.Allocate(1000, 8);
        uint small = allocator.Allocate(100, 8);
        probe.Answer(); // the gauges read what the allocator had when a call ended
        var during = statistics.GetStatistics();
        allocator.Free(big, 1000, 8);
        recorder.Observe();
        var inUse = Assert.Single(recorder.Of(WasmMarshalTelemetry.AllocatorMemoryInUseInstrument, name));
        var peak = Assert.Single(recorder.Of(WasmMarshalTelemetry.AllocatorMemoryPeakInstrument, name));
        Assert.Equal(allocator.Name, inUse.Tag(WasmMarshalTelemetry.AllocatorTag));
        Assert.InRange(inUse.Value, 1100, 1100 + 64); // both blocks, rounded to the heap's granularity
        Assert.Equal((double)during.BytesInUse, inUse.Value);
        Assert.Equal((double)during.PeakBytesInUse, peak.Value);

        probe.Answer(); // the big block is free now
        allocator.Free(small, 100, 8);
        probe.Answer(); // and the small one
        recorder.Observe();
        var inUseAfter = recorder.Of(WasmMarshalTelemetry.AllocatorMemoryInUseInstrument, name);
        Assert.Equal(2, inUseAfter.Count);
        Assert.Equal(0, inUseAfter[1].Value);
        Assert.Equal(peak.Value, recorder.Of(WasmMarshalTelemetry.AllocatorMemoryPeakInstrument, name)[1].Value); // the peak stays

        guest.Dispose();
        recorder.Observe();
        Assert.Equal(2, recorder.Of(WasmMarshalTelemetry.AllocatorMemoryInUseInstrument, name).Count); // no reading once disposed
    }

    [Fact]
    public void A_pool_counts_leases_waits_and_discards_under_its_name()
    {
        string name = UniqueName("pool-guest");
        string poolName = UniqueName("pool");
        using var recorder = new TelemetryRecorder();
        using var pool = new WasmGuestPool(() => Probe(name), maxSize: 1) { Name = poolName };
        using (var lease = pool.Rent())
        {
            Assert.False(pool.TryRent(TimeSpan.Zero, out _)); // full: one wait
            Assert.Throws<WasmTrapException>(() => lease.Import<ITelemetryProbe>().Fail());
        }

        using (var again = pool.Rent())
        {
            Assert.Equal(42, again.Import<ITelemetryProbe>().Answer());
        }

        Assert.Equal(2, recorder.OfPool(WasmMarshalTelemetry.PoolLeasesInstrument, poolName).Count);
        Assert.Single(recorder.OfPool(WasmMarshalTelemetry.PoolWaitsInstrument, poolName));
        Assert.Single(recorder.OfPool(WasmMarshalTelemetry.PoolDiscardsInstrument, poolName));
        Assert.Equal(2, recorder.Of(WasmMarshalTelemetry.InstantiationsInstrument, name).Count); // the discarded guest was replaced
    }

    [Fact]
    public void Nothing_is_measured_or_traced_once_the_listeners_are_gone_and_traces_need_no_meter_listener()
    {
        string name = UniqueName("silent");
        var recorder = new TelemetryRecorder();
        using var guest = Probe(name);
        var probe = guest.Import<ITelemetryProbe>();
        probe.Answer();
        recorder.Dispose();
        probe.Answer();
        probe.Answer();
        Assert.Single(recorder.Of(WasmMarshalTelemetry.CallsInstrument, name));
        Assert.Single(recorder.Activities(name));

        using var tracesOnly = new TelemetryRecorder(meters: false);
        probe.Answer();
        Assert.Empty(tracesOnly.Of(WasmMarshalTelemetry.CallsInstrument, name));
        Assert.Single(tracesOnly.Activities(name));
    }

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }
}
