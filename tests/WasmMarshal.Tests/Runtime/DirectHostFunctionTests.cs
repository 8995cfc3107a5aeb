using System;
using Wasmtime;
using WasmMarshal.Interop;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>
/// Host functions defined through <see cref="WasmHostFunctions"/> (<c>wasmtime_linker_define_func_unchecked</c> with one
/// static callback) must behave exactly as those defined through Wasmtime .NET's <c>Linker.DefineFunction</c>: the same
/// values of every kind, the same failures, the same link-time checks. Each test runs both and compares.
/// </summary>
public sealed class DirectHostFunctionTests
{
    private const string Wat = """
        (module
          (import "m" "i32" (func $i32 (param i32 i32) (result i32)))
          (import "m" "i64" (func $i64 (param i64) (result i64)))
          (import "m" "f32" (func $f32 (param f32) (result f32)))
          (import "m" "f64" (func $f64 (param f64 i32) (result f64)))
          (import "m" "none" (func $none))
          (func (export "call_i32") (param i32 i32) (result i32) local.get 0 local.get 1 call $i32)
          (func (export "call_i64") (param i64) (result i64) local.get 0 call $i64)
          (func (export "call_f32") (param f32) (result f32) local.get 0 call $f32)
          (func (export "call_f64") (param f64 i32) (result f64) local.get 0 local.get 1 call $f64)
          (func (export "call_none") call $none))
        """;

    private static readonly Lazy<Module> s_module = new(() => Module.FromText(TestGuests.MovingEngine, "direct_host", Wat));

    [Fact]
    public void The_direct_path_is_available_on_this_wasmtime_dotnet() =>
        Assert.True(WasmHostFunctions.IsAvailable, "Wasmtime .NET 50.0.1 has what the direct host-function path needs.");

    [Fact]
    public void Every_number_kind_crosses_both_ways_bit_for_bit()
    {
        int noneCalls = 0;
        using var linker = new Linker(TestGuests.MovingEngine);
        WasmHostFunctions.Define(linker, "m", "i32", (int a, int b) => unchecked(a * 31 + b));
        WasmHostFunctions.Define(linker, "m", "i64", (long a) => ~a);
        WasmHostFunctions.Define(linker, "m", "f32", (float a) => -a);
        WasmHostFunctions.Define(linker, "m", "f64", (double a, int scale) => a * scale);
        WasmHostFunctions.Define(linker, "m", "none", () => { noneCalls++; });
        using var store = new Store(TestGuests.MovingEngine);
        var instance = linker.Instantiate(store, s_module.Value);

        Assert.Equal(unchecked(int.MinValue * 31 + -7), instance.GetFunction<int, int, int>("call_i32")!(int.MinValue, -7));
        Assert.Equal(~0x0123_4567_89AB_CDEFL, instance.GetFunction<long, long>("call_i64")!(0x0123_4567_89AB_CDEFL));
        Assert.Equal(long.MaxValue, instance.GetFunction<long, long>("call_i64")!(long.MinValue));
        Assert.Equal(-1.5f, instance.GetFunction<float, float>("call_f32")!(1.5f));
        Assert.Equal(BitConverter.SingleToInt32Bits(-0.0f), BitConverter.SingleToInt32Bits(instance.GetFunction<float, float>("call_f32")!(0.0f)));
        Assert.Equal(-2.5e300, instance.GetFunction<double, int, double>("call_f64")!(2.5e300, -1));
        instance.GetAction("call_none")!();
        instance.GetAction("call_none")!();
        Assert.Equal(2, noneCalls);
    }

    [Fact]
    public void A_throwing_body_fails_the_call_as_wasmtime_dotnet_makes_it_fail()
    {
        var thrown = new InvalidOperationException("the host said no");
        Func<int, int, int> body = (_, _) => throw thrown;
        var direct = CallThrowing(linker => WasmHostFunctions.Define(linker, "m", "i32", body));
        var wasmtime = CallThrowing(linker => linker.DefineFunction("m", "i32", body));

        Assert.Equal(wasmtime.GetType(), direct.GetType());
        Assert.Same(thrown, direct.InnerException);
        Assert.Same(thrown, wasmtime.InnerException);
        Assert.Equal(FirstLine(wasmtime.Message), FirstLine(direct.Message));
    }

