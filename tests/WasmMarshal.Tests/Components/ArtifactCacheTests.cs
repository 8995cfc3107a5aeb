using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using WasmMarshal.Components;
using WasmMarshal.Tests.ComponentModel;
using Xunit;

namespace WasmMarshal.Tests.Components;

/// <summary><see cref="ComponentLoadOptions.CacheDirectory"/>: compiled artifacts are stored, read back, and replaced when refused.</summary>
public sealed class ArtifactCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wasmmarshal-cache-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] Bytes(string name) => File.ReadAllBytes(CanonicalGuests.ComponentPath(name));

    private string ArtifactOf(byte[] component, string extension) =>
        Path.Combine(_directory, Convert.ToHexString(SHA256.HashData(component)) + extension);

    [Fact]
    public void The_main_module_is_stored_and_read_back_from_the_cache()
    {
        byte[] canonC = Bytes(CanonicalGuests.C);
        var options = new ComponentLoadOptions { CacheDirectory = _directory };
        using (var first = WasmComponent.FromBytes(CanonicalGuests.ComponentEngine, canonC, options))
        {
            Assert.Equal(ComponentBindingPath.CoreModule, first.Path);
        }

        string artifact = ArtifactOf(canonC, ".module");
        Assert.True(File.Exists(artifact));

        // Put another module's artifact under canon_c's key: what comes back is that module, so the cache was read.
        using (var other = WasmComponent.FromBytes(CanonicalGuests.ComponentEngine, Bytes("loader_world_function")))
        {
            File.WriteAllBytes(artifact, other.CoreModule!.Serialize());
        }

        using (var cached = WasmComponent.FromBytes(CanonicalGuests.ComponentEngine, canonC, options))
        {
            Assert.Contains(cached.CoreModule!.Exports, e => e.Name == "double");
        }
    }

    [Fact]
    public void An_artifact_the_engine_refuses_is_compiled_again_and_replaced()
    {
        byte[] canonC = Bytes(CanonicalGuests.C);
        string artifact = ArtifactOf(canonC, ".module");
        File.WriteAllBytes(artifact, new byte[] { 1, 2, 3, 4 });

        using var component = WasmComponent.FromBytes(CanonicalGuests.ComponentEngine, canonC,
            new ComponentLoadOptions { CacheDirectory = _directory });

        Assert.Contains(component.CoreModule!.Exports, e => e.Name == "cabi_realloc");
        Assert.True(new FileInfo(artifact).Length > 4);
    }

    [Fact]
    public void The_component_model_path_caches_the_component()
    {
        byte[] two = Bytes("loader_two_modules");
        using (var first = WasmComponent.FromBytes(CanonicalGuests.ComponentEngine, two, new ComponentLoadOptions { CacheDirectory = _directory }))
        {
            Assert.Equal(ComponentBindingPath.ComponentModel, first.Path);
        }

        Assert.True(File.Exists(ArtifactOf(two, ".component")));
        using var second = WasmComponent.FromBytes(CanonicalGuests.ComponentEngine, two, new ComponentLoadOptions { CacheDirectory = _directory });
        using var instance = second.Builder().Instantiate();
        Assert.Equal(12u, instance.ComponentModel!.Instance.GetFunction("quad")!.Call(Wasmtime.Components.ComponentValue.U32(3))!.AsU32());
        Assert.Single(Directory.GetFiles(_directory));
    }
}
