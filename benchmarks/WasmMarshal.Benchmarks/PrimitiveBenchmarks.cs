using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using WasmMarshal.Allocation;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// The parts the allocator and stub costs are made of, measured one by one so that docs/performance.md can say what
/// costs what instead of guessing.
/// </summary>
[MemoryDiagnoser]
public class PrimitiveBenchmarks
{
    private BenchGuest _guest = null!;
    private GuestMemory _memory = null!;
    private IGuestAllocator _arena = null!;
    private readonly Dictionary<uint, int> _dictionary = new();
    private uint _key = 0x1_0040;
    private readonly byte[] _scratch = new byte[256];
    private const string Text = "The quick brown fox jumps over the lazy dog, 0123456789 ABCDEFGH";

    [GlobalSetup]
    public void Setup()
    {
        _guest = BenchGuest.Load();
        _memory = _guest.Guest.Memory;
        _arena = _guest.CreateArena();
        for (uint i = 0; i < 16; i++)
        {
            _dictionary.Add(0x2_0000 + i * 64, (int)i);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _guest.Dispose();

    /// <summary>
    /// What <c>GuestMemory.View()</c> cost before it called the C API directly: Wasmtime .NET's public
    /// <c>Memory.GetPointer()</c> and <c>Memory.GetLength()</c>, two P/Invokes with a GC transition each.
    /// </summary>
    [Benchmark(Baseline = true, Description = "Memory.GetPointer + GetLength (Wasmtime .NET)")]
    public unsafe ulong PublicApiView() => (ulong)_memory.Memory.GetPointer() + (ulong)_memory.Memory.GetLength();

    /// <summary>
    /// <c>GuestMemory.View()</c>: what every stub does once per marshal stage (<c>wasmtime_memory_data</c> and
    /// <c>wasmtime_memory_data_size</c>, called without a GC transition).
    /// </summary>
    [Benchmark(Description = "GuestMemory.View()")]
    public ulong MemoryView() => _memory.View().Length;

    /// <summary><c>GuestMemory.Length</c>: one native call; the allocation check runs it once per guest malloc.</summary>
    [Benchmark(Description = "GuestMemory.Length")]
    public ulong MemoryLength() => _memory.Length;

    /// <summary><c>WasmGuest.Memory.View()</c>, exactly as generated stubs write it.</summary>
    [Benchmark(Description = "WasmGuest.Memory.View()")]
    public ulong GuestMemoryView() => _guest.Guest.Memory.View().Length;

    /// <summary>What a string stub does to its argument: count the UTF-8 bytes, then encode (64 ASCII characters).</summary>
    [Benchmark(Description = "Utf8Marshaller count + encode, 64 chars")]
    public int Utf8CountAndEncode()
    {
        uint count = Marshalling.Utf8Marshaller.GetByteCount(Text, "benchmark", "text");
        Marshalling.Utf8Marshaller.Write(Text, _scratch.AsSpan(0, (int)count));
        return (int)count;
    }

    /// <summary>The same with <see cref="System.Text.Encoding.UTF8"/> (replacement, not exception, on bad input).</summary>
    [Benchmark(Description = "Encoding.UTF8 count + encode, 64 chars")]
    public int Utf8DefaultCountAndEncode()
    {
        int count = System.Text.Encoding.UTF8.GetByteCount(Text);
        System.Text.Encoding.UTF8.GetBytes(Text, _scratch.AsSpan(0, count));
        return count;
    }

    /// <summary>One interface call that does nothing (the arena's Free): the price of interface dispatch.</summary>
    [Benchmark(Description = "IGuestAllocator.Free no-op (dispatch)")]
    public void InterfaceNoOp() => _arena.Free(0x1000, 64, 8);

    /// <summary>A Dictionary&lt;uint, int&gt; Add + Remove with 16 other entries: TlsfHeap's _usedByAddress per pair.</summary>
    [Benchmark(Description = "Dictionary<uint,int> Add+Remove")]
    public int DictionaryAddRemove()
    {
        _dictionary.Add(_key, 1);
        _dictionary.Remove(_key, out int value);
        return value;
    }
}
