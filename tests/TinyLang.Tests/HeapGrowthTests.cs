using System;
using Wasmtime;
using Xunit;

namespace WasmMarshal.Samples.TinyLang.Tests;

/// <summary>
/// A long list of thunks, built then forced: the heap grows past its first page while the program runs, everything
/// is freed (or the arena reset) at the end, and a second run reuses the same memory instead of growing again.
/// </summary>
public sealed class HeapGrowthTests : IDisposable
{
    private const int Thunks = 3000;

    private readonly Engine _engine = new(new Config().WithStaticMemoryMaximumSize(0).WithMemoryReservationForGrowth(0));

    public void Dispose() => _engine.Dispose();

    private static long SumOfSquares(long n) => n * (n + 1) * (2 * n + 1) / 6;

    [Theory]
    [InlineData(TinyHeap.HostHeap)]
    [InlineData(TinyHeap.Arena)]
    public void A_long_list_of_thunks_grows_the_heap_and_the_second_run_reuses_it(TinyHeap heap)
    {
        using var machine = TinyMachine.Load(_engine, SamplePrograms.ThunkList(Thunks), heap);
        ulong memoryBefore = machine.Guest.Memory.Length;
        nint baseBefore = machine.Guest.Instance.GetMemory("memory")!.GetPointer();

        Assert.Equal(new TinyValue.Int(SumOfSquares(Thunks)), machine.Run());
        var first = machine.Statistics;
        ulong memoryAfterFirst = machine.Guest.Memory.Length;
        nint baseAfterFirst = machine.Guest.Instance.GetMemory("memory")!.GetPointer();

        // Per element: a cons cell, a thunk with no captures, the forced n*n, n itself, n == 0, n - 1, isnil's answer,
        // the partial sums: each object carries an 8-byte link header, so well over 32 bytes per element are live at the peak.
        Assert.True(first.PeakBytesInUse > 32ul * Thunks, $"peak {first.PeakBytesInUse}");
        Assert.True(memoryAfterFirst > memoryBefore, "the heap grew memory");
        Assert.NotEqual(baseBefore, baseAfterFirst);
        Assert.True(machine.ObjectCount > 3 * Thunks, $"{machine.ObjectCount} objects");
        Assert.Equal(0ul, first.BytesInUse);
        Assert.Equal(0, first.LiveAllocations);

        Assert.Equal(new TinyValue.Int(SumOfSquares(Thunks)), machine.Run());
        var second = machine.Statistics;
        Assert.Equal(0ul, second.BytesInUse);
        Assert.Equal(first.PeakBytesInUse, second.PeakBytesInUse);
        Assert.Equal(first.ManagedBytes, second.ManagedBytes);
        Assert.Equal(memoryAfterFirst, machine.Guest.Memory.Length);
        Assert.Equal(2 * first.AllocationCount, second.AllocationCount);
    }

    [Fact]
    public void Without_the_final_free_every_object_leaks_and_tracking_names_them()
    {
        using var machine = TinyMachine.Load(_engine, Compiler.Compile(SamplePrograms.ThunkList(50), freeObjects: false), TinyHeap.HostHeap, track: true);
        Assert.Equal(new TinyValue.Int(SumOfSquares(50)), machine.Run());
        var tracking = Assert.IsType<WasmMarshal.Allocators.TrackingAllocator>(machine.Guest.GuestHeap);
        // Every object the guest counted is still live; the result buffer was freed by the host after copying.
        Assert.Equal(machine.ObjectCount, tracking.Live.Count);
        Assert.All(tracking.Live, allocation => Assert.Equal("env.malloc", allocation.Method));
        Assert.StartsWith($"{machine.ObjectCount} live allocations", tracking.LeakReport(), StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_final_free_tracking_reports_no_leak()
    {
        using var machine = TinyMachine.Load(_engine, SamplePrograms.ThunkList(50), TinyHeap.HostHeap, track: true);
        machine.Run();
        Assert.Empty(machine.Tracking!.Live);
        Assert.Equal("no live allocations in " + machine.Tracking.Name, machine.Tracking.LeakReport());
        Assert.Equal(0, machine.Tracking.ForeignFrees);
    }
}

/// <summary>What docs/compiler-authors.md says about a module that only imports env.malloc/env.free.</summary>
public sealed class ProfileTests
{
    [Fact]
    public void The_builder_serves_the_heap_imports_of_a_compiled_program_without_being_asked()
    {
        using var engine = new Engine();
        using var module = Module.FromBytes(engine, "tiny", Module.ConvertText(Compiler.Compile("\"x\" ++ \"y\"").Wat));
        var profile = WasmMarshal.Profiles.GuestProfile.Detect(module);
        Assert.Equal(WasmMarshal.Profiles.GuestAllocatorKind.HostHeapImports, profile.Allocator);
        using var guest = WasmMarshal.WasmGuest.Builder(engine, module).Instantiate();
        Assert.Equal(new TinyValue.Bytes("xy"u8.ToArray()), TinyValue.Decode(guest.Import<ITinyProgram>().Run()));
        Assert.IsType<WasmMarshal.Allocators.HostHeapAllocator>(guest.GuestHeap);
    }
}
