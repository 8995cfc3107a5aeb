using System.Collections.Generic;
using Wasmtime;
using WasmMarshal.Binding;
using WasmMarshal.Hosting;

namespace WasmMarshal.Tests.Hosting;

/// <summary>The quickstart guest's exports (guests/c/quickstart.c).</summary>
[WasmImport]
public partial interface ITemplateQuickStart
{
    int Add(int a, int b);

    string Greet(string name);
}

/// <summary>
/// The quickstart guest's <c>env.log</c>, with the generated binder: its define-once form lets a template share one
/// linker between instances.
/// </summary>
[WasmExport("env")]
public partial interface ITemplateLog
{
    void Log(string message);
}

/// <summary>
/// <c>env.log</c> with a hand-written binder that also has the define-once form, as the generator will emit it: the
/// host function finds its guest through the store's data.
/// </summary>
public interface ITemplateLogOnce
{
    void Log(string message);
}

/// <summary>
/// <c>env.log</c> with a hand-written binder that has only the form that captures its guest, as binders generated
/// before the define-once form: a template must give each instance a linker of its own.
/// </summary>
public interface ITemplateLogPerInstance
{
    void Log(string message);
}

/// <summary>Records what guests log.</summary>
public sealed class TemplateLog : ITemplateLog, ITemplateLogOnce, ITemplateLogPerInstance
{
    public List<string> Messages { get; } = new();

    public void Log(string message)
    {
        lock (Messages)
        {
            Messages.Add(message);
        }
    }
}

/// <summary>Registers the binders of <see cref="ITemplateLogOnce"/> and <see cref="ITemplateLogPerInstance"/>.</summary>
public static class TemplateLogOnce
{
    private static readonly IReadOnlyList<WasmFunctionDescriptor> s_functions = [new("log", "Log", CoreSignature.Action(Wasmtime.ValueKind.Int32, Wasmtime.ValueKind.Int32))];

    public static void Register()
    {
        WasmBindings.RegisterExport(new WasmExportBinding<ITemplateLogPerInstance>(
            typeof(ITemplateLogPerInstance).FullName!, "env", s_functions,
            (linker, guest, implementation) =>
                linker.DefineFunction("env", "log", (int pointer, int length) => implementation.Log(guest.Memory.Memory.ReadString(pointer, length)))));
        RegisterOnce();
    }

    private static void RegisterOnce() => WasmBindings.RegisterExport(new WasmExportBinding<ITemplateLogOnce>(
        typeof(ITemplateLogOnce).FullName!, "env", s_functions,
        (linker, guest, implementation) =>
            linker.DefineFunction("env", "log", (int pointer, int length) => implementation.Log(guest.Memory.Memory.ReadString(pointer, length))),
        (linker, implementation) =>
            linker.DefineFunction("env", "log", (Caller caller, int pointer, int length) =>
                implementation.Log(WasmStoreContext.Guest(caller).Memory.Memory.ReadString(pointer, length)))));
}

/// <summary>
/// A guest with state in a mutable global, in memory and in a data segment, that logs what it is asked to through
/// <c>env.log</c>: what a fresh instance must not inherit from the last one.
/// </summary>
[WasmImport]
public partial interface IStatefulGuest
{
    /// <summary>Increments the counter global and returns its new value.</summary>
    int Bump();

    void Poke(int address, int value);

    int Peek(int address);

    /// <summary>Calls <c>env.log(pointer, length)</c>.</summary>
    void Say(int pointer, int length);
}

public static class StatefulGuest
{
    /// <summary>The address of the data segment "seed".</summary>
    public const int SeedAddress = 16;

    /// <summary>"seed" read as a little-endian i32.</summary>
    public const int Seed = 's' | 'e' << 8 | 'e' << 16 | 'd' << 24;

    public const string Wat = """
        (module
          (import "env" "log" (func $log (param i32 i32)))
          (memory (export "memory") 1)
          (data (i32.const 16) "seed")
          (global $counter (export "counter") (mut i32) (i32.const 0))
          (func (export "bump") (result i32)
            global.get $counter i32.const 1 i32.add global.set $counter global.get $counter)
          (func (export "poke") (param i32 i32) local.get 0 local.get 1 i32.store)
          (func (export "peek") (param i32) (result i32) local.get 0 i32.load)
          (func (export "say") (param i32 i32) local.get 0 local.get 1 call $log))
        """;
}
