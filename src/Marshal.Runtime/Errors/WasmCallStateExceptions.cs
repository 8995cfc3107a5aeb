using System;

namespace WasmMarshal;

/// <summary>A call was made on a guest that was disposed (or whose disposal was requested during a running call).</summary>
public sealed class WasmGuestDisposedException : ObjectDisposedException
{
    /// <summary>Creates the exception.</summary>
    public WasmGuestDisposedException(string method)
        : base(nameof(WasmGuest), $"{method}: the guest was disposed; create a new instance")
    {
        Method = method;
    }

    /// <summary>The interface method, as <c>Interface.Method</c>.</summary>
    public string Method { get; }
}

/// <summary>
/// A second thread called a guest while another thread was inside it. A Wasmtime store must never be used from two
/// threads at once; the call is refused before it touches the store. Use one guest per thread, or a
/// <see cref="Pooling.WasmGuestPool"/>.
/// </summary>
public sealed class WasmConcurrentCallException : WasmCallException
{
    /// <summary>Creates the exception.</summary>
    public WasmConcurrentCallException(string method, string? runningMethod, int ownerThread, int callingThread)
        : base(method,
            $"the guest is busy on thread {ownerThread}{(runningMethod is null ? "" : " in " + runningMethod)}, and this call came from thread {callingThread}; a guest is used from one thread at a time (use one guest per thread or a WasmGuestPool)",
            null)
    {
        RunningMethod = runningMethod;
        OwnerThread = ownerThread;
        CallingThread = callingThread;
    }

    /// <summary>The method the other thread is running, when known.</summary>
    public string? RunningMethod { get; }

    /// <summary>The managed thread id inside the guest.</summary>
    public int OwnerThread { get; }

    /// <summary>The managed thread id that was refused.</summary>
    public int CallingThread { get; }
}

/// <summary>
/// The calling thread has less native stack left than a guest call may need: Wasmtime lets wasm use up to its maximum
/// wasm stack on the caller's own stack, and overflowing the thread's stack there aborts the process instead of
/// trapping. Run guest calls on a thread with a larger stack, or lower Wasmtime's maximum
/// (<c>Config.WithMaximumStackSize</c>) and tell the builder with <see cref="WasmGuestBuilder.WithMaximumWasmStack"/>.
/// </summary>
public sealed class WasmStackTooSmallException : WasmCallException
{
    /// <summary>Creates the exception.</summary>
    public WasmStackTooSmallException(string method, ulong available, ulong required)
        : base(method,
            $"the calling thread has {available / 1024} KiB of native stack left, but a guest call needs {required / 1024} KiB (the maximum wasm stack plus {WasmGuest.HostStackReserve / 1024} KiB for host frames); run it on a thread with a larger stack (new Thread(start, maxStackSize)) or lower Config.WithMaximumStackSize and pass the same value to WithMaximumWasmStack",
            null)
    {
        Available = available;
        Required = required;
    }

    /// <summary>Native stack left on the thread, in bytes.</summary>
    public ulong Available { get; }

    /// <summary>Native stack the call needs, in bytes.</summary>
    public ulong Required { get; }
}

/// <summary>
/// Releasing a buffer after a call failed with something other than a guest trap (a trapped free poisons the guest
/// instead). Every other buffer of the call was still released. Thrown only when the call itself succeeded; after a
/// failed call the cleanup failures are kept in the call's exception under <see cref="DataKey"/>.
/// </summary>
public sealed class WasmCleanupException : WasmCallException
{
    /// <summary>The <see cref="Exception.Data"/> key under which a failed call keeps its cleanup failures.</summary>
    public const string DataKey = "WasmMarshal.CleanupFailures";

    /// <summary>Creates the exception.</summary>
    public WasmCleanupException(string method, Exception[] failures)
        : base(method, $"releasing the call's guest buffers failed: {failures[0].Message}", failures.Length == 1 ? failures[0] : new AggregateException(failures))
    {
        Failures = failures;
    }

    /// <summary>Every failure, in the order the buffers were released.</summary>
    public Exception[] Failures { get; }
}
