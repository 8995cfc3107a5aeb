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
        Reason = reason;
    }

    /// <summary>Why the allocation failed.</summary>
    public string Reason { get; }

    /// <summary>The allocator's name.</summary>
    public string Allocator { get; }

    /// <summary>The requested size in bytes.</summary>
    public uint Size { get; }

    /// <summary>The requested alignment.</summary>
    public uint Alignment { get; }

    /// <summary>The stub method the buffer was for, when a generated stub asked; otherwise null.</summary>
    public string? Method { get; private init; }

    /// <summary>The parameter (or <c>return</c>) the buffer was for, when a generated stub asked; otherwise null.</summary>
    public string? Parameter { get; private init; }

    /// <summary>
    /// The same failure, named after the stub method and parameter that needed the buffer; the original is the inner
    /// exception.
    /// </summary>
    public GuestAllocationException For(string method, string parameter) =>
        new(Allocator, Size, Alignment, $"{Reason} (the buffer for {method}, parameter {parameter})", this)
        {
            Method = method,
            Parameter = parameter,
        };
}
