using System;
using WasmMarshal.Callbacks;

namespace WasmMarshal;

/// <summary>
/// A host delegate placed in a guest's function table for longer than one call: the function pointer a C library stores
/// (expat's <c>XML_SetElementHandler</c>, a logging hook, an allocator hook) and calls later. Pass it to a
/// <c>[WasmImport]</c> parameter of type <see cref="WasmCallback{TDelegate}"/>; dispose it once the library can no longer
/// call it, which frees its table slot.
/// </summary>
/// <remarks>
/// The delegate type must appear as a callback in a <c>[WasmImport]</c> interface of the compilation, so that the
/// generator emits the host function that checks and decodes the guest's arguments. A guest that calls the slot after
/// <see cref="WasmCallback{TDelegate}.Dispose"/> traps ("uninitialized element"); it never reaches the delegate, and the call fails with a
/// typed <see cref="WasmTrapException"/>. A freed slot is reused by a later registration only after every other free
/// slot, so a stale pointer is not silently served by a new callback soon after.
/// </remarks>
public static class WasmCallback
{
    /// <summary>Places <paramref name="handler"/> in <paramref name="guest"/>'s function table.</summary>
    /// <exception cref="WasmBindingException">The guest exports no growable function table.</exception>
    /// <exception cref="InvalidOperationException">No <c>[WasmImport]</c> interface uses <typeparamref name="TDelegate"/> as a callback.</exception>
    public static WasmCallback<TDelegate> Register<TDelegate>(WasmGuest guest, TDelegate handler) where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(handler);
        var binding = WasmCallbackBindings.Get<TDelegate>();
        var table = WasmCallbackTable.For(guest, binding.Name, "handler");
        uint index = table.Place(guest, handler, binding.Create);
        return new WasmCallback<TDelegate>(guest, table, index, handler);
    }
}

/// <summary>A delegate registered in a guest's function table; see <see cref="WasmCallback.Register"/>.</summary>
/// <typeparam name="TDelegate">The callback's delegate type.</typeparam>
public sealed class WasmCallback<TDelegate> : IDisposable where TDelegate : Delegate
{
    private readonly WasmCallbackTable _table;
    private readonly uint _index;
    private bool _disposed;

    internal WasmCallback(WasmGuest guest, WasmCallbackTable table, uint index, TDelegate handler)
    {
        Guest = guest;
        _table = table;
        _index = index;
        Handler = handler;
    }

    /// <summary>The guest whose table holds the callback.</summary>
    public WasmGuest Guest { get; }

    /// <summary>The delegate the guest calls.</summary>
    public TDelegate Handler { get; }

    /// <summary>The table index: the value of the C function pointer.</summary>
    /// <exception cref="ObjectDisposedException">The callback was released.</exception>
    public uint TableIndex => _disposed ? throw Released(typeof(TDelegate).Name) : _index;

    /// <summary>Whether the slot was released.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>
    /// The function pointer to pass for <paramref name="parameter"/> of <paramref name="method"/>: checks that the
    /// callback is live and belongs to <paramref name="guest"/>. Used by generated stubs.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public int PointerFor(WasmGuest guest, string method, string parameter)
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(typeof(TDelegate).Name, $"{method}: '{parameter}' is a {typeof(TDelegate).Name} callback that was released; register it again");
        }

        if (!ReferenceEquals(guest, Guest))
        {
            throw new ArgumentException($"{method}: '{parameter}' is registered in another guest's function table ({Guest.Name}); a table index means nothing in another instance", parameter);
        }

        return unchecked((int)_index);
    }

    /// <summary>Releases the table slot: the guest can no longer call the delegate (a call traps). Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!Guest.IsDisposed)
        {
            _table.Release(_index);
        }
    }

    private static ObjectDisposedException Released(string name) =>
        new(name, $"the {name} callback was released; its table slot may belong to another callback now");
}
