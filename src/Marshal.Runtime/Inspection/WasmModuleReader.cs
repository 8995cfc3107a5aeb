using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace WasmMarshal.Inspection;

/// <summary>
/// Reads the sections of a WebAssembly module that decide its memory layout: imports, memories, globals (with their
/// initializers), exports, data segments, and the <c>name</c> and <c>producers</c> custom sections. Every read is
/// bounded by its section; malformed input throws <see cref="WasmModuleFormatException"/> and never reads outside the
/// bytes given. Function bodies are not decoded.
/// </summary>
public static class WasmModuleReader
{
    private const int MaxConstExpressionDepth = 64;

    /// <summary>Reads a module file.</summary>
    /// <exception cref="WasmModuleFormatException">The file is not a well-formed module.</exception>
    public static WasmModuleInfo ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads a module from its bytes.</summary>
    /// <exception cref="WasmModuleFormatException">The bytes are not a well-formed module.</exception>
    public static WasmModuleInfo Read(ReadOnlySpan<byte> module)
    {
        var cursor = new WasmBinaryCursor(module, 0, "the module header");
        var magic = cursor.Remaining >= 4 ? cursor.ReadBytes(4) : throw cursor.Error("shorter than the 8-byte header");
        if (!magic.SequenceEqual("\0asm"u8))
        {
            throw new WasmModuleFormatException(0, "the module header", "missing the \\0asm magic number");
        }

        if (cursor.Remaining < 4)
        {
            throw cursor.Error("shorter than the 8-byte header");
        }

        var version = cursor.ReadBytes(4);
        if (!version.SequenceEqual(new byte[] { 1, 0, 0, 0 }))
        {
            throw new WasmModuleFormatException(4, "the module header",
                $"version {BitConverter.ToString(version.ToArray())} is not the core module version 01-00-00-00 (a component?)");
        }

        var state = new ReaderState();
        int lastId = 0;
        while (!cursor.AtEnd)
        {
            cursor.Where = "a section header";
            int idOffset = cursor.Offset;
            byte id = cursor.ReadByte();
            var section = cursor.ReadSized(SectionName(id));
            if (id != 0)
            {
                if (id > 13)
                {
                    throw new WasmModuleFormatException(idOffset, "a section header", $"unknown section id {id}");
                }

                if (!state.SeenSections.Add(id))
                {
                    throw new WasmModuleFormatException(idOffset, SectionName(id), "the section appears twice");
                }

                int order = SectionOrder(id);
                if (order < lastId)
                {
                    throw new WasmModuleFormatException(idOffset, SectionName(id), "the section is out of order");
                }

                lastId = order;
            }

            ReadSection(id, ref section, state);
            if (!section.AtEnd)
            {
                throw section.Error($"{section.Remaining} bytes left over at the end of the section");
            }
        }

        var globals = state.Globals.Select(g => g with { Name = state.GlobalNames.TryGetValue(g.Index, out var n) ? n : ExportName(state, g.Index) }).ToList();
        return new WasmModuleInfo(state.Imports, state.Memories, globals, state.Exports, state.DataSegments,
            state.Producers, state.HasNameSection, state.CodeSection, state.Warnings);
    }

    private static string? ExportName(ReaderState state, uint index) =>
        state.Exports.FirstOrDefault(e => e.Kind == WasmExternKind.Global && e.Index == index)?.Name;

