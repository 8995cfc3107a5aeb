using System.Runtime.CompilerServices;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// The generated binding of representative interfaces, compared with the snapshots in Snapshots/. Every test also
/// checks that the generated code compiles without a single warning and that the pipeline caches across an
/// unrelated edit. To accept intended changes, run with WASMMARSHAL_ACCEPT_SNAPSHOTS=1 and review the diff.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void ImportScalars()
    {
        Generate("""
            using WasmMarshal;

            namespace Demo.Scalars;

            public enum Color : byte { None, Red, Green, Blue }

            public enum WideFlags : ulong { None = 0, Low = 1, High = 1ul << 63 }

            public enum Level : short { Low = -1, Normal = 0, High = 1 }

            public enum Status { Ok, Failed }

            [WasmImport]
            public partial interface IScalarGuest
            {
                int AddI32(int a, int b);
                uint MulU32(uint a, uint b);
                long AddI64(long a, long b);
                ulong MaxU64(ulong a, ulong b);
                float ScaleF32(float x, float k);
                double HypotF64(double x, double y);
                bool IsEven(int x);
                bool Negate(bool value);
                byte IncU8(byte x);
                sbyte NegI8(sbyte x);
                short AddI16(short a, short b);
                ushort SwapU16(ushort x);
                char NextChar(char c);
                Color NextColor(Color color);
                WideFlags ToggleHighBit(WideFlags flags);
                Level Invert(Level level);
                Status Check(Status status, bool strict);
                void SetCounter(int value);
                int GetCounter();
                void Reset();
            }
            """);
    }

    [Fact]
    public void ImportStrings()
    {
        Generate("""
            using WasmMarshal;

            namespace Demo.Strings;

            [WasmImport]
            public partial interface IStringGuest
            {
                uint Hash(string text);
                string ToUpper(string text);
                string Concat(string a, string b);
                bool IsNull(string? text);
                string? EchoNullable(string? text);

                [return: WasmString(WasmStringEncoding.Utf8)]
                string ExplicitUtf8([WasmString(WasmStringEncoding.Utf8)] string text);

                [return: WasmString(WasmStringEncoding.Utf16)]
                string Utf16Reverse([WasmString(WasmStringEncoding.Utf16)] string text);

                [return: WasmString(WasmStringEncoding.Utf16)]
                string? Utf16Nullable([WasmString(WasmStringEncoding.Utf16)] string? text);

                [return: WasmString(WasmStringEncoding.Latin1)]
                string Latin1Upper([WasmString(WasmStringEncoding.Latin1)] string text);

                [return: WasmString(WasmStringEncoding.Latin1)]
                string? Latin1Nullable([WasmString(WasmStringEncoding.Latin1)] string? text);

                uint CstrLength([WasmString(WasmStringEncoding.Utf8NulTerminated)] string? text);

                [return: WasmString(WasmStringEncoding.Utf8NulTerminated)]
                string CstrGreet([WasmString(WasmStringEncoding.Utf8NulTerminated)] string name);

                [return: WasmString(WasmStringEncoding.Utf8NulTerminated)]
                string? CstrMaybe([WasmString(WasmStringEncoding.Utf8NulTerminated)] string? name);

                void Log(string message, [WasmString(WasmStringEncoding.Utf16)] string wide, int level);
            }
            """);
    }

    [Fact]
    public void ImportStructsSpansAndArrays()
    {
        Generate("""
            using System;
            using System.Runtime.InteropServices;
            using WasmMarshal;

            namespace Demo.Structs;

            /// <summary>C: { float x, y, z; } (12 bytes, align 4).</summary>
            [StructLayout(LayoutKind.Sequential)]
            public struct Vec3
            {
                public float X;
                public float Y;
                public float Z;
            }

            /// <summary>C: 64 bytes, align 8, padding after Kind and Alive; a nested struct, a C bool and a fixed buffer.</summary>
            [StructLayout(LayoutKind.Sequential)]
            public unsafe struct Particle
            {
                public byte Kind;
                public double Mass;
                public Vec3 Position;
                public int Id;
                [MarshalAs(UnmanagedType.U1)]
                public bool Alive;
                public short Level;
                public fixed byte Name[16];
                public long Score;
            }

            public struct Pair
            {
                public int Key;
                public int Value;
            }

            [WasmImport]
            public partial interface IStructGuest
            {
                float Dot(Vec3 a, Vec3 b);
                float LengthSq(in Vec3 v);
                float LengthRefReadonly(ref readonly Vec3 v);
                void Normalize(ref Vec3 v);
                Vec3 Cross(Vec3 a, Vec3 b);
                void MakeParticle(int id, out Particle particle);
                Particle Step(in Particle particle, float dt);
                void Increment(ref int counter);
                void ReadValue(out double value);
                long SumI32(ReadOnlySpan<int> values);
                void ScaleInPlace(Span<float> values, float k);
                void Translate(Span<Vec3> points, in Vec3 offset);
                double SumF64(double[]? values);
                uint CountNonzero(byte[] data);
                int[] Range(int start, int count);
                Vec3[] Grid(int n);
                Particle[]? Find(ReadOnlySpan<Pair> keys);
            }
            """);
    }

    [Fact]
    public void ExportHost()
    {
        Generate("""
            using System;
            using System.Runtime.InteropServices;
            using WasmMarshal;

            namespace Demo.Host;

            public enum Color : byte { None, Red, Green, Blue }

            public enum WideFlags : ulong { None = 0, High = 1ul << 63 }

            [StructLayout(LayoutKind.Sequential)]
            public struct Vec3
            {
                public float X;
                public float Y;
                public float Z;
            }

            [StructLayout(LayoutKind.Sequential)]
            public unsafe struct Particle
            {
                public byte Kind;
                public double Mass;
                public Vec3 Position;
                public int Id;
                [MarshalAs(UnmanagedType.U1)]
                public bool Alive;
                public short Level;
                public fixed byte Name[16];
                public long Score;
            }

            [WasmExport("host")]
            public partial interface IHostApi
            {
                int EchoI32(int x);
                uint EchoU32(uint x);
                long EchoI64(long x);
                ulong EchoU64(ulong x);
                float EchoF32(float x);
                double EchoF64(double x);
                bool EchoBool(bool x);
                byte EchoU8(byte x);
                sbyte EchoI8(sbyte x);
                short EchoI16(short x);
                ushort EchoU16(ushort x);
                char EchoChar(char x);
                Color EchoColor(Color x);
                WideFlags EchoFlags(WideFlags x);
                void Notify(int code);
                void Tick();
                int Now();

                void Log(string message);
                void LogUtf16([WasmString(WasmStringEncoding.Utf16)] string message);
                void LogLatin1([WasmString(WasmStringEncoding.Latin1)] string message);
                void LogCstr([WasmString(WasmStringEncoding.Utf8NulTerminated)] string? message);
                string Greeting(string name);
                string? Lookup(string? key);

                [return: WasmString(WasmStringEncoding.Utf16)]
                string Wide([WasmString(WasmStringEncoding.Utf16)] string text);

                [return: WasmString(WasmStringEncoding.Latin1)]
                string? Narrow([WasmString(WasmStringEncoding.Latin1)] string? text);

                [return: WasmString(WasmStringEncoding.Utf8NulTerminated)]
                string CGreeting([WasmString(WasmStringEncoding.Utf8NulTerminated)] string name);

                void Report(Vec3 v);
                float Length(in Vec3 v);
                void Transform(ref Particle particle);
                void Make(int id, out Particle particle);
                Vec3 Origin();
                Particle Spawn(in Vec3 at, byte kind);
                void Increment(ref int counter);
                void ReadValue(out double value);

                long Sum(ReadOnlySpan<int> values);
                void Fill(Span<byte> buffer);
                void Translate(Span<Vec3> points, in Vec3 offset);
                uint Count(byte[]? data);
                double Total(double[] values);
                int[] MakeRange(int n);
                Vec3[]? Points(int n);
            }
            """);
    }

    [Fact]
    public void NestedInPartialClassInGlobalNamespace()
    {
        Generate("""
            using WasmMarshal;

            public static partial class Bindings
            {
                [WasmImport]
                public partial interface INestedGuest
                {
                    int Add(int a, int b);
                    string Echo(string text);
                }

                [WasmExport]
                public partial interface INestedHost
                {
                    void Log(string message);
                    int Next();
                }

                public partial struct Deeper
                {
                    [WasmImport]
                    internal partial interface IDeepGuest
                    {
                        void Ping();
                    }
                }
            }
            """);
    }

    [Fact]
    public void WasmNameOverride()
    {
        Generate("""
            using System;
            using WasmMarshal;

            namespace Demo.Names;

            [WasmImport]
            public partial interface INamedGuest
            {
                [WasmName("fnv1a32")]
                uint Fnv1a(string text);

                [WasmName("math.add")]
                int Add(int a, int b);

                [WasmName("Compute-Total")]
                long Total(ReadOnlySpan<long> values);

                int PlainName();
            }

            [WasmExport("env")]
            public partial interface INamedHost
            {
                [WasmName("host_log")]
                void Log(string message);

                [WasmName("odd name")]
                int Odd(int x);

                void PlainName();
            }
            """);
    }

    [Fact]
    public void AssemblyScriptStrings()
    {
        Generate("""
            using WasmMarshal;

            namespace Demo.Script;

            [WasmImport]
            public partial interface IScriptGuest
            {
                [return: WasmString(WasmStringEncoding.AssemblyScript)]
                string Join([WasmString(WasmStringEncoding.AssemblyScript)] string left, [WasmString(WasmStringEncoding.AssemblyScript)] string? right);

                [return: WasmString(WasmStringEncoding.AssemblyScript)]
                string? Find(int id);
            }

            [WasmExport("env")]
            public partial interface IScriptHost
            {
                void Log([WasmString(WasmStringEncoding.AssemblyScript)] string message);

                [return: WasmString(WasmStringEncoding.AssemblyScript)]
                string Name([WasmString(WasmStringEncoding.AssemblyScript)] string? key);
            }
            """);
    }

    [Fact]
    public void CanonicalAbi()
    {
        // Every WIT type of the mapping, in parameters, results, records, lists and variant payloads (including the
        // i32/f32/i64/f64 joins), both directions, a spilled parameter list and results through return areas.
        Generate("""
            using System;
            using System.Collections.Generic;
            using System.Text;
            using WasmMarshal;
            using WasmMarshal.Canonical;

            namespace Demo.Canonical;

            public readonly record struct Item(uint Id, string? Note, bool Done, Level[] Levels);

            public enum Level : byte { Low, Mid, High }

            [Flags]
            public enum Wide : uint { None = 0, A = 1, B = 2, C = 4, D = 8, E = 16, F = 32, G = 64, H = 128, I = 256 }

            public abstract record Value
            {
                private Value()
                {
                }

                public sealed record Int(long Number) : Value;

                public sealed record Real(double Number) : Value;

                public sealed record Small(float X, uint Y) : Value;

                public sealed record Text(string Content) : Value;

                public sealed record Nothing : Value;
            }

            [WasmImport]
            [WasmCanonicalAbi("demo:canonical/store@1.2.0")]
            public partial interface IStore
            {
                Item[] Items(IReadOnlyList<Item> items, ReadOnlySpan<double> weights);
                Value Eval(Value input, Value? fallback);
                WitResult<WitUnit, string> Check(Wide wide, Rune letter, (sbyte, ushort, ulong) triple);
                byte[][] Chunks(byte[][] parts, bool[] mask);
                string? Lookup(string? key);
                void Fill(ulong a, ulong b, ulong c, ulong d, ulong e, ulong f, ulong g, ulong h, Item i, float j);
            }

            [WasmExport]
            [WasmCanonicalAbi("demo:canonical/host@1.2.0")]
            public partial interface IHost
            {
                void Note(Item item, Level level);
                (string, Value) Describe(Value value, uint[] ids);
                Wide Flags(Wide wide);
                uint? Find(string name);
            }
            """);
    }

    /// <summary>
    /// Generates the binding of <paramref name="source"/>, demands a warning-free build, no analyzer diagnostics and a
    /// caching pipeline, then compares the generated source with the test's snapshot.
    /// </summary>
    private static void Generate(string source, [CallerMemberName] string testName = "")
    {
        var run = GeneratorHarness.Run(source);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Format(run.GeneratorDiagnostics));
        var analyzer = run.AnalyzerDiagnostics();
        Assert.True(analyzer.IsEmpty, "Analyzer diagnostics:\n" + GeneratorHarness.Format(analyzer));
        Assert.NotEmpty(run.Sources);
        Assert.True(run.StrictOutputProblems.IsEmpty,
            "The output compilation has warnings or errors (TreatWarningsAsErrors):\n" + GeneratorHarness.Format(run.StrictOutputProblems)
            + "\n\n" + run.CombinedSource);

        IncrementalAssert.CachesAcrossUnrelatedEdit(run);

        Snapshot.Verify(run.CombinedSource, testName);
    }
}
