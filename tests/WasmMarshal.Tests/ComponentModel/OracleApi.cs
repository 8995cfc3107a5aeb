using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WasmMarshal.Canonical;

namespace WasmMarshal.Tests.ComponentModel;

// Interfaces for WitOutTests' oracle: every WIT type of the mapping in parameters, results, records, lists and variant
// payloads (the i32/f32/i64/f64 joins), a spilled parameter list, return areas, and the import direction with retptr.
// The build writes their WIT to guests/bindings/wasmmarshal-oracle-0.1.0.wit; jco embed --dummy turns that WIT into a
// core module with wit-component's own canonical signatures, and the generated binders must accept it.

public readonly record struct OracleItem(uint Id, string? Note, bool Done, OracleLevel[] Levels);

public enum OracleLevel : byte
{
    Low,
    Mid,
    High,
}

[Flags]
public enum OracleWide : uint
{
    None = 0,
    A = 1,
    B = 2,
    C = 4,
    D = 8,
    E = 16,
    F = 32,
    G = 64,
    H = 128,
    I = 256,
}

public abstract record OracleValue
{
    private OracleValue()
    {
    }

    public sealed record Int(long Number) : OracleValue;

    public sealed record Real(double Number) : OracleValue;

    public sealed record Small(float X, uint Y) : OracleValue;

    public sealed record Text(string Content) : OracleValue;

    public sealed record Nothing : OracleValue;
}

[WasmImport]
[WasmCanonicalAbi("wasmmarshal:oracle/api@0.1.0")]
public partial interface IOracleApi
{
    OracleItem[] Items(IReadOnlyList<OracleItem> items, ReadOnlySpan<double> weights);
    OracleValue Eval(OracleValue input, OracleValue? fallback);
    WitResult<WitUnit, string> Check(OracleWide wide, Rune letter, (sbyte, ushort, ulong) triple);
    WitResult<OracleLevel, WitUnit> Level(short s, long l, float f);
    byte[][] Chunks(byte[][] parts, bool[] mask);
    string? Lookup(string? key);
    ulong? Big(OracleValue? value);
    void Fill(ulong a, ulong b, ulong c, ulong d, ulong e, ulong f, ulong g, ulong h, OracleItem i, float j);
    double Spill(OracleItem a, OracleItem b, OracleItem c);
    void Nothing();
}

[WasmExport]
[WasmCanonicalAbi("wasmmarshal:oracle/host@0.1.0")]
public partial interface IOracleHost
{
    void Note(OracleItem item, OracleLevel level);
    (string, OracleValue) Describe(OracleValue value, uint[] ids);
    OracleWide Flags(OracleWide wide);
    uint? Find(string name);
    double Sum(double a, float b, OracleLevel c);
    double Tally(OracleItem a, OracleItem b, OracleItem c);
}

/// <summary>A deterministic host that records what the guest sent it (each path gets its own, and the logs are compared).</summary>
public sealed class OracleHost : IOracleHost
{
    public List<string> Log { get; } = new();

    public void Note(OracleItem item, OracleLevel level) =>
        Log.Add($"note {item.Id}|{item.Note ?? "(none)"}|{item.Done}|{string.Join(",", item.Levels)}|{level}");

    public (string, OracleValue) Describe(OracleValue value, uint[] ids)
    {
        Log.Add($"describe {value} {string.Join(",", ids)}");
        return (Description(value, ids), value);
    }

    public static string Description(OracleValue value, uint[] ids) => $"{value}#{ids.Sum(i => (long)i)}";

    public OracleWide Flags(OracleWide wide) => wide ^ OracleWide.A;

    public uint? Find(string name) => name.Length % 2 == 0 ? (uint)name.Length : null;

    public double Sum(double a, float b, OracleLevel c) => a + b + (int)c;

    /// <summary>21 flat parameters: the guest passes a pointer to the three records in its memory.</summary>
    public double Tally(OracleItem a, OracleItem b, OracleItem c)
    {
        Log.Add($"tally {a.Id},{b.Id},{c.Id}");
        return TallyOf(a) + TallyOf(b) + TallyOf(c);
    }

    public static double TallyOf(OracleItem item) =>
        item.Id * 2.0 + (item.Note?.Length ?? -1) + item.Levels.Length * 10 + (item.Done ? 1000 : 0);
}
