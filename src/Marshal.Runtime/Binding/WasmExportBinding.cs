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
}

/// <summary>The binding of one <c>[WasmExport]</c> interface <typeparamref name="T"/>.</summary>
public sealed class WasmExportBinding<T> : WasmExportBinding where T : class
{
    private readonly Action<Linker, WasmGuest, T> _define;

    /// <summary>Created by generated code.</summary>
    public WasmExportBinding(string interfaceName, string module, IReadOnlyList<WasmFunctionDescriptor> functions,
        Action<Linker, WasmGuest, T> define)
        : base(interfaceName, module, functions)
    {
        _define = define;
    }

    internal override void Define(Linker linker, WasmGuest guest, object implementation) =>
        _define(linker, guest, (T)implementation);
}
