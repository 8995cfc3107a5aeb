using System;
using System.ComponentModel;

namespace WasmMarshal.Callbacks;

/// <summary>
/// The delegate a pooled callback host function calls. A Wasmtime host function lives as long as its store, so the
/// table makes one per delegate type and concurrent use, and points it at each new delegate it places, instead of one
/// per call. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WasmCallbackTarget<TDelegate> where TDelegate : Delegate
{
    private TDelegate? _handler;

    internal WasmCallbackTarget()
    {
    }

    /// <summary>The delegate placed now. The function is in no table slot while it has none, so the guest cannot reach it then.</summary>
    public TDelegate Handler => _handler ?? throw new InvalidOperationException(
        $"a released {typeof(TDelegate).Name} callback was called; its table slot should have been empty");

    internal void Set(TDelegate? handler) => _handler = handler;
}
