using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using WasmMarshal.Diagnostics;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// The cost of WasmMarshalTelemetry in a stub: the same calls with nobody listening (which must match the stub rows
/// of <see cref="StubBenchmarks"/> of the same run: the frame reads the instruments' Enabled flags and nothing else),
/// with a <see cref="MeterListener"/> enabled on every instrument, and with an <see cref="ActivityListener"/> sampling
/// every call as well. Each listener is attached in its row's setup and removed in its cleanup, so rows do not leak
/// into each other when run in one process (the smoke run).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TelemetryBenchmarks
{
    private const string Add = "int add(int, int)";
    private const string Upper = "string to_upper (64 B)";
    private const string Text = "The quick brown fox jumps over the lazy dog, 0123456789 abcdefgh";

    private BenchGuest _guest = null!;
    private IBenchGuest _stub = null!;
    private MeterListener? _meters;
    private ActivityListener? _activities;
    private long _measurements;

    private void Load()
    {
        _guest = BenchGuest.Load();
        _stub = _guest.Guest.Import<IBenchGuest>();
        Check.Same(42, _stub.AddI32(40, 2), "AddI32");
        Check.Same(Text.ToUpperInvariant(), _stub.ToUpper(Text), "ToUpper");
    }

    [GlobalSetup(Targets = [nameof(AddNoListener), nameof(UpperNoListener)])]
    public void SetupNoListener() => Load();

    [GlobalSetup(Targets = [nameof(AddMeterListener), nameof(UpperMeterListener)])]
    public void SetupMeterListener()
    {
        Load();
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WasmMarshalTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((_, _, _, _) => _measurements++);
        _meters.SetMeasurementEventCallback<double>((_, _, _, _) => _measurements++);
        _meters.Start();
        long before = _measurements;
        _stub.AddI32(1, 2);
        Check.Same(true, _measurements > before, "the meter listener sees calls");
    }

    [GlobalSetup(Targets = [nameof(AddMetersAndTraces), nameof(UpperMetersAndTraces)])]
    public void SetupMetersAndTraces()
    {
        SetupMeterListener();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WasmMarshalTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_activities);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _meters?.Dispose();
        _activities?.Dispose();
        _meters = null;
        _activities = null;
        _guest.Dispose();
    }

    [Benchmark(Baseline = true, Description = "no listener")]
    [BenchmarkCategory(Add)]
    public int AddNoListener() => _stub.AddI32(40, 2);

    [Benchmark(Description = "MeterListener")]
    [BenchmarkCategory(Add)]
    public int AddMeterListener() => _stub.AddI32(40, 2);

    [Benchmark(Description = "MeterListener + ActivityListener")]
    [BenchmarkCategory(Add)]
    public int AddMetersAndTraces() => _stub.AddI32(40, 2);

    [Benchmark(Baseline = true, Description = "no listener")]
    [BenchmarkCategory(Upper)]
    public string UpperNoListener() => _stub.ToUpper(Text);

    [Benchmark(Description = "MeterListener")]
    [BenchmarkCategory(Upper)]
    public string UpperMeterListener() => _stub.ToUpper(Text);

    [Benchmark(Description = "MeterListener + ActivityListener")]
    [BenchmarkCategory(Upper)]
    public string UpperMetersAndTraces() => _stub.ToUpper(Text);
}
