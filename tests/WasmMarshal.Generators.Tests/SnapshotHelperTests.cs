using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>The snapshot helper's diff, which is what a failing snapshot test shows.</summary>
public sealed class SnapshotHelperTests
{
    [Fact]
    public void UnifiedDiffShowsRemovedAndAddedLinesWithContext()
    {
        string verified = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        string received = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n";

        string diff = Snapshot.UnifiedDiff(verified, received);

        Assert.StartsWith("--- verified\n+++ received\n", diff);
        Assert.Contains("- e\n+ E\n", diff);
        Assert.Contains("+ k\n", diff);
        Assert.Contains("  d\n", diff);
        Assert.DoesNotContain("  a\n", diff);
    }

    [Fact]
    public void UnifiedDiffOfEqualTextsHasNoHunks()
    {
        Assert.Equal("--- verified\n+++ received\n", Snapshot.UnifiedDiff("x\ny\n", "x\ny\n"));
    }
}
