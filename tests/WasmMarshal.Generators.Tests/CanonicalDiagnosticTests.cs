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
    public void Inexpressible_members_are_named(string member, string reason)
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

            [WasmImport]
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
        Assert.Contains("uint global::Demo.IApi.Fine(string __a0)", run.CombinedSource);
        Assert.Contains("WasmBindings.NotBound(", run.CombinedSource);
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
