using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ComputePlugins;

/// <summary>
/// The host's own answer to <see cref="ITextPlugin.TopWords"/>, written from the interface's definition of a word, so
/// <c>--verify</c> can hold every text plugin to it.
/// </summary>
public static class WordFrequency
{
    /// <summary>The <paramref name="limit"/> most frequent words, most frequent first, ties in byte order.</summary>
    public static IReadOnlyList<(string Word, int Count)> Top(string text, int limit)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var word = new List<byte>();
        void Finish()
        {
            if (word.Count == 0) return;
            string key = Encoding.UTF8.GetString(Truncate(word.ToArray()));
            counts[key] = counts.GetValueOrDefault(key) + 1;
            word.Clear();
        }
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= (byte)'A' and <= (byte)'Z') word.Add((byte)(b + 32));
            else if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'\'' or >= 0x80) word.Add(b);
            else Finish();
        }
        Finish();
        return counts
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => Encoding.UTF8.GetBytes(kv.Key), ByteOrder.Instance)
            .Take(limit)
            .Select(kv => (kv.Key, kv.Value))
            .ToList();
    }

    /// <summary>A word as it fits in <see cref="WordCount.Word"/>: at most 24 bytes, never cut inside a character.</summary>
    private static byte[] Truncate(byte[] word)
    {
        if (word.Length <= WordCount.WordBytes) return word;
        int end = WordCount.WordBytes;
        while (end > 0 && (word[end] & 0xC0) == 0x80) end--;
        return word[..end];
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
