using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace WasmMarshal.Tests.Inspection;

/// <summary>
/// What <c>wasm-objdump -x</c> reported about a committed guest, parsed from the fixture that objdump/refresh.sh
/// captured: memory limits, globals, exports and data segments. The layout tests compare WasmModuleReader with these.
/// </summary>
public sealed partial class ObjdumpFacts
{
    public sealed record Memory(ulong Initial, ulong? Max, bool Shared, bool Is64);

    public sealed record Global(uint Index, string Type, bool Mutable, string? Name, long? Init);

    public sealed record Export(string Kind, uint Index, string Name);

    public sealed record Segment(uint Index, bool Passive, uint MemoryIndex, uint Size, long? Offset);

    public List<Memory> Memories { get; } = new();

    public List<Global> Globals { get; } = new();

    public List<Export> Exports { get; } = new();

    public List<Segment> Segments { get; } = new();

    /// <summary>The initial value of the global exported as <paramref name="name"/>, as an i32 address.</summary>
    public ulong ExportedGlobalValue(string name) =>
        (uint)Globals.Single(g => g.Index == Exports.Single(e => e.Kind == "global" && e.Name == name).Index).Init!.Value;

    /// <summary>The committed guests that have a fixture.</summary>
    public static IEnumerable<object[]> Guests() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "objdump"), "*.txt")
            .Select(f => new object[] { Path.GetFileNameWithoutExtension(f) })
            .OrderBy(g => (string)g[0]);

    public static ObjdumpFacts Load(string guest)
    {
        var facts = new ObjdumpFacts();
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "objdump", guest + ".txt")))
        {
            if (MemoryLine().Match(line) is { Success: true } memory)
            {
                facts.Memories.Add(new Memory(ulong.Parse(memory.Groups["initial"].Value, CultureInfo.InvariantCulture),
                    memory.Groups["max"].Success ? ulong.Parse(memory.Groups["max"].Value, CultureInfo.InvariantCulture) : null,
                    line.Contains("shared", StringComparison.Ordinal), line.Contains("i64", StringComparison.Ordinal)));
            }
            else if (GlobalLine().Match(line) is { Success: true } global)
            {
                facts.Globals.Add(new Global(uint.Parse(global.Groups["index"].Value, CultureInfo.InvariantCulture),
                    global.Groups["type"].Value, global.Groups["mutable"].Value == "1",
                    global.Groups["name"].Success ? global.Groups["name"].Value : null,
                    global.Groups["init"].Success ? long.Parse(global.Groups["init"].Value, CultureInfo.InvariantCulture) : null));
            }
            else if (ExportLine().Match(line) is { Success: true } export)
            {
                facts.Exports.Add(new Export(export.Groups["kind"].Value,
                    uint.Parse(export.Groups["index"].Value, CultureInfo.InvariantCulture), export.Groups["name"].Value));
            }
            else if (SegmentLine().Match(line) is { Success: true } segment)
            {
                facts.Segments.Add(new Segment(uint.Parse(segment.Groups["index"].Value, CultureInfo.InvariantCulture),
                    segment.Groups["passive"].Success,
                    segment.Groups["memory"].Success ? uint.Parse(segment.Groups["memory"].Value, CultureInfo.InvariantCulture) : 0,
                    uint.Parse(segment.Groups["size"].Value, CultureInfo.InvariantCulture),
                    segment.Groups["offset"].Success ? long.Parse(segment.Groups["offset"].Value, CultureInfo.InvariantCulture) : null));
            }
        }

        return facts;
    }

    // - memory[0] pages: initial=256 max=32768
    [GeneratedRegex(@"^ - memory\[\d+\] pages: initial=(?<initial>\d+)(?: max=(?<max>\d+))?")]
    private static partial Regex MemoryLine();

    // - global[1] i32 mutable=0 <__heap_base> - init i32=67104
    [GeneratedRegex(@"^ - global\[(?<index>\d+)\] (?<type>\w+) mutable=(?<mutable>[01])(?: <(?<name>[^>]+)>)?(?: - init (?:i32|i64)=(?<init>-?\d+))?")]
    private static partial Regex GlobalLine();

    // - func[4] <to_upper> -> "to_upper"    - global[1] -> "__heap_base"
    [GeneratedRegex(@"^ - (?<kind>func|table|memory|global|tag)\[(?<index>\d+)\](?: <[^>]*>)? -> ""(?<name>[^""]*)""")]
    private static partial Regex ExportLine();

    // - segment[0] memory=0 size=31 - init i32=1024    - segment[1] passive size=4
    // With a name section: - segment[0] <.rodata> memory=0 size=31 - init i32=1024
    [GeneratedRegex(@"^ - segment\[(?<index>\d+)\](?: <[^>]*>)? (?:(?<passive>passive)|memory=(?<memory>\d+)) size=(?<size>\d+)(?: - init i32=(?<offset>-?\d+))?")]
    private static partial Regex SegmentLine();
}
