namespace WasmMarshal.Inspection;

/// <summary>One export of a module: its name and the index (in the index space of <see cref="Kind"/>) it refers to.</summary>
public sealed record WasmExportEntry(string Name, WasmExternKind Kind, uint Index);
