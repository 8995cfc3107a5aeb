using System;
using Wasmtime;

namespace WasmMarshal.Hosting;

/// <summary>
/// How a host function defined once in a linker shared by many instances finds the guest that called it: every store a
/// <see cref="WasmGuestTemplate"/> creates carries its <see cref="WasmGuest"/> as the store's data.
/// </summary>
public static class WasmStoreContext
{
    /// <summary>The guest whose store <paramref name="caller"/> runs in.</summary>
    /// <exception cref="InvalidOperationException">The store was not created by a <see cref="WasmGuestTemplate"/>.</exception>
    public static WasmGuest Guest(Caller caller) =>
        caller.GetData() as WasmGuest ?? throw new InvalidOperationException(
            "A host function defined once for a WasmGuestTemplate was called from a store the template did not create.");
}
