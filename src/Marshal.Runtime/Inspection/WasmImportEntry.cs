namespace WasmMarshal.Inspection;

/// <summary>One import of a module, as written in its import section.</summary>
public sealed record WasmImportEntry(string Module, string Name, WasmExternKind Kind);
