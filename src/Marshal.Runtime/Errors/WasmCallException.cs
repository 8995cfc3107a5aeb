using System;
using Wasmtime;

namespace WasmMarshal;

/// <summary>A call into the guest failed. <see cref="Method"/> names the interface method.</summary>
public class WasmCallException : WasmMarshalException
{
    /// <summary>Creates the exception.</summary>
    public WasmCallException(string method, string message, Exception? innerException)
        : base($"{method}: {message}", innerException)
    {
        Method = method;
    }

    /// <summary>The interface method, as <c>Interface.Method</c>.</summary>
    public string Method { get; }

    /// <summary>
    /// Turns what Wasmtime threw out of a guest call into the typed exception a caller sees. Used by generated stubs.
    /// </summary>
    public static WasmCallException FromWasmtime(WasmtimeException exception, string method)
    {
        // Wasmtime reports a .NET exception thrown by a host import as the inner exception of the trap.
        if (exception.InnerException is { } hostException)
        {
            return new WasmHostCallbackException(method, hostException);
        }

        if (exception is TrapException trap)
        {
            return new WasmTrapException(method, trap.Type, trap);
        }

        return new WasmCallException(method, exception.Message, exception);
    }
}

/// <summary>The guest trapped (unreachable, out-of-bounds access, division by zero, fuel, epoch ...).</summary>
public sealed class WasmTrapException : WasmCallException
{
    /// <summary>Creates the exception.</summary>
    public WasmTrapException(string method, TrapCode code, TrapException trap)
        : base(method, $"the guest trapped ({code}): {FirstLine(trap.Message)}", trap)
    {
        Code = code;
    }

    /// <summary>Why the guest trapped.</summary>
    public TrapCode Code { get; }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n');
        return newline < 0 ? message : message.Substring(0, newline).TrimEnd();
    }
}

/// <summary>
/// A host import called by the guest during the call threw. The original exception is
/// <see cref="Exception.InnerException"/>; the guest was trapped at that point.
/// </summary>
public sealed class WasmHostCallbackException : WasmCallException
{
    /// <summary>Creates the exception.</summary>
    public WasmHostCallbackException(string method, Exception hostException)
        : base(method, $"a host function called by the guest threw {hostException.GetType().Name}: {hostException.Message}", hostException)
    {
    }
}
