using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Wasmtime;
using Wasmtime.Components;
using WasmMarshal.Canonical;
using WasmMarshal.Components;
using WasmMarshal.Tests.ComponentModel;
using Xunit;

namespace WasmMarshal.Tests.Components;

/// <summary>
/// Components in: the loader reads the components jco made of the canonical guests (guests/component), decides the
/// path, and runs the generated canonical stubs of the hand-written <see cref="ITestApi"/> on the extracted core module.
/// Expected values are computed here from the WIT semantics, not read back from either path.
/// </summary>
public sealed class ComponentLoaderTests
{
    private static Engine Engine => CanonicalGuests.ComponentEngine;

    private static byte[] Bytes(string name) => File.ReadAllBytes(CanonicalGuests.ComponentPath(name));

    /// <summary>A component of guests/component/loader (WAT made binary by jco parse in build.sh).</summary>
    private static byte[] Fixture(string name) => Bytes(name);

    [Theory]
    [InlineData(CanonicalGuests.C, CanonicalNaming.Legacy)]
    [InlineData(CanonicalGuests.Rust, CanonicalNaming.Cm32p2)]
    public void The_canonical_guests_flatten_to_their_main_module(string name, CanonicalNaming naming)
    {
        using var component = WasmComponent.FromBytes(Engine, Bytes(name));

        Assert.Equal(ComponentBindingPath.CoreModule, component.Path);
        Assert.NotNull(component.CoreModule);
        Assert.Null(component.Component);
        var report = component.Report;
        Assert.Equal(naming, report.Naming);
        Assert.Single(report.CoreModules, m => m.Role == ComponentCoreModuleRole.Main);
        Assert.DoesNotContain(report.CoreModules, m => m.Role is ComponentCoreModuleRole.Other or ComponentCoreModuleRole.WasiPreview1Adapter);

        // Every function of the interface is lifted from the main module under the scheme's export name, with the
        // options the canonical stubs assume.
        Assert.Equal(CoreCanonicalApi.Functions.Length, report.Lifts.Count);
        foreach (var (wit, _, _, post) in CoreCanonicalApi.Functions)
        {
            var lift = Assert.Single(report.Lifts, l => l.Function == wit);
            Assert.Equal(CanonicalExports.FunctionName(naming, TestWit.Api, wit), lift.CoreExport);
            Assert.Equal(TestWit.Api, lift.Interface);
            // Post-return is optional: a guest exports it only where it has something to free.
            if (post is null)
            {
                Assert.Null(lift.PostReturn);
            }
            else if (lift.PostReturn is not null)
            {
                Assert.Equal(CanonicalExports.PostReturnName(naming, TestWit.Api, wit), lift.PostReturn);
            }

            if (lift.Memory is not null)
            {
                Assert.Equal(CanonicalExports.MemoryNameOf(naming), lift.Memory);
            }
        }

        // The two host functions the guest imports, lowered with the main module's memory (and realloc for prefix,
        // whose string result the host allocates in the guest).
        Assert.Equal(new[] { "log", "prefix" }, report.Lowers.Select(l => l.Function).OrderBy(f => f, StringComparer.Ordinal));
        Assert.All(report.Lowers, l => Assert.Equal(TestWit.Host, l.Interface));
        Assert.All(report.Lowers, l => Assert.Equal(CanonicalExports.ImportModule(naming, TestWit.Host), l.CoreModule));
        Assert.Null(report.Lowers.Single(l => l.Function == "log").Realloc);
        Assert.Equal(CanonicalExports.ReallocNameOf(naming), report.Lowers.Single(l => l.Function == "prefix").Realloc);
        Assert.Contains("CoreModule", component.ToString(), StringComparison.Ordinal);
        Assert.Contains(report.Lifts[0].CoreExport, component.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CanonicalGuests.C)]
    [InlineData(CanonicalGuests.Rust)]
    public void The_hand_written_interfaces_call_the_extracted_core_module(string name)
    {
        using var component = WasmComponent.FromBytes(Engine, Bytes(name));
        var host = new TestHost { PrefixText = "Hej, " };
        using var instance = component.Builder().WithHost<ITestHost>(host).Instantiate();
        Assert.Equal(ComponentBindingPath.CoreModule, instance.Path);
        Assert.NotNull(instance.Core);
        Assert.Null(instance.ComponentModel);
        var api = instance.Import<ITestApi>();

        Assert.False(api.Not(true));
        Assert.True(api.Not(false));
        Assert.Equal(200L + -3 + 60000 + -2 + 4_000_000_000L + -7 + 10_000_000_000L + -5,
            api.AddAll(200, -3, 60000, -2, 4_000_000_000, -7, 10_000_000_000, -5));
        Assert.Equal(1.5 * 4.0, api.MulFloats(1.5f, 4.0));
        Assert.Equal(new Rune('b'), api.NextChar(new Rune('a')));
        Assert.Equal((uint)Encoding.UTF8.GetByteCount("héllo, 世界"), api.CountBytes("héllo, 世界"));
        Assert.Equal("Hej, Ada", api.Greet("Ada"));
        Assert.Equal(1, host.PrefixCalls);
        Assert.Single(host.Logged);
        Assert.StartsWith("greet called from", host.Logged[0], StringComparison.Ordinal);
        Assert.Equal(new byte[] { 3, 2, 1 }, api.ReverseBytes(new byte[] { 1, 2, 3 }));
        Assert.Equal(1UL + 2 + uint.MaxValue, api.SumU32(new uint[] { 1, 2, uint.MaxValue }));
        Assert.Equal(new uint[] { 2, 4, 6 }, api.DoubleAll(new uint[] { 1, 2, 3 }));
        Assert.Equal("a-b-c", api.Join(new[] { "a", "b", "c" }, "-"));
        Assert.Equal(new[] { "x", "yz", "" }, api.Split("x,yz,", new Rune(',')));
        // test.wit: move-point adds (dx, dy) and marks the label with a prime.
        Assert.Equal(new Point(11, 18, "p'"), api.MovePoint(new Point(1, 2, "p"), 10, 16));
        Assert.Equal(("s", 7u), api.Swap((7u, "s")));
        Assert.Equal(Color.Blue, api.NextColor(Color.Green));
        Assert.Equal(Perms.Read | Perms.Exec, api.Toggle(Perms.Read | Perms.Write, Perms.Write | Perms.Exec));
        Assert.Equal(6.0, api.Area(new Shape.Rect(2, 3)));
        Assert.Equal(1u, api.Find(new uint[] { 5, 9 }, 9));
        Assert.Null(api.Find(new uint[] { 5, 9 }, 4));
        Assert.Equal("first", api.FirstWord("first second"));
        Assert.Equal(new WitResult<uint, string>.Ok(42), api.Parse("42"));
    }

