using System;

namespace WasmMarshal.Marshalling;

/// <summary>
/// NUL-terminated UTF-8 strings passed as one pointer (C <c>const char*</c>). A string containing U+0000 is rejected
/// because C would silently truncate it.
/// </summary>
public static class CStringMarshaller
{
    /// <summary>The encoded size including the terminating NUL.</summary>
    public static uint GetByteCount(string value, string method, string parameter)
    {
        int nul = value.IndexOf('\0');
        if (nul >= 0)
        {
            throw new ArgumentException(
                $"{method}: parameter '{parameter}' contains U+0000 at index {nul} and cannot be passed as a NUL-terminated string.",
                parameter);
        }

        return Utf8Marshaller.GetByteCount(value, method, parameter) + 1;
    }

    /// <summary>Encodes <paramref name="value"/> and the terminating NUL.</summary>
    public static void Write(string value, Span<byte> destination)
    {
        int written = Utf8Marshaller.Strict.GetBytes(value.AsSpan(), destination);
        destination[written] = 0;
    }

    /// <summary>Reads the NUL-terminated string at <paramref name="address"/>; 0 is <c>null</c>.</summary>
    public static string? Read(GuestMemoryView view, uint address, string method, string parameter) =>
        address == 0 ? null : Utf8Marshaller.Read(view.NulTerminated(address, method, parameter), method, parameter);
}
