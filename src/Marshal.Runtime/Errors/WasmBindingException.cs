using System;
using System.Collections.Generic;
using System.Linq;

namespace WasmMarshal;

/// <summary>One way in which a module does not fit an interface or an allocator.</summary>
/// <param name="Item">The wasm name concerned, for example <c>add_numbers</c> or <c>env.log</c>.</param>
/// <param name="Member">The C# member or component that needs it, for example <c>ICalculator.AddNumbers</c>.</param>
/// <param name="Expected">What was expected, for example <c>(i32, i32) -&gt; i32</c>.</param>
/// <param name="Actual">What the module has, for example <c>missing</c> or <c>(i64) -&gt; i32</c>.</param>
public sealed record BindingMismatch(string Item, string Member, string Expected, string Actual)
{
    /// <inheritdoc />
    public override string ToString() => $"{Item} (for {Member}): expected {Expected}, found {Actual}";
}

/// <summary>
/// A module does not fit what the host expects. Thrown once, at bind time, listing every mismatch.
/// </summary>
public sealed class WasmBindingException : WasmMarshalException
{
    /// <summary>Creates the exception.</summary>
    public WasmBindingException(string target, IReadOnlyList<BindingMismatch> mismatches)
        : this(target, mismatches, hint: null)
    {
    }

    /// <summary>Creates the exception with a <paramref name="hint"/> on what to change, appended to the message.</summary>
    public WasmBindingException(string target, IReadOnlyList<BindingMismatch> mismatches, string? hint)
        : base(Format(target, Distinct(mismatches)) + (hint is null ? "" : Environment.NewLine + "Hint: " + hint))
    {
        Target = target;
        Mismatches = Distinct(mismatches);
        Hint = hint;
    }

    /// <summary>What probably has to change, when the mismatches point at one cause; otherwise null.</summary>
    public string? Hint { get; }

    /// <summary>The interface or component being bound.</summary>
    public string Target { get; }

    /// <summary>Every mismatch found.</summary>
    public IReadOnlyList<BindingMismatch> Mismatches { get; }

    /// <summary>
    /// The same mismatch found twice (the allocator and the guest heap both need the missing memory, say) is one
    /// mismatch to the user.
    /// </summary>
    private static IReadOnlyList<BindingMismatch> Distinct(IReadOnlyList<BindingMismatch> mismatches) =>
        mismatches.Distinct().ToList();

    private static string Format(string target, IReadOnlyList<BindingMismatch> mismatches) =>
        $"Cannot bind {target}: {mismatches.Count} mismatch{(mismatches.Count == 1 ? "" : "es")}:"
        + string.Concat(mismatches.Select(m => Environment.NewLine + "  - " + m));
}
