namespace WasmMarshal.Inspection;

/// <summary>What a stretch of linear memory is used for, in a <see cref="MemoryMap"/>.</summary>
public enum MemoryRegionKind
{
    /// <summary>Inside memory but owned by nothing the layout knows of: free for whoever takes it next.</summary>
    Free,

    /// <summary>Below the data in a data-first layout (lld's <c>--global-base</c>, 1024 by default): never used.</summary>
    Unused,

    /// <summary>The stack, from its limit up to the initial stack pointer.</summary>
    Stack,

    /// <summary>An active data segment, copied in at instantiation.</summary>
    DataSegment,

    /// <summary>Static data not covered by a segment: zero-initialised (.bss) up to <c>__data_end</c>.</summary>
    StaticData,

    /// <summary>From <c>__heap_base</c> to the end of memory, managed by the guest's own allocator.</summary>
    GuestHeap,

    /// <summary>A host heap block in use.</summary>
    HostHeapUsed,

    /// <summary>A free host heap block.</summary>
    HostHeapFree,

    /// <summary>The part of an arena chunk below its bump pointer.</summary>
    ArenaUsed,

    /// <summary>The part of an arena chunk above its bump pointer.</summary>
    ArenaFree,

    /// <summary>Pages the memory may still grow into, up to its declared maximum.</summary>
    Ungrown,
}
