using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// Returned buffers ([return: WasmFree], [return: WasmBorrowed], [return: WasmCount]), fixed-size buffers
/// ([WasmFixedLength]) and the check header of [WasmLibraryHeader]: the lowering (snapshot), WASM028, WASM029, WASM040
/// and WASM041, and the check header compiled by clang++ against a C header, accepting a right binding and refusing
/// wrong ones with messages that name the C# method and parameter.
/// </summary>
public sealed class ReturnedBufferTests
{
    [Fact]
    public void ReturnedBuffers()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using WasmMarshal;

            namespace Demo.CLibraries;

            [WasmImport]
            public partial interface IJsonLike
            {
                // char *cJSON_PrintUnformatted(const cJSON *item);   freed with cJSON_free
                [WasmName("cJSON_PrintUnformatted"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
                [return: WasmFree("cJSON_free")]
                string? PrintUnformatted(uint item);

                // char *cJSON_Print(const cJSON *item): the same free export, bound once.
                [WasmName("cJSON_Print"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
                [return: WasmFree("cJSON_free")]
                string Print(uint item);

                // const char *LZ4_versionString(void);   static
                [WasmName("LZ4_versionString"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
                [return: WasmBorrowed]
                string VersionString();

                // uint8_t *load(const uint8_t *buf, int len, int *count);   freed with free
                [return: WasmCount(nameof(count))]
                byte[]? Load([WasmCount(nameof(len))] ReadOnlySpan<byte> buf, int len, out int count);

                // void XXH128_canonicalFromHash(XXH128_canonical_t *dst, XXH128_hash_t hash): 16 bytes out.
                void Canonical([WasmFixedLength(16)] Span<byte> dst, ulong low, ulong high);
            }
            """);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Format(run.GeneratorDiagnostics));
        var analyzer = run.AnalyzerDiagnostics();
        Assert.True(analyzer.IsEmpty, "Analyzer diagnostics:\n" + GeneratorHarness.Format(analyzer));
        Assert.True(run.StrictOutputProblems.IsEmpty,
            "The output compilation has warnings or errors:\n" + GeneratorHarness.Format(run.StrictOutputProblems) + "\n\n" + run.CombinedSource);
        IncrementalAssert.CachesAcrossUnrelatedEdit(run);

        const string I32 = "global::Wasmtime.ValueKind.Int32";
        // One pointer result each; the free export is checked at bind time, once for both methods that name it.
        Assert.Contains($"binder.Expect(\"cJSON_Print\", \"Print\", global::WasmMarshal.Binding.CoreSignature.Function({I32}, {I32}));", run.CombinedSource);
        Assert.Contains($"binder.Expect(\"load\", \"Load\", global::WasmMarshal.Binding.CoreSignature.Function({I32}, {I32}, {I32}, {I32}));", run.CombinedSource);
        Assert.Single(run.CombinedSource.Split('\n'), line => line.Contains("binder.Expect(\"cJSON_free\""));
        Snapshot.Verify(run.CombinedSource);
    }

    private const string LibraryHeader = """
        #ifndef MYLIB_H
        #define MYLIB_H
        typedef unsigned long uLong;
        typedef struct item item;
        uLong mylib_crc(uLong crc, const unsigned char *buf, unsigned int len);
        int mylib_fill(unsigned char *dst, unsigned long *dst_len, int n);
        char *mylib_print(const item *it);
        void mylib_free(void *p);
        long long mylib_big(long long x);
        #endif
        """;

    private static (int ExitCode, string Output, string Check) CompileCheckHeader(string methods)
    {
        var files = GuestToolchains.Generate($$"""
            using System;
            using WasmMarshal;
            namespace Demo;
            [WasmImport, WasmLibraryHeader("mylib.h")]
            public partial interface IMyLib
            {
            {{methods}}
            }
            """);
        Assert.False(files.ContainsKey("IMyLib.h"), "a [WasmLibraryHeader] interface does not redeclare the library's functions");
        files["mylib.h"] = LibraryHeader + "\n";
        string directory = GuestToolchains.WriteAll(files);
        var result = GuestToolchains.Run("clang++", new[] { "--target=wasm32-wasi", "-fsyntax-only", "-Werror", "-Wall", "-I", directory,
            System.IO.Path.Combine(directory, "IMyLib.check.hpp") }, directory);
        return (result.ExitCode, result.Output, files["IMyLib.check.hpp"]);
    }

    private const string RightMethods = """
            [WasmName("mylib_crc")] uint Crc(uint crc, [WasmCount(nameof(len))] ReadOnlySpan<byte> buf, uint len);
            [WasmName("mylib_fill")] int Fill([WasmCapacity(nameof(dstLen))] Span<byte> dst, ref uint dstLen, int n);
            [WasmName("mylib_print"), WasmString(WasmStringEncoding.Utf8NulTerminated)] [return: WasmFree("mylib_free")] string? Print(uint it);
            [WasmName("mylib_free")] void Free(uint p);
            [WasmName("mylib_big")] long Big(long x);
        """;

    [Fact]
    public void The_check_header_of_a_right_binding_compiles_against_the_library_header()
    {
        var (exitCode, output, check) = CompileCheckHeader(RightMethods);
        Assert.True(exitCode == 0, output + "\n" + check);
        Assert.Contains("#include <mylib.h>", check);
    }

    [Theory]
    // The desktop habit: ulong for unsigned long, which is 32-bit on wasm32.
    [InlineData("[WasmName(\"mylib_crc\")] ulong Crc(ulong crc, [WasmCount(nameof(len))] ReadOnlySpan<byte> buf, uint len);",
        "IMyLib.Crc: parameter 'crc' (ulong, 64-bit unsigned) is not what mylib_crc takes as parameter 1 on wasm32: long and unsigned long are 32-bit")]
    [InlineData("[WasmName(\"mylib_crc\")] ulong Crc(uint crc, [WasmCount(nameof(len))] ReadOnlySpan<byte> buf, uint len);",
        "IMyLib.Crc: the C# return type ulong, 64-bit unsigned is not what mylib_crc returns on wasm32")]
    // int for long long: too narrow.
    [InlineData("[WasmName(\"mylib_big\")] long Big(int x);", "IMyLib.Big: parameter 'x' (int, 32-bit signed) is not what mylib_big takes as parameter 1")]
    // Signedness.
    [InlineData("[WasmName(\"mylib_fill\")] int Fill([WasmCapacity(nameof(dstLen))] Span<byte> dst, ref uint dstLen, uint n);",
        "IMyLib.Fill: parameter 'n' (uint, 32-bit unsigned) is not what mylib_fill takes as parameter 3")]
    // 16-bit elements where the library has bytes.
    [InlineData("[WasmName(\"mylib_crc\")] uint Crc(uint crc, [WasmCount(nameof(len))] ReadOnlySpan<ushort> buf, uint len);",
        "IMyLib.Crc: parameter 'buf' (ReadOnlySpan<ushort>) is not what mylib_crc takes as parameter 2")]
    // The guest writes through a pointer the library declares const.
    [InlineData("[WasmName(\"mylib_crc\")] uint Crc(uint crc, [WasmCount(nameof(len))] Span<byte> buf, uint len);",
        "IMyLib.Crc: parameter 'buf' (Span<byte>) is not what mylib_crc takes as parameter 2")]
    // A (pointer, length) pair where the library takes one pointer: one parameter too many.
    [InlineData("[WasmName(\"mylib_print\"), WasmString(WasmStringEncoding.Utf8NulTerminated)] [return: WasmFree(\"mylib_free\")] string? Print(ReadOnlySpan<byte> it);",
        "IMyLib.Print: the C# method passes 2 parameters, but mylib_print in mylib.h takes another number")]
    public void The_check_header_of_a_wrong_binding_fails_to_compile_naming_the_method_and_parameter(string method, string expected)
    {
        var (exitCode, output, check) = CompileCheckHeader(method);
        Assert.True(exitCode != 0, "clang++ accepted a wrong binding:\n" + check);
        Assert.Contains(expected, output);
    }

    [Theory]
    [InlineData("[return: WasmFree(\"lib_free\")] int Count();", "WasmFree", "it applies to a returned NUL-terminated string ([WasmString(WasmStringEncoding.Utf8NulTerminated)]) or a returned array with [return: WasmCount], and the return type is 'int'")]
    [InlineData("[return: WasmFree(\"lib_free\")] string Name();", "WasmFree", "it applies to a returned NUL-terminated string ([WasmString(WasmStringEncoding.Utf8NulTerminated)]) or a returned array with [return: WasmCount], and the return type is 'string' in another encoding")]
    [InlineData("[WasmString(WasmStringEncoding.Utf8NulTerminated)] [return: WasmFree(\"lib_free\"), WasmBorrowed] string Name();", "WasmFree", "a returned buffer is either freed through an export ([WasmFree]) or never freed ([WasmBorrowed]), not both")]
    [InlineData("[WasmString(WasmStringEncoding.Utf8NulTerminated)] [return: WasmFree(\"\")] string Name();", "WasmFree", "the name of the export that frees the buffer is empty")]
    [InlineData("[return: WasmCount(nameof(n))] string Name(out int n);", "WasmCount", "it applies to a returned array (T[]), and the return type is 'string'")]
    [InlineData("[return: WasmBorrowed] byte[] Bytes();", "WasmBorrowed", "a returned array comes back as one pointer only with [return: WasmCount(nameof(count))] naming its count")]
    public void WASM028_returned_buffer_attribute_misplaced(string method, string attribute, string why)
    {
        var diagnostic = Single("WASM028", "[WasmImport] public partial interface ILib { " + method + " }");
        Assert.Equal($"[{attribute}] on the return value of 'ILib.{method.Split('(')[^2].Split(' ')[^1]}' does not apply: {why}", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[return: WasmCount(\"size\")] byte[] Load(out int count);", "size", "'ILib.Load' has no parameter named 'size'")]
    [InlineData("[return: WasmCount(nameof(count))] byte[] Load(int count);", "count", "'count' must be an out or ref int or uint (the guest stores the count through a pointer), and is 'int'")]
    [InlineData("[return: WasmCount(nameof(count))] byte[] Load(out long count);", "count", "'count' must be an out or ref int or uint (the guest stores the count through a pointer), and is 'out long'")]
    [InlineData("[return: WasmCount(nameof(len))] byte[] Load([WasmCapacity(nameof(len))] Span<byte> dst, ref uint len);", "len", "'len' is also the length of parameter 'dst'; a count cell belongs to one buffer")]
    public void WASM029_return_count_parameter_invalid_names_the_return_and_the_parameter(string method, string parameter, string why)
    {
        var diagnostic = Single("WASM029", "[WasmImport] public partial interface ILib { " + method + " }");
        Assert.Equal($"The return value of 'ILib.Load' takes its element count from '{parameter}', but {why}", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("void Hash([WasmFixedLength(16)] int digest);", "16", "it applies to a span or array, and 'digest' is 'int'")]
    [InlineData("void Hash([WasmFixedLength(0)] Span<byte> digest);", "0", "the length must be at least 1")]
    [InlineData("void Hash([WasmFixedLength(16), WasmCount(nameof(n))] Span<byte> digest, int n);", "16", "'digest' is already sized by 'n'; a buffer has a fixed length or a size parameter, not both")]
    public void WASM040_fixed_length_misplaced(string method, string length, string why)
    {
        var diagnostic = Single("WASM040", "[WasmImport] public partial interface ILib { " + method + " }");
        Assert.Equal($"[WasmFixedLength({length})] on parameter 'digest' of 'ILib.Hash' does not apply: {why}", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[WasmImport, WasmLibraryHeader(\"\")]", "", "the header name is empty")]
    [InlineData("[WasmImport, WasmLibraryHeader(\"a\\\"b.h\")]", "a\"b.h", "the header name must not contain quotes, angle brackets or line breaks")]
    [InlineData("[WasmExport(\"env\"), WasmLibraryHeader(\"zlib.h\")]", "zlib.h", "a library's header declares the functions the library exports, so it applies to [WasmImport] interfaces")]
    public void WASM041_library_header_invalid(string attributes, string header, string why)
    {
        var diagnostic = Single("WASM041", attributes + " public partial interface ILib { int Count(); }");
        Assert.Equal($"[WasmLibraryHeader(\"{header}\")] on 'ILib' does not apply: {why}", diagnostic.GetMessage());
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
        return diagnostic;
    }

    private static string Wrap(string body) => """
        using System;
        using WasmMarshal;

        namespace Demo;

        """ + body + "\n";
}
