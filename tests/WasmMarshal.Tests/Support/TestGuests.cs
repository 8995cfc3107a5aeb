using System;
using System.Collections.Generic;
using System.IO;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using Xunit;

namespace WasmMarshal.Tests.Support;

/// <summary>
/// Engines and modules shared by the runtime tests. The default engine is configured so that the memory base moves
/// on every grow (no reservation, no static memory), which is what catches stale views.
/// </summary>
public static class TestGuests
{
    private static readonly Lazy<Engine> s_movingEngine = new(() =>
        new Engine(new Config().WithStaticMemoryMaximumSize(0).WithMemoryReservationForGrowth(0)));

    private static readonly Dictionary<string, Module> s_modules = new();

    /// <summary>An engine whose linear memories move on every grow.</summary>
    public static Engine MovingEngine => s_movingEngine.Value;

    /// <summary>The path of a committed guest binary (copied next to the test assembly).</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "guests", name + ".wasm");

    /// <summary>A compiled guest module on the moving engine, compiled once per test run.</summary>
    public static Module Load(string name)
    {
        lock (s_modules)
        {
            if (!s_modules.TryGetValue(name, out var module))
            {
                module = Module.FromFile(MovingEngine, PathOf(name));
                s_modules[name] = module;
            }

            return module;
        }
    }

    /// <summary>
    /// Instantiates the C test guest with <paramref name="host"/> as its imports. The guest heap is its own malloc/free
    /// and arguments go through <paramref name="scratch"/>; both are wrapped in a <see cref="CountingAllocator"/> so
    /// tests can check that nothing leaks and that no two live buffers overlap.
    /// </summary>
    public static TestGuest MarshalTest(RecordingHost? host = null, ScratchAllocator scratch = ScratchAllocator.GuestMalloc,
        TrapPolicy trapPolicy = TrapPolicy.Poison)
    {
        CountingAllocator? heap = null;
        var builder = WasmGuest.Builder(MovingEngine, Load("marshal_test"))
            .WithTrapPolicy(trapPolicy)
            .Export<Guests.IHostServices>(host ?? new RecordingHost())
            .WithGuestHeap(GuestAllocatorSource.Custom(g =>
            {
                var mismatches = new List<BindingMismatch>();
                var inner = GuestAllocatorSource.Malloc().TryCreate(g, mismatches)
                    ?? throw new WasmBindingException("test allocator", mismatches);
                return heap = new CountingAllocator(inner, g.Memory);
            }, "counting guest malloc"));

        if (scratch != ScratchAllocator.GuestMalloc)
        {
            var inner = scratch switch
            {
                ScratchAllocator.HostHeap => GuestAllocatorSource.HostHeap(HostHeapRegion.GuestBlocks, 64 * 1024),
                ScratchAllocator.HostHeapOnGrownPages => GuestAllocatorSource.HostHeap(HostHeapRegion.MemoryGrow, 64 * 1024),
                _ => GuestAllocatorSource.Arena(HostHeapRegion.GuestBlocks, 16 * 1024),
            };
            builder.WithAllocator(GuestAllocatorSource.Custom(g =>
            {
                var mismatches = new List<BindingMismatch>();
                return new CountingAllocator(inner.TryCreate(g, mismatches) ?? throw new WasmBindingException("test scratch", mismatches), g.Memory);
            }, "counting " + scratch));
        }

        var guest = builder.Instantiate();
        var scratchCounter = (CountingAllocator)guest.Allocator;
        _ = guest.GuestHeap;
        return new TestGuest(guest, scratchCounter, heap!);
    }

    /// <summary>The current host address of a guest's memory base.</summary>
    public static nint BaseAddress(WasmGuest guest) => guest.Memory.Memory.GetPointer();
}

/// <summary>
/// Wraps an allocator and tracks every live buffer, failing loudly on a wrong-size free or a buffer that overlaps a live
/// one. Frees of unknown addresses are buffers the guest returned, counted separately.
/// </summary>
public sealed class CountingAllocator(IGuestAllocator inner, GuestMemory memory) : IGuestAllocator
{
    public IGuestAllocator Inner => inner;

    public AllocationScope EnterScope() => inner.EnterScope();

    public void ExitScope(AllocationScope scope) => inner.ExitScope(scope);

    private readonly Dictionary<uint, uint> _live = new();

    public string Name => "counting " + inner.Name;

    public int LiveCount => _live.Count;

    public long Allocations { get; private set; }

    public long Frees { get; private set; }

    public uint Allocate(uint size, uint alignment)
    {
        uint address = inner.Allocate(size, alignment);
        foreach (var (start, length) in _live)
        {
            if (address < start + Math.Max(length, 1) && start < address + Math.Max(size, 1))
            {
                throw new InvalidOperationException($"allocation 0x{address:X} ({size}) overlaps live 0x{start:X} ({length})");
            }
        }

        if ((ulong)address + size > memory.Length)
        {
            throw new InvalidOperationException("allocation outside memory");
        }

        _live.Add(address, size);
        Allocations++;
        return address;
    }

    public void Free(uint address, uint size, uint alignment)
    {
        if (!_live.Remove(address, out uint recorded))
        {
            // A buffer the guest allocated itself and returned (a string or an array): the host frees it after copying.
            GuestBufferFrees++;
            inner.Free(address, size, alignment);
            return;
        }

        if (recorded != size)
        {
            throw new InvalidOperationException($"free of 0x{address:X} with size {size}, allocated with {recorded}");
        }

        Frees++;
        inner.Free(address, size, alignment);
    }

    /// <summary>Frees of buffers the guest allocated and returned.</summary>
    public long GuestBufferFrees { get; private set; }
}

/// <summary>Which allocator the stubs use for their arguments in a test run.</summary>
public enum ScratchAllocator
{
    GuestMalloc,
    HostHeap,
    HostHeapOnGrownPages,
    Arena,
}

/// <summary>An instantiated test guest and the counters around its allocators.</summary>
public sealed record TestGuest(WasmGuest Guest, CountingAllocator Scratch, CountingAllocator Heap) : IDisposable
{
    /// <summary>
    /// Checks that every argument buffer was freed, and that a host heap or arena behind the stubs is back to zero
    /// bytes in use with intact invariants; then disposes the guest.
    /// </summary>
    public void Dispose()
    {
        try
        {
            Assert.Equal(0, Scratch.LiveCount);
            switch (Scratch.Inner)
            {
                case HostHeapAllocator hostHeap:
                    hostHeap.Heap.Validate();
                    Assert.Equal(0ul, hostHeap.GetStatistics().BytesInUse);
                    break;
                case ArenaAllocator arena:
                    Assert.Equal(0, arena.Depth);
                    Assert.Equal(0ul, arena.GetStatistics().BytesInUse);
                    break;
            }
        }
        finally
        {
            Guest.Dispose();
        }
    }
}
