using System.Linq;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// Generator bugs found in review, each kept as a regression test. The summaries describe the bug as it was.
/// </summary>
public sealed class RegressionTests
{
    /// <summary>
    /// Wasm32Layout.cs computes the .NET offset of a nested-struct field with the nested struct's wasm32 C alignment.
    /// A Pack = 1 struct whose fields happen to sit at natural offsets has .NET alignment 1 but C alignment 4, so .NET
    /// puts <c>Inner</c> at offset 1 (size 9) while C puts it at 4 (size 12). No WASM004; the copy is garbage.
    /// </summary>
    [Fact]
    public void NestedPackedStructWithDifferentAlignmentIsReported()
    {
        var diagnostics = GeneratorHarness.Run("""
            using System.Runtime.InteropServices;
            using WasmMarshal;

            namespace Demo;

            [StructLayout(LayoutKind.Sequential, Pack = 1)]
            public struct PackedPair { public int A; public int B; }

            public struct Outer { public byte Tag; public PackedPair Inner; }

            [WasmImport]
            public partial interface IStore { void Put(in Outer value); }
            """).AnalyzerDiagnostics();

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("WASM004", diagnostic.Id);
        Assert.Contains("field 'Inner'", diagnostic.GetMessage());
    }

    /// <summary>
    /// For an import method with an unsupported parameter, return type or generic signature, InterfaceParser drops the
    /// parameter (or uses void) and the stub's explicit implementation no longer matches the interface: CS0535 and
    /// CS0539 in generated code on top of the WASM diagnostic. Properties and events get no stub member at all.
    /// </summary>
    [Fact]
    public void UnsupportedImportMembersProduceOnlyTheWasmDiagnostics()
    {
        var run = GeneratorHarness.Run("""
            using WasmMarshal;

            namespace Demo;

            [WasmImport]
            public partial interface IBad
            {
                void Take(object handle);
                object Make();
                T Generic<T>(T value);
                int Count { get; }
                int Fine(int a);
            }
            """);

        Assert.Equal(new[] { "WASM002", "WASM003", "WASM007", "WASM007" }, run.AnalyzerDiagnostics().Select(d => d.Id).OrderBy(id => id));
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
    }

    /// <summary>
    /// An interface in a nullable-oblivious context (no &lt;Nullable&gt; in the project, or #nullable disable) has
    /// IsNullable = true but a TypeDisplay without '?'; the generated file is #nullable enable, so
    /// <c>int[] __result = ...; __result = null;</c> warns CS8600 and <c>return __result;</c> CS8603.
    /// </summary>
    [Fact]
    public void NullableObliviousInterfaceCompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run("""
            #nullable disable
            using WasmMarshal;

            namespace Demo;

            [WasmImport]
            public partial interface ILegacy
            {
                int[] Range(int n);
                string Echo(string text);
            }
            """);

        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
    }

    /// <summary>
    /// A private or protected nested interface gets a [ModuleInitializer] that is not accessible at module level:
    /// CS8814. Expected: a WASM diagnostic, or no module-initializer registration for such interfaces.
    /// </summary>
    [Fact]
    public void PrivateNestedInterfaceCompiles()
    {
        var run = GeneratorHarness.Run("""
            using WasmMarshal;

            namespace Demo;

            public partial class Plugin
            {
                [WasmImport]
                private partial interface IGuest { int Add(int a, int b); }

                [WasmExport]
                protected partial interface IHost { void Log(string message); }
            }
            """);

        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
    }

    /// <summary>
    /// Stub delegate fields are named "_" + the sanitized wasm name, which collides with the stub's own _guest and
    /// _allocator fields, and between wasm names that differ only in characters that are not identifier characters
    /// (WASM006 compares exact names only). Result: CS0102 and CS0229 in generated code.
    /// </summary>
    [Fact]
    public void StubFieldNamesDoNotCollide()
    {
        var run = GeneratorHarness.Run("""
            using WasmMarshal;

            namespace Demo;

            [WasmImport]
            public partial interface IGuest
            {
                int Guest();
                int Allocator(string name);

                [WasmName("get-x")]
                int DashedX();

                [WasmName("get_x")]
                int SnakeX();
            }
            """);

        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
    }

    /// <summary>
    /// ValueModel.IsReturn is <c>Name == "return"</c>, so a parameter declared <c>@return</c> is marshalled as the
    /// return value and left out of the call: CS7036 in generated code.
    /// </summary>
    [Fact]
    public void ParameterNamedReturnIsMarshalled()
    {
        var run = GeneratorHarness.Run("""
            using WasmMarshal;

            namespace Demo;

            [WasmImport]
            public partial interface IGuest { int Compute(int @return, int b); }
            """);

        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
    }

    /// <summary>
    /// The hint name comes from ToDisplayString(), which escapes keywords: 'Demo.@event.IGuest.WasmMarshal.g.cs'.
    /// AddSource rejects '@' and the generator throws (CS8785 in a real build, and no binding at all).
    /// </summary>
    [Fact]
    public void KeywordNamespaceDoesNotCrashTheGenerator()
    {
        var run = GeneratorHarness.Run("""
            using WasmMarshal;

            namespace Demo.@event;

            [WasmImport]
            public partial interface IGuest { int Add(int a, int b); }
            """);

        Assert.Single(run.Sources);
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
    }

    /// <summary>
    /// Nullability attributes on parameters are not copied to the explicit implementation, so [AllowNull] on the
    /// interface makes the stub's parameter stricter: CS8769, an error under TreatWarningsAsErrors.
    /// </summary>
    [Fact]
    public void NullabilityAttributesAreHonoured()
    {
        var run = GeneratorHarness.Run("""
            using System.Diagnostics.CodeAnalysis;
            using WasmMarshal;

            namespace Demo;

            [WasmImport]
            public partial interface IGuest { void Log([AllowNull] string message); }
            """);

        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
    }
}
