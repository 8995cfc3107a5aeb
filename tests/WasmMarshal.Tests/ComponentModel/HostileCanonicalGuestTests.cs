using System;
using System.Linq;
using System.Text;
using Wasmtime;
using WasmMarshal.Canonical;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// Small WAT core modules (legacy names) that hand back what a canonical guest must not: every case is a typed
/// exception naming the method and the parameter, nothing outside guest memory is read, and the same instance still
/// answers a valid call afterwards.
/// </summary>
public sealed class HostileCanonicalGuestTests
{
    private const string Api = TestWit.Api;

    /// <summary>A bump cabi_realloc that honours the alignment; memory is one page, data from 16, heap from 4096.</summary>
    private const string BumpRealloc = """
        (global $bump (mut i32) (i32.const 4096))
        (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
          (local $p i32)
          (local.set $p (i32.and (i32.add (global.get $bump) (i32.sub (local.get 2) (i32.const 1)))
                                 (i32.sub (i32.const 0) (local.get 2))))
          (global.set $bump (i32.add (local.get $p) (local.get 3)))
          (local.get $p))
        """;

    private static CoreCanonicalApi Guest(string body, string realloc = BumpRealloc, string imports = "")
    {
        string text = $$"""
            (module
              {{imports}}
              (memory (export "memory") 1)
              {{realloc}}
              (func (export "{{Api}}#not") (param i32) (result i32) (i32.eqz (local.get 0)))
              {{body}}
              {{Unreachable(body)}})
            """;
        return new CoreCanonicalApi(TestGuests.MovingEngine, Module.FromText(TestGuests.MovingEngine, "hostile", text), new TestHost());
    }

    /// <summary>
    /// Every function of the interface the test's guest does not define, as a stub that traps, so that the generated
    /// binder (which requires all of them) accepts the small module; the signatures are the oracle's.
    /// </summary>
    private static string Unreachable(string body)
    {
        var stubs = new StringBuilder();
        foreach (var (name, _, signature, _) in CoreCanonicalApi.Functions)
        {
            if (name == "not" || body.Contains("#" + name + "\"", StringComparison.Ordinal))
            {
                continue;
            }

            string[] sides = signature.Split(" -> ");
            string parameters = sides[0].Trim('(', ')').Replace(",", "");
            string result = sides[1] == "()" ? "" : $"(result {sides[1]})";
            stubs.Append($"(func (export \"{Api}#{name}\") (param {parameters}) {result} unreachable)\n");
        }

        return stubs.ToString();
    }

    private static string Returns(string function, string parameters, string result) =>
        $"(func (export \"{Api}#{function}\") {parameters} (result i32) {result})";

    private static void StillWorks(CoreCanonicalApi api) => Assert.False(api.Not(true));

    private static T Fails<T>(CoreCanonicalApi api, Action call, string method, string parameter) where T : WasmGuestDataException
    {
        var ex = Assert.Throws<T>(call);
        Assert.Equal("ITestApi." + method, ex.Method);
        Assert.Equal(parameter, ex.Parameter);
        StillWorks(api);
        return ex;
    }

    [Fact]
    public void Return_area_outside_memory()
    {
        using var api = Guest(Returns("greet", "(param i32 i32)", "(i32.const -16)"));
        var ex = Fails<WasmGuestMemoryException>(api, () => api.Greet("x"), "Greet", "return");
        Assert.Equal(0xFFFFFFF0ul, ex.Address);
    }

    [Fact]
    public void Return_area_misaligned()
    {
        using var api = Guest(Returns("greet", "(param i32 i32)", "(i32.const 4097)"));
        var ex = Fails<WasmGuestDataException>(api, () => api.Greet("x"), "Greet", "return");
        Assert.Contains("misaligned", ex.Message);
    }

    [Fact]
    public void String_in_the_return_area_points_outside_memory()
    {
        using var api = Guest(Returns("greet", "(param i32 i32)", "(i32.const 16)") + """(data (i32.const 16) "\00\00\ff\ff\0a\00\00\00")""");
        var ex = Fails<WasmGuestMemoryException>(api, () => api.Greet("x"), "Greet", "return");
        Assert.Equal(0xFFFF0000ul, ex.Address);
    }

    [Fact]
    public void String_that_is_not_utf8()
    {
        using var api = Guest(Returns("greet", "(param i32 i32)", "(i32.const 16)") + """(data (i32.const 16) "\20\00\00\00\02\00\00\00") (data (i32.const 32) "\c3\28")""");
        var ex = Fails<WasmGuestDataException>(api, () => api.Greet("x"), "Greet", "return");
        Assert.Contains("UTF-8", ex.Message);
    }

