using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// Generated-stub calls against <c>marshal_test.wasm</c>, each against a raw typed Wasmtime delegate as baseline.
/// The string and span stubs are bound three times: guest malloc (the default), host heap, and per-call arena.
/// The raw baselines for them call the same export on bytes already placed in guest memory, so the difference is
/// exactly what the stub adds: allocate, copy in, view, free.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StubBenchmarks
{
    /// <summary>64 ASCII characters: 64 UTF-8 bytes.</summary>
    private const string Text = "The quick brown fox jumps over the lazy dog, 0123456789 ABCDEFGH";

    private const int ChecksumLength = 4 * 1024;

    private BenchGuest _guest = null!;
    private IBenchGuest _viaMalloc = null!;
    private IBenchGuest _viaHostHeap = null!;
    private IBenchGuest _viaArena = null!;
    private Func<int, int, int> _rawAdd = null!;
    private Func<int, int, int> _rawFnv1a = null!;
    private Func<int, int, long> _rawChecksum = null!;
    private byte[] _data = null!;
    private int _textAddress;
    private int _dataAddress;

    [GlobalSetup]
    public void Setup()
    {
        if (Encoding.UTF8.GetByteCount(Text) != 64)
        {
            throw new InvalidOperationException("The benchmark string must be 64 UTF-8 bytes.");
        }

        _guest = BenchGuest.Load();
        var guest = _guest.Guest;
        _viaMalloc = guest.Import<IBenchGuest>();
        _viaHostHeap = guest.Import<IBenchGuest>(_guest.CreateHostHeap());
        _viaArena = guest.Import<IBenchGuest>(_guest.CreateArena());
        _rawAdd = guest.Instance.GetFunction<int, int, int>("add_i32")!;
        _rawFnv1a = guest.Instance.GetFunction<int, int, int>("fnv1a32")!;
        _rawChecksum = guest.Instance.GetFunction<int, int, long>("checksum_bytes")!;

        _data = new byte[ChecksumLength];
        new Random(42).NextBytes(_data);

        // The raw baselines' inputs, placed once in guest memory with the guest's malloc.
        IGuestAllocator heap = guest.GuestHeap;
        _textAddress = (int)heap.Allocate(64, 1);
        _dataAddress = (int)heap.Allocate(ChecksumLength, 1);
        var view = guest.Memory.View();
        Encoding.UTF8.GetBytes(Text, view.Bytes((uint)_textAddress, 64, "setup", "text"));
        _data.CopyTo(view.Bytes((uint)_dataAddress, ChecksumLength, "setup", "data"));

        // Every binding must compute what the raw call computes, or the comparison means nothing.
        Same(RawAddI32(), StubAddI32(), "AddI32");
        Same(RawFnv1a(), Fnv1aGuestMalloc(), "Fnv1a (guest malloc)");
        Same(RawFnv1a(), Fnv1aHostHeap(), "Fnv1a (host heap)");
        Same(RawFnv1a(), Fnv1aArena(), "Fnv1a (arena)");
        Same(RawChecksum(), ChecksumGuestMalloc(), "ChecksumBytes (guest malloc)");
        Same(RawChecksum(), ChecksumHostHeap(), "ChecksumBytes (host heap)");
        Same(RawChecksum(), ChecksumArena(), "ChecksumBytes (arena)");
    }

    private static void Same<T>(T expected, T actual, string what) where T : IEquatable<T>
    {
        if (!expected.Equals(actual))
        {
            throw new InvalidOperationException($"{what}: the stub returned {actual}, the raw call {expected}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _guest.Dispose();

    [Benchmark(Baseline = true, Description = "AddI32 raw Func<int,int,int>")]
    [BenchmarkCategory("AddI32")]
    public int RawAddI32() => _rawAdd(40, 2);

    [Benchmark(Description = "AddI32 stub")]
    [BenchmarkCategory("AddI32")]
    public int StubAddI32() => _viaMalloc.AddI32(40, 2);

    [Benchmark(Baseline = true, Description = "Fnv1a raw, bytes already in guest")]
    [BenchmarkCategory("Fnv1a 64 B")]
    public uint RawFnv1a() => (uint)_rawFnv1a(_textAddress, 64);

    [Benchmark(Description = "Fnv1a stub, guest malloc")]
    [BenchmarkCategory("Fnv1a 64 B")]
    public uint Fnv1aGuestMalloc() => _viaMalloc.Fnv1a(Text);

    [Benchmark(Description = "Fnv1a stub, host heap")]
    [BenchmarkCategory("Fnv1a 64 B")]
    public uint Fnv1aHostHeap() => _viaHostHeap.Fnv1a(Text);

    [Benchmark(Description = "Fnv1a stub, arena")]
    [BenchmarkCategory("Fnv1a 64 B")]
    public uint Fnv1aArena() => _viaArena.Fnv1a(Text);

    [Benchmark(Baseline = true, Description = "Checksum raw, bytes already in guest")]
    [BenchmarkCategory("ChecksumBytes 4 KiB")]
    public ulong RawChecksum() => (ulong)_rawChecksum(_dataAddress, ChecksumLength);

    [Benchmark(Description = "Checksum stub, guest malloc")]
    [BenchmarkCategory("ChecksumBytes 4 KiB")]
    public ulong ChecksumGuestMalloc() => _viaMalloc.ChecksumBytes(_data);

    [Benchmark(Description = "Checksum stub, host heap")]
    [BenchmarkCategory("ChecksumBytes 4 KiB")]
    public ulong ChecksumHostHeap() => _viaHostHeap.ChecksumBytes(_data);

    [Benchmark(Description = "Checksum stub, arena")]
    [BenchmarkCategory("ChecksumBytes 4 KiB")]
    public ulong ChecksumArena() => _viaArena.ChecksumBytes(_data);
}
