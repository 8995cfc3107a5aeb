namespace WasmMarshal.Inspection;

/// <summary>One global in the module's global index space (imported globals first).</summary>
/// <param name="Index">The global index.</param>
/// <param name="Type">The value type: <c>i32</c>, <c>i64</c>, <c>f32</c>, <c>f64</c>, <c>v128</c> or a reference type.</param>
/// <param name="Mutable">Whether the global is mutable.</param>
/// <param name="Init">The initializer, or null for an imported global.</param>
/// <param name="Import">The import that provides it, or null when the module defines it.</param>
/// <param name="Name">The name from an export or the <c>name</c> custom section, or null when it has none.</param>
public sealed record WasmGlobalEntry(uint Index, string Type, bool Mutable, WasmConstExpression? Init,
    WasmImportEntry? Import, string? Name);
