using System;

namespace WasmMarshal.Components;

/// <summary>
/// The bytes given to <see cref="WasmComponent"/> are not a component the loader can read: truncated, a count or size
/// over the reader's limits, an index outside its index space, a malformed name or LEB128, or a component Wasmtime
/// rejects. <see cref="Offset"/> is the byte offset in the input where reading stopped (-1 when Wasmtime rejected the
/// component and gave no offset).
/// </summary>
public sealed class WasmComponentFormatException : WasmMarshalException
{
    /// <summary>Creates the exception.</summary>
    public WasmComponentFormatException(long offset, string reason, Exception? innerException = null)
        : base(offset >= 0 ? $"Component binary, at byte offset {offset} (0x{offset:X}): {reason}" : $"Component binary: {reason}", innerException)
    {
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The byte offset in the input where the problem was found, or -1 when unknown.</summary>
    public long Offset { get; }

    /// <summary>What is wrong, without the offset.</summary>
    public string Reason { get; }
}
