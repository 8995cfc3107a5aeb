using System;
using System.ComponentModel;
using Wasmtime;

namespace WasmMarshal.Callbacks;

/// <summary>
/// The generated host functions of callback delegate types, registered by module initializers so that
/// <see cref="WasmCallback.Register"/> finds them without reflection. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WasmCallbackBindings
{
    /// <summary>
    /// Registers how to make the host function of <typeparamref name="TDelegate"/>: <paramref name="create"/> makes a
    /// Wasmtime function of the guest's store that checks and decodes its arguments and calls the target's delegate.
    /// </summary>
    public static void Register<TDelegate>(string name, Func<WasmGuest, WasmCallbackTarget<TDelegate>, Function> create) where TDelegate : Delegate =>
        Binding<TDelegate>.Current = new WasmCallbackBinding<TDelegate>(name, create);

    internal static WasmCallbackBinding<TDelegate> Get<TDelegate>() where TDelegate : Delegate =>
        Binding<TDelegate>.Current ?? throw new InvalidOperationException(
            $"{typeof(TDelegate).FullName} is not a callback of any [WasmImport] interface, so no host function was generated for it; "
            + "declare a [WasmImport] method that takes it (or WasmCallback<" + typeof(TDelegate).Name + ">)");

    private static class Binding<TDelegate> where TDelegate : Delegate
    {
        public static WasmCallbackBinding<TDelegate>? Current;
    }
}

/// <summary>A delegate type's name and the factory of its host functions.</summary>
internal sealed record WasmCallbackBinding<TDelegate>(string Name, Func<WasmGuest, WasmCallbackTarget<TDelegate>, Function> Create) where TDelegate : Delegate;
