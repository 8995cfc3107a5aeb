using System.Collections.Generic;
using System.Linq;
using System.Text;
using WasmMarshal.Allocation;
using WasmMarshal.Allocation.Algorithms;

namespace WasmMarshal.Allocators;

/// <summary>One live allocation and what made it.</summary>
/// <param name="Address">The guest address.</param>
/// <param name="Size">The requested size in bytes.</param>
/// <param name="Alignment">The requested alignment.</param>
/// <param name="Method">The interface method whose stub allocated it (<c>ICalc.Concat</c>), or the caller's label.</param>
/// <param name="Parameter">The parameter it holds, or <c>return</c> for a return area.</param>
/// <param name="Sequence">The allocation's number, in order of allocation.</param>
public sealed record LiveAllocation(uint Address, uint Size, uint Alignment, string Method, string Parameter, long Sequence);

/// <summary>
/// A debug decorator that records, for every live allocation, the stub method and parameter that made it (the
/// generator passes both), and reports what stayed alive: file/func/line tracking done by the generator.
/// </summary>
public sealed class TrackingAllocator : IGuestAllocator, IReportsStatistics, IManagesGuestMemory
{
    private readonly IGuestAllocator _inner;
    private readonly Dictionary<uint, LiveAllocation> _live = new();
    private long _sequence;
    private ulong _bytesInUse;
    private ulong _peak;

    /// <summary>Tracks <paramref name="inner"/>.</summary>
    public TrackingAllocator(IGuestAllocator inner) => _inner = inner;

    /// <inheritdoc />
    public string Name => "tracking " + _inner.Name;

    /// <summary>The wrapped allocator.</summary>
    public IGuestAllocator Inner => _inner;

    /// <summary>Every allocation not yet freed, oldest first.</summary>
    public IReadOnlyList<LiveAllocation> Live => _live.Values.OrderBy(a => a.Sequence).ToList();

    /// <summary>Frees of addresses this allocator never handed out: buffers the guest returned, freed after copying.</summary>
    public long ForeignFrees { get; private set; }

    /// <inheritdoc />
    public uint Allocate(uint size, uint alignment) => Allocate(size, alignment, "(direct call)", "");

    /// <inheritdoc />
    public uint Allocate(uint size, uint alignment, string method, string parameter)
    {
        uint address = _inner.Allocate(size, alignment, method, parameter);
        _live[address] = new LiveAllocation(address, size, alignment, method, parameter, ++_sequence);
        _bytesInUse += size;
        _peak = System.Math.Max(_peak, _bytesInUse);
        return address;
    }

    /// <inheritdoc />
    public void Free(uint address, uint size, uint alignment)
    {
        if (_live.Remove(address, out var allocation))
        {
            _bytesInUse -= allocation.Size;
        }
        else
        {
            ForeignFrees++;
        }

        _inner.Free(address, size, alignment);
    }

    /// <inheritdoc />
    public AllocationScope EnterScope() => _inner.EnterScope();

    /// <inheritdoc />
    public void ExitScope(AllocationScope scope) => _inner.ExitScope(scope);

    /// <summary>A readable list of what is still alive, grouped by method and parameter; says so when nothing leaked.</summary>
    public string LeakReport()
    {
        if (_live.Count == 0)
        {
            return $"no live allocations in {Name}";
        }

        var report = new StringBuilder();
        report.Append(_live.Count).Append(" live allocation").Append(_live.Count == 1 ? "" : "s")
            .Append(" (").Append(_bytesInUse).Append(" bytes) in ").Append(_inner.Name).Append(':').AppendLine();
        foreach (var group in Live.GroupBy(a => (a.Method, a.Parameter)))
        {
            report.Append("  ").Append(group.Key.Method);
            if (group.Key.Parameter.Length > 0)
            {
                report.Append(" (").Append(group.Key.Parameter).Append(')');
            }

            report.Append(": ").Append(group.Count()).Append(" x, ").Append(group.Sum(a => (long)a.Size)).Append(" bytes at ")
                .AppendJoin(", ", group.Take(4).Select(a => $"0x{a.Address:X8}"))
                .Append(group.Count() > 4 ? ", ..." : "").AppendLine();
        }

        return report.ToString();
    }

    /// <inheritdoc />
    public AllocatorStatistics GetStatistics() => _inner is IReportsStatistics stats
        ? stats.GetStatistics()
        : new AllocatorStatistics(_bytesInUse, _peak, _live.Count, _sequence, 0, 0, 0);

    /// <inheritdoc />
    public bool Manages(uint address, uint length) => _inner is IManagesGuestMemory inner && inner.Manages(address, length);
}
