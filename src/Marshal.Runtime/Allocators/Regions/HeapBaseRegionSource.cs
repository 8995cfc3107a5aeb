using System;
using Wasmtime;

namespace WasmMarshal.Allocators.Regions;

/// <summary>
/// For guests built without a heap: first hands out everything from <c>__heap_base</c> (the end of the stack and
/// static data, as the linker placed them) to the current end of memory, then grows memory page by page. Must not be
/// used for a guest that has an allocator of its own, which also starts at <c>__heap_base</c>.
/// </summary>
public sealed class HeapBaseRegionSource : IGuestRegionSource
{
    private readonly MemoryGrowRegionSource _grow;
    private readonly Memory _memory;
    private uint _heapBase;
    private bool _initialRangeGiven;

    /// <summary>
    /// The lowest address the range starts at, whatever <c>__heap_base</c> says: address 0 is NULL to the guest (a
    /// string there arrives as a null pointer, and a free of 0 frees nothing), so a module that exports
    /// <c>__heap_base</c> as 0 still gets its first bytes skipped. 16 keeps every alignment the heap hands out.
    /// </summary>
    public const uint LowestStart = 16;

    /// <summary>Uses the range above <paramref name="heapBase"/> (and at least <see cref="LowestStart"/>).</summary>
    public HeapBaseRegionSource(Memory memory, uint heapBase, uint minimumGrowPages = 1)
    {
        _memory = memory;
        _heapBase = Math.Max(heapBase, LowestStart);
        _grow = new MemoryGrowRegionSource(memory, minimumGrowPages);
    }

    /// <summary>Reads the exported <c>__heap_base</c> global of <paramref name="instance"/>, or null when it is not exported.</summary>
    public static uint? ReadHeapBase(Instance instance) =>
        instance.GetGlobal("__heap_base")?.GetValue() is int value ? (uint)value : null;

    /// <inheritdoc />
    public string Name => $"__heap_base (0x{_heapBase:X}) upward";

    /// <inheritdoc />
    public bool TryObtain(uint minimumSize, out uint start, out uint size)
    {
        if (!_initialRangeGiven)
        {
            _initialRangeGiven = true;
            ulong end = (ulong)_memory.GetLength();
            if (end > _heapBase && end - _heapBase >= minimumSize)
            {
                start = _heapBase;
                size = (uint)(end - _heapBase);
                return true;
            }

            if (end > _heapBase)
            {
                // Too small for this request: grow right after it, and hand out both as one range.
                if (_grow.TryObtain(minimumSize - (uint)(end - _heapBase), out uint grownStart, out uint grownSize)
                    && grownStart == end)
                {
                    start = _heapBase;
                    size = (uint)(end - _heapBase + grownSize);
                    return true;
                }
            }
        }

        return _grow.TryObtain(minimumSize, out start, out size);
    }
}
