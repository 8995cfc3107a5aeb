using System;

namespace WasmMarshal.Benchmarks;

/// <summary>Setup-time checks: every binding must compute what its baseline computes, or the comparison means nothing.</summary>
internal static class Check
{
    public static void Same<T>(T expected, T actual, string what) where T : IEquatable<T>
    {
        if (!expected.Equals(actual))
        {
            throw new InvalidOperationException($"{what}: got {actual}, the baseline got {expected}.");
        }
    }
}
