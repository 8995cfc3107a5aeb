using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace WasmMarshal.Inspection;

/// <summary>
/// How a module lays out linear memory before it runs: the memory's limits, the stack pointer's initial value and the
/// stack region, <c>__data_end</c>, <c>__heap_base</c>, the data segments, and whether the stack or the data comes
/// first. Exported globals are used where they exist; otherwise the module's own sections (global initializers, data
/// segment offsets, frame prologues) decide, and <see cref="LayoutAddress.Evidence"/> says which.
/// </summary>
public sealed class ModuleLayout
{
    private const string StackPointerName = "__stack_pointer";
    private const string HeapBaseName = "__heap_base";
    private const string DataEndName = "__data_end";
    private const ulong LldGlobalBase = 1024;

    private ModuleLayout(string name, WasmModuleInfo module, ReadOnlySpan<byte> bytes)
    {
        Name = name;
        Module = module;
        Memory = module.Memories.Count > 0 ? module.Memories[0] : null;
        var segments = module.DataSegments.Where(s => s.IsActive && s.MemoryIndex == 0 && s.Address is not null).ToList();
        DataSegments = module.DataSegments;
        if (segments.Count > 0)
        {
            Data = new AddressRange(segments.Min(s => s.Address!.Value), segments.Max(s => s.End!.Value));
        }

        StackPointer = FindStackPointer(module, bytes);
        DataEnd = Named(DataEndName) ?? (Data is { } data ? new LayoutAddress(data.End, LayoutEvidence.DataSegments) : null);
        (Arrangement, Stack) = InferStack();
        StaticData = InferStaticData();
        HeapBase = Named(HeapBaseName) ?? InferHeapBase();
        HeapOwner = module.ExportsFunction("malloc") || module.ExportsFunction("cabi_realloc")
                || (module.ExportsFunction("alloc") && module.ExportsFunction("dealloc")) ? GuestHeapOwner.Guest
            : module.ImportsFunction("malloc") ? GuestHeapOwner.Host
            : GuestHeapOwner.None;
    }

    /// <summary>Reads the layout of the module in <paramref name="bytes"/>.</summary>
    /// <exception cref="WasmModuleFormatException">The bytes are not a well-formed module.</exception>
    public static ModuleLayout FromBytes(ReadOnlySpan<byte> bytes, string name = "module") =>
        new(name, WasmModuleReader.Read(bytes), bytes);

    /// <summary>Reads the layout of a module file.</summary>
    /// <exception cref="WasmModuleFormatException">The file is not a well-formed module.</exception>
    public static ModuleLayout FromFile(string path) => FromBytes(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>The module's name in reports (its file name).</summary>
    public string Name { get; }

    /// <summary>Everything the reader found.</summary>
    public WasmModuleInfo Module { get; }

    /// <summary>Memory 0, or null when the module has no memory.</summary>
    public WasmMemoryType? Memory { get; }

    /// <summary>The initial value of <c>__stack_pointer</c> (the stack's top), or null when no stack pointer was found.</summary>
    public LayoutAddress? StackPointer { get; }

    /// <summary>The end of static data, initialised and zeroed: <c>__data_end</c>.</summary>
    public LayoutAddress? DataEnd { get; }

    /// <summary>Where the heap may start: <c>__heap_base</c>.</summary>
    public LayoutAddress? HeapBase { get; }

    /// <summary>From the first active data segment's start to the last one's end, or null without active data.</summary>
    public AddressRange? Data { get; }

    /// <summary>
    /// All static data, initialised and zeroed: from the first segment (or, without segments, where lld puts data) to
    /// <see cref="DataEnd"/>. Null when the module has none.
    /// </summary>
    public AddressRange? StaticData { get; }

    /// <summary>Every data segment, passive ones included.</summary>
    public IReadOnlyList<WasmDataSegment> DataSegments { get; }

    /// <summary>Stack first or data first.</summary>
    public MemoryArrangement Arrangement { get; }

    /// <summary>The stack's region; it grows down from <see cref="AddressRange.End"/>. Null when unknown.</summary>
    public AddressRange? Stack { get; }

    /// <summary>Who manages the heap, from the module's allocator imports and exports.</summary>
    public GuestHeapOwner HeapOwner { get; }

    /// <summary>The end of static data rounded up to 16 bytes: where lld starts whatever follows it.</summary>
    private ulong? AlignedDataEnd => DataEnd is { } end ? (end.Value + 15) & ~15ul : null;

    private LayoutAddress? Named(string name)
    {
        if (Module.ExportedGlobal(name) is { Init.Value: long exported } global)
        {
            return new LayoutAddress((ulong)exported, LayoutEvidence.ExportedGlobal, global.Index);
        }

        return Module.Globals.FirstOrDefault(g => g.Name == name && g.Init?.Value is not null) is { } named
            ? new LayoutAddress((ulong)named.Init!.Value!.Value, LayoutEvidence.NameSection, named.Index)
            : null;
    }

    private static LayoutAddress? FindStackPointer(WasmModuleInfo module, ReadOnlySpan<byte> bytes)
    {
        static bool IsCandidate(WasmGlobalEntry g) => g is { Mutable: true, Type: "i32" or "i64", Import: null, Init.Value: not null };

        foreach (var global in module.Globals.Where(IsCandidate))
        {
            if (global.Name == StackPointerName)
            {
                var evidence = module.ExportedGlobal(StackPointerName) == global ? LayoutEvidence.ExportedGlobal : LayoutEvidence.NameSection;
                return new LayoutAddress((ulong)global.Init!.Value!.Value, evidence, global.Index);
            }
        }

        if (module.CodeSection is { } code)
        {
            var prologues = StackPointerScan.CountPrologues(bytes.Slice(code.Start, code.Length));
            var best = prologues
                .Where(p => p.Key < module.Globals.Count && IsCandidate(module.Globals[(int)p.Key]))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key)
                .Select(p => module.Globals[(int)p.Key])
                .FirstOrDefault();
            if (best is not null)
            {
                return new LayoutAddress((ulong)best.Init!.Value!.Value, LayoutEvidence.FramePrologues, best.Index);
            }
        }

        // Modules whose functions never open a frame in memory still carry lld's __stack_pointer as their first global.
        return module.Globals.FirstOrDefault(g => IsCandidate(g) && g.Type == "i32" && g.Name is null) is { } first
            ? new LayoutAddress((ulong)first.Init!.Value!.Value, LayoutEvidence.FirstMutableGlobal, first.Index)
            : null;
    }

