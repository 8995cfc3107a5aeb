namespace WasmMarshal.Allocators.Regions;

/// <summary>
/// Where a host-managed allocator gets guest memory from. A source hands out address ranges that nothing else in the
/// guest will use: not the stack, not static data, not the guest's own heap.
/// </summary>
public interface IGuestRegionSource
{
    /// <summary>A short description for statistics and memory maps.</summary>
    string Name { get; }

    /// <summary>
    /// Obtains a range of at least <paramref name="minimumSize"/> bytes. May call into the guest or grow its memory,
    /// so callers must not hold a view of memory across it. Returns false when no more memory can be had.
    /// </summary>
    bool TryObtain(uint minimumSize, out uint start, out uint size);
}
