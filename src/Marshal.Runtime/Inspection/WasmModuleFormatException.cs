namespace WasmMarshal.Inspection;

/// <summary>
/// The bytes given to <see cref="WasmModuleReader"/> are not a well-formed WebAssembly module: truncated, a size or
/// count that runs past its section, an unknown section or an unsupported encoding. Nothing outside the input was read.
/// </summary>
public sealed class WasmModuleFormatException : WasmMarshalException
{
    /// <summary>Creates the exception.</summary>
    public WasmModuleFormatException(long offset, string where, string reason)
        : base($"Malformed wasm module at byte offset {offset} (0x{offset:X}), in {where}: {reason}")
    {
        Offset = offset;
        Where = where;
        Reason = reason;
    }

    /// <summary>The byte offset in the module where reading failed.</summary>
    public long Offset { get; }

    /// <summary>The part of the module being read, for example <c>the data section</c>.</summary>
    public string Where { get; }

    /// <summary>What was wrong.</summary>
    public string Reason { get; }
}
