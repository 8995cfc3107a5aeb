using System;

namespace WasmMarshal.Canonical;

/// <summary>
/// WIT's <c>result&lt;T, E&gt;</c>: exactly one of <see cref="Ok"/> or <see cref="Error"/>. The hierarchy is closed (the
/// constructor is private), so a <c>switch</c> over <c>WitResult&lt;T, E&gt;.Ok</c> and <c>WitResult&lt;T, E&gt;.Error</c>
/// covers every value; <see cref="Match{TOut}"/> is the form the compiler checks for exhaustiveness.
/// </summary>
/// <typeparam name="TOk">The ok payload (use <see cref="WitUnit"/> for a result with no ok type).</typeparam>
/// <typeparam name="TError">The error payload (use <see cref="WitUnit"/> for a result with no error type).</typeparam>
public abstract record WitResult<TOk, TError>
{
    private WitResult()
    {
    }

    /// <summary>Whether this is the ok case.</summary>
    public abstract bool IsOk { get; }

    /// <summary>Calls <paramref name="ok"/> or <paramref name="error"/> with the payload.</summary>
    public TOut Match<TOut>(Func<TOk, TOut> ok, Func<TError, TOut> error) => this switch
    {
        Ok o => ok(o.Value),
        Error e => error(e.Value),
        _ => throw new InvalidOperationException("unreachable: WitResult has two cases"),
    };

    /// <summary>The ok case.</summary>
    public sealed record Ok(TOk Value) : WitResult<TOk, TError>
    {
        /// <inheritdoc />
        public override bool IsOk => true;
    }

    /// <summary>The error case.</summary>
    public sealed record Error(TError Value) : WitResult<TOk, TError>
    {
        /// <inheritdoc />
        public override bool IsOk => false;
    }
}

/// <summary>The absent payload of a WIT <c>result</c> case (<c>result&lt;_, E&gt;</c>, <c>result&lt;T&gt;</c>, <c>result</c>).</summary>
public readonly record struct WitUnit;
