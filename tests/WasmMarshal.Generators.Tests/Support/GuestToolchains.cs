using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace WasmMarshal.Generators.Tests.Support;

/// <summary>
/// Generates guest bindings from a C# snippet and hands them to the real guest compilers: clang for wasm32-wasi,
/// Debian's rustc for wasm32-unknown-unknown, and the repository's pinned asc (guests/assemblyscript, after
/// <c>npm ci</c>, which .ci/run does before the tests). A missing toolchain fails the test with what to install: these
/// tests are the proof that the generated text compiles, so they never skip.
/// </summary>
public static class GuestToolchains
{
    public const string Clang = "clang";
    public const string Rustc = "/usr/bin/rustc";

    /// <summary>The repository root: the directory holding Marshal.sln, above the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>asc as guests/build.sh runs it.</summary>
    public static string Asc => Path.Combine(RepositoryRoot, "guests", "assemblyscript", "node_modules", ".bin", "asc");

    /// <summary>Runs the generator with WasmMarshalGuestBindingsDir set and returns the carried files by name.</summary>
    public static Dictionary<string, string> Generate(string source, bool requireClean = true) =>
        GenerateWithStubs(source, requireClean).Files;

    /// <summary>The guest binding files and, as one text, every generated C# source (the host stubs).</summary>
    public static (Dictionary<string, string> Files, string CSharp) GenerateWithStubs(string source, bool requireClean = true)
    {
        var driver = CSharpGeneratorDriver.Create(
            new[] { new WasmMarshalGenerator().AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: new BuildProperties(new Dictionary<string, string> { ["build_property.WasmMarshalGuestBindingsDir"] = "/bindings" }),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(source), driver);
        if (requireClean)
        {
            Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
        }

        var files = new Dictionary<string, string>();
        foreach (var carrier in run.Sources.Where(s => s.HintName.EndsWith(".GuestBindings.g.cs", StringComparison.Ordinal)))
        {
            string? current = null;
            var lines = new List<string>();
            foreach (var line in carrier.Text.Split('\n'))
            {
                if (line.StartsWith("//@file ", StringComparison.Ordinal))
                {
                    if (current is not null)
                    {
                        files[current] = string.Join("\n", lines) + "\n";
                    }

                    current = line.Substring("//@file ".Length);
                    lines.Clear();
                }
                else if (line.StartsWith("//|", StringComparison.Ordinal))
                {
                    lines.Add(line.Substring(3));
                }
            }

            if (current is not null)
            {
                files[current] = string.Join("\n", lines) + "\n";
            }
        }

        return (files, run.CombinedSource);
    }

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Written = CleanUpAtExit();

    /// <summary>
    /// A fresh temporary directory holding <paramref name="files"/>. It stays while the tests run, so a failure message
    /// can point at it, and is deleted when the test process exits.
    /// </summary>
    public static string WriteAll(IReadOnlyDictionary<string, string> files)
    {
        string directory = Path.Combine(Path.GetTempPath(), "wm-guest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        Written.Add(directory);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }

        return directory;
    }

    /// <summary>
    /// Compiles <paramref name="cFile"/> in <paramref name="directory"/> for wasm32-wasi as strictly as the guests are
    /// built (-Werror -Wall -Wextra), checking syntax and every _Static_assert.
    /// </summary>
    public static (int ExitCode, string Output) ClangSyntaxCheck(string directory, string cFile, params string[] extra) =>
        Run(Clang, new[] { "--target=wasm32-wasi", "-std=c11", "-Werror", "-Wall", "-Wextra", "-fsyntax-only", "-I", directory }
            .Concat(extra).Append(Path.Combine(directory, cFile)), directory);

    /// <summary>Type-checks a Rust module as a wasm32-unknown-unknown cdylib (metadata only: no linking).</summary>
    public static (int ExitCode, string Output) RustCheck(string directory, string rsFile) =>
        Run(Rustc, new[] { "--target", "wasm32-unknown-unknown", "--crate-type=cdylib", "--emit=metadata", "-D", "warnings",
            "-o", Path.Combine(directory, "out.rmeta"), Path.Combine(directory, rsFile) }, directory);

    /// <summary>Compiles an AssemblyScript entry file with the pinned asc, as guests/build.sh does.</summary>
    public static (int ExitCode, string Output) AscCompile(string directory, string tsFile)
    {
        Assert.True(File.Exists(Asc),
            $"asc is not installed at {Asc}; run `npm ci` in guests/assemblyscript (.ci/run does, before the tests)");
        return Run(Asc, new[] { Path.Combine(directory, tsFile), "-O3", "--runtime", "incremental", "--use", "abort=",
            "-o", Path.Combine(directory, Path.ChangeExtension(tsFile, ".wasm")) }, directory);
    }

    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"{program} is not installed ({e.Message}); the guest toolchains are listed in .ci/run and README.md", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} ran for more than two minutes");
            }

            return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
        }
    }

    private static System.Collections.Concurrent.ConcurrentBag<string> CleanUpAtExit()
    {
        var bag = new System.Collections.Concurrent.ConcurrentBag<string>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (string directory in bag)
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort: a temporary directory left behind is harmless.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        };
        return bag;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Marshal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Marshal.sln is not above " + AppContext.BaseDirectory);
    }

    private sealed class BuildProperties(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new());

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