    private static Exception CallThrowing(Action<Linker> define)
    {
        using var linker = new Linker(TestGuests.MovingEngine);
        define(linker);
        linker.DefineFunction("m", "i64", (long a) => a);
        linker.DefineFunction("m", "f32", (float a) => a);
        linker.DefineFunction("m", "f64", (double a, int _) => a);
        linker.DefineFunction("m", "none", () => { });
        using var store = new Store(TestGuests.MovingEngine);
        var instance = linker.Instantiate(store, s_module.Value);
        var call = instance.GetFunction<int, int, int>("call_i32")!;
        var error = Assert.ThrowsAny<WasmtimeException>(() => call(1, 2));

        // The store is still usable after the failed call.
        Assert.Equal(7L, instance.GetFunction<long, long>("call_i64")!(7));
        return error;
    }

    private static string FirstLine(string message) => message.Split('\n')[0];

    [Fact]
    public void Defining_a_name_twice_fails_as_wasmtime_dotnet_fails()
    {
        using var linker = new Linker(TestGuests.MovingEngine);
        WasmHostFunctions.Define(linker, "m", "i64", (long a) => a);
        var direct = Assert.ThrowsAny<WasmtimeException>(() => WasmHostFunctions.Define(linker, "m", "i64", (long a) => a));

        using var other = new Linker(TestGuests.MovingEngine);
        other.DefineFunction("m", "i64", (long a) => a);
        var wasmtime = Assert.ThrowsAny<WasmtimeException>(() => other.DefineFunction("m", "i64", (long a) => a));

        Assert.Equal(wasmtime.GetType(), direct.GetType());
        Assert.Equal(wasmtime.Message, direct.Message);
    }

    [Fact]
    public void A_module_importing_another_type_is_refused_at_instantiation_as_with_wasmtime_dotnet()
    {
        // call_i64's import is (i64) -> i64; defined here as (i32) -> i32.
        string Instantiate(Action<Linker> defineI64)
        {
            using var linker = new Linker(TestGuests.MovingEngine);
            WasmHostFunctions.Define(linker, "m", "i32", (int a, int b) => a + b);
            defineI64(linker);
            WasmHostFunctions.Define(linker, "m", "f32", (float a) => a);
            WasmHostFunctions.Define(linker, "m", "f64", (double a, int _) => a);
            WasmHostFunctions.Define(linker, "m", "none", () => { });
            using var store = new Store(TestGuests.MovingEngine);
            return Assert.ThrowsAny<WasmtimeException>(() => linker.Instantiate(store, s_module.Value)).Message;
        }

        string direct = Instantiate(linker => WasmHostFunctions.Define(linker, "m", "i64", (int a) => a));
        string wasmtime = Instantiate(linker => linker.DefineFunction("m", "i64", (int a) => a));
        Assert.Equal(wasmtime, direct);
        Assert.Contains("i64", direct);
    }

    [Fact]
    public void A_guest_form_defined_once_refuses_a_store_no_template_made()
    {
        using var linker = new Linker(TestGuests.MovingEngine);
        WasmHostFunctions.Define(linker, null, "m", "i32", (WasmGuest guest, int a, int b) => a + b);
        linker.DefineFunction("m", "i64", (long a) => a);
        linker.DefineFunction("m", "f32", (float a) => a);
        linker.DefineFunction("m", "f64", (double a, int _) => a);
        linker.DefineFunction("m", "none", () => { });
        using var store = new Store(TestGuests.MovingEngine); // no WasmGuest in its data
        var instance = linker.Instantiate(store, s_module.Value);
        var error = Assert.ThrowsAny<WasmtimeException>(() => instance.GetFunction<int, int, int>("call_i32")!(1, 2));
        var inner = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("store the template did not create", inner.Message);
    }
}
