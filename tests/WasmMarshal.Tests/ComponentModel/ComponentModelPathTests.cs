using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WasmMarshal.Canonical;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// One test body, every guest of wit/test.wit on every path it runs on: canon_c and canon_rust through the fast
/// canonical stubs (their core modules) and through the generated component-model stubs (their components, on
/// Wasmtime.Components), and canon_js (componentize-js: four core modules, so the component-model path only). Every
/// expected value is what the function is specified to do, computed here, not taken from any path.
/// </summary>
public sealed class ComponentModelPathTests
{
    public const string Core = "core";
    public const string ComponentModel = "component-model";

    public static IEnumerable<object[]> GuestsAndPaths() => new[]
    {
        new object[] { CanonicalGuests.C, Core },
        new object[] { CanonicalGuests.C, ComponentModel },
        new object[] { CanonicalGuests.Rust, Core },
        new object[] { CanonicalGuests.Rust, ComponentModel },
        new object[] { CanonicalGuests.Js, ComponentModel },
    };

    private static (ITestApi Api, IDisposable Guest) Open(string guest, string path, TestHost host)
    {
        if (path == Core)
        {
            var core = CanonicalGuests.Core(guest, host);
            return (core, core);
        }

        var component = CanonicalGuests.ComponentModel(guest, host);
        return (component.Api, component);
    }

    private static string Language(string guest) => guest switch
    {
        CanonicalGuests.C => "C",
        CanonicalGuests.Rust => "Rust",
        _ => "JS",
    };

    [Theory]
    [MemberData(nameof(GuestsAndPaths))]
    public void Scalars(string guest, string path)
    {
        var (a, disposable) = Open(guest, path, new TestHost());
        using var _ = disposable;
        Assert.False(a.Not(true));
        Assert.True(a.Not(false));
        Assert.Equal(200L + -3 + 60000 + -20000 + 4_000_000_000L + -7 + 5_000_000_000L + -11,
            a.AddAll(200, -3, 60000, -20000, 4_000_000_000, -7, 5_000_000_000, -11));
        Assert.Equal(long.MaxValue - 1, a.AddAll(255, 0, 0, 0, 0, -255, 0, long.MaxValue - 1));
        Assert.Equal(1.5 * 2.25, a.MulFloats(1.5f, 2.25));
        Assert.Equal(new Rune('b'), a.NextChar(new Rune('a')));
        Assert.Equal(new Rune(0xE000), a.NextChar(new Rune(0xD7FF)));
        Assert.Equal(new Rune(0), a.NextChar(new Rune(0x10FFFF)));
        Assert.Equal(new Rune(0x1F601), a.NextChar(new Rune(0x1F600)));
        Assert.Equal(Color.Blue, a.NextColor(Color.Green));
        Assert.Equal(Color.Red, a.NextColor(Color.Blue));
        Assert.Equal(Perms.Read | Perms.Exec, a.Toggle(Perms.Read | Perms.Write, Perms.Write | Perms.Exec));
        Assert.Equal(Perms.None, a.Toggle(Perms.Write, Perms.Write));
        Assert.Equal(Perms.Read | Perms.Write | Perms.Exec, a.Toggle(Perms.None, Perms.Read | Perms.Write | Perms.Exec));
    }

    [Theory]
    [MemberData(nameof(GuestsAndPaths))]
    public void Strings_lists_and_the_host_import(string guest, string path)
    {
        var host = new TestHost();
        var (a, disposable) = Open(guest, path, host);
        using var _ = disposable;
        Assert.Equal(0u, a.CountBytes(""));
        Assert.Equal(6u, a.CountBytes("h\u00e9llo")); // h, é (2 bytes), l, l, o
        Assert.Equal(4u, a.CountBytes("\U0001F600"));
        Assert.Equal("Hello, World", a.Greet("World"));
        Assert.Equal("Hello, ", a.Greet(""));
        host.PrefixText = "\u4f60\u597d ";
        Assert.Equal("\u4f60\u597d \u00fcber", a.Greet("\u00fcber"));
        Assert.Equal(Enumerable.Repeat($"greet called from {Language(guest)}", 3), host.Logged);
        Assert.Equal(3, host.PrefixCalls);

        Assert.Equal(new byte[] { 3, 2, 1 }, a.ReverseBytes(new byte[] { 1, 2, 3 }));
        Assert.Equal(Array.Empty<byte>(), a.ReverseBytes(Array.Empty<byte>()));
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(bytes.Reverse().ToArray(), a.ReverseBytes(bytes));
        Assert.Equal(4_000_000_000UL + 4_000_000_000UL + 5, a.SumU32(new uint[] { 4_000_000_000, 4_000_000_000, 5 }));
        Assert.Equal(new uint[] { 2, 0xFFFFFFFE, 0 }, a.DoubleAll(new uint[] { 1, 0x7FFFFFFF, 0x80000000 }));
        Assert.Equal("a, b\u00e9, ", a.Join(new[] { "a", "b\u00e9", "" }, ", "));
        Assert.Equal("", a.Join(Array.Empty<string>(), "-"));
        Assert.Equal(new[] { "a", "", "b\u00e9", "" }, a.Split("a\U0001F600\U0001F600b\u00e9\U0001F600", new Rune(0x1F600)));
        Assert.Equal(new[] { "" }, a.Split("", new Rune(',')));
    }

