namespace WasmMarshal.Generators.Model;

/// <summary>The WIT types a C# type maps to under the canonical ABI (docs/component-model.md, the mapping table).</summary>
internal enum WitKind
{
    Bool,
    S8,
    U8,
    S16,
    U16,
    S32,
    U32,
    S64,
    U64,
    F32,
    F64,
    Char,
    String,
    List,
    Record,
    Tuple,
    Enum,
    Flags,
    Variant,
    Option,
    Result,
}

/// <summary>The C# container of a <c>list&lt;T&gt;</c>: how its length is read and whether it is indexed.</summary>
internal enum ListForm
{
    /// <summary><c>T[]</c> (results are always arrays).</summary>
    Array,

    /// <summary><c>ReadOnlySpan&lt;T&gt;</c> (parameters).</summary>
    ReadOnlySpan,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c> (parameters).</summary>
    ReadOnlyList,
}

/// <summary>
/// A C# type as a WIT type: recursive and value-equatable, so that interface models cache. Everything the canonical
/// lowering and the emitters need is here; sizes, alignments and flattenings are computed from it (Abi/Canonical).
/// </summary>
/// <param name="CSharp">The fully qualified C# type, as generated code declares it (<c>global::Demo.Point</c>, <c>uint?</c>).</param>
/// <param name="WitName">For records, enums, flags and variants: the kebab-case WIT type name; otherwise empty.</param>
/// <param name="Fields">Record and tuple fields in order.</param>
/// <param name="Cases">Enum and flags labels; variant and result cases.</param>
/// <param name="Element">The element of a list, the payload of an option.</param>
/// <param name="List">For lists, the C# container.</param>
internal sealed record WitType(
    WitKind Kind,
    string CSharp,
    string WitName,
    EquatableArray<WitField> Fields,
    EquatableArray<WitCase> Cases,
    WitType? Element,
    ListForm List)
{
    public static WitType Primitive(WitKind kind, string csharp) =>
        new(kind, csharp, "", default, default, null, ListForm.Array);

    /// <summary>Whether values of this type own memory (strings or lists somewhere inside).</summary>
    public bool HasBuffers => Kind switch
    {
        WitKind.String or WitKind.List => true,
        WitKind.Option => Element!.HasBuffers,
        _ => AnyField(Fields) || AnyCase(Cases),
    };

    /// <summary>A list of numbers whose C# layout is its canonical layout, copied in bulk.</summary>
    public bool IsBulkElement => Kind is WitKind.S8 or WitKind.U8 or WitKind.S16 or WitKind.U16 or WitKind.S32 or WitKind.U32
        or WitKind.S64 or WitKind.U64 or WitKind.F32 or WitKind.F64;

    private static bool AnyField(EquatableArray<WitField> fields)
    {
        foreach (var f in fields)
        {
            if (f.Type.HasBuffers)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyCase(EquatableArray<WitCase> cases)
    {
        foreach (var c in cases)
        {
            if (AnyField(c.Payload))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A record or tuple field, or one positional value of a variant case.</summary>
/// <param name="Member">The C# member that reads it (<c>X</c>, <c>Item1</c>).</param>
internal sealed record WitField(string Member, string WitName, WitType Type);

/// <summary>An enum or flags label, or a variant or result case.</summary>
/// <param name="CSharp">Enum and flags: the member (<c>global::Demo.Color.Red</c>); cases: the case type.</param>
/// <param name="Payload">The case's positional values: none, one (the payload), or several (a tuple payload).</param>
/// <param name="Bits">Flags: the label's bit value.</param>
internal sealed record WitCase(string Name, string WitName, string CSharp, EquatableArray<WitField> Payload, ulong Bits);

/// <summary>The options of a canonical-ABI interface.</summary>
/// <param name="InterfaceName">The WIT interface name, <c>wasmmarshal:test/api@0.1.0</c>.</param>
/// <param name="Types">The named types the signatures use, dependencies first (for WIT out).</param>
internal sealed record CanonicalOptions(string InterfaceName, bool Utf16, EquatableArray<WitType> Types);
