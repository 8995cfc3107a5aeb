using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// The C header, Rust module and AssemblyScript declarations generated from representative interfaces, as snapshots,
/// and the rules around them: nothing is emitted unless WasmMarshalGuestBindingsDir is set, and every file carries a
/// header naming its interface.
/// </summary>
public sealed class GuestBindingTests
{
    private const string Interfaces = """
        using System;
        using System.Runtime.InteropServices;
        using WasmMarshal;

        namespace Demo.Game;

        public enum Tile : byte { Empty, Wall, Coin }

        public enum Flags : ulong { None = 0, Dirty = 1, High = 1ul << 63 }

        [StructLayout(LayoutKind.Sequential)]
        public struct Vec2 { public float X; public float Y; }

        [StructLayout(LayoutKind.Sequential)]
        public unsafe struct Entity
        {
            public Tile Kind;
            public Vec2 Position;
            public double Speed;
            [MarshalAs(UnmanagedType.U1)] public bool Alive;
            public fixed byte Name[12];
            public Flags Flags;
        }

        [WasmImport]
        public partial interface IGameLogic
        {
            void Step(Span<Entity> entities, float dt);
            int Score(ReadOnlySpan<Tile> board, int width);
            string Describe(in Entity entity);
            [return: WasmString(WasmStringEncoding.Utf16)] string Title([WasmString(WasmStringEncoding.Utf16)] string locale);
            [return: WasmString(WasmStringEncoding.Utf8NulTerminated)] string? Motto([WasmString(WasmStringEncoding.Latin1)] string? name);
            Entity Spawn(Tile kind, Vec2 at);
            int[] Path(Vec2 from, Vec2 to);
            bool Move(ref Entity entity, out Vec2 previous);
        }

        [WasmExport("host")]
        public partial interface IGameHost
        {
            void Log(string message);
            void Draw(ReadOnlySpan<Entity> entities);
            string Prompt([WasmString(WasmStringEncoding.Utf8NulTerminated)] string question);
            uint Random(uint bound);
            Tile[] LoadLevel(int number);
        }
        """;

    [Theory]
    [InlineData("IGameLogic.h")]
    [InlineData("IGameHost.h")]
    [InlineData("i_game_logic.rs")]
    [InlineData("i_game_host.rs")]
    [InlineData("IGameLogic.ts")]
    [InlineData("IGameHost.ts")]
    [InlineData("wasm_marshal.h")]
    [InlineData("wasm_marshal_check.hpp")]
    public void Bindings_match_their_snapshot(string file)
    {
        var files = Generate(Interfaces);
        Assert.True(files.ContainsKey(file), "generated: " + string.Join(", ", files.Keys));
        Snapshot.Verify(files[file], "Bindings_" + file.Replace('.', '_'));
    }

    private const string AssemblyScriptInterfaces = """
        using WasmMarshal;

        namespace Demo.Script;

        [WasmImport]
        public partial interface IScriptGuest
        {
            [return: WasmString(WasmStringEncoding.AssemblyScript)]
            string Join([WasmString(WasmStringEncoding.AssemblyScript)] string left, int times);
        }

        [WasmExport("env")]
        public partial interface IScriptHost
        {
            void Log([WasmString(WasmStringEncoding.AssemblyScript)] string message, int level);
        }
        """;

    /// <summary>AssemblyScript strings are <c>string</c> in AssemblyScript declarations and UTF-16 pointers in C and Rust.</summary>
    [Theory]
    [InlineData("IScriptGuest.ts")]
    [InlineData("IScriptHost.ts")]
    [InlineData("IScriptGuest.h")]
    [InlineData("i_script_host.rs")]
    public void AssemblyScript_string_bindings_match_their_snapshot(string file)
    {
        var files = Generate(AssemblyScriptInterfaces);
        Snapshot.Verify(files[file], "Bindings_" + file.Replace('.', '_'));
    }

