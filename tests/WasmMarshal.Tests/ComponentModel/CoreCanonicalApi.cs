using System;
using System.Collections.Generic;
using System.Text;
using Wasmtime;
using WasmMarshal.Canonical;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// Hand-written canonical-ABI stubs for <see cref="ITestApi"/>: what the generator is to emit next session. They call
/// the CORE module of a guest through Wasmtime's typed <c>GetFunction</c> and do all lifting and lowering with the
/// WasmMarshal.Canonical primitives; every export is found under whichever naming scheme the module uses.
/// </summary>
public sealed class CoreCanonicalApi : ITestApi, IDisposable
{
    private const CanonicalStringEncoding Utf8 = CanonicalStringEncoding.Utf8;
    private const string I = "ITestApi.";

    private readonly Store _store;
    private readonly Instance _instance;
    private readonly GuestMemory _memory;
    private readonly CanonicalRealloc _realloc;

    private readonly Func<int, int>? _not;
    private readonly Func<int, int, int, int, int, int, long, long, long>? _addAll;
    private readonly Func<float, double, double>? _mulFloats;
    private readonly Func<int, int>? _nextChar;
    private readonly Func<int, int, int>? _countBytes;
    private readonly Func<int, int, int>? _greet;
    private readonly Func<int, int, int>? _reverseBytes;
    private readonly Func<int, int, long>? _sumU32;
    private readonly Func<int, int, int>? _doubleAll;
    private readonly Func<int, int, int, int, int>? _join;
    private readonly Func<int, int, int, int>? _split;
    private readonly Func<int, int, int, int, int, int, int>? _movePoint;
    private readonly Func<int, int, int, int>? _swap;
    private readonly Func<int, int>? _nextColor;
    private readonly Func<int, int, int>? _toggle;
    private readonly Func<int, int, int, double>? _area;
    private readonly Func<int, int, int, int>? _makeShape;
    private readonly Func<int, int, int, int>? _find;
    private readonly Func<int, int, int>? _firstWord;
    private readonly Func<int, int, int>? _parse;
    private readonly Func<int, double>? _sum17;
    private readonly Dictionary<string, Action<int>> _post = new();

    /// <summary>The function names of the interface with their core signatures (the oracle: jco embed --dummy).</summary>
    public static readonly (string Name, string Member, string Signature, string? PostSignature)[] Functions =
    {
        ("not", "Not", "(i32) -> i32", null),
        ("add-all", "AddAll", "(i32, i32, i32, i32, i32, i32, i64, i64) -> i64", null),
        ("mul-floats", "MulFloats", "(f32, f64) -> f64", null),
        ("next-char", "NextChar", "(i32) -> i32", null),
        ("count-bytes", "CountBytes", "(i32, i32) -> i32", null),
        ("greet", "Greet", "(i32, i32) -> i32", "(i32) -> ()"),
        ("reverse-bytes", "ReverseBytes", "(i32, i32) -> i32", "(i32) -> ()"),
        ("sum-u32", "SumU32", "(i32, i32) -> i64", null),
        ("double-all", "DoubleAll", "(i32, i32) -> i32", "(i32) -> ()"),
        ("join", "Join", "(i32, i32, i32, i32) -> i32", "(i32) -> ()"),
        ("split", "Split", "(i32, i32, i32) -> i32", "(i32) -> ()"),
        ("move-point", "MovePoint", "(i32, i32, i32, i32, i32, i32) -> i32", "(i32) -> ()"),
        ("swap", "Swap", "(i32, i32, i32) -> i32", "(i32) -> ()"),
        ("next-color", "NextColor", "(i32) -> i32", null),
        ("toggle", "Toggle", "(i32, i32) -> i32", null),
        ("area", "Area", "(i32, i32, i32) -> f64", null),
        ("make-shape", "MakeShape", "(i32, i32, i32) -> i32", "(i32) -> ()"),
        ("find", "Find", "(i32, i32, i32) -> i32", "(i32) -> ()"),
        ("first-word", "FirstWord", "(i32, i32) -> i32", "(i32) -> ()"),
        ("parse", "Parse", "(i32, i32) -> i32", "(i32) -> ()"),
        ("sum17", "Sum17", "(i32) -> f64", null),
    };

