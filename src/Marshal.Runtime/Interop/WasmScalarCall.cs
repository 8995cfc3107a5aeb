using System;
using System.ComponentModel;
using Wasmtime;

namespace WasmMarshal.Interop;

/// <summary>
/// The per-call protocol of a generated stub that passes no buffers (only scalars): enter the guest (the same checks
/// as <see cref="WasmCallFrame"/>), translate what Wasmtime throws, leave. Nothing to allocate or release, so none of
/// the frame's buffer bookkeeping: the cheapest protocol that still refuses a second thread, a disposed or poisoned
/// guest, and a thread without room for the wasm stack.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct WasmScalarCall
{
    private readonly WasmGuest _guest;
    private readonly string _method;
    private long _telemetryStart;
    private Exception? _failure;

    /// <summary>
    /// Starts a call of <paramref name="method"/> (<c>Interface.Method</c>); pair with <see cref="Exit"/> in <c>finally</c>.
    /// A constructor, so the call is built in the stub's own local (see <see cref="WasmCallFrame"/>'s).
    /// </summary>
    public WasmScalarCall(WasmImportContext context, string method)
    {
        var guest = context.Guest;
        guest.EnterCall(method);
        _guest = guest;
        _method = method;
        if (Diagnostics.WasmMarshalTelemetry.IsListeningToCalls)
        {
            _telemetryStart = Diagnostics.WasmMarshalTelemetry.StartCall(guest, method);
        }
    }

    /// <summary>The typed exception for what Wasmtime threw out of the call; poisons the guest under <see cref="TrapPolicy.Poison"/>.</summary>
    public Exception Translate(WasmtimeException exception) => _failure = WasmCallException.FromWasmtime(exception, _method, _guest);

    /// <summary>Leaves the guest.</summary>
    public readonly void Exit()
    {
        _guest.ExitCall();
        if (_telemetryStart != 0)
        {
            Diagnostics.WasmMarshalTelemetry.EndCall(_guest, _method, _telemetryStart, _failure, false);
        }
    }
}
