using System;
using System.Linq;
using Wasmtime;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Reliability;

/// <summary>A host interface the hostile modules below import a part of, to show that only the rest is reported.</summary>
[WasmExport("env")]
public partial interface IHostileModuleHost
{
    void Note(int value);
}

/// <summary>Calls into the modules below that need no allocator.</summary>
[WasmImport]
public partial interface IHostileModuleGuest
{
    int Answer();
}

/// <summary>A string argument and result, so that binding needs the allocator and the guest heap, and both need memory.</summary>
[WasmImport]
public partial interface IHostileModuleEcho
{
    string Echo(string text);
}

/// <summary>
/// Modules that cannot be instantiated or bound as they are (imports nobody supplies, an <c>_initialize</c> or start
/// function that traps, no memory, a 64-bit memory), written in WAT. Each must fail with one typed exception that says
/// what is wrong, before any guest is handed out.
/// </summary>
public sealed class HostileModuleTests
{
    /// <summary>
    /// Imports a function from a module the host knows (<c>env.note</c>, defined by <see cref="IHostileModuleHost"/>
    /// when exported), one nobody defines there (<c>env.missing</c>), one from a module nobody knows, a memory, a
    /// table and a global nobody supplies, and a WASI function (which the builder defines itself).
    /// </summary>
    private const string UnsatisfiedImportsWat = """
        (module
          (import "env" "note" (func (param i32)))
          (import "env" "missing" (func (param i32 i64) (result f64)))
          (import "nowhere" "thing" (func (result i32)))
          (import "env" "shared_memory" (memory 1))
          (import "env" "callbacks" (table 2 funcref))
          (import "env" "limit" (global i32))
          (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
          (func (export "answer") (result i32) (i32.const 42)))
        """;

    private static readonly Lazy<Module> s_unsatisfied =
        new(() => Module.FromText(TestGuests.MovingEngine, "unsatisfied-imports", UnsatisfiedImportsWat));

    private sealed class ModuleHost : IHostileModuleHost
    {
        public void Note(int value)
        {
        }
    }

    [Fact]
    public void Every_unsatisfied_import_is_listed_in_one_binding_exception_before_instantiation()
    {
        // No Export<IHostileModuleHost>: env.note is missing too, like every import from a module nobody defines.
        var error = Assert.Throws<WasmBindingException>(() =>
            WasmGuest.Builder(TestGuests.MovingEngine, s_unsatisfied.Value).Instantiate());

        Assert.Equal(
            ["env.callbacks", "env.limit", "env.missing", "env.note", "env.shared_memory", "nowhere.thing"],
            error.Mismatches.Select(m => m.Item).Order(StringComparer.Ordinal));
        Assert.All(error.Mismatches, m => Assert.Equal("nothing defines it", m.Actual));
        Assert.Equal("function (i32) -> ()", Expected("env.note"));
        Assert.Equal("function (i32, i64) -> f64", Expected("env.missing"));
        Assert.Equal("function () -> i32", Expected("nowhere.thing"));
        Assert.StartsWith("memory", Expected("env.shared_memory"));
        Assert.StartsWith("table", Expected("env.callbacks"));
        Assert.StartsWith("global i32", Expected("env.limit"));
        Assert.DoesNotContain("proc_exit", error.Message);
        Assert.Contains("6 mismatches", error.Message);

        string Expected(string item) => Assert.Single(error.Mismatches, m => m.Item == item).Expected;
    }

    [Fact]
    public void Imports_defined_by_an_interface_a_linker_callback_or_a_given_linker_are_not_reported()
    {
        using var linker = new Linker(TestGuests.MovingEngine);
        linker.DefineFunction("nowhere", "thing", () => 7);
        var error = Assert.Throws<WasmBindingException>(() =>
            WasmGuest.Builder(TestGuests.MovingEngine, s_unsatisfied.Value)
                .WithLinker(linker)
                .Export<IHostileModuleHost>(new ModuleHost())
                .ConfigureLinker((l, store) =>
                {
                    l.Define("env", "limit", new Global(store, ValueKind.Int32, 5, Mutability.Immutable));
                    l.Define("env", "shared_memory", new Memory(store, 1));
                })
                .Instantiate());

        Assert.Equal(["env.callbacks", "env.missing"], error.Mismatches.Select(m => m.Item).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_module_whose_imports_are_all_supplied_instantiates()
    {
        using var linker = new Linker(TestGuests.MovingEngine);
        linker.DefineFunction("nowhere", "thing", () => 7);
        linker.DefineFunction("env", "missing", (int _, long _) => 0.5);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, s_unsatisfied.Value)
            .WithLinker(linker)
            .Export<IHostileModuleHost>(new ModuleHost())
            .ConfigureLinker((l, store) =>
            {
                l.Define("env", "limit", new Global(store, ValueKind.Int32, 5, Mutability.Immutable));
                l.Define("env", "shared_memory", new Memory(store, 1));
                l.Define("env", "callbacks", new Table(store, TableKind.FuncRef, null, 2));
            })
            .Instantiate();
        Assert.Equal(42, guest.Import<IHostileModuleGuest>().Answer());
    }

    [Fact]
    public void An_import_supplied_with_another_kind_or_type_is_a_mismatch_not_a_wasmtime_error()
    {
        const string wat = """
            (module
              (import "env" "limit" (global i32))
              (import "env" "tick" (func (param i32))))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "wrong-kind-imports", wat);
        var error = Assert.Throws<WasmBindingException>(() =>
            WasmGuest.Builder(TestGuests.MovingEngine, module)
                .ConfigureLinker((l, store) =>
                {
                    l.DefineFunction("env", "limit", () => 1);
                    l.DefineFunction("env", "tick", (long _) => { });
                })
                .Instantiate());

        Assert.Equal(2, error.Mismatches.Count);
        var limit = Assert.Single(error.Mismatches, m => m.Item == "env.limit");
        Assert.StartsWith("global i32", limit.Expected);
        Assert.Equal("a function", limit.Actual);
        var tick = Assert.Single(error.Mismatches, m => m.Item == "env.tick");
        Assert.Equal("function (i32) -> ()", tick.Expected);
        Assert.Equal("function (i64) -> ()", tick.Actual);
    }

    [Fact]
    public void A_supplied_memory_smaller_than_the_import_asks_is_a_mismatch_naming_the_import()
    {
        const string wat = """
            (module
              (import "env" "shared_memory" (memory 2))
              (func (export "answer") (result i32) (i32.const 42)))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "small-memory-import", wat);
        var error = Assert.Throws<WasmBindingException>(() =>
            WasmGuest.Builder(TestGuests.MovingEngine, module)
                .ConfigureLinker((l, store) => l.Define("env", "shared_memory", new Memory(store, 1)))
                .Instantiate());

        var mismatch = Assert.Single(error.Mismatches);
        Assert.Equal("small-memory-import", mismatch.Item);
        Assert.Contains("shared_memory", mismatch.Actual);
    }

