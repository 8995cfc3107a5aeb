using System;
using System.Text;

namespace WasmMarshal.Marshalling;

/// <summary>ISO-8859-1 strings as <c>(ptr, byte length)</c>. Characters above U+00FF are rejected, never replaced.</summary>
public static class Latin1Marshaller
{
    /// <summary>The encoded size (one byte per character); rejects characters above U+00FF.</summary>
    public static uint GetByteCount(string value, string method, string parameter)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] > '\u00FF')
            {
                throw new ArgumentException(
                    $"{method}: parameter '{parameter}' contains U+{(int)value[i]:X4} at index {i}, which Latin-1 cannot encode.",
                    parameter);
            }
        }

        return (uint)value.Length;
    }

    /// <summary>Encodes <paramref name="value"/>, already checked by <see cref="GetByteCount"/>.</summary>
    public static void Write(string value, Span<byte> destination) => Encoding.Latin1.GetBytes(value.AsSpan(), destination);

    /// <summary>Decodes guest bytes; every byte is a valid Latin-1 character.</summary>
    public static string Read(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}
