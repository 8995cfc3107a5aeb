using System;
using Wasmtime;
using WasmMarshal.Interop;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>
/// <see cref="WasmExports"/> calls exports through <c>wasmtime_func_call_unchecked</c> directly (Interop/DirectExport.cs).
/// Every observable result must be the one Wasmtime .NET's own typed delegates give on the same instance: values of
/// each core type, traps, host-callback failures, a disposed store; and a type mismatch must never reach the
/// unchecked call.
/// </summary>
public sealed class DirectExportTests
{
    private const string Wat = """
        (module
          (import "env" "fail" (func $fail (param i32) (result i32)))
          (memory (export "memory") 1)
          (global $last (mut i64) (i64.const 0))
          (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
          (func (export "mix") (param i64 f32 f64 i32) (result f64)
            (f64.add (f64.add (f64.convert_i64_s (local.get 0)) (f64.promote_f32 (local.get 1)))
                     (f64.add (local.get 2) (f64.convert_i32_s (local.get 3)))))
          (func (export "wide") (param i64) (result i64) (i64.mul (local.get 0) (i64.const 3)))
          (func (export "half") (param f32) (result f32) (f32.mul (local.get 0) (f32.const 0.5)))
          (func (export "bits") (param f64) (result i64) (i64.reinterpret_f64 (local.get 0)))
          (func (export "store6") (param i32 i32 i32 i32 i32 i32)
            (global.set $last (i64.extend_i32_u (i32.add (i32.add (i32.add (local.get 0) (local.get 1)) (i32.add (local.get 2) (local.get 3)))
                                                         (i32.add (local.get 4) (i32.mul (local.get 5) (i32.const 1000)))))))
          (func (export "last") (result i64) (global.get $last))
          (func (export "sum16") (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
            (i32.add (i32.add (i32.add (i32.add (local.get 0) (local.get 1)) (i32.add (local.get 2) (local.get 3)))
                              (i32.add (i32.add (local.get 4) (local.get 5)) (i32.add (local.get 6) (local.get 7))))
                     (i32.mul (i32.add (i32.add (i32.add (local.get 8) (local.get 9)) (i32.add (local.get 10) (local.get 11)))
                                       (i32.add (i32.add (local.get 12) (local.get 13)) (i32.add (local.get 14) (local.get 15))))
                              (i32.const 100))))
          (func (export "divide") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
          (func (export "through_host") (param i32) (result i32) (call $fail (local.get 0))))
        """;

    private const System.Reflection.BindingFlags Instance = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic;

    /// <summary>The delegate calls the direct path (Interop.DirectExport, internal), not Wasmtime .NET's wrapper.</summary>
    private static void AssertDirect(object? callable)
    {
        var target = Assert.IsAssignableFrom<Delegate>(callable).Target;
        Assert.Equal("WasmMarshal.Interop.DirectExport", target?.GetType().FullName);
    }

    private static WasmGuest Instantiate(Engine engine, Module module) =>
        WasmGuest.Builder(engine, module)
            .ConfigureLinker((linker, _) => linker.DefineFunction("env", "fail", (int code) =>
                code == 0 ? 42 : throw new InvalidOperationException($"host failure {code}")))
            .Instantiate();