    [Fact]
    public void String_longer_than_the_canonical_limit()
    {
        // 2^28 bytes would fit in a 4 GiB memory, but the canonical ABI caps strings at 2^28 - 1.
        using var api = Guest(Returns("greet", "(param i32 i32)", "(i32.const 16)") + """(data (i32.const 16) "\20\00\00\00\00\00\00\10")""");
        var ex = Fails<WasmGuestDataException>(api, () => api.Greet("x"), "Greet", "return");
        Assert.Contains("limit", ex.Message);
    }

    [Fact]
    public void Variant_discriminant_out_of_range()
    {
        using var api = Guest(Returns("make-shape", "(param i32 i32 i32)", "(i32.const 16)") + """(data (i32.const 16) "\07")""");
        var ex = Fails<WasmGuestDataException>(api, () => api.MakeShape(0, 1, 2), "MakeShape", "return");
        Assert.Contains("discriminant 7", ex.Message);
    }

    [Fact]
    public void Option_and_result_discriminants_out_of_range()
    {
        using var api = Guest(
            Returns("find", "(param i32 i32 i32)", "(i32.const 16)") + Returns("parse", "(param i32 i32)", "(i32.const 32)")
            + """(data (i32.const 16) "\02") (data (i32.const 32) "\05")""");
        Assert.Contains("discriminant 2", Fails<WasmGuestDataException>(api, () => api.Find(new uint[] { 1 }, 1), "Find", "return").Message);
        Assert.Contains("discriminant 5", Fails<WasmGuestDataException>(api, () => api.Parse("1"), "Parse", "return").Message);
    }

    [Fact]
    public void Enum_out_of_range_and_unknown_flag_bits()
    {
        using var api = Guest(Returns("next-color", "(param i32)", "(i32.const 3)") + Returns("toggle", "(param i32 i32)", "(i32.const 9)"));
        Assert.Contains("only 3 cases", Fails<WasmGuestDataException>(api, () => api.NextColor(Color.Red), "NextColor", "return").Message);
        Assert.Contains("0x8 name no flag", Fails<WasmGuestDataException>(api, () => api.Toggle(Perms.Read, Perms.None), "Toggle", "return").Message);
    }

    [Theory]
    [InlineData(0xD800, "surrogate")]
    [InlineData(0xDFFF, "surrogate")]
    [InlineData(0x110000, "above U+10FFFF")]
    [InlineData(-1, "above U+10FFFF")]
    public void Invalid_char(int value, string reason)
    {
        using var api = Guest(Returns("next-char", "(param i32)", $"(i32.const {value})"));
        Assert.Contains(reason, Fails<WasmGuestDataException>(api, () => api.NextChar(new Rune('a')), "NextChar", "return").Message);
    }

    [Fact]
    public void Bool_follows_the_spec_any_non_zero_is_true()
    {
        // CanonicalABI.md convert_int_to_bool: 0 is false, every other bit pattern true; nothing to reject.
        Assert.True(CanonicalValue.LiftBool(2));
        Assert.True(CanonicalValue.LiftBool(-1));
        Assert.False(CanonicalValue.LiftBool(0));
    }

    [Fact]
    public void List_misaligned_or_outside_memory()
    {
        using var misaligned = Guest(Returns("double-all", "(param i32 i32)", "(i32.const 16)") + """(data (i32.const 16) "\02\00\00\00\01\00\00\00")""");
        Assert.Contains("misaligned", Fails<WasmGuestDataException>(misaligned, () => misaligned.DoubleAll(new uint[] { 1 }), "DoubleAll", "return").Message);

        using var outside = Guest(Returns("double-all", "(param i32 i32)", "(i32.const 16)") + """(data (i32.const 16) "\00\ff\00\00\00\01\00\00")""");
        var ex = Fails<WasmGuestMemoryException>(outside, () => outside.DoubleAll(new uint[] { 1 }), "DoubleAll", "return");
        Assert.Equal(256ul * 4, ex.Length);

        using var huge = Guest(Returns("double-all", "(param i32 i32)", "(i32.const 16)") + """(data (i32.const 16) "\00\10\00\00\00\00\00\40")""");
        Assert.Contains("limit", Fails<WasmGuestDataException>(huge, () => huge.DoubleAll(new uint[] { 1 }), "DoubleAll", "return").Message);
    }