    private static void ReadSection(byte id, ref WasmBinaryCursor section, ReaderState state)
    {
        switch (id)
        {
            case 0:
                ReadCustom(ref section, state);
                break;
            case 2:
                ReadImports(ref section, state);
                break;
            case 5:
                uint memories = section.ReadCount("memory");
                for (uint i = 0; i < memories; i++)
                {
                    state.Memories.Add(ReadMemoryType(ref section, (uint)state.Memories.Count, null));
                }

                break;
            case 6:
                ReadGlobals(ref section, state);
                break;
            case 7:
                uint exports = section.ReadCount("export");
                for (uint i = 0; i < exports; i++)
                {
                    string name = section.ReadName();
                    var kind = ReadExternKind(ref section);
                    state.Exports.Add(new WasmExportEntry(name, kind, section.ReadU32()));
                }

                break;
            case 10:
                state.CodeSection = (section.Offset, section.Remaining);
                section.ReadBytes((uint)section.Remaining);
                break;
            case 11:
                ReadData(ref section, state);
                break;
            default:
                // Types, functions, tables, start, elements, data count, tags: nothing about memory layout.
                section.ReadBytes((uint)section.Remaining);
                break;
        }
    }

    private static void ReadImports(ref WasmBinaryCursor section, ReaderState state)
    {
        uint count = section.ReadCount("import");
        for (uint i = 0; i < count; i++)
        {
            string module = section.ReadName();
            string name = section.ReadName();
            var kind = ReadExternKind(ref section);
            var import = new WasmImportEntry(module, name, kind);
            state.Imports.Add(import);
            switch (kind)
            {
                case WasmExternKind.Function:
                    section.ReadU32();
                    break;
                case WasmExternKind.Table:
                    ReadValueType(ref section);
                    ReadLimits(ref section, out _, out _, out _, out _, out _);
                    break;
                case WasmExternKind.Memory:
                    state.Memories.Add(ReadMemoryType(ref section, (uint)state.Memories.Count, import));
                    break;
                case WasmExternKind.Global:
                    string type = ReadValueType(ref section);
                    bool mutable = ReadMutability(ref section);
                    state.Globals.Add(new WasmGlobalEntry((uint)state.Globals.Count, type, mutable, null, import, null));
                    break;
                case WasmExternKind.Tag:
                    section.ReadByte();
                    section.ReadU32();
                    break;
            }
        }
    }

    private static void ReadGlobals(ref WasmBinaryCursor section, ReaderState state)
    {
        uint count = section.ReadCount("global");
        for (uint i = 0; i < count; i++)
        {
            string type = ReadValueType(ref section);
            bool mutable = ReadMutability(ref section);
            var init = ReadConstExpression(ref section, state);
            state.Globals.Add(new WasmGlobalEntry((uint)state.Globals.Count, type, mutable, init, null, null));
        }
    }

    private static void ReadData(ref WasmBinaryCursor section, ReaderState state)
    {
        uint count = section.ReadCount("data segment");
        for (uint i = 0; i < count; i++)
        {
            uint flags = section.ReadU32();
            uint memory = 0;
            WasmConstExpression? offset = null;
            switch (flags)
            {
                case 0:
                    offset = ReadConstExpression(ref section, state);
                    break;
                case 1:
                    break;
                case 2:
                    memory = section.ReadU32();
                    offset = ReadConstExpression(ref section, state);
                    break;
                default:
                    throw section.Error($"data segment {i} has unknown flags {flags}");
            }

            uint size = section.ReadU32();
            int fileOffset = section.Offset;
            section.ReadBytes(size);
            state.DataSegments.Add(new WasmDataSegment(i, flags != 1, memory, offset, size, fileOffset));
        }
    }

    private static void ReadCustom(ref WasmBinaryCursor section, ReaderState state)
    {
        string name = section.ReadName();
        try
        {
            if (name == "name")
            {
                state.HasNameSection = true;
                ReadNames(ref section, state);
            }
            else if (name == "producers")
            {
                ReadProducers(ref section, state);
            }
        }
        catch (WasmModuleFormatException error)
        {
            // Engines never validate custom sections, so a module that runs may carry a damaged one: skip it, say so.
            state.Warnings.Add($"ignored the malformed '{name}' custom section: {error.Message}");
            if (name == "name")
            {
                state.GlobalNames.Clear();
            }
            else
            {
                state.Producers.Clear();
            }
        }

        section.ReadBytes((uint)section.Remaining);
    }

