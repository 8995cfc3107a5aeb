using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using WasmMarshal.CodeFixes;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// The code fixes of WasmMarshal.CodeFixes, through Roslyn's code-fix test framework: the analyzer reports the
/// diagnostic on the marked span, the fix turns the source into the expected text, and the fixed source has no
/// diagnostics left (the framework checks that itself).
/// </summary>
public sealed class CodeFixTests
{
    private const string Usings = """
        using System;
        using System.Runtime.InteropServices;
        using WasmMarshal;

        namespace Demo;

        """;

    [Fact]
    public Task WASM001_AddsPartial() => Verify<MakePartialCodeFix>("""
        [WasmImport]
        public interface {|WASM001:ICalculator|}
        {
            int Add(int a, int b);
        }
        """, """
        [WasmImport]
        public partial interface ICalculator
        {
            int Add(int a, int b);
        }
        """);

    [Fact]
    public Task WASM001_AddsPartialWithoutOtherModifiers() => Verify<MakePartialCodeFix>("""
        [WasmImport]
        interface {|WASM001:ICalculator|}
        {
            int Add(int a, int b);
        }
        """, """
        [WasmImport]
        partial interface ICalculator
        {
            int Add(int a, int b);
        }
        """);

    [Fact]
    public Task WASM004_MarksBoolFieldU1() => Verify<MarshalBoolAsU1CodeFix>("""
        public struct Flags
        {
            public int Count;
            public bool {|#1:Enabled|};
        }

        [WasmImport]
        public partial interface IFlags
        {
            void Set(in Flags {|#0:flags|});
        }
        """, """
        public struct Flags
        {
            public int Count;
            [MarshalAs(UnmanagedType.U1)]
            public bool Enabled;
        }

        [WasmImport]
        public partial interface IFlags
        {
            void Set(in Flags flags);
        }
        """, BoolFieldDiagnostic());

    [Fact]
    public Task WASM004_ReplacesWin32Bool() => Verify<MarshalBoolAsU1CodeFix>("""
        public struct Flags
        {
            [MarshalAs(UnmanagedType.Bool)]
            public bool {|#1:Enabled|};
            public int Count;
        }

        [WasmImport]
        public partial interface IFlags
        {
            void Set(in Flags {|#0:flags|});
        }
        """, """
        public struct Flags
        {
            [MarshalAs(UnmanagedType.U1)]
            public bool Enabled;
            public int Count;
        }

        [WasmImport]
        public partial interface IFlags
        {
            void Set(in Flags flags);
        }
        """, BoolFieldDiagnostic());

    [Fact]
    public async Task WASM004_FixesTheFieldInAnotherFileAndNestedStruct()
    {
        var test = NewTest<MarshalBoolAsU1CodeFix>();
        test.TestState.Sources.Add(("Structs.cs", """
            namespace Demo;

            public struct Inner
            {
                public bool {|#1:Ready|};
            }

            public struct Outer
            {
                public Inner Inner;
                public int Count;
            }
            """));
        test.TestState.Sources.Add(("Api.cs", Usings + """
            [WasmImport]
            public partial interface IOuter
            {
                void Send(Outer[] {|#0:items|});
            }
            """));
        test.FixedState.Sources.Add(("Structs.cs", """
            namespace Demo;

            public struct Inner
            {
                [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.U1)]
                public bool Ready;
            }

            public struct Outer
            {
                public Inner Inner;
                public int Count;
            }
            """));
        test.FixedState.Sources.Add(("Api.cs", Usings + """
            [WasmImport]
            public partial interface IOuter
            {
                void Send(Outer[] items);
            }
            """));
        test.ExpectedDiagnostics.Add(BoolFieldDiagnostic());
        await test.RunAsync();
    }

    [Fact]
    public Task WASM004_AutoPropertyGetsAFieldTarget() => Verify<MarshalBoolAsU1CodeFix>("""
        public struct Flags
        {
            public bool {|#1:Enabled|} { get; set; }
        }

        [WasmImport]
        public partial interface IFlags
        {
            void Set(Flags[] {|#0:flags|});
        }
        """, """
        public struct Flags
        {
            [field: MarshalAs(UnmanagedType.U1)]
            public bool Enabled { get; set; }
        }

        [WasmImport]
        public partial interface IFlags
        {
            void Set(Flags[] flags);
        }
        """, BoolFieldDiagnostic());

