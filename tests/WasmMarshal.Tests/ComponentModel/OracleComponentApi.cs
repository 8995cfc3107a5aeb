using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wasmtime;
using Wasmtime.Components;
using WasmMarshal.Canonical;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// <see cref="IOracleApi"/> through Wasmtime.Components on the canon_oracle component, with <see cref="IOracleHost"/>
/// defined through the component API: the independent reference for the generated stubs on the core module.
/// </summary>
public sealed class OracleComponentApi : IOracleApi, IDisposable
{
    private const string Api = "wasmmarshal:oracle/api@0.1.0";
    private static readonly string[] s_levels = { "low", "mid", "high" };
    private static readonly string[] s_wide = { "a", "b", "c", "d", "e", "f", "g", "h", "i" };

    private readonly Store _store;
    private readonly ComponentInstance _instance;

    public OracleComponentApi(Engine engine, Component component, IOracleHost host)
    {
        _store = new Store(engine);
        using var linker = new ComponentLinker(engine);
        using (var root = linker.Root())
        using (var h = root.AddInstance("wasmmarshal:oracle/host@0.1.0"))
        {
            h.DefineFunction("note", (a, r) => host.Note(ItemFrom(a[0]), (OracleLevel)LevelIndex(a[1])));
            h.DefineFunction("describe", (a, r) =>
            {
                var (text, value) = host.Describe(ValueFrom(a[0]), a[1].AsList().Select(v => v.AsU32()).ToArray());
                r[0] = ComponentValue.Tuple(new[] { ComponentValue.String(text), ValueOf(value) });
            });
            h.DefineFunction("flags", (a, r) => r[0] = WideOf(host.Flags(WideFrom(a[0]))));
            h.DefineFunction("find", (a, r) =>
            {
                uint? found = host.Find(a[0].AsString());
                r[0] = found is { } f ? ComponentValue.Some(ComponentValue.U32(f)) : ComponentValue.None();
            });
            h.DefineFunction("tally", (a, r) => r[0] = ComponentValue.F64(host.Tally(ItemFrom(a[0]), ItemFrom(a[1]), ItemFrom(a[2]))));
            h.DefineFunction("sum", (a, r) => r[0] = ComponentValue.F64(host.Sum(a[0].AsF64(), a[1].AsF32(), (OracleLevel)LevelIndex(a[2]))));
        }

        _instance = linker.Instantiate(_store, component);
    }

    public void Dispose() => _store.Dispose();

    private ComponentValue? Call(string name, params ComponentValue[] arguments) =>
        (_instance.GetFunction(Api, name) ?? throw new InvalidOperationException("no export " + name)).Call(arguments);

    private static int LevelIndex(ComponentValue v) => Array.IndexOf(s_levels, v.AsEnum());

    private static ComponentValue LevelOf(OracleLevel level) => ComponentValue.Enum(s_levels[(int)level]);

    public static ComponentValue ItemOf(OracleItem item) => ComponentValue.Record(new[]
    {
        new KeyValuePair<string, ComponentValue>("id", ComponentValue.U32(item.Id)),
        new KeyValuePair<string, ComponentValue>("note", item.Note is { } n ? ComponentValue.Some(ComponentValue.String(n)) : ComponentValue.None()),
        new KeyValuePair<string, ComponentValue>("done", ComponentValue.Bool(item.Done)),
        new KeyValuePair<string, ComponentValue>("levels", ComponentValue.List(item.Levels.Select(LevelOf).ToList())),
    });

    public static OracleItem ItemFrom(ComponentValue v)
    {
        var note = v.Field("note");
        return new OracleItem(v.Field("id").AsU32(), note.IsSome ? note.Payload!.AsString() : null, v.Field("done").AsBool(),
            v.Field("levels").AsList().Select(l => (OracleLevel)LevelIndex(l)).ToArray());
    }

    public static ComponentValue ValueOf(OracleValue value) => value switch
    {
        OracleValue.Int i => ComponentValue.Variant("int", ComponentValue.S64(i.Number)),
        OracleValue.Real r => ComponentValue.Variant("real", ComponentValue.F64(r.Number)),
        OracleValue.Small s => ComponentValue.Variant("small", ComponentValue.Tuple(new[] { ComponentValue.F32(s.X), ComponentValue.U32(s.Y) })),
        OracleValue.Text t => ComponentValue.Variant("text", ComponentValue.String(t.Content)),
        _ => ComponentValue.Variant("nothing", null!),
    };

