using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsCheck;
using WasmMarshal.Components;
using WasmMarshal.Tests.ComponentModel;
using Xunit;

namespace WasmMarshal.Tests.Components;

/// <summary>
/// Hostile component bytes: every malformed input is a <see cref="WasmComponentFormatException"/> carrying the byte
/// offset where reading stopped (worked out by hand below from the bytes each test writes), never an
/// IndexOutOfRange, Overflow or OutOfMemory; and mutations of real components and random bytes give only that
/// exception or a report (CsCheck).
/// </summary>
public sealed class HostileComponentBytesTests
{
    private static readonly byte[] Preamble = { 0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00 };

    private static byte[] Component(params byte[] sections) => Preamble.Concat(sections).ToArray();

    private static WasmComponentFormatException Refused(byte[] bytes) =>
        Assert.Throws<WasmComponentFormatException>(() => WasmComponent.Inspect(bytes));

    [Fact]
    public void Empty_and_short_inputs_are_refused_at_offset_0()
    {
        Assert.Equal(0, Refused(Array.Empty<byte>()).Offset);
        Assert.Equal(0, Refused(Preamble[..5]).Offset);
    }

    [Fact]
    public void Another_component_version_is_refused_at_the_version_bytes()
    {
        var bytes = (byte[])Preamble.Clone();
        bytes[4] = 0x0A;
        var ex = Refused(bytes);
        Assert.Equal(4, ex.Offset);
        Assert.Contains("version 0xA", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_magic_is_refused_at_offset_0()
    {
        var bytes = (byte[])Preamble.Clone();
        bytes[1] = (byte)'b';
        Assert.Equal(0, Refused(bytes).Offset);
    }

    [Fact]
    public void A_section_larger_than_the_input_is_refused_where_its_body_starts()
    {
        // Section 8 (canon) claims 100 bytes; 2 follow. The id is at 8, the size at 9, the body would start at 10.
        var ex = Refused(Component(0x08, 100, 0x00, 0x00));
        Assert.Equal(10, ex.Offset);
        Assert.Contains("100 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_leb128_is_refused_where_it_starts()
    {
        // Section size written in 6 bytes: a u32 takes at most 5.
        var ex = Refused(Component(0x06, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00));
        Assert.Equal(9, ex.Offset);
        Assert.Contains("longer than 5 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leb128_with_bits_beyond_32_is_refused()
    {
        var ex = Refused(Component(0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F));
        Assert.Equal(9, ex.Offset);
        Assert.Contains("does not fit 32 bits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_larger_than_the_section_is_refused_before_anything_is_allocated()
    {
        // An alias section of 5 bytes claiming 0xFFFFFFFF aliases: the count is at offset 10.
        var ex = Refused(Component(0x06, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F));
        Assert.Equal(10, ex.Offset);
        Assert.Contains("count 4294967295", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_outside_its_index_space_names_the_index_and_its_offset()
    {
        // canon section: one item, canon lower (0x01 0x00) of func 5 with no options. No function is defined.
        // Layout: id 8, size 10 (1 byte), count at 10, 0x01 at 11, 0x00 at 12, the index at 13.
        var ex = Refused(Component(0x08, 0x05, 0x01, 0x01, 0x00, 0x05, 0x00));
        Assert.Equal(13, ex.Offset);
        Assert.Contains("function index 5 is out of range (0 defined so far)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_is_not_utf8_is_refused_at_the_name()
    {
        // import section: one import, name prefix 0x00, length 2, bytes FF FE (not UTF-8), then (func (type 0)).
        // id 8, size 9, count 10, prefix 11, length 12, name bytes at 13.
        var ex = Refused(Component(0x0A, 0x07, 0x01, 0x00, 0x02, 0xFF, 0xFE, 0x01, 0x00));
        Assert.Equal(13, ex.Offset);
        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_over_the_limit_is_refused_without_reading_it()
    {
        // A custom section whose name claims 1 MiB (LEB 0x80 0x80 0x40) in a 4-byte body.
        var ex = Refused(Component(0x00, 0x04, 0x80, 0x80, 0x40, 0x00));
        Assert.Equal(10, ex.Offset);
        Assert.Contains("over the reader's limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_section_id_is_refused_at_the_id()
    {
        var ex = Refused(Component(0x0D, 0x00));
        Assert.Equal(8, ex.Offset);
        Assert.Contains("unknown section id 13", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_left_over_in_a_section_are_refused()
    {
        // An alias section with zero aliases and one stray byte: after the count (at 10) the stray byte is at 11.
        var ex = Refused(Component(0x06, 0x02, 0x00, 0x00));
        Assert.Equal(11, ex.Offset);
        Assert.Contains("left over", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Components_nested_deeper_than_the_limit_are_refused()
    {
        byte[] inner = Preamble;
        for (int i = 0; i < 40; i++)
        {
            inner = Preamble.Concat(new byte[] { 0x04 }).Concat(Leb(inner.Length)).Concat(inner).ToArray();
        }

        var ex = Refused(inner);
        Assert.Contains("nest deeper", ex.Message, StringComparison.Ordinal);
        Assert.InRange(ex.Offset, 0, inner.Length);
    }

    [Fact]
    public void A_truncated_real_component_is_refused_with_an_offset_inside_the_input()
    {
        byte[] real = File.ReadAllBytes(CanonicalGuests.ComponentPath(CanonicalGuests.C));
        foreach (int length in new[] { 9, 100, 1000, real.Length / 2, real.Length - 1 })
        {
            var ex = Refused(real[..length]);
            Assert.InRange(ex.Offset, 0, length);
        }
    }

    [Fact]
    public void Bytes_wasmtime_rejects_after_the_reader_accepted_them_are_the_same_typed_exception()
    {
        // An empty core module, an instance of it, and an alias of its export "f", which it does not have: the reader
        // does not look into core exports, so it accepts this (no lift: the component-model path), and Wasmtime
        // refuses the alias.
        byte[] module = { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00 };
        byte[] bytes = Component(new byte[] { 0x01, (byte)module.Length }.Concat(module)
            .Concat(new byte[] { 0x02, 0x04, 0x01, 0x00, 0x00, 0x00 })
            .Concat(new byte[] { 0x06, 0x07, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, (byte)'f' }).ToArray());
        Assert.Equal(ComponentBindingPath.ComponentModel, WasmComponent.Inspect(bytes).Path);
        var ex = Assert.Throws<WasmComponentFormatException>(() => WasmComponent.FromBytes(CanonicalGuests.ComponentEngine, bytes));
        Assert.Contains("Wasmtime rejected the component", ex.Message, StringComparison.Ordinal);
        Assert.Equal(-1, ex.Offset);
    }

    [Fact]
    public void A_lift_of_an_export_the_main_module_does_not_have_does_not_flatten()
    {
        // An empty core module, its instance, an alias of its (missing) export "nope", a canon lift of it, exported
        // as "nope". Framed correctly, so the reader takes it; only a look into the module's exports shows the lie.
        byte[] module = { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00 };
        byte[] nope = { 0x04, (byte)'n', (byte)'o', (byte)'p', (byte)'e' };
        byte[] bytes = Component(new byte[] { 0x01, (byte)module.Length }.Concat(module)
            .Concat(new byte[] { 0x02, 0x04, 0x01, 0x00, 0x00, 0x00 })
            .Concat(new byte[] { 0x06, 0x0A, 0x01, 0x00, 0x00, 0x01, 0x00 }).Concat(nope)
            .Concat(new byte[] { 0x08, 0x06, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00 })
            .Concat(new byte[] { 0x0B, 0x0A, 0x01, 0x00 }).Concat(nope).Concat(new byte[] { 0x01, 0x00, 0x00 }).ToArray());

        var report = WasmComponent.Inspect(bytes);
        Assert.Equal(ComponentBindingPath.ComponentModel, report.Path);
        Assert.Contains("does not export the function 'nope'", report.PathReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutated_real_components_give_a_report_or_a_format_exception()
    {
        var components = new[] { CanonicalGuests.C, CanonicalGuests.Rust, "canon_utf16", "canon_stdio", "loader_two_modules" }
            .Select(n => File.ReadAllBytes(CanonicalGuests.ComponentPath(n))).ToArray();
        var mutation = Gen.Select(Gen.Int[0, components.Length - 1], Gen.Int[1, 8], Gen.Int, Gen.Byte.Array[1, 8]);
        int accepted = 0, refused = 0;
        mutation.Sample((which, edits, seed, noise) =>
        {
            byte[] bytes = (byte[])components[which].Clone();
            var random = new Random(seed);
            for (int i = 0; i < edits; i++)
            {
                int at = random.Next(bytes.Length);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = noise[i % noise.Length]; break;
                    case 1: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                    case 2: bytes = bytes[..Math.Max(8, at)]; break;
                    default: bytes = bytes[..at].Concat(noise).Concat(bytes[at..]).ToArray(); break;
                }
            }

            if (Outcome(bytes)) accepted++; else refused++;
        }, iter: 3000, threads: 1);
        Assert.True(refused > 0, "no mutation was refused");
    }

    [Fact]
    public void Random_bytes_behind_a_valid_preamble_give_a_report_or_a_format_exception()
    {
        Gen.Byte.Array[0, 200].Sample(tail => { Outcome(Preamble.Concat(tail).ToArray()); }, iter: 20_000, threads: 1);
    }

    [Fact]
    public void Random_sections_of_known_ids_give_a_report_or_a_format_exception()
    {
        // Well-framed sections with random bodies reach the item readers, not just the framing; bodies of small bytes
        // (the tags, sorts, counts and indices of the grammar are mostly 0-5) get past the first item more often.
        var body = Gen.OneOf(Gen.Byte.Array[0, 40], Gen.Byte[0, 5].Array[0, 40]);
        var section = Gen.Select(Gen.Byte[0, 12], body);
        section.Array[1, 6].Sample(sections =>
        {
            var bytes = new List<byte>(Preamble);
            foreach (var (id, body) in sections)
            {
                bytes.Add(id);
                bytes.AddRange(Leb(body.Length));
                bytes.AddRange(body);
            }

            Outcome(bytes.ToArray());
        }, iter: 20_000, threads: 1);
    }

    [Fact]
    public void Mutated_components_that_the_reader_accepts_load_or_fail_typed()
    {
        // The whole load (reader, then Wasmtime on the main module or the component): fewer runs, each compiles.
        byte[] real = File.ReadAllBytes(CanonicalGuests.ComponentPath(CanonicalGuests.C));
        Gen.Select(Gen.Int[8, real.Length - 1], Gen.Byte).Sample((at, value) =>
        {
            byte[] bytes = (byte[])real.Clone();
            bytes[at] = value;
            try
            {
                using var component = WasmComponent.FromBytes(CanonicalGuests.ComponentEngine, bytes);
                Assert.NotNull(component.Report);
            }
            catch (WasmMarshalException)
            {
                // WasmComponentFormatException, or ForcePath-style refusals: typed.
            }
        }, iter: 40, threads: 1);
    }

    /// <summary>True when the reader gave a report; false for a format exception; anything else fails the test.</summary>
    private static bool Outcome(byte[] bytes)
    {
        try
        {
            var report = WasmComponent.Inspect(bytes);
            Assert.False(string.IsNullOrEmpty(report.PathReason));
            return true;
        }
        catch (WasmComponentFormatException ex)
        {
            Assert.InRange(ex.Offset, 0, bytes.Length);
            return false;
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.GetType().Name} ({ex.Message}) on {Convert.ToHexString(bytes)}");
        }
    }

    private static byte[] Leb(int value)
    {
        var bytes = new List<byte>();
        uint v = (uint)value;
        do
        {
            byte b = (byte)(v & 0x7F);
            v >>= 7;
            bytes.Add(v != 0 ? (byte)(b | 0x80) : b);
        }
        while (v != 0);

        return bytes.ToArray();
    }
}