    /// <summary>
    /// Binds <paramref name="module"/>: checks every export first (one <see cref="WasmBindingException"/> listing all
    /// that is wrong), then instantiates it with <paramref name="host"/> as the <c>host</c> interface. With
    /// <paramref name="onlyPresent"/> (for the small hostile WAT guests) functions the module lacks are skipped.
    /// </summary>
    public CoreCanonicalApi(Engine engine, Module module, TestHost host, bool onlyPresent = false)
    {
        var exports = new CanonicalExports(module, "ITestApi");
        Naming = exports.Naming;
        exports.ExpectMemory("ITestApi");
        exports.ExpectRealloc("ITestApi");
        var present = new HashSet<string>();
        foreach (var e in module.Exports)
        {
            present.Add(e.Name);
        }

        foreach (var (name, member, signature, postSignature) in Functions)
        {
            if (onlyPresent && !present.Contains(exports.FunctionName(TestWit.Api, name)))
            {
                continue;
            }

            exports.ExpectFunction(TestWit.Api, name, I + member, signature);
            if (postSignature is not null)
            {
                exports.ExpectOptionalPostReturn(TestWit.Api, name, I + member, postSignature);
            }
        }

        exports.Complete();

        _store = new Store(engine);
        using var linker = new Linker(engine);
        string hostModule = exports.ImportModule(TestWit.Host);
        GuestMemory? memory = null;
        CanonicalRealloc? realloc = null;
        linker.DefineFunction(hostModule, "log", (int ptr, int len) =>
        {
            // A string argument of an import: borrowed from the guest for the duration of the call, never freed here.
            host.Log(CanonicalString.Lift(memory!.View(), (uint)ptr, (uint)len, Utf8, "ITestHost.Log", "msg"));
        });
        linker.DefineFunction(hostModule, "prefix", (int retptr) =>
        {
            // The result does not fit one flat value: the guest passed retptr; the string goes into a buffer from the
            // guest's realloc, which the guest owns afterwards.
            const string method = "ITestHost.Prefix";
            CanonicalReturnArea.CheckOutParameter(memory!.View(), retptr, 8, 4, method, "retptr");
            var (pointer, length) = CanonicalString.Lower(host.Prefix(), Utf8, realloc!, method, "return");
            CanonicalList.StorePair(memory.View(), (uint)retptr, pointer, length, method, "retptr");
        });
        linker.AllowShadowing = true;
        Instance instance = _instance = linker.Instantiate(_store, module);
        memory = _memory = new GuestMemory(instance.GetMemory(exports.MemoryName)
            ?? throw new InvalidOperationException("checked by ExpectMemory"));
        realloc = _realloc = new CanonicalRealloc(_memory,
            instance.GetFunction<int, int, int, int, int>(exports.ReallocName) ?? throw new InvalidOperationException("checked by ExpectRealloc"),
            exports.ReallocName);
        if (exports.HasInitialize)
        {
            instance.GetAction(exports.InitializeName)!();
        }

        string F(string name) => exports.FunctionName(TestWit.Api, name);
        _not = instance.GetFunction<int, int>(F("not"));
        _addAll = instance.GetFunction<int, int, int, int, int, int, long, long, long>(F("add-all"));
        _mulFloats = instance.GetFunction<float, double, double>(F("mul-floats"));
        _nextChar = instance.GetFunction<int, int>(F("next-char"));
        _countBytes = instance.GetFunction<int, int, int>(F("count-bytes"));
        _greet = instance.GetFunction<int, int, int>(F("greet"));
        _reverseBytes = instance.GetFunction<int, int, int>(F("reverse-bytes"));
        _sumU32 = instance.GetFunction<int, int, long>(F("sum-u32"));
        _doubleAll = instance.GetFunction<int, int, int>(F("double-all"));
        _join = instance.GetFunction<int, int, int, int, int>(F("join"));
        _split = instance.GetFunction<int, int, int, int>(F("split"));
        _movePoint = instance.GetFunction<int, int, int, int, int, int, int>(F("move-point"));
        _swap = instance.GetFunction<int, int, int, int>(F("swap"));
        _nextColor = instance.GetFunction<int, int>(F("next-color"));
        _toggle = instance.GetFunction<int, int, int>(F("toggle"));
        _area = instance.GetFunction<int, int, int, double>(F("area"));
        _makeShape = instance.GetFunction<int, int, int, int>(F("make-shape"));
        _find = instance.GetFunction<int, int, int, int>(F("find"));
        _firstWord = instance.GetFunction<int, int, int>(F("first-word"));
        _parse = instance.GetFunction<int, int, int>(F("parse"));
        _sum17 = instance.GetFunction<int, double>(F("sum17"));
        foreach (var (name, _, _, postSignature) in Functions)
        {
            if (postSignature is not null && exports.HasPostReturn(TestWit.Api, name))
            {
                _post[name] = instance.GetAction<int>(exports.PostReturnName(TestWit.Api, name))!;
            }
        }
    }

