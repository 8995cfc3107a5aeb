using System;
using System.Linq;
using System.Text;
using CsCheck;
using Wasmtime;
using WasmMarshal.Canonical;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// The string primitives in both encodings against .NET's own encoders (an independent oracle), on a guest whose
/// realloc is a bump allocator and whose memory moves.
/// </summary>
public sealed class CanonicalStringTests : IDisposable
{
    private const string M = "ITest.Strings";
    private readonly Store _store = new(TestGuests.MovingEngine);
    private readonly GuestMemory _memory;
    private readonly CanonicalRealloc _realloc;

    public CanonicalStringTests()
    {
        // The bump allocator grows memory when it runs out, so long runs move the base.
        var module = Module.FromText(TestGuests.MovingEngine, "bump", """
            (module
              (memory (export "memory") 1)
              (global $bump (mut i32) (i32.const 16))
              (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
                (local $p i32)
                (local.set $p (i32.and (i32.add (global.get $bump) (i32.sub (local.get 2) (i32.const 1)))
                                       (i32.sub (i32.const 0) (local.get 2))))
                (global.set $bump (i32.add (local.get $p) (local.get 3)))
                (if (i32.gt_u (global.get $bump) (i32.mul (memory.size) (i32.const 65536)))
                  (then (drop (memory.grow (i32.const 1)))))
                (local.get $p)))
            """);
        var instance = new Linker(TestGuests.MovingEngine).Instantiate(_store, module);
        _memory = new GuestMemory(instance.GetMemory("memory")!);
        _realloc = new CanonicalRealloc(_memory, instance.GetFunction<int, int, int, int, int>("cabi_realloc")!, "cabi_realloc");
    }

    public void Dispose() => _store.Dispose();

    private static readonly Gen<string> Text = Gen.Frequency(
        (1, Gen.Const("")),
        (6, Gen.Int[0, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Array[0, 40]
            .Select(cs => string.Concat(cs.Select(char.ConvertFromUtf32)))),
        (3, Gen.Int[0x20, 0x7E].Array[0, 40].Select(cs => new string(cs.Select(c => (char)c).ToArray()))));

    [Fact]
    public void Utf8_and_utf16_round_trip_with_the_bytes_dotnet_encodes()
    {
        Text.Sample(s =>
        {
            var (p8, n8) = CanonicalString.Lower(s, CanonicalStringEncoding.Utf8, _realloc, M, "s");
            var (p16, n16) = CanonicalString.Lower(s, CanonicalStringEncoding.Utf16, _realloc, M, "s");
            var view = _memory.View();
            Assert.Equal(Encoding.UTF8.GetBytes(s), view.Bytes(p8, n8, M, "s").ToArray());
            Assert.Equal((uint)s.Length, n16);
            Assert.Equal(0u, p16 % 2);
            Assert.Equal(Encoding.Unicode.GetBytes(s), view.Bytes(p16, n16 * 2, M, "s").ToArray());
            Assert.Equal(s, CanonicalString.Lift(view, p8, n8, CanonicalStringEncoding.Utf8, M, "s"));
            Assert.Equal(s, CanonicalString.Lift(view, p16, n16, CanonicalStringEncoding.Utf16, M, "s"));
        }, iter: 10_000, threads: 1);
    }

    [Fact]
    public void Lifting_rejects_bad_utf16()
    {
        var (p, _) = CanonicalString.Lower("ab", CanonicalStringEncoding.Utf16, _realloc, M, "s");
        var view = _memory.View();
        view.Write<ushort>(p, 0xD800, M, "s"); // an unpaired high surrogate followed by 'b'
        var ex = Assert.Throws<WasmGuestDataException>(() => CanonicalString.Lift(_memory.View(), p, 2, CanonicalStringEncoding.Utf16, M, "s"));
        Assert.Contains("UTF-16", ex.Message);
        ex = Assert.Throws<WasmGuestDataException>(() => CanonicalString.Lift(_memory.View(), p + 1, 1, CanonicalStringEncoding.Utf16, M, "s"));
        Assert.Contains("2-aligned", ex.Message);
        ex = Assert.Throws<WasmGuestDataException>(() => CanonicalString.Lift(_memory.View(), p, 1u << 27, CanonicalStringEncoding.Utf16, M, "s"));
        Assert.Contains("limit", ex.Message);
    }

    [Theory]
    [InlineData(CanonicalStringEncoding.Utf8)]
    [InlineData(CanonicalStringEncoding.Utf16)]
    public void Lowering_rejects_an_unpaired_surrogate_before_allocating(CanonicalStringEncoding encoding)
    {
        ulong before = _memory.Length;
        var ex = Assert.Throws<ArgumentException>(() => CanonicalString.Lower("a\uDC00b", encoding, _realloc, M, "s"));
        Assert.Equal("s", ex.ParamName);
        Assert.Equal(before, _memory.Length);
    }
}
