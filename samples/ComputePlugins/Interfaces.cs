using System;
using System.Runtime.InteropServices;
using System.Text;
using WasmMarshal;

namespace ComputePlugins;

/// <summary>
/// An image filter plugin: the guest exports <c>name</c> and <c>apply</c>. Pixels are RGBA, 4 bytes per pixel, rows top
/// to bottom, no padding. <see cref="Apply"/> reads <c>source</c> (copied into guest memory) and writes <c>target</c>
/// (copied back after the call); both hold <c>Width * Height * 4</c> bytes.
/// </summary>
[WasmImport]
public partial interface IImageFilter
{
    /// <summary>A short name for file names and reports, e.g. <c>grayscale</c>.</summary>
    string Name();

    /// <summary>Filters <paramref name="source"/> into <paramref name="target"/>.</summary>
    void Apply(ReadOnlySpan<byte> source, Span<byte> target, FilterParameters parameters);
}

/// <summary>What a filter needs besides the pixels; crosses as a pointer to a 12-byte C struct.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct FilterParameters
{
    /// <summary>Width in pixels.</summary>
    public int Width;

    /// <summary>Height in pixels.</summary>
    public int Height;

    /// <summary>Neighbourhood radius in pixels for filters that have one (box blur); others ignore it.</summary>
    public int Radius;
}

/// <summary>A text plugin: word frequencies, string in, array of structs out.</summary>
[WasmImport]
public partial interface ITextPlugin
{
    /// <summary>A short name for reports.</summary>
    string Name();

    /// <summary>
    /// The <paramref name="limit"/> most frequent words, most frequent first, ties in byte order. A word is a run of
    /// ASCII letters, digits, apostrophes and non-ASCII bytes, with ASCII letters lower-cased.
    /// </summary>
    WordCount[] TopWords(string text, int limit);
}

/// <summary>Host services a plugin may import (module <c>env</c>).</summary>
[WasmExport("env")]
public partial interface IPluginLog
{
    /// <summary>A message from the plugin.</summary>
    void Log(string message);
}

/// <summary>One word and how often it occurs. <see cref="Word"/> is UTF-8, NUL-padded, cut at 24 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct WordCount
{
    /// <summary>Size of <see cref="Word"/> in bytes.</summary>
    public const int WordBytes = 24;

    /// <summary>The word, UTF-8, NUL-padded.</summary>
    public fixed byte Word[WordBytes];

    /// <summary>How many times it occurs.</summary>
    public int Count;

    /// <summary>The word as a string (up to the first NUL).</summary>
    public readonly string Text
    {
        get
        {
            fixed (byte* p = Word)
            {
                var bytes = new ReadOnlySpan<byte>(p, WordBytes);
                int end = bytes.IndexOf((byte)0);
                return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
            }
        }
    }

    /// <inheritdoc />
    public override readonly string ToString() => $"{Text}: {Count}";
}

// The JavaScript word counter (a WebAssembly component) is bound from wit/words.wit: the generator declares IWords and
// WordEntry from it (ComputePlugins.csproj gives it as AdditionalFiles), and ComponentTextPlugin adapts IWords to
// ITextPlugin, so the batch treats it like the others.
