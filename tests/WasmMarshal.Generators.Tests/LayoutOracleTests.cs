using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// The layout oracle: hundreds of random struct shapes (seeded, so every run is the same) laid out three ways and
/// compared. (1) The generator: the offsets, sizes and alignments it writes into the generated C header. (2) .NET: the
/// same C# compiled in memory by Roslyn, loaded, and measured on a live instance with pointer arithmetic (sizeof, the
/// address of each field minus the address of the struct, and the offset of the struct after one byte for its
/// alignment). (3) clang for wasm32: the generated header compiled once with <c>_Static_assert</c>s of the .NET numbers
/// (the header's own asserts check the generator's numbers against clang). Shapes nest each other, use every scalar, enums,
/// bool, fixed buffers, [InlineArray] buffers, generic structs, padding traps (byte then long) and StructLayout Pack.
/// A shape with Pack may be rejected (WASM004); then clang must confirm that its natural C layout really differs.
/// </summary>
public sealed class LayoutOracleTests(ITestOutputHelper output)
{
    private const int Seed = 20261201;
    private const int ShapeCount = 560;

    private static readonly (string CSharp, string C, int Size)[] Scalars =
    {
        ("byte", "uint8_t", 1), ("sbyte", "int8_t", 1), ("short", "int16_t", 2), ("ushort", "uint16_t", 2),
        ("char", "uint16_t", 2), ("int", "int32_t", 4), ("uint", "uint32_t", 4), ("long", "int64_t", 8),
        ("ulong", "uint64_t", 8), ("float", "float", 4), ("double", "double", 8), ("bool", "bool", 1),
        ("E8", "uint8_t", 1), ("E16", "int16_t", 2), ("E32", "int32_t", 4), ("E64", "int64_t", 8),
    };

    /// <summary>Fixed buffers take only primitive element types (no enums).</summary>
    private static readonly string[] FixedElements = { "byte", "sbyte", "short", "ushort", "char", "int", "uint", "long", "ulong", "float", "double", "bool" };

    private sealed record Field(string Name, string CSharpType, string CType, int Count, FieldKind Kind, string? Attribute = null);

    private enum FieldKind { Scalar, Fixed, Inline, Nested }

    private sealed record Shape(int Index, int Pack, List<Field> Fields, bool Nestable)
    {
        public string Name => "S" + Index.ToString(CultureInfo.InvariantCulture);

        public string CName => "s" + Index.ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Random_struct_shapes_have_the_same_layout_in_the_generator_in_dotnet_and_in_clang()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (shapes, source) = Build();
        Assert.True(shapes.Count >= 500);

        // (2) .NET: compile in memory, load, measure.
        var compilation = GeneratorHarness.Compile(source, "LayoutOracle");
        compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(true));
        var net = Measure(compilation);
        long measured = clock.ElapsedMilliseconds;

        // (1) The generator: the numbers it writes into the header. A shape it rejects (WASM004) is not there: shapes
        // with Pack are never nested in others, so their absence is their rejection (WASM004 itself is tested in
        // DiagnosticTests and LayoutRoundTwoTests; running the analyzer over 560 structs here would double the time).
        var (files, stubs) = GuestToolchains.GenerateWithStubs(source, requireClean: false);
        string header = files["IOracle.h"];
        var generated = ParseHeader(header);

