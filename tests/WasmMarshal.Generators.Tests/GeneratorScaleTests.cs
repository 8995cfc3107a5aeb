using System.Diagnostics;
using System.Linq;
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
    private const int Interfaces = ThousandMethods.Interfaces;
    private const int MethodsPerInterface = ThousandMethods.MethodsPerInterface;

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
        int stubs = run.Sources.Sum(s => ThousandMethods.CountStubs(s.Text));
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
        Assert.Contains(ExpectedBinding.Line("add7_0", "Add7_0", "(i64, i64) -> i64"), second.CombinedSource);
    }
}
