using System;
using System.Runtime.InteropServices;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// The exports of <c>guests/bin/marshal_test.wasm</c> the stub benchmarks call (C side: <c>guests/c/marshal_test.c</c>),
/// one per shape the performance issue names.
/// </summary>
[WasmImport]
public partial interface IBenchGuest
{
    /// <summary><c>uint32_t fnv1a32(const char *s, size_t len)</c>: a UTF-8 string argument.</summary>
    [WasmName("fnv1a32")]
    uint Fnv1a(string text);

    /// <summary><c>uint64_t checksum_bytes(const uint8_t *p, size_t len)</c> (64-bit FNV-1a).</summary>
    ulong ChecksumBytes(ReadOnlySpan<byte> data);

    /// <summary><c>int32_t add_i32(int32_t a, int32_t b)</c>.</summary>
    int AddI32(int a, int b);

    /// <summary><c>float vec3_length_sq(const vec3 *v)</c>: a struct passed by reference.</summary>
    float Vec3LengthSq(in Vec3 v);

    /// <summary>
    /// <c>bool is_null(const char *s, size_t len)</c> seen as a byte span: the guest does O(1) work, so the call measures
    /// the marshalling of the span, not a guest loop over it.
    /// </summary>
    [WasmName("is_null")]
    bool SpanIn(ReadOnlySpan<byte> data);

    /// <summary>
    /// <c>uint32_t mul_u32(uint32_t a, uint32_t b)</c> seen as a mutable byte span, copied in before the call and back
    /// out after it: another O(1) export of the same core shape (the result, address times length, means nothing).
    /// </summary>
    [WasmName("mul_u32")]
    uint SpanInOut(Span<byte> data);

    /// <summary><c>wm_str to_upper(const char *s, size_t len)</c>: a string argument and a string return.</summary>
    string ToUpper(string text);
}

/// <summary>C: <c>typedef struct { float x, y, z; } vec3;</c> (12 bytes, align 4).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct Vec3
{
    public float X;
    public float Y;
    public float Z;
}

/// <summary>
/// The guest's <c>env.log</c> (C: <c>host_log(const char *, size_t)</c>), implemented by the host: <c>relay_log</c> in the guest calls
/// it with a string in guest memory.
/// </summary>
[WasmExport("env")]
public partial interface IBenchHost
{
    void Log(string message);
}

/// <summary>Keeps the last message so that the call cannot be optimised away.</summary>
public sealed class BenchHost : IBenchHost
{
    public string Last { get; private set; } = "";

    public void Log(string message) => Last = message;
}
