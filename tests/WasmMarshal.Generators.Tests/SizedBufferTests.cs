using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// [WasmCount] and [WasmCapacity]: the lowering of a buffer to one bare pointer (in the snapshot of a zlib-shaped
/// interface, with a count before its buffers and one count shared by three), and WASM020 to WASM024, each naming the
/// buffer and the parameter it names, at the buffer.
/// </summary>
public sealed class SizedBufferTests
{
    [Fact]
    public void SizedBuffers()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using WasmMarshal;

            namespace Demo.CLibraries;

            [WasmImport]
            public partial interface IZlibLike
            {
                // int compress(Bytef *dest, uLongf *destLen, const Bytef *source, uLong sourceLen);
                [WasmName("compress")]
                int Compress([WasmCapacity(nameof(destLen))] Span<byte> dest, out uint destLen,
                    [WasmCount(nameof(sourceLen))] ReadOnlySpan<byte> source, uint sourceLen);

                // The length cell before its buffer, as an int passed by ref.
                int Fill(ref int written, [WasmCapacity(nameof(written))] Span<ushort> units);

                // uLong crc32(uLong crc, const Bytef *buf, uInt len);
                [WasmName("crc32")]
                uint Crc32(uint crc, [WasmCount(nameof(len))] ReadOnlySpan<byte> buf, uint len);

