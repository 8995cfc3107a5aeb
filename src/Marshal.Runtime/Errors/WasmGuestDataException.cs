using System;

namespace WasmMarshal;

/// <summary>
/// Data coming from the guest was rejected before use: a pointer or length outside guest memory, text that is not
/// valid in its encoding, or a count that overflows. Nothing outside guest memory was read.
/// </summary>
public class WasmGuestDataException : WasmMarshalException
{
    /// <summary>Creates the exception.</summary>
    public WasmGuestDataException(string method, string parameter, string reason, Exception? innerException = null)
        : base($"{method}: {Describe(parameter)} {reason}", innerException)
    {
        Method = method;
        Parameter = parameter;
    }

    /// <summary>The interface method, as <c>Interface.Method</c>.</summary>
    public string Method { get; }

    /// <summary>The parameter name, or <c>return</c> for the return value.</summary>
    public string Parameter { get; }

    private static string Describe(string parameter) =>
        parameter == "return" ? "the return value" : $"parameter '{parameter}'";
}

/// <summary>A pointer and length from the guest do not lie inside its linear memory.</summary>
public sealed class WasmGuestMemoryException : WasmGuestDataException
{
    /// <summary>Creates the exception.</summary>
    public WasmGuestMemoryException(string method, string parameter, ulong address, ulong length, ulong memorySize)
        : base(method, parameter,
            $"points outside guest memory: address 0x{address:X8} + {length} bytes exceeds the memory size of {memorySize} bytes")
    {
        Address = address;
        Length = length;
        MemorySize = memorySize;
    }

    /// <summary>The guest address.</summary>
    public ulong Address { get; }

    /// <summary>The length in bytes that was to be accessed.</summary>
    public ulong Length { get; }

    /// <summary>The memory size when the access was checked.</summary>
    public ulong MemorySize { get; }
}
