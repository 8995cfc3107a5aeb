using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using CsCheck;
using Wasmtime;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.CLibraries;

/// <summary>
/// Debian's zlib 1.2.13, compiled unchanged into guests/bin/zlib.wasm, through the generated stub of <see cref="IZlib"/>:
/// [WasmCapacity] output buffers with an in/out length and [WasmCount] inputs, checked against .NET's own zlib
/// (<see cref="ZLibStream"/>) and independent checksum implementations.
/// </summary>
public sealed class ZlibTests : IDisposable
{
    private readonly WasmGuest _guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("zlib")).Instantiate();

    private IZlib Zlib => _guest.Import<IZlib>();

    public void Dispose() => _guest.Dispose();

    /// <summary>Random data, empty data, incompressible data, and highly compressible data.</summary>
    private static readonly Gen<byte[]> Inputs = Gen.OneOf(
        Gen.Byte.Array[0, 4000],
        Gen.Const(Array.Empty<byte>()),
        Gen.Byte[0, 3].Array[0, 20000],
        Gen.Int[0, 100_000].Select(seed => Incompressible(seed, 8192)));

    private static byte[] Incompressible(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private byte[] CompressThroughGuest(byte[] data)
    {
        var dest = new byte[Zlib.CompressBound((uint)data.Length)];
        int status = Zlib.Compress(dest, out uint destLen, data, (uint)data.Length);
        Assert.Equal(ZlibStatus.Ok, status);
        Assert.InRange(destLen, 1u, (uint)dest.Length);
        return dest[..(int)destLen];
    }

    private static byte[] InflateWithDotNet(byte[] compressed)
    {
        using var stream = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] DeflateWithDotNet(byte[] data, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var stream = new ZLibStream(output, level, leaveOpen: true))
        {
            stream.Write(data);
        }

        // ZLibStream writes nothing at all for an empty input, which is no zlib stream; the one of RFC 1950 is a header,
        // a final fixed-Huffman block holding only end-of-block (RFC 1951: 03 00) and the Adler-32 of nothing, 1.
        return output.Length == 0 ? [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01] : output.ToArray();
    }

    [Fact]
    public void Compressed_by_the_guest_inflates_with_dotnet_to_the_original()
    {
        Inputs.Sample(data =>
        {
            var compressed = CompressThroughGuest(data);
            Assert.Equal(data, InflateWithDotNet(compressed));
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void Compressed_by_dotnet_uncompresses_in_the_guest_to_the_original()
    {
        Gen.Select(Inputs, Gen.OneOf(Gen.Const(CompressionLevel.Fastest), Gen.Const(CompressionLevel.Optimal), Gen.Const(CompressionLevel.NoCompression)))
            .Sample((data, level) =>
            {
                var compressed = DeflateWithDotNet(data, level);

                // Room for more than the original, so the length the guest reports is what it produced, not the capacity.
                var dest = new byte[data.Length + 64];
                uint destLen = 12345; // ignored: the span is the capacity
                int status = Zlib.Uncompress(dest, ref destLen, compressed, (uint)compressed.Length);
                Assert.Equal(ZlibStatus.Ok, status);
                Assert.Equal((uint)data.Length, destLen);
                Assert.Equal(data, dest[..(int)destLen]);
                Assert.All(dest[data.Length..], b => Assert.Equal(0, b)); // nothing copied past the reported length
            }, iter: 60, threads: 1);
    }

    [Fact]
    public void A_capacity_too_small_gives_Z_BUF_ERROR_and_copies_only_what_fits()
    {
        var data = Incompressible(7, 4096);
        var compressed = DeflateWithDotNet(data, CompressionLevel.Optimal);
        var buffer = Enumerable.Repeat((byte)0xAA, 200).ToArray();
        var dest = buffer.AsSpan(0, 100);
        uint destLen = 0;

        int status = Zlib.Uncompress(dest, ref destLen, compressed, (uint)compressed.Length);

        Assert.Equal(ZlibStatus.BufferError, status);
        Assert.InRange(destLen, 0u, 100u);
        Assert.Equal(data[..(int)destLen], buffer[..(int)destLen]);
        Assert.All(buffer[100..], b => Assert.Equal(0xAA, b));

        var small = new byte[8];
        Assert.Equal(ZlibStatus.BufferError, Zlib.Compress(small, out uint smallLen, data, (uint)data.Length));
        Assert.InRange(smallLen, 0u, 8u);
    }

    [Fact]
    public void An_empty_capacity_reaches_zlib_as_a_zero_length_and_nothing_is_copied()
    {
        // uncompr.c: with *destLen == 0, uncompress inflates into a 1-byte buffer of its own to tell an incomplete
        // stream, leaves *destLen at 0 and, as that byte was produced, returns Z_DATA_ERROR rather than Z_BUF_ERROR.
        var compressed = DeflateWithDotNet(Encoding.ASCII.GetBytes("not empty"), CompressionLevel.Optimal);
        uint destLen = 99;
        Assert.Equal(ZlibStatus.DataError, Zlib.Uncompress(Span<byte>.Empty, ref destLen, compressed, (uint)compressed.Length));
        Assert.Equal(0u, destLen);

        // The stream of an empty input produces nothing, so the same call succeeds.
        var empty = DeflateWithDotNet([], CompressionLevel.Optimal);
        destLen = 99;
        Assert.Equal(ZlibStatus.Ok, Zlib.Uncompress(Span<byte>.Empty, ref destLen, empty, (uint)empty.Length));
        Assert.Equal(0u, destLen);
    }

    [Fact]
    public void Garbage_input_is_Z_DATA_ERROR()
    {
        var dest = new byte[64];
        uint destLen = 0;
        var garbage = Encoding.ASCII.GetBytes("this is not a zlib stream at all");
        Assert.Equal(ZlibStatus.DataError, Zlib.Uncompress(dest, ref destLen, garbage, (uint)garbage.Length));
    }

    [Fact]
    public void Crc32_matches_the_check_value_and_a_reference_implementation()
    {
        // The CRC-32 (IEEE 802.3) check value of "123456789", from the catalogue of parametrised CRC algorithms.
        var check = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0xCBF43926u, Zlib.Crc32(0, check, (uint)check.Length));

        Gen.Select(Gen.Byte.Array[0, 3000], Gen.UInt).Sample((data, seed) =>
        {
            Assert.Equal(ReferenceCrc32(seed, data), Zlib.Crc32(seed, data, (uint)data.Length));

            // Chaining: the crc of a whole is the crc of its second half seeded with that of the first.
            int half = data.Length / 2;
            uint first = Zlib.Crc32(0, data, (uint)half);
            Assert.Equal(ReferenceCrc32(0, data), Zlib.Crc32(first, data.AsSpan(half), (uint)(data.Length - half)));
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void A_zero_count_passes_a_valid_pointer_so_zlib_returns_the_seed_not_its_null_pointer_answer()
    {
        // zlib's crc32 returns 0 for a null buffer (its "initial value" idiom) but the seed for a valid empty one.
        Assert.Equal(0x12345678u, Zlib.Crc32(0x12345678, ReadOnlySpan<byte>.Empty, 0));
        Assert.Equal(0x12345678u, Zlib.Crc32(0x12345678, new byte[] { 1, 2, 3 }, 0));

        // adler32 returns 1 for a null buffer, the seed for a valid empty one.
        Assert.Equal(0x00070007u, Zlib.Adler32(0x00070007, ReadOnlySpan<byte>.Empty, 0));
    }

    [Fact]
    public void Adler32_matches_the_check_value_and_a_reference_implementation()
    {
        // adler32("Wikipedia") = 0x11E60398, the worked example of RFC 1950's algorithm.
        var wikipedia = Encoding.ASCII.GetBytes("Wikipedia");
        Assert.Equal(0x11E60398u, Zlib.Adler32(1, wikipedia, (uint)wikipedia.Length));

        Gen.Byte.Array[0, 12000].Sample(data =>
            Assert.Equal(ReferenceAdler32(1, data), Zlib.Adler32(1, data, (uint)data.Length)), iter: 100, threads: 1);
    }

    [Fact]
    public void A_count_larger_than_the_span_is_refused_before_the_call_naming_both_parameters()
    {
        var data = new byte[10];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Zlib.Crc32(0, data, 11));
        Assert.Equal("len", error.ParamName);
        Assert.Contains("'buf'", error.Message);
        Assert.Contains("IZlib.Crc32", error.Message);

        // The guest is still usable.
        Assert.Equal(ReferenceCrc32(0, data), Zlib.Crc32(0, data, 10));
    }

    [Fact]
    public void A_count_smaller_than_the_span_passes_only_that_prefix()
    {
        var data = Encoding.ASCII.GetBytes("123456789 and more");
        Assert.Equal(0xCBF43926u, Zlib.Crc32(0, data, 9));
    }

    [Fact]
    public void Compress_bound_is_zlibs_formula_with_32_bit_unsigned_long()
    {
        // zlib 1.2.13 compress.c: sourceLen + (sourceLen >> 12) + (sourceLen >> 14) + (sourceLen >> 25) + 13.
        foreach (uint n in new uint[] { 0, 1, 1000, 1 << 20, 100_000_000 })
        {
            Assert.Equal(n + (n >> 12) + (n >> 14) + (n >> 25) + 13, Zlib.CompressBound(n));
        }
    }

    [Fact]
    public void Ulong_for_unsigned_long_is_refused_at_bind_time_because_long_is_32_bit_on_wasm32()
    {
        var error = Assert.Throws<WasmBindingException>(() => _guest.Import<IZlibWithDesktopLongs>());
        var mismatch = Assert.Single(error.Mismatches);
        Assert.Equal("crc32", mismatch.Item);
        Assert.Contains("(i64, i32, i32) -> i64", mismatch.Expected);
        Assert.Contains("(i32, i32, i32) -> i32", mismatch.Actual);
    }

    // Bitwise CRC-32 with the reflected polynomial 0xEDB88320, as RFC 1952 section 8 gives it.
    private static uint ReferenceCrc32(uint crc, ReadOnlySpan<byte> data)
    {
        crc = ~crc;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    // RFC 1950 section 9: two sums modulo 65521.
    private static uint ReferenceAdler32(uint adler, ReadOnlySpan<byte> data)
    {
        uint a = adler & 0xFFFF, b = adler >> 16;
        foreach (byte x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }
}