    private (MemoryArrangement, AddressRange?) InferStack()
    {
        if (StackPointer is not { } sp)
        {
            return (MemoryArrangement.Unknown, null);
        }

        if (AlignedDataEnd is { } bottom && sp.Value >= bottom)
        {
            return (MemoryArrangement.DataFirst, new AddressRange(bottom, sp.Value));
        }

        if (Data is not { } data || sp.Value <= data.Start)
        {
            return (MemoryArrangement.StackFirst, new AddressRange(0, sp.Value));
        }

        return (MemoryArrangement.Unknown, null);
    }

    private AddressRange? InferStaticData()
    {
        if (Data is { } data)
        {
            return new AddressRange(data.Start, Math.Max(data.End, DataEnd?.Value ?? 0));
        }

        if (DataEnd is not { } end)
        {
            return null;
        }

        // Only zero-initialised data, so no segment says where it starts: after the stack, or at lld's --global-base.
        ulong start = Arrangement == MemoryArrangement.StackFirst ? Stack!.Value.End : Math.Min(LldGlobalBase, end.Value);
        return new AddressRange(Math.Min(start, end.Value), end.Value);
    }

    private LayoutAddress? InferHeapBase() => Arrangement switch
    {
        MemoryArrangement.DataFirst => new LayoutAddress(StackPointer!.Value, LayoutEvidence.AboveStack),
        MemoryArrangement.StackFirst => new LayoutAddress(AlignedDataEnd ?? StackPointer!.Value, LayoutEvidence.AboveData),
        _ => AlignedDataEnd is { } end ? new LayoutAddress(end, LayoutEvidence.AboveData) : null,
    };

    /// <summary>A multi-line report of the layout, in the terms of <c>wasm-objdump -x</c>.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"module {Name}");
        if (Module.Producers.Count > 0)
        {
            text.AppendLine($"  producers      {string.Join("; ", Module.Producers)}");
        }

        text.AppendLine($"  memory         {DescribeMemory(Memory)}");
        text.AppendLine($"  arrangement    {DescribeArrangement(Arrangement)}");
        text.AppendLine($"  __stack_pointer {Address(StackPointer)}");
        text.AppendLine($"  __data_end     {Address(DataEnd)}");
        text.AppendLine($"  __heap_base    {Address(HeapBase)}");
        text.AppendLine($"  stack          {(Stack is { } stack ? $"{stack}, grows down from 0x{stack.End:X8}" : "unknown")}");
        text.AppendLine($"  heap           {DescribeOwner(HeapOwner)}");
        text.AppendLine($"  data segments  {DataSegments.Count} ({DataSegments.Sum(s => (long)s.Size)} bytes)");
        foreach (var segment in DataSegments)
        {
            string where = segment.Address is { } address
                ? new AddressRange(address, segment.End!.Value).ToString()
                : segment.IsActive ? $"offset {segment.Offset} ({segment.Size} bytes)" : $"passive ({segment.Size} bytes)";
            text.AppendLine($"    segment[{segment.Index}] {where}");
        }

        foreach (string warning in Module.Warnings)
        {
            text.AppendLine($"  warning        {warning}");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    internal static string DescribeMemory(WasmMemoryType? memory)
    {
        if (memory is null)
        {
            return "none";
        }

        string max = memory.MaximumPages is { } m ? $"max {m} pages ({ByteSize.Format(memory.MaximumBytes!.Value)})" : "no maximum";
        string flags = (memory.Is64Bit ? ", 64-bit" : "") + (memory.Shared ? ", shared" : "")
            + (memory.Import is { } import ? $", imported from {import.Module}.{import.Name}" : "");
        return $"initial {memory.MinimumPages} pages ({ByteSize.Format(memory.MinimumBytes)}), {max}{flags}";
    }

    private static string DescribeArrangement(MemoryArrangement arrangement) => arrangement switch
    {
        MemoryArrangement.StackFirst => "stack first: [0, __stack_pointer) holds the stack, the data follows; an overflow traps",
        MemoryArrangement.DataFirst => "data first: the stack sits above the data and grows down towards it; an overflow corrupts data",
        _ => "unknown: no stack pointer found",
    };

    private static string DescribeOwner(GuestHeapOwner owner) => owner switch
    {
        GuestHeapOwner.Guest => "the guest's own allocator (exports malloc, cabi_realloc or alloc/dealloc)",
        GuestHeapOwner.Host => "served by the host (imports malloc)",
        _ => "no allocator exported or imported",
    };

    private static string Address(LayoutAddress? address) =>
        address is null ? "unknown" : $"0x{address.Value:X8} ({address.Value})  [{address.Describe()}]";
}
