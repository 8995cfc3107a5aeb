using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>Every passing mode and return shape, in both directions, compiles without a warning.</summary>
public sealed class PassingModeTests
{
    [Fact]
    public void EveryPassingModeCompilesInBothDirections()
    {
        const string members = """
                float ByValue(Vec3 v);
                float ByIn(in Vec3 v);
                float ByRefReadonly(ref readonly Vec3 v);
                void ByRef(ref Vec3 v);
                void ByOut(out Vec3 v);
                int ScalarRefs(in int a, ref bool b, out double c);
                int Spans(System.ReadOnlySpan<int> a, System.Span<bool> b, int[]? c, byte[] d);
                Vec3 ReturnStruct(ref int counter);
                string ReturnString(System.Span<int> fill);
                string? ReturnNullable(out int length);
                [return: WasmString(WasmStringEncoding.Utf8NulTerminated)] string ReturnCString(ref long x);
                int[]? ReturnArray(out Vec3 v);
                bool ReturnBool(ref Vec3 v);
            """;
        var run = GeneratorHarness.Run($$"""
            using WasmMarshal;

            namespace Demo;

            public struct Vec3 { public float X, Y, Z; }

            [WasmImport]
            public partial interface IGuest
            {
            {{members}}
            }

            [WasmExport]
            public partial interface IHost
            {
            {{members}}
            }
            """);

        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
        Assert.Empty(run.AnalyzerDiagnostics());
    }
}
