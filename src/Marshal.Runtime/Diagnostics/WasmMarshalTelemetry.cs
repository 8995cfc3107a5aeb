using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocation.Algorithms;
using WasmMarshal.Pooling;

namespace WasmMarshal.Diagnostics;

/// <summary>
/// The <see cref="Meter"/> and <see cref="ActivitySource"/> named <see cref="Name"/> ("WasmMarshal") through which
/// guest calls, failures, instantiations and pools report, for <c>MeterListener</c>, <c>ActivityListener</c> and
/// OpenTelemetry (<c>AddMeter("WasmMarshal")</c>, <c>AddSource("WasmMarshal")</c>).
/// </summary>
/// <remarks>
/// Nothing is measured while nobody listens: a call reads the instruments' <c>Enabled</c> flags and the source's
/// listener flag, and takes no timestamp, creates no activity and builds no tags unless one of them is set. Tags are
/// low-cardinality: the interface method (<c>Interface.Method</c>), the guest's name (<see cref="WasmGuest.Name"/>),
/// an outcome or failure kind, a pool's name and an allocator's name. The fuel counter reads the store's fuel around
/// the outermost call only while it has a listener, and only on stores that consume fuel. The memory and allocator
/// gauges report what each live guest had when its last call ended: a store and its allocators belong to the thread
/// using them, so a gauge callback never reads them itself.
/// </remarks>
public static class WasmMarshalTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "WasmMarshal";

    /// <summary>Counter of completed guest calls; tags method, guest, outcome.</summary>
    public const string CallsInstrument = "wasmmarshal.guest.calls";

    /// <summary>Histogram of guest call durations in seconds; tags method, guest, outcome.</summary>
    public const string CallDurationInstrument = "wasmmarshal.guest.call.duration";

    /// <summary>Counter of failed or refused guest calls; tags method, guest, failure kind (see <see cref="FailureKind"/>).</summary>
    public const string FailuresInstrument = "wasmmarshal.guest.failures";

    /// <summary>Counter of instantiations; tags guest, outcome.</summary>
    public const string InstantiationsInstrument = "wasmmarshal.guest.instantiations";

    /// <summary>Histogram of instantiation durations in seconds; tags guest, outcome.</summary>
    public const string InstantiationDurationInstrument = "wasmmarshal.guest.instantiation.duration";

    /// <summary>Gauge of each live guest's linear memory size in bytes, as last seen when a call or instantiation ended; tag guest.</summary>
    public const string MemorySizeInstrument = "wasmmarshal.guest.memory.size";

    /// <summary>
    /// Counter of fuel units the guest burned, per outermost call (a nested call's fuel counts in the call around it),
    /// on stores with fuel consumption on; tags method, guest.
    /// </summary>
    public const string FuelConsumedInstrument = "wasmmarshal.guest.fuel.consumed";

    /// <summary>Gauge of the bytes in live allocations of each live guest's statistics-reporting allocators, as last seen when a call ended; tags guest, allocator.</summary>
    public const string AllocatorMemoryInUseInstrument = "wasmmarshal.allocator.memory.in_use";

    /// <summary>Gauge of the largest bytes in use each of those allocators has seen, as last seen when a call ended; tags guest, allocator.</summary>
    public const string AllocatorMemoryPeakInstrument = "wasmmarshal.allocator.memory.peak";

    /// <summary>Counter of leases handed out by a <see cref="WasmGuestPool"/>; tag pool.</summary>
    public const string PoolLeasesInstrument = "wasmmarshal.pool.leases";

    /// <summary>Counter of rents that had to wait because every guest of the pool was rented; tag pool.</summary>
    public const string PoolWaitsInstrument = "wasmmarshal.pool.waits";

    /// <summary>Counter of guests that came back poisoned and were disposed instead of pooled; tag pool.</summary>
    public const string PoolDiscardsInstrument = "wasmmarshal.pool.discards";

    /// <summary>Tag: the interface method, <c>Interface.Method</c>.</summary>
    public const string MethodTag = "wasmmarshal.method";

    /// <summary>Tag: the guest's name.</summary>
    public const string GuestTag = "wasmmarshal.guest";

    /// <summary>Tag: the allocator's name (<see cref="Allocation.IGuestAllocator.Name"/>).</summary>
    public const string AllocatorTag = "wasmmarshal.allocator";

    /// <summary>Tag: <c>ok</c>, or the failure kind.</summary>
    public const string OutcomeTag = "wasmmarshal.outcome";

    /// <summary>Tag: the failure kind (see <see cref="FailureKind"/>).</summary>
    public const string FailureKindTag = "wasmmarshal.failure.kind";

    /// <summary>Tag: the pool's name (<see cref="WasmGuestPool.Name"/>).</summary>
    public const string PoolTag = "wasmmarshal.pool";

    /// <summary>Activity tag (OpenTelemetry convention): the full name of the exception type a failed call threw.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>The outcome of a call that returned.</summary>
    public const string Ok = "ok";

    private static readonly string? s_version = typeof(WasmMarshalTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>The meter every instrument belongs to.</summary>
    public static Meter Meter { get; } = new(Name, s_version);

    /// <summary>The source of one activity per guest call (named after the method) when a listener samples it.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, s_version);

    internal static readonly Counter<long> Calls =
        Meter.CreateCounter<long>(CallsInstrument, "{call}", "Guest calls that completed, by method, guest and outcome.");

    internal static readonly Histogram<double> CallDuration =
        Meter.CreateHistogram<double>(CallDurationInstrument, "s", "Duration of guest calls, from entering the guest to releasing the call's buffers.");

    internal static readonly Counter<long> Failures =
        Meter.CreateCounter<long>(FailuresInstrument, "{call}", "Guest calls that failed or were refused, by method, guest and kind.");

    internal static readonly Counter<long> Instantiations =
        Meter.CreateCounter<long>(InstantiationsInstrument, "{instance}", "Guest instantiations, by guest and outcome.");

    internal static readonly Histogram<double> InstantiationDuration =
        Meter.CreateHistogram<double>(InstantiationDurationInstrument, "s", "Duration of guest instantiations.");

    internal static readonly Counter<long> PoolLeases =
        Meter.CreateCounter<long>(PoolLeasesInstrument, "{lease}", "Leases handed out by guest pools.");

    internal static readonly Counter<long> PoolWaits =
        Meter.CreateCounter<long>(PoolWaitsInstrument, "{rent}", "Rents that waited because every guest of the pool was rented.");

    internal static readonly Counter<long> PoolDiscards =
        Meter.CreateCounter<long>(PoolDiscardsInstrument, "{instance}", "Guests disposed instead of pooled because they came back poisoned.");

    internal static readonly ObservableGauge<long> MemorySize =
        Meter.CreateObservableGauge(MemorySizeInstrument, ObserveMemory, "By", "Linear memory size of each live guest, as last seen when a call ended.");

    internal static readonly Counter<long> FuelConsumed =
        Meter.CreateCounter<long>(FuelConsumedInstrument, "{fuel}", "Fuel burned by guest calls on stores that consume fuel, by method and guest.");

    internal static readonly ObservableGauge<long> AllocatorMemoryInUse =
        Meter.CreateObservableGauge(AllocatorMemoryInUseInstrument, () => ObserveAllocators(peak: false), "By",
            "Bytes in live allocations of each live guest's allocators that report statistics, as last seen when a call ended.");

    internal static readonly ObservableGauge<long> AllocatorMemoryPeak =
        Meter.CreateObservableGauge(AllocatorMemoryPeakInstrument, () => ObserveAllocators(peak: true), "By",
            "Peak bytes in use of each live guest's allocators that report statistics, as last seen when a call ended.");

    /// <summary>Live guests, weakly: a guest that is never disposed does not stay alive for the gauge.</summary>
    private static readonly ConditionalWeakTable<WasmGuest, object?> s_liveGuests = new();

    /// <summary>
    /// The failure kind of an exception a guest call threw or was refused with: <c>trap</c>, <c>fuel</c>,
    /// <c>epoch_deadline</c>, <c>host_exception</c>, <c>guest_abort</c>, <c>guest_data</c>, <c>concurrent_call</c>,
    /// <c>stack_too_small</c>, <c>poisoned</c>, <c>disposed</c>, <c>cleanup</c>, <c>wasmtime</c> (another Wasmtime
    /// error) or <c>other</c>. Accepts Wasmtime's own exceptions as well as the typed ones they become.
    /// </summary>
    public static string FailureKind(Exception exception) => exception switch
    {
        null => throw new ArgumentNullException(nameof(exception)),
        WasmFuelExhaustedException => "fuel",
        WasmDeadlineExceededException => "epoch_deadline",
        WasmTrapException => "trap",
        WasmHostCallbackException => "host_exception",
        WasmGuestAbortedException => "guest_abort",
        WasmGuestDataException => "guest_data",
        WasmConcurrentCallException => "concurrent_call",
        WasmStackTooSmallException => "stack_too_small",
        WasmGuestPoisonedException => "poisoned",
        WasmGuestDisposedException => "disposed",
        WasmCleanupException => "cleanup",
        // What a stub's exception filter saw, before WasmCallException.FromWasmtime translated it.
        WasmtimeException { InnerException: AssemblyScriptAbortSignal } => "guest_abort",
        WasmtimeException { InnerException: not null } => "host_exception",
        TrapException { Type: TrapCode.OutOfFuel } => "fuel",
        TrapException { Type: TrapCode.Interrupt } => "epoch_deadline",
        TrapException => "trap",
        WasmtimeException => "wasmtime",
        _ => "other",
    };

    // ---- Calls: the frame asks IsListening once per call and takes a timestamp only when it is true ----

    /// <summary>Whether any call instrument or the activity source has a listener.</summary>
    internal static bool IsListeningToCalls
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Calls.Enabled || CallDuration.Enabled || Failures.Enabled || MemorySize.Enabled || ActivitySource.HasListeners();
    }

    /// <summary>Starts the call's activity (if sampled) and returns its start timestamp, never 0.</summary>
    internal static long StartCall(WasmGuest guest, string method)
    {
        if (ActivitySource.HasListeners())
        {
            var activity = ActivitySource.StartActivity(method, ActivityKind.Internal);
            if (activity is not null && activity.IsAllDataRequested)
            {
                activity.SetTag(MethodTag, method);
                activity.SetTag(GuestTag, guest.Name);
            }
        }

        long start = Stopwatch.GetTimestamp();
        return start == 0 ? 1 : start;
    }

    /// <summary>
    /// Records a call that <see cref="StartCall"/> started: its count, duration, failure kind, the guest's memory size,
    /// and ends its activity. <paramref name="failure"/> is what the stub's exception filter saw (null if the call
    /// returned); <paramref name="cleanupFailed"/> says that releasing its buffers failed after it returned.
    /// </summary>
    internal static void EndCall(WasmGuest guest, string method, long start, Exception? failure, bool cleanupFailed)
    {
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        string outcome = failure is not null ? FailureKind(failure) : cleanupFailed ? "cleanup" : Ok;
        var tags = new TagList
        {
            { MethodTag, method },
            { GuestTag, guest.Name },
            { OutcomeTag, outcome },
        };
        Calls.Add(1, tags);
        CallDuration.Record(seconds, tags);
        if (!ReferenceEquals(outcome, Ok))
        {
            Failures.Add(1, new KeyValuePair<string, object?>(MethodTag, method),
                new KeyValuePair<string, object?>(GuestTag, guest.Name), new KeyValuePair<string, object?>(FailureKindTag, outcome));
        }

        if (MemorySize.Enabled)
        {
            guest.ObserveMemory();
        }

        // The activity this call started is the current one unless none was sampled: nested calls (a host callback
        // calling back in) stop theirs before this one ends.
        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, ActivitySource) && activity.OperationName == method)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag(OutcomeTag, outcome);
                if (failure is not null)
                {
                    activity.SetTag(ErrorTypeTag, ExceptionTypeName(failure));
                    activity.SetStatus(ActivityStatusCode.Error, failure.Message);
                }
            }

            activity.Dispose();
        }
    }

    /// <summary>The typed exception a caller sees for <paramref name="failure"/>, by name, without building it.</summary>
    private static string ExceptionTypeName(Exception failure) => failure is WasmtimeException
        ? FailureKind(failure) switch
        {
            "fuel" => typeof(WasmFuelExhaustedException).FullName!,
            "epoch_deadline" => typeof(WasmDeadlineExceededException).FullName!,
            "trap" => typeof(WasmTrapException).FullName!,
            "host_exception" => typeof(WasmHostCallbackException).FullName!,
            "guest_abort" => typeof(WasmGuestAbortedException).FullName!,
            _ => typeof(WasmCallException).FullName!,
        }
        : failure.GetType().FullName!;

    /// <summary>A call refused before it entered the guest (busy, disposed, poisoned, too little stack).</summary>
    internal static void CallRefused(WasmGuest guest, string method, Exception reason)
    {
        if (Failures.Enabled)
        {
            Failures.Add(1, new KeyValuePair<string, object?>(MethodTag, method),
                new KeyValuePair<string, object?>(GuestTag, guest.Name), new KeyValuePair<string, object?>(FailureKindTag, FailureKind(reason)));
        }
    }

    private static bool IsListeningToAllocators => AllocatorMemoryInUse.Enabled || AllocatorMemoryPeak.Enabled;

    // ---- Around the outermost call: fuel and allocator statistics, read by WasmGuest.EnterCall and ExitCall ----

    /// <summary>Whether the fuel counter or an allocator gauge has a listener: the one check per call when none has.</summary>
    internal static bool IsListeningAroundCalls
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => FuelConsumed.Enabled || IsListeningToAllocators;
    }

    /// <summary>The outermost call has entered (the guest is owned by this thread): reads the fuel it starts with.</summary>
    internal static void OutermostCallEntered(WasmGuest guest)
    {
        guest.TelemetryAtExit = true;
        guest.FuelMeasured = FuelConsumed.Enabled && TryReadFuel(guest, out guest.FuelAtEntry);
    }

    /// <summary>
    /// The outermost call is ending, its buffers released, the guest not yet released: counts the fuel it burned and
    /// keeps a snapshot of the allocators' statistics for the gauges.
    /// </summary>
    internal static void OutermostCallExiting(WasmGuest guest, string method)
    {
        guest.TelemetryAtExit = false;
        if (guest.FuelMeasured)
        {
            guest.FuelMeasured = false;
            FuelBurned(guest, method, guest.FuelAtEntry);
        }

        if (IsListeningToAllocators)
        {
            ObserveAllocators(guest);
        }
    }

    /// <summary>Keeps each statistics-reporting allocator's accounting on the guest; on the thread that owns the guest only.</summary>
    private static void ObserveAllocators(WasmGuest guest)
    {
        if (guest.IsDisposed)
        {
            return;
        }

        List<(string, AllocatorStatistics)>? readings = null;
        foreach (var allocator in guest.ResolvedAllocators())
        {
            if (allocator is IReportsStatistics reporting)
            {
                (readings ??= new(2)).Add((allocator.Name, reporting.GetStatistics()));
            }
        }

        if (readings is not null)
        {
            Volatile.Write(ref guest.ObservedAllocators, readings.ToArray());
        }
    }

    /// <summary>
    /// Reads the store's fuel, or returns false if the store does not consume fuel (learnt on the first reading and
    /// remembered by the guest: Wasmtime answers a fuel reading on such a store with an error) or is gone.
    /// </summary>
    internal static bool TryReadFuel(WasmGuest guest, out ulong fuel)
    {
        fuel = 0;
        if (guest.FuelConsumption < 0)
        {
            return false;
        }

        try
        {
            fuel = guest.Store.Fuel;
            guest.FuelConsumption = 1;
            return true;
        }
        catch (WasmtimeException) when (guest.FuelConsumption == 0)
        {
            guest.FuelConsumption = -1; // fuel consumption is off in the engine's configuration
            return false;
        }
        catch (Exception error) when (error is WasmtimeException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Counts the fuel an outermost call burned, from the fuel it entered with; called before the guest is released.</summary>
    internal static void FuelBurned(WasmGuest guest, string method, ulong fuelAtEntry)
    {
        // A host callback may have refuelled the store during the call: then nothing is known to have been burned.
        if (TryReadFuel(guest, out ulong fuel) && fuelAtEntry > fuel)
        {
            FuelConsumed.Add((long)Math.Min(fuelAtEntry - fuel, long.MaxValue),
                new KeyValuePair<string, object?>(MethodTag, method), new KeyValuePair<string, object?>(GuestTag, guest.Name));
        }
    }

    // ---- Instantiation and the live-guest registry ----

    internal static bool IsListeningToInstantiations => Instantiations.Enabled || InstantiationDuration.Enabled;

    internal static void Instantiated(string guestName, long start, Exception? failure)
    {
        string outcome = failure is null ? Ok : FailureKind(failure);
        var tags = new TagList { { GuestTag, guestName }, { OutcomeTag, outcome } };
        Instantiations.Add(1, tags);
        if (start != 0)
        {
            InstantiationDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
        }
    }

    internal static void Register(WasmGuest guest)
    {
        s_liveGuests.AddOrUpdate(guest, null);
        if (MemorySize.Enabled)
        {
            guest.ObserveMemory();
        }

        if (IsListeningToAllocators)
        {
            ObserveAllocators(guest);
        }
    }

    internal static void Unregister(WasmGuest guest) => s_liveGuests.Remove(guest);

    private static IEnumerable<Measurement<long>> ObserveMemory()
    {
        var measurements = new List<Measurement<long>>();
        foreach (var (guest, _) in s_liveGuests)
        {
            long bytes = guest.ObservedMemoryBytes;
            if (bytes >= 0)
            {
                measurements.Add(new Measurement<long>(bytes, new KeyValuePair<string, object?>(GuestTag, guest.Name)));
            }
        }

        return measurements;
    }

    private static IEnumerable<Measurement<long>> ObserveAllocators(bool peak)
    {
        var measurements = new List<Measurement<long>>();
        foreach (var (guest, _) in s_liveGuests)
        {
            if (Volatile.Read(ref guest.ObservedAllocators) is not { } readings)
            {
                continue;
            }

            foreach (var (allocator, statistics) in readings)
            {
                ulong bytes = peak ? statistics.PeakBytesInUse : statistics.BytesInUse;
                measurements.Add(new Measurement<long>((long)Math.Min(bytes, long.MaxValue),
                    new KeyValuePair<string, object?>(GuestTag, guest.Name), new KeyValuePair<string, object?>(AllocatorTag, allocator)));
            }
        }

        return measurements;
    }

    // ---- Pools ----

    internal static void Leased(WasmGuestPool pool)
    {
        if (PoolLeases.Enabled)
        {
            PoolLeases.Add(1, new KeyValuePair<string, object?>(PoolTag, pool.Name));
        }
    }

    internal static void Waited(WasmGuestPool pool)
    {
        if (PoolWaits.Enabled)
        {
            PoolWaits.Add(1, new KeyValuePair<string, object?>(PoolTag, pool.Name));
        }
    }

    internal static void Discarded(WasmGuestPool pool)
    {
        if (PoolDiscards.Enabled)
        {
            PoolDiscards.Add(1, new KeyValuePair<string, object?>(PoolTag, pool.Name));
        }
    }
}
