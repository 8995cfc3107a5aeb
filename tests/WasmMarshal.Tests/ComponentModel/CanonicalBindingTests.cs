using System.Linq;
using Wasmtime;
using WasmMarshal.Canonical;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>The bind-time check: every missing or mistyped export under either naming scheme, in one exception.</summary>
public sealed class CanonicalBindingTests
{
    private static Module Wat(string body) => Module.FromText(TestGuests.MovingEngine, "binding", $"(module {body})");

    [Fact]
    public void Every_missing_and_mistyped_export_is_listed_at_once()
    {
        var module = Wat("""
            (memory (export "memory") 1)
            (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 8))
            (func (export "wasmmarshal:test/api@0.1.0#not") (param i64) (result i32) (i32.const 0))
            (func (export "cabi_post_wasmmarshal:test/api@0.1.0#greet") (param i64))
            """);
        var ex = Assert.Throws<WasmBindingException>(() => new CoreCanonicalApi(TestGuests.MovingEngine, module, new TestHost()));
        var wrongNot = Assert.Single(ex.Mismatches, m => m.Item == "wasmmarshal:test/api@0.1.0#not");
        Assert.Equal("(i32) -> i32", wrongNot.Expected);
        Assert.Equal("(i64) -> i32", wrongNot.Actual);
        var wrongPost = Assert.Single(ex.Mismatches, m => m.Item == "cabi_post_wasmmarshal:test/api@0.1.0#greet");
        Assert.Equal("(i32) -> ()", wrongPost.Expected);
        // Every other function is missing (post-return functions are optional, so absent ones are not listed).
        Assert.Equal(CoreCanonicalApi.Functions.Length - 1, ex.Mismatches.Count(m => m.Actual == "missing"));
        Assert.Equal(CoreCanonicalApi.Functions.Length + 1, ex.Mismatches.Count);
        Assert.Contains("ITestApi.MovePoint", ex.Message);
    }

    [Fact]
    public void Host_imports_of_another_type_or_unknown_to_the_interface_are_listed_before_instantiation()
    {
        // The generated ITestHost.Define checks every import of the host interface's module: log takes (i32) here
        // instead of (i32, i32), and the module imports a function the interface does not have.
        var module = Wat("""
            (import "wasmmarshal:test/host@0.1.0" "log" (func (param i32)))
            (import "wasmmarshal:test/host@0.1.0" "shout" (func (param i32 i32)))
            (import "wasmmarshal:test/host@0.1.0" "prefix" (func (param i32)))
            (memory (export "memory") 1)
            (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 8))
            """);
        var ex = Assert.Throws<WasmBindingException>(() =>
            CanonicalGuest.Builder(TestGuests.MovingEngine, module).WithHost<ITestHost>(new TestHost()).Instantiate());
        Assert.Equal(2, ex.Mismatches.Count);
        var log = Assert.Single(ex.Mismatches, m => m.Item == "wasmmarshal:test/host@0.1.0.log");
        Assert.Equal("(i32, i32) -> ()", log.Expected);
        Assert.Equal("(i32) -> ()", log.Actual);
        Assert.Equal("ITestHost.Log", log.Member);
        Assert.Single(ex.Mismatches, m => m.Item == "wasmmarshal:test/host@0.1.0.shout" && m.Actual.Contains("no such function"));
    }

    [Fact]
    public void Host_functions_need_the_guests_realloc_for_their_results()
    {
        // prefix returns a string, which goes into a buffer from the guest's realloc: a module without one is refused.
        var module = Wat("""
            (import "wasmmarshal:test/host@0.1.0" "prefix" (func (param i32)))
            (memory (export "memory") 1)
            """);
        var ex = Assert.Throws<WasmBindingException>(() =>
            CanonicalGuest.Builder(TestGuests.MovingEngine, module).WithHost<ITestHost>(new TestHost()).Instantiate());
        var realloc = Assert.Single(ex.Mismatches);
        Assert.Equal("cabi_realloc", realloc.Item);
    }

    [Fact]
    public void A_module_mixing_the_schemes_is_told_so()
    {
        var module = Wat("""
            (memory (export "memory") 1)
            (func (export "cm32p2_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 8))
            (func (export "wasmmarshal:test/api@0.1.0#not") (param i32) (result i32) (i32.const 0))
            """);
        var exports = new CanonicalExports(module, "ITestApi");
        Assert.Equal(CanonicalNaming.Cm32p2, exports.Naming);
        exports.ExpectMemory("ITestApi");
        exports.ExpectRealloc("ITestApi");
        exports.ExpectFunction(TestWit.Api, "not", "ITestApi.Not", "(i32) -> i32");
        var ex = Assert.Throws<WasmBindingException>(exports.Complete);
        Assert.Equal(new[] { "cm32p2_memory", "cm32p2|wasmmarshal:test/api@0.1|not" }, ex.Mismatches.Select(m => m.Item));
        Assert.Contains("'memory'", ex.Mismatches[0].Actual);
        Assert.Contains("'wasmmarshal:test/api@0.1.0#not'", ex.Mismatches[1].Actual);
        Assert.NotNull(ex.Hint);
    }

    [Theory]
    // The examples wit-component documents for its semver "alternate lookup key", which the cm32p2 names use.
    [InlineData("foo:bar/baz@1.1.2", "foo:bar/baz@1")]
    [InlineData("foo:bar/baz@0.1.0", "foo:bar/baz@0.1")]
    [InlineData("foo:bar/baz@0.0.1", "foo:bar/baz@0.0.1")]
    [InlineData("foo:bar/baz@0.0.1+abc", "foo:bar/baz@0.0.1")]
    [InlineData("foo:bar/baz@0.1.0-rc.2+abc", "foo:bar/baz@0.1.0-rc.2")]
    [InlineData("foo:bar/baz", "foo:bar/baz")]
    public void Cm32p2_interface_names_shorten_the_version_to_its_semver_track(string name, string expected) =>
        Assert.Equal(expected, CanonicalExports.CanonicalInterfaceName(name));

    [Fact]
    public void Names_under_both_schemes()
    {
        // As jco embed --dummy writes them for wit/test.wit (and for a world-level function).
        Assert.Equal("wasmmarshal:test/api@0.1.0#greet", CanonicalExports.FunctionName(CanonicalNaming.Legacy, TestWit.Api, "greet"));
        Assert.Equal("cabi_post_wasmmarshal:test/api@0.1.0#greet", CanonicalExports.PostReturnName(CanonicalNaming.Legacy, TestWit.Api, "greet"));
        Assert.Equal("cm32p2|wasmmarshal:test/api@0.1|greet", CanonicalExports.FunctionName(CanonicalNaming.Cm32p2, TestWit.Api, "greet"));
        Assert.Equal("cm32p2|wasmmarshal:test/api@0.1|greet_post", CanonicalExports.PostReturnName(CanonicalNaming.Cm32p2, TestWit.Api, "greet"));
        Assert.Equal("cm32p2||f", CanonicalExports.FunctionName(CanonicalNaming.Cm32p2, null, "f"));
        Assert.Equal("f", CanonicalExports.FunctionName(CanonicalNaming.Legacy, null, "f"));
        Assert.Equal("cm32p2|wasmmarshal:test/host@0.1", CanonicalExports.ImportModule(CanonicalNaming.Cm32p2, TestWit.Host));
        Assert.Equal("cm32p2", CanonicalExports.ImportModule(CanonicalNaming.Cm32p2, null));
        Assert.Equal("$root", CanonicalExports.ImportModule(CanonicalNaming.Legacy, null));
    }
}
