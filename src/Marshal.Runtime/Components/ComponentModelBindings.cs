using System;
using System.Collections.Concurrent;
using Wasmtime;
using Wasmtime.Components;

namespace WasmMarshal.Components;

/// <summary>How a loaded component is bound: which engine runs the generated interface's calls.</summary>
public enum ComponentBindingPath
{
    /// <summary>
    /// The component's one main core module was extracted and runs under the generated canonical stubs
    /// (<see cref="Canonical.CanonicalGuest"/>), with Wasmtime's WASI preview 1 standing in for the preview 1 adapter.
    /// </summary>
    CoreModule,

    /// <summary>
    /// The component could not be flattened (several interacting core modules, or a shape the reader does not take); it
    /// runs through <c>Wasmtime.Components</c> with dynamic values, behind the same generated interface.
    /// </summary>
    ComponentModel,
}

/// <summary>
/// A component instantiated through <c>Wasmtime.Components</c> (the <see cref="ComponentBindingPath.ComponentModel"/>
/// path): what the generated component-model stubs call.
/// </summary>
public sealed class ComponentModelGuest : IDisposable
{
    /// <summary>Wraps an instance the caller made; the guest owns (and disposes) <paramref name="store"/>.</summary>
    public ComponentModelGuest(Component component, Store store, ComponentInstance instance)
    {
        Component = component ?? throw new ArgumentNullException(nameof(component));
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Instance = instance ?? throw new ArgumentNullException(nameof(instance));
    }

    /// <summary>The component.</summary>
    public Component Component { get; }

    /// <summary>The store the instance lives in (disposed with the guest).</summary>
    public Store Store { get; }

    /// <summary>The component instance.</summary>
    public ComponentInstance Instance { get; }

    /// <summary>Disposes the store.</summary>
    public void Dispose() => Store.Dispose();
}

/// <summary>
/// The generated component-model stubs (the fallback path) and host definitions, registered by module initializers
/// beside <see cref="Canonical.CanonicalBindings"/>.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ComponentModelBindings
{
    private static readonly ConcurrentDictionary<Type, object> s_imports = new();
    private static readonly ConcurrentDictionary<Type, object> s_exports = new();

    /// <summary>Registers the component-model stub factory of a <c>[WasmImport, WasmCanonicalAbi]</c> interface.</summary>
    public static void RegisterImport<T>(Func<ComponentModelGuest, T> factory) where T : class => s_imports[typeof(T)] = factory;

    /// <summary>Registers the component-model host definition of a <c>[WasmExport, WasmCanonicalAbi]</c> interface.</summary>
    public static void RegisterExport<T>(Action<ComponentLinker, T> define) where T : class => s_exports[typeof(T)] = define;

    /// <summary>The registered stub factory of <typeparamref name="T"/>.</summary>
    public static Func<ComponentModelGuest, T> GetImport<T>() where T : class =>
        s_imports.TryGetValue(typeof(T), out var factory)
            ? (Func<ComponentModelGuest, T>)factory
            : throw new InvalidOperationException(
                $"{typeof(T).FullName} has no generated component-model stub. Mark it [WasmImport] and [WasmCanonicalAbi], make it partial, and reference the WasmMarshal generator.");

    /// <summary>The registered host definition of <typeparamref name="T"/>.</summary>
    public static Action<ComponentLinker, T> GetExport<T>() where T : class =>
        s_exports.TryGetValue(typeof(T), out var define)
            ? (Action<ComponentLinker, T>)define
            : throw new InvalidOperationException(
                $"{typeof(T).FullName} has no generated component-model host definition. Mark it [WasmExport] and [WasmCanonicalAbi], make it partial, and reference the WasmMarshal generator.");
}
