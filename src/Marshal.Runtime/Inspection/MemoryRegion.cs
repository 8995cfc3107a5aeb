namespace WasmMarshal.Inspection;

/// <summary>One stretch of a <see cref="MemoryMap"/>.</summary>
/// <param name="Range">Its addresses.</param>
/// <param name="Kind">What it is used for.</param>
/// <param name="Label">A short description, such as <c>data segment[0]</c>.</param>
/// <param name="Blocks">How many allocator blocks or chunks of the same kind were merged into it (1 otherwise).</param>
public sealed record MemoryRegion(AddressRange Range, MemoryRegionKind Kind, string Label, int Blocks = 1)
{
    /// <summary>The label, with the block count when several were merged.</summary>
    public string Caption => Blocks > 1 ? $"{Label} ({Blocks} blocks)" : Label;
}
