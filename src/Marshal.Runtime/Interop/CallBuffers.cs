using System;
using System.Runtime.CompilerServices;

namespace WasmMarshal.Interop;

/// <summary>
/// The buffers that the open calls of one guest hold, as one stack shared by every <see cref="WasmCallFrame"/> of that
/// guest: a frame remembers where its own records start and how many it pushed, and its <c>Exit</c> pops them.
/// </summary>
/// <remarks>
/// Why not inside the frame: a frame is a local of the stub, and a local that holds references is cleared at every call;
/// room for four records made the frame 200 bytes, and clearing and initialising it cost more than the arena's
/// allocation (the 12-byte struct call went from 76 to 62 ns with room for one). The stack is safe to share because a
/// guest runs one call at a time (the frame's <c>EnterCall</c> refuses a second thread) and calls on one thread nest:
/// a host callback that calls the guest again opens its frame above the outer one's records and closes it before the
/// outer call goes on. Created on a guest's first buffer, so an instance that never passes one costs nothing.
/// </remarks>
internal sealed class CallBuffers
{
    private Record[] _records = new Record[8];

    /// <summary>Records in use, by every open frame of the guest.</summary>
    public int Count;

    /// <summary>One buffer the call holds until its <c>Exit</c>.</summary>
    internal struct Record
    {
        public uint Address;
        public uint Size;
        public uint Alignment;

        // Returned by the guest (freed into the guest heap) rather than allocated by the host (scratch).
        public bool GuestOwned;
        public string Parameter;

        // [return: WasmFree]: the guest export that frees this buffer instead of the allocator, and its name.
        public Action<int>? FreeExport;
        public string? FreeName;
    }

    /// <summary>The record at <paramref name="index"/>, which must be below <see cref="Count"/>.</summary>
    public ref Record this[int index] => ref _records[index];

    /// <summary>Room for one more record at <see cref="Count"/>; the caller fills it and increments <see cref="Count"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Record Next()
    {
        if (Count == _records.Length)
        {
            Grow();
        }

        return ref _records[Count];
    }

    /// <summary>
    /// Pops every record from <paramref name="count"/> up. The popped slots keep their references until reused: a
    /// parameter name is a literal, and a free export belongs to this very guest, so nothing outlives it through them.
    /// </summary>
    public void PopTo(int count) => Count = count;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow() => Array.Resize(ref _records, _records.Length * 2);
}
