using System;
using System.Runtime.InteropServices;
using System.Text;
using WasmMarshal;

namespace WebPlugins;

// The word-count plugin's interfaces as samples/ComputePlugins/Interfaces.cs declares them: guests/bin/plugin_words.wasm
// is built against those export names and that layout.

/// <summary>Word frequencies: string in, array of structs out.</summary>
[WasmImport]
public partial interface ITextPlugin
{
    /// <summary>A short name.</summary>
    string Name();

    /// <summary>The <paramref name="limit"/> most frequent words, most frequent first, ties in byte order.</summary>
    WordCount[] TopWords(string text, int limit);
}

/// <summary>What the plugin imports from module <c>env</c>.</summary>
[WasmExport("env")]
public partial interface IPluginLog
{
    /// <summary>A message from the plugin.</summary>
    void Log(string message);
}

/// <summary>A plugin that always traps, to show that one broken plugin is answered with a 500 and harms no other.</summary>
[WasmImport]
public partial interface IFaultyPlugin
{
    /// <summary>Traps (<c>unreachable</c>).</summary>
    int Run();
}

/// <summary>One word (UTF-8, NUL-padded, 24 bytes) and its count.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct WordCount
{
    /// <summary>Size of <see cref="Word"/> in bytes.</summary>
    public const int WordBytes = 24;

    /// <summary>The word, UTF-8, NUL-padded.</summary>
    public fixed byte Word[WordBytes];

    /// <summary>How many times it occurs.</summary>
    public int Count;

    /// <summary>The word as a string.</summary>
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

/// <summary>Forwards plugin messages to the application's log.</summary>
public sealed class PluginLog(Microsoft.Extensions.Logging.ILogger<PluginLog> logger) : IPluginLog
{
    /// <inheritdoc/>
    public void Log(string message) => Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "plugin: {Message}", message);
}

/// <summary>A word and its count, as the API returns it.</summary>
public sealed record WordResult(string Word, int Count);
