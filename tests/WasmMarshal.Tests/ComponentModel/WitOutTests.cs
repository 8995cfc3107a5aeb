using System;
using System.Diagnostics;
using System.IO;
using Wasmtime;
using WasmMarshal.Canonical;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// WIT out, checked by wit-component (jco 1.35.0 in guests/component): the WIT the build writes for the test interfaces
/// accepts the real guests, and for the oracle interfaces wit-component's own core signatures (jco embed --dummy) are
/// exactly what the generated binders expect, in both directions. Needs node and `npm ci` in guests/component, as CI does.
/// </summary>
public sealed class WitOutTests
{
    private const string GuestWorld = "world guest {\n    import host;\n    export api;\n}\n";

    [Theory]
    [InlineData(CanonicalGuests.C)]
    [InlineData(CanonicalGuests.Rust)]
    public void The_generated_wit_accepts_the_real_guests(string guest)
    {
        string wit = WitDirectory("wasmmarshal-test-0.1.0.wit");
        string embedded = Path.Combine(wit, guest + ".embedded.wasm");
        Jco("embed", "--wit", wit, "--world-name", "guest", TestGuests.PathOf(guest), "-o", embedded).Succeeded();
        Jco("new", embedded, "-o", Path.Combine(wit, guest + ".component.wasm")).Succeeded();
    }

    [Fact]
    public void The_generated_wit_rejects_a_guest_that_does_not_fit()
    {
        // canon_utf16 exports another interface: wit-component must refuse to wrap it as the test world.
        string wit = WitDirectory("wasmmarshal-test-0.1.0.wit");
        string embedded = Path.Combine(wit, "utf16.embedded.wasm");
        Jco("embed", "--wit", wit, "--world-name", "guest", TestGuests.PathOf("canon_utf16"), "-o", embedded).Succeeded();
        var result = Jco("new", embedded, "-o", Path.Combine(wit, "utf16.component.wasm"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("wasmmarshal:test/api@0.1.0", result.Output);
    }

    [Fact]
    public void Wit_components_own_signatures_are_what_the_generated_binders_expect()
    {
        string wit = WitDirectory("wasmmarshal-oracle-0.1.0.wit");
        string dummy = Path.Combine(wit, "oracle.dummy.wasm");
        Jco("embed", "--dummy", "--wit", wit, "--world-name", "guest", "-o", dummy).Succeeded();
        using var engine = new Engine();
        using var module = Module.FromFile(engine, dummy);

        // Every import of the host interface and every export of the api interface, with its post-return, is checked
        // kind by kind against the lowering; any difference is a WasmBindingException listing it.
        using var guest = CanonicalGuest.Builder(engine, module).WithHost<IOracleHost>(new OracleHost()).Instantiate();
        Assert.Equal(CanonicalNaming.Cm32p2, guest.Naming);
        Assert.NotNull(guest.Import<IOracleApi>());
    }

    /// <summary>A fresh directory with the committed WIT file of guests/bindings and the test world.</summary>
    private static string WitDirectory(string witFile)
    {
        string directory = Path.Combine(Path.GetTempPath(), "wasmmarshal-wit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(RepositoryRoot(), "guests", "bindings", witFile), Path.Combine(directory, witFile));
        File.WriteAllText(Path.Combine(directory, "world.wit"), GuestWorld);
        return directory;
    }

    private sealed record JcoResult(int ExitCode, string Output)
    {
        public void Succeeded() => Assert.True(ExitCode == 0, "jco failed:\n" + Output);
    }

    private static JcoResult Jco(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "guests", "component", "jco.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new JcoResult(process.ExitCode, output + error.Result);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Marshal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Marshal.sln not found above " + AppContext.BaseDirectory);
    }
}