    [Fact]
    public Task WASM006_NamesTheSecondOverload() => Verify<AddWasmNameCodeFix>("""
        [WasmImport]
        public partial interface IOverload
        {
            int F(int value);
            long {|WASM006:F|}(long value);
        }
        """, """
        [WasmImport]
        public partial interface IOverload
        {
            int F(int value);
            [WasmName("f_2")]
            long F(long value);
        }
        """);

    [Fact]
    public Task WASM006_SkipsNamesInUseAndReplacesTheAttribute() => Verify<AddWasmNameCodeFix>("""
        [WasmImport]
        public partial interface INames
        {
            void Run();
            void RunFast();
            [WasmName("run")]
            void {|WASM006:Go|}();
            [WasmName("run_2")]
            void Other();
        }
        """, """
        [WasmImport]
        public partial interface INames
        {
            void Run();
            void RunFast();
            [WasmName("run_3")]
            void Go();
            [WasmName("run_2")]
            void Other();
        }
        """);

    [Fact]
    public Task WASM014_RenamesAReservedExport() => Verify<AddWasmNameCodeFix>("""
        [WasmImport]
        public partial interface IHeap
        {
            /// <summary>Allocates.</summary>
            uint {|WASM014:Malloc|}(uint size);
        }
        """, """
        [WasmImport]
        public partial interface IHeap
        {
            /// <summary>Allocates.</summary>
            [WasmName("malloc_2")]
            uint Malloc(uint size);
        }
        """);

    [Fact]
    public Task WASM009_OutStringBecomesTheReturnValue() => Verify<ReturnStringCodeFix>("""
        [WasmImport]
        public partial interface INames
        {
            void GetName(int id, [WasmString(WasmStringEncoding.Utf16)] out string {|WASM009:name|});
        }
        """, """
        [WasmImport]
        public partial interface INames
        {
            [return: WasmString(WasmStringEncoding.Utf16)]
            string GetName(int id);
        }
        """);

    [Fact]
    public Task WASM009_RefStringBecomesInputAndReturnValue() => Verify<ReturnStringCodeFix>("""
        [WasmImport]
        public partial interface IText
        {
            void Upper(ref string {|WASM009:text|}, int count);
        }
        """, """
        [WasmImport]
        public partial interface IText
        {
            string Upper(string text, int count);
        }
        """);

    [Fact]
    public Task WASM009_RefStringKeepsItsEncodingOnBothSides() => Verify<ReturnStringCodeFix>("""
        [WasmImport]
        public partial interface IText
        {
            /// <summary>Upper-cases.</summary>
            void Upper([WasmString(WasmStringEncoding.Utf16)] ref string? {|WASM009:text|});
        }
        """, """
        [WasmImport]
        public partial interface IText
        {
            /// <summary>Upper-cases.</summary>
            [return: WasmString(WasmStringEncoding.Utf16)]
            string? Upper([WasmString(WasmStringEncoding.Utf16)] string? text);
        }
        """);

    [Fact]
    public Task WASM009_NoFixWhenTheMethodReturnsAValue() => Verify<ReturnStringCodeFix>("""
        [WasmImport]
        public partial interface IText
        {
            int Upper(ref string {|WASM009:text|});
        }
        """, """
        [WasmImport]
        public partial interface IText
        {
            int Upper(ref string {|WASM009:text|});
        }
        """);

    private static DiagnosticResult BoolFieldDiagnostic() =>
        new DiagnosticResult("WASM004", DiagnosticSeverity.Error).WithLocation(0).WithLocation(1);

    private static Task Verify<TFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
    {
        var test = NewTest<TFix>();
        test.TestCode = Usings + source;
        test.FixedCode = Usings + fixedSource;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// A test whose references are those of <see cref="GeneratorHarness"/> (the running framework and WasmMarshal's
    /// assemblies): the framework's default would download reference packs from NuGet while testing.
    /// </summary>
    private static CSharpCodeFixTest<WasmMarshalAnalyzer, TFix, DefaultVerifier> NewTest<TFix>()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<WasmMarshalAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net"),
        };
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        return test;
    }
}
