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
        if (exception.InnerException is AssemblyScriptAbortSignal abort)
        {
            return new WasmGuestAbortedException(method, abort.Abort);
        }

        if (exception.InnerException is { } hostException)
        {
            return new WasmHostCallbackException(method, hostException);
        }

        if (exception is TrapException trap)
        {
            return trap.Type switch
            {
                TrapCode.OutOfFuel => new WasmFuelExhaustedException(method, trap),
                TrapCode.Interrupt => new WasmDeadlineExceededException(method, trap),
                _ => new WasmTrapException(method, trap.Type, trap),
            };
        }

        return new WasmCallException(method, exception.Message, exception);
    }

    /// <summary>
    /// Like <see cref="FromWasmtime(WasmtimeException, string)"/>, and records the failure on <paramref name="guest"/>,
    /// which poisons it under <see cref="TrapPolicy.Poison"/>. Used by generated stubs.
    /// </summary>
    public static WasmCallException FromWasmtime(WasmtimeException exception, string method, WasmGuest guest)
    {
        var error = FromWasmtime(exception, method);
        guest.RecordTrap(error);
        return error;
    }
}

/// <summary>The guest trapped (unreachable, out-of-bounds access, division by zero, fuel, epoch ...).</summary>
public class WasmTrapException : WasmCallException
{
    /// <summary>Creates the exception.</summary>
    public WasmTrapException(string method, TrapCode code, TrapException trap)
        : this(method, code, trap, $"the guest trapped ({code}): {FirstLine(trap.Message)}")
    {
    }

    /// <summary>Creates the exception with a specific message.</summary>
    protected WasmTrapException(string method, TrapCode code, TrapException trap, string message)
        : base(method, message, trap)
    {
        Code = code;
    }

    /// <summary>Why the guest trapped.</summary>
    public TrapCode Code { get; }

    /// <summary>
    /// The line of a Wasmtime trap message that says what happened: Wasmtime puts the wasm backtrace first and the
    /// cause last (<c>Caused by: wasm trap: ...</c>), so the cause line when there is one, else the first line.
    /// </summary>
    protected static string FirstLine(string message)
    {
        int cause = message.IndexOf("wasm trap:", StringComparison.Ordinal);
        string from = cause >= 0 ? message.Substring(cause) : message;
        int newline = from.IndexOf('\n');
        return (newline < 0 ? from : from.Substring(0, newline)).TrimEnd();
    }
}

/// <summary>
/// A host import called by the guest during the call threw. The original exception is
/// <see cref="Exception.InnerException"/>; the guest was trapped at that point.
/// </summary>
/// <remarks>
/// When the host function had called back into a guest and that nested call failed, the nested call's exception is not
/// wrapped once more: host and guest calling each other hundreds of levels deep would otherwise give a chain hundreds
/// of exceptions long, each repeating the message of the one inside. Instead the innermost failure (the nested call's
/// <see cref="WasmTrapException"/>, or the exception the innermost host function threw) is the inner exception at
/// every level, and <see cref="NestedCalls"/> says how deep it happened.
/// </remarks>
public sealed class WasmHostCallbackException : WasmCallException
{
    /// <summary>The longest part of the cause's message repeated in this one.</summary>
    private const int MaxQuotedMessage = 500;

    /// <summary>Creates the exception.</summary>
    public WasmHostCallbackException(string method, Exception hostException)
        : this(method, Innermost(method, hostException, out int nestedCalls, out string innermostMethod), nestedCalls, innermostMethod)
    {
    }

    private WasmHostCallbackException(string method, Exception cause, int nestedCalls, string innermostMethod)
        : base(method, Describe(cause, nestedCalls, innermostMethod), cause)
    {
        NestedCalls = nestedCalls;
        InnermostMethod = innermostMethod;
    }

    /// <summary>
    /// How many calls into a guest, each made by a host function inside the one before, lie between this call and
    /// the failure in <see cref="Exception.InnerException"/>: 0 when the host function this call's guest called threw
    /// itself, 1 when that host function called a guest and the call failed, and so on.
    /// </summary>
    public int NestedCalls { get; }

    /// <summary>
    /// The interface method of the innermost call that failed: <see cref="WasmCallException.Method"/> itself when
    /// <see cref="NestedCalls"/> is 0.
    /// </summary>
    public string InnermostMethod { get; }

    private static Exception Innermost(string method, Exception hostException, out int nestedCalls, out string innermostMethod)
    {
        switch (hostException)
        {
            case WasmHostCallbackException nested:
                nestedCalls = nested.NestedCalls + 1;
                innermostMethod = nested.InnermostMethod;
                return nested.InnerException!;
            case WasmCallException nestedCall:
                nestedCalls = 1;
                innermostMethod = nestedCall.Method;
                return nestedCall;
            default:
                nestedCalls = 0;
                innermostMethod = method;
                return hostException;
        }
    }

    private static string Describe(Exception cause, int nestedCalls, string innermostMethod)
    {
        string message = cause.Message.Length <= MaxQuotedMessage ? cause.Message : cause.Message.Substring(0, MaxQuotedMessage) + "...";
        return nestedCalls == 0
            ? $"a host function called by the guest threw {cause.GetType().Name}: {message}"
            : $"a host function called by the guest called back into a guest, which failed {nestedCalls} nested call{(nestedCalls == 1 ? "" : "s")} deep, in {innermostMethod}, with {cause.GetType().Name}: {message}";
    }
}

/// <summary>The guest ran out of fuel (<c>Config.WithFuelConsumption</c> and <c>Store.Fuel</c>): an infinite or too long loop.</summary>
public sealed class WasmFuelExhaustedException : WasmTrapException
{
    /// <summary>Creates the exception.</summary>
    public WasmFuelExhaustedException(string method, TrapException trap)
        : base(method, TrapCode.OutOfFuel, trap, "the guest ran out of fuel before returning")
    {
    }
}

/// <summary>The guest passed its epoch deadline (<c>Config.WithEpochInterruption</c>, <c>Store.SetEpochDeadline</c>).</summary>
public sealed class WasmDeadlineExceededException : WasmTrapException
{
    /// <summary>Creates the exception.</summary>
    public WasmDeadlineExceededException(string method, TrapException trap)
        : base(method, TrapCode.Interrupt, trap, "the guest was interrupted at its epoch deadline")
    {
    }
}

/// <summary>
/// The guest trapped earlier, and under <see cref="TrapPolicy.Poison"/> a trapped guest is not called again: its
/// memory may hold half-updated state (a trap inside its malloc, say). Create a new instance.
/// </summary>
public sealed class WasmGuestPoisonedException : WasmCallException
{
    /// <summary>Creates the exception.</summary>
    public WasmGuestPoisonedException(string method, WasmCallException firstFailure)
        : base(method, $"the guest is poisoned: it trapped earlier in {firstFailure.Method} ({firstFailure.GetType().Name}); create a new instance", firstFailure)
    {
        FirstFailure = firstFailure;
    }

    /// <summary>The failure that poisoned the guest.</summary>
    public WasmCallException FirstFailure { get; }
}

/// <summary>What happens to a guest after a call into it trapped.</summary>
public enum TrapPolicy
{
    /// <summary>
    /// The default: every later call throws <see cref="WasmGuestPoisonedException"/>. Safe whatever the guest was doing
    /// when it trapped.
    /// </summary>
    Poison,

    /// <summary>Keep calling the guest. Only for guests known to keep their state consistent across traps.</summary>
    Continue,
}