                // void add(size_t n, const int *a, const int *b, int *sum): one count, before all three buffers.
                void Add(uint n, [WasmCount(nameof(n))] ReadOnlySpan<int> a, [WasmCount(nameof(n))] int[]? b,
                    [WasmCount(nameof(n))] Span<int> sum);
            }
            """);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Format(run.GeneratorDiagnostics));
        var analyzer = run.AnalyzerDiagnostics();
        Assert.True(analyzer.IsEmpty, "Analyzer diagnostics:\n" + GeneratorHarness.Format(analyzer));
        Assert.True(run.StrictOutputProblems.IsEmpty,
            "The output compilation has warnings or errors:\n" + GeneratorHarness.Format(run.StrictOutputProblems) + "\n\n" + run.CombinedSource);
        IncrementalAssert.CachesAcrossUnrelatedEdit(run);

        // Each sized buffer is one i32; the core signatures are what a C compiler gives the prototypes in the comments.
        const string I32 = "global::Wasmtime.ValueKind.Int32";
        Assert.Contains($"binder.Expect(\"compress\", \"Compress\", global::WasmMarshal.Binding.CoreSignature.Function({I32}, {I32}, {I32}, {I32}, {I32}));", run.CombinedSource);
        Assert.Contains($"binder.Expect(\"fill\", \"Fill\", global::WasmMarshal.Binding.CoreSignature.Function({I32}, {I32}, {I32}));", run.CombinedSource);
        Assert.Contains($"binder.Expect(\"crc32\", \"Crc32\", global::WasmMarshal.Binding.CoreSignature.Function({I32}, {I32}, {I32}, {I32}));", run.CombinedSource);
        Assert.Contains($"binder.Expect(\"add\", \"Add\", global::WasmMarshal.Binding.CoreSignature.Action({I32}, {I32}, {I32}, {I32}));", run.CombinedSource);
        Snapshot.Verify(run.CombinedSource);
    }

    private const string CopyInterface = """
        using System;
        using WasmMarshal;
        namespace Demo.CLibraries;
        [WasmImport]
        public partial interface ICopier
        {
            // int copy(uint8_t *dst, uint32_t *dst_len, uint32_t n, const uint8_t *src);
            int Copy([WasmCapacity(nameof(dstLen))] Span<byte> dst, out uint dstLen, uint n, [WasmCount(nameof(n))] ReadOnlySpan<byte> src);
        }
        """;

    /// <summary>The guest bindings spell a sized buffer as one pointer and say how far it reaches; each compiles with its toolchain.</summary>
    [Fact]
    public void Guest_bindings_of_sized_buffers_are_bare_pointers_that_compile_in_C_Rust_and_AssemblyScript()
    {
        var files = GuestToolchains.Generate(CopyInterface);
        string header = files["ICopier.h"];
        Assert.Contains("int32_t copy(uint8_t *dst, uint32_t *dstLen, uint32_t n, const uint8_t *src);", header);
        Assert.Contains("dst has room for *dstLen elements on entry; write at most that many and store the count written in *dstLen; src holds n elements", header);
        Assert.Contains("pub type CopyFn = unsafe extern \"C\" fn(dst: *mut u8, dstLen: *mut u32, n: u32, src: *const u8) -> i32;", files["i_copier.rs"]);

        // A C guest implementing it against the header, as the prototype says.
        files["check.c"] = """
            #include "ICopier.h"
            int32_t copy(uint8_t *dst, uint32_t *dstLen, uint32_t n, const uint8_t *src) {
                uint32_t count = n < *dstLen ? n : *dstLen;
                for (uint32_t i = 0; i < count; i++) dst[i] = src[i];
                *dstLen = count;
                return count == n ? 0 : -5;
            }
            """ + "\n";
        files["guest.ts"] = """
            import { checkICopierExports } from "./ICopier";
            export function copy(dst: usize, dstLen: usize, n: u32, src: usize): i32 {
              const count = min(n, load<u32>(dstLen));
              memory.copy(dst, src, count);
              store<u32>(dstLen, count);
              return count == n ? 0 : -5;
            }
            checkICopierExports(copy);
            """ + "\n";
        string directory = GuestToolchains.WriteAll(files);
        var c = GuestToolchains.ClangSyntaxCheck(directory, "check.c");
        Assert.True(c.ExitCode == 0, c.Output + "\n" + header);
        var rust = GuestToolchains.RustCheck(directory, "i_copier.rs");
        Assert.True(rust.ExitCode == 0, rust.Output + "\n" + files["i_copier.rs"]);
        var asc = GuestToolchains.AscCompile(directory, "guest.ts");
        Assert.True(asc.ExitCode == 0, asc.Output + "\n" + files["ICopier.ts"]);
    }

    [Fact]
    public void WASM020_count_parameter_missing()
    {
        var diagnostic = Single("WASM020", """
            [WasmImport]
            public partial interface IChecksums
            {
                uint Crc32(uint crc, [WasmCount("length")] ReadOnlySpan<byte> buf, uint len);
            }
            """);

        Assert.Equal("Parameter 'buf' of 'IChecksums.Crc32' takes its element count from 'length', but 'IChecksums.Crc32' has no parameter named 'length'",
            diagnostic.GetMessage());
        Assert.Equal("buf", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM020_length_parameter_missing()
    {
        var diagnostic = Single("WASM020", """
            [WasmImport]
            public partial interface IZlib
            {
                int Compress([WasmCapacity("size")] Span<byte> dest, out uint destLen);
            }
            """);

        Assert.Equal("Parameter 'dest' of 'IZlib.Compress' takes its length from 'size', but 'IZlib.Compress' has no parameter named 'size'",
            diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("double", "double")]
    [InlineData("ref uint", "ref uint")]
    [InlineData("bool", "bool")]
    [InlineData("DayOfWeek", "System.DayOfWeek")]
    public void WASM021_count_parameter_not_an_integer_by_value(string type, string shown)
    {
        var diagnostic = Single("WASM021", $$"""
            [WasmImport]
            public partial interface IChecksums
            {
                uint Crc32(uint crc, [WasmCount(nameof(len))] ReadOnlySpan<byte> buf, {{type}} len);
            }
            """);

        Assert.Equal($"Parameter 'buf' of 'IChecksums.Crc32' takes its element count from 'len', which must be an integer passed by value, but is '{shown}'",
            diagnostic.GetMessage());
        Assert.Equal("buf", GeneratorHarness.LocationText(diagnostic));
    }

    [Theory]
    [InlineData("uint", "uint")]
    [InlineData("in uint", "in uint")]
    [InlineData("ref ulong", "ref ulong")]
    [InlineData("out short", "out short")]
    public void WASM022_length_parameter_not_a_ref_32_bit_integer(string type, string shown)
    {
        var diagnostic = Single("WASM022", $$"""
            [WasmImport]
            public partial interface IZlib
            {
                int Compress([WasmCapacity(nameof(destLen))] Span<byte> dest, {{type}} destLen);
            }
            """);

        Assert.Equal($"Parameter 'dest' of 'IZlib.Compress' reports its length through 'destLen', which must be a ref or out int or uint (a pointer to a 32-bit length), but is '{shown}'",
            diagnostic.GetMessage());
        Assert.Equal("dest", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM023_two_buffers_sharing_one_length_cell_are_both_reported()
    {
        var diagnostics = Analyze("""
            [WasmImport]
            public partial interface ISplitter
            {
                int Split([WasmCapacity(nameof(len))] Span<byte> first, [WasmCapacity(nameof(len))] Span<byte> second, ref uint len);
            }
            """);

        Assert.All(diagnostics, d => Assert.Equal("WASM023", d.Id));
        Assert.Equal(
            [
                "Parameter 'first' of 'ISplitter.Split' cannot take its length from 'len': 'len' is also the length of 'second', and a length cell belongs to one buffer",
                "Parameter 'second' of 'ISplitter.Split' cannot take its length from 'len': 'len' is also the length of 'first', and a length cell belongs to one buffer",
            ],
            diagnostics.Select(d => d.GetMessage()).Order());
    }

    [Fact]
    public void WASM023_a_buffer_cannot_size_itself()
    {
        var diagnostic = Single("WASM023", """
            [WasmImport]
            public partial interface IChecksums
            {
                uint Crc32(uint crc, [WasmCount(nameof(buf))] ReadOnlySpan<byte> buf);
            }
            """);

        Assert.Equal("Parameter 'buf' of 'IChecksums.Crc32' cannot take its element count from 'buf': a parameter cannot size itself", diagnostic.GetMessage());
    }

    [Fact]
    public void A_count_shared_by_several_buffers_is_not_a_conflict()
    {
        Assert.Empty(Analyze("""
            [WasmImport]
            public partial interface IVectors
            {
                void Add([WasmCount(nameof(n))] ReadOnlySpan<int> a, [WasmCount(nameof(n))] ReadOnlySpan<int> b, [WasmCount(nameof(n))] Span<int> sum, int n);
            }
            """));
    }

    [Theory]
    [InlineData("[WasmCapacity(nameof(destLen))] ReadOnlySpan<byte> dest, out uint destLen", "WasmCapacity", "dest",
        "it applies to a Span<T> the guest writes into, and 'dest' is 'System.ReadOnlySpan<byte>'")]
    [InlineData("[WasmCapacity(nameof(destLen))] byte[] dest, out uint destLen", "WasmCapacity", "dest",
        "it applies to a Span<T> the guest writes into, and 'dest' is 'byte[]'")]
    [InlineData("[WasmCount(nameof(n))] string text, int n", "WasmCount", "text",
        "it applies to a span or array, and 'text' is 'string'")]
    [InlineData("[WasmCount(nameof(n)), WasmCapacity(nameof(n))] Span<byte> data, ref uint n", "WasmCapacity", "data",
        "a buffer is either counted by an input ([WasmCount]) or an output with a capacity ([WasmCapacity]), not both")]
    public void WASM024_attribute_on_a_parameter_it_cannot_apply_to(string parameters, string attribute, string parameter, string why)
    {
        var diagnostic = Single("WASM024", $$"""
            [WasmImport]
            public partial interface IBuffers
            {
                int Use({{parameters}});
            }
            """);

        Assert.Equal($"[{attribute}] on parameter '{parameter}' of 'IBuffers.Use' does not apply: {why}", diagnostic.GetMessage());
        Assert.Equal(parameter, GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM024_on_an_export_interface()
    {
        var diagnostic = Single("WASM024", """
            [WasmExport("env")]
            public partial interface IHostSink
            {
                void Write([WasmCount(nameof(len))] ReadOnlySpan<byte> data, uint len);
            }
            """);

        Assert.Equal("[WasmCount] on parameter 'data' of 'IHostSink.Write' does not apply: only [WasmImport] methods pass sized buffers so far; a [WasmExport] method receives spans as (pointer, count)",
            diagnostic.GetMessage());
    }

    [Fact]
    public void A_method_with_an_inconsistent_size_attribute_is_not_bound_and_says_why()
    {
        var run = GeneratorHarness.Run(Wrap("""
            [WasmImport]
            public partial interface IChecksums
            {
                uint Crc32(uint crc, [WasmCount("length")] ReadOnlySpan<byte> buf, uint len);
                uint Adler32(uint adler, [WasmCount(nameof(len))] ReadOnlySpan<byte> buf, uint len);
            }
            """));

        Assert.Contains("NotBound(\"IChecksums.Crc32\", \"parameter 'buf' takes its element count from a parameter that does not exist (WASM020)\")", run.CombinedSource);
        Assert.DoesNotContain("binder.Expect(\"crc32\"", run.CombinedSource);
        Assert.Contains("binder.Expect(\"adler32\"", run.CombinedSource);
    }

    private static ImmutableArray<Diagnostic> Analyze(string body)
    {
        var compilation = GeneratorHarness.Compile(Wrap(body));
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assert.True(compileErrors.IsEmpty, "The snippet itself does not compile:\n" + GeneratorHarness.Format(compileErrors));
        var diagnostics = GeneratorHarness.RunAnalyzer(compilation);
        GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver());
        return diagnostics;
    }

    private static Diagnostic Single(string id, string body)
    {
        var diagnostic = Assert.Single(Analyze(body));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(GeneratorHarness.SnippetPath, diagnostic.Location.SourceTree?.FilePath);
        return diagnostic;
    }

    private static string Wrap(string body) => """
        using System;
        using WasmMarshal;

        namespace Demo;

        """ + body + "\n";
}
