using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// C# names that are keywords or reserved names in a guest language (issue 13, round two). Before, methods named
/// <c>Int</c>, <c>Return</c>, <c>Struct</c>, <c>Sizeof</c>, <c>Bool</c>... produced C headers that did not compile,
/// enum minimums broke -Werror guests, and exports named <c>malloc</c> or <c>memory</c> passed without a diagnostic.
/// Each generated file is handed to the real compiler: clang -Werror -Wall -Wextra, rustc, asc.
/// </summary>
public sealed class HostileNameTests
{
    private const string Hostile = """
        using System.Runtime.InteropServices;
        using WasmMarshal;

        namespace Demo.Hostile;

        public enum Int8 : sbyte { Min = sbyte.MinValue, Max = sbyte.MaxValue }

        public enum Wide : long { Min = long.MinValue, Max = long.MaxValue }

        public enum Narrow : int { Min = int.MinValue, Max = int.MaxValue }

        public enum Bool : byte { No, Yes }

        public struct Int
        {
            public int Return;
            public int Type;
            public int Self;
            public int Match;
            public int Fn;
            public int Bool;
            public int Sizeof;
            public int Alignof;
            public int Default;
            public int Static;
        }

        public struct Struct { public Int Switch; public Wide While; public Int8 Case; }

        [WasmImport]
        public partial interface IHostileNames
        {
            int Int(int value);
            void Return(in Int @int);
            int Struct(Struct @struct, int @return);
            void While();
            int Sizeof(int @sizeof);
            bool Bool(Bool @bool);
            int Switch(Int8 @case);
            int Printf(int self);
            int Memcpy(int type);
            int Alignof();
            int StaticAssert();
            long Self(Wide wide);
            void Type(Narrow narrow);
            Int Fn(Bool value);
        }

        [WasmExport("host")]
        public partial interface IHostileNamesHost
        {
            int Int(int @int);
            void Printf(in Int @struct);
            void Return(Narrow narrow, Wide @while);
            Struct Default(Int8 @static);
        }
        """;

    [Fact]
    public void A_c_header_for_keyword_and_libc_names_compiles_with_Werror_next_to_the_libc_headers()
    {
        var files = GuestToolchains.Generate(Hostile);
        files["check.c"] = """
            #include <stdalign.h>
            #include <stdbool.h>
            #include <stdint.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include "IHostileNames.h"
            #include "IHostileNamesHost.h"
            """ + "\n";
        string directory = GuestToolchains.WriteAll(files);
        var result = GuestToolchains.ClangSyntaxCheck(directory, "check.c");
        Assert.True(result.ExitCode == 0, result.Output + "\n" + files["IHostileNames.h"] + files["IHostileNamesHost.h"]);

        // The wasm names stay what the host binds; only the C spelling changes.
        string header = files["IHostileNames.h"];
        Assert.Contains("__attribute__((export_name(\"int\")))", header);
        Assert.Contains("__attribute__((export_name(\"sizeof\")))", header);
        Assert.Contains("__attribute__((export_name(\"printf\")))\nint32_t printf_(int32_t self_);", header);
    }

    /// <summary>Before: <c>#define WIDE_MIN ((wide)-9223372036854775808ll)</c>, which -Wimplicitly-unsigned-literal rejects.</summary>
    [Fact]
    public void Enum_minimums_are_portable_literals_with_the_right_values()
    {
        var files = GuestToolchains.Generate(Hostile);
        files["check.c"] = """
            #include "IHostileNames.h"
            _Static_assert(WIDE_MIN == INT64_MIN, "WIDE_MIN");
            _Static_assert(WIDE_MAX == INT64_MAX, "WIDE_MAX");
            _Static_assert(NARROW_MIN == INT32_MIN, "NARROW_MIN");
            _Static_assert(INT8_MIN_ == INT8_MIN, "INT8_MIN_");
            _Static_assert(INT8_MAX_ == 127, "INT8_MAX_");
            _Static_assert(sizeof(WIDE_MIN) == 8, "WIDE_MIN is an int64_t");
            """ + "\n";
        string directory = GuestToolchains.WriteAll(files);
        var result = GuestToolchains.ClangSyntaxCheck(directory, "check.c", "-Wimplicitly-unsigned-literal");
        Assert.True(result.ExitCode == 0, result.Output + "\n" + files["IHostileNames.h"]);
    }

