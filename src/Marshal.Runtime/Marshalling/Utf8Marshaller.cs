using System;
using System.Buffers;
using System.Text;

namespace WasmMarshal.Marshalling;

/// <summary>UTF-8 strings as <c>(ptr, byte length)</c>. Decoding and encoding are strict: nothing is replaced.</summary>
public static class Utf8Marshaller
{
    internal static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The encoded size of <paramref name="value"/>; rejects unpaired surrogates.</summary>
    public static uint GetByteCount(string value, string method, string parameter)
    {
        // ASCII, the common case, is one byte per char; the vectorized check is several times cheaper than the
        // encoder's count (docs/performance.md).
        if (Ascii.IsValid(value))
        {
            return (uint)value.Length;
        }

        try
        {
            return (uint)Strict.GetByteCount(value);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException(
                $"{method}: parameter '{parameter}' contains an unpaired surrogate at index {ex.Index} and cannot be encoded as UTF-8.",
                parameter, ex);
        }
    }

    /// <summary>Encodes <paramref name="value"/> into <paramref name="destination"/>, which has exactly the encoded size.</summary>
    public static void Write(string value, Span<byte> destination)
    {
        // As many bytes as chars means every char is ASCII (anything else encodes to two bytes or more per char, and
        // GetByteCount has rejected unpaired surrogates): a plain vectorized narrowing, no encoder.
        if (destination.Length == value.Length && Ascii.FromUtf16(value, destination, out _) == OperationStatus.Done)
        {
            return;
        }

        Strict.GetBytes(value.AsSpan(), destination);
    }

    /// <summary>Decodes guest bytes, throwing <see cref="WasmGuestDataException"/> on invalid UTF-8.</summary>
    public static string Read(ReadOnlySpan<byte> bytes, string method, string parameter)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new WasmGuestDataException(method, parameter,
                $"is not valid UTF-8 (invalid byte sequence at offset {ex.Index} of {bytes.Length})", ex);
        }
    }
}
