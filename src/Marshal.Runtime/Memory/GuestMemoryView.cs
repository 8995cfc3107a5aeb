using System;
using System.Runtime.CompilerServices;

namespace WasmMarshal;

/// <summary>
/// A snapshot of guest memory's base and length, valid only until the guest runs again. Every access is
/// bounds-checked with 64-bit arithmetic, so <c>address + length</c> cannot wrap.
/// </summary>
/// <remarks>A ref struct so that it cannot be stored in a field and outlive the call that took it.</remarks>
public readonly unsafe ref struct GuestMemoryView
{
    private readonly byte* _base;
    private readonly ulong _length;

    // Set when the base never moves (GuestMemory.BaseNeverMoves): _length may then be a length seen earlier, never more
    // than the real one; a check that misses asks the memory for the length now before it fails.
    private readonly GuestMemory? _growable;

    internal GuestMemoryView(byte* @base, ulong length, GuestMemory? growable = null)
    {
        _base = @base;
        _length = length;
        _growable = growable;
    }

    /// <summary>
    /// The memory size in bytes when the view was taken; where the base never moves (<see cref="GuestMemory.BaseNeverMoves"/>),
    /// the size now (read again, since a view there keeps an earlier length for its bounds checks).
    /// </summary>
    public ulong Length => _growable is { } memory ? memory.RefreshLength() : _length;

    /// <summary>Whether <c>[address, address + length)</c> lies inside memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(uint address, ulong length) => (ulong)address + length <= _length || GrownToHold(address, length);

    /// <summary>After a check against a kept length missed: whether memory has since grown enough.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool GrownToHold(uint address, ulong length) =>
        _growable is { } memory && (ulong)address + length <= memory.RefreshLength();

    /// <summary>
    /// The bytes at <paramref name="address"/>, or a <see cref="WasmGuestMemoryException"/> naming
    /// <paramref name="method"/> and <paramref name="parameter"/> when they are not all inside memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Bytes(uint address, uint length, string method, string parameter)
    {
        if (((ulong)address + length > _length && !GrownToHold(address, length)) || length > int.MaxValue)
        {
            ThrowOutOfBounds(address, length, method, parameter);
        }

        return new Span<byte>(_base + address, (int)length);
    }

    /// <summary>A reference to an unmanaged value at <paramref name="address"/>, bounds-checked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T Value<T>(uint address, string method, string parameter) where T : unmanaged
    {
        if ((ulong)address + (ulong)sizeof(T) > _length && !GrownToHold(address, (ulong)sizeof(T)))
        {
            ThrowOutOfBounds(address, (ulong)sizeof(T), method, parameter);
        }

        return ref Unsafe.AsRef<T>(_base + address);
    }

    /// <summary>Reads an unmanaged value at any alignment, bounds-checked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Read<T>(uint address, string method, string parameter) where T : unmanaged =>
        Unsafe.ReadUnaligned<T>(ref Unsafe.As<T, byte>(ref Value<T>(address, method, parameter)));

    /// <summary>Writes an unmanaged value at any alignment, bounds-checked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write<T>(uint address, in T value, string method, string parameter) where T : unmanaged =>
        Unsafe.WriteUnaligned(ref Unsafe.As<T, byte>(ref Value<T>(address, method, parameter)), value);

    /// <summary>
    /// The bytes from <paramref name="address"/> up to (not including) the first NUL, searching no further than the
    /// end of memory.
    /// </summary>
    public ReadOnlySpan<byte> NulTerminated(uint address, string method, string parameter)
    {
        ulong length = _growable is { } memory ? memory.RefreshLength() : _length;
        if (address >= length)
        {
            ThrowOutOfBounds(address, 1, method, parameter);
        }

        ulong available = length - address;
        var tail = new ReadOnlySpan<byte>(_base + address, (int)Math.Min(available, int.MaxValue));
        int end = tail.IndexOf((byte)0);
        if (end < 0)
        {
            throw new WasmGuestDataException(method, parameter,
                $"is a NUL-terminated string at 0x{address:X8} with no NUL before the end of guest memory");
        }

        return tail.Slice(0, end);
    }

    private void ThrowOutOfBounds(uint address, ulong length, string method, string parameter) =>
        throw new WasmGuestMemoryException(method, parameter, address, length, Length);
}
