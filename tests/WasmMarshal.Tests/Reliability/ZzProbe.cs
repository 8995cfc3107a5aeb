using System;
using Wasmtime;
using WasmMarshal.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace WasmMarshal.Tests.Reliability;

public sealed class ZzProbe(ITestOutputHelper output)
{
    private static readonly Lazy<Engine> s_fuel = new(() => new Engine(new Config().WithFuelConsumption(true).WithStaticMemoryMaximumSize(0).WithMemoryReservationForGrowth(0)));

    [Theory]
    [InlineData(ScratchAllocator.GuestMalloc)]
    [InlineData(ScratchAllocator.HostHeap)]
    public void Fuel(ScratchAllocator scratch)
    {
        using var module = Module.FromFile(s_fuel.Value, TestGuests.PathOf("hostile"));
        using var h = HostileGuest.Create(scratch, configureStore: s => s.Fuel = 10_000_000, engine: s_fuel.Value, module: module);
        h.Api.Take("warm");
        var b = h.Usage();
        output.WriteLine("baseline " + b);
        h.Guest.Store.Fuel = 200_000;
        try { h.Api.SpinWith("some argument"); } catch (Exception e) { output.WriteLine(e.GetType() + ": " + e.Message); }
        h.Guest.Store.Fuel = 10_000_000;
        output.WriteLine("after " + h.Usage());
        output.WriteLine(h.Scratch.LeakReport());
    }

    [Fact]
    public void Grow()
    {
        using var h = HostileGuest.Create();
        output.WriteLine("pages " + h.Api.GrowUntilFull());
        output.WriteLine("take " + h.Api.Take("x"));
        output.WriteLine("malloc_until_null " + h.Api.MallocUntilNull(65536));
        using var h2 = HostileGuest.Create(configureStore: s => s.SetLimits(memorySize: 4 * 1024 * 1024));
        output.WriteLine("pages " + h2.Api.GrowUntilFull());
        try { h2.Api.Take(new string('x', 5_000_000)); } catch (Exception e) { output.WriteLine(e.GetType() + ": " + e.Message); }
        output.WriteLine("take " + h2.Api.Take("x"));
    }
}
