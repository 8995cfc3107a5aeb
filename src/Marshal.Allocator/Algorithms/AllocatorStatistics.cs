namespace WasmMarshal.Allocation.Algorithms;

/// <summary>A snapshot of an allocator's accounting. Sizes are bytes of guest memory.</summary>
/// <param name="BytesInUse">Bytes in live allocations (block sizes, rounded to the allocator's granularity).</param>
/// <param name="PeakBytesInUse">The largest <paramref name="BytesInUse"/> seen.</param>
/// <param name="LiveAllocations">Allocations not yet freed.</param>
/// <param name="AllocationCount">Allocations made since creation.</param>
/// <param name="FreeBytes">Bytes managed but not allocated.</param>
/// <param name="LargestFreeBlock">The largest single allocation that would succeed without more memory.</param>
/// <param name="ManagedBytes">All bytes of guest memory the allocator manages.</param>
public readonly record struct AllocatorStatistics(
    ulong BytesInUse,
    ulong PeakBytesInUse,
    long LiveAllocations,
    long AllocationCount,
    ulong FreeBytes,
    ulong LargestFreeBlock,
    ulong ManagedBytes)
{
    /// <summary>
    /// 0 when all free memory is one block, approaching 1 as it splinters: <c>1 - LargestFreeBlock / FreeBytes</c>.
    /// </summary>
    public double Fragmentation => FreeBytes == 0 ? 0 : 1.0 - (double)LargestFreeBlock / FreeBytes;
}
