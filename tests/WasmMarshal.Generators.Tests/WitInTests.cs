using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// WIT in: .wit AdditionalFiles are parsed, resolved (use, deps/, worlds) and declared as C# interfaces and types with
/// their canonical stubs. Errors are WASM030-WASM033 at the WIT file, line and column.
/// </summary>
public sealed class WitInTests
{
    /// <summary>A package split over two files, a deps/ package, uses, docs, keywords, every supported type.</summary>
    private static readonly (string Path, string Text)[] Representative =
    {
        ("wit/types.wit", """
            package demo:files@1.2.0;

            /// Types shared by both directions.
            interface types {
                /// What a file is, with <angle brackets> & an ampersand.
                record file-info {
                    /// Its size in bytes.
                    size: u64,
                    name: string,
                    %type: kind,
                    tags: list<string>,
                    modified: option<u64>,
                }

                enum kind { regular, directory, sym-link }

                flags mode { read, write, execute }

                variant entry {
                    /// A file.
                    file(file-info),
                    dir(string),
                    pair(tuple<u8, s16>),
                    none,
                }

                type byte-count = u64;
                type entries = list<entry>;
            }
            """),
        ("wit/world.wit", """
            /// What the guest implements.
            interface store {
                use types.{file-info, byte-count, mode, entries};
                use demo:clock/time@0.1.0.{instant as moment};

                /// Looks up a path.
                /// Two lines of docs.
                stat: func(path: string) -> result<file-info, string>;
                %list: func(dir: string, limit: option<u32>) -> entries;
                total: func(in: list<byte-count>) -> byte-count;
                chmod: func(path: string, mode: mode) -> result;
                touch: func(path: string, at: moment) -> result<_, string>;
                parse-XML-doc: func(text: string) -> tuple<bool, char>;
            }

            interface host {
                use types.{kind};

                log: func(level: kind, message: string);
                now: func() -> u64;
            }

            world files {
                import host;
                export store;
            }
            """),
        ("wit/deps/clock/time.wit", """
            package demo:clock@0.1.0;

            interface time {
                record instant { seconds: u64, nanos: u32 }
            }
            """),
    };

    private const string HostImplementation = """
        namespace App;

        public sealed class Host : global::Demo.Files.IHost
        {
            public void Log(global::Demo.Files.Kind level, string message) { }

            public ulong Now() => 42;
        }

        public static class Uses
        {
            public static object[] All() => new object[]
            {
                new global::Demo.Files.FileInfo(1, "a", global::Demo.Files.Kind.SymLink, new[] { "t" }, null),
                global::Demo.Files.Mode.Read | global::Demo.Files.Mode.Execute,
                new global::Demo.Files.Entry.Pair((1, -2)),
                new global::Demo.Files.Entry.None(),
                new global::Demo.Files.Instant(1, 2),
            };
        }
        """;

    private static GeneratorRun RunRepresentative() => WitHarness.Run(HostImplementation, null, Representative);

    private static string Declarations(GeneratorRun run) =>
        run.Sources.Single(s => s.HintName == "WasmMarshal.Wit.g.cs").Text;

    [Fact]
    public void WitIn_Representative()
    {
        var run = RunRepresentative();
        Assert.Empty(WitHarness.Describe(run));
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
        Assert.Equal(
            new[] { "Demo.Files.IHost.WasmMarshal.g.cs", "Demo.Files.IStore.WasmMarshal.g.cs", "WasmMarshal.Wit.g.cs" },
            run.Sources.Select(s => s.HintName));
        Snapshot.Verify(run.CombinedSource);
    }

    [Fact]
    public void A_host_function_of_plain_numbers_compiles_without_warnings()
    {
        // Found by WIT in (host.now: func() -> u64): the export emitter declared a __method constant nothing used (CS0219).
        var run = GeneratorHarness.Run("""
            using WasmMarshal;

            namespace Demo;

            [WasmExport]
            [WasmCanonicalAbi("a:b/clock")]
            public partial interface IClock
            {
                ulong Now();

                uint Twice(uint x);

                void Log(string message);
            }
            """);
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
        Assert.Contains("const string __method = \"IClock.Log\";", run.CombinedSource);
    }