    /// <summary>An exported i32 global's value (the hostile tests' guests record what they saw).</summary>
    public int Global(string name) => (int)_instance.GetGlobal(name)!.GetValue()!;

    /// <summary>The naming scheme the module was found to use.</summary>
    public CanonicalNaming Naming { get; }

    /// <summary>The guest's memory (tests grow it to move the base).</summary>
    public GuestMemory Memory => _memory;

    public void Dispose() => _store.Dispose();

    private Action<int>? Post(string name) => _post.TryGetValue(name, out var post) ? post : null;

    private static T Call<T>(string member, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (WasmtimeException ex)
        {
            throw WasmCallException.FromWasmtime(ex, I + member);
        }
    }

    public bool Not(bool b) => Call("Not", () => CanonicalValue.LiftBool(_not!(CanonicalValue.LowerBool(b))));

    public long AddAll(byte a, sbyte b, ushort c, short d, uint e, int f, ulong g, long h) =>
        Call("AddAll", () => _addAll!(a, b, c, d, (int)e, f, (long)g, h));

    public double MulFloats(float a, double b) => Call("MulFloats", () => _mulFloats!(a, b));

    public Rune NextChar(Rune c) =>
        Call("NextChar", () => CanonicalValue.LiftChar(_nextChar!(CanonicalValue.LowerChar(c)), I + "NextChar", "return"));

    public uint CountBytes(string s) => Call("CountBytes", () =>
    {
        var (p, n) = CanonicalString.Lower(s, Utf8, _realloc, I + "CountBytes", "s");
        return (uint)_countBytes!((int)p, (int)n);
    });

    public string Greet(string name) => Call("Greet", () =>
    {
        const string m = I + "Greet";
        var (p, n) = CanonicalString.Lower(name, Utf8, _realloc, m, "name");
        int area = _greet!((int)p, (int)n);
        var view = _memory.View();
        uint at = CanonicalReturnArea.Check(view, area, 8, 4, m);
        string result = CanonicalString.LiftStored(view, at, Utf8, m, "return");
        CanonicalReturnArea.PostReturn(Post("greet"), area, m);
        return result;
    });

    public byte[] ReverseBytes(ReadOnlySpan<byte> data)
    {
        const string m = I + "ReverseBytes";
        try
        {
            var (p, n) = CanonicalList.Lower(data, 1, _realloc, m, "data");
            int area = _reverseBytes!((int)p, (int)n);
            var view = _memory.View();
            uint at = CanonicalReturnArea.Check(view, area, 8, 4, m);
            byte[] result = CanonicalList.LiftStored<byte>(view, at, 1, m, "return");
            CanonicalReturnArea.PostReturn(Post("reverse-bytes"), area, m);
            return result;
        }
        catch (WasmtimeException ex)
        {
            throw WasmCallException.FromWasmtime(ex, m);
        }
    }

    public ulong SumU32(ReadOnlySpan<uint> xs)
    {
        const string m = I + "SumU32";
        try
        {
            var (p, n) = CanonicalList.Lower(xs, 4, _realloc, m, "xs");
            return (ulong)_sumU32!((int)p, (int)n);
        }
        catch (WasmtimeException ex)
        {
            throw WasmCallException.FromWasmtime(ex, m);
        }
    }

    public uint[] DoubleAll(ReadOnlySpan<uint> xs)
    {
        const string m = I + "DoubleAll";
        try
        {
            var (p, n) = CanonicalList.Lower(xs, 4, _realloc, m, "xs");
            int area = _doubleAll!((int)p, (int)n);
            var view = _memory.View();
            uint at = CanonicalReturnArea.Check(view, area, 8, 4, m);
            uint[] result = CanonicalList.LiftStored<uint>(view, at, 4, m, "return");
            CanonicalReturnArea.PostReturn(Post("double-all"), area, m);
            return result;
        }
        catch (WasmtimeException ex)
        {
            throw WasmCallException.FromWasmtime(ex, m);
        }
    }

