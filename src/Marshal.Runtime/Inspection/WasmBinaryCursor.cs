using System;
using System.Text;

namespace WasmMarshal.Inspection;

/// <summary>
/// Bounded reads over one slice of a module: every read checks the remaining length first and throws
/// <see cref="WasmModuleFormatException"/> instead of reading past the end, so hostile bytes cannot crash the reader.
/// </summary>
internal ref struct WasmBinaryCursor
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _baseOffset;
    private int _position;

    public WasmBinaryCursor(ReadOnlySpan<byte> bytes, int baseOffset, string where)
    {
        _bytes = bytes;
        _baseOffset = baseOffset;
        Where = where;
        _position = 0;
    }

    /// <summary>The part of the module being read, for error messages.</summary>
    public string Where { get; set; }

    /// <summary>The offset of the next byte within the whole module.</summary>
    public int Offset => _baseOffset + _position;

    public int Position => _position;

    public bool AtEnd => _position >= _bytes.Length;

    public int Remaining => _bytes.Length - _position;

    public WasmModuleFormatException Error(string reason) => new(Offset, Where, reason);

    public byte ReadByte()
    {
        if (_position >= _bytes.Length)
        {
            throw Error("unexpected end of input");
        }

        return _bytes[_position++];
    }

    public ReadOnlySpan<byte> ReadBytes(uint count)
    {
        if (count > (uint)Remaining)
        {
            throw Error($"{count} bytes announced but only {Remaining} remain");
        }

        var slice = _bytes.Slice(_position, (int)count);
        _position += (int)count;
        return slice;
    }

    /// <summary>Reads a length-prefixed slice and returns a cursor over it, advancing past it.</summary>
    public WasmBinaryCursor ReadSized(string where)
    {
        uint size = ReadU32();
        int start = Offset;
        return new WasmBinaryCursor(ReadBytes(size), start, where);
    }

    public uint ReadU32() => (uint)ReadUnsigned(32);

    public ulong ReadU64() => ReadUnsigned(64);

    public int ReadS32() => (int)ReadSigned(32);

    public long ReadS64() => ReadSigned(64);

    /// <summary>A signed 33-bit LEB128 (block and heap types).</summary>
    public long ReadS33() => ReadSigned(33);

    /// <summary>A vector count, rejected when it could not possibly fit in what remains (each item is at least one byte).</summary>
    public uint ReadCount(string what)
    {
        uint count = ReadU32();
        if (count > (uint)Remaining)
        {
            throw Error($"{what} count {count} exceeds the {Remaining} bytes that remain");
        }

        return count;
    }

    public string ReadName()
    {
        var bytes = ReadBytes(ReadU32());
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Error("a name is not valid UTF-8");
        }
    }

    private ulong ReadUnsigned(int bits)
    {
        ulong result = 0;
        int shift = 0;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0; i < maxBytes; i++)
        {
            byte b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (i == maxBytes - 1 && bits < 64 && (b >> (bits - shift)) != 0)
                {
                    throw Error($"unsigned LEB128 overflows {bits} bits");
                }

                return result;
            }

            shift += 7;
        }

        throw Error($"unsigned LEB128 longer than {maxBytes} bytes");
    }

    private long ReadSigned(int bits)
    {
        long result = 0;
        int shift = 0;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0; i < maxBytes; i++)
        {
            byte b = ReadByte();
            result |= (long)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                if (shift < 64 && (b & 0x40) != 0)
                {
                    result |= -1L << shift;
                }

                if (shift > bits && bits < 64)
                {
                    long min = -(1L << (bits - 1)), max = (1L << (bits - 1)) - 1;
                    if (result < min || result > max)
                    {
                        throw Error($"signed LEB128 overflows {bits} bits");
                    }
                }

                return result;
            }
        }

        throw Error($"signed LEB128 longer than {maxBytes} bytes");
    }
}
