using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// Layouts the generator used to accept with the wrong numbers (issue 13, round two): [InlineArray] buffers,
/// automatic-layout BCL structs, and generic instantiations that collided in the guest bindings. The expected offsets
/// are .NET's (checked by <see cref="LayoutOracleTests"/> against the runtime) and each header is compiled by clang,
/// whose _Static_asserts compare the generated numbers with its own wasm32 layout.
/// </summary>
public sealed class LayoutRoundTwoTests
{
    private const string InlineArrays = """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using WasmMarshal;

        namespace Demo.Inline;

        [InlineArray(4)]
        public struct Int4 { private int _element; }

        [InlineArray(3)]
        public struct Pairs3 { private Pair _element; }

        public struct Pair { public byte A; public long B; }

        [StructLayout(LayoutKind.Sequential)]
        public struct Holder
        {
            public int Head;
            public Int4 Values;
            public int Tail;
        }

        public struct Nested
        {
            public byte Flag;
            public Pairs3 Items;
        }

        [WasmImport]
        public partial interface IInline
        {
            int Sum(in Holder holder);
            void Fill(ref Nested nested);
            int First(in Int4 values);
        }
        """;

    /// <summary>
    /// Before: Int4 was taken for one int (4 bytes) and Holder for 12 bytes, so the host wrote 12 bytes past each
    /// buffer; .NET makes Int4 16 bytes and Holder 24, with Tail at 20.
    /// </summary>
    [Fact]
    public void An_inline_array_field_is_its_element_times_its_length_in_every_guest_language()
    {
        var run = GeneratorHarness.Run(InlineArrays);
        Assert.Empty(run.AnalyzerDiagnostics());
        var files = GuestToolchains.Generate(InlineArrays);
        string header = files["IInline.h"];
        Assert.Contains("int32_t values[4]; /* offset 4 */", header);
        Assert.Contains("int32_t tail; /* offset 20 */", header);
        Assert.Contains("_Static_assert(sizeof(holder) == 24,", header);
        Assert.Contains("pair items[3]; /* offset 8 */", header);
        Assert.Contains("_Static_assert(sizeof(nested) == 56,", header);
        Assert.Contains("_Static_assert(sizeof(int4) == 16,", header);
        Assert.Contains("pub values: [i32; 4], // offset 4", files["i_inline.rs"]);
        Assert.Contains("pub items: [Pair; 3], // offset 8", files["i_inline.rs"]);
        Assert.Contains("export const HOLDER_VALUES: usize = 4; // i32[4]", files["IInline.ts"]);
        Assert.Contains("export const HOLDER_SIZE: usize = 24;", files["IInline.ts"]);
        CompilesInEveryGuestLanguage(files, "IInline.h", "i_inline.rs");
    }

    /// <summary>
    /// Before: ValueTuple&lt;byte, long&gt; was accepted with Item1 at 0; .NET gives it LayoutKind.Auto and puts Item1 at 8.
    /// </summary>
    [Theory]
    [InlineData("public (byte, long) Pair;", "Pair")]
    [InlineData("public System.ValueTuple<byte, long> Pair;", "Pair")]
    [InlineData("public System.Collections.Generic.KeyValuePair<int, long> Entry;", "Entry")]
    [InlineData("public System.ValueTuple<int, int> Both;", "Both")]
    public void An_automatic_layout_bcl_struct_is_rejected_naming_the_field(string field, string name)
    {
        var diagnostics = GeneratorHarness.Run($$"""
            using WasmMarshal;
            namespace Demo;
            public struct Holder { public int Id; {{field}} }
            [WasmImport]
            public partial interface ITuples { void Take(in Holder holder); }
            """).AnalyzerDiagnostics();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("WASM004", diagnostic.Id);
        Assert.Contains($"field '{name}'", diagnostic.GetMessage());
        Assert.Contains("LayoutKind.Auto", diagnostic.GetMessage());
    }

