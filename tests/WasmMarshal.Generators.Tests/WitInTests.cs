using System.IO;
using System.Linq;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

public sealed class WitInTests
{
    private static string RepoFile(string relative) =>
        File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "../../../../..", relative));

    [Fact]
    public void Smoke()
    {
        var run = WitHarness.Run(("wit/test.wit", RepoFile("guests/component/wit/test.wit")));
        File.WriteAllText("/tmp/witsmoke/out.cs", run.CombinedSource + "\n/*\n" + string.Join("\n", WitHarness.Describe(run)) + "\n" + GeneratorHarness.Format(run.StrictOutputProblems) + "\n*/");
    }
}
