namespace WasmMarshal.Inspection;

/// <summary>The half-open address range <c>[Start, End)</c>.</summary>
public readonly record struct AddressRange(ulong Start, ulong End)
{
    /// <summary>The number of bytes.</summary>
    public ulong Size => End > Start ? End - Start : 0;

    /// <summary>Whether <paramref name="address"/> lies inside.</summary>
    public bool Contains(ulong address) => address >= Start && address < End;

    /// <inheritdoc />
    public override string ToString() => $"0x{Start:X8}-0x{End:X8} ({ByteSize.Format(Size)})";
}
