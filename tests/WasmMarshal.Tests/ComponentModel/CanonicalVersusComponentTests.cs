using System;
using System.Linq;
using System.Text;
using WasmMarshal.Canonical;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// Every function of wit/test.wit called through the hand-written canonical stubs on each guest's core module and
/// through Wasmtime.Components on the component jco made of it: the results must be equal, and equal to what the
/// function is specified to do (computed here independently, not taken from either path).
/// </summary>
public sealed class CanonicalVersusComponentTests
{
    private static (CoreCanonicalApi Core, ComponentApi Component, TestHost CoreHost, TestHost ComponentHost) Open(string guest)
    {
        var coreHost = new TestHost();
        var componentHost = new TestHost();
        return (CanonicalGuests.Core(guest, coreHost), CanonicalGuests.Component(guest, componentHost), coreHost, componentHost);
    }

    private static void Same<T>(T expected, Func<ITestApi, T> call, ITestApi core, ITestApi component)
    {
        Assert.Equal(expected, call(core));
        Assert.Equal(expected, call(component));
    }

    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void Host_values_no_WIT_value_matches_are_argument_errors_before_the_call(string guest)
    {
        // A C# enum or [Flags] enum can hold values its WIT type cannot: the stub refuses them, naming the parameter.
        using var core = CanonicalGuests.Core(guest, new TestHost());
        var color = Assert.Throws<ArgumentOutOfRangeException>(() => core.NextColor((Color)3));
        Assert.Equal("c", color.ParamName);
        Assert.Contains("ITestApi.NextColor", color.Message);
        var perms = Assert.Throws<ArgumentOutOfRangeException>(() => core.Toggle(Perms.Read, (Perms)8));
        Assert.Equal("mask", perms.ParamName);
        Assert.Contains("0x8", perms.Message);
        Assert.Equal(Color.Blue, core.NextColor(Color.Green));
    }

