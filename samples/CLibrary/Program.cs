using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Wasmtime;
using WasmMarshal;

// Two real C libraries, LZ4 1.9.4 and zlib 1.2.13, built unchanged from their Debian source packages into wasm32
// guests (guests/debian/README.md), called through C# interfaces that declare their functions as their headers do.
//   dotnet run --project samples/CLibrary [-- FILE]
byte[] data = args.Length > 0
    ? File.ReadAllBytes(args[0])
    : Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}: the quick brown fox jumps over the lazy dog\n")));
string name = args.Length > 0 ? args[0] : "2000 lines of text";

using var engine = new Engine();
using var lz4Guest = WasmGuest.Builder(engine, Module.FromFile(engine, Path.Combine(AppContext.BaseDirectory, "lz4.wasm"))).Instantiate();
using var zlibGuest = WasmGuest.Builder(engine, Module.FromFile(engine, Path.Combine(AppContext.BaseDirectory, "zlib.wasm"))).Instantiate();
var lz4 = lz4Guest.Import<ILz4>();
var zlib = zlibGuest.Import<IZlib>();

Console.WriteLine($"input: {name}, {data.Length} bytes");

// LZ4: the destination's capacity is an int passed by value; the written size is the return value.
var lz4Block = new byte[lz4.CompressBound(data.Length)];
int lz4Size = lz4.CompressDefault(data, lz4Block, data.Length, lz4Block.Length);
var lz4Restored = new byte[data.Length];
int lz4Back = lz4.DecompressSafe(lz4Block, lz4Restored, lz4Size, lz4Restored.Length);
bool lz4Ok = lz4Back == data.Length && lz4Restored.AsSpan().SequenceEqual(data);
Console.WriteLine($"LZ4 {lz4.VersionString(),-8} compressed to {lz4Size,8} bytes ({100.0 * lz4Size / Math.Max(1, data.Length),5:F1}%), round trip {(lz4Ok ? "ok" : "FAILED")}");

// zlib: the destination's capacity travels in *destLen, which compress overwrites with the size it wrote.
var zlibBuffer = new byte[zlib.CompressBound((uint)data.Length)];
int status = zlib.Compress(zlibBuffer, out uint zlibSize, data, (uint)data.Length);
var zlibStream = zlibBuffer[..(int)zlibSize];

// The guest's zlib stream, inflated by .NET's own zlib: an independent check.
using var inflater = new ZLibStream(new MemoryStream(zlibStream), CompressionMode.Decompress);
using var inflated = new MemoryStream();
inflater.CopyTo(inflated);
bool zlibOk = status == 0 && inflated.ToArray().AsSpan().SequenceEqual(data);
Console.WriteLine($"zlib 1.2.13 compressed to {zlibSize,8} bytes ({100.0 * zlibSize / Math.Max(1, data.Length),5:F1}%), inflated by .NET {(zlibOk ? "ok" : "FAILED")}");
return lz4Ok && zlibOk ? 0 : 1;

/// <summary>lz4.h, as it is: <c>int LZ4_compress_default(const char *src, char *dst, int srcSize, int dstCapacity);</c> and friends.</summary>
[WasmImport]
public partial interface ILz4
{
    [WasmName("LZ4_compress_default")]
    int CompressDefault([WasmCount(nameof(srcSize))] ReadOnlySpan<byte> src, [WasmCount(nameof(dstCapacity))] Span<byte> dst,
        int srcSize, int dstCapacity);

    [WasmName("LZ4_decompress_safe")]
    int DecompressSafe([WasmCount(nameof(compressedSize))] ReadOnlySpan<byte> src, [WasmCount(nameof(dstCapacity))] Span<byte> dst,
        int compressedSize, int dstCapacity);

    [WasmName("LZ4_compressBound")]
    int CompressBound(int inputSize);

    /// <summary><c>const char *LZ4_versionString(void);</c>: static data, copied and never freed.</summary>
    [WasmName("LZ4_versionString"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
    [return: WasmBorrowed]
    string VersionString();
}

/// <summary>zlib.h, as it is. <c>uLong</c> is <c>unsigned long</c>: 32-bit on wasm32, so <see cref="uint"/>.</summary>
[WasmImport]
public partial interface IZlib
{
    [WasmName("compress")]
    int Compress([WasmCapacity(nameof(destLen))] Span<byte> dest, out uint destLen,
        [WasmCount(nameof(sourceLen))] ReadOnlySpan<byte> source, uint sourceLen);

    [WasmName("compressBound")]
    uint CompressBound(uint sourceLen);
}
