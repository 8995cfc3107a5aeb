using System.Collections.Generic;
using WasmMarshal.Allocation.Algorithms;

namespace WasmMarshal.Inspection;

/// <summary>A host heap (<see cref="Allocators.HostHeapAllocator"/>) at one moment: every block in address order.</summary>
/// <param name="Name">The allocator's name, which says where its regions come from.</param>
/// <param name="Blocks">Every block, used and free.</param>
/// <param name="Statistics">The heap's accounting.</param>
public sealed record HostHeapSnapshot(string Name, IReadOnlyList<(uint Address, uint Size, bool IsFree)> Blocks, AllocatorStatistics Statistics);
