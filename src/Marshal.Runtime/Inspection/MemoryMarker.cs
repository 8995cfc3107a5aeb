namespace WasmMarshal.Inspection;

/// <summary>A named address drawn across a <see cref="MemoryMap"/>, such as <c>__heap_base</c>.</summary>
public sealed record MemoryMarker(ulong Address, string Label);
