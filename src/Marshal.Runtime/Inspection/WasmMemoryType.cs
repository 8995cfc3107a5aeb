namespace WasmMarshal.Inspection;

/// <summary>A linear memory's limits, in pages of <see cref="PageSize"/> bytes.</summary>
/// <param name="Index">The index in the memory index space (imported memories first).</param>
/// <param name="MinimumPages">The initial size.</param>
/// <param name="MaximumPages">The declared maximum, or null when the memory may grow to the engine's limit.</param>
/// <param name="Shared">Whether the memory is shared (threads).</param>
/// <param name="Is64Bit">Whether the memory is indexed with i64 (memory64).</param>
/// <param name="Import">The import that provides it, or null when the module defines it.</param>
/// <param name="PageSize">The page size: 64 KiB unless the custom-page-sizes proposal says otherwise.</param>
public sealed record WasmMemoryType(uint Index, ulong MinimumPages, ulong? MaximumPages, bool Shared, bool Is64Bit,
    WasmImportEntry? Import, ulong PageSize = WasmMemoryType.DefaultPageSize)
{
    /// <summary>The standard page size, 64 KiB.</summary>
    public const ulong DefaultPageSize = 65536;

    /// <summary>The initial size in bytes (saturating at 2^64 - 1 for absurd memory64 limits).</summary>
    public ulong MinimumBytes => Bytes(MinimumPages);

    /// <summary>The maximum size in bytes, or null when none is declared.</summary>
    public ulong? MaximumBytes => MaximumPages is { } pages ? Bytes(pages) : null;

    private ulong Bytes(ulong pages) => pages > ulong.MaxValue / PageSize ? ulong.MaxValue : pages * PageSize;
}