    [Fact]
    public void A_value_tuple_parameter_is_rejected()
    {
        var diagnostics = GeneratorHarness.Run("""
            using WasmMarshal;
            namespace Demo;
            [WasmImport]
            public partial interface ITuples { void Take(in (byte, long) pair); (int, int) Make(); }
            """).AnalyzerDiagnostics();
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("WASM004", d.Id));
        Assert.All(diagnostics, d => Assert.Contains("LayoutKind.Auto", d.GetMessage()));
    }

    /// <summary>
    /// Structs from a referenced assembly: the compiler does not show their LayoutKind, so a generic one (which could be
    /// as automatic as ValueTuple) and one whose fields are private (an [InlineArray] among them) are rejected; a
    /// non-generic one with public fields is trusted, as before.
    /// </summary>
    [Fact]
    public void Generic_and_private_field_structs_from_a_referenced_assembly_are_rejected_and_plain_ones_are_not()
    {
        var library = GeneratorHarness.Compile("""
            using System.Runtime.CompilerServices;
            namespace Lib;
            public struct Pair<T> where T : unmanaged { public T A; public T B; }
            public struct Plain { public int A; public long B; }
            [InlineArray(4)] public struct Buffer { private long _element; }
            """, "Lib");
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Emit(image).Success);
        var reference = MetadataReference.CreateFromImage(image.ToArray());
        var compilation = GeneratorHarness.Compile("""
            using WasmMarshal;
            namespace Demo;
            [WasmImport]
            public partial interface IReferenced
            {
                void TakePair(in Lib.Pair<int> pair);
                void TakePlain(in Lib.Plain plain);
                void TakeBuffer(in Lib.Buffer buffer);
            }
            """).AddReferences(reference);
        var diagnostics = GeneratorHarness.RunAnalyzer(compilation);
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("WASM004", d.Id));
        Assert.Contains("generic struct from a referenced assembly", diagnostics[0].GetMessage());
        Assert.Contains("whose fields are private, so its real layout cannot be verified", diagnostics[1].GetMessage());
    }

    private const string Generics = """
        using WasmMarshal;

        namespace Demo.Generic;

        public struct Pair<T> where T : unmanaged { public T First; public T Second; }

        public struct Vec2 { public float X; public float Y; }

        public struct Both
        {
            public Pair<int> Small;
            public Pair<long> Large;
            public Pair<Vec2> Points;
        }

        public static class Other { public struct Vec2 { public double X; public double Y; } }

        [WasmImport]
        public partial interface IGenerics
        {
            int Small(in Pair<int> pair);
            long Large(in Pair<long> pair);
            void Both(ref Both both);
            double Other(in Other.Vec2 wide);
        }
        """;

    /// <summary>
    /// Before: Pair&lt;int&gt; and Pair&lt;long&gt; both became <c>pair</c> (C), <c>Pair</c> (Rust) and <c>PAIR_</c>
    /// (AssemblyScript): the header did not compile, and the second definition was silently skipped by its guard.
    /// Two structs named Vec2 in different namespaces collided the same way.
    /// </summary>
    [Fact]
    public void Generic_instantiations_and_same_named_structs_get_distinct_guest_names()
    {
        var files = GuestToolchains.Generate(Generics);
        string header = files["IGenerics.h"];
        Assert.Contains("typedef struct pair_i32 {", header);
        Assert.Contains("typedef struct pair_i64 {", header);
        Assert.Contains("typedef struct pair_vec2 {", header);
        Assert.Contains("_Static_assert(sizeof(pair_i64) == 16,", header);
        Assert.Contains("pair_i32 small; /* offset 0 */", header);
        Assert.Contains("pair_i64 large; /* offset 8 */", header);
        Assert.Contains("typedef struct vec2_2 {", header);
        Assert.Contains("int32_t small(const pair_i32 *pair);", header);
        Assert.Contains("void both_fn(both *both_);", header);
        Assert.Contains("pub struct Pair_i32 {", files["i_generics.rs"]);
        Assert.Contains("pub struct Pair_i64 {", files["i_generics.rs"]);
        Assert.Contains("export const PAIR_I32_SIZE: usize = 8;", files["IGenerics.ts"]);
        Assert.Contains("export const PAIR_I64_SIZE: usize = 16;", files["IGenerics.ts"]);
        CompilesInEveryGuestLanguage(files, "IGenerics.h", "i_generics.rs");
    }

    private static void CompilesInEveryGuestLanguage(System.Collections.Generic.Dictionary<string, string> files, string header, string rust)
    {
        var all = files.ToDictionary(f => f.Key, f => f.Value);
        all["check.c"] = $"#include \"{header}\"\n";
        string directory = GuestToolchains.WriteAll(all);
        var c = GuestToolchains.ClangSyntaxCheck(directory, "check.c");
        Assert.True(c.ExitCode == 0, "clang rejected " + header + ":\n" + c.Output + "\n" + files[header]);
        var r = GuestToolchains.RustCheck(directory, rust);
        Assert.True(r.ExitCode == 0, "rustc rejected " + rust + ":\n" + r.Output + "\n" + files[rust]);
    }
}