    [Fact]
    public void Declarations_follow_the_mapping_table_and_the_naming_rules()
    {
        string code = Declarations(RunRepresentative());

        // Exports are called by the host ([WasmImport]); imports are implemented by it ([WasmExport]).
        Assert.Contains("[global::WasmMarshal.WasmImport]\n    [global::WasmMarshal.WasmCanonicalAbi(\"demo:files/store@1.2.0\")]\n    public partial interface IStore", code);
        Assert.Contains("[global::WasmMarshal.WasmExport]\n    [global::WasmMarshal.WasmCanonicalAbi(\"demo:files/host@1.2.0\")]\n    public partial interface IHost", code);

        // Records, enums, flags (bit i = label i), variants; the types of a deps/ package and of `use ... as`.
        Assert.Contains("public readonly record struct FileInfo(ulong Size, string Name, global::Demo.Files.Kind Type, string[] Tags, ulong? Modified);", code);
        Assert.Contains("public enum Kind : byte\n    {\n        /// <summary>\n        /// <c>regular</c>.\n        /// </summary>\n        Regular,", code);
        Assert.Contains("SymLink,", code);
        Assert.Contains("[global::System.Flags]\n    public enum Mode : byte", code);
        Assert.Contains("Read = 1,", code);
        Assert.Contains("Write = 2,", code);
        Assert.Contains("Execute = 4,", code);
        Assert.Contains("public sealed record File(global::Demo.Files.FileInfo Value) : Entry;", code);
        Assert.Contains("public sealed record Pair((byte, short) Value) : Entry;", code);
        Assert.Contains("public sealed record None : Entry;", code);
        Assert.Contains("public readonly record struct Instant(ulong Seconds, uint Nanos);", code);

        // Functions: aliases resolve to their types, results and options, a keyword parameter escaped with @, a list
        // parameter of an interface the host calls is a ReadOnlySpan.
        Assert.Contains("global::WasmMarshal.Canonical.WitResult<global::Demo.Files.FileInfo, string> Stat(string path);", code);
        Assert.Contains("global::Demo.Files.Entry[] List(string dir, uint? limit);", code);
        Assert.Contains("ulong Total(global::System.ReadOnlySpan<ulong> @in);", code);
        Assert.Contains("global::WasmMarshal.Canonical.WitResult<global::WasmMarshal.Canonical.WitUnit, global::WasmMarshal.Canonical.WitUnit> Chmod(string path, global::Demo.Files.Mode mode);", code);
        Assert.Contains("global::WasmMarshal.Canonical.WitResult<global::WasmMarshal.Canonical.WitUnit, string> Touch(string path, global::Demo.Files.Instant at);", code);
        Assert.Contains("void Log(global::Demo.Files.Kind level, string message);", code);

        // A name whose PascalCase does not read back as the WIT name keeps it with [WasmName].
        Assert.Contains("[global::WasmMarshal.WasmName(\"parse-XML-doc\")]\n        (bool, global::System.Text.Rune) ParseXmlDoc(string text);", code);
        Assert.DoesNotContain("WasmName(\"stat\")", code);
    }

    [Fact]
    public void Doc_comments_become_xml_docs()
    {
        string code = Declarations(RunRepresentative());
        Assert.Contains("    /// <summary>\n    /// What a file is, with &lt;angle brackets&gt; &amp; an ampersand.\n    /// </summary>\n    /// <param name=\"Size\">Its size in bytes.</param>\n    /// <param name=\"Name\">The field <c>name</c>.</param>", code);
        Assert.Contains("        /// <summary>\n        /// Looks up a path.\n        /// Two lines of docs.\n        /// </summary>\n        global::WasmMarshal.Canonical.WitResult<", code);
        Assert.Contains("    /// <summary>\n    /// What the guest implements.\n    /// </summary>\n    [global::WasmMarshal.WasmImport]", code);
        Assert.Contains("        /// <summary>\n        /// A file.\n        /// </summary>", code);
    }

