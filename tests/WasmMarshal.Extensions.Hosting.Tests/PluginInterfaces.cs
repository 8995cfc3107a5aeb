using System;
using System.Runtime.InteropServices;
using System.Text;

namespace WasmMarshal.Extensions.Hosting.Tests;

// The word-count plugin's interfaces, as samples/ComputePlugins/Interfaces.cs declares them (same export names and
// layout: the committed guests/bin/plugin_words.wasm is built against those).

/// <summary>Word frequencies: string in, array of structs out.</summary>
[WasmImport]
public partial interface ITextPlugin
{
    string Name();

    WordCount[] TopWords(string text, int limit);
}

/// <summary>What the plugin imports from module <c>env</c>.</summary>
[WasmExport("env")]
public partial interface IPluginLog
{
    void Log(string message);
}

/// <summary>One word (UTF-8, NUL-padded, 24 bytes) and its count.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct WordCount
{
    public const int WordBytes = 24;

    public fixed byte Word[WordBytes];

    public int Count;

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
}

/// <summary>A WAT probe: an answer, a trap and an endless loop.</summary>
[WasmImport]
public partial interface IProbe
{
    int Answer();

    void Fail();

    void Spin();
}

public sealed class NullLog : IPluginLog
{
    public void Log(string message)
    {
    }
}
