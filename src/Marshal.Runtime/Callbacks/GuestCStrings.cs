using System;
using System.Collections.Generic;
using WasmMarshal.Marshalling;

namespace WasmMarshal;

/// <summary>
/// Reads C strings the host was given as bare guest addresses: a <c>const char *</c> a library returns and keeps (expat's
/// <c>XML_ErrorString</c>), or a NUL-terminated array of them (<c>const XML_Char **atts</c> in a callback). Every pointer
/// is bounds-checked and every string strictly decoded as UTF-8; a violation throws <see cref="WasmGuestMemoryException"/>
/// or <see cref="WasmGuestDataException"/> naming <c>method</c> and <c>parameter</c>. Nothing is freed: the memory is
/// the library's.
/// </summary>
public static class GuestCStrings
{
    /// <summary>The NUL-terminated UTF-8 string at <paramref name="address"/>, or null for address 0.</summary>
    public static string? Read(WasmGuest guest, uint address, string method, string parameter)
    {
        ArgumentNullException.ThrowIfNull(guest);
        return CStringMarshaller.Read(guest.Memory.View(), address, method, parameter);
    }

    /// <summary>
    /// The strings of the NUL-terminated array of <c>char *</c> at <paramref name="address"/> (4-byte pointers, the last 0);
    /// an empty array for address 0. A null pointer before the end is impossible in such an array, so it ends it.
    /// </summary>
    public static string[] ReadArray(WasmGuest guest, uint address, string method, string parameter)
    {
        ArgumentNullException.ThrowIfNull(guest);
        if (address == 0)
        {
            return Array.Empty<string>();
        }

        var view = guest.Memory.View();
        var strings = new List<string>();
        for (ulong cell = address; ; cell += 4)
        {
            if (cell > uint.MaxValue)
            {
                throw new WasmGuestDataException(method, parameter, "is an array of string pointers that runs past the end of the 32-bit address space without its terminating NULL");
            }

            uint pointer = view.Read<uint>((uint)cell, method, parameter);
            if (pointer == 0)
            {
                return strings.ToArray();
            }

            strings.Add(CStringMarshaller.Read(view, pointer, method, parameter)!);
        }
    }
}
