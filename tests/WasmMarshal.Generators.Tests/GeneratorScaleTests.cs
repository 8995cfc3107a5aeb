using System.Diagnostics;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// The generator on a project of 1,000 methods (50 interfaces of 20): it generates every stub, the output compiles,
/// and incremental runs redo only what an edit touched. The timing target itself is a BenchmarkDotNet benchmark
/// (GeneratorBenchmarks in benchmarks/WasmMarshal.Benchmarks); here time is only reported, under a generous guard.
/// </summary>
public sealed class GeneratorScaleTests(ITestOutputHelper output)
{
    public const int Interfaces = 50;
    public const int MethodsPerInterface = 20;

    [Fact]
    public void A_thousand_methods_generate_and_compile()
    {
        var input = GeneratorHarness.Compile(ThousandMethods.Source());
        GeneratorHarness.Run(input, GeneratorHarness.CreateDriver()); // JIT and Roslyn warm-up

        var clock = Stopwatch.StartNew();
        var run = GeneratorHarness.Run(input, GeneratorHarness.CreateDriver());
        clock.Stop();
        output.WriteLine($"1,000 methods: generator run (fresh driver, warm process) {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(Interfaces, run.Sources.Count(s => s.HintName.EndsWith(".WasmMarshal.g.cs")));
        int stubs = run.Sources.Sum(s => CountOf(s.Text, "const string __method = "));
        Assert.Equal(Interfaces * MethodsPerInterface, stubs);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.True(clock.Elapsed.TotalSeconds < 10, $"Generating 1,000 methods took {clock.Elapsed}; the target is under 1 s.");
    }

    [Fact]
    public void An_unrelated_edit_re_runs_nothing()
    {
        var first = GeneratorHarness.Run(ThousandMethods.Source());
        var second = IncrementalAssert.CachesAcrossUnrelatedEdit(first);

        // Not only the models: no source output step ran again either.
        var outputs = second.Result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"An output step was {o.Reason} after an unrelated edit."));
    }

    [Fact]
    public void Editing_one_interface_re_runs_only_that_interface()
    {
        var first = GeneratorHarness.Run(ThousandMethods.Source());
        var tree = first.Input.SyntaxTrees.Single();
        string text = tree.ToString();
        var edited = first.Input.ReplaceSyntaxTree(tree, GeneratorHarness.Parse(
            text.Replace("int Add7_0(int a, int b);", "long Add7_0(long a, long b);"), GeneratorHarness.SnippetPath));

        var second = GeneratorHarness.Run(edited, first.Driver);

        var reasons = second.Result.TrackedSteps[WasmMarshalGenerator.TrackingNames.ImportModels]
            .SelectMany(step => step.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(Interfaces, reasons.Count);
        Assert.Equal(1, reasons.Count(r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
        Assert.Equal(Interfaces - 1, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("\"(i64, i64) -> i64\"", second.CombinedSource);
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, System.StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

/// <summary>50 [WasmImport] interfaces of 20 methods each, mixing every common shape.</summary>
public static class ThousandMethods
{
    public static string Source()
    {
        var source = new StringBuilder("""
            using System;
            using System.Runtime.InteropServices;
            using WasmMarshal;

            namespace Scale;

            [StructLayout(LayoutKind.Sequential)]
            public struct Vec3 { public float X, Y, Z; }

            """);
        for (int i = 0; i < GeneratorScaleTests.Interfaces; i++)
        {
            source.AppendLine("[WasmImport]").AppendLine($"public partial interface IGuest{i}").AppendLine("{");
            for (int m = 0; m < GeneratorScaleTests.MethodsPerInterface / 5; m++)
            {
                source.AppendLine($"    int Add{i}_{m}(int a, int b);")
                    .AppendLine($"    uint Hash{i}_{m}(string text);")
                    .AppendLine($"    ulong Checksum{i}_{m}(ReadOnlySpan<byte> data);")
                    .AppendLine($"    float Length{i}_{m}(in Vec3 v);")
                    .AppendLine($"    string Upper{i}_{m}(string text);");
            }

            source.AppendLine("}").AppendLine();
        }

        return source.ToString();
    }
}
