using System;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// The three exports of <c>guests/bin/marshal_test.wasm</c> the stub benchmarks call (C side:
/// <c>guests/c/marshal_test.c</c>): one scalar call, one UTF-8 string argument, one byte span argument.
/// </summary>
[WasmImport]
public partial interface IBenchGuest
{
    /// <summary><c>uint32_t fnv1a32(const char *s, size_t len)</c>.</summary>
    [WasmName("fnv1a32")]
    uint Fnv1a(string text);

    /// <summary><c>uint64_t checksum_bytes(const uint8_t *p, size_t len)</c> (64-bit FNV-1a).</summary>
    ulong ChecksumBytes(ReadOnlySpan<byte> data);

    /// <summary><c>int32_t add_i32(int32_t a, int32_t b)</c>.</summary>
    int AddI32(int a, int b);
}
