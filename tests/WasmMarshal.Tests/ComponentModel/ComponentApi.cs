using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wasmtime;
using Wasmtime.Components;
using WasmMarshal.Canonical;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// <see cref="ITestApi"/> through Wasmtime .NET's own component API (boxed <see cref="ComponentValue"/>s) on the
/// componentized guest: the reference the canonical stubs are compared with.
/// </summary>
public sealed class ComponentApi : ITestApi, IDisposable
{
    private readonly Store _store;
    private readonly ComponentInstance _instance;
    private readonly Dictionary<string, ComponentFunction> _functions = new();

    public ComponentApi(Engine engine, Component component, TestHost host)
    {
        _store = new Store(engine);
        using var linker = new ComponentLinker(engine);
        using (var root = linker.Root())
        using (var hostInstance = root.AddInstance(TestWit.Host))
        {
            hostInstance.DefineFunction("log", (arguments, results) => host.Log(arguments[0].AsString()));
            hostInstance.DefineFunction("prefix", (arguments, results) => results[0] = ComponentValue.String(host.Prefix()));
        }

        _instance = linker.Instantiate(_store, component);
    }

    public void Dispose() => _store.Dispose();

    private ComponentValue? Call(string name, params ComponentValue[] arguments)
    {
        if (!_functions.TryGetValue(name, out var function))
        {
            function = _instance.GetFunction(TestWit.Api, name) ?? throw new InvalidOperationException($"no export {name}");
            _functions[name] = function;
        }

        return function.Call(arguments);
    }

    private ComponentValue Result(string name, params ComponentValue[] arguments) =>
        Call(name, arguments) ?? throw new InvalidOperationException($"{name} returned nothing");

    private static ComponentValue Strings(IEnumerable<string> items) =>
        ComponentValue.List(items.Select(ComponentValue.String).ToList());

    public bool Not(bool b) => Result("not", ComponentValue.Bool(b)).AsBool();

    public long AddAll(byte a, sbyte b, ushort c, short d, uint e, int f, ulong g, long h) =>
        Result("add-all", ComponentValue.U8(a), ComponentValue.S8(b), ComponentValue.U16(c), ComponentValue.S16(d),
            ComponentValue.U32(e), ComponentValue.S32(f), ComponentValue.U64(g), ComponentValue.S64(h)).AsS64();

    public double MulFloats(float a, double b) => Result("mul-floats", ComponentValue.F32(a), ComponentValue.F64(b)).AsF64();

    public Rune NextChar(Rune c) => Result("next-char", ComponentValue.Char(c)).AsRune();

    public uint CountBytes(string s) => Result("count-bytes", ComponentValue.String(s)).AsU32();

    public string Greet(string name) => Result("greet", ComponentValue.String(name)).AsString();

    public byte[] ReverseBytes(ReadOnlySpan<byte> data)
    {
        var items = new ComponentValue[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            items[i] = ComponentValue.U8(data[i]);
        }

        return Result("reverse-bytes", ComponentValue.List(items)).AsList().Select(v => v.AsU8()).ToArray();
    }

    private static ComponentValue U32List(ReadOnlySpan<uint> xs)
    {
        var items = new ComponentValue[xs.Length];
        for (int i = 0; i < xs.Length; i++)
        {
            items[i] = ComponentValue.U32(xs[i]);
        }

        return ComponentValue.List(items);
    }

    public ulong SumU32(ReadOnlySpan<uint> xs) => Result("sum-u32", U32List(xs)).AsU64();

    public uint[] DoubleAll(ReadOnlySpan<uint> xs) => Result("double-all", U32List(xs)).AsList().Select(v => v.AsU32()).ToArray();

    public string Join(IReadOnlyList<string> parts, string sep) =>
        Result("join", Strings(parts), ComponentValue.String(sep)).AsString();

    public string[] Split(string s, Rune sep) =>
        Result("split", ComponentValue.String(s), ComponentValue.Char(sep)).AsList().Select(v => v.AsString()).ToArray();

