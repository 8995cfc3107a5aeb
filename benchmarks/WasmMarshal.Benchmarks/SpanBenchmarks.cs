using System;
using BenchmarkDotNet.Attributes;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// A 1 MiB byte span into the guest (<see cref="ReadOnlySpan{T}"/>: copied in) and in and out (<see cref="Span{T}"/>:
/// copied in, and back out after the call), against the bandwidth of <see cref="Span{T}.CopyTo"/> of the same bytes
/// into guest memory. The export does O(1) work, so what remains is allocation, the copies and one call.
/// </summary>
[MemoryDiagnoser]
public class SpanBenchmarks
{
    private const int Length = 1024 * 1024;

    private BenchGuest _guest = null!;
    private IBenchGuest _viaMalloc = null!;
    private IBenchGuest _viaHostHeap = null!;
    private IBenchGuest _viaArena = null!;
    private Func<int, int, int> _rawIsNull = null!;
    private byte[] _data = null!;
    private uint _placed;

    [GlobalSetup]
    public void Setup()
    {
        _guest = BenchGuest.Load();
        var guest = _guest.Guest;
        (_viaMalloc, _viaHostHeap, _viaArena) = _guest.BindEachAllocator();
        _rawIsNull = guest.Instance.GetFunction<int, int, int>("is_null")!;
        _data = new byte[Length];
        new Random(42).NextBytes(_data);
        _placed = _guest.Place(_data);

        bool expected = Floor();
        Check.Same(expected, InGuestMalloc(), "1 MiB in, guest malloc");
        Check.Same(expected, InHostHeap(), "1 MiB in, host heap");
        Check.Same(expected, InArena(), "1 MiB in, arena");
        var original = (byte[])_data.Clone();
        foreach (var binding in new[] { _viaMalloc, _viaHostHeap, _viaArena })
        {
            binding.SpanInOut(_data);
            if (!original.AsSpan().SequenceEqual(_data))
            {
                throw new InvalidOperationException("The in-and-out span did not come back unchanged.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _guest.Dispose();

    [Benchmark(Baseline = true, Description = "memcpy: Span.CopyTo 1 MiB into guest memory")]
    public int MemoryCopy()
    {
        _data.AsSpan().CopyTo(_guest.Guest.Memory.View().Bytes(_placed, Length, "benchmark", "memcpy"));
        return _data.Length;
    }

    [Benchmark(Description = "floor: call on 1 MiB already in guest")]
    public bool Floor() => _rawIsNull((int)_placed, Length) != 0;

    [Benchmark(Description = "in: stub, guest malloc")]
    public bool InGuestMalloc() => _viaMalloc.SpanIn(_data);

    [Benchmark(Description = "in: stub, host heap")]
    public bool InHostHeap() => _viaHostHeap.SpanIn(_data);

    [Benchmark(Description = "in: stub, arena")]
    public bool InArena() => _viaArena.SpanIn(_data);

    [Benchmark(Description = "in+out: stub, guest malloc")]
    public uint InOutGuestMalloc() => _viaMalloc.SpanInOut(_data);

    [Benchmark(Description = "in+out: stub, host heap")]
    public uint InOutHostHeap() => _viaHostHeap.SpanInOut(_data);

    [Benchmark(Description = "in+out: stub, arena")]
    public uint InOutArena() => _viaArena.SpanInOut(_data);
}
