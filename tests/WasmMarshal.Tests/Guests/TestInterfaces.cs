using System;

namespace WasmMarshal.Tests.Guests;

// The C side of these interfaces is guests/c/include/marshal_test.h. Export names are the snake_case of the method
// names unless [WasmName] says otherwise.

[WasmImport]
public partial interface IScalars
{
    int AddI32(int a, int b);
    uint MulU32(uint a, uint b);
    long AddI64(long a, long b);
    ulong MaxU64(ulong a, ulong b);
    float ScaleF32(float x, float k);
    double HypotF64(double x, double y);
    bool IsEven(int x);
    bool Negate(bool value);
    byte IncU8(byte x);
    sbyte NegI8(sbyte x);
    short AddI16(short a, short b);
    ushort SwapU16(ushort x);
    Color NextColor(Color color);
    WideFlags ToggleHighBit(WideFlags flags);
    void SetCounter(int value);
    int GetCounter();
    int Divide(int a, int b);
    void DoTrap();
    int GrowMemory(int pages);
    int MemoryPages();
}

[WasmImport]
public partial interface IStrings
{
    [WasmName("fnv1a32")]
    uint Fnv1a(string text);
    string ToUpper(string text);
    string Concat(string a, string b);
    bool IsNull(string? text);
    string? EchoNullable(string? text);
    string MakeInvalidUtf8();
    [return: WasmString(WasmStringEncoding.Utf16)]
    string Utf16Reverse([WasmString(WasmStringEncoding.Utf16)] string text);
    [WasmName("utf16_fnv1a32")]
    uint Utf16Fnv1a([WasmString(WasmStringEncoding.Utf16)] string text);
    [return: WasmString(WasmStringEncoding.Latin1)]
    string Latin1Upper([WasmString(WasmStringEncoding.Latin1)] string text);
    uint CstrLength([WasmString(WasmStringEncoding.Utf8NulTerminated)] string? text);
    [return: WasmString(WasmStringEncoding.Utf8NulTerminated)]
    string? CstrGreet([WasmString(WasmStringEncoding.Utf8NulTerminated)] string? name);
}

[WasmImport]
public partial interface IStructs
{
    float Vec3Dot(Vec3 a, Vec3 b);
    float Vec3LengthSq(in Vec3 v);
    void Vec3Normalize(ref Vec3 v);
    Vec3 Vec3Cross(Vec3 a, Vec3 b);
    void MakeParticle(int id, out Particle particle);
    Particle ParticleStep(in Particle particle, float dt);
    void ParticleLayout(Span<uint> result);
}

[WasmImport]
public partial interface ISpans
{
    long SumI32(ReadOnlySpan<int> values);
    double SumF64(double[]? values);
    void ScaleInPlace(Span<float> values, float k);
    int[] RangeI32(int start, int count);
    Vec3[] Vec3Grid(int n);
    ulong ChecksumBytes(ReadOnlySpan<byte> data);
    ulong Digest(string text, ReadOnlySpan<byte> data);
    void FillPattern(Span<byte> buffer, uint seed);
    byte[] GrowThenEcho(ReadOnlySpan<byte> data, int growPages);
    uint CountNonzero(byte[] data);
}

/// <summary>Guest exports that call straight back into <see cref="IHostServices"/>.</summary>
[WasmImport]
public partial interface IRelays
{
    int RelayI32(int x);
    uint RelayU32(uint x);
    long RelayI64(long x);
    ulong RelayU64(ulong x);
    float RelayF32(float x);
    double RelayF64(double x);
    bool RelayBool(bool x);
    byte RelayU8(byte x);
    sbyte RelayI8(sbyte x);
    short RelayI16(short x);
    ushort RelayU16(ushort x);
    Color RelayColor(Color x);
    void RelayNotify(int code);
    void RelayLog(string message);
    void RelayLogUtf16([WasmString(WasmStringEncoding.Utf16)] string message);
    void RelayLogLatin1([WasmString(WasmStringEncoding.Latin1)] string message);
    void RelayLogCstr([WasmString(WasmStringEncoding.Utf8NulTerminated)] string? message);
    string RelayGreeting(string name);
    void RelayLogRaw(uint ptr, uint len);
    void RelayLogInvalidUtf8();
    void RelayReport(Vec3 v);
    Particle RelayTransform(Particle particle);
    Vec3 RelayOrigin();
    long RelaySum(ReadOnlySpan<int> values);
    ulong RelayFill(uint length);
    int[] RelayMakeRange(int n);
}

/// <summary>What the test guest imports from the host (module "env").</summary>
[WasmExport("env")]
public partial interface IHostServices
{
    int EchoI32(int x);
    uint EchoU32(uint x);
    long EchoI64(long x);
    ulong EchoU64(ulong x);
    float EchoF32(float x);
    double EchoF64(double x);
    bool EchoBool(bool x);
    byte EchoU8(byte x);
    sbyte EchoI8(sbyte x);
    short EchoI16(short x);
    ushort EchoU16(ushort x);
    Color EchoColor(Color x);
    void Notify(int code);
    void Log(string message);
    void LogUtf16([WasmString(WasmStringEncoding.Utf16)] string message);
    void LogLatin1([WasmString(WasmStringEncoding.Latin1)] string message);
    void LogCstr([WasmString(WasmStringEncoding.Utf8NulTerminated)] string? message);
    string Greeting(string name);
    void Report(Vec3 v);
    void Transform(ref Particle particle);
    Vec3 Origin();
    long Sum(ReadOnlySpan<int> values);
    void Fill(Span<byte> buffer);
    int[] MakeRange(int n);
}

/// <summary>
/// A small interface implemented by guests in several languages (guests/rust/greeter.rs,
/// guests/assemblyscript/greeter.ts), each written against the bindings generated from it.
/// </summary>
[WasmImport]
public partial interface IGreeter
{
    int Add(int a, int b);
    string Greet(string name);
    uint WordCount(string text);
    long SumI32(ReadOnlySpan<int> values);
    Vec3 Scale(in Vec3 v, float k);
}

/// <summary>What the greeter guests import.</summary>
[WasmExport("env")]
public partial interface IGreeterHost
{
    void Log(string message);
}
