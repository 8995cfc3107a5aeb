using System.Linq;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// Generated code must compile whatever the user calls parameters and methods: generated locals are named from a
/// parameter's index and role, never from the user's name. Before, <c>string Echo(string @return)</c> declared
/// <c>__return_ptr</c> twice (CS0128) and a parameter named <c>__method</c> clashed with the stub's local (CS0136).
/// </summary>
public sealed class GeneratedNamesTests
{
    private const string Members = """
            string Echo(string @return);
            int Add(int __method, int __view);
            string Join(string __result, string? value);
            void Fill(System.Span<int> @class, ref int __scope);
            int Pick(in Point __ret_area, out Point __a0, int __a1_ptr);
            Point Mirror(Point __allocator, Point __guestHeap);
            int[] Copy(int[] __e, System.ReadOnlySpan<int> __exception);
            [WasmString(WasmStringEncoding.Utf8NulTerminated)] string CString([WasmString(WasmStringEncoding.Utf8NulTerminated)] string __ret_core);
            int __method(int @event);
            int __frame(int __result);
            void __view();
            int __wasmGuest(int guest, int linker, int implementation);
        """;

    private const string Source = """
        using WasmMarshal;

        namespace Demo;

        public struct Point { public int X; public int Y; }

        [WasmImport]
        public partial interface IGuest
        {
        MEMBERS
        }

        [WasmExport]
        public partial interface IHost
        {
        MEMBERS
        }
        """;

    [Fact]
    public void ParametersAndMethodsNamedLikeGeneratedLocalsCompile()
    {
        var run = GeneratorHarness.Run(Source.Replace("MEMBERS", Members));

        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
        Assert.Empty(run.AnalyzerDiagnostics());
        string import = run.Sources.Single(s => s.HintName.StartsWith("Demo.IGuest", System.StringComparison.Ordinal)).Text;

        // The user's names survive where they mean something: in messages and ArgumentNullException.ParamName.
        Assert.Contains("ThrowIfNull(__a0, \"return\")", import);
        Assert.Contains("\"__result\"", import);
    }

    /// <summary>
    /// A static abstract member made the stub fail to compile (CS0535 on the stub, CS8920 on every use of the interface
    /// as a type argument), and those errors buried the WASM diagnostics. Nothing is generated for such an interface.
    /// </summary>
    [Theory]
    [InlineData("WasmImport")]
    [InlineData("WasmExport")]
    public void StaticAbstractMemberGivesOnlyAWasmDiagnostic(string attribute)
    {
        var run = GeneratorHarness.Run($$"""
            using WasmMarshal;

            namespace Demo;

            [{{attribute}}]
            public partial interface IFactory
            {
                static abstract int Create();
                static abstract int Count { get; }
                int Fine(int a);
            }
            """);

        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
        var diagnostics = run.AnalyzerDiagnostics();
        Assert.Equal(new[] { "WASM007", "WASM007" }, diagnostics.Select(d => d.Id));
        Assert.All(diagnostics, d => Assert.Contains("static abstract", d.GetMessage()));
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("Demo.IFactory", System.StringComparison.Ordinal));
    }

    /// <summary>A <c>byte*</c> parameter gave CS0214 inside the generated file instead of WASM002.</summary>
    [Theory]
    [InlineData("WasmImport")]
    [InlineData("WasmExport")]
    public void PointerParameterGivesWasm002AndCompilingCode(string attribute)
    {
        var run = GeneratorHarness.Run($$"""
            using WasmMarshal;

            namespace Demo;

            [{{attribute}}]
            public unsafe partial interface IRaw
            {
                int Sum(byte* data, int length);
                delegate*<int, int> Callback();
                int Fine(int a);
            }
            """);

        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
        var diagnostics = run.AnalyzerDiagnostics();
        Assert.Equal(new[] { "WASM002", "WASM003" }, diagnostics.Select(d => d.Id));
        Assert.Contains("host pointer", diagnostics[0].GetMessage());
    }
}

/// <summary>[GeneratedCode] names the generator's version as the build sets it, not a version typed into the generator.</summary>
public sealed class GeneratedCodeVersionTests
{
    [Fact]
    public void GeneratedCodeCarriesTheBuildVersion()
    {
        string props = System.IO.File.ReadAllText(FindUp("Directory.Build.props"));
        var match = System.Text.RegularExpressions.Regex.Match(props, "<VersionPrefix>([^<]+)</VersionPrefix>");
        Assert.True(match.Success, "Directory.Build.props has no <VersionPrefix>");

        var run = GeneratorHarness.Run("""
            using WasmMarshal;

            namespace Demo;

            [WasmImport]
            public partial interface IGuest { int Add(int a, int b); }
            """);

        Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"WasmMarshal.Generators\", \"{match.Groups[1].Value}\")]", run.CombinedSource);
    }

    private static string FindUp(string file)
    {
        for (var directory = new System.IO.DirectoryInfo(System.AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string path = System.IO.Path.Combine(directory.FullName, file);
            if (System.IO.File.Exists(path))
            {
                return path;
            }
        }

        throw new System.IO.FileNotFoundException(file);
    }
}
