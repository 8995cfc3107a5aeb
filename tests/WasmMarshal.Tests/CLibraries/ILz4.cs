using System;

namespace WasmMarshal.Tests.CLibraries;

/// <summary>
/// LZ4 1.9.4 (Debian source package lz4 1.9.4-1) as its own lz4.h declares it, built unchanged into guests/bin/lz4.wasm
/// (guests/debian/README.md). The destination's capacity is an <c>int</c> passed by value and the written size is the
/// return value, so the destination is counted by its capacity ([WasmCount]) and copied back whole.
/// </summary>
[WasmImport, WasmLibraryHeader("lz4.h")]
public partial interface ILz4
{
    /// <summary><c>int LZ4_compress_default(const char *src, char *dst, int srcSize, int dstCapacity);</c></summary>
    [WasmName("LZ4_compress_default")]
    int CompressDefault([WasmCount(nameof(srcSize))] ReadOnlySpan<byte> src, [WasmCount(nameof(dstCapacity))] Span<byte> dst,
        int srcSize, int dstCapacity);

    /// <summary><c>int LZ4_decompress_safe(const char *src, char *dst, int compressedSize, int dstCapacity);</c></summary>
    [WasmName("LZ4_decompress_safe")]
    int DecompressSafe([WasmCount(nameof(compressedSize))] ReadOnlySpan<byte> src, [WasmCount(nameof(dstCapacity))] Span<byte> dst,
        int compressedSize, int dstCapacity);

    /// <summary><c>int LZ4_compressBound(int inputSize);</c></summary>
    [WasmName("LZ4_compressBound")]
    int CompressBound(int inputSize);

    /// <summary><c>const char *LZ4_versionString(void);</c>: static data, never freed.</summary>
    [WasmName("LZ4_versionString"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
    [return: WasmBorrowed]
    string VersionString();

    /// <summary><c>int LZ4_versionNumber(void);</c></summary>
    [WasmName("LZ4_versionNumber")]
    int VersionNumber();
}
