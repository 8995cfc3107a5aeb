using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using Wasmtime;

namespace WasmMarshal.Binding;

/// <summary>
/// A core wasm function type as value kinds, which the bind-time checks compare with a module's import or export kind by
/// kind. Generated code builds one per method; <see cref="ToString"/> formats it as <c>(i32, i32) -&gt; i32</c> for messages.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CoreSignature : IEquatable<CoreSignature>
{
    private readonly ValueKind[]? _parameters;
    private readonly ValueKind[]? _results;

    /// <summary>A function type with these parameters and results.</summary>
    public CoreSignature(ValueKind[] parameters, ValueKind[] results)
    {
        _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        _results = results ?? throw new ArgumentNullException(nameof(results));
    }

    /// <summary>The parameter kinds.</summary>
    public IReadOnlyList<ValueKind> Parameters => _parameters ?? Array.Empty<ValueKind>();

    /// <summary>The result kinds.</summary>
    public IReadOnlyList<ValueKind> Results => _results ?? Array.Empty<ValueKind>();

    /// <summary>A function type with no result.</summary>
    public static CoreSignature Action(params ValueKind[] parameters) => new(parameters, Array.Empty<ValueKind>());

    /// <summary>A function type with one result.</summary>
    public static CoreSignature Function(ValueKind result, params ValueKind[] parameters) => new(parameters, SingleResult(result));

    // One shared array per result kind (never written: the signature exposes it read-only), since generated stubs build
    // their signatures on every bind.
    private static readonly ValueKind[][] s_singleResults =
        [[ValueKind.Int32], [ValueKind.Int64], [ValueKind.Float32], [ValueKind.Float64], [ValueKind.V128]];

    private static ValueKind[] SingleResult(ValueKind result) => result switch
    {
        ValueKind.Int32 => s_singleResults[0],
        ValueKind.Int64 => s_singleResults[1],
        ValueKind.Float32 => s_singleResults[2],
        ValueKind.Float64 => s_singleResults[3],
        ValueKind.V128 => s_singleResults[4],
        _ => [result],
    };

    /// <summary>Whether a module's function has exactly this type.</summary>
    public bool Matches(IReadOnlyList<ValueKind> parameters, IReadOnlyList<ValueKind> results) =>
        Parameters.SequenceEqual(parameters) && Results.SequenceEqual(results);

    /// <inheritdoc />
    public bool Equals(CoreSignature other) => Matches(other.Parameters, other.Results);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CoreSignature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var kind in Parameters)
        {
            hash.Add(kind);
        }

        hash.Add(-1);
        foreach (var kind in Results)
        {
            hash.Add(kind);
        }

        return hash.ToHashCode();
    }

    /// <summary>The text form: <c>(i32, i32) -&gt; i32</c>, <c>(i32) -&gt; ()</c>.</summary>
    public override string ToString() => WasmSignature.Format(Parameters, Results);

    /// <summary>Equal when the kinds are.</summary>
    public static bool operator ==(CoreSignature left, CoreSignature right) => left.Equals(right);

    /// <summary>Different when any kind is.</summary>
    public static bool operator !=(CoreSignature left, CoreSignature right) => !left.Equals(right);

    /// <summary>Reads the text form back, for the runtime's own built-in imports, which are written as text.</summary>
    internal static CoreSignature Parse(string text)
    {
        int arrow = text.IndexOf("->", StringComparison.Ordinal);
        return new CoreSignature(Kinds(text.Substring(0, arrow), text), Kinds(text.Substring(arrow + 2), text));

        static ValueKind[] Kinds(string list, string text) => list.Trim().Trim('(', ')')
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name switch
            {
                "i32" => ValueKind.Int32,
                "i64" => ValueKind.Int64,
                "f32" => ValueKind.Float32,
                "f64" => ValueKind.Float64,
                "v128" => ValueKind.V128,
                "funcref" => ValueKind.FuncRef,
                "externref" => ValueKind.ExternRef,
                _ => throw new FormatException($"'{name}' is not a core value type in '{text}'"),
            })
            .ToArray();
    }
}
