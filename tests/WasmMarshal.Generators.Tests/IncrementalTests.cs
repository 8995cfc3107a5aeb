using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WasmMarshal.Generators.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// Checks that the caching assertions of <see cref="SnapshotTests"/> can fail: an edit of the interface itself re-runs
/// its model, and the object-graph walk finds symbols and syntax wherever they hide.
/// </summary>
public sealed class IncrementalTests
{
    private const string Interface = """
        using WasmMarshal;

        namespace Demo;

        [WasmImport]
        public partial interface IGuest
        {
            int Add(int a, int b);
        }
        """;

    [Fact]
    public void EditingTheInterfaceReRunsItsModel()
    {
        var first = GeneratorHarness.Run(Interface);
        var edited = first.Input.ReplaceSyntaxTree(
            first.Input.SyntaxTrees.Single(),
            GeneratorHarness.Parse(Interface.Replace("int Add(int a, int b);", "long Add(long a, long b);"), GeneratorHarness.SnippetPath));

        var second = GeneratorHarness.Run(edited, first.Driver);

        var reasons = second.Result.TrackedSteps[WasmMarshalGenerator.TrackingNames.ImportModels]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToList();
        Assert.NotEmpty(reasons);
        Assert.Contains(reasons, reason => reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Contains(ExpectedBinding.Line("add", "Add", "(i64, i64) -> i64"), second.CombinedSource);
    }

    [Fact]
    public void AnUnrelatedEditLeavesEveryModelCached()
    {
        var second = IncrementalAssert.CachesAcrossUnrelatedEdit(GeneratorHarness.Run(Interface));
        Assert.All(
            second.Result.TrackedSteps[WasmMarshalGenerator.TrackingNames.ImportModels].SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void TheGraphWalkFindsSyntaxInsideArraysAndRecords()
    {
        var node = SyntaxFactory.IdentifierName("x");
        var holder = new Holder("ok", ImmutableArray.Create<object>(1, new Holder("nested", ImmutableArray.Create<object>(node))));

        var failure = Assert.ThrowsAny<XunitException>(() => IncrementalAssert.NoSymbolsOrSyntax(holder, "model"));
        Assert.Contains("SyntaxNode", failure.Message);
    }

    [Fact]
    public void TheGraphWalkFindsFieldsDeclaredAsSymbols()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => IncrementalAssert.NoSymbolsOrSyntax(new SymbolHolder(null), "model"));
        Assert.Contains("ISymbol", failure.Message);
    }

    [Fact]
    public void TheGraphWalkAcceptsPlainData()
    {
        IncrementalAssert.NoSymbolsOrSyntax(new Holder("ok", ImmutableArray.Create<object>(1, "two", 3.0)), "model");
        IncrementalAssert.NoSymbolsOrSyntax(new Holder("default", default), "model");
    }

    private sealed record Holder(string Name, ImmutableArray<object> Items);

    private sealed record SymbolHolder(ISymbol? Symbol);
}
