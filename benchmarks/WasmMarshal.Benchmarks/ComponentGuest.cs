using System;
using Wasmtime;
using Wasmtime.Components;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// The component-model equivalent of <c>fnv1a32</c>: a component (WAT, <see cref="Component.FromText"/>) whose core
/// module computes the same 32-bit FNV-1a, lifted as <c>func(text: string) -> u32</c> with
/// <c>canon lift ... (memory ...) (realloc ...)</c>, called through Wasmtime's dynamic API
/// (<see cref="ComponentFunction.Call(ComponentValue[])"/>).
/// </summary>
/// <remarks>
/// Its <c>realloc</c> returns the same scratch address every time, the cheapest allocator possible, so what this
/// measures is the component API's own cost, a lower bound for a real guest allocator.
/// </remarks>
public sealed class ComponentGuest : IDisposable
{
    private const string Wat = """
        (component
          (core module $m
            (memory (export "memory") 1)
            (func (export "realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
              (i32.const 1024))
            (func (export "fnv1a32") (param $p i32) (param $n i32) (result i32)
              (local $h i32) (local $end i32)
              (local.set $h (i32.const 0x811c9dc5))
              (local.set $end (i32.add (local.get $p) (local.get $n)))
              (block $done
                (loop $next
                  (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
                  (local.set $h (i32.mul (i32.xor (local.get $h) (i32.load8_u (local.get $p))) (i32.const 0x01000193)))
                  (local.set $p (i32.add (local.get $p) (i32.const 1)))
                  (br $next)))
              (local.get $h)))
          (core instance $i (instantiate $m))
          (func (export "fnv1a32") (param "text" string) (result u32)
            (canon lift (core func $i "fnv1a32") (memory (core memory $i "memory")) (realloc (core func $i "realloc")))))
        """;

    private readonly Engine _engine;
    private readonly Component _component;
    private readonly ComponentLinker _linker;
    private readonly Store _store;
    private readonly ComponentFunction _fnv1a;

    private ComponentGuest(Engine engine, Component component, ComponentLinker linker, Store store, ComponentFunction fnv1a)
    {
        _engine = engine;
        _component = component;
        _linker = linker;
        _store = store;
        _fnv1a = fnv1a;
    }

    public static ComponentGuest Load()
    {
        var engine = WasmMarshal.Hosting.WasmEngines.Create(); // the same engine settings as BenchGuest
        var component = Component.FromText(engine, Wat);
        var linker = new ComponentLinker(engine);
        var store = new Store(engine);
        var instance = linker.Instantiate(store, component);
        var fnv1a = instance.GetFunction("fnv1a32") ?? throw new InvalidOperationException("The component exports no fnv1a32.");
        return new ComponentGuest(engine, component, linker, store, fnv1a);
    }

    /// <summary>The call as a user of the dynamic API writes it: one string value in, one u32 value out.</summary>
    public uint Fnv1a(string text) => _fnv1a.Call(ComponentValue.String(text))!.AsU32();

    public void Dispose()
    {
        _store.Dispose();
        _linker.Dispose();
        _component.Dispose();
        _engine.Dispose();
    }
}
