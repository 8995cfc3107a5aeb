using System;

namespace WasmMarshal.Tests.CLibraries;

/// <summary>
/// zlib 1.2.13 (Debian source package zlib 1.2.13.dfsg-1) as its own zlib.h declares it, built unchanged into
/// guests/bin/zlib.wasm (guests/debian/README.md). <c>uLong</c> and <c>uLongf</c> are <c>unsigned long</c>, 32 bits on
/// wasm32, so they are <see cref="uint"/> here; <c>uInt</c> is <c>unsigned int</c>, also <see cref="uint"/>.
/// </summary>
[WasmImport, WasmLibraryHeader("zlib.h")]
public partial interface IZlib
{
    /// <summary><c>int compress(Bytef *dest, uLongf *destLen, const Bytef *source, uLong sourceLen);</c></summary>
    [WasmName("compress")]
    int Compress([WasmCapacity(nameof(destLen))] Span<byte> dest, out uint destLen,
        [WasmCount(nameof(sourceLen))] ReadOnlySpan<byte> source, uint sourceLen);

    /// <summary><c>int uncompress(Bytef *dest, uLongf *destLen, const Bytef *source, uLong sourceLen);</c></summary>
    [WasmName("uncompress")]
    int Uncompress([WasmCapacity(nameof(destLen))] Span<byte> dest, ref uint destLen,
        [WasmCount(nameof(sourceLen))] ReadOnlySpan<byte> source, uint sourceLen);

    /// <summary><c>uLong compressBound(uLong sourceLen);</c></summary>
    [WasmName("compressBound")]
    uint CompressBound(uint sourceLen);

    /// <summary><c>uLong crc32(uLong crc, const Bytef *buf, uInt len);</c></summary>
    [WasmName("crc32")]
    uint Crc32(uint crc, [WasmCount(nameof(len))] ReadOnlySpan<byte> buf, uint len);

    /// <summary><c>uLong adler32(uLong adler, const Bytef *buf, uInt len);</c></summary>
    [WasmName("adler32")]
    uint Adler32(uint adler, [WasmCount(nameof(len))] ReadOnlySpan<byte> buf, uint len);
}

/// <summary>
/// The desktop habit, <see cref="ulong"/> for <c>uLong</c>: wrong on wasm32, where <c>unsigned long</c> is 32-bit. The
/// core signature then takes an i64 where the export takes an i32, which binding refuses. Its check header
/// (guests/bindings/IZlibWithDesktopLongs.check.hpp) must fail to compile against zlib.h, naming Crc32 and 'crc':
/// guests/build.sh checks that it does.
/// </summary>
[WasmImport, WasmLibraryHeader("zlib.h")]
public partial interface IZlibWithDesktopLongs
{
    [WasmName("crc32")]
    ulong Crc32(ulong crc, [WasmCount(nameof(len))] ReadOnlySpan<byte> buf, uint len);
}

/// <summary>zlib's return codes (zlib.h).</summary>
public static class ZlibStatus
{
    public const int Ok = 0;
    public const int MemoryError = -4;
    public const int BufferError = -5;
    public const int DataError = -3;
}
