using System;
using System.Collections.Generic;
using System.Text;
using WasmMarshal.Canonical;
using WasmMarshal.Tests.ComponentModel.FromWit;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>The host side of <c>wasmmarshal:test/host</c> as the generator declared it from guests/component/wit/test.wit.</summary>
public sealed class WitHost : IHost
{
    public List<string> Logged { get; } = new();

    public void Log(string msg) => Logged.Add(msg);

    public string Prefix() => "Hello, ";
}

/// <summary>
/// WIT in against the real guests: the project gives guests/component/wit/test.wit as AdditionalFiles, the generator
/// declares <see cref="IApi"/>, <see cref="IHost"/> and the types of <c>api</c> in the namespace FromWit
/// (WasmMarshalWitNamespace) with their canonical stubs, and canon_c (legacy names) and canon_rust (cm32p2 names) are
/// called through them. Each result is checked against a value worked out from the guests' source, and against the
/// hand-written <see cref="ITestApi"/> on the same guest.
/// </summary>
public sealed class WitInGuestTests
{
    private static (CanonicalGuest Guest, IApi Api, WitHost Host) Bind(string name)
    {
        var host = new WitHost();
        var guest = CanonicalGuest.Builder(TestGuests.MovingEngine, TestGuests.Load(name)).WithHost<IHost>(host).Instantiate();
        return (guest, guest.Import<IApi>(), host);
    }

    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void Scalars_cross_through_the_interface_declared_from_WIT(string name)
    {
        var (guest, api, _) = Bind(name);
        using var _guest = guest;
        using var written = CanonicalGuests.Core(name, new TestHost());

        Assert.False(api.Not(true));
        Assert.True(api.Not(false));
        long expected = 200 - 5 + 60000 - 300 + 4_000_000_000L - 7 + (1L << 40) - 9;
        Assert.Equal(expected, api.AddAll(200, -5, 60000, -300, 4_000_000_000u, -7, 1ul << 40, -9));
        Assert.Equal(written.AddAll(200, -5, 60000, -300, 4_000_000_000u, -7, 1ul << 40, -9), api.AddAll(200, -5, 60000, -300, 4_000_000_000u, -7, 1ul << 40, -9));
        Assert.Equal(3.0, api.MulFloats(1.5f, 2.0));
        Assert.Equal(new Rune('b'), api.NextChar(new Rune('a')));
        Assert.Equal(new Rune(0xE000), api.NextChar(new Rune(0xD7FF)));
        Assert.Equal(153.0, api.Sum17(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16f, 17.0));
        Assert.Equal(written.Sum17(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16f, 17.0), api.Sum17(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16f, 17.0));
    }

    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void Strings_and_lists_cross_and_the_host_interface_is_called(string name)
    {
        var (guest, api, host) = Bind(name);
        using var _guest = guest;
        using var written = CanonicalGuests.Core(name, new TestHost());

        Assert.Equal(6u, api.CountBytes("héllo"));
        Assert.Equal("Hello, World", api.Greet("World"));
        Assert.Equal(name == CanonicalGuests.C ? "greet called from C" : "greet called from Rust", Assert.Single(host.Logged));
        Assert.Equal(written.Greet("World"), api.Greet("World"));
        Assert.Equal(new byte[] { 3, 2, 1 }, api.ReverseBytes(new byte[] { 1, 2, 3 }));
        Assert.Equal(6ul + uint.MaxValue, api.SumU32(new uint[] { 1, 2, 3, uint.MaxValue }));
        Assert.Equal(new uint[] { 2, 4, 6 }, api.DoubleAll(new uint[] { 1, 2, 3 }));
        Assert.Equal("a-b-c", api.Join(new[] { "a", "b", "c" }, "-"));
        Assert.Equal(written.Join(new[] { "a", "b", "c" }, "-"), api.Join(new[] { "a", "b", "c" }, "-"));
        Assert.Equal(new[] { "a", "b", "", "c" }, api.Split("a,b,,c", new Rune(',')));
        Assert.Equal(written.Split("a,b,,c", new Rune(',')), api.Split("a,b,,c", new Rune(',')));
    }

    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void Records_tuples_enums_flags_and_variants_declared_from_WIT_cross(string name)
    {
        var (guest, api, _) = Bind(name);
        using var _guest = guest;
        using var written = CanonicalGuests.Core(name, new TestHost());

        // record point { x: s32, y: s32, label: string } is a record struct Point(int X, int Y, string Label).
        var moved = api.MovePoint(new FromWit.Point(1, 2, "p"), 10, 20);
        Assert.Equal(new FromWit.Point(11, 22, "p'"), moved);
        var movedByHand = written.MovePoint(new ComponentModel.Point(1, 2, "p"), 10, 20);
        Assert.Equal((movedByHand.X, movedByHand.Y, movedByHand.Label), (moved.X, moved.Y, moved.Label));

        Assert.Equal(("x", 7u), api.Swap((7u, "x")));

        // enum color { red, green, blue } and flags perms { read, write, exec }.
        Assert.Equal(FromWit.Color.Red, api.NextColor(FromWit.Color.Blue));
        Assert.Equal(FromWit.Color.Green, api.NextColor(FromWit.Color.Red));
        Assert.Equal(FromWit.Perms.Read | FromWit.Perms.Exec, api.Toggle(FromWit.Perms.Read | FromWit.Perms.Write, FromWit.Perms.Write | FromWit.Perms.Exec));
        Assert.Equal((int)written.Toggle(ComponentModel.Perms.Read, ComponentModel.Perms.Exec), (int)api.Toggle(FromWit.Perms.Read, FromWit.Perms.Exec));

        // variant shape { circle(f32), rect(tuple<u32, u32>), empty }: the tuple payload is one Value.
        Assert.Equal(12.0, api.Area(new FromWit.Shape.Rect((3u, 4u))));
        Assert.Equal(written.Area(new ComponentModel.Shape.Circle(2f)), api.Area(new FromWit.Shape.Circle(2f)));
        Assert.Equal(0.0, api.Area(new FromWit.Shape.Empty()));
        Assert.Equal(new FromWit.Shape.Rect((3u, 4u)), api.MakeShape(1, 3, 4));
        Assert.Equal(new FromWit.Shape.Circle(2f), api.MakeShape(0, 2, 0));
        Assert.IsType<FromWit.Shape.Empty>(api.MakeShape(2, 0, 0));
    }

    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void Options_and_results_declared_from_WIT_cross(string name)
    {
        var (guest, api, _) = Bind(name);
        using var _guest = guest;
        using var written = CanonicalGuests.Core(name, new TestHost());

        Assert.Equal(2u, api.Find(new uint[] { 5, 6, 7 }, 7));
        Assert.Null(api.Find(new uint[] { 5, 6, 7 }, 9));
        Assert.Equal("hello", api.FirstWord("  hello world"));
        Assert.Null(api.FirstWord("   "));
        Assert.Equal(written.FirstWord("  hello world"), api.FirstWord("  hello world"));
        Assert.Equal(new WitResult<uint, string>.Ok(42), api.Parse("42"));
        Assert.Equal(new WitResult<uint, string>.Error("not a number: x1"), api.Parse("x1"));
        Assert.Equal(written.Parse("x1"), api.Parse("x1"));
    }

    [Fact]
    public void A_guest_that_does_not_fit_the_WIT_is_refused_at_bind_time()
    {
        // canon_utf16 exports another interface: binding the WIT-declared api to it lists the missing exports.
        using var guest = CanonicalGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("canon_utf16")).Instantiate();
        var ex = Assert.Throws<WasmBindingException>(() => guest.Import<IApi>());
        Assert.Contains(ex.Mismatches, m => m.Item == "wasmmarshal:test/api@0.1.0#greet" && m.Actual == "missing");
    }
}
