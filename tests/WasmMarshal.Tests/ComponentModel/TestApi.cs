using System;
using System.Collections.Generic;
using System.Text;
using WasmMarshal.Canonical;

namespace WasmMarshal.Tests.ComponentModel;

// The C# side of guests/component/wit/test.wit, interface `api`, written the way the generator is to map WIT types
// (docs/component-model.md): records as record structs, enums as enums, flags as [Flags] enums, variants as closed
// record hierarchies, option<T> as T?, result<T, E> as WitResult<T, E>, char as Rune, list<T> as T[].

/// <summary>WIT <c>record point { x: s32, y: s32, label: string }</c>.</summary>
public readonly record struct Point(int X, int Y, string Label);

/// <summary>WIT <c>enum color { red, green, blue }</c>.</summary>
public enum Color : byte
{
    Red,
    Green,
    Blue,
}

/// <summary>WIT <c>flags perms { read, write, exec }</c>.</summary>
[Flags]
public enum Perms : byte
{
    None = 0,
    Read = 1,
    Write = 2,
    Exec = 4,
}

/// <summary>WIT <c>variant shape { circle(f32), rect(tuple&lt;u32, u32&gt;), empty }</c>.</summary>
public abstract record Shape
{
    private Shape()
    {
    }

    public sealed record Circle(float Radius) : Shape;

    public sealed record Rect(uint Width, uint Height) : Shape;

    public sealed record Empty : Shape;
}

/// <summary>Interface <c>wasmmarshal:test/api@0.1.0</c>; its canonical stubs are generated.</summary>
[WasmImport]
[WasmCanonicalAbi(TestWit.Api)]
public partial interface ITestApi
{
    bool Not(bool b);
    long AddAll(byte a, sbyte b, ushort c, short d, uint e, int f, ulong g, long h);
    double MulFloats(float a, double b);
    Rune NextChar(Rune c);
    uint CountBytes(string s);
    string Greet(string name);
    byte[] ReverseBytes(ReadOnlySpan<byte> data);
    ulong SumU32(ReadOnlySpan<uint> xs);
    uint[] DoubleAll(ReadOnlySpan<uint> xs);
    string Join(IReadOnlyList<string> parts, string sep);
    string[] Split(string s, Rune sep);
    Point MovePoint(Point p, int dx, int dy);
    (string, uint) Swap((uint, string) t);
    Color NextColor(Color c);
    Perms Toggle(Perms p, Perms mask);
    double Area(Shape s);
    Shape MakeShape(byte kind, uint a, uint b);
    uint? Find(ReadOnlySpan<uint> xs, uint x);
    string? FirstWord(string s);
    WitResult<uint, string> Parse(string s);
    double Sum17(uint a1, uint a2, uint a3, uint a4, uint a5, uint a6, uint a7, uint a8, uint a9, uint a10,
        uint a11, uint a12, uint a13, ulong a14, ulong a15, float a16, double a17);
}

/// <summary>Interface <c>wasmmarshal:test/host@0.1.0</c>: host functions the guest imports, defined by generated code.</summary>
[WasmExport]
[WasmCanonicalAbi(TestWit.Host)]
public partial interface ITestHost
{
    void Log(string msg);

    string Prefix();
}

/// <summary>The host's implementation of <see cref="ITestHost"/>, recording what the guest did.</summary>
public sealed class TestHost : ITestHost
{
    public List<string> Logged { get; } = new();

    public string PrefixText { get; set; } = "Hello, ";

    public int PrefixCalls { get; private set; }

    public void Log(string msg) => Logged.Add(msg);

    public string Prefix()
    {
        PrefixCalls++;
        return PrefixText;
    }
}

public static class TestWit
{
    public const string Api = "wasmmarshal:test/api@0.1.0";
    public const string Host = "wasmmarshal:test/host@0.1.0";
}
