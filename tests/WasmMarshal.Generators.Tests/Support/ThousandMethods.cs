using System.Text;

namespace WasmMarshal.Generators.Tests.Support;

/// <summary>50 [WasmImport] interfaces of 20 methods each, mixing every common shape.</summary>
/// <remarks>Also compiled into benchmarks/WasmMarshal.Benchmarks (GeneratorBenchmarks), so both measure the same project.</remarks>
public static class ThousandMethods
{
    public const int Interfaces = 50;
    public const int MethodsPerInterface = 20;

    /// <summary>How many import stubs a generated file holds (each declares its method name once).</summary>
    public static int CountStubs(string generated)
    {
        // Stubs that pass buffers enter through WasmCallFrame, scalar-only ones through WasmScalarCall.
        const string marker = "(__context, \"";
        int count = 0;
        for (int at = generated.IndexOf(marker, System.StringComparison.Ordinal); at >= 0; at = generated.IndexOf(marker, at + marker.Length, System.StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public static string Source()
    {
        var source = new StringBuilder("""
            using System;
            using System.Runtime.InteropServices;
            using WasmMarshal;

            namespace Scale;

            [StructLayout(LayoutKind.Sequential)]
            public struct Vec3 { public float X, Y, Z; }

            """);
        for (int i = 0; i < Interfaces; i++)
        {
            source.AppendLine("[WasmImport]").AppendLine($"public partial interface IGuest{i}").AppendLine("{");
            for (int m = 0; m < MethodsPerInterface / 5; m++)
            {
                source.AppendLine($"    int Add{i}_{m}(int a, int b);")
                    .AppendLine($"    uint Hash{i}_{m}(string text);")
                    .AppendLine($"    ulong Checksum{i}_{m}(ReadOnlySpan<byte> data);")
                    .AppendLine($"    float Length{i}_{m}(in Vec3 v);")
                    .AppendLine($"    string Upper{i}_{m}(string text);");
            }

            source.AppendLine("}").AppendLine();
        }

        return source.ToString();
    }
}