    [Fact]
    public void Realloc_returning_garbage()
    {
        string sum = """(func (export "wasmmarshal:test/api@0.1.0#sum-u32") (param i32 i32) (result i64) (i64.const 0))""";
        string count = """(func (export "wasmmarshal:test/api@0.1.0#count-bytes") (param i32 i32) (result i32) (local.get 1))""";
        using var misaligned = Guest(sum, """(func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 4098))""");
        var ex = Fails<WasmGuestDataException>(misaligned, () => misaligned.SumU32(new uint[] { 1, 2 }), "SumU32", "xs");
        Assert.Contains("misaligned address 0x00001002", ex.Message);

        using var outside = Guest(count, """(func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const -16))""");
        ex = Fails<WasmGuestDataException>(outside, () => outside.CountBytes("more than sixteen bytes"), "CountBytes", "s");
        Assert.Contains("exceed the memory size", ex.Message);
    }

    [Fact]
    public void Post_return_runs_once_after_lifting_with_the_return_area()
    {
        // The post-return function overwrites the result string ("hi" becomes "XX") and records the pointer it got:
        // the caller must have copied the string out before, and passed the return-area pointer.
        using var api = Guest(Returns("greet", "(param i32 i32)", "(i32.const 16)")
            + """(data (i32.const 16) "\20\00\00\00\02\00\00\00") (data (i32.const 32) "hi")"""
            + """(global $seen (export "seen") (mut i32) (i32.const 0)) (global $calls (export "calls") (mut i32) (i32.const 0))"""
            + """
              (func (export "cabi_post_wasmmarshal:test/api@0.1.0#greet") (param i32)
                (global.set $seen (local.get 0)) (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
                (i32.store16 (i32.const 32) (i32.const 0x5858)))
              """);
        Assert.Equal("hi", api.Greet("x"));
        Assert.Equal(16, api.Global("seen"));
        Assert.Equal(1, api.Global("calls"));
        Assert.Equal("XX", api.Greet("x"));
        Assert.Equal(2, api.Global("calls"));
    }

    [Fact]
    public void Post_return_that_traps()
    {
        using var api = Guest(Returns("greet", "(param i32 i32)", "(i32.const 16)")
            + """(data (i32.const 16) "\20\00\00\00\02\00\00\00") (data (i32.const 32) "hi")"""
            + """(func (export "cabi_post_wasmmarshal:test/api@0.1.0#greet") (param i32) unreachable)""");
        var ex = Assert.Throws<WasmTrapException>(() => api.Greet("x"));
        Assert.Equal(TrapCode.Unreachable, ex.Code);
        Assert.Contains("ITestApi.Greet", ex.Method);
        Assert.Contains("post-return", ex.Method);
        StillWorks(api);
    }

    [Theory]
    [InlineData("(i32.const -4) (i32.const 8)", typeof(WasmGuestMemoryException))]
    [InlineData("(i32.const 16) (i32.const 2)", typeof(WasmGuestDataException))]
    public void Host_import_given_a_string_outside_memory_or_not_utf8(string arguments, Type expected)
    {
        // greet passes host.log a string argument that lies beyond memory, or is not UTF-8 (0xC3 0x28 at 16): the
        // generated host function lifts it checked, the guest traps with the typed error inside, nothing else is read.
        using var api = Guest(
            $$"""(func (export "wasmmarshal:test/api@0.1.0#greet") (param i32 i32) (result i32) (call $log {{arguments}}) (i32.const 16))"""
            + """(data (i32.const 16) "\c3\28")""",
            imports: """(import "wasmmarshal:test/host@0.1.0" "log" (func $log (param i32 i32)))""");
        var ex = Assert.Throws<WasmHostCallbackException>(() => api.Greet("x"));
        var inner = Assert.IsAssignableFrom<WasmGuestDataException>(ex.InnerException);
        Assert.IsType(expected, inner);
        Assert.Equal("ITestHost.Log", inner.Method);
        Assert.Equal("msg", inner.Parameter);
        StillWorks(api);
    }

    [Fact]
    public void Host_import_given_a_result_pointer_outside_memory()
    {
        // greet calls host.prefix with retptr = -8: the host refuses to write there, and the call fails with the host's
        // typed error inside, instead of a write outside guest memory.
        using var api = Guest(
            """(func (export "wasmmarshal:test/api@0.1.0#greet") (param i32 i32) (result i32) (call $prefix (i32.const -8)) (i32.const 16))""",
            imports: """(import "wasmmarshal:test/host@0.1.0" "prefix" (func $prefix (param i32)))""");
        var ex = Assert.Throws<WasmHostCallbackException>(() => api.Greet("x"));
        var inner = Assert.IsType<WasmGuestMemoryException>(ex.InnerException);
        Assert.Equal("ITestHost.Prefix", inner.Method);
        Assert.Equal("retptr", inner.Parameter);
        StillWorks(api);
    }
}
