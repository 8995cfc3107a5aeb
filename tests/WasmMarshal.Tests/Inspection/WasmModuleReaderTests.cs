using System;
using System.IO;
using System.Linq;
using CsCheck;
using WasmMarshal.Inspection;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Inspection;

/// <summary>
/// WasmModuleReader against wabt: every committed guest is read and compared with the <c>wasm-objdump -x</c> facts
/// captured in objdump/*.txt; malformed input must fail with WasmModuleFormatException and nothing else.
/// </summary>
public sealed class WasmModuleReaderTests
{
    public static TheoryData<string> Guests() => new(ObjdumpFacts.Guests().Select(g => (string)g[0]));

    [Theory]
    [MemberData(nameof(Guests))]
    public void Memory_limits_match_objdump(string guest)
    {
        var facts = ObjdumpFacts.Load(guest);
        var module = WasmModuleReader.ReadFile(TestGuests.PathOf(guest));

        Assert.NotEmpty(facts.Memories);
        Assert.Equal(facts.Memories.Count, module.Memories.Count(m => m.Import is null));
        foreach (var (expected, actual) in facts.Memories.Zip(module.Memories.Where(m => m.Import is null)))
        {
            Assert.Equal(expected.Initial, actual.MinimumPages);
            Assert.Equal(expected.Max, actual.MaximumPages);
            Assert.Equal(expected.Shared, actual.Shared);
            Assert.Equal(expected.Is64, actual.Is64Bit);
        }
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void Globals_match_objdump(string guest)
    {
        var facts = ObjdumpFacts.Load(guest);
        var module = WasmModuleReader.ReadFile(TestGuests.PathOf(guest));

        var defined = module.Globals.Where(g => g.Import is null).ToList();
        Assert.Equal(facts.Globals.Select(g => g.Index), defined.Select(g => g.Index));
        foreach (var (expected, actual) in facts.Globals.Zip(defined))
        {
            Assert.Equal(expected.Type, actual.Type);
            Assert.Equal(expected.Mutable, actual.Mutable);
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Init is { } init ? (long)(uint)init : null, actual.Init?.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void Exports_match_objdump(string guest)
    {
        var facts = ObjdumpFacts.Load(guest);
        var module = WasmModuleReader.ReadFile(TestGuests.PathOf(guest));

        string Kind(WasmExternKind kind) => kind switch
        {
            WasmExternKind.Function => "func",
            _ => kind.ToString().ToLowerInvariant(),
        };
        Assert.Equal(facts.Exports.Select(e => (e.Kind, e.Index, e.Name)), module.Exports.Select(e => (Kind(e.Kind), e.Index, e.Name)));
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void Data_segments_match_objdump(string guest)
    {
        var facts = ObjdumpFacts.Load(guest);
        var module = WasmModuleReader.ReadFile(TestGuests.PathOf(guest));

        Assert.Equal(facts.Segments.Count, module.DataSegments.Count);
        foreach (var (expected, actual) in facts.Segments.Zip(module.DataSegments))
        {
            Assert.Equal(expected.Index, actual.Index);
            Assert.Equal(!expected.Passive, actual.IsActive);
            Assert.Equal(expected.MemoryIndex, actual.MemoryIndex);
            Assert.Equal(expected.Size, actual.Size);
            Assert.Equal(expected.Offset is { } offset ? (ulong)(uint)offset : null, actual.Address);
        }
    }

    [Fact]
    public void Segment_file_offsets_point_at_the_segment_bytes()
    {
        byte[] bytes = File.ReadAllBytes(TestGuests.PathOf("quickstart"));
        var segment = WasmModuleReader.Read(bytes).DataSegments.Single();

        // wasm-objdump shows this segment's contents starting with "greet called" (objdump -x hex dump).
        Assert.Equal("greet called"u8.ToArray(), bytes.AsSpan(segment.FileOffset, 12).ToArray());
    }

    [Fact]
    public void Reads_imports_names_shared_memories_and_passive_segments_from_wat()
    {
        byte[] bytes = Wasmtime.Module.ConvertText("""
            (module
              (import "env" "memory_base" (global $memory_base i32))
              (import "env" "log" (func $log (param i32)))
              (memory 3 10 shared)
              (global $flag (mut i32) (i32.const 5))
              (global $__stack_pointer (mut i32) (i32.const 4096))
              (global $sum i32 (i32.add (i32.const 1000) (i32.const 24)))
              (data (i32.const 8192) "abc")
              (data (global.get $memory_base) "relocated")
              (data "passive!"))
            """);

        var module = WasmModuleReader.Read(bytes);

        Assert.Equal([("env", "memory_base", WasmExternKind.Global), ("env", "log", WasmExternKind.Function)],
            module.Imports.Select(i => (i.Module, i.Name, i.Kind)));
        var memory = Assert.Single(module.Memories);
        Assert.Equal((3ul, (ulong?)10, true, false), (memory.MinimumPages, memory.MaximumPages, memory.Shared, memory.Is64Bit));
        Assert.True(module.HasNameSection);
        Assert.Equal(["memory_base", "flag", "__stack_pointer", "sum"], module.Globals.Select(g => g.Name));
        Assert.NotNull(module.Globals[0].Import);
        Assert.Null(module.Globals[0].Init);
        Assert.Equal(1024, module.Globals[3].Init!.Value);
        Assert.Equal(8192ul, module.DataSegments[0].Address);
        Assert.Equal("global.get 0", module.DataSegments[1].Offset!.Text);
        Assert.Null(module.DataSegments[1].Address);
        Assert.False(module.DataSegments[2].IsActive);
        Assert.Equal(8u, module.DataSegments[2].Size);
    }

    [Fact]
    public void Reads_memory64_limits()
    {
        var memory = WasmModuleReader.Read(Wasmtime.Module.ConvertText("(module (memory i64 2 70000))")).Memories.Single();

        Assert.True(memory.Is64Bit);
        Assert.Equal((2ul, (ulong?)70000), (memory.MinimumPages, memory.MaximumPages));
    }

    [Theory]
    [InlineData(new byte[] { }, 0, "shorter than the 8-byte header")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 1, 0, 0, 0 }, 0, "magic")]
    [InlineData(new byte[] { 0, 0x61, 0x73, 0x6D, 0x0D, 0, 1, 0 }, 4, "component")]
    [InlineData(new byte[] { 0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 5, 3, 1, 0 }, 10, "2 remain")]
    [InlineData(new byte[] { 0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 42, 0 }, 8, "unknown section id 42")]
    [InlineData(new byte[] { 0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 5, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 }, 14, "LEB128")]
    [InlineData(new byte[] { 0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 5, 4, 1, 1, 2, 1 }, 14, "below the minimum")]
    [InlineData(new byte[] { 0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 5, 4, 1, 0, 1, 0 }, 13, "left over")]
    public void Malformed_modules_are_rejected_with_the_offset_and_reason(byte[] bytes, long offset, string reason)
    {
        var error = Assert.Throws<WasmModuleFormatException>(() => WasmModuleReader.Read(bytes));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void A_malformed_name_section_is_skipped_with_a_warning_as_engines_do()
    {
        // A "name" section whose global-names subsection announces 9 names in 2 bytes, then a valid memory section.
        byte[] bytes = [0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 0, 10, 4, (byte)'n', (byte)'a', (byte)'m', (byte)'e', 7, 3, 9, 0, 0, 5, 3, 1, 0, 1];

        var module = WasmModuleReader.Read(bytes);

        Assert.Contains("'name' custom section", Assert.Single(module.Warnings), StringComparison.Ordinal);
        Assert.Equal(1ul, Assert.Single(module.Memories).MinimumPages);
        Assert.Empty(WasmModuleReader.ReadFile(TestGuests.PathOf("quickstart")).Warnings);
    }

    [Fact]
    public void Sections_out_of_order_or_repeated_are_rejected()
    {
        byte[] memoryTwice = [0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 5, 3, 1, 0, 1, 5, 3, 1, 0, 1];
        byte[] exportBeforeMemory = [0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 7, 1, 0, 5, 3, 1, 0, 1];

        Assert.Contains("twice", Assert.Throws<WasmModuleFormatException>(() => WasmModuleReader.Read(memoryTwice)).Message, StringComparison.Ordinal);
        Assert.Contains("out of order", Assert.Throws<WasmModuleFormatException>(() => WasmModuleReader.Read(exportBeforeMemory)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void Every_truncation_of_a_guest_is_rejected_or_read_never_crashes(string guest)
    {
        byte[] bytes = File.ReadAllBytes(TestGuests.PathOf(guest));
        int rejected = 0;
        for (int length = 0; length < bytes.Length; length++)
        {
            if (!ReadsOrRejects(bytes.AsSpan(0, length)))
            {
                rejected++;
            }
        }

        // A prefix that ends exactly between two sections (or after the header) is itself a well-formed module; all
        // others must be rejected.
        Assert.Equal(CountSections(bytes), bytes.Length - rejected);
    }

    [Fact]
    public void Random_bytes_after_a_valid_header_are_rejected_or_read_never_crash()
    {
        Gen.Byte.Array[0, 256].Sample(tail =>
        {
            byte[] bytes = [0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, .. tail];
            ReadsOrRejects(bytes);
        }, iter: 20_000);
    }

    [Fact]
    public void Guests_with_random_byte_flips_are_rejected_or_read_never_crash()
    {
        var guests = ObjdumpFacts.Guests().Select(g => File.ReadAllBytes(TestGuests.PathOf((string)g[0]))).ToArray();
        Gen.Select(Gen.Int[0, guests.Length - 1], Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]).Sample(sample =>
        {
            byte[] bytes = (byte[])guests[sample.Item1].Clone();
            foreach (var (position, value) in sample.Item2)
            {
                bytes[position % bytes.Length] = value;
            }

            ReadsOrRejects(bytes);
        }, iter: 5_000);
    }

    /// <summary>
    /// True when the bytes were read (and then laid out, mapped and drawn without error); false when rejected with
    /// WasmModuleFormatException. Any other exception fails.
    /// </summary>
    private static bool ReadsOrRejects(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var map = MemoryMap.Of(ModuleLayout.FromBytes(bytes));
            Assert.NotEmpty(MemoryMapSvg.Render(map));
            return true;
        }
        catch (WasmModuleFormatException error)
        {
            Assert.InRange(error.Offset, 0, bytes.Length);
            return false;
        }
    }

    private static int CountSections(byte[] bytes)
    {
        int count = 0, position = 8;
        while (position < bytes.Length)
        {
            position++;
            uint size = 0;
            int shift = 0;
            byte b;
            do
            {
                b = bytes[position++];
                size |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            position += (int)size;
            count++;
        }

        return count;
    }
}
