using System;
using System.Collections.Concurrent;
using WasmMarshal.Allocation;

namespace WasmMarshal.Binding;

/// <summary>
/// Maps interfaces to their generated stubs and binders. Generated code registers itself from a module
/// initializer, so <see cref="WasmGuest.Import{T}"/> and <see cref="WasmGuestBuilder.Export{T}"/> need no reflection.
/// </summary>
public static class WasmBindings
{
    private static readonly ConcurrentDictionary<Type, Delegate> s_imports = new();
    private static readonly ConcurrentDictionary<Type, WasmExportBinding> s_exports = new();

    /// <summary>Registers the stub factory of a <c>[WasmImport]</c> interface.</summary>
    public static void RegisterImport<T>(Func<WasmGuest, IGuestAllocator?, T> factory) where T : class => s_imports[typeof(T)] = factory;

    /// <summary>Registers the binder of a <c>[WasmExport]</c> interface.</summary>
    public static void RegisterExport<T>(WasmExportBinding<T> binding) where T : class => s_exports[typeof(T)] = binding;

    /// <summary>The registered import factory for <typeparamref name="T"/>.</summary>
    public static Func<WasmGuest, IGuestAllocator?, T> GetImport<T>() where T : class =>
        s_imports.TryGetValue(typeof(T), out var factory)
            ? (Func<WasmGuest, IGuestAllocator?, T>)factory
            : throw new InvalidOperationException(
                $"{typeof(T).FullName} has no generated WasmMarshal stub. Mark it [WasmImport], make it partial, and reference the WasmMarshal generator.");

    /// <summary>
    /// What a generated stub throws from a member it cannot bind (the build reported a WASM diagnostic for it), so that
    /// the stub still implements the whole interface. Called by generated code only.
    /// </summary>
    /// <param name="member">The member, as <c>Interface.Member</c>.</param>
    /// <param name="reason">Why, with the diagnostic id.</param>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static NotSupportedException NotBound(string member, string reason) =>
        new($"{member} cannot be bound to wasm: {reason}. See the WASM diagnostics of this build.");

    /// <summary>The registered export binding for <typeparamref name="T"/>.</summary>
    public static WasmExportBinding<T> GetExport<T>() where T : class =>
        s_exports.TryGetValue(typeof(T), out var binding)
            ? (WasmExportBinding<T>)binding
            : throw new InvalidOperationException(
                $"{typeof(T).FullName} has no generated WasmMarshal binder. Mark it [WasmExport], make it partial, and reference the WasmMarshal generator.");
}