    /// <summary>Lowers a list&lt;string&gt;: the array of (ptr, len) pairs, then each string, all from realloc.</summary>
    private (uint Pointer, uint Count) LowerStrings(IReadOnlyList<string> items, string method, string parameter)
    {
        uint array = CanonicalList.Allocate((uint)items.Count, 8, 4, _realloc, method, parameter);
        for (int i = 0; i < items.Count; i++)
        {
            var (p, n) = CanonicalString.Lower(items[i], Utf8, _realloc, method, parameter);
            CanonicalList.StorePair(_memory.View(), array + (uint)i * 8, p, n, method, parameter);
        }

        return (array, (uint)items.Count);
    }

    private static string[] LiftStrings(GuestMemoryView view, uint at, string method, string parameter)
    {
        uint array = view.Read<uint>(at, method, parameter);
        uint count = view.Read<uint>(at + 4, method, parameter);
        CanonicalList.CheckRange(view, array, count, 8, 4, method, parameter);
        var result = new string[count];
        for (uint i = 0; i < count; i++)
        {
            result[i] = CanonicalString.LiftStored(view, array + i * 8, Utf8, method, parameter);
        }

        return result;
    }

    public string Join(IReadOnlyList<string> parts, string sep) => Call("Join", () =>
    {
        const string m = I + "Join";
        var (array, count) = LowerStrings(parts, m, "parts");
        var (sp, sn) = CanonicalString.Lower(sep, Utf8, _realloc, m, "sep");
        int area = _join!((int)array, (int)count, (int)sp, (int)sn);
        var view = _memory.View();
        uint at = CanonicalReturnArea.Check(view, area, 8, 4, m);
        string result = CanonicalString.LiftStored(view, at, Utf8, m, "return");
        CanonicalReturnArea.PostReturn(Post("join"), area, m);
        return result;
    });

    public string[] Split(string s, Rune sep) => Call("Split", () =>
    {
        const string m = I + "Split";
        var (p, n) = CanonicalString.Lower(s, Utf8, _realloc, m, "s");
        int area = _split!((int)p, (int)n, CanonicalValue.LowerChar(sep));
        var view = _memory.View();
        uint at = CanonicalReturnArea.Check(view, area, 8, 4, m);
        string[] result = LiftStrings(view, at, m, "return");
        CanonicalReturnArea.PostReturn(Post("split"), area, m);
        return result;
    });

    public Point MovePoint(Point p, int dx, int dy) => Call("MovePoint", () =>
    {
        const string m = I + "MovePoint";
        var (lp, ln) = CanonicalString.Lower(p.Label, Utf8, _realloc, m, "p");
        int area = _movePoint!(p.X, p.Y, (int)lp, (int)ln, dx, dy);
        var view = _memory.View();
        uint at = CanonicalReturnArea.Check(view, area, 16, 4, m);
        var result = new Point(view.Read<int>(at, m, "return"), view.Read<int>(at + 4, m, "return"),
            CanonicalString.LiftStored(view, at + 8, Utf8, m, "return"));
        CanonicalReturnArea.PostReturn(Post("move-point"), area, m);
        return result;
    });

    public (string, uint) Swap((uint, string) t) => Call("Swap", () =>
    {
        const string m = I + "Swap";
        var (sp, sn) = CanonicalString.Lower(t.Item2, Utf8, _realloc, m, "t");
        int area = _swap!((int)t.Item1, (int)sp, (int)sn);
        var view = _memory.View();
        uint at = CanonicalReturnArea.Check(view, area, 12, 4, m);
        var result = (CanonicalString.LiftStored(view, at, Utf8, m, "return"), view.Read<uint>(at + 8, m, "return"));
        CanonicalReturnArea.PostReturn(Post("swap"), area, m);
        return result;
    });

    public Color NextColor(Color c) =>
        Call("NextColor", () => (Color)CanonicalValue.LiftDiscriminant((uint)_nextColor!((int)c), 3, I + "NextColor", "return"));

    public Perms Toggle(Perms p, Perms mask) =>
        Call("Toggle", () => (Perms)CanonicalValue.LiftFlags((uint)_toggle!((int)p, (int)mask), 0b111, I + "Toggle", "return"));

    public double Area(Shape s)
    {
        // shape flattens to (discriminant, i32, i32): circle's f32 travels as its bits in the first payload slot.
        var (disc, p0, p1) = s switch
        {
            Shape.Circle c => (0, CanonicalValue.F32ToBits(c.Radius), 0),
            Shape.Rect r => (1, (int)r.Width, (int)r.Height),
            Shape.Empty => (2, 0, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(s)),
        };
        return Call("Area", () => _area!(disc, p0, p1));
    }

