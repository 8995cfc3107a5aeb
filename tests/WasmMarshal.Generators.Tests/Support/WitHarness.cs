using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace WasmMarshal.Generators.Tests.Support;

/// <summary>An AdditionalFiles item: a path and its text.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>MSBuild properties as the compiler hands them to generators (<c>build_property.Name</c>).</summary>
public sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public GlobalOptionsProvider(IReadOnlyDictionary<string, string> properties) =>
        _global = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>Runs <see cref="WasmMarshalGenerator"/> over C# plus .wit AdditionalFiles and MSBuild properties.</summary>
public static class WitHarness
{
    public static GeneratorDriver CreateDriver(IEnumerable<(string Path, string Text)> wit, IReadOnlyDictionary<string, string>? properties = null) =>
        CreateDriver(wit.Select(w => (AdditionalText)new InMemoryAdditionalText(w.Path, w.Text)), properties);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, IReadOnlyDictionary<string, string>? properties = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new WasmMarshalGenerator().AsSourceGenerator() },
            texts,
            GeneratorHarness.ParseOptions,
            new GlobalOptionsProvider(properties ?? new Dictionary<string, string> { ["RootNamespace"] = "Demo" }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Compiles <paramref name="csharp"/> and runs the generator with the WIT files.</summary>
    public static GeneratorRun Run(string csharp, IReadOnlyDictionary<string, string>? properties, params (string Path, string Text)[] wit) =>
        GeneratorHarness.Run(GeneratorHarness.Compile(csharp), CreateDriver(wit, properties));

    /// <summary>Runs the generator over WIT only (an empty C# file), with RootNamespace Demo.</summary>
    public static GeneratorRun Run(params (string Path, string Text)[] wit) => Run("", null, wit);

    /// <summary>The WIT diagnostics as <c>ID path(line,column): message</c>, one-based like a build log.</summary>
    public static IReadOnlyList<string> Describe(GeneratorRun run) =>
        run.GeneratorDiagnostics
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return $"{d.Id} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.GetMessage()}";
            })
            .ToList();

    public static ImmutableArray<Diagnostic> Errors(GeneratorRun run) =>
        run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
}
