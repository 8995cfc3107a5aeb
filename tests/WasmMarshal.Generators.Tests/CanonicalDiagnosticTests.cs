using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// What a [WasmCanonicalAbi] interface cannot express: each member gets exactly one WASM015 naming it and why, the rest of
/// the interface is still generated (a stub whose bad member throws), and the generated code compiles.
/// </summary>
public sealed class CanonicalDiagnosticTests
{
    [Theory]
    [InlineData("void Fill(ref int count);", "parameter 'count' is passed by ref")]
    [InlineData("void Fill(out int count);", "parameter 'count' is passed by out")]
    [InlineData("void Fill(in int count);", "parameter 'count' is passed by in")]
    [InlineData("void Fill(Span<byte> data);", "a Span<T> would be copied back")]
    [InlineData("void Use(IDisposable handle);", "would be a WIT resource (own/borrow); resources are not supported")]
    [InlineData("void Use(Handle handle);", "would be a WIT resource (own/borrow); resources are not supported")]
    [InlineData("void Next(char c);", "WIT char is System.Text.Rune")]
    [InlineData("void Paint(Gappy color);", "'Gappy' is a WIT enum, whose cases are numbered 0, 1, 2... in order: 'Two' should be 1, not 2")]
    [InlineData("void Grant(BadFlags flags);", "label i is bit i: 'Write' should be 2 (0x2), not 4")]
    [InlineData("void Walk(Node node);", "'Node' contains itself")]
    [InlineData("void Pick(Open shape);", "the variant 'Open' is not closed")]
    [InlineData("ReadOnlySpan<byte> Read();", "a span cannot outlive the call")]
    [InlineData("void Log([WasmString(WasmStringEncoding.Latin1)] string text);", "one string encoding")]
    [InlineData("System.Threading.Tasks.Task<int> Later();", "calls are synchronous")]
    [InlineData("void Many(int? maybe, Plain plain);", "declare a record struct for a WIT record")]
    public void Inexpressible_members_are_named(string member, string reason) => Named("WasmImport", member, reason);

    [Fact]
    public void A_host_function_with_more_core_parameters_than_DefineFunction_takes() =>
        Named("WasmExport", "void Many(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j, long k, long l, long m);",
            "it lowers to 13 core parameters, and Wasmtime .NET's Linker.DefineFunction takes at most 12");

    private static void Named(string direction, string member, string reason)
    {
        string source = $$"""
            using System;
            using WasmMarshal;

            namespace Demo;

            public class Handle { }
            public enum Gappy { Zero, Two = 2 }
            [Flags] public enum BadFlags { None = 0, Read = 1, Write = 4 }
            public sealed record Node(int Value, Node[] Children);
            public abstract record Open { public sealed record Case(int X) : Open; }
            public struct Plain { public int X; }

            [{{direction}}]
            [WasmCanonicalAbi("demo:test/api@0.1.0")]
            public partial interface IApi
            {
                {{member}}
                uint Fine(string s);
            }
            """;
        var compilation = GeneratorHarness.Compile(source);
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assert.True(compileErrors.IsEmpty, GeneratorHarness.Format(compileErrors));
        var diagnostic = Assert.Single(GeneratorHarness.RunAnalyzer(compilation));
        Assert.Equal("WASM015", diagnostic.Id);
        Assert.Contains("component model's canonical ABI", diagnostic.GetMessage());
        Assert.Contains("'IApi.", diagnostic.GetMessage());
        Assert.Contains(reason, diagnostic.GetMessage());

        var run = GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver());
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems) + "\n" + run.CombinedSource);
        if (direction == "WasmImport")
        {
            Assert.Contains("uint global::Demo.IApi.Fine(string __a0)", run.CombinedSource);
            Assert.Contains("WasmBindings.NotBound(", run.CombinedSource);
        }
        else
        {
            Assert.Contains("\"fine\"", run.CombinedSource);
        }
    }

    [Fact]
    public void Unusual_shapes_compile_without_a_warning()
    {
        // Nesting the snapshot does not cover: options of lists, lists of options, tuples and records in lists, a
        // record class, variant payloads that are lists and records, wide enums, 32 flags, a one-element tuple.
        var run = GeneratorHarness.Run("""
            using System;
            using System.Collections.Generic;
            using System.Text;
            using WasmMarshal;
            using WasmMarshal.Canonical;

            namespace Demo.Odd;

            public sealed record Box(string Name, Rune[] Letters, Mode Mode, All Bits);
            public enum Mode : long { Off, On }
            [Flags] public enum All : uint
            {
                None = 0, B0 = 1u << 0, B1 = 1u << 1, B2 = 1u << 2, B3 = 1u << 3, B4 = 1u << 4, B5 = 1u << 5, B6 = 1u << 6, B7 = 1u << 7,
                B8 = 1u << 8, B9 = 1u << 9, B10 = 1u << 10, B11 = 1u << 11, B12 = 1u << 12, B13 = 1u << 13, B14 = 1u << 14, B15 = 1u << 15,
                B16 = 1u << 16, B17 = 1u << 17, B18 = 1u << 18, B19 = 1u << 19, B20 = 1u << 20, B21 = 1u << 21, B22 = 1u << 22, B23 = 1u << 23,
                B24 = 1u << 24, B25 = 1u << 25, B26 = 1u << 26, B27 = 1u << 27, B28 = 1u << 28, B29 = 1u << 29, B30 = 1u << 30, B31 = 1u << 31,
            }
            public abstract record Node
            {
                private Node() { }
                public sealed record Leaf(Box Box) : Node;
                public sealed record Many(uint[] Ids, string?[] Names) : Node;
                public sealed record Pair(double A, Mode B) : Node;
            }

            [WasmImport]
            [WasmCanonicalAbi("demo:odd/api@0.1.0")]
            public partial interface IOdd
            {
                uint[]? Maybe(string?[] names, (int, string)[] pairs);
                Node Walk(Node node, Box box, ValueTuple<ulong> one);
                WitResult<byte[], Box> Open(IReadOnlyList<Node> nodes, All all);
                Mode[] Modes(ReadOnlySpan<Mode> modes, bool[]? flags);
            }

            [WasmExport]
            [WasmCanonicalAbi("demo:odd/host@0.1.0")]
            public partial interface IOddHost
            {
                Node Make(Box box, Mode? previous);
                Box[] Boxes(IReadOnlyList<string> names);
                WitResult<WitUnit, WitUnit> Ping(Rune r);
                double Spilled(Box a, Box b, Box c, string d);
            }
            """);
        Assert.True(run.AnalyzerDiagnostics().IsEmpty, GeneratorHarness.Format(run.AnalyzerDiagnostics()));
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems) + "\n" + run.CombinedSource);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("api", "it must be 'namespace:package/interface'")]
    [InlineData("demo:test", "it must be 'namespace:package/interface'")]
    [InlineData("demo:Test_x/api", "'Test_x' is not a WIT identifier")]
    [InlineData("demo:test/api@x", "semver")]
    public void Bad_interface_names(string name, string reason)
    {
        var compilation = GeneratorHarness.Compile($$"""
            using WasmMarshal;

            namespace Demo;

            [WasmImport]
            [WasmCanonicalAbi("{{name}}")]
            public partial interface IApi
            {
                uint Count(string s);
            }
            """);
        var diagnostic = Assert.Single(GeneratorHarness.RunAnalyzer(compilation));
        Assert.Equal("WASM016", diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage());
    }
}