    [Fact]
    public void The_utf16_guest_flattens_and_its_lifts_carry_the_encoding()
    {
        using var component = WasmComponent.FromBytes(Engine, Bytes("canon_utf16"));
        Assert.Equal(ComponentBindingPath.CoreModule, component.Path);
        Assert.Contains(component.Report.Lifts, l => l.StringEncoding == "utf16");
        Assert.DoesNotContain(component.Report.Lifts, l => l.StringEncoding == "utf8");

        using var instance = component.Builder().Instantiate();
        var text = instance.Import<IText>();
        Assert.Equal("naïve 😀", text.Echo("naïve 😀"));
        Assert.Equal((uint)"naïve 😀".Length, text.Length("naïve 😀"));
    }

    [Fact]
    public void An_interface_declared_with_another_encoding_is_refused_at_import()
    {
        using var component = WasmComponent.FromBytes(Engine, Fixture("loader_utf16_lift"));
        Assert.Equal(ComponentBindingPath.CoreModule, component.Path);
        Assert.Equal("utf16", Assert.Single(component.Report.Lifts).StringEncoding);
        using var instance = component.Builder().Instantiate();

        var ex = Assert.Throws<WasmBindingException>(() => instance.Import<IEncodingText>());
        Assert.Contains("wasmmarshal:enc/text@0.1.0#length", ex.Message, StringComparison.Ordinal);
        Assert.Contains("string-encoding=utf8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("string-encoding=utf16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_core_modules_that_call_each_other_go_the_component_model_way()
    {
        using var component = WasmComponent.FromBytes(Engine, Fixture("loader_two_modules"));

        Assert.Equal(ComponentBindingPath.ComponentModel, component.Path);
        Assert.Contains("core instances", component.PathReason, StringComparison.Ordinal);
        Assert.Contains("core modules that call each other", component.PathReason, StringComparison.Ordinal);
        Assert.Null(component.CoreModule);
        Assert.NotNull(component.Component);
        Assert.Equal(2, component.Report.CoreModules.Count);
        Assert.Contains(component.PathReason, component.ToString(), StringComparison.Ordinal);

        // It still runs, through Wasmtime.Components: quad(x) calls the other module's double twice.
        using var instance = component.Builder().Instantiate();
        Assert.Equal(ComponentBindingPath.ComponentModel, instance.Path);
        Assert.Null(instance.Core);
        var quad = instance.ComponentModel!.Instance.GetFunction("quad")!;
        Assert.Equal(12u, quad.Call(ComponentValue.U32(3))!.AsU32());
    }

    [Fact]
    public void A_second_module_with_its_own_code_is_named_in_the_reason()
    {
        // Only b's function is lifted, so b is the main module; a is instantiated beside it and b calls into it.
        using var component = WasmComponent.FromBytes(Engine, Fixture("loader_main_calls_other"));

        Assert.Equal(ComponentBindingPath.ComponentModel, component.Path);
        Assert.Contains("2 core modules that call each other: the main module 1 and module 0", component.PathReason, StringComparison.Ordinal);
        Assert.Equal(ComponentCoreModuleRole.Main, component.Report.CoreModules[1].Role);
        Assert.Equal(ComponentCoreModuleRole.Other, component.Report.CoreModules[0].Role);
    }

    [Fact]
    public void A_flattenable_component_can_be_forced_the_component_model_way()
    {
        using var component = WasmComponent.FromBytes(Engine, Bytes(CanonicalGuests.C),
            new ComponentLoadOptions { ForcePath = ComponentBindingPath.ComponentModel });

        Assert.Equal(ComponentBindingPath.ComponentModel, component.Path);
        Assert.Contains("forced", component.PathReason, StringComparison.Ordinal);
        Assert.Contains("CoreModule", component.PathReason, StringComparison.Ordinal);
        Assert.NotNull(component.Component);
        Assert.Equal(CoreCanonicalApi.Functions.Length, component.Report.Lifts.Count);
    }

    [Fact]
    public void Forcing_the_core_module_way_on_a_component_that_does_not_flatten_says_why()
    {
        var ex = Assert.Throws<WasmMarshalException>(() => WasmComponent.FromBytes(Engine, Fixture("loader_two_modules"),
            new ComponentLoadOptions { ForcePath = ComponentBindingPath.CoreModule }));
        Assert.Contains("core modules that call each other", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lift_with_a_renamed_core_export_does_not_flatten()
    {
        // The core export is named "times-two", but the component exports "double": the stubs would look for the
        // wrong name, and the loader does not map names.
        var report = WasmComponent.Inspect(Fixture("loader_renamed_export"));

        Assert.Equal(ComponentBindingPath.ComponentModel, report.Path);
        Assert.Contains("'times-two' is lifted, but the component exports no function 'times-two'", report.PathReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_world_level_function_named_as_exported_flattens()
    {
        var report = WasmComponent.Inspect(Fixture("loader_world_function"));

        Assert.Equal(ComponentBindingPath.CoreModule, report.Path);
        var lift = Assert.Single(report.Lifts);
        Assert.Null(lift.Interface);
        Assert.Equal("double", lift.Function);
    }

    [Fact]
    public void A_lift_using_latin1_utf16_does_not_flatten()
    {
        var report = WasmComponent.Inspect(Fixture("loader_latin1"));

        Assert.Equal(ComponentBindingPath.ComponentModel, report.Path);
        Assert.Contains("latin1+utf16", report.PathReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Lifting_with_a_memory_the_stubs_do_not_use_does_not_flatten()
    {
        var report = WasmComponent.Inspect(Fixture("loader_other_memory"));

        Assert.Equal(ComponentBindingPath.ComponentModel, report.Path);
        Assert.Contains("uses memory heap; the canonical stubs use memory", report.PathReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("loader_module_alias", "an alias of a CoreModule")]
    [InlineData("loader_module_export", "an export of a CoreModule")]
    public void A_main_module_reached_through_a_re_export_does_not_flatten(string fixture, string reason)
    {
        var report = WasmComponent.Inspect(Fixture(fixture));

        Assert.Equal(ComponentBindingPath.ComponentModel, report.Path);
        Assert.Contains(reason, report.PathReason, StringComparison.Ordinal);
        using var component = WasmComponent.FromBytes(Engine, Fixture(fixture));
        using var instance = component.Builder().Instantiate();
        Assert.Equal(10u, instance.ComponentModel!.Instance.GetFunction("double")!.Call(ComponentValue.U32(5))!.AsU32());
    }

    [Fact]
    public void A_core_module_is_not_a_component()
    {
        var ex = Assert.Throws<WasmComponentFormatException>(() =>
            WasmComponent.FromFile(Engine, Support.TestGuests.PathOf(CanonicalGuests.C)));
        Assert.Equal(4, ex.Offset);
        Assert.Contains("core module (layer 0)", ex.Message, StringComparison.Ordinal);
    }
}

/// <summary>Interface <c>wasmmarshal:enc/text@0.1.0</c> of loader_utf16_lift.wat, declared (wrongly) with the default UTF-8 encoding.</summary>
[WasmImport]
[WasmCanonicalAbi("wasmmarshal:enc/text@0.1.0")]
public partial interface IEncodingText
{
    uint Length(string s);
}