    [Theory]
    [MemberData(nameof(GuestsAndPaths))]
    public void Records_tuples_variants_options_results_and_many_parameters(string guest, string path)
    {
        var (a, disposable) = Open(guest, path, new TestHost());
        using var _ = disposable;
        Assert.Equal(new Point(-1, 12, "p\u00e9'"), a.MovePoint(new Point(2, 10, "p\u00e9"), -3, 2));
        Assert.Equal(new Point(int.MinValue, 0, "'"), a.MovePoint(new Point(int.MaxValue, 0, ""), 1, 0)); // wraps
        Assert.Equal(("\u00e9t\u00e9", 42u), a.Swap((42u, "\u00e9t\u00e9")));
        Assert.Equal(("", 0u), a.Swap((0u, "")));

        Assert.Equal(3.14159265358979 * 2.5 * 2.5, a.Area(new Shape.Circle(2.5f)));
        Assert.Equal(3.0 * 4_000_000_000.0, a.Area(new Shape.Rect(3, 4_000_000_000)));
        Assert.Equal(0.0, a.Area(new Shape.Empty()));
        Assert.Equal(new Shape.Circle(7f), a.MakeShape(0, 7, 9));
        Assert.Equal(new Shape.Rect(7, 9), a.MakeShape(1, 7, 9));
        Assert.Equal(new Shape.Empty(), a.MakeShape(200, 7, 9));

        Assert.Equal((uint?)1, a.Find(new uint[] { 5, 6, 6 }, 6));
        Assert.Null(a.Find(new uint[] { 5, 6 }, 7));
        Assert.Null(a.Find(Array.Empty<uint>(), 7));
        Assert.Equal("w\u00f6rd", a.FirstWord("  w\u00f6rd two"));
        Assert.Null(a.FirstWord("   "));
        Assert.Null(a.FirstWord(""));

        Assert.Equal(new WitResult<uint, string>.Ok(4294967295), a.Parse("4294967295"));
        Assert.Equal(new WitResult<uint, string>.Ok(7), a.Parse("007"));
        Assert.Equal(new WitResult<uint, string>.Error("not a number: 4294967296"), a.Parse("4294967296"));
        Assert.Equal(new WitResult<uint, string>.Error("not a number: "), a.Parse(""));
        Assert.Equal(new WitResult<uint, string>.Error("not a number: x\u00e9"), a.Parse("x\u00e9"));

        double expected = Enumerable.Range(1, 13).Sum() + 1e12 + 2e12 + 0.5 + 0.25;
        Assert.Equal(expected, a.Sum17(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 1_000_000_000_000, 2_000_000_000_000, 0.5f, 0.25));
    }

    [Theory]
    [MemberData(nameof(GuestsAndPaths))]
    public void Host_values_no_WIT_value_matches_are_argument_errors_before_the_call(string guest, string path)
    {
        var (a, disposable) = Open(guest, path, new TestHost());
        using var _ = disposable;
        var color = Assert.Throws<ArgumentOutOfRangeException>(() => a.NextColor((Color)3));
        Assert.Equal("c", color.ParamName);
        Assert.Contains("ITestApi.NextColor", color.Message);
        var perms = Assert.Throws<ArgumentOutOfRangeException>(() => a.Toggle(Perms.Read, (Perms)8));
        Assert.Equal("mask", perms.ParamName);
        Assert.Equal("s", Assert.Throws<ArgumentNullException>(() => a.Area(null!)).ParamName);
        Assert.Equal("s", Assert.Throws<ArgumentNullException>(() => a.CountBytes(null!)).ParamName);
        // Nothing reached the guest, which still works.
        Assert.Equal(Color.Blue, a.NextColor(Color.Green));
    }

    /// <summary>Random inputs: the fast canonical stub and the generated component-model stub agree on every call.</summary>
    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void The_two_paths_agree_on_random_inputs(string guest)
    {
        var random = new Random(guest.Length * 7919);
        using var core = CanonicalGuests.Core(guest, new TestHost());
        using var component = CanonicalGuests.ComponentModel(guest, new TestHost());
        var fast = (ITestApi)core;
        var slow = component.Api;
        for (int round = 0; round < 50; round++)
        {
            string text = RandomText(random, random.Next(0, 40));
            var numbers = Enumerable.Range(0, random.Next(0, 30)).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray();
            var point = new Point(random.Next(), -random.Next(), text);
            int dx = random.Next(int.MinValue, int.MaxValue);
            Assert.Equal(fast.CountBytes(text), slow.CountBytes(text));
            Assert.Equal((uint)Encoding.UTF8.GetByteCount(text), slow.CountBytes(text));
            Assert.Equal(fast.Greet(text), slow.Greet(text));
            Assert.Equal(fast.SumU32(numbers), slow.SumU32(numbers));
            Assert.Equal(fast.DoubleAll(numbers), slow.DoubleAll(numbers));
            Assert.Equal(fast.Split(text, new Rune('a')), slow.Split(text, new Rune('a')));
            Assert.Equal(fast.MovePoint(point, dx, 3), slow.MovePoint(point, dx, 3));
            Assert.Equal(fast.FirstWord(text), slow.FirstWord(text));
            Assert.Equal(fast.Parse(text), slow.Parse(text));
            uint x = numbers.Length > 0 && random.Next(2) == 0 ? numbers[random.Next(numbers.Length)] : 12345;
            Assert.Equal(fast.Find(numbers, x), slow.Find(numbers, x));
            var perms = (Perms)random.Next(8);
            Assert.Equal(fast.Toggle(perms, Perms.Write), slow.Toggle(perms, Perms.Write));
        }
    }

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder();
        string[] pieces = { "a", " ", "\u00e9", "\u4f60", "\U0001F600", "7", "0" };
        for (int i = 0; i < length; i++)
        {
            builder.Append(pieces[random.Next(pieces.Length)]);
        }

        return builder.ToString();
    }
}