    [Fact]
    public void The_stubs_have_the_core_signatures_of_the_canonical_ABI()
    {
        var run = RunRepresentative();
        string store = run.Sources.Single(s => s.HintName == "Demo.Files.IStore.WasmMarshal.g.cs").Text;
        // stat: (ptr, len) -> return area; total: list<u64> (ptr, len) -> i64; chmod: string + flags (i32) -> area.
        Assert.Contains("exports.ExpectFunction(__interface, \"stat\", \"IStore.Stat\", \"(i32, i32) -> i32\");", store);
        Assert.Contains("exports.ExpectFunction(__interface, \"total\", \"IStore.Total\", \"(i32, i32) -> i64\");", store);
        Assert.Contains("exports.ExpectFunction(__interface, \"chmod\", \"IStore.Chmod\", \"(i32, i32, i32) -> i32\");", store);
        // touch: string (2) + instant { u64, u32 } (i64, i32); parse-XML-doc returns tuple<bool, char> through an area.
        Assert.Contains("exports.ExpectFunction(__interface, \"touch\", \"IStore.Touch\", \"(i32, i32, i64, i32) -> i32\");", store);
        Assert.Contains("exports.ExpectFunction(__interface, \"parse-XML-doc\", \"IStore.ParseXmlDoc\", \"(i32, i32) -> i32\");", store);
        string host = run.Sources.Single(s => s.HintName == "Demo.Files.IHost.WasmMarshal.g.cs").Text;
        Assert.Contains("demo:files/host@1.2.0", host);
    }

    [Fact]
    public void The_namespace_comes_from_WasmMarshalWitNamespace()
    {
        var run = WitHarness.Run("", new Dictionary<string, string> { ["RootNamespace"] = "Ignored", ["WasmMarshalWitNamespace"] = "My.Bindings" }, Representative);
        Assert.Empty(WitHarness.Describe(run));
        Assert.Contains("namespace My.Bindings\n{", Declarations(run));
        Assert.Contains(run.Sources, s => s.HintName == "My.Bindings.IStore.WasmMarshal.g.cs");
    }

    [Fact]
    public void Two_types_of_one_name_get_their_interface_name_in_front()
    {
        var run = WitHarness.Run(("wit/a.wit", """
            package x:y;
            interface first { record error { code: u32 } fail: func() -> error; }
            interface second { record error { text: string } fail: func() -> error; }
            world w { export first; export second; }
            """));
        Assert.Empty(WitHarness.Describe(run));
        string code = Declarations(run);
        Assert.Contains("public readonly record struct FirstError(uint Code);", code);
        Assert.Contains("public readonly record struct SecondError(string Text);", code);
        Assert.Contains("global::Demo.Y.FirstError Fail();", code);
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
    }

    [Fact]
    public void Hostile_names_still_compile()
    {
        // Members named like their type, like record members or like C# keywords; a flags label `none`; 33 flags.
        var run = WitHarness.Run(("wit/a.wit", """
            package a:b;
            interface i {
                record point { point: u32, to-string: string, equality-contract: bool }
                variant shape { shape, other(u8) }
                enum color { color, %string }
                flags opts { none, some }
                flags wide { b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b20, b21, b22, b23, b24, b25, b26, b27, b28, b29, b30, b31, b32 }
                flags too-wide { b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b20, b21, b22, b23, b24, b25, b26, b27, b28, b29, b30, b31, b32, b33 }
                f: func(class: point, %string: shape, object: color, base: opts, params: wide) -> tuple<u32>;
                g: func(x: too-wide);
            }
            world w { export i; }
            """));
        var described = WitHarness.Describe(run);
        Assert.Equal("WASM033 wit/a.wit(10,5): WIT construct not supported: the function 'g' of 'a:b/i' is left out: its parameter 'x' uses the flags 'too-wide' with 33 labels; the canonical ABI takes at most 32", Assert.Single(described));
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
        string code = Declarations(run);
        Assert.Contains("public readonly record struct Point(uint PointValue, string ToStringValue, bool EqualityContractValue);", code);
        Assert.Contains("public sealed record ShapeCase : Shape;", code);
        Assert.Contains("global::System.ValueTuple<uint> F(global::Demo.B.Point @class, global::Demo.B.Shape @string, global::Demo.B.Color @object, global::Demo.B.Opts @base, global::Demo.B.Wide @params);", code);
        Assert.Contains("public enum Wide : uint", code);
        Assert.Contains("B32 = 2147483648u,", code);
        Assert.DoesNotContain("None = 0", code.Substring(code.IndexOf("enum Opts", System.StringComparison.Ordinal), 200));
        string stub = run.Sources.Single(s => s.HintName == "Demo.B.II.WasmMarshal.g.cs").Text;
        // point (4 flat: u32, string pointer and length, bool), shape (2), color, opts, wide: 9; tuple<u32> is one flat result.
        Assert.Contains("\"f\", \"II.F\", \"(i32, i32, i32, i32, i32, i32, i32, i32, i32) -> i32\"", stub);
    }

