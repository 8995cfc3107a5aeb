using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// [WasmString] on an interface or a method is the default for its strings: the generated stubs and bindings equal
/// those of the same interface with the attribute written on every string, and a string's own attribute still wins.
/// </summary>
public sealed class StringEncodingDefaultTests
{
    private const string EveryStringAttributed = """
        using WasmMarshal;

        namespace Demo.Script;

        [WasmImport]
        public partial interface IScriptGuest
        {
            [return: WasmString(WasmStringEncoding.AssemblyScript)]
            string Join([WasmString(WasmStringEncoding.AssemblyScript)] string left, [WasmString(WasmStringEncoding.AssemblyScript)] string right);

            [return: WasmString(WasmStringEncoding.Utf16)]
            string Wide([WasmString(WasmStringEncoding.Utf16)] string text, [WasmString(WasmStringEncoding.Latin1)] string latin);

            int Count(int n);
        }

        [WasmExport("env")]
        public partial interface IScriptHost
        {
            void Log([WasmString(WasmStringEncoding.AssemblyScript)] string message);
        }
        """;

    private const string DefaultsOnInterfaceAndMethod = """
        using WasmMarshal;

        namespace Demo.Script;

        [WasmImport]
        [WasmString(WasmStringEncoding.AssemblyScript)]
        public partial interface IScriptGuest
        {
            string Join(string left, string right);

            [WasmString(WasmStringEncoding.Utf16)]
            string Wide(string text, [WasmString(WasmStringEncoding.Latin1)] string latin);

            int Count(int n);
        }

        [WasmExport("env")]
        [WasmString(WasmStringEncoding.AssemblyScript)]
        public partial interface IScriptHost
        {
            void Log(string message);
        }
        """;

    [Fact]
    public void An_interface_or_method_attribute_generates_what_attributes_on_every_string_generate()
    {
        var explicitRun = GeneratorHarness.Run(EveryStringAttributed);
        var defaultsRun = GeneratorHarness.Run(DefaultsOnInterfaceAndMethod);

        Assert.Empty(defaultsRun.GeneratorDiagnostics);
        Assert.Empty(defaultsRun.AnalyzerDiagnostics());
        Assert.Empty(defaultsRun.StrictOutputProblems);
        Assert.Contains("AssemblyScript", explicitRun.CombinedSource); // the comparison below compares something
        Assert.Contains("Utf16", explicitRun.CombinedSource);
        Assert.Equal(explicitRun.CombinedSource, defaultsRun.CombinedSource);
    }
}
