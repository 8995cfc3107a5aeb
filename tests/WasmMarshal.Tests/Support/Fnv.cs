using System;

namespace WasmMarshal.Tests.Support;

/// <summary>The host's own FNV-1a, to check byte-exact transfers against what the guest computed.</summary>
public static class Fnv
{
    public static uint Hash32(ReadOnlySpan<byte> bytes)
    {
        uint hash = 2166136261u;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    public static ulong Hash64(ReadOnlySpan<byte> bytes, ulong hash = 14695981039346656037ul)
    {
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 1099511628211ul;
        }

        return hash;
    }
}