    [Fact]
    public void The_direct_path_is_taken_and_gives_what_wasmtime_gives_for_every_core_type()
    {
        using var engine = new Engine();
        using var module = Module.FromText(engine, "direct", Wat);
        using var guest = Instantiate(engine, module);
        Assert.True(WasmExports.UsesDirectCalls, "Wasmtime .NET 50.0.1 has the internals the direct path needs.");

        var add = WasmExports.Function<int, int, int>(guest, "add")!;
        AssertDirect(add);
        var wasmtimeAdd = guest.Instance.GetFunction<int, int, int>("add")!;
        foreach (var (a, b) in new[] { (1, 2), (int.MaxValue, 1), (-5, -7), (0, 0) })
        {
            Assert.Equal(wasmtimeAdd(a, b), add(a, b));
        }

        var mix = WasmExports.Function<long, float, double, int, double>(guest, "mix")!;
        Assert.Equal(guest.Instance.GetFunction<long, float, double, int, double>("mix")!(1L << 40, 0.25f, -3.5, -9),
            mix(1L << 40, 0.25f, -3.5, -9));
        Assert.Equal(unchecked(0x7FFF_FFFF_FFFF_FFFFL * 3), WasmExports.Function<long, long>(guest, "wide")!(0x7FFF_FFFF_FFFF_FFFFL));
        Assert.Equal(1.25f, WasmExports.Function<float, float>(guest, "half")!(2.5f));

        // The f64 goes through the 16-byte slot bit for bit (a NaN with a payload included).
        double nan = BitConverter.Int64BitsToDouble(0x7FF8_0000_DEAD_BEEF);
        Assert.Equal(0x7FF8_0000_DEAD_BEEFL, WasmExports.Function<double, long>(guest, "bits")!(nan));

        var sum16 = WasmExports.Function<int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int>(guest, "sum16")!;
        AssertDirect(sum16);
        Assert.Equal(36 + 100 * (9 + 10 + 11 + 12 + 13 + 14 + 15 + 16), sum16(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
    }

    [Fact]
    public void Exports_found_by_the_c_api_lookup_are_the_named_functions()
    {
        using var engine = new Engine();
        using var module = Module.FromText(engine, "direct", Wat);
        // Two instances: the first export of the process checks the C API lookup against Wasmtime .NET's own, and
        // every later one (the second guest's included) is found by name through it alone.
        using var first = Instantiate(engine, module);
        using var second = Instantiate(engine, module);
        var add = WasmExports.Function<int, int, int>(first, "add")!;
        var divide = WasmExports.Function<int, int, int>(second, "divide")!;
        var addSecond = WasmExports.Function<int, int, int>(second, "add")!;

        var check = typeof(WasmExports).Assembly.GetType("WasmMarshal.Interop.DirectExport")!
            .GetField("s_lookupChecked", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!;
        Assert.Equal(1, (int)check.GetValue(null)!);
        Assert.Equal(19, add(12, 7));
        Assert.Equal(4, divide(29, 7));
        Assert.Equal(36, addSecond(29, 7));
        AssertDirect(divide);
    }

    [Fact]
    public void An_action_with_more_parameters_than_wasmtime_types_runs_directly()
    {
        using var engine = new Engine();
        using var module = Module.FromText(engine, "direct", Wat);
        using var guest = Instantiate(engine, module);

        var store6 = WasmExports.Action<int, int, int, int, int, int>(guest, "store6")!;
        AssertDirect(store6);
        store6(1, 2, 3, 4, 5, 6);
        Assert.Equal(6015L, WasmExports.Function<long>(guest, "last")!());
    }

    [Fact]
    public void A_trap_is_the_exception_wasmtime_throws()
    {
        using var engine = new Engine();
        using var module = Module.FromText(engine, "direct", Wat);
        using var guest = Instantiate(engine, module);

        var direct = Assert.Throws<TrapException>(() => WasmExports.Function<int, int, int>(guest, "divide")!(1, 0));
        var wasmtime = Assert.Throws<TrapException>(() => guest.Instance.GetFunction<int, int, int>("divide")!(1, 0));
        Assert.Equal(wasmtime.Type, direct.Type);
        Assert.Equal(TrapCode.IntegerDivisionByZero, direct.Type);
        Assert.Equal(wasmtime.Message, direct.Message);
        Assert.Equal(wasmtime.Frames?.Count, direct.Frames?.Count);

        // The instance keeps working after the trap.
        Assert.Equal(3, WasmExports.Function<int, int, int>(guest, "divide")!(7, 2));
    }

    [Fact]
    public void A_host_callback_failure_keeps_its_exception_as_the_inner_exception_as_wasmtime_does()
    {
        using var engine = new Engine();
        using var module = Module.FromText(engine, "direct", Wat);
        using var guest = Instantiate(engine, module);
        var throughHost = WasmExports.Function<int, int>(guest, "through_host")!;

        Assert.Equal(42, throughHost(0));
        var direct = Assert.ThrowsAny<WasmtimeException>(() => throughHost(7));
        var wasmtime = Assert.ThrowsAny<WasmtimeException>(() => guest.Instance.GetFunction<int, int>("through_host")!(7));
        Assert.Equal(wasmtime.GetType(), direct.GetType());
        var inner = Assert.IsType<InvalidOperationException>(direct.InnerException);
        Assert.Equal("host failure 7", inner.Message);
        Assert.IsType<InvalidOperationException>(wasmtime.InnerException);
    }

    [Fact]
    public void A_type_that_does_not_match_the_export_is_never_called_unchecked()
    {
        using var engine = new Engine();
        using var module = Module.FromText(engine, "direct", Wat);
        using var guest = Instantiate(engine, module);

        // The fallback is Wasmtime .NET's own check, which refuses these (null), so nothing reads a slot as another type.
        Assert.Null(WasmExports.Function<long, long, long>(guest, "add"));
        Assert.Null(WasmExports.Function<int, int>(guest, "add"));
        Assert.Null(WasmExports.Action<int, int>(guest, "add"));
        Assert.Null(WasmExports.Function<int, int, int>(guest, "missing"));
        Assert.Null(WasmExports.Action<int, int, int, int, int, long>(guest, "store6"));
    }

    [Fact]
    public void A_call_after_the_store_is_disposed_is_refused_not_made_on_freed_memory()
    {
        using var engine = new Engine();
        using var module = Module.FromText(engine, "direct", Wat);
        var guest = Instantiate(engine, module);
        var add = WasmExports.Function<int, int, int>(guest, "add")!;
        Assert.Equal(3, add(1, 2));

        guest.Dispose();
        Assert.Throws<ObjectDisposedException>(() => add(1, 2));
    }

    [Fact]
    public void Generated_stubs_and_guest_allocators_use_the_direct_path()
    {
        var module = TestGuests.Load("marshal_test");
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module)
            .ConfigureLinker((linker, _) => linker.DefineUnknownImportsAsTraps(module))
            .Instantiate();
        var malloc = Assert.IsType<Allocators.GuestMallocAllocator>(guest.GuestHeap);
        AssertDirect(typeof(Allocators.GuestMallocAllocator).GetField("_malloc", Instance)!.GetValue(malloc));
        AssertDirect(typeof(Allocators.GuestMallocAllocator).GetField("_free", Instance)!.GetValue(malloc));

        var stub = guest.Import<Guests.IScalars>();
        Assert.Equal(5, stub.AddI32(2, 3));
        var field = Assert.Single(stub.GetType().GetFields(Instance), f => f.Name.EndsWith("_add_i32", StringComparison.Ordinal));
        AssertDirect(field.GetValue(stub));
    }
}
