using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using WasmMarshal.Canonical;
using WasmMarshal.Components;
using WasmMarshal.Tests.ComponentModel;
using WasmMarshal.Tests.ComponentModel.FromWit;
using Color = WasmMarshal.Tests.ComponentModel.FromWit.Color;
using Perms = WasmMarshal.Tests.ComponentModel.FromWit.Perms;
using Point = WasmMarshal.Tests.ComponentModel.FromWit.Point;
using Shape = WasmMarshal.Tests.ComponentModel.FromWit.Shape;
using Xunit;

namespace WasmMarshal.Tests.Components;

/// <summary>
/// Issue 15's end to end: one test class over the C# interfaces the generator declared from guests/component/wit/test.wit
/// (<see cref="IApi"/>, <see cref="IHost"/>), and the three components that implement that WIT, each loaded as it is
/// with <see cref="WasmComponent"/>: C (clang) and Rust (rustc), componentized by jco, flatten to their main module and
/// run on the canonical stubs; JavaScript (componentize-js: four core modules) runs through Wasmtime.Components. C and
/// Rust also run forced onto the component-model path, so the two paths answer the same calls. Every expected value is
/// what the WIT function is specified to do, worked out here.
/// </summary>
public sealed class WitEveryGuestTests
{
    private static readonly string s_cache = Path.Combine(Path.GetTempPath(), "wasmmarshal-tests-components", "loader");

    public static IEnumerable<object?[]> Guests() => new[]
    {
        new object?[] { CanonicalGuests.C, null },
        new object?[] { CanonicalGuests.C, ComponentBindingPath.ComponentModel },
        new object?[] { CanonicalGuests.Rust, null },
        new object?[] { CanonicalGuests.Rust, ComponentBindingPath.ComponentModel },
        new object?[] { CanonicalGuests.Js, null },
    };

    private static (WasmComponent Component, WasmComponentInstance Instance, IApi Api, WitHost Host) Load(string name, ComponentBindingPath? force)
    {
        var component = WasmComponent.FromFile(CanonicalGuests.ComponentEngine, CanonicalGuests.ComponentPath(name),
            new ComponentLoadOptions { ForcePath = force, CacheDirectory = s_cache });
        var host = new WitHost();
        var instance = component.Builder().WithHost<IHost>(host).Instantiate();
        return (component, instance, instance.Import<IApi>(), host);
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void Each_component_takes_the_path_its_shape_allows_and_says_why(string name, ComponentBindingPath? force)
    {
        var (component, instance, _, _) = Load(name, force);
        using var _component = component;
        using var _instance = instance;
        var expected = force ?? (name == CanonicalGuests.Js ? ComponentBindingPath.ComponentModel : ComponentBindingPath.CoreModule);
        Assert.Equal(expected, component.Path);
        Assert.Equal(expected, instance.Path);
        Assert.False(string.IsNullOrWhiteSpace(component.PathReason));
        Assert.Contains(expected.ToString(), component.ToString());
        if (name == CanonicalGuests.Js)
        {
            // componentize-js: several core modules (the JS engine and its glue), whose main module imports WASI preview 2
            // itself; the reason names what stopped the flattening.
            Assert.True(component.Report.CoreModules.Count > 1, component.ToString());
            Assert.Contains("wasi:", component.PathReason);
        }
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void Strings_lists_and_the_host_interface(string name, ComponentBindingPath? force)
    {
        var (component, instance, api, host) = Load(name, force);
        using var _component = component;
        using var _instance = instance;

        Assert.Equal(0u, api.CountBytes(""));
        Assert.Equal(6u, api.CountBytes("h\u00e9llo"));
        Assert.Equal((uint)Encoding.UTF8.GetByteCount("\U0001F600 ok"), api.CountBytes("\U0001F600 ok"));
        Assert.Equal("Hello, World", api.Greet("World"));
        string language = name == CanonicalGuests.C ? "C" : name == CanonicalGuests.Rust ? "Rust" : "JS";
        Assert.Equal("greet called from " + language, Assert.Single(host.Logged)); // the host import was called, by this guest
        Assert.Equal(new byte[] { 3, 2, 1 }, api.ReverseBytes(new byte[] { 1, 2, 3 }));
        Assert.Equal(6ul + uint.MaxValue, api.SumU32(new uint[] { 1, 2, 3, uint.MaxValue }));
        Assert.Equal(new uint[] { 2, 4, 6 }, api.DoubleAll(new uint[] { 1, 2, 3 }));
        Assert.Equal("a-b-c", api.Join(new[] { "a", "b", "c" }, "-"));
        Assert.Equal(new[] { "a", "b", "", "c" }, api.Split("a,b,,c", new Rune(',')));
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void Records_variants_options_and_results(string name, ComponentBindingPath? force)
    {
        var (component, instance, api, _) = Load(name, force);
        using var _component = component;
        using var _instance = instance;

        Assert.False(api.Not(true));
        Assert.Equal(200L - 5 + 60000 - 300 + 4_000_000_000L - 7 + (1L << 40) - 9,
            api.AddAll(200, -5, 60000, -300, 4_000_000_000u, -7, 1ul << 40, -9));
        Assert.Equal(new Rune(0xE000), api.NextChar(new Rune(0xD7FF)));
        Assert.Equal(153.0, api.Sum17(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16f, 17.0)); // spilled parameters
        Assert.Equal(new Point(11, 22, "p'"), api.MovePoint(new Point(1, 2, "p"), 10, 20));
        Assert.Equal(("x", 7u), api.Swap((7u, "x")));
        Assert.Equal(Color.Red, api.NextColor(Color.Blue));
        Assert.Equal(Perms.Read | Perms.Exec, api.Toggle(Perms.Read | Perms.Write, Perms.Write | Perms.Exec));
        Assert.Equal(12.0, api.Area(new Shape.Rect((3u, 4u))));
        Assert.Equal(Math.PI * 4, api.Area(new Shape.Circle(2f)), 4);
        Assert.Equal(new Shape.Rect((3u, 4u)), api.MakeShape(1, 3, 4));
        Assert.IsType<Shape.Empty>(api.MakeShape(2, 0, 0));
        Assert.Equal(2u, api.Find(new uint[] { 5, 6, 7 }, 7));
        Assert.Null(api.Find(new uint[] { 5, 6, 7 }, 9));
        Assert.Equal("hello", api.FirstWord("  hello world"));
        Assert.Null(api.FirstWord("   "));
        Assert.Equal(new WitResult<uint, string>.Ok(42), api.Parse("42"));
        Assert.Equal(new WitResult<uint, string>.Error("not a number: x1"), api.Parse("x1"));
    }
}