    /// <summary>
    /// The same without the stdint-named enum, so that the only thing under test is the literal: before, using
    /// WIDE_MIN failed with "integer literal is too large to be represented in a signed integer type".
    /// </summary>
    [Fact]
    public void A_64_bit_enum_minimum_can_be_used_by_a_Werror_guest()
    {
        var files = GuestToolchains.Generate("""
            using WasmMarshal;
            namespace Demo.Ranges;
            public enum Wide : long { Min = long.MinValue, Zero = 0, Max = long.MaxValue }
            public enum Narrow : int { Min = int.MinValue }
            public enum Unsigned : ulong { Max = ulong.MaxValue }
            [WasmImport]
            public partial interface IRanges { long Clamp(Wide wide, Narrow narrow, Unsigned unsigned); }
            """);
        files["check.c"] = """
            #include "IRanges.h"
            _Static_assert(WIDE_MIN == INT64_MIN && WIDE_MIN < 0, "WIDE_MIN");
            _Static_assert(NARROW_MIN == INT32_MIN && NARROW_MIN < 0, "NARROW_MIN");
            _Static_assert(UNSIGNED_MAX == UINT64_MAX, "UNSIGNED_MAX");
            """ + "\n";
        var result = GuestToolchains.ClangSyntaxCheck(GuestToolchains.WriteAll(files), "check.c");
        Assert.True(result.ExitCode == 0, result.Output + "\n" + files["IRanges.h"]);
    }

    [Fact]
    public void A_rust_module_for_keyword_names_compiles()
    {
        var files = GuestToolchains.Generate(Hostile);
        string directory = GuestToolchains.WriteAll(files);
        foreach (string module in new[] { "i_hostile_names.rs", "i_hostile_names_host.rs" })
        {
            var result = GuestToolchains.RustCheck(directory, module);
            Assert.True(result.ExitCode == 0, result.Output + "\n" + files[module]);
        }

        Assert.Contains("pub r#return: i32,", files["i_hostile_names.rs"]);
        Assert.Contains("pub self_: i32,", files["i_hostile_names.rs"]);
    }

    /// <summary>
    /// An AssemblyScript guest written by hand against the hostile interface: it imports the host functions and passes
    /// its exports to the generated check, so asc type-checks both files.
    /// </summary>
    [Fact]
    public void AssemblyScript_declarations_for_keyword_names_compile_with_asc()
    {
        var files = GuestToolchains.Generate(Hostile);
        files["guest.ts"] = """
            import { checkIHostileNamesExports, WIDE_MIN, INT8_MIN } from "./IHostileNames";
            import { host_int, host_printf, host_return, host_default } from "./IHostileNamesHost";
            export function int(value: i32): i32 { return host_int(value); }
            function return_(int_: usize): void { host_printf(int_); }
            export { return_ as return };
            export function struct(struct_: usize, return_: i32): i32 { return return_; }
            function while_(): void { host_return(0, WIDE_MIN); }
            export { while_ as while };
            export function sizeof_(sizeof_: i32): i32 { return sizeof_; }
            export function bool_(bool_: u8): bool { return bool_ != 0; }
            export function switch_(case_: i8): i32 { return <i32>case_ + <i32>INT8_MIN; }
            export function printf(self: i32): i32 { return self; }
            export function memcpy(type_: i32): i32 { return type_; }
            export function alignof_(): i32 { return 4; }
            export function static_assert(): i32 { return 0; }
            export function self(wide: i64): i64 { return wide; }
            export function type_(narrow: i32): void { host_default(0, <i8>narrow); }
            export function fn(ret: usize, value: u8): void { store<u8>(ret, value); }
            checkIHostileNamesExports(int, return_, struct, while_, sizeof_, bool_, switch_, printf, memcpy, alignof_, static_assert, self, type_, fn);
            """ + "\n";
        string directory = GuestToolchains.WriteAll(files);
        var result = GuestToolchains.AscCompile(directory, "guest.ts");
        Assert.True(result.ExitCode == 0, result.Output + "\n" + files["IHostileNames.ts"] + files["IHostileNamesHost.ts"]);
    }

    private const string Calculator = """
        using WasmMarshal;
        namespace Demo.Calc;
        public struct Vec2 { public float X; public float Y; }
        [WasmImport]
        public partial interface ICalculator
        {
            int Add(int a, int b);
            float Length(in Vec2 v);
            Vec2 Scale(in Vec2 v, float k);
            string Name();
        }
        """;

