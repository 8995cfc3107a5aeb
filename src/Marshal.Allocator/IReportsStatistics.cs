using WasmMarshal.Allocation.Algorithms;

namespace WasmMarshal.Allocation;

/// <summary>An allocator that can report <see cref="AllocatorStatistics"/>.</summary>
public interface IReportsStatistics
{
    /// <summary>The current accounting.</summary>
    AllocatorStatistics GetStatistics();
}
