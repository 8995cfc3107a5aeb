namespace WasmMarshal.Inspection;

/// <summary>One data segment.</summary>
/// <param name="Index">The segment index.</param>
/// <param name="IsActive">Whether it is copied into memory at instantiation; passive segments are copied by <c>memory.init</c>.</param>
/// <param name="MemoryIndex">The memory an active segment initialises.</param>
/// <param name="Offset">The offset expression of an active segment, or null for a passive one.</param>
/// <param name="Size">The number of bytes.</param>
/// <param name="FileOffset">Where the segment's bytes start in the module file.</param>
public sealed record WasmDataSegment(uint Index, bool IsActive, uint MemoryIndex, WasmConstExpression? Offset, uint Size, int FileOffset)
{
    /// <summary>The address of an active segment whose offset is a constant, else null.</summary>
    public ulong? Address => Offset?.Value is long value && value >= 0 ? (ulong)value : null;

    /// <summary>One past the last address, when <see cref="Address"/> is known.</summary>
    public ulong? End => Address + Size;
}