    [Fact]
    public void Features_gates_nested_comments_and_nested_packages_parse()
    {
        var run = WitHarness.Run(("wit/a.wit", """
            package x:y@0.2.0-rc.1;

            /* a /* nested */ block comment */
            @since(version = 0.2.0)
            interface i {
                @unstable(feature = fancy)
                f: func(a: u32,) -> u32;
                @deprecated(version = 0.2.0)
                use x:z/j.{t};
                g: func(v: t);
            }

            package x:z {
                interface j { enum t { a, b, } }
            }

            world w { export i; }
            """));
        Assert.Empty(WitHarness.Describe(run));
        string code = Declarations(run);
        Assert.Contains("[global::WasmMarshal.WasmCanonicalAbi(\"x:y/i@0.2.0-rc.1\")]", code);
        Assert.Contains("void G(global::Demo.Y.T v);", code);
    }

    // ---- errors, with their file, line and column ----

    [Theory]
    [InlineData("package a:b;\ninterface i {\n    f: func() -> u32\n}\n", 4, 1, "WASM030", "expected ';', found '}'")]
    [InlineData("package a:b;\ninterface i {\n    f: func(type: u32);\n}\n", 3, 13, "WASM030", "expected a parameter name, found the keyword 'type' (write %type to use it as a name)")]
    [InlineData("package a:b;\ninterface i {\n  fooBar: func();\n}\n", 3, 3, "WASM030", "'fooBar' is not a WIT identifier: the word 'fooBar' mixes lower-case and upper-case letters")]
    [InlineData("package a:b@1.0;\n", 1, 13, "WASM030", "'1.0' is not a semver version such as 0.1.0")]
    [InlineData("package a:b;\n/* open\ninterface i {}\n", 2, 1, "WASM030", "the block comment is not closed with '*/'")]
    [InlineData("package a:b;\ninterface i {\n    f: func() -> u32;\n", 4, 1, "WASM030", "expected a type, a function, 'use' or '}', but the file ends")]
    [InlineData("package a:b;\ninterface i {\n    f: func(p: point) -> u32;\n}\nworld w { export i; }\n", 3, 16, "WASM031", "the type 'point' is not defined in the interface 'i' (define it, or 'use' it from another interface)")]
    [InlineData("package a:b;\ninterface i {\n    use j.{t};\n}\nworld w { export i; }\n", 3, 9, "WASM031", "no interface 'j' in the package a:b")]
    [InlineData("package a:b;\ninterface j { record r { x: u32 } }\ninterface i {\n    use j.{t};\n}\nworld w { export i; }\n", 4, 12, "WASM031", "the interface 'j' has no type 't'")]
    [InlineData("package a:b;\ninterface i {\n  use c:d/e@1.0.0.{t};\n}\nworld w { export i; }\n", 3, 7, "WASM031", "the package c:d@1.0.0 is not among the WIT files (add its .wit files, for example in a deps/ folder, as AdditionalFiles)")]
    [InlineData("package a:b;\ninterface i {\n  enum e { x }\n  record e { y: u32 }\n}\nworld w { export i; }\n", 4, 10, "WASM031", "the interface 'i' already defines 'e'")]
    [InlineData("package a:b;\nworld w { export nope; }\n", 2, 18, "WASM031", "no interface 'nope' in the package a:b")]
    public void Errors_point_at_the_WIT_text(string wit, int line, int column, string id, string message)
    {
        var run = WitHarness.Run(("wit/bad.wit", wit));
        var diagnostic = Assert.Single(WitHarness.Errors(run));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal("wit/bad.wit", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.EndsWith(message, diagnostic.GetMessage());
        Assert.Equal("https://github.com/wasmmarshal/wasmmarshal/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void Cycles_are_errors_not_hangs()
    {
        var aliases = WitHarness.Run(("wit/a.wit", """
            package a:b;
            interface i {
                type x = y;
                type y = x;
                record r { r: option<r> }
                f: func(v: option<x>);
                g: func(v: r);
                ok: func();
            }
            world w { export i; }
            """));
        var described = WitHarness.Describe(aliases);
        Assert.Contains(described, d => d.StartsWith("WASM033 wit/a.wit(6,5):", System.StringComparison.Ordinal) && d.Contains("contains itself"));
        Assert.Contains(described, d => d.StartsWith("WASM033 wit/a.wit(7,5):", System.StringComparison.Ordinal) && d.Contains("contains itself"));
        Assert.Contains("void Ok();", Declarations(aliases));

        var uses = WitHarness.Run(("wit/a.wit", """
            package a:b;
            use c as d;
            use d as c;
            interface i { use c.{t}; }
            world w { export i; }
            """));
        Assert.Contains(WitHarness.Describe(uses), d => d.StartsWith("WASM031 wit/a.wit(", System.StringComparison.Ordinal) && d.Contains("cycle"));
    }

    [Fact]
    public void A_deps_package_may_span_files_and_a_file_without_package_joins_its_folder()
    {
        var run = WitHarness.Run(
            ("wit/main.wit", "package app:main;\ninterface api { use dep:lib/types.{item}; get: func() -> item; }\nworld w { export api; }\n"),
            ("wit/deps/lib/a.wit", "package dep:lib;\ninterface types { use more.{extra}; record item { e: extra } }\n"),
            ("wit/deps/lib/b.wit", "interface more { enum extra { x, y } }\n"));
        Assert.Empty(WitHarness.Describe(run));
        string code = Declarations(run);
        Assert.Contains("namespace Demo.Main", code);
        Assert.Contains("public readonly record struct Item(global::Demo.Main.Extra E);", code);
        Assert.Contains("global::Demo.Main.Item Get();", code);

        // A dependency does not give the world: with the root's world gone, there is none.
        var noWorld = WitHarness.Run(
            ("wit/main.wit", "package app:main;\ninterface api { get: func() -> u32; }\n"),
            ("wit/deps/lib/a.wit", "package dep:lib;\ninterface i { f: func(); }\nworld dep-world { export i; }\n"));
        Assert.Equal("WASM032", Assert.Single(WitHarness.Errors(noWorld)).Id);

        // Only a deps/ folder beside other WIT files makes a dependency: a checkout under /src/deps/ is not one.
        var checkout = WitHarness.Run(
            ("/src/deps/app/wit/main.wit", "package app:main;\ninterface api { get: func() -> u32; }\nworld w { export api; }\n"),
            ("/src/deps/app/wit/deps/lib/a.wit", "package dep:lib;\ninterface i { f: func(); }\nworld dep-world { export i; }\n"));
        Assert.Empty(WitHarness.Describe(checkout));
        Assert.Contains("uint Get();", Declarations(checkout));

        var orphan = WitHarness.Run(("wit/alone.wit", "interface i { f: func(); }\n"));
        var diagnostic = Assert.Single(WitHarness.Errors(orphan));
        Assert.Equal("WASM031", diagnostic.Id);
        Assert.Equal("wit/alone.wit", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("declares no package", diagnostic.GetMessage());
    }

    [Fact]
    public void A_syntax_error_in_one_file_leaves_the_others_bound()
    {
        var run = WitHarness.Run(
            ("wit/good.wit", "package a:b;\ninterface i { f: func() -> u32; }\nworld w { export i; }\n"),
            ("other/bad.wit", "package c:d;\ninterface j { g: func( }\n"));
        var diagnostic = Assert.Single(WitHarness.Errors(run));
        Assert.Equal("other/bad.wit", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("uint F();", Declarations(run));
    }

    [Fact]
    public void Without_a_world_nothing_is_declared_and_WASM032_says_why()
    {
        var run = WitHarness.Run(("wit/a.wit", "package a:b;\ninterface i { f: func(); }\n"));
        var diagnostic = Assert.Single(WitHarness.Errors(run));
        Assert.Equal("WASM032", diagnostic.Id);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("define no world", diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    private const string TwoWorlds = """
        package a:b;
        interface i { f: func(); }
        interface j { g: func(); }
        world one { export i; }
        world two { export j; import i; }
        """;

    [Fact]
    public void Several_worlds_need_WasmMarshalWitWorld()
    {
        var run = WitHarness.Run(("wit/a.wit", TwoWorlds));
        var diagnostic = Assert.Single(WitHarness.Errors(run));
        Assert.Equal("WASM032", diagnostic.Id);
        Assert.Contains("several worlds (one, two): set the MSBuild property WasmMarshalWitWorld", diagnostic.GetMessage());
        Assert.Equal((4, 6), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));

        var chosen = WitHarness.Run("", new Dictionary<string, string> { ["RootNamespace"] = "Demo", ["WasmMarshalWitWorld"] = "two" }, ("wit/a.wit", TwoWorlds));
        Assert.Empty(WitHarness.Describe(chosen));
        string code = Declarations(chosen);
        Assert.Contains("[global::WasmMarshal.WasmImport]\n    [global::WasmMarshal.WasmCanonicalAbi(\"a:b/j\")]\n    public partial interface IJ", code);
        Assert.Contains("[global::WasmMarshal.WasmExport]\n    [global::WasmMarshal.WasmCanonicalAbi(\"a:b/i\")]\n    public partial interface II", code);

        var full = WitHarness.Run("", new Dictionary<string, string> { ["WasmMarshalWitWorld"] = "a:b/one" }, ("wit/a.wit", TwoWorlds));
        Assert.Empty(WitHarness.Describe(full));
        Assert.DoesNotContain("interface IJ", Declarations(full));

        var unknown = WitHarness.Run("", new Dictionary<string, string> { ["WasmMarshalWitWorld"] = "three" }, ("wit/a.wit", TwoWorlds));
        Assert.Contains("WasmMarshalWitWorld is 'three', but no root package defines that world (the worlds are a:b/one, a:b/two)", Assert.Single(WitHarness.Errors(unknown)).GetMessage());
    }

    [Fact]
    public void The_default_namespace_is_named_after_the_package_of_the_world()
    {
        var run = WitHarness.Run("", new Dictionary<string, string> { ["RootNamespace"] = "Root", ["WasmMarshalWitWorld"] = "c:second-pkg/w2" },
            ("a/a.wit", "package a:first;\ninterface i { f: func(); }\nworld w1 { export i; }\n"),
            ("c/c.wit", "package c:second-pkg;\ninterface j { g: func(); }\nworld w2 { export j; }\n"));
        Assert.Empty(WitHarness.Describe(run));
        Assert.Contains("namespace Root.SecondPkg\n{", Declarations(run));
        Assert.Contains("[global::WasmMarshal.WasmCanonicalAbi(\"c:second-pkg/j\")]", Declarations(run));
    }

    [Fact]
    public void A_world_includes_another()
    {
        var run = WitHarness.Run(("wit/a.wit", """
            package a:b;
            interface i { f: func(); }
            interface j { g: func(); }
            world base { import i; }
            world full { include base; export j; }
            """), ("wit/b.wit", ""));
        Assert.Contains(WitHarness.Errors(run), d => d.Id == "WASM032");
        var chosen = WitHarness.Run("", new Dictionary<string, string> { ["RootNamespace"] = "Demo", ["WasmMarshalWitWorld"] = "full" }, ("wit/a.wit", """
            package a:b;
            interface i { f: func(); }
            interface j { g: func(); }
            world base { import i; }
            world full { include base; export j; }
            """));
        Assert.Empty(WitHarness.Describe(chosen));
        Assert.Contains("[global::WasmMarshal.WasmExport]\n    [global::WasmMarshal.WasmCanonicalAbi(\"a:b/i\")]", Declarations(chosen));
        Assert.Contains("[global::WasmMarshal.WasmImport]\n    [global::WasmMarshal.WasmCanonicalAbi(\"a:b/j\")]", Declarations(chosen));
    }

    [Fact]
    public void Resources_and_other_unsupported_constructs_are_WASM033_and_the_rest_is_bound()
    {
        var run = WitHarness.Run(("wit/a.wit", """
            package a:b;
            interface i {
                resource file { read: func() -> u32; }
                open: func(name: string) -> file;
                close: func(f: borrow<file>);
                wait: async func() -> u32;
                maybe: func() -> option<option<u32>>;
                chunks: func() -> stream<u8>;
                ok: func() -> u32;
            }
            world w {
                export i;
                export run: func();
                import inline: interface { f: func(); }
            }
            """));
        var described = WitHarness.Describe(run);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("WASM033", d.Id));
        Assert.Contains(described, d => d.StartsWith("WASM033 wit/a.wit(3,14): WIT construct not supported: the resource 'file' is not supported", System.StringComparison.Ordinal));
        Assert.Contains(described, d => d.StartsWith("WASM033 wit/a.wit(4,5): WIT construct not supported: the function 'open' of 'a:b/i' is left out: its result uses the resource 'file'", System.StringComparison.Ordinal));
        Assert.Contains(described, d => d.StartsWith("WASM033 wit/a.wit(5,5):", System.StringComparison.Ordinal) && d.Contains("'borrow<file>'"));
        Assert.Contains(described, d => d.StartsWith("WASM033 wit/a.wit(6,5):", System.StringComparison.Ordinal) && d.Contains("async functions are not supported"));
        Assert.Contains(described, d => d.StartsWith("WASM033 wit/a.wit(7,5):", System.StringComparison.Ordinal) && d.Contains("an option of an option"));
        Assert.Contains(described, d => d.StartsWith("WASM033 wit/a.wit(8,5):", System.StringComparison.Ordinal) && d.Contains("'stream'"));
        Assert.Contains(described, d => d.StartsWith("WASM033 wit/a.wit(13,12):", System.StringComparison.Ordinal) && d.Contains("world-level function 'run'"));
        Assert.Contains(described, d => d.StartsWith("WASM033 wit/a.wit(14,12):", System.StringComparison.Ordinal) && d.Contains("inline interface 'inline'"));
        Assert.Equal(8, described.Count);
        string code = Declarations(run);
        Assert.Contains("uint Ok();", code);
        Assert.DoesNotContain("Open(", code);
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
    }

    [Fact]
    public void What_the_canonical_parser_refuses_is_reported_at_the_WIT_function()
    {
        // A host function (world import) with 13 flat parameters: Linker.DefineFunction takes 12 (WASM015).
        var run = WitHarness.Run(("wit/a.wit", """
            package a:b;
            interface host {
                ok: func(a: u32) -> u32;
                wide: func(a1: u32, a2: u32, a3: u32, a4: u32, a5: u32, a6: u32, a7: u32, a8: u32, a9: u32, a10: u32, a11: u32, a12: u32, a13: u32);
            }
            world w { import host; }
            """));
        var diagnostic = Assert.Single(WitHarness.Errors(run));
        Assert.Equal("WASM015", diagnostic.Id);
        Assert.Equal("wit/a.wit", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal((3, 4), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains("13 core parameters", diagnostic.GetMessage());
    }

    // ---- incrementality ----

    private static readonly string[] WitSteps = { WasmMarshalGenerator.TrackingNames.WitDeclarations, WasmMarshalGenerator.TrackingNames.WitBindings };

    [Fact]
    public void An_unrelated_CSharp_edit_re_runs_nothing()
    {
        var first = RunRepresentative();
        foreach (string step in WitSteps)
        {
            var outputs = first.Result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            foreach (var (value, _) in outputs)
            {
                IncrementalAssert.NoSymbolsOrSyntax(value, step);
            }
        }

        var edited = first.Input.AddSyntaxTrees(GeneratorHarness.Parse("internal sealed class Unrelated { }\n", "Unrelated.cs"));
        var second = GeneratorHarness.Run(edited, first.Driver);
        foreach (string step in WitSteps)
        {
            Assert.All(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        Assert.Equal(first.CombinedSource, second.CombinedSource);
    }

    [Fact]
    public void Editing_a_WIT_file_re_runs_the_WIT_steps()
    {
        var original = new InMemoryAdditionalText("wit/a.wit", "package a:b;\ninterface i { f: func() -> u32; }\nworld w { export i; }\n");
        var first = GeneratorHarness.Run(GeneratorHarness.Compile(""), WitHarness.CreateDriver(new AdditionalText[] { original }));
        Assert.Contains("uint F();", Declarations(first));

        var driver = first.Driver.ReplaceAdditionalText(original,
            new InMemoryAdditionalText("wit/a.wit", "package a:b;\ninterface i { f: func() -> u64; }\nworld w { export i; }\n"));
        var second = GeneratorHarness.Run(first.Input, driver);
        foreach (string step in WitSteps)
        {
            Assert.Contains(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => output.Reason == IncrementalStepRunReason.Modified);
        }

        Assert.Contains("ulong F();", Declarations(second));
        Assert.Contains("\"f\", \"II.F\", \"() -> i64\"", second.Sources.Single(s => s.HintName == "Demo.B.II.WasmMarshal.g.cs").Text);
    }
}
