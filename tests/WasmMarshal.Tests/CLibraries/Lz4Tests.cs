using System;
using System.Linq;
using CsCheck;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.CLibraries;

/// <summary>
/// Debian's LZ4 1.9.4, compiled unchanged into guests/bin/lz4.wasm, through <see cref="ILz4"/>: what the guest compresses
/// is decoded by <see cref="Lz4BlockReference"/>, a decoder written here from the LZ4 block format description
/// (lz4-1.9.4/doc/lz4_Block_format.md), and what the reference's trivial literal-only encoder writes the guest decodes;
/// and the same sources built natively (<see cref="NativeLz4"/>) decode the guest's blocks and encode blocks for it.
/// </summary>
public sealed class Lz4Tests : IDisposable
{
    private readonly WasmGuest _guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("lz4")).Instantiate();

    private ILz4 Lz4 => _guest.Import<ILz4>();

    public void Dispose() => _guest.Dispose();

    private static readonly Gen<byte[]> Inputs = Gen.OneOf(
        Gen.Byte.Array[0, 4000],
        Gen.Byte[0, 3].Array[0, 20000],
        Gen.Const(Array.Empty<byte>()));

    private byte[] CompressThroughGuest(byte[] data)
    {
        var dst = new byte[Lz4.CompressBound(data.Length)];
        int written = Lz4.CompressDefault(data, dst, data.Length, dst.Length);
        Assert.InRange(written, 1, dst.Length);
        return dst[..written];
    }

    [Fact]
    public void Guest_compressed_blocks_decode_with_the_reference_decoder()
    {
        Inputs.Sample(data => Assert.Equal(data, Lz4BlockReference.Decode(CompressThroughGuest(data), data.Length)), iter: 200, threads: 1);
    }

    [Fact]
    public void The_same_sources_built_natively_decode_what_the_guest_encodes_and_the_other_way_round()
    {
        using var native = NativeLz4.Load();
        Inputs.Sample(data =>
        {
            var restored = new byte[data.Length + 8];
            Assert.Equal(data.Length, native.Decompress(CompressThroughGuest(data), restored));
            Assert.Equal(data, restored[..data.Length]);

            var block = native.Compress(data);
            var fromNative = new byte[data.Length + 8];
            Assert.Equal(data.Length, Lz4.DecompressSafe(block, fromNative, block.Length, fromNative.Length));
            Assert.Equal(data, fromNative[..data.Length]);
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void Repetitive_input_compresses_well_and_round_trips_through_the_guest()
    {
        var data = Enumerable.Range(0, 50_000).Select(i => (byte)"abcabcabd"[i % 9]).ToArray();
        var compressed = CompressThroughGuest(data);
        Assert.True(compressed.Length < data.Length / 20, $"{compressed.Length} bytes");
        var restored = new byte[data.Length];
        Assert.Equal(data.Length, Lz4.DecompressSafe(compressed, restored, compressed.Length, restored.Length));
        Assert.Equal(data, restored);
    }

    [Fact]
    public void Reference_encoded_blocks_decode_in_the_guest()
    {
        Inputs.Sample(data =>
        {
            var block = Lz4BlockReference.EncodeLiterals(data);
            var restored = new byte[data.Length + 16];
            Assert.Equal(data.Length, Lz4.DecompressSafe(block, restored, block.Length, restored.Length));
            Assert.Equal(data, restored[..data.Length]);
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void Corrupt_input_and_too_small_capacity_are_negative_results_not_overruns()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)(i % 7)).ToArray();
        var compressed = CompressThroughGuest(data);
        var small = new byte[data.Length - 1];
        Assert.True(Lz4.DecompressSafe(compressed, small, compressed.Length, small.Length) < 0);
        var garbage = new byte[] { 0xF0, 0xFF, 0xFF, 0xFF };
        Assert.True(Lz4.DecompressSafe(garbage, new byte[64], garbage.Length, 64) < 0);
    }

    [Fact]
    public void The_version_string_is_static_data_copied_and_not_freed()
    {
        // LZ4_VERSION_STRING in lz4.h 1.9.4; a borrowed result below __heap_base would be refused if it were freed.
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal("1.9.4", Lz4.VersionString());
        }

        Assert.Equal(10904, Lz4.VersionNumber()); // 1 * 10000 + 9 * 100 + 4
    }

    [Fact]
    public void The_compress_bound_matches_the_formula_in_lz4_h()
    {
        // #define LZ4_COMPRESSBOUND(isize) ((unsigned)(isize) > (unsigned)LZ4_MAX_INPUT_SIZE ? 0 : (isize) + ((isize)/255) + 16)
        foreach (int size in new[] { 0, 1, 255, 1000, 1 << 20 })
        {
            Assert.Equal(size + size / 255 + 16, Lz4.CompressBound(size));
        }

        Assert.Equal(0, Lz4.CompressBound(0x7E000001)); // above LZ4_MAX_INPUT_SIZE
    }
}

/// <summary>The LZ4 block format, from its description, as an independent reference.</summary>
internal static class Lz4BlockReference
{
    public static byte[] Decode(byte[] block, int expectedLength)
    {
        var output = new byte[expectedLength];
        int i = 0, o = 0;
        while (true)
        {
            int token = block[i++];
            int literals = token >> 4;
            if (literals == 15)
            {
                int b;
                do { b = block[i++]; literals += b; } while (b == 255);
            }

            Array.Copy(block, i, output, o, literals);
            i += literals;
            o += literals;
            if (i >= block.Length)
            {
                break; // the last sequence has literals only
            }

            int offset = block[i] | (block[i + 1] << 8);
            i += 2;
            int match = (token & 15) + 4;
            if ((token & 15) == 15)
            {
                int b;
                do { b = block[i++]; match += b; } while (b == 255);
            }

            for (int k = 0; k < match; k++, o++)
            {
                output[o] = output[o - offset]; // may overlap: byte by byte
            }
        }

        Assert.Equal(expectedLength, o);
        return output;
    }

    /// <summary>One sequence of literals only: a valid block for any input.</summary>
    public static byte[] EncodeLiterals(byte[] data)
    {
        var block = new System.Collections.Generic.List<byte>();
        int n = data.Length;
        block.Add((byte)(Math.Min(n, 15) << 4));
        if (n >= 15)
        {
            int rest = n - 15;
            while (rest >= 255) { block.Add(255); rest -= 255; }
            block.Add((byte)rest);
        }

        block.AddRange(data);
        return block.ToArray();
    }
}
