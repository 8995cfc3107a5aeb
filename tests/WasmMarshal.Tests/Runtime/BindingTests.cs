using System.Linq;
using Wasmtime;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>A module that does not fit fails at bind time, once, listing every mismatch.</summary>
public sealed class BindingTests
{
    [Fact]
    public void Every_missing_or_mistyped_export_is_listed_in_one_exception()
    {
        const string wat = """
            (module
              (func (export "add_i32") (param i64 i64) (result i64) local.get 0)
              (func (export "mul_u32") (param i32 i32) (result i32) local.get 0))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "wrong", wat);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate();

        var error = Assert.Throws<WasmBindingException>(() => guest.Import<IScalars>());
        Assert.Equal("WasmMarshal.Tests.Guests.IScalars", error.Target);
        var addI32 = Assert.Single(error.Mismatches, m => m.Item == "add_i32");
        Assert.Equal("WasmMarshal.Tests.Guests.IScalars.AddI32", addI32.Member);
        Assert.Equal("(i32, i32) -> i32", addI32.Expected);
        Assert.Equal("(i64, i64) -> i64", addI32.Actual);
        Assert.DoesNotContain(error.Mismatches, m => m.Item == "mul_u32");
        Assert.Equal(18, error.Mismatches.Count(m => m.Actual == "missing"));
        Assert.Contains("max_u64 (for WasmMarshal.Tests.Guests.IScalars.MaxU64): expected (i64, i64) -> i64, found missing", error.Message);
    }

    [Fact]
    public void A_missing_allocator_is_reported_with_the_exports_it_needs()
    {
        const string wat = """
            (module
              (memory (export "memory") 1)
              (func (export "fnv1a32") (param i32 i32) (result i32) i32.const 0))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "no-allocator", wat);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate();

        var error = Assert.Throws<WasmBindingException>(() => guest.Import<IStrings>());
        Assert.Contains(error.Mismatches, m => m.Item == "malloc/free, alloc/dealloc, __new/__pin/__unpin or cabi_realloc"
            && m.Actual.Contains("WithGuestHeap(GuestAllocatorSource.HostHeap())"));
        Assert.Contains(error.Mismatches, m => m.Item == "to_upper" && m.Actual == "missing");
        Assert.DoesNotContain(error.Mismatches, m => m.Item == "fnv1a32");
    }

    [Fact]
    public void Imports_that_do_not_match_the_host_interfaces_are_listed_before_instantiation()
    {
        const string wat = """
            (module
              (import "env" "log" (func (param i32)))
              (import "env" "echo_i32" (func (param i32) (result i32)))
              (import "env" "no_such_function" (func)))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "bad-imports", wat);
        var error = Assert.Throws<WasmBindingException>(() =>
            WasmGuest.Builder(TestGuests.MovingEngine, module).Export<IHostServices>(new RecordingHost()).Instantiate());

        Assert.Equal(2, error.Mismatches.Count);
        var log = Assert.Single(error.Mismatches, m => m.Item == "env.log");
        Assert.Equal("(i32, i32) -> ()", log.Expected);
        Assert.Equal("(i32) -> ()", log.Actual);
        Assert.Contains(error.Mismatches, m => m.Item == "env.no_such_function" && m.Actual.StartsWith("nothing defines it"));
    }

    [Fact]
    public void The_real_guest_binds_every_interface()
    {
        using var test = TestGuests.MarshalTest();
        var guest = test.Guest;
        {
            Assert.NotNull(guest.Import<IScalars>());
            Assert.NotNull(IStrings.Bind(guest));
            Assert.NotNull(guest.Import<IStructs>());
            Assert.NotNull(guest.Import<ISpans>());
            Assert.NotNull(guest.Import<IRelays>());
        }
    }
}
