using System.Linq;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// The default wasm name of a method is its snake_case form. WasmNames is internal, so this is checked through the
/// generated binding: the import binder's Expect lines and the export binder's DefineFunction lines.
/// </summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("AddI32", "add_i32")]
    [InlineData("ParseHTTPHeader", "parse_http_header")]
    [InlineData("Vec3Dot", "vec3_dot")]
    [InlineData("GetCounter", "get_counter")]
    [InlineData("IOError", "io_error")]
    [InlineData("GetUTF8String", "get_utf8_string")]
    [InlineData("Sum", "sum")]
    [InlineData("X", "x")]
    [InlineData("Already_Snake", "already_snake")]
    public void MethodNamesBecomeSnakeCase(string method, string expected)
    {
        var run = GeneratorHarness.Run($$"""
            using WasmMarshal;

            namespace Demo;

            [WasmImport]
            public partial interface IGuest
            {
                void {{method}}();
            }

            [WasmExport]
            public partial interface IHost
            {
                void {{method}}();
            }
            """);

        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
        string import = run.Sources.Single(s => s.HintName.StartsWith("Demo.IGuest", System.StringComparison.Ordinal)).Text;
        string export = run.Sources.Single(s => s.HintName.StartsWith("Demo.IHost", System.StringComparison.Ordinal)).Text;
        Assert.Contains(ExpectedBinding.Line(expected, method, "() -> ()"), import);
        Assert.Contains($"WasmHostFunctions.Define(linker, \"env\", \"{expected}\", ", export);
    }

    /// <summary>All four names from the brief in one interface, as the Expect lines of one binding.</summary>
    [Fact]
    public void OneInterfaceExpectsEverySnakeCaseName()
    {
        var run = GeneratorHarness.Run("""
            using WasmMarshal;

            namespace Demo;

            [WasmImport]
            public partial interface IMath
            {
                int AddI32(int a, int b);
                int ParseHTTPHeader(int header);
                float Vec3Dot(float x, float y);
                int GetCounter();
            }
            """);

        var expects = run.Sources.Single().Text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("binder.Expect(", System.StringComparison.Ordinal))
            .ToArray();
        Assert.Equal(
            new[]
            {
                ExpectedBinding.Line("add_i32", "AddI32", "(i32, i32) -> i32"),
                ExpectedBinding.Line("parse_http_header", "ParseHTTPHeader", "(i32) -> i32"),
                ExpectedBinding.Line("vec3_dot", "Vec3Dot", "(f32, f32) -> f32"),
                ExpectedBinding.Line("get_counter", "GetCounter", "() -> i32"),
            },
            expects);
    }
}