    private static void ReadNames(ref WasmBinaryCursor section, ReaderState state)
    {
        section.Where = "the name section";
        while (!section.AtEnd)
        {
            byte subsection = section.ReadByte();
            var body = section.ReadSized("the name section");
            if (subsection != 7)
            {
                continue;
            }

            uint count = body.ReadCount("global name");
            for (uint i = 0; i < count; i++)
            {
                uint index = body.ReadU32();
                state.GlobalNames[index] = body.ReadName();
            }
        }
    }

    private static void ReadProducers(ref WasmBinaryCursor section, ReaderState state)
    {
        section.Where = "the producers section";
        uint fields = section.ReadCount("producers field");
        for (uint i = 0; i < fields; i++)
        {
            string field = section.ReadName();
            uint values = section.ReadCount("producers value");
            for (uint j = 0; j < values; j++)
            {
                string tool = section.ReadName();
                string version = section.ReadName();
                state.Producers.Add((field + " " + tool + " " + version).TrimEnd());
            }
        }
    }

    private static WasmMemoryType ReadMemoryType(ref WasmBinaryCursor section, uint index, WasmImportEntry? import)
    {
        ReadLimits(ref section, out ulong min, out ulong? max, out bool shared, out bool is64, out ulong pageSize);
        return new WasmMemoryType(index, min, max, shared, is64, import, pageSize);
    }

    private static void ReadLimits(ref WasmBinaryCursor section, out ulong min, out ulong? max, out bool shared, out bool is64, out ulong pageSize)
    {
        byte flags = section.ReadByte();
        if ((flags & ~0x0F) != 0)
        {
            throw section.Error($"limits flags 0x{flags:X2} are not defined");
        }

        is64 = (flags & 4) != 0;
        shared = (flags & 2) != 0;
        min = is64 ? section.ReadU64() : section.ReadU32();
        max = (flags & 1) != 0 ? (is64 ? section.ReadU64() : section.ReadU32()) : null;
        if (max < min)
        {
            throw section.Error($"the maximum {max} is below the minimum {min}");
        }

        pageSize = WasmMemoryType.DefaultPageSize;
        if ((flags & 8) != 0)
        {
            uint log2 = section.ReadU32();
            if (log2 > 16)
            {
                throw section.Error($"page size 2^{log2} is larger than 64 KiB");
            }

            pageSize = 1ul << (int)log2;
        }
    }

    private static WasmExternKind ReadExternKind(ref WasmBinaryCursor section)
    {
        byte kind = section.ReadByte();
        return kind <= 4 ? (WasmExternKind)kind : throw section.Error($"unknown import or export kind {kind}");
    }

    private static bool ReadMutability(ref WasmBinaryCursor section) => section.ReadByte() switch
    {
        0 => false,
        1 => true,
        var other => throw section.Error($"global mutability {other} is neither 0 nor 1"),
    };

    private static string ReadValueType(ref WasmBinaryCursor section)
    {
        byte type = section.ReadByte();
        switch (type)
        {
            case 0x7F: return "i32";
            case 0x7E: return "i64";
            case 0x7D: return "f32";
            case 0x7C: return "f64";
            case 0x7B: return "v128";
            case 0x70: return "funcref";
            case 0x6F: return "externref";
            case 0x63:
            case 0x64:
                section.ReadS33();
                return "ref";
            default:
                if (type >= 0x69 && type <= 0x74)
                {
                    return "ref";
                }

                throw section.Error($"unknown value type 0x{type:X2}");
        }
    }