    public Point MovePoint(Point p, int dx, int dy)
    {
        var point = ComponentValue.Record(new[]
        {
            new KeyValuePair<string, ComponentValue>("x", ComponentValue.S32(p.X)),
            new KeyValuePair<string, ComponentValue>("y", ComponentValue.S32(p.Y)),
            new KeyValuePair<string, ComponentValue>("label", ComponentValue.String(p.Label)),
        });
        var r = Result("move-point", point, ComponentValue.S32(dx), ComponentValue.S32(dy));
        return new Point(r.Field("x").AsS32(), r.Field("y").AsS32(), r.Field("label").AsString());
    }

    public (string, uint) Swap((uint, string) t)
    {
        var r = Result("swap", ComponentValue.Tuple(new[] { ComponentValue.U32(t.Item1), ComponentValue.String(t.Item2) })).AsTuple();
        return (r[0].AsString(), r[1].AsU32());
    }

    private static readonly string[] s_colors = { "red", "green", "blue" };

    public Color NextColor(Color c) =>
        (Color)Array.IndexOf(s_colors, Result("next-color", ComponentValue.Enum(s_colors[(int)c])).AsEnum());

    private static readonly string[] s_perms = { "read", "write", "exec" };

    private static ComponentValue FlagsOf(Perms p) =>
        ComponentValue.Flags(s_perms.Where((_, i) => ((int)p & (1 << i)) != 0).ToList());

    public Perms Toggle(Perms p, Perms mask)
    {
        var names = Result("toggle", FlagsOf(p), FlagsOf(mask)).AsFlags();
        int bits = 0;
        foreach (string name in names)
        {
            bits |= 1 << Array.IndexOf(s_perms, name);
        }

        return (Perms)bits;
    }

    public double Area(Shape s) => Result("area", s switch
    {
        Shape.Circle c => ComponentValue.Variant("circle", ComponentValue.F32(c.Radius)),
        Shape.Rect r => ComponentValue.Variant("rect", ComponentValue.Tuple(new[] { ComponentValue.U32(r.Width), ComponentValue.U32(r.Height) })),
        _ => ComponentValue.Variant("empty", null!),
    }).AsF64();

    public Shape MakeShape(byte kind, uint a, uint b)
    {
        var r = Result("make-shape", ComponentValue.U8(kind), ComponentValue.U32(a), ComponentValue.U32(b));
        return r.AsVariant() switch
        {
            "circle" => new Shape.Circle(r.Payload!.AsF32()),
            "rect" => new Shape.Rect(r.Payload!.AsTuple()[0].AsU32(), r.Payload!.AsTuple()[1].AsU32()),
            "empty" => new Shape.Empty(),
            var other => throw new InvalidOperationException($"unknown case {other}"),
        };
    }

    public uint? Find(ReadOnlySpan<uint> xs, uint x)
    {
        var r = Result("find", U32List(xs), ComponentValue.U32(x));
        return r.IsSome ? r.Payload!.AsU32() : null;
    }

    public string? FirstWord(string s)
    {
        var r = Result("first-word", ComponentValue.String(s));
        return r.IsSome ? r.Payload!.AsString() : null;
    }

    public WitResult<uint, string> Parse(string s)
    {
        var r = Result("parse", ComponentValue.String(s));
        return r.IsOk
            ? new WitResult<uint, string>.Ok(r.Payload!.AsU32())
            : new WitResult<uint, string>.Error(r.Payload!.AsString());
    }

    public double Sum17(uint a1, uint a2, uint a3, uint a4, uint a5, uint a6, uint a7, uint a8, uint a9, uint a10,
        uint a11, uint a12, uint a13, ulong a14, ulong a15, float a16, double a17) =>
        Result("sum17",
            ComponentValue.U32(a1), ComponentValue.U32(a2), ComponentValue.U32(a3), ComponentValue.U32(a4),
            ComponentValue.U32(a5), ComponentValue.U32(a6), ComponentValue.U32(a7), ComponentValue.U32(a8),
            ComponentValue.U32(a9), ComponentValue.U32(a10), ComponentValue.U32(a11), ComponentValue.U32(a12),
            ComponentValue.U32(a13), ComponentValue.U64(a14), ComponentValue.U64(a15), ComponentValue.F32(a16),
            ComponentValue.F64(a17)).AsF64();
}
