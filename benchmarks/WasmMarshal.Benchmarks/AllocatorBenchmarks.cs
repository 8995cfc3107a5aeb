using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using WasmMarshal.Allocation;
using WasmMarshal.Allocation.Algorithms;
using WasmMarshal.Allocators;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// One allocate + free of 64 bytes (alignment 8), the unit a generated stub pays per buffer, for each allocator.
/// Fields typed <see cref="IGuestAllocator"/> are called through the interface, as generated stubs call them.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AllocatorBenchmarks
{
    private const uint Size = 64;
    private const uint Alignment = 8;
    private const uint LiveBlocks = 16;

    private BenchGuest _guest = null!;
    private IGuestAllocator _guestMalloc = null!;
    private IGuestAllocator _hostHeap = null!;
    private HostHeapAllocator _hostHeapSealed = null!;
    private IGuestAllocator _hostHeap16Live = null!;
    private IGuestAllocator _arena = null!;
    private TlsfHeap _tlsf = null!;
    private TlsfHeap _tlsf16Live = null!;
    private BumpArena _bump = null!;

    [GlobalSetup]
    public void Setup()
    {
        _guest = BenchGuest.Load();
        _guestMalloc = _guest.Guest.GuestHeap;
        if (_guestMalloc is not GuestMallocAllocator)
        {
            throw new InvalidOperationException($"Expected the guest's malloc/free, got {_guestMalloc.Name}.");
        }

        _hostHeap = _guest.CreateHostHeap();
        _hostHeapSealed = _guest.CreateHostHeap();
        var heap16 = _guest.CreateHostHeap();
        HoldLiveBlocks(heap16);
        _hostHeap16Live = heap16;
        _arena = _guest.CreateArena();

        _tlsf = new TlsfHeap();
        _tlsf.AddRegion(0x1_0000, 256 * 1024);
        _tlsf16Live = new TlsfHeap();
        _tlsf16Live.AddRegion(0x1_0000, 256 * 1024);
        HoldLiveBlocks(_tlsf16Live);
        _bump = new BumpArena(0x1_0000, 256 * 1024);
    }

    [GlobalCleanup]
    public void Cleanup() => _guest.Dispose();

    /// <summary>
    /// Allocates 32 blocks of mixed sizes and frees every other one: 16 stay live between iterations, leaving 16 free
    /// holes of different size classes in front of the remaining free tail, so free lists and bitmaps are non-trivial.
    /// </summary>
    private static void HoldLiveBlocks(HostHeapAllocator heap)
    {
        var blocks = new (uint Address, uint Size)[LiveBlocks * 2];
        for (uint i = 0; i < blocks.Length; i++)
        {
            uint size = 16 + (i * 40 % 480);
            blocks[i] = (heap.Allocate(size, 8), size);
        }

        for (int i = 0; i < blocks.Length; i += 2)
        {
            heap.Free(blocks[i].Address, blocks[i].Size, 8);
        }

        Check(heap.Heap.LiveAllocations == LiveBlocks, "16 live host-heap blocks");
    }

    private static void HoldLiveBlocks(TlsfHeap heap)
    {
        var blocks = new uint[LiveBlocks * 2];
        for (uint i = 0; i < blocks.Length; i++)
        {
            Check(heap.TryAllocate(16 + (i * 40 % 480), 8, out blocks[i]), "TLSF setup allocation");
        }

        for (int i = 0; i < blocks.Length; i += 2)
        {
            heap.Free(blocks[i]);
        }

        Check(heap.LiveAllocations == LiveBlocks, "16 live TLSF blocks");
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark setup failed: " + what);
        }
    }

    /// <summary>Guest <c>malloc</c> + <c>free</c>: two calls into Wasmtime, plus the bounds check (memory length).</summary>
    [Benchmark(Baseline = true, Description = "GuestMalloc pair")]
    [BenchmarkCategory("Pair")]
    public uint GuestMallocPair()
    {
        uint address = _guestMalloc.Allocate(Size, Alignment);
        _guestMalloc.Free(address, Size, Alignment);
        return address;
    }

    /// <summary>Host heap (TLSF in .NET over blocks reserved from guest malloc), through the interface.</summary>
    [Benchmark(Description = "HostHeap pair")]
    [BenchmarkCategory("Pair")]
    public uint HostHeapPair()
    {
        uint address = _hostHeap.Allocate(Size, Alignment);
        _hostHeap.Free(address, Size, Alignment);
        return address;
    }

    /// <summary>The same host heap called on the sealed class: no interface dispatch.</summary>
    [Benchmark(Description = "HostHeap pair (sealed, no interface)")]
    [BenchmarkCategory("Pair")]
    public uint HostHeapPairSealed()
    {
        uint address = _hostHeapSealed.Allocate(Size, Alignment);
        _hostHeapSealed.Free(address, Size, Alignment);
        return address;
    }

    /// <summary>Host heap with 16 live blocks and 16 free holes held between iterations.</summary>
    [Benchmark(Description = "HostHeap pair, 16 live")]
    [BenchmarkCategory("Pair")]
    public uint HostHeapPair16Live()
    {
        uint address = _hostHeap16Live.Allocate(Size, Alignment);
        _hostHeap16Live.Free(address, Size, Alignment);
        return address;
    }

    /// <summary>
    /// What a stub does per buffer with the host heap: EnterScope, the 4-argument Allocate (a default interface
    /// method that forwards to the 2-argument one), Free, ExitScope.
    /// </summary>
    [Benchmark(Description = "HostHeap stub pattern")]
    [BenchmarkCategory("Pair")]
    public uint HostHeapStubPattern()
    {
        var scope = _hostHeap.EnterScope();
        uint address = _hostHeap.Allocate(Size, Alignment, "IBench.Method", "data");
        _hostHeap.Free(address, Size, Alignment);
        _hostHeap.ExitScope(scope);
        return address;
    }

    /// <summary>
    /// The arena's per-call pattern, as a stub runs it: EnterScope, Allocate, Free (a no-op), ExitScope (releases).
    /// </summary>
    [Benchmark(Description = "Arena scope")]
    [BenchmarkCategory("Pair")]
    public uint ArenaScope()
    {
        var scope = _arena.EnterScope();
        uint address = _arena.Allocate(Size, Alignment);
        _arena.Free(address, Size, Alignment);
        _arena.ExitScope(scope);
        return address;
    }

    /// <summary>The TLSF algorithm alone: no Wasmtime, no region source, no interface.</summary>
    [Benchmark(Description = "TlsfHeap pair (pure)")]
    [BenchmarkCategory("Pair")]
    public uint TlsfPair()
    {
        _tlsf.TryAllocate(Size, Alignment, out uint address);
        _tlsf.Free(address);
        return address;
    }

    /// <summary>TLSF alone with 16 live blocks and 16 free holes.</summary>
    [Benchmark(Description = "TlsfHeap pair, 16 live (pure)")]
    [BenchmarkCategory("Pair")]
    public uint TlsfPair16Live()
    {
        _tlsf16Live.TryAllocate(Size, Alignment, out uint address);
        _tlsf16Live.Free(address);
        return address;
    }

    /// <summary>The bump algorithm alone: TryAllocate and Reset to the mark.</summary>
    [Benchmark(Description = "BumpArena pair (pure)")]
    [BenchmarkCategory("Pair")]
    public uint BumpPair()
    {
        ulong mark = _bump.Mark;
        _bump.TryAllocate(Size, Alignment, out uint address);
        _bump.Reset(mark);
        return address;
    }
}