    public Shape MakeShape(byte kind, uint a, uint b) => Call("MakeShape", () =>
    {
        const string m = I + "MakeShape";
        int area = _makeShape!(kind, (int)a, (int)b);
        var view = _memory.View();
        uint at = CanonicalReturnArea.Check(view, area, 12, 4, m);
        Shape result = CanonicalValue.LiftDiscriminant(view.Read<byte>(at, m, "return"), 3, m, "return") switch
        {
            0 => new Shape.Circle(view.Read<float>(at + 4, m, "return")),
            1 => new Shape.Rect(view.Read<uint>(at + 4, m, "return"), view.Read<uint>(at + 8, m, "return")),
            _ => new Shape.Empty(),
        };
        CanonicalReturnArea.PostReturn(Post("make-shape"), area, m);
        return result;
    });

    public uint? Find(ReadOnlySpan<uint> xs, uint x)
    {
        const string m = I + "Find";
        try
        {
            var (p, n) = CanonicalList.Lower(xs, 4, _realloc, m, "xs");
            int area = _find!((int)p, (int)n, (int)x);
            var view = _memory.View();
            uint at = CanonicalReturnArea.Check(view, area, 8, 4, m);
            uint? result = CanonicalValue.LiftOptionIsSome(view.Read<byte>(at, m, "return"), m, "return")
                ? view.Read<uint>(at + 4, m, "return")
                : null;
            CanonicalReturnArea.PostReturn(Post("find"), area, m);
            return result;
        }
        catch (WasmtimeException ex)
        {
            throw WasmCallException.FromWasmtime(ex, m);
        }
    }

    public string? FirstWord(string s) => Call("FirstWord", () =>
    {
        const string m = I + "FirstWord";
        var (p, n) = CanonicalString.Lower(s, Utf8, _realloc, m, "s");
        int area = _firstWord!((int)p, (int)n);
        var view = _memory.View();
        uint at = CanonicalReturnArea.Check(view, area, 12, 4, m);
        string? result = CanonicalValue.LiftOptionIsSome(view.Read<byte>(at, m, "return"), m, "return")
            ? CanonicalString.LiftStored(view, at + 4, Utf8, m, "return")
            : null;
        CanonicalReturnArea.PostReturn(Post("first-word"), area, m);
        return result;
    });

    public WitResult<uint, string> Parse(string s) => Call("Parse", () =>
    {
        const string m = I + "Parse";
        var (p, n) = CanonicalString.Lower(s, Utf8, _realloc, m, "s");
        int area = _parse!((int)p, (int)n);
        var view = _memory.View();
        uint at = CanonicalReturnArea.Check(view, area, 12, 4, m);
        WitResult<uint, string> result = CanonicalValue.LiftResultIsError(view.Read<byte>(at, m, "return"), m, "return")
            ? new WitResult<uint, string>.Error(CanonicalString.LiftStored(view, at + 4, Utf8, m, "return"))
            : new WitResult<uint, string>.Ok(view.Read<uint>(at + 4, m, "return"));
        CanonicalReturnArea.PostReturn(Post("parse"), area, m);
        return result;
    });

    public double Sum17(uint a1, uint a2, uint a3, uint a4, uint a5, uint a6, uint a7, uint a8, uint a9, uint a10,
        uint a11, uint a12, uint a13, ulong a14, ulong a15, float a16, double a17) => Call("Sum17", () =>
    {
        // 17 flat parameters exceed MAX_FLAT_PARAMS: store them as a tuple (88 bytes, 8-aligned) in memory from the
        // callee's realloc and pass its address. The callee owns the block.
        const string m = I + "Sum17";
        uint at = CanonicalReturnArea.AllocateSpilledParameters(_realloc, 88, 8, m);
        var view = _memory.View();
        uint[] small = { a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13 };
        for (uint i = 0; i < small.Length; i++)
        {
            view.Write(at + i * 4, small[i], m, "(spilled parameters)");
        }

        view.Write(at + 56, a14, m, "(spilled parameters)");
        view.Write(at + 64, a15, m, "(spilled parameters)");
        view.Write(at + 72, a16, m, "(spilled parameters)");
        view.Write(at + 80, a17, m, "(spilled parameters)");
        return _sum17!((int)at);
    });
}
