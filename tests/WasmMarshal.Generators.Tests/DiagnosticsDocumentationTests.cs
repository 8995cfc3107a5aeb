using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// docs/diagnostics.md is what a diagnostic's help link opens: every diagnostic must have a link to a section of its
/// own there, and every example in it must do what the text says (a wrong declaration gets the quoted message, a fixed
/// one gets none).
/// </summary>
public sealed class DiagnosticsDocumentationTests
{
    private const string DocumentPath = "docs/diagnostics.md";

    private static readonly Lazy<string> s_document = new(() =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), DocumentPath)).Replace("\r\n", "\n"));

    public static TheoryData<string> DiagnosticIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in new WasmMarshalAnalyzer().SupportedDiagnostics)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    /// <summary>WASM030-WASM039: reported by the generator about .wit AdditionalFiles; their examples are WIT.</summary>
    public static TheoryData<string> WitDiagnosticIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Diagnostics.DiagnosticDescriptors.GeneratorOnly)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    [MemberData(nameof(WitDiagnosticIds))]
    public void HelpLinkOpensTheSectionOfItsId(string id)
    {
        var descriptor = Descriptor(id);
        Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var link), $"{id} has no absolute help link: '{descriptor.HelpLinkUri}'");
        Assert.EndsWith("/" + DocumentPath, link!.GetLeftPart(UriPartial.Path));
        Assert.Equal("#" + id.ToLowerInvariant(), link.Fragment);

        // GitHub derives a heading's anchor from its whole text, so each section carries an explicit anchor of its ID.
        string anchor = $"<a id=\"{id.ToLowerInvariant()}\"></a>\n## {id}: ";
        Assert.True(s_document.Value.Contains(anchor), $"{DocumentPath} has no section starting with:\n{anchor}");
        Assert.Contains($"\n## {id}: {descriptor.Title}\n", s_document.Value);
    }

    [Fact]
    public void AllHelpLinksShareOneBase()
    {
        var bases = new WasmMarshalAnalyzer().SupportedDiagnostics
            .Select(d => d.HelpLinkUri.Split('#')[0])
            .Distinct()
            .ToList();
        Assert.Single(bases);
    }

    [Fact]
    public void EverySectionIsASupportedDiagnostic()
    {
        var supported = new WasmMarshalAnalyzer().SupportedDiagnostics.Concat(Diagnostics.DiagnosticDescriptors.GeneratorOnly).Select(d => d.Id).ToHashSet();
        var documented = Regex.Matches(s_document.Value, @"^## (WASM\d+):", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(documented.Distinct().Count(), documented.Count);
        Assert.All(documented, id => Assert.Contains(id, supported));
        Assert.Equal(supported.OrderBy(id => id), documented.OrderBy(id => id));
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void WrongExampleGetsTheQuotedMessage(string id)
    {
        var wrong = Examples(id).Where(e => e.QuotedMessage is not null).ToList();
        Assert.NotEmpty(wrong);
        foreach (var example in wrong)
        {
            var compilation = GeneratorHarness.Compile(Wrap(example.Code));
            var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(compileErrors.Count == 0, "The example itself does not compile:\n" + GeneratorHarness.Format(compileErrors) + "\n" + example.Code);

            var diagnostics = GeneratorHarness.RunAnalyzer(compilation);
            Assert.NotEmpty(diagnostics);
            Assert.All(diagnostics, d => Assert.Equal(id, d.Id));
            var messages = diagnostics.Select(d => d.GetMessage()).ToList();
            Assert.True(messages.Contains(example.QuotedMessage!),
                $"The {id} example quotes:\n{example.QuotedMessage}\nbut the analyzer reports:\n{string.Join("\n", messages)}");
        }
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void FixedExampleHasNoDiagnostics(string id)
    {
        var fixedExamples = Examples(id).Where(e => e.QuotedMessage is null).ToList();
        Assert.NotEmpty(fixedExamples);
        foreach (var example in fixedExamples)
        {
            var run = GeneratorHarness.Run(Wrap(example.Code));
            var analyzer = run.AnalyzerDiagnostics();
            Assert.True(analyzer.IsEmpty, GeneratorHarness.Format(analyzer) + "\n" + example.Code);
            Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems) + "\n" + example.Code);
        }
    }

    [Theory]
    [MemberData(nameof(WitDiagnosticIds))]
    public void WrongWitExampleGetsTheQuotedMessage(string id)
    {
        var wrong = Examples(id, "wit").Where(e => e.QuotedMessage is not null).ToList();
        Assert.NotEmpty(wrong);
        foreach (var example in wrong)
        {
            var run = WitHarness.Run(("wit/example.wit", example.Code));
            var diagnostics = run.GeneratorDiagnostics;
            Assert.NotEmpty(diagnostics);
            Assert.All(diagnostics, d => Assert.Equal(id, d.Id));
            var messages = diagnostics.Select(d => d.GetMessage()).ToList();
            Assert.True(messages.Contains(example.QuotedMessage!),
                $"The {id} example quotes:\n{example.QuotedMessage}\nbut the generator reports:\n{string.Join("\n", messages)}");
        }
    }

    [Theory]
    [MemberData(nameof(WitDiagnosticIds))]
    public void FixedWitExampleHasNoDiagnostics(string id)
    {
        var fixedExamples = Examples(id, "wit").Where(e => e.QuotedMessage is null).ToList();
        Assert.NotEmpty(fixedExamples);
        foreach (var example in fixedExamples)
        {
            var run = WitHarness.Run(("wit/example.wit", example.Code));
            Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Format(run.GeneratorDiagnostics) + "\n" + example.Code);
            Assert.NotEmpty(run.Sources);
            Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems) + "\n" + example.Code);
        }
    }

    /// <summary>
    /// The C# examples of one section. A wrong one opens with the message it gets, as <c>// WASM0nn: text</c> wrapped
    /// over comment lines; a fixed one does not.
    /// </summary>
    private static List<Example> Examples(string id, string language = "csharp")
    {
        string document = s_document.Value;
        int start = document.IndexOf($"\n## {id}: ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{DocumentPath} has no section for {id}");
        int end = document.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        string section = end < 0 ? document.Substring(start) : document.Substring(start, end - start);

        var examples = new List<Example>();
        foreach (Match block in Regex.Matches(section, "```" + language + "\n(.*?)```", RegexOptions.Singleline))
        {
            string code = block.Groups[1].Value;
            var lines = code.Split('\n');
            string? quoted = null;
            if (lines[0].StartsWith("// " + id + ": ", StringComparison.Ordinal))
            {
                var parts = new List<string> { lines[0].Substring(("// " + id + ": ").Length).Trim() };
                parts.AddRange(lines.Skip(1).TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)).Select(l => l.Substring(2).Trim()));
                quoted = string.Join(" ", parts);
            }

            examples.Add(new Example(code, quoted));
        }

        return examples;
    }

    private static DiagnosticDescriptor Descriptor(string id) =>
        new WasmMarshalAnalyzer().SupportedDiagnostics.Concat(Diagnostics.DiagnosticDescriptors.GeneratorOnly).Single(d => d.Id == id);

    private static string Wrap(string body) => """
        using System;
        using System.Runtime.InteropServices;
        using WasmMarshal;

        namespace Demo;

        """ + body + "\n";

    /// <summary>The checkout this test was built from: the first folder above the output directory with Marshal.sln.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Marshal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' contains Marshal.sln.");
    }

    private sealed record Example(string Code, string? QuotedMessage);
}