        // The host stub allocates and copies each struct with the alignment (and, in stubs that allocate by hand, the
        // size) the layout calculator gave it, which is computed apart from the header's numbers: check those too.
        // Stubs on the runtime call frame (__frame.InValue<T>) take the size from .NET itself; then only the alignment is
        // the generator's (Size -1 below).
        var allocated = Regex.Matches(stubs,
                @"IOracle\.Take(S\d+)\((?:(?!IOracle\.TakeS\d+\().)*?(?:__allocator\.Allocate\((\d+)u, (\d+)u|InValue<[^>]+>\(in \w+, (\d+)u)",
                RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Success
                ? (Size: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Align: int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture))
                : (Size: -1, Align: int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture)));
        var rejected = shapes.Where(s => !generated.ContainsKey(s.CName)).Select(s => s.Name).ToHashSet();
        long generatedAt = clock.ElapsedMilliseconds;

        var mismatches = new List<string>();
        var c = new StringBuilder("#include \"IOracle.h\"\n\n");
        int accepted = 0, rejectedWithPack = 0, checkedFields = 0;
        foreach (var shape in shapes)
        {
            var (size, align, offsets) = net[shape.Name];
            if (rejected.Contains(shape.Name))
            {
                if (shape.Pack == 0)
                {
                    mismatches.Add($"{shape.Name} has no Pack but was rejected");
                }

                rejectedWithPack++;
                c.Append(RejectedCheck(shape, size, offsets));
                continue;
            }

            accepted++;
            if (!generated.TryGetValue(shape.CName, out var gen))
            {
                mismatches.Add($"{shape.Name} was accepted but is not in the header");
                continue;
            }

            Compare(mismatches, shape.Name + " size", gen.Size, size);
            if (allocated.TryGetValue(shape.Name, out var stub))
            {
                if (stub.Size >= 0)
                {
                    Compare(mismatches, shape.Name + " size the host stub allocates", stub.Size, size);
                }
                Compare(mismatches, shape.Name + " alignment the host stub allocates", stub.Align, gen.Align);
            }
            else
            {
                mismatches.Add($"{shape.Name} was accepted but the stub of TakeS{shape.Index} allocates nothing");
            }

            c.Append(CultureInfo.InvariantCulture, $"_Static_assert(sizeof({shape.CName}) == {size}, \"{shape.Name}: clang size != .NET\");\n");
            if (shape.Pack == 0)
            {
                // Under Pack, .NET aligns the struct to min(Pack, natural) where C keeps the natural alignment; the
                // generator accepts that (it records the .NET alignment for the fields that follow) when the offsets agree.
                Compare(mismatches, shape.Name + " align", gen.Align, align);
                c.Append(CultureInfo.InvariantCulture, $"_Static_assert(_Alignof({shape.CName}) == {align}, \"{shape.Name}: clang alignment != .NET\");\n");
            }

            for (int k = 0; k < shape.Fields.Count; k++)
            {
                string field = "f" + k.ToString(CultureInfo.InvariantCulture);
                Compare(mismatches, $"{shape.Name}.F{k} offset", gen.Offsets.TryGetValue(field, out int o) ? o : -1, offsets[k]);
                c.Append(CultureInfo.InvariantCulture, $"_Static_assert(offsetof({shape.CName}, {field}) == {offsets[k]}, \"{shape.Name}.F{k}: clang offset != .NET\");\n");
                checkedFields++;
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} generator/.NET mismatches:\n" + string.Join("\n", mismatches.Take(40)));

        // (3) clang: the header's asserts (generator == clang) and ours (.NET == clang), in one compile.
        files["oracle.c"] = c.ToString();
        string directory = GuestToolchains.WriteAll(files);
        long clangAt = clock.ElapsedMilliseconds;
        var result = GuestToolchains.ClangSyntaxCheck(directory, "oracle.c", "-ferror-limit=0");
        Assert.True(result.ExitCode == 0, "clang disagrees (files in " + directory + "):\n" + string.Join("\n", result.Output.Split('\n').Take(60)));

        Assert.True(accepted >= 450, $"only {accepted} shapes were accepted");
        output.WriteLine($"{shapes.Count} shapes ({accepted} accepted, {rejectedWithPack} rejected under Pack, {checkedFields} field offsets), 0 mismatches, {clock.ElapsedMilliseconds} ms (.NET {measured} ms, generator {generatedAt - measured} ms, clang {clock.ElapsedMilliseconds - clangAt} ms)");
    }

    private static void Compare(List<string> mismatches, string what, int generator, int dotnet)
    {
        if (generator != dotnet)
        {
            mismatches.Add($"{what}: generator {generator}, .NET {dotnet}");
        }
    }

    /// <summary>
    /// A rejected shape spelled in C with natural alignment, by this test rather than the generator, and an assert that
    /// it does not match .NET: the rejection is only right if the layouts really differ.
    /// </summary>
    private static string RejectedCheck(Shape shape, int size, int[] offsets)
    {
        var c = new StringBuilder();
        string name = "rejected_" + shape.CName;
        c.Append("struct ").Append(name).Append(" {");
        for (int k = 0; k < shape.Fields.Count; k++)
        {
            var f = shape.Fields[k];
            c.Append(' ').Append(f.CType).Append(" f").Append(k);
            if (f.Kind is FieldKind.Fixed or FieldKind.Inline)
            {
                c.Append('[').Append(f.Count).Append(']');
            }

            c.Append(';');
        }

        c.Append(" };\n_Static_assert(!(sizeof(struct ").Append(name).Append(") == ").Append(size);
        for (int k = 0; k < offsets.Length; k++)
        {
            c.Append(" && offsetof(struct ").Append(name).Append(", f").Append(k).Append(") == ").Append(offsets[k]);
        }

        c.Append("), \"").Append(shape.Name).Append(" was rejected, but its C layout is the same as in .NET\");\n");
        return c.ToString();
    }

    /// <summary>Random shapes and the C# that declares them, an interface using each, and a probe that measures them.</summary>
    private static (List<Shape> Shapes, string Source) Build()
    {
        var random = new Random(Seed);
        var shapes = new List<Shape>();
        var types = new StringBuilder();
        var inlineArrays = new StringBuilder();
        var cSizes = new Dictionary<string, int>(); // rough C sizes of nestable shapes, to keep nesting small
        int inlineCount = 0;

        for (int i = 0; i < ShapeCount; i++)
        {
            int pack = random.Next(8) == 0 ? new[] { 1, 2, 4, 8, 16 }[random.Next(5)] : 0;
            int fieldCount = 1 + random.Next(7);
            var fields = new List<Field>();
            var nestable = shapes.Where(s => s.Nestable && cSizes[s.Name] <= 64).ToList();
            for (int k = 0; k < fieldCount; k++)
            {
                string name = "F" + k.ToString(CultureInfo.InvariantCulture);
                int roll = random.Next(100);
                if (roll < 8 && k == 0)
                {
                    // The classic padding trap: a byte, then an 8-byte field.
                    fields.Add(new Field(name, "byte", "uint8_t", 1, FieldKind.Scalar));
                    fields.Add(new Field("F" + (k + 1).ToString(CultureInfo.InvariantCulture), "long", "int64_t", 1, FieldKind.Scalar));
                    k++;
                    fieldCount = Math.Max(fieldCount, k + 1);
                }
                else if (roll < 55)
                {
                    var s = Scalars[random.Next(Scalars.Length)];
                    fields.Add(new Field(name, s.CSharp, s.C, 1, FieldKind.Scalar, s.CSharp == "bool" ? "[MarshalAs(UnmanagedType.U1)] " : null));
                }
                else if (roll < 67)
                {
                    string element = FixedElements[random.Next(FixedElements.Length)];
                    string cType = Scalars.First(s => s.CSharp == element).C;
                    fields.Add(new Field(name, element, cType, 1 + random.Next(5), FieldKind.Fixed));
                }
                else if (roll < 80)
                {
                    // An [InlineArray] of a scalar or of an earlier shape.
                    string inline = "IA" + (inlineCount++).ToString(CultureInfo.InvariantCulture);
                    int length = 1 + random.Next(4);
                    string element, cElement, attribute = "";
                    if (nestable.Count > 0 && random.Next(3) == 0)
                    {
                        var nested = nestable[random.Next(nestable.Count)];
                        element = nested.Name;
                        cElement = nested.CName;
                    }
                    else
                    {
                        var s = Scalars[random.Next(Scalars.Length)];
                        element = s.CSharp;
                        cElement = s.C;
                        attribute = s.CSharp == "bool" ? "[MarshalAs(UnmanagedType.U1)] " : "";
                    }

                    inlineArrays.Append(CultureInfo.InvariantCulture,
                        $"[InlineArray({length})] public struct {inline} {{ {attribute}private {element} _element; }}\n");
                    fields.Add(new Field(name, inline, cElement, length, FieldKind.Inline));
                }
                else if (roll < 88)
                {
                    // A generic struct instantiation: G1<T> { byte; T } or G2<T, U> { T; U; short }.
                    var a = Scalars[random.Next(Scalars.Length)];
                    var b = Scalars[random.Next(Scalars.Length)];
                    if (a.CSharp == "bool" || b.CSharp == "bool")
                    {
                        a = b = Scalars[5];
                    }

                    bool two = random.Next(2) == 0;
                    string cType = two ? $"struct {{ {a.C} a; {b.C} b; int16_t c; }}" : $"struct {{ uint8_t a; {a.C} b; }}";
                    fields.Add(new Field(name, two ? $"G2<{a.CSharp}, {b.CSharp}>" : $"G1<{a.CSharp}>", cType, 1, FieldKind.Nested));
                }
                else if (nestable.Count > 0)
                {
                    var nested = nestable[random.Next(nestable.Count)];
                    fields.Add(new Field(name, nested.Name, nested.CName, 1, FieldKind.Nested));
                }
                else
                {
                    fields.Add(new Field(name, "double", "double", 1, FieldKind.Scalar));
                }
            }

            var shape = new Shape(i, pack, fields, Nestable: pack == 0);
            shapes.Add(shape);
            cSizes[shape.Name] = fields.Sum(f => f.Count * 8) + 8;
            string layout = pack > 0
                ? $"[StructLayout(LayoutKind.Sequential, Pack = {pack})]"
                : "[StructLayout(LayoutKind.Sequential)]";
            types.Append(layout).Append(" public unsafe struct ").Append(shape.Name).Append(" {");
            foreach (var f in fields)
            {
                types.Append(' ').Append(f.Attribute).Append(f.Kind == FieldKind.Fixed ? "public fixed " : "public ")
                    .Append(f.CSharpType).Append(' ').Append(f.Name);
                if (f.Kind == FieldKind.Fixed)
                {
                    types.Append('[').Append(f.Count).Append(']');
                }

                types.Append(';');
            }

            types.Append(" }\n");
        }

        var source = new StringBuilder("""
            using System.Runtime.CompilerServices;
            using System.Runtime.InteropServices;
            using WasmMarshal;

            namespace Demo.Oracle;

            public enum E8 : byte { A, B = 255 }
            public enum E16 : short { A = -1 }
            public enum E32 : int { A = 7 }
            public enum E64 : long { A = -2 }
            public struct G1<T> where T : unmanaged { public byte A; public T B; }
            public struct G2<T, U> where T : unmanaged where U : unmanaged { public T A; public U B; public short C; }

            """);
        source.Append(inlineArrays).Append(types);
        source.Append("\n[WasmImport]\npublic partial interface IOracle\n{\n");
        foreach (var shape in shapes)
        {
            source.Append("    void Take").Append(shape.Name).Append("(in ").Append(shape.Name).Append(" value);\n");
        }

        source.Append("}\n\npublic static unsafe class Probe\n{\n");
        foreach (var shape in shapes)
        {
            source.Append("    public struct Align").Append(shape.Name).Append(" { public byte Pad; public ").Append(shape.Name).Append(" Value; }\n");
            source.Append("    public static int[] ").Append(shape.Name).Append("()\n    {\n        ")
                .Append(shape.Name).Append(" v = default;\n        Align").Append(shape.Name).Append(" a = default;\n        byte* b = (byte*)&v;\n        return new int[] { sizeof(")
                .Append(shape.Name).Append("), (int)((byte*)&a.Value - (byte*)&a)");
            foreach (var f in shape.Fields)
            {
                source.Append(f.Kind == FieldKind.Fixed ? $", (int)((byte*)v.{f.Name} - b)" : $", (int)((byte*)&v.{f.Name} - b)");
            }

            source.Append(" };\n    }\n");
        }

        source.Append("    public static int[][] All() => new int[][] { ")
            .Append(string.Join(", ", shapes.Select(s => s.Name + "()"))).Append(" };\n}\n");
        return (shapes, source.ToString());
    }

    /// <summary>Emits the compilation, loads it into a collectible context and runs the probe: size, alignment, offsets.</summary>
    private static Dictionary<string, (int Size, int Align, int[] Offsets)> Measure(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, GeneratorHarness.Format(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("LayoutOracle", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var probe = assembly.GetType("Demo.Oracle.Probe", throwOnError: true)!;
            var all = (int[][])probe.GetMethod("All", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
            var result = new Dictionary<string, (int, int, int[])>();
            for (int i = 0; i < all.Length; i++)
            {
                result["S" + i.ToString(CultureInfo.InvariantCulture)] = (all[i][0], all[i][1], all[i].Skip(2).ToArray());
            }

            // Cross-check the probe against the runtime's own Unsafe.SizeOf<T>, by reflection, on a sample.
            var sizeOf = typeof(System.Runtime.CompilerServices.Unsafe).GetMethod("SizeOf")!;
            for (int i = 0; i < all.Length; i += 37)
            {
                var type = assembly.GetType("Demo.Oracle.S" + i.ToString(CultureInfo.InvariantCulture), throwOnError: true)!;
                Assert.Equal(all[i][0], (int)sizeOf.MakeGenericMethod(type).Invoke(null, null)!);
            }

            return result;
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed record GeneratedLayout(int Size, int Align, Dictionary<string, int> Offsets);

    /// <summary>The numbers the generator wrote: its _Static_assert lines on size, alignment and each field offset.</summary>
    private static Dictionary<string, GeneratedLayout> ParseHeader(string header)
    {
        var result = new Dictionary<string, GeneratedLayout>();
        GeneratedLayout Get(string name) => result.TryGetValue(name, out var l) ? l : result[name] = new GeneratedLayout(-1, -1, new());
        foreach (Match m in Regex.Matches(header, @"_Static_assert\(sizeof\((\w+)\) == (\d+),"))
        {
            result[m.Groups[1].Value] = Get(m.Groups[1].Value) with { Size = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) };
        }

        foreach (Match m in Regex.Matches(header, @"_Static_assert\(_Alignof\((\w+)\) == (\d+),"))
        {
            result[m.Groups[1].Value] = Get(m.Groups[1].Value) with { Align = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) };
        }

        foreach (Match m in Regex.Matches(header, @"_Static_assert\(offsetof\((\w+), (\w+)\) == (\d+),"))
        {
            Get(m.Groups[1].Value).Offsets[m.Groups[2].Value] = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        }

        return result;
    }
}
