using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace WasmMarshal.Samples.Game;

/// <summary>A SHA-256 over a run, fed in a fixed little-endian byte order so that the same frames give the same hash
/// whichever guest produced them.</summary>
public sealed class FrameHash : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Add(ReadOnlySpan<byte> bytes) => _sha.AppendData(bytes);

    public void Add(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        _sha.AppendData(bytes);
    }

    public void Add(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Add(utf8.Length);
        _sha.AppendData(utf8);
    }

    /// <summary>One frame of game state: the step result, every cell and the HUD text the guest drew.</summary>
    public void AddFrame(StepInfo info, ReadOnlySpan<Cell> board, IReadOnlyList<(Point At, string Text)> texts)
    {
        Add(info.Score);
        Add(info.Length);
        Add(info.Alive);
        Add(info.Heading);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("the frame hash assumes a little-endian host");
        _sha.AppendData(MemoryMarshal.AsBytes(board));
        Add(texts.Count);
        foreach (var (at, text) in texts)
        {
            Add(at.X);
            Add(at.Y);
            Add(text);
        }
    }

    public string Finish() => Convert.ToHexStringLower(_sha.GetHashAndReset());

    public void Dispose() => _sha.Dispose();
}
