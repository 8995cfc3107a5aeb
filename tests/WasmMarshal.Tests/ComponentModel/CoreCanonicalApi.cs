using System;
using System.Collections.Generic;
using System.Text;
using Wasmtime;
using WasmMarshal.Canonical;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// The GENERATED canonical stubs of <see cref="ITestApi"/> (and the generated host definition of <see cref="ITestHost"/>)
/// on the core module of a guest, with the guest they run on. Every call below goes straight to the generated stub;
/// the class only keeps the guest, for the tests that grow its memory or read its globals.
/// </summary>
public sealed class CoreCanonicalApi : ITestApi, IDisposable
{
    /// <summary>
    /// The functions of the interface with their core signatures as the oracle gives them (<c>jco embed --dummy</c> on
    /// wit/test.wit, read with wasm-objdump), independent of the generator: the binding tests compare with it.
    /// </summary>
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

    private readonly ITestApi _api;

    /// <summary>Instantiates <paramref name="module"/> with <paramref name="host"/> as <c>host</c> and binds the generated stub.</summary>
    public CoreCanonicalApi(Engine engine, Module module, ITestHost host)
    {
        Guest = CanonicalGuest.Builder(engine, module).WithHost(host).Instantiate();
        try
        {
            _api = Guest.Import<ITestApi>();
        }
        catch
        {
            Guest.Dispose();
            throw;
        }
    }

    public CanonicalGuest Guest { get; }

    /// <summary>An exported i32 global's value (the hostile tests' guests record what they saw).</summary>
    public int Global(string name) => (int)Guest.Instance.GetGlobal(name)!.GetValue()!;

    /// <summary>The naming scheme the module was found to use.</summary>
    public CanonicalNaming Naming => Guest.Naming;

    /// <summary>The guest's memory (tests grow it to move the base).</summary>
    public GuestMemory Memory => Guest.Memory;

    public void Dispose() => Guest.Dispose();

    public bool Not(bool b) => _api.Not(b);

    public long AddAll(byte a, sbyte b, ushort c, short d, uint e, int f, ulong g, long h) => _api.AddAll(a, b, c, d, e, f, g, h);

    public double MulFloats(float a, double b) => _api.MulFloats(a, b);

    public Rune NextChar(Rune c) => _api.NextChar(c);

    public uint CountBytes(string s) => _api.CountBytes(s);

    public string Greet(string name) => _api.Greet(name);

    public byte[] ReverseBytes(ReadOnlySpan<byte> data) => _api.ReverseBytes(data);

    public ulong SumU32(ReadOnlySpan<uint> xs) => _api.SumU32(xs);

    public uint[] DoubleAll(ReadOnlySpan<uint> xs) => _api.DoubleAll(xs);

    public string Join(IReadOnlyList<string> parts, string sep) => _api.Join(parts, sep);

    public string[] Split(string s, Rune sep) => _api.Split(s, sep);

    public Point MovePoint(Point p, int dx, int dy) => _api.MovePoint(p, dx, dy);

    public (string, uint) Swap((uint, string) t) => _api.Swap(t);

    public Color NextColor(Color c) => _api.NextColor(c);

    public Perms Toggle(Perms p, Perms mask) => _api.Toggle(p, mask);

    public double Area(Shape s) => _api.Area(s);

    public Shape MakeShape(byte kind, uint a, uint b) => _api.MakeShape(kind, a, b);

    public uint? Find(ReadOnlySpan<uint> xs, uint x) => _api.Find(xs, x);

    public string? FirstWord(string s) => _api.FirstWord(s);

    public WitResult<uint, string> Parse(string s) => _api.Parse(s);

    public double Sum17(uint a1, uint a2, uint a3, uint a4, uint a5, uint a6, uint a7, uint a8, uint a9, uint a10,
        uint a11, uint a12, uint a13, ulong a14, ulong a15, float a16, double a17) =>
        _api.Sum17(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17);
}
