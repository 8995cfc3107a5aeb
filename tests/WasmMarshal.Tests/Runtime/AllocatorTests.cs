using System;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

[WasmImport]
public partial interface ICabiGuest
{
    string Shout(string text);

    long Total(ReadOnlySpan<int> values);
}

[WasmImport]
public partial interface IHostileMallocGuest
{
    [WasmName("take")]
    int Take(string text);
}

/// <summary>Allocator choice and the checks on what an allocator returns.</summary>
public sealed class AllocatorTests
{
    [Fact]
    public void A_guest_that_exports_only_cabi_realloc_gets_the_cabi_allocator_automatically()
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("cabi_guest")).Instantiate();
        Assert.IsType<CabiReallocAllocator>(guest.Allocator);
        var plugin = guest.Import<ICabiGuest>();
        Assert.Equal("HELLO, WöRLD!", plugin.Shout("hello, wörld")); // the guest uppercases ASCII only
        Assert.Equal(10, plugin.Total(new[] { 1, 2, 3, 4 }));
    }

    [Fact]
    public void The_malloc_allocator_is_chosen_when_malloc_and_free_are_exported()
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("quickstart"))
            .ConfigureLinker((linker, _) => linker.DefineFunction("env", "log", (int _, int _) => { }))
            .Instantiate();
        Assert.IsType<GuestMallocAllocator>(guest.Allocator);
    }

    [Theory]
    [InlineData("i32.const 0", "returned 0")]
    [InlineData("i32.const 65535", "exceed the memory size")]
    [InlineData("i32.const 0xFFFFFFF0", "exceed the memory size")]
    public void What_a_hostile_malloc_returns_is_checked_before_the_host_writes(string result, string reason)
    {
        string wat = $$"""
            (module
              (memory (export "memory") 1)
              (func (export "malloc") (param i32) (result i32) {{result}})
              (func (export "free") (param i32))
              (func (export "take") (param i32 i32) (result i32) local.get 1))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "hostile-malloc", wat);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate();
        var plugin = guest.Import<IHostileMallocGuest>();
        var error = Assert.Throws<GuestAllocationException>(() => plugin.Take("some text that needs a buffer"));
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("host heap")]
    [InlineData("arena")]
    public void An_allocator_that_runs_out_names_the_method_and_parameter(string allocator)
    {
        // Memory that can grow by four pages only: the host-managed heaps have nowhere to put a 400 KB argument.
        const string wat = """
            (module
              (memory (export "memory") 1 5)
              (func (export "take") (param i32 i32) (result i32) local.get 1))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "fixed-memory", wat);
        var source = allocator == "arena"
            ? GuestAllocatorSource.Arena(HostHeapRegion.MemoryGrow)
            : GuestAllocatorSource.HostHeap(HostHeapRegion.MemoryGrow);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).WithAllocator(source).Instantiate();
        var plugin = guest.Import<IHostileMallocGuest>();

        var error = Assert.Throws<GuestAllocationException>(() => plugin.Take(new string('x', 400_000)));
        Assert.Equal("IHostileMallocGuest.Take", error.Method);
        Assert.Equal("text", error.Parameter);
        Assert.Contains("IHostileMallocGuest.Take, parameter text", error.Message);
        Assert.IsType<GuestAllocationException>(error.InnerException);
        Assert.Equal(2, plugin.Take("ok")); // nothing was left half-allocated
    }

    [Fact]
    public void A_misaligned_address_is_rejected()
    {
        const string wat = """
            (module
              (memory (export "memory") 1)
              (func (export "malloc") (param i32) (result i32) i32.const 1027)
              (func (export "free") (param i32)))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "misaligned-malloc", wat);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate();
        var error = Assert.Throws<GuestAllocationException>(() => guest.Allocator.Allocate(16, 8));
        Assert.Contains("misaligned address 0x00000403", error.Message);
    }
}
