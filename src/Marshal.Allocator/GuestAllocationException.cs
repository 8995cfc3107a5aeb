using System;

namespace WasmMarshal.Allocation;

/// <summary>
/// An allocator could not provide a usable buffer: it returned 0, an address outside guest memory, or a misaligned
/// address, or the request itself was too large for wasm32.
/// </summary>
public sealed class GuestAllocationException : WasmMarshalException
{
    /// <summary>Creates the exception.</summary>
    public GuestAllocationException(string allocator, uint size, uint alignment, string reason, Exception? inner = null)
        : base($"Allocator '{allocator}' could not allocate {size} bytes (alignment {alignment}): {reason}", inner)
    {
        Allocator = allocator;
        Size = size;
        Alignment = alignment;
    }

    /// <summary>The allocator's name.</summary>
    public string Allocator { get; }

    /// <summary>The requested size in bytes.</summary>
    public uint Size { get; }

    /// <summary>The requested alignment.</summary>
    public uint Alignment { get; }
}
