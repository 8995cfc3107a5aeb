using System;
using System.Collections.Generic;
using Wasmtime;

namespace WasmMarshal.Binding;

/// <summary>One host function a <c>[WasmExport]</c> interface defines: its wasm name, C# method and core type.</summary>
public readonly record struct WasmFunctionDescriptor(string Name, string Method, CoreSignature Signature);

/// <summary>What the generator knows about a <c>[WasmExport]</c> interface, used to validate and define it.</summary>
public abstract class WasmExportBinding
{
    private protected WasmExportBinding(string interfaceName, string module, IReadOnlyList<WasmFunctionDescriptor> functions)
    {
        InterfaceName = interfaceName;
        Module = module;
        Functions = functions;
    }

    /// <summary>The interface's full name.</summary>
    public string InterfaceName { get; }

    /// <summary>The wasm import module, such as <c>env</c>.</summary>
    public string Module { get; }

    /// <summary>Every function the interface defines.</summary>
    public IReadOnlyList<WasmFunctionDescriptor> Functions { get; }

    internal abstract void Define(Linker linker, WasmGuest guest, object implementation);

    /// <summary>
    /// Whether the binder also has the define-once form, whose host functions find their guest per call through
    /// <see cref="Hosting.WasmStoreContext.Guest"/> instead of capturing it, so that a <see cref="Hosting.WasmGuestTemplate"/>
    /// can define them in one linker shared by every instance.
    /// </summary>
    public bool CanDefineOnce => DefineOnceCore is not null;

    private protected abstract Action<Linker, object>? DefineOnceCore { get; }

    /// <summary>Defines the interface once in a linker shared by many instances (see <see cref="CanDefineOnce"/>).</summary>
    internal void DefineOnce(Linker linker, object implementation) =>
        (DefineOnceCore ?? throw new InvalidOperationException(InterfaceName + " has no define-once binder."))(linker, implementation);
}

/// <summary>The binding of one <c>[WasmExport]</c> interface <typeparamref name="T"/>.</summary>
public sealed class WasmExportBinding<T> : WasmExportBinding where T : class
{
    private readonly Action<Linker, WasmGuest, T> _define;
    private readonly Action<Linker, object>? _defineOnce;

    /// <summary>Created by generated code.</summary>
    public WasmExportBinding(string interfaceName, string module, IReadOnlyList<WasmFunctionDescriptor> functions,
        Action<Linker, WasmGuest, T> define)
        : this(interfaceName, module, functions, define, null)
    {
    }

    /// <summary>
    /// Created by generated code that also offers the define-once form: <paramref name="defineOnce"/> defines every
    /// function in a linker shared by many instances, each function reaching its instance's guest through
    /// <see cref="Hosting.WasmStoreContext.Guest"/> on the <see cref="Caller"/>.
    /// </summary>
    public WasmExportBinding(string interfaceName, string module, IReadOnlyList<WasmFunctionDescriptor> functions,
        Action<Linker, WasmGuest, T> define, Action<Linker, T>? defineOnce)
        : base(interfaceName, module, functions)
    {
        _define = define;
        _defineOnce = defineOnce is null ? null : (linker, implementation) => defineOnce(linker, (T)implementation);
    }

    private protected override Action<Linker, object>? DefineOnceCore => _defineOnce;

    internal override void Define(Linker linker, WasmGuest guest, object implementation) =>
        _define(linker, guest, (T)implementation);
}