    public static OracleValue ValueFrom(ComponentValue v) => v.AsVariant() switch
    {
        "int" => new OracleValue.Int(v.Payload!.AsS64()),
        "real" => new OracleValue.Real(v.Payload!.AsF64()),
        "small" => new OracleValue.Small(v.Payload!.AsTuple()[0].AsF32(), v.Payload!.AsTuple()[1].AsU32()),
        "text" => new OracleValue.Text(v.Payload!.AsString()),
        "nothing" => new OracleValue.Nothing(),
        var other => throw new InvalidOperationException("unknown case " + other),
    };

    private static ComponentValue WideOf(OracleWide wide) =>
        ComponentValue.Flags(s_wide.Where((_, i) => ((uint)wide & (1u << i)) != 0).ToList());

    private static OracleWide WideFrom(ComponentValue v) =>
        (OracleWide)v.AsFlags().Aggregate(0u, (bits, name) => bits | (1u << Array.IndexOf(s_wide, name)));

    public OracleItem[] Items(IReadOnlyList<OracleItem> items, ReadOnlySpan<double> weights) =>
        Call("items", ComponentValue.List(items.Select(ItemOf).ToList()), ComponentValue.List(weights.ToArray().Select(ComponentValue.F64).ToList()))!
            .AsList().Select(ItemFrom).ToArray();

    public OracleValue Eval(OracleValue input, OracleValue? fallback) =>
        ValueFrom(Call("eval", ValueOf(input), fallback is { } f ? ComponentValue.Some(ValueOf(f)) : ComponentValue.None())!);

    public WitResult<WitUnit, string> Check(OracleWide wide, Rune letter, (sbyte, ushort, ulong) triple)
    {
        var r = Call("check", WideOf(wide), ComponentValue.Char(letter),
            ComponentValue.Tuple(new[] { ComponentValue.S8(triple.Item1), ComponentValue.U16(triple.Item2), ComponentValue.U64(triple.Item3) }))!;
        return r.IsOk ? new WitResult<WitUnit, string>.Ok(default) : new WitResult<WitUnit, string>.Error(r.Payload!.AsString());
    }

    public WitResult<OracleLevel, WitUnit> Level(short s, long l, float f)
    {
        var r = Call("level", ComponentValue.S16(s), ComponentValue.S64(l), ComponentValue.F32(f))!;
        return r.IsOk ? new WitResult<OracleLevel, WitUnit>.Ok((OracleLevel)LevelIndex(r.Payload!)) : new WitResult<OracleLevel, WitUnit>.Error(default);
    }

    public byte[][] Chunks(byte[][] parts, bool[] mask) =>
        Call("chunks", ComponentValue.List(parts.Select(p => ComponentValue.List(p.Select(ComponentValue.U8).ToList())).ToList()),
                ComponentValue.List(mask.Select(ComponentValue.Bool).ToList()))!
            .AsList().Select(p => p.AsList().Select(b => b.AsU8()).ToArray()).ToArray();

    public string? Lookup(string? key)
    {
        var r = Call("lookup", key is { } k ? ComponentValue.Some(ComponentValue.String(k)) : ComponentValue.None())!;
        return r.IsSome ? r.Payload!.AsString() : null;
    }

    public ulong? Big(OracleValue? value)
    {
        var r = Call("big", value is { } v ? ComponentValue.Some(ValueOf(v)) : ComponentValue.None())!;
        return r.IsSome ? r.Payload!.AsU64() : null;
    }

    public void Fill(ulong a, ulong b, ulong c, ulong d, ulong e, ulong f, ulong g, ulong h, OracleItem i, float j) =>
        Call("fill", ComponentValue.U64(a), ComponentValue.U64(b), ComponentValue.U64(c), ComponentValue.U64(d), ComponentValue.U64(e),
            ComponentValue.U64(f), ComponentValue.U64(g), ComponentValue.U64(h), ItemOf(i), ComponentValue.F32(j));

    public double Spill(OracleItem a, OracleItem b, OracleItem c) => Call("spill", ItemOf(a), ItemOf(b), ItemOf(c))!.AsF64();

    public void Nothing() => Call("nothing");
}
