using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WasmMarshal.Generators.Tests.Support;

/// <summary>One generated file: its hint name and its text (line endings normalised to <c>\n</c>).</summary>
public sealed record GeneratedSource(string HintName, string Text);

/// <summary>What running the generator (and the analyzer) over a snippet produced.</summary>
public sealed class GeneratorRun
{
    internal GeneratorRun(
        CSharpCompilation input,
        GeneratorDriver driver,
        GeneratorRunResult result,
        Compilation output,
        ImmutableArray<Diagnostic> generatorDiagnostics,
        ImmutableArray<GeneratedSource> sources)
    {
        Input = input;
        Driver = driver;
        Result = result;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
        Sources = sources;
    }

    /// <summary>The snippet's compilation, before generation.</summary>
    public CSharpCompilation Input { get; }

    /// <summary>The driver after the run; run it again to check incremental caching.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The run result of the (single) generator, with its tracked steps.</summary>
    public GeneratorRunResult Result { get; }

    /// <summary>The snippet plus every generated source.</summary>
    public Compilation Output { get; }

    /// <summary>Diagnostics the generator itself reported (it reports none; the analyzer does).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Every generated source, ordered by hint name.</summary>
    public ImmutableArray<GeneratedSource> Sources { get; }

    /// <summary>All generated sources as one text, each introduced by a comment naming its hint name.</summary>
    public string CombinedSource =>
        string.Concat(Sources.Select(s => "//----- " + s.HintName + " -----\n" + s.Text));

    /// <summary>Compiler diagnostics of the output compilation (snippet plus generated code).</summary>
    public ImmutableArray<Diagnostic> OutputDiagnostics => Output.GetDiagnostics();

    /// <summary>
    /// Output diagnostics of severity Warning or Error, as a build with TreatWarningsAsErrors would see them. CS1591
    /// (missing XML comment) is ignored in the snippet itself, which is test input, but not in generated code.
    /// </summary>
    public ImmutableArray<Diagnostic> StrictOutputProblems => OutputDiagnostics
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .Where(d => !(d.Id == "CS1591" && d.Location.SourceTree?.FilePath == GeneratorHarness.SnippetPath))
        .ToImmutableArray();

    /// <summary>Runs <see cref="WasmMarshalAnalyzer"/> over the snippet and returns what it reports.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics() => GeneratorHarness.RunAnalyzer(Input);
}

/// <summary>
/// Compiles C# snippets against the running framework and WasmMarshal's runtime assemblies, and runs
/// <see cref="WasmMarshalGenerator"/> and <see cref="WasmMarshalAnalyzer"/> over them.
/// </summary>
public static class GeneratorHarness
{
    /// <summary>The file path given to the snippet's syntax tree.</summary>
    public const string SnippetPath = "Snippet.cs";

    /// <summary>C# 12, the newest language Roslyn 4.8 (the generator's Roslyn) knows; what LangVersion=latest means for it.</summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>
    /// As strict as the repository's build: nullable enabled, unsafe allowed, every warning wave on. The strictness
    /// checks then demand zero warnings, as TreatWarningsAsErrors would.
    /// </summary>
    public static readonly CSharpCompilationOptions CompilationOptions =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithAllowUnsafe(true)
            .WithWarningLevel(9999)
            .WithConcurrentBuild(false);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The framework's assemblies plus WasmMarshal.Runtime, WasmMarshal.Allocator and Wasmtime.Dotnet.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>Parses and compiles <paramref name="source"/> (no generator run).</summary>
    public static CSharpCompilation Compile(string source, string assemblyName = "Snippet") =>
        CSharpCompilation.Create(
            assemblyName,
            new[] { Parse(source, SnippetPath) },
            References,
            CompilationOptions);

    /// <summary>A syntax tree with the harness's parse options.</summary>
    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    /// <summary>A driver for <see cref="WasmMarshalGenerator"/> that tracks its incremental steps.</summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new WasmMarshalGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Compiles <paramref name="source"/> and runs the generator over it.</summary>
    public static GeneratorRun Run(string source)
    {
        var input = Compile(source);
        return Run(input, CreateDriver());
    }

    /// <summary>Runs <paramref name="driver"/> over <paramref name="input"/>.</summary>
    public static GeneratorRun Run(CSharpCompilation input, GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw.", result.Exception);
        }

        var sources = result.GeneratedSources
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => new GeneratedSource(s.HintName, Normalize(s.SourceText.ToString())))
            .ToImmutableArray();
        return new GeneratorRun(input, driver, result, output, generatorDiagnostics, sources);
    }

    /// <summary>Runs <see cref="WasmMarshalAnalyzer"/> over <paramref name="compilation"/>.</summary>
    public static ImmutableArray<Diagnostic> RunAnalyzer(Compilation compilation)
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new WasmMarshalAnalyzer());
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();

        // AD0001 (an analyzer threw) surfaces through GetAllDiagnostics; fail loudly on it rather than see nothing.
        var all = withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var crash = all.FirstOrDefault(d => d.Id == "AD0001");
        if (crash is not null)
        {
            throw new InvalidOperationException("WasmMarshalAnalyzer threw: " + crash.GetMessage());
        }

        return diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>The source text a diagnostic's location covers.</summary>
    public static string LocationText(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree
            ?? throw new InvalidOperationException($"{diagnostic.Id} has no source location: {diagnostic.GetMessage()}");
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }

    /// <summary>Line endings as <c>\n</c>.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>Formats diagnostics one per line, for assertion messages.</summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => d.ToString()));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The trusted platform assemblies of the running runtime include the test's own dependencies (xunit,
        // Roslyn, ...); keep only the framework's, which live next to System.Private.CoreLib.
        string tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set.");
        string frameworkDirectory = Path.GetFullPath(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var paths = tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetFullPath(Path.GetDirectoryName(p)!), frameworkDirectory, StringComparison.Ordinal))
            .ToList();

        foreach (string name in new[] { "WasmMarshal.Runtime.dll", "WasmMarshal.Allocator.dll", "Wasmtime.Dotnet.dll" })
        {
            string path = Path.Combine(AppContext.BaseDirectory, name);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{name} is not next to the test assembly; is Marshal.Runtime referenced?", path);
            }

            paths.Add(path);
        }

        return paths
            .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToImmutableArray();
    }
}
