using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using WasmMarshal.Diagnostics;

namespace WasmMarshal.Tests.Diagnostics;

/// <summary>One measurement of a WasmMarshal instrument, with its tags.</summary>
public sealed record Recorded(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? value?.ToString() : null;
}

/// <summary>
/// Listens to the WasmMarshal meter and activity source for one test. Tests in other classes call guests at the same
/// time, so every query filters by the guest name the test gave its own guest.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly ConcurrentQueue<Recorded> _measurements = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public TelemetryRecorder(bool meters = true, bool activities = true)
    {
        if (meters)
        {
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WasmMarshalTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _meters.Start();
        }

        _activities = new ActivityListener
        {
            ShouldListenTo = source => activities && source.Name == WasmMarshalTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stopped.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_activities);
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Recorded(instrument.Name, value, copy));
    }

    /// <summary>Polls observable instruments (the memory gauge) now.</summary>
    public void Observe() => _meters.RecordObservableInstruments();

    public IReadOnlyList<Recorded> Of(string instrument, string guest) =>
        _measurements.Where(m => m.Instrument == instrument && m.Tag(WasmMarshalTelemetry.GuestTag) == guest).ToList();

    public IReadOnlyList<Recorded> OfPool(string instrument, string pool) =>
        _measurements.Where(m => m.Instrument == instrument && m.Tag(WasmMarshalTelemetry.PoolTag) == pool).ToList();

    public IReadOnlyList<Activity> Activities(string guest) =>
        _stopped.Where(a => a.GetTagItem(WasmMarshalTelemetry.GuestTag) as string == guest).ToList();

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }
}