    private const string CalculatorGuest = """
        import { checkICalculatorExports, VEC2_X, VEC2_Y } from "./ICalculator";
        export function add(a: i32, b: i32): i32 { return a + b; }
        export function length(v: usize): f32 {
          const x = load<f32>(v + VEC2_X), y = load<f32>(v + VEC2_Y);
          return <f32>Math.sqrt(x * x + y * y);
        }
        export function scale(ret: usize, v: usize, k: f32): void {
          store<f32>(ret + VEC2_X, load<f32>(v + VEC2_X) * k);
          store<f32>(ret + VEC2_Y, load<f32>(v + VEC2_Y) * k);
        }
        export function name(ret: usize): void { store<usize>(ret, 0); store<usize>(ret, 0, 4); }
        checkICalculatorExports(add, length, scale, name);
        """;

    /// <summary>
    /// Before: the exports were comments, so a guest whose exports no longer matched the C# interface compiled. Now
    /// asc rejects it: the same guest compiles against the interface it was written for and fails against each change.
    /// </summary>
    [Theory]
    [InlineData("int Add(int a, int b);", "long Add(long a, long b);")]
    [InlineData("float Length(in Vec2 v);", "double Length(in Vec2 v);")]
    [InlineData("Vec2 Scale(in Vec2 v, float k);", "Vec2 Scale(in Vec2 v, double k);")]
    [InlineData("string Name();", "string Name(int id);")]
    public void Asc_rejects_an_export_that_no_longer_matches_the_interface(string before, string after)
    {
        var matching = MatchingCalculator.Value;
        Assert.True(matching.ExitCode == 0, "the matching guest must compile:\n" + matching.Output);

        var changed = Compile(Calculator.Replace(before, after));
        Assert.NotEqual(0, changed.ExitCode);
        Assert.Contains("TS2322", changed.Output);

    }

    private static readonly System.Lazy<(int ExitCode, string Output)> MatchingCalculator = new(() => Compile(Calculator));

    private static (int ExitCode, string Output) Compile(string csharp)
    {
        var files = GuestToolchains.Generate(csharp);
        files["guest.ts"] = CalculatorGuest;
        return GuestToolchains.AscCompile(GuestToolchains.WriteAll(files), "guest.ts");
    }

    [Theory]
    [InlineData("Malloc", null, "malloc")]
    [InlineData("Free", null, "free")]
    [InlineData("Memory", null, "memory")]
    [InlineData("Realloc", null, "realloc")]
    [InlineData("CabiRealloc", null, "cabi_realloc")]
    [InlineData("Start", "memory", "memory")]
    [InlineData("Init", "_initialize", "_initialize")]
    [InlineData("Run", "_start", "_start")]
    [InlineData("New", "__new", "__new")]
    [InlineData("Pin", "__pin", "__pin")]
    [InlineData("Base", "__heap_base", "__heap_base")]
    [InlineData("Table", "__indirect_function_table", "__indirect_function_table")]
    [InlineData("Alloc", null, "alloc")]
    [InlineData("Dealloc", null, "dealloc")]
    public void An_export_named_like_the_allocator_or_the_memory_is_diagnosed(string method, string? wasmName, string expected)
    {
        string attribute = wasmName is null ? "" : $"[WasmName(\"{wasmName}\")] ";
        var diagnostics = GeneratorHarness.Run($$"""
            using WasmMarshal;
            namespace Demo;
            [WasmImport]
            public partial interface IClashing { {{attribute}}int {{method}}(int size); int Fine(int x); }
            """).AnalyzerDiagnostics();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("WASM014", diagnostic.Id);
        Assert.Contains($"'IClashing.{method}' has the wasm name '{expected}'", diagnostic.GetMessage());
        Assert.Equal(method, GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void A_host_function_named_malloc_is_not_an_export_and_is_not_diagnosed()
    {
        var diagnostics = GeneratorHarness.Run("""
            using WasmMarshal;
            namespace Demo;
            [WasmExport("host")]
            public partial interface IHostAllocator { int Malloc(int size); void Memory(); }
            """).AnalyzerDiagnostics();
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void The_new_diagnostic_is_declared_by_the_analyzer()
    {
        Assert.Contains(new WasmMarshalAnalyzer().SupportedDiagnostics, d => d.Id == "WASM014");
    }
}