    /// <summary>
    /// Evaluates a constant expression: <c>i32/i64.const</c>, <c>global.get</c> of an earlier global with a known value,
    /// the extended-const arithmetic, and float or reference constants (which have no integer value).
    /// </summary>
    private static WasmConstExpression ReadConstExpression(ref WasmBinaryCursor section, ReaderState state)
    {
        var stack = new Stack<(long? Value, bool Is64, string Text)>();
        while (true)
        {
            byte opcode = section.ReadByte();
            if (opcode == 0x0B)
            {
                break;
            }

            if (stack.Count >= MaxConstExpressionDepth)
            {
                throw section.Error($"a constant expression is deeper than {MaxConstExpressionDepth}");
            }

            switch (opcode)
            {
                case 0x41:
                    int i32 = section.ReadS32();
                    stack.Push(((uint)i32, false, "i32=" + i32.ToString(CultureInfo.InvariantCulture)));
                    break;
                case 0x42:
                    long i64 = section.ReadS64();
                    stack.Push((i64, true, "i64=" + i64.ToString(CultureInfo.InvariantCulture)));
                    break;
                case 0x43:
                    section.ReadBytes(4);
                    stack.Push((null, false, "f32"));
                    break;
                case 0x44:
                    section.ReadBytes(8);
                    stack.Push((null, true, "f64"));
                    break;
                case 0x23:
                    uint index = section.ReadU32();
                    var global = index < state.Globals.Count ? state.Globals[(int)index] : null;
                    stack.Push((global?.Init?.Value, global?.Type == "i64", "global.get " + index.ToString(CultureInfo.InvariantCulture)));
                    break;
                case 0xD0:
                    section.ReadS33();
                    stack.Push((null, false, "ref.null"));
                    break;
                case 0xD2:
                    stack.Push((null, false, "ref.func " + section.ReadU32().ToString(CultureInfo.InvariantCulture)));
                    break;
                case 0x6A or 0x6B or 0x6C or 0x7C or 0x7D or 0x7E:
                    if (stack.Count < 2)
                    {
                        throw section.Error($"opcode 0x{opcode:X2} in a constant expression needs two operands");
                    }

                    var right = stack.Pop();
                    var left = stack.Pop();
                    bool is64 = opcode >= 0x7C;
                    string op = (opcode - (is64 ? 0x7C : 0x6A)) switch { 0 => "add", 1 => "sub", _ => "mul" };
                    long? value = left.Value is long l && right.Value is long r
                        ? op switch { "add" => unchecked(l + r), "sub" => unchecked(l - r), _ => unchecked(l * r) }
                        : null;
                    if (!is64 && value is long v)
                    {
                        value = (uint)v;
                    }

                    stack.Push((value, is64, $"({left.Text} {op} {right.Text})"));
                    break;
                default:
                    throw section.Error($"opcode 0x{opcode:X2} is not allowed in a constant expression");
            }
        }

        if (stack.Count != 1)
        {
            throw section.Error($"a constant expression leaves {stack.Count} values instead of one");
        }

        var result = stack.Pop();
        return new WasmConstExpression(result.Text, result.Value);
    }

    private static int SectionOrder(byte id) => id switch
    {
        12 => 95, // data count comes between elements (9) and code (10)
        13 => 55, // tags come between memory (5) and globals (6)
        _ => id * 10,
    };

    private static string SectionName(byte id) => id switch
    {
        0 => "a custom section",
        1 => "the type section",
        2 => "the import section",
        3 => "the function section",
        4 => "the table section",
        5 => "the memory section",
        6 => "the global section",
        7 => "the export section",
        8 => "the start section",
        9 => "the element section",
        10 => "the code section",
        11 => "the data section",
        12 => "the data count section",
        13 => "the tag section",
        _ => $"section {id}",
    };

    private sealed class ReaderState
    {
        public List<WasmImportEntry> Imports { get; } = new();
        public List<WasmMemoryType> Memories { get; } = new();
        public List<WasmGlobalEntry> Globals { get; } = new();
        public List<WasmExportEntry> Exports { get; } = new();
        public List<WasmDataSegment> DataSegments { get; } = new();
        public List<string> Producers { get; } = new();
        public List<string> Warnings { get; } = new();
        public Dictionary<uint, string> GlobalNames { get; } = new();
        public HashSet<byte> SeenSections { get; } = new();
        public bool HasNameSection { get; set; }
        public (int Start, int Length)? CodeSection { get; set; }
    }
}
