namespace WasmMarshal.Generators.Model;

/// <summary>How a C# value crosses the boundary.</summary>
internal enum ValueShape
{
    Void,

    /// <summary>A number, bool, char or enum passed by value as one core value.</summary>
    Scalar,

    /// <summary>A string in one of <see cref="StringEncoding"/>.</summary>
    String,

    /// <summary>A struct (any ref kind) or a scalar passed by in/ref/out: a pointer to a copy in guest memory.</summary>
    Pointer,

    ReadOnlySpan,
    Span,
    Array,

    /// <summary>Cannot cross; the analyzer reports why, and the stub method throws.</summary>
    Unsupported,

    /// <summary>A WIT value of a canonical-ABI interface, described by <see cref="ValueModel.Wit"/>.</summary>
    Canonical,
}

/// <summary>The scalar types and how each widens to a core wasm value.</summary>
internal enum ScalarKind
{
    Bool,
    I8,
    U8,
    I16,
    U16,
    Char,
    I32,
    U32,
    I64,
    U64,
    F32,
    F64,
}

/// <summary>Mirrors WasmMarshal.WasmStringEncoding.</summary>
internal enum StringEncoding
{
    Utf8 = 0,
    Utf16 = 1,
    Latin1 = 2,
    Utf8NulTerminated = 3,
    AssemblyScript = 4,
}

internal enum PassingMode
{
    Value,
    In,
    Ref,
    Out,
}

/// <summary>How a buffer is sized by another parameter ([WasmCount], [WasmCapacity]), or how a parameter sizes one.</summary>
internal enum SizeKind
{
    None,

    /// <summary>A span or array passed as one pointer; its element count is the scalar parameter <see cref="ValueModel.SizeParameter"/>.</summary>
    CountedBy,

    /// <summary>A Span&lt;T&gt; output buffer passed as one pointer; its capacity and reported length travel in the length cell <see cref="ValueModel.SizeParameter"/>.</summary>
    CapacityIn,

    /// <summary>A ref or out int/uint passed as a pointer to the length cell of the buffer <see cref="ValueModel.SizeParameter"/>.</summary>
    LengthOf,

    /// <summary>A span or array passed as one pointer to exactly <see cref="ValueModel.FixedLength"/> elements ([WasmFixedLength]).</summary>
    Fixed,

    /// <summary>A returned array passed back as one pointer; its element count is the out parameter <see cref="ValueModel.SizeParameter"/> ([return: WasmCount]).</summary>
    ReturnCountedBy,
}

/// <summary>Who frees a buffer the guest returns as one pointer (a NUL-terminated string, a counted array).</summary>
internal enum ReturnedOwner
{
    /// <summary>The guest heap's free (the default).</summary>
    GuestHeap,

    /// <summary>The guest export <see cref="ValueModel.FreeExport"/> ([return: WasmFree]).</summary>
    FreeExport,

    /// <summary>Nobody: static data or memory the library keeps ([return: WasmBorrowed]).</summary>
    Borrowed,
}

/// <summary>One parameter, or the return value (named <c>return</c>).</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="TypeDisplay">The fully qualified type with nullable annotations.</param>
/// <param name="Scalar">For scalars and enums, the scalar it lowers to.</param>
/// <param name="EnumDisplay">For enums, the enum type; otherwise null.</param>
/// <param name="IsNullable">Whether null is a legal value (annotated or nullable-oblivious).</param>
/// <param name="ElementDisplay">The element type of spans and arrays, or the pointed-to type of pointers.</param>
/// <param name="ElementSize">The wasm32 size of that element type.</param>
/// <param name="ElementAlign">The wasm32 alignment of that element type.</param>
/// <param name="IsReturn">Whether this is the return value rather than a parameter.</param>
/// <param name="Wit">For <see cref="ValueShape.Canonical"/>, the WIT type.</param>
/// <param name="Sizing">Whether another parameter sizes this buffer, or this parameter sizes another.</param>
/// <param name="SizeParameter">The index of that other parameter, or -1.</param>
/// <param name="SizeParameterName">The C# name of that other parameter, or null.</param>
/// <param name="FixedLength">For <see cref="SizeKind.Fixed"/>, the element count.</param>
/// <param name="Owner">For a returned pointer, who frees it.</param>
/// <param name="FreeExport">For <see cref="ReturnedOwner.FreeExport"/>, the guest export that frees it.</param>
/// <param name="Opaque">For a handle or callback (a <see cref="ValueShape.Scalar"/> i32 the host never dereferences), which; see Model/Opaque.cs.</param>
internal sealed record ValueModel(
    string Name,
    string TypeDisplay,
    ValueShape Shape,
    PassingMode Passing,
    ScalarKind Scalar,
    string? EnumDisplay,
    StringEncoding Encoding,
    bool IsNullable,
    string ElementDisplay,
    int ElementSize,
    int ElementAlign,
    bool IsReturn = false,
    WitType? Wit = null,
    SizeKind Sizing = SizeKind.None,
    int SizeParameter = -1,
    string? SizeParameterName = null,
    int FixedLength = 0,
    ReturnedOwner Owner = ReturnedOwner.GuestHeap,
    string? FreeExport = null,
    OpaqueKind Opaque = OpaqueKind.None)
{
    public static ValueModel Void { get; } =
        new("return", "void", ValueShape.Void, PassingMode.Value, ScalarKind.I32, null, StringEncoding.Utf8, false, "", 0, 0, IsReturn: true);

    /// <summary>Whether the parameter is a reference type declared non-nullable, so null is a caller error.</summary>
    public bool RejectsNull => !IsNullable && Shape is ValueShape.String or ValueShape.Array;
}
