namespace WasmMarshal.Allocation;

/// <summary>
/// Hands out buffers in a guest's linear memory. Addresses and sizes are wasm32 values (unsigned, 32 bits).
/// </summary>
/// <remarks>
/// Implementations may call into the guest (for example its exported <c>malloc</c>), so any call may grow guest
/// memory and move its base: callers must not hold a span of guest memory across an allocation or a free. Generated stubs bracket every call with <see cref="EnterScope"/> and <see cref="ExitScope"/>,
/// which lets a per-call arena release everything at once.
/// </remarks>
public interface IGuestAllocator
{
    /// <summary>A short name for diagnostics, such as <c>guest malloc/free</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Allocates <paramref name="size"/> bytes aligned to <paramref name="alignment"/> (a power of two) and returns the
    /// guest address. Never returns 0: failure throws <see cref="GuestAllocationException"/>.
    /// </summary>
    uint Allocate(uint size, uint alignment);

    /// <summary>
    /// Allocates on behalf of a generated stub: <paramref name="method"/> and <paramref name="parameter"/> name what the
    /// buffer is for, which tracking allocators record for leak reports, and which a failure names.
    /// </summary>
    uint Allocate(uint size, uint alignment, string method, string parameter)
    {
        try
        {
            return Allocate(size, alignment);
        }
        catch (GuestAllocationException e) when (e.Method is null)
        {
            throw e.For(method, parameter);
        }
    }

    /// <summary>Releases a buffer returned by <see cref="Allocate(uint, uint)"/> with the same size and alignment.</summary>
    void Free(uint address, uint size, uint alignment);

    /// <summary>Marks the start of one stub call. Allocators without per-call state return <c>default</c>.</summary>
    AllocationScope EnterScope() => default;

    /// <summary>Ends the call started by <paramref name="scope"/>; runs in <c>finally</c>, also after a trap.</summary>
    void ExitScope(AllocationScope scope) { }
}

/// <summary>An opaque marker returned by <see cref="IGuestAllocator.EnterScope"/>.</summary>
/// <param name="Mark">Allocator-defined state, for example an arena's bump offset.</param>
public readonly record struct AllocationScope(ulong Mark);
