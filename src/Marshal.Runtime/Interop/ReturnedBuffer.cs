using System;
using System.ComponentModel;

namespace WasmMarshal.Interop;

/// <summary>
/// Who frees a buffer that a guest function returns as a pointer: the guest heap's <c>free</c> (the default), a named
/// guest export (<c>[return: WasmFree("cJSON_free")]</c>), or nobody (<c>[return: WasmBorrowed]</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ReturnedBuffer
{
    private ReturnedBuffer(int kind, Action<int>? free, string? export)
    {
        Kind = kind;
        Free = free;
        Export = export;
    }

    /// <summary>Freed into the guest heap (<c>free</c>) after the host copied it.</summary>
    public static ReturnedBuffer GuestHeap => default;

    /// <summary>Static data or memory the guest keeps: copied, never freed.</summary>
    public static ReturnedBuffer Borrowed => new(1, null, null);

    /// <summary>Freed through the guest export <paramref name="export"/>, a <c>void f(void *)</c>.</summary>
    public static ReturnedBuffer FreedBy(Action<int> free, string export) =>
        new(2, free ?? throw new ArgumentNullException(nameof(free)), export ?? throw new ArgumentNullException(nameof(export)));

    internal int Kind { get; }

    internal Action<int>? Free { get; }

    internal string? Export { get; }

    internal bool IsBorrowed => Kind == 1;
}
