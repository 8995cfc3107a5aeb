using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using Xunit;

namespace WasmMarshal.Tests.CLibraries;

/// <summary>
/// The same Debian LZ4 sources (guests/debian/src/lz4-1.9.4, fetched by .ci/run) built natively with the host's clang
/// into a shared library and called through function pointers: a second, independent reference. Its compressed bytes
/// need not equal the guest's (for inputs of 64 KiB and more, LZ4_hashPosition in lz4.c hashes 5 bytes where reg_t is
/// 64-bit and 4 where it is 32-bit, as on wasm32), so each side decodes what the other encoded.
/// </summary>
internal sealed unsafe class NativeLz4 : IDisposable
{
    private readonly IntPtr _library;
    private readonly delegate* unmanaged<byte*, byte*, int, int, int> _compress;
    private readonly delegate* unmanaged<byte*, byte*, int, int, int> _decompress;

    private NativeLz4(string path)
    {
        _library = NativeLibrary.Load(path);
        _compress = (delegate* unmanaged<byte*, byte*, int, int, int>)NativeLibrary.GetExport(_library, "LZ4_compress_default");
        _decompress = (delegate* unmanaged<byte*, byte*, int, int, int>)NativeLibrary.GetExport(_library, "LZ4_decompress_safe");
    }

    private static readonly Lazy<string> s_built = new(Build);

    public static NativeLz4 Load() => new(s_built.Value);

    private static string Build()
    {
        string root = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(root, "guests", "debian")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("the repository root (with guests/debian) was not found");
        }

        string source = Path.Combine(root, "guests", "debian", "src", "lz4-1.9.4", "lib", "lz4.c");
        Assert.True(File.Exists(source),
            $"{source} is missing: fetch the Debian sources as .ci/run does (cd guests/debian/src && apt-get source lz4=1.9.4-1)");
        string output = Path.Combine(Path.GetTempPath(), $"wm-native-lz4-{Environment.ProcessId}.so");
        var start = new ProcessStartInfo("clang", $"-O2 -shared -fPIC -o \"{output}\" \"{source}\"")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "clang could not build the native LZ4: " + errors);
        return output;
    }

    public byte[] Compress(byte[] data)
    {
        var dst = new byte[data.Length + data.Length / 255 + 16];
        fixed (byte* s = data, d = dst)
        {
            int written = _compress(s, d, data.Length, dst.Length);
            Assert.True(written > 0, $"native LZ4_compress_default returned {written}");
            return dst[..written];
        }
    }

    public int Decompress(byte[] block, byte[] destination)
    {
        fixed (byte* s = block, d = destination)
        {
            return _decompress(s, d, block.Length, destination.Length);
        }
    }

    public void Dispose() => NativeLibrary.Free(_library);
}