    private const string CanonicalInterfaces = """
        using System;
        using System.Text;
        using WasmMarshal;
        using WasmMarshal.Canonical;

        namespace Demo.Canonical;

        public readonly record struct Entry(string Type, uint? Size);

        public enum Kind { File, Directory }

        [WasmImport]
        [WasmCanonicalAbi("demo:files/reader@1.0.0")]
        public partial interface IReader
        {
            Entry[] List(string path, Kind kind);
            WitResult<byte[], string> Read(string path);
            WitResult<WitUnit, WitUnit> Touch(string path);
            void Mark(Span<byte> buffer);
        }

        [WasmExport]
        [WasmCanonicalAbi("demo:files/log@1.0.0", StringEncoding = CanonicalStringEncoding.Utf16)]
        public partial interface ILog
        {
            void Record(string message, Rune mark, (int, long) at);
        }
        """;

    /// <summary>
    /// WIT out: one file per WIT package (a version is its own package), keywords escaped with <c>%</c>, and a member
    /// the canonical ABI cannot express left out with a comment saying why. Canonical interfaces get no C, Rust or
    /// AssemblyScript bindings.
    /// </summary>
    [Fact]
    public void Canonical_interfaces_get_one_wit_file_per_package()
    {
        var run = GeneratorHarness.Run(CanonicalInterfaces);
        var files = Generate(CanonicalInterfaces);
        Assert.Equal(new[] { "demo-files-1.0.0.wit", "wasm_marshal.h", "wasm_marshal_check.hpp" }, files.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Single(run.AnalyzerDiagnostics(), d => d.Id == "WASM015");
        Snapshot.Verify(files["demo-files-1.0.0.wit"], "Bindings_demo_files_wit");
    }

    [Fact]
    public void Every_file_says_it_is_generated_and_from_which_interface()
    {
        var files = Generate(Interfaces);
        Assert.Equal(8, files.Count);
        foreach (var (name, text) in files.Where(f => !f.Key.StartsWith("wasm_marshal", StringComparison.Ordinal))) // the two common files
        {
            string head = string.Join("\n", text.Split('\n').Take(3));
            Assert.Contains("Generated by WasmMarshal", head);
            Assert.Contains(name.Contains("host", StringComparison.OrdinalIgnoreCase) ? "Demo.Game.IGameHost" : "Demo.Game.IGameLogic", head);
        }
    }

    [Fact]
    public void Nothing_is_emitted_without_the_build_property()
    {
        var run = GeneratorHarness.Run(Interfaces);
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".GuestBindings.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Parameters_never_shadow_a_type_or_a_keyword()
    {
        var files = Generate("""
            using WasmMarshal;
            namespace Demo;
            public struct Particle { public int Id; public float Mass; }
            [WasmImport]
            public partial interface IPhysics { void Update(ref Particle particle, int type, int fn); }
            """);
        Assert.Contains("void update(particle *particle_, int32_t type_, int32_t fn_);", files["IPhysics.h"]);
        Assert.Contains("pub type UpdateFn = unsafe extern \"C\" fn(particle_: *mut Particle, type_: i32, fn_: i32);", files["i_physics.rs"]);
    }

    [Fact]
    public void The_bindings_step_is_cached_across_an_unrelated_edit()
    {
        var driver = Driver();
        var input = GeneratorHarness.Compile(Interfaces);
        driver = driver.RunGenerators(input);
        driver = driver.RunGenerators(input.AddSyntaxTrees(GeneratorHarness.Parse("class Unrelated {}", "Unrelated.cs")));
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in new[] { "ImportModels", "ExportModels" })
        {
            Assert.All(steps[name].SelectMany(s => s.Outputs), o =>
                Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }
    }

    /// <summary>Runs the generator with WasmMarshalGuestBindingsDir set and returns the carried files by name.</summary>
    private static Dictionary<string, string> Generate(string source)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(source), Driver());
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
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

        return files;
    }

    private static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            new[] { new WasmMarshalGenerator().AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: new BuildProperties(new Dictionary<string, string> { ["build_property.WasmMarshalGuestBindingsDir"] = "/bindings" }),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

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