    [Fact]
    public void An_initialize_that_traps_is_a_typed_trap_naming_initialize_and_no_guest_is_returned()
    {
        const string wat = """
            (module
              (memory (export "memory") 1)
              (func (export "_initialize") unreachable)
              (func (export "answer") (result i32) (i32.const 42)))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "trapping-initialize", wat);
        WasmGuest? guest = null;
        var error = Assert.Throws<WasmTrapException>(() => guest = WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate());
        Assert.Null(guest);
        Assert.Equal("trapping-initialize._initialize", error.Method);
        Assert.Equal(TrapCode.Unreachable, error.Code);
        Assert.StartsWith("trapping-initialize._initialize: the guest trapped (Unreachable)", error.Message);
        Assert.IsType<TrapException>(error.InnerException);

        // Without _initialize the same module works: the trap was the initializer's.
        using var uninitialized = WasmGuest.Builder(TestGuests.MovingEngine, module).CallInitialize(false).Instantiate();
        Assert.Equal(42, uninitialized.Import<IHostileModuleGuest>().Answer());
    }

    [Fact]
    public void A_start_function_that_traps_is_a_typed_trap_naming_the_start_function()
    {
        const string wat = """
            (module
              (memory (export "memory") 1)
              (func $start (drop (i32.div_u (i32.const 1) (i32.const 0))))
              (start $start))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "trapping-start", wat);
        var error = Assert.Throws<WasmTrapException>(() => WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate());
        Assert.Equal("trapping-start.(start function)", error.Method);
        Assert.Equal(TrapCode.IntegerDivisionByZero, error.Code);
    }

    [Fact]
    public void An_initialize_whose_host_import_throws_is_a_host_callback_exception_naming_initialize()
    {
        const string wat = """
            (module
              (import "env" "note" (func $note (param i32)))
              (memory (export "memory") 1)
              (func (export "_initialize") (call $note (i32.const 3))))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "throwing-initialize", wat);
        var error = Assert.Throws<WasmHostCallbackException>(() =>
            WasmGuest.Builder(TestGuests.MovingEngine, module).Export<IHostileModuleHost>(new ThrowingHost()).Instantiate());
        Assert.Equal("throwing-initialize._initialize", error.Method);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    private sealed class ThrowingHost : IHostileModuleHost
    {
        public void Note(int value) => throw new TimeoutException("note " + value);
    }

    [Fact]
    public void A_module_without_a_memory_export_lists_each_mismatch_once()
    {
        const string wat = """
            (module
              (func (export "malloc") (param i32) (result i32) (i32.const 1024))
              (func (export "free") (param i32))
              (func (export "echo") (param i32 i32 i32)))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "no-memory", wat);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate();
        var error = Assert.Throws<WasmBindingException>(() => guest.Import<IHostileModuleEcho>());

        Assert.Equal(error.Mismatches.Count, error.Mismatches.Distinct().Count());
        var memory = Assert.Single(error.Mismatches, m => m.Item == "memory");
        Assert.Equal("missing", memory.Actual);
        Assert.Single(error.Message.Split('\n'), line => line.Contains("memory (for"));
    }

    [Fact]
    public void A_64_bit_memory_is_a_binding_mismatch_at_instantiate()
    {
        const string wat = """
            (module
              (memory (export "memory") i64 1)
              (func (export "answer") (result i32) (i32.const 42)))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "memory64", wat);
        var error = Assert.Throws<WasmBindingException>(() => WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate());
        var memory = Assert.Single(error.Mismatches);
        Assert.Equal("memory", memory.Item);
        Assert.Contains("32-bit", memory.Expected);
        Assert.Contains("64-bit", memory.Actual);
    }
}
