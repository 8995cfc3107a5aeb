using System;
using System.IO;
using System.Linq;
using System.Text;
using Wasmtime;
using Wasmtime.Components;
using WasmMarshal.Components;
using WasmMarshal.Tests.ComponentModel;
using Xunit;

namespace WasmMarshal.Tests.Components;

/// <summary>
/// The preview 1 adapter path: canon_stdio.c (printf, getenv, fopen through wasi-libc) componentized with
/// <c>jco new --wasi-reactor</c>. The loader recognizes the adapter, runs the main core module on Wasmtime's WASI
/// preview 1, and the guest's stdout lands in the file the WASI configuration names.
/// </summary>
public sealed class WasiAdapterTests : IDisposable
{
    private const string Io = "wasmmarshal:stdio/io@0.1.0";
    private readonly string _directory = Directory.CreateTempSubdirectory("wasmmarshal-stdio-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] StdioComponent() => File.ReadAllBytes(CanonicalGuests.ComponentPath("canon_stdio"));

    private WasiConfiguration Wasi(string stdout) => new WasiConfiguration()
        .WithStandardOutput(stdout)
        .WithEnvironmentVariable("GREETING", "grüß dich")
        .WithPreopenedDirectory(_directory, ".", mutable: false);

    [Fact]
    public void The_adapter_is_recognized_and_replaced_by_wasi_preview1()
    {
        using var component = WasmComponent.FromBytes(CanonicalGuests.ComponentEngine, StdioComponent());

        Assert.Equal(ComponentBindingPath.CoreModule, component.Path);
        Assert.Contains("WASI preview 1 adapter", component.PathReason, StringComparison.Ordinal);
        var roles = component.Report.CoreModules.Select(m => m.Role).ToArray();
        Assert.Contains(ComponentCoreModuleRole.Main, roles);
        Assert.Contains(ComponentCoreModuleRole.WasiPreview1Adapter, roles);
        Assert.DoesNotContain(ComponentCoreModuleRole.Other, roles);
        // What wasi-libc needs for printf, getenv and fopen (checked with wasm-objdump on canon_stdio.wasm).
        foreach (var function in new[] { "fd_write", "environ_get", "environ_sizes_get", "path_open", "fd_read", "fd_prestat_get" })
        {
            Assert.Contains(function, component.Report.WasiPreview1Imports);
        }

        Assert.Empty(component.Report.Lowers);
        Assert.Contains(component.Report.Imports, i => i.StartsWith("wasi:cli/stdout@", StringComparison.Ordinal));
    }

    [Fact]
    public void Stdout_environment_and_files_go_through_wasmtimes_wasi_preview1()
    {
        string stdout = Path.Combine(_directory, "stdout.txt");
        File.WriteAllText(Path.Combine(_directory, "data.txt"), "line one\nline two\n");
        using var component = WasmComponent.FromBytes(CanonicalGuests.ComponentEngine, StdioComponent());
        using (var instance = component.Builder().WithWasi(Wasi(stdout)).Instantiate())
        {
            var io = instance.Import<IStdio>();

            // printf("%s\n") reports the bytes it wrote: the UTF-8 length plus the newline.
            Assert.Equal((uint)Encoding.UTF8.GetByteCount("hello, wörld") + 1, io.Print("hello, wörld"));
            Assert.Equal(7u, io.Print("second"));
            Assert.Equal("grüß dich", io.Env("GREETING"));
            Assert.Null(io.Env("NOT_SET"));
            Assert.Equal("line one\nline two\n", io.ReadFile("data.txt"));
            Assert.Null(io.ReadFile("missing.txt"));
        }

        Assert.Equal("hello, wörld\nsecond\n", File.ReadAllText(stdout, Encoding.UTF8));
    }

    [Fact]
    public void The_same_component_forced_the_component_model_way_prints_through_wasi_preview2()
    {
        string stdout = Path.Combine(_directory, "stdout-p2.txt");
        using var component = WasmComponent.FromBytes(CanonicalGuests.ComponentEngine, StdioComponent(),
            new ComponentLoadOptions { ForcePath = ComponentBindingPath.ComponentModel });
        using (var instance = component.Builder().WithWasi(Wasi(stdout)).Instantiate())
        {
            var print = instance.ComponentModel!.Instance.GetFunction(Io, "print")!;
            Assert.Equal(6u, print.Call(ComponentValue.String("hello"))!.AsU32());
        }

        Assert.Equal("hello\n", File.ReadAllText(stdout, Encoding.UTF8));
    }
}

/// <summary>Interface <c>wasmmarshal:stdio/io@0.1.0</c> of guests/component/wit-stdio; generated canonical stubs.</summary>
[WasmImport]
[WasmCanonicalAbi("wasmmarshal:stdio/io@0.1.0")]
public partial interface IStdio
{
    uint Print(string text);

    string? Env(string name);

    string? ReadFile(string path);
}
