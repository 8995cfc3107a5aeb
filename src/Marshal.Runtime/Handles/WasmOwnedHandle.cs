using System;
using System.Linq;
using Wasmtime;
using WasmMarshal.Binding;

namespace WasmMarshal;

/// <summary>
/// Owns a <see cref="WasmHandle{TTag}"/> and destroys it exactly once, through the library's destructor
/// (<c>XML_ParserFree</c>, <c>inflateEnd</c>, <c>sqlite3_close</c>), when disposed. A second <see cref="Dispose"/> does
/// nothing; <see cref="Handle"/> after the first throws <see cref="ObjectDisposedException"/>, so a destroyed parser is
/// never passed to the library again through its owner.
/// </summary>
/// <remarks>
/// Not thread-safe, like the guest it belongs to. The destructor is not called from a finalizer: the guest may be gone
/// or in use on another thread by then, so an owner that is never disposed leaks its object in guest memory until the
/// guest is disposed (the whole memory goes with it).
/// </remarks>
/// <typeparam name="TTag">Names what the handle points to.</typeparam>
public sealed class WasmOwnedHandle<TTag> : IDisposable
{
    private readonly WasmHandle<TTag> _handle;
    private Action<WasmHandle<TTag>>? _destroy;

    /// <summary>Owns <paramref name="handle"/>; <paramref name="destroy"/> is called with it once, on the first dispose.</summary>
    /// <param name="handle">A handle the library returned. Null is refused: a null handle means the library failed.</param>
    /// <param name="destroy">The library's destructor, usually a method of the bound interface (<c>expat.ParserFree</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="handle"/> is null.</exception>
    public WasmOwnedHandle(WasmHandle<TTag> handle, Action<WasmHandle<TTag>> destroy)
    {
        ArgumentNullException.ThrowIfNull(destroy);
        if (handle.IsNull)
        {
            throw new ArgumentException($"a null {typeof(TTag).Name} handle cannot be owned: the library returned NULL, which signals failure", nameof(handle));
        }

        _handle = handle;
        _destroy = destroy;
    }

    /// <summary>
    /// Owns <paramref name="handle"/>, destroyed through the guest export <paramref name="destructorExport"/>, a
    /// <c>void f(T *)</c> (core type <c>(i32) -&gt; ()</c>), resolved and checked now.
    /// </summary>
    /// <exception cref="WasmBindingException">The guest does not export <paramref name="destructorExport"/> with that type.</exception>
    /// <exception cref="ArgumentException"><paramref name="handle"/> is null.</exception>
    public static WasmOwnedHandle<TTag> Own(WasmGuest guest, WasmHandle<TTag> handle, string destructorExport)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(destructorExport);
        var expected = CoreSignature.Action(ValueKind.Int32);
        var export = guest.Module.Exports.OfType<FunctionExport>().FirstOrDefault(e => e.Name == destructorExport);
        string target = $"WasmOwnedHandle<{typeof(TTag).Name}>";
        if (export is null || !expected.Matches(export.Parameters, export.Results))
        {
            string found = export is null ? "missing" : WasmSignature.Format(export.Parameters, export.Results);
            throw new WasmBindingException(target, new[] { new BindingMismatch(destructorExport, target + ".Dispose", expected.ToString(), found) });
        }

        var destroy = Interop.WasmExports.Action<int>(guest, destructorExport)!;
        string method = destructorExport;
        return new WasmOwnedHandle<TTag>(handle, h =>
        {
            try
            {
                destroy(unchecked((int)h.Address));
            }
            catch (WasmtimeException e)
            {
                throw WasmCallException.FromWasmtime(e, method, guest);
            }
        });
    }

    /// <summary>The handle, to pass to the library's functions.</summary>
    /// <exception cref="ObjectDisposedException">The handle was destroyed.</exception>
    public WasmHandle<TTag> Handle => _destroy is null
        ? throw new ObjectDisposedException(typeof(TTag).Name, $"the {typeof(TTag).Name} handle {_handle} was destroyed; it must not be passed to the library again")
        : _handle;

    /// <summary>Whether the handle was destroyed.</summary>
    public bool IsDisposed => _destroy is null;

    /// <summary>Destroys the handle through the destructor, the first time only.</summary>
    public void Dispose()
    {
        var destroy = _destroy;
        if (destroy is null)
        {
            return;
        }

        // Marked destroyed first: a destructor that throws (the guest trapped) must not be retried on the same pointer.
        _destroy = null;
        destroy(_handle);
    }

    /// <inheritdoc/>
    public override string ToString() => IsDisposed ? $"{typeof(TTag).Name}@destroyed" : _handle.ToString();
}
