using System;

namespace WasmMarshal;

/// <summary>The base of every exception WasmMarshal throws on purpose.</summary>
public class WasmMarshalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WasmMarshalException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
