using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// One test per WASM diagnostic: each snippet triggers exactly that diagnostic, whose message names the offending
/// parameter, field, method or interface and whose location covers it. The snippets compile on their own; the
/// generator must not throw on them.
/// </summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void WASM001_InterfaceNotPartial()
    {
        var diagnostic = Single("WASM001", """
            [WasmImport]
            public interface ICalculator
            {
                int Add(int a, int b);
            }
            """);

        Assert.Contains("Interface 'ICalculator' must be declared partial", diagnostic.GetMessage());
        Assert.Equal("ICalculator", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM002_UnsupportedParameterType()
    {
        var diagnostic = Single("WASM002", """
            [WasmImport]
            public partial interface IHandles
            {
                void Close(object handle);
            }
            """);

        Assert.Contains("Parameter 'handle' of 'IHandles.Close' has type 'object'", diagnostic.GetMessage());
        Assert.Contains("managed reference", diagnostic.GetMessage());
        Assert.Equal("handle", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM003_UnsupportedReturnType()
    {
        var diagnostic = Single("WASM003", """
            [WasmImport]
            public partial interface IBuffers
            {
                Span<byte> Borrow(int length);
            }
            """);

        Assert.Contains("'IBuffers.Borrow' returns 'System.Span<byte>'", diagnostic.GetMessage());
        Assert.Contains("return T[] instead", diagnostic.GetMessage());
        Assert.Equal("Borrow", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM004_StructLayoutMismatch()
    {
        var diagnostic = Single("WASM004", """
            [StructLayout(LayoutKind.Sequential, Pack = 1)]
            public struct Header
            {
                public byte Tag;
                public long Length;
            }

            [WasmImport]
            public partial interface IFiles
            {
                void Write(in Header header);
            }
            """);

        Assert.Contains("Struct 'Demo.Header' (used by 'IFiles.Write')", diagnostic.GetMessage());
        Assert.Contains("field 'Length' is at offset 1 in .NET (StructLayout Pack = 1) but at offset 8", diagnostic.GetMessage());
        Assert.Equal("header", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM005_TooManyCoreParameters()
    {
        // Nine strings are eighteen core parameters; Instance.GetFunction takes at most sixteen.
        var diagnostic = Single("WASM005", """
            [WasmImport]
            public partial interface IForms
            {
                int Submit(string a, string b, string c, string d, string e, string f, string g, string h, string i);
            }
            """);

        Assert.Contains("'IForms.Submit' lowers to 18 core wasm parameters", diagnostic.GetMessage());
        Assert.Contains("Instance.GetFunction supports at most 16", diagnostic.GetMessage());
        Assert.Equal("Submit", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM006_DuplicateWasmName()
    {
        var diagnostic = Single("WASM006", """
            [WasmImport]
            public partial interface ICounters
            {
                int GetValue();

                [WasmName("get_value")]
                int Value();
            }
            """);

        Assert.Contains("'ICounters.GetValue' and 'ICounters.Value' both map to the wasm name 'get_value'", diagnostic.GetMessage());
        Assert.Equal("Value", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM007_UnsupportedMember()
    {
        var diagnostic = Single("WASM007", """
            [WasmExport]
            public partial interface IClock
            {
                long Ticks { get; }
            }
            """);

        Assert.Contains("'IClock.Ticks' cannot be bound to wasm: properties are not supported", diagnostic.GetMessage());
        Assert.Contains("GetTicks()", diagnostic.GetMessage());
        Assert.Equal("Ticks", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM008_StringAttributeOnNonString()
    {
        var diagnostic = Single("WASM008", """
            [WasmImport]
            public partial interface ITexts
            {
                void Truncate([WasmString(WasmStringEncoding.Utf16)] int maxLength);
            }
            """);

        Assert.Contains("[WasmString] is applied to 'maxLength' of 'ITexts.Truncate', whose type 'int' is not string", diagnostic.GetMessage());
        Assert.Equal("maxLength", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM009_UnsupportedRefKind()
    {
        var diagnostic = Single("WASM009", """
            [WasmImport]
            public partial interface ITexts
            {
                void Upper(ref string text);
            }
            """);

        Assert.Contains("Parameter 'text' of 'ITexts.Upper' is passed by 'ref', which is not supported for strings", diagnostic.GetMessage());
        Assert.Contains("return the new string instead", diagnostic.GetMessage());
        Assert.Equal("text", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM010_SingleScalarStructByValue()
    {
        var diagnostic = Single("WASM010", """
            public struct Meters
            {
                public double Value;
            }

            [WasmImport]
            public partial interface IRulers
            {
                void Extend(Meters distance);
            }
            """);

        Assert.Contains("'IRulers.Extend' passes struct 'Demo.Meters' by value", diagnostic.GetMessage());
        Assert.Contains("pass it with 'in'", diagnostic.GetMessage());
        Assert.Equal("distance", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM011_BothDirections()
    {
        var diagnostic = Single("WASM011", """
            [WasmImport]
            [WasmExport]
            public partial interface IEverything
            {
                void Ping();
            }
            """);

        Assert.Contains("Interface 'IEverything' has both [WasmImport] and [WasmExport]", diagnostic.GetMessage());
        Assert.Equal("IEverything", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM012_InvalidWasmName()
    {
        var diagnostic = Single("WASM012", """
            [WasmImport]
            public partial interface INames
            {
                [WasmName("  ")]
                int Blank();
            }
            """);

        Assert.Contains("'INames.Blank' has the wasm name '  ', which is not valid: it is empty", diagnostic.GetMessage());
        Assert.Equal("Blank", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM013_UnsupportedInterfaceShape()
    {
        var diagnostic = Single("WASM013", """
            public interface IBase
            {
                int Version();
            }

            [WasmImport]
            public partial interface IDerived : IBase
            {
                int Add(int a, int b);
            }
            """);

        Assert.Contains("Interface 'IDerived' cannot be bound to wasm: it inherits members from 'Demo.IBase'", diagnostic.GetMessage());
        Assert.Equal("IDerived", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void ValidInterfacesHaveNoDiagnostics()
    {
        var source = Wrap("""
            public enum Color : byte { None, Red }

            [StructLayout(LayoutKind.Sequential)]
            public struct Vec3
            {
                public float X;
                public float Y;
                public float Z;
            }

            [StructLayout(LayoutKind.Explicit)]
            public struct Tagged
            {
                [FieldOffset(0)] public int Tag;
                [FieldOffset(8)] public double Value;
            }

            [StructLayout(LayoutKind.Sequential, Pack = 4)]
            public struct Packed
            {
                public int A;
                public float B;
            }

            public struct Flags
            {
                [MarshalAs(UnmanagedType.U1)] public bool Enabled;
                [MarshalAs(UnmanagedType.I1)] public bool Visible;
                public byte Level;
            }

            [WasmImport]
            public partial interface IGuest
            {
                int Add(int a, int b);
                Color Next(Color color);
                string Echo(string? text, [WasmString(WasmStringEncoding.Latin1)] string latin);
                float Dot(Vec3 a, in Vec3 b);
                Vec3 Cross(Vec3 a, Vec3 b);
                void Normalize(ref Vec3 v);
                void Decode(in Tagged tagged, out Packed packed, ref Flags flags);
                long Sum(ReadOnlySpan<int> values);
                void Fill(Span<byte> buffer);
                int[] Range(int n);
                double Total(double value);
                void Bump(ref int counter);
            }

            [WasmExport("host")]
            public partial interface IHost
            {
                void Log(string message);
                string? Lookup(string key);
                void Report(in Vec3 v);
                Vec3 Origin();
                void Fill(Span<float> values);
                Vec3[] Points(int n);
            }
            """);

        var run = GeneratorHarness.Run(source);
        var analyzer = run.AnalyzerDiagnostics();
        Assert.True(analyzer.IsEmpty, GeneratorHarness.Format(analyzer));
        Assert.Equal(2, run.Sources.Length);
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems));
    }

    // ---- WASM004: each way a struct's .NET layout can differ from the wasm32 C layout ----

    [Theory]
    [InlineData(
        "nint field",
        "public struct Subject { public int Id; public nint Handle; }",
        "field 'Handle'", "8 bytes on a 64-bit host but 4 bytes in wasm32")]
    [InlineData(
        "bool without MarshalAs",
        "public struct Subject { public int Id; public bool Enabled; }",
        "field 'Enabled' is a bool without an explicit size", "[MarshalAs(UnmanagedType.U1)]")]
    [InlineData(
        "Pack = 1, long after byte",
        "[StructLayout(LayoutKind.Sequential, Pack = 1)] public struct Subject { public byte Tag; public long Value; }",
        "field 'Value' is at offset 1 in .NET (StructLayout Pack = 1)", "but at offset 8 in the wasm32 C layout")]
    [InlineData(
        "Explicit with a wrong FieldOffset",
        "[StructLayout(LayoutKind.Explicit)] public struct Subject { [FieldOffset(0)] public int First; [FieldOffset(2)] public int Second; }",
        "field 'Second' is at offset 2 in .NET (its [FieldOffset])", "but at offset 4 in the wasm32 C layout")]
    [InlineData(
        "StructLayout Size larger than the C size",
        "[StructLayout(LayoutKind.Sequential, Size = 16)] public struct Subject { public int A; public int B; }",
        "Struct 'Demo.Subject'", "its .NET size is 16 bytes (StructLayout Size = 16) but its wasm32 C size is 8 bytes")]
    [InlineData(
        "LayoutKind.Auto",
        "[StructLayout(LayoutKind.Auto)] public struct Subject { public int A; public long B; }",
        "Struct 'Demo.Subject'", "it uses LayoutKind.Auto, so .NET may reorder its fields")]
    [InlineData(
        "reference-type field",
        "public struct Subject { public int Id; public string Name; }",
        "field 'Name'", "'string' is a managed reference")]
    [InlineData(
        "bad field of a nested struct",
        "public struct Inner { public nint Pointer; } public struct Subject { public int Id; public Inner Nested; }",
        "field 'Nested' (Demo.Inner): field 'Pointer'", "8 bytes on a 64-bit host")]
    public void WASM004_LayoutMismatches(string description, string structDeclaration, string namesTheField, string cause)
    {
        var diagnostic = Single("WASM004", structDeclaration + """


            [WasmImport]
            public partial interface IStore
            {
                void Put(in Subject value);
            }
            """);

        string message = diagnostic.GetMessage();
        Assert.True(message.Contains("Struct 'Demo.Subject' (used by 'IStore.Put')"), $"{description}: {message}");
        Assert.True(message.Contains(namesTheField), $"{description}: expected '{namesTheField}' in: {message}");
        Assert.True(message.Contains(cause), $"{description}: expected '{cause}' in: {message}");
        Assert.Equal("value", GeneratorHarness.LocationText(diagnostic));
    }

    /// <summary>A bad struct is reported wherever it is used: by value, as span or array elements, and returned.</summary>
    [Theory]
    [InlineData("void Use(Subject value);", "Use", "value")]
    [InlineData("void Use(ref Subject value);", "Use", "value")]
    [InlineData("void Use(out Subject value);", "Use", "value")]
    [InlineData("void Use(ReadOnlySpan<Subject> values);", "Use", "values")]
    [InlineData("void Use(Span<Subject> values);", "Use", "values")]
    [InlineData("void Use(Subject[] values);", "Use", "values")]
    [InlineData("Subject Use();", "Use", "Use")]
    [InlineData("Subject[] Use();", "Use", "Use")]
    public void WASM004_ReportedForEveryUse(string member, string method, string location)
    {
        var diagnostic = Single("WASM004", $$"""
            [StructLayout(LayoutKind.Sequential, Pack = 2)]
            public struct Subject
            {
                public short Tag;
                public int Value;
            }

            [WasmImport]
            public partial interface IStore
            {
                {{member}}
            }
            """);

        Assert.Contains($"Struct 'Demo.Subject' (used by 'IStore.{method}')", diagnostic.GetMessage());
        Assert.Contains("field 'Value' is at offset 2 in .NET (StructLayout Pack = 2) but at offset 4", diagnostic.GetMessage());
        Assert.Equal(location, GeneratorHarness.LocationText(diagnostic));
    }

    /// <summary>
    /// Runs the analyzer over <paramref name="body"/> (wrapped in a namespace with the usual usings) and returns its only
    /// diagnostic, which must have <paramref name="id"/> and severity Error.
    /// </summary>
    private static Diagnostic Single(string id, string body)
    {
        var source = Wrap(body);
        var compilation = GeneratorHarness.Compile(source);
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assert.True(compileErrors.IsEmpty, "The snippet itself does not compile:\n" + GeneratorHarness.Format(compileErrors));

        var diagnostics = GeneratorHarness.RunAnalyzer(compilation);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(GeneratorHarness.SnippetPath, diagnostic.Location.SourceTree?.FilePath);

        // The generator shares the parser; it must not throw on any invalid interface (the harness rethrows).
        GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver());
        return diagnostic;
    }

    private static string Wrap(string body) => """
        using System;
        using System.Runtime.InteropServices;
        using WasmMarshal;

        namespace Demo;

        """ + body + "\n";
}
