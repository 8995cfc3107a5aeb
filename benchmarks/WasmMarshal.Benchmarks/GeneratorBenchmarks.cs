using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WasmMarshal.Generators;
using WasmMarshal.Generators.Tests.Support;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// The source generator on 1,000 methods (50 [WasmImport] interfaces of 20 methods mixing scalars, strings, spans,
/// structs by reference and string returns): a full run with a fresh driver, and the incremental run after an
/// unrelated edit (which should re-run nothing; tests/WasmMarshal.Generators.Tests/GeneratorScaleTests checks that).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Latest);
    private CSharpCompilation _input = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(new[] { typeof(WasmGuest).Assembly.Location, typeof(Allocation.IGuestAllocator).Assembly.Location, typeof(Wasmtime.Engine).Assembly.Location })
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));
        _input = CSharpCompilation.Create("Scale", new[] { CSharpSyntaxTree.ParseText(ThousandMethods.Source(), s_parse, "Scale.cs") }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        _edited = _input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal sealed class Unrelated { }", s_parse, "Unrelated.cs"));
        _warmDriver = NewDriver().RunGenerators(_input);

        var result = _warmDriver.GetRunResult();
        int stubs = result.GeneratedTrees.Sum(t => ThousandMethods.CountStubs(t.ToString()));
        if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || stubs != ThousandMethods.Interfaces * ThousandMethods.MethodsPerInterface)
        {
            throw new InvalidOperationException($"The generator produced {stubs} stubs and {result.Diagnostics.Length} diagnostics.");
        }
    }

    [Benchmark(Baseline = true, Description = "generate 1,000 methods (fresh driver)")]
    public int Full() => NewDriver().RunGenerators(_input).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "re-run after an unrelated edit (incremental)")]
    public int Incremental() => _warmDriver.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length;

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(new[] { new WasmMarshalGenerator().AsSourceGenerator() }, parseOptions: s_parse);
}
