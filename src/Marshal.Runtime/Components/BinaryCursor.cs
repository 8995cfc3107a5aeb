using System;
using System.Text;

namespace WasmMarshal.Components;

/// <summary>
/// A bounded forward reader over part of the input. Every read checks the bytes left first and throws
/// <see cref="WasmComponentFormatException"/> with the absolute offset; nothing here can index outside the array,
/// overflow, or allocate more than the bytes that are actually there.
/// </summary>
internal sealed class BinaryCursor
{
    /// <summary>The longest name the reader takes (import, export and alias names are short in practice).</summary>
    public const int MaxNameBytes = 64 * 1024;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _data;
    private readonly int _end;

    public BinaryCursor(byte[] data, int start, int end)
    {
        _data = data;
        Position = start;
        _end = end;
    }

    /// <summary>The absolute offset of the next byte.</summary>
    public int Position { get; private set; }

    public int End => _end;

    public int Remaining => _end - Position;

    public bool AtEnd => Position >= _end;

    public byte[] Data => _data;

    public WasmComponentFormatException Error(string reason) => new(Position, reason);

    public static WasmComponentFormatException Error(long offset, string reason) => new(offset, reason);

    public byte ReadByte(string what)
    {
        if (Position >= _end)
        {
            throw Error($"unexpected end of {Where()} while reading {what}");
        }

        return _data[Position++];
    }

    public byte PeekByte(string what)
    {
        if (Position >= _end)
        {
            throw Error($"unexpected end of {Where()} while reading {what}");
        }

        return _data[Position];
    }

    /// <summary>An unsigned LEB128 of at most 5 bytes whose unused bits are zero.</summary>
    public uint ReadU32(string what)
    {
        int start = Position;
        uint result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte(what);
            if (shift == 28 && (b & 0x70) != 0)
            {
                throw Error(start, $"{what}: LEB128 u32 does not fit 32 bits");
            }

            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }

            if (shift == 28)
            {
                throw Error(start, $"{what}: LEB128 u32 longer than 5 bytes");
            }
        }
    }

    /// <summary>An unsigned LEB128 of at most 10 bytes (memory64 limits).</summary>
    public ulong ReadU64(string what)
    {
        int start = Position;
        ulong result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte(what);
            if (shift == 63 && (b & 0x7E) != 0)
            {
                throw Error(start, $"{what}: LEB128 u64 does not fit 64 bits");
            }

            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }

            if (shift == 63)
            {
                throw Error(start, $"{what}: LEB128 u64 longer than 10 bytes");
            }
        }
    }

    /// <summary>A signed LEB128 of at most 33 bits (5 bytes), as value types and heap types are written.</summary>
    public long ReadS33(string what)
    {
        int start = Position;
        long result = 0;
        int shift = 0;
        byte b;
        do
        {
            if (shift >= 35)
            {
                throw Error(start, $"{what}: LEB128 s33 longer than 5 bytes");
            }

            b = ReadByte(what);
            result |= (long)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        if (shift < 64 && (b & 0x40) != 0)
        {
            result |= -1L << shift;
        }

        if (result < -(1L << 32) || result >= (1L << 32))
        {
            throw Error(start, $"{what}: LEB128 s33 out of range");
        }

        return result;
    }

    /// <summary>A u32 count of items that each take at least one byte: more than the bytes left is malformed.</summary>
    public int ReadCount(string what)
    {
        int start = Position;
        uint count = ReadU32(what);
        if (count > (uint)Remaining)
        {
            throw Error(start, $"{what}: count {count} is more than the {Remaining} bytes left in the {Where()}");
        }

        return (int)count;
    }

    /// <summary>A u32 index, checked against the <paramref name="size"/> of its index space when that is known (≥ 0).</summary>
    public int ReadIndex(string what, int size)
    {
        int start = Position;
        uint index = ReadU32(what);
        if (size >= 0 && index >= (uint)size)
        {
            throw Error(start, $"{what} {index} is out of range ({size} defined so far)");
        }

        return (int)index;
    }

    /// <summary>A length-prefixed, strictly valid UTF-8 name.</summary>
    public string ReadName(string what)
    {
        int start = Position;
        uint length = ReadU32(what + " length");
        if (length > MaxNameBytes)
        {
            throw Error(start, $"{what}: a name of {length} bytes is over the reader's limit of {MaxNameBytes}");
        }

        if (length > (uint)Remaining)
        {
            throw Error(start, $"{what}: a name of {length} bytes runs past the end of the {Where()} ({Remaining} bytes left)");
        }

        int at = Position;
        Position += (int)length;
        try
        {
            return s_strictUtf8.GetString(_data, at, (int)length);
        }
        catch (DecoderFallbackException)
        {
            throw Error(at, $"{what}: the name is not valid UTF-8");
        }
    }

    /// <summary>Skips <paramref name="length"/> bytes.</summary>
    public void Skip(int length, string what)
    {
        if (length < 0 || length > Remaining)
        {
            throw Error($"{what}: {length} bytes run past the end of the {Where()} ({Remaining} bytes left)");
        }

        Position += length;
    }

    /// <summary>A sized payload (section body) as its own cursor; this cursor moves past it.</summary>
    public BinaryCursor Slice(uint length, string what)
    {
        if (length > (uint)Remaining)
        {
            throw Error($"{what}: a size of {length} bytes runs past the end of the {Where()} ({Remaining} bytes left)");
        }

        var slice = new BinaryCursor(_data, Position, Position + (int)length);
        Position += (int)length;
        return slice;
    }

    /// <summary>Requires that the cursor consumed its whole payload.</summary>
    public void ExpectEnd(string what)
    {
        if (Position != _end)
        {
            throw Error($"{what}: {Remaining} bytes left over after its last item");
        }
    }

    private string Where() => _end == _data.Length ? "input" : "section";
}