    [Theory]
    [InlineData(CanonicalGuests.C, CanonicalNaming.Legacy)]
    [InlineData(CanonicalGuests.Rust, CanonicalNaming.Cm32p2)]
    public void Each_guest_uses_its_naming_scheme(string guest, CanonicalNaming naming)
    {
        using var core = CanonicalGuests.Core(guest, new TestHost());
        Assert.Equal(naming, core.Naming);
    }

    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void Scalars_match(string guest)
    {
        var (core, component, _, _) = Open(guest);
        using (core)
        using (component)
        {
            Same(false, a => a.Not(true), core, component);
            Same(true, a => a.Not(false), core, component);
            Same(200L + -3 + 60000 + -20000 + 4_000_000_000L + -7 + 5_000_000_000L + -11,
                a => a.AddAll(200, -3, 60000, -20000, 4_000_000_000, -7, 5_000_000_000, -11), core, component);
            Same(1.5 * 2.25, a => a.MulFloats(1.5f, 2.25), core, component);
            Same(new Rune('b'), a => a.NextChar(new Rune('a')), core, component);
            Same(new Rune(0xE000), a => a.NextChar(new Rune(0xD7FF)), core, component);
            Same(new Rune(0), a => a.NextChar(new Rune(0x10FFFF)), core, component);
            Same(new Rune(0x1F601), a => a.NextChar(new Rune(0x1F600)), core, component);
            Same(Color.Blue, a => a.NextColor(Color.Green), core, component);
            Same(Color.Red, a => a.NextColor(Color.Blue), core, component);
            Same(Perms.Read | Perms.Exec, a => a.Toggle(Perms.Read | Perms.Write, Perms.Write | Perms.Exec), core, component);
            Same(Perms.None, a => a.Toggle(Perms.Write, Perms.Write), core, component);
        }
    }

    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void Strings_lists_and_the_host_import_match(string guest)
    {
        var (core, component, coreHost, componentHost) = Open(guest);
        using (core)
        using (component)
        {
            Same(0u, a => a.CountBytes(""), core, component);
            Same(6u, a => a.CountBytes("h\u00e9llo"), core, component); // h, é (2 bytes), l, l, o
            Same(4u, a => a.CountBytes("\U0001F600"), core, component);
            Same("Hello, World", a => a.Greet("World"), core, component);
            Same("Hello, ", a => a.Greet(""), core, component);
            coreHost.PrefixText = componentHost.PrefixText = "\u4f60\u597d ";
            Same("\u4f60\u597d \u00fcber", a => a.Greet("\u00fcber"), core, component);
            string language = guest == CanonicalGuests.C ? "C" : "Rust";
            Assert.Equal(Enumerable.Repeat($"greet called from {language}", 3), coreHost.Logged);
            Assert.Equal(coreHost.Logged, componentHost.Logged);
            Assert.Equal(3, coreHost.PrefixCalls);

            Same(new byte[] { 3, 2, 1 }, a => a.ReverseBytes(new byte[] { 1, 2, 3 }), core, component);
            Same(Array.Empty<byte>(), a => a.ReverseBytes(Array.Empty<byte>()), core, component);
            Same(4_000_000_000UL + 4_000_000_000UL + 5, a => a.SumU32(new uint[] { 4_000_000_000, 4_000_000_000, 5 }), core, component);
            Same(new uint[] { 2, 0xFFFFFFFE, 0 }, a => a.DoubleAll(new uint[] { 1, 0x7FFFFFFF, 0x80000000 }), core, component);
            Same("a, b\u00e9, ", a => a.Join(new[] { "a", "b\u00e9", "" }, ", "), core, component);
            Same("", a => a.Join(Array.Empty<string>(), "-"), core, component);
            Same(new[] { "a", "", "b\u00e9", "" }, a => a.Split("a\U0001F600\U0001F600b\u00e9\U0001F600", new Rune(0x1F600)), core, component);
            Same(new[] { "" }, a => a.Split("", new Rune(',')), core, component);
        }
    }

    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void Records_tuples_variants_options_results_and_spilled_parameters_match(string guest)
    {
        var (core, component, _, _) = Open(guest);
        using (core)
        using (component)
        {
            Same(new Point(-1, 12, "p\u00e9'"), a => a.MovePoint(new Point(2, 10, "p\u00e9"), -3, 2), core, component);
            Same(("\u00e9t\u00e9", 42u), a => a.Swap((42u, "\u00e9t\u00e9")), core, component);
            Same(("", 0u), a => a.Swap((0u, "")), core, component);

            Same(3.14159265358979 * 2.5 * 2.5, a => a.Area(new Shape.Circle(2.5f)), core, component);
            Same(3.0 * 4_000_000_000.0, a => a.Area(new Shape.Rect(3, 4_000_000_000)), core, component);
            Same(0.0, a => a.Area(new Shape.Empty()), core, component);
            Same<Shape>(new Shape.Circle(7f), a => a.MakeShape(0, 7, 9), core, component);
            Same<Shape>(new Shape.Rect(7, 9), a => a.MakeShape(1, 7, 9), core, component);
            Same<Shape>(new Shape.Empty(), a => a.MakeShape(200, 7, 9), core, component);

            Same((uint?)1, a => a.Find(new uint[] { 5, 6, 6 }, 6), core, component);
            Same((uint?)null, a => a.Find(new uint[] { 5, 6 }, 7), core, component);
            Same((uint?)null, a => a.Find(Array.Empty<uint>(), 7), core, component);
            Same("w\u00f6rd", a => a.FirstWord("  w\u00f6rd two"), core, component);
            Same(null, a => a.FirstWord("   "), core, component);
            Same(null, a => a.FirstWord(""), core, component);

            Same<WitResult<uint, string>>(new WitResult<uint, string>.Ok(4294967295), a => a.Parse("4294967295"), core, component);
            Same<WitResult<uint, string>>(new WitResult<uint, string>.Error("not a number: 4294967296"), a => a.Parse("4294967296"), core, component);
            Same<WitResult<uint, string>>(new WitResult<uint, string>.Error("not a number: "), a => a.Parse(""), core, component);
            Same<WitResult<uint, string>>(new WitResult<uint, string>.Error("not a number: x\u00e9"), a => a.Parse("x\u00e9"), core, component);

            double expected = Enumerable.Range(1, 13).Sum() + 1e12 + 2e12 + 0.5 + 0.25;
            Same(expected, a => a.Sum17(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 1_000_000_000_000, 2_000_000_000_000, 0.5f, 0.25), core, component);
        }
    }
}
