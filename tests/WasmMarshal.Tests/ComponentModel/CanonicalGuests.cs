using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using Wasmtime;
using Wasmtime.Components;
using WasmMarshal.Components;
using WasmMarshal.Tests.Support;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// The two canonical-ABI guests of guests/component, as core modules (on <see cref="TestGuests.MovingEngine"/>, for
/// the canonical stubs) and as the components jco made of them (on an engine with the component model, memory moving
/// too), each compiled once per test run.
/// </summary>
public static class CanonicalGuests
{
    public const string C = "canon_c";
    public const string Rust = "canon_rust";

    /// <summary>The JavaScript guest (componentize-js): four core modules, so only the component-model path runs it.</summary>
    public const string Js = "canon_js";

    private static readonly Lazy<Engine> s_componentEngine = new(() => new Engine(new Config()
        .WithComponentModel(true).WithStaticMemoryMaximumSize(0).WithMemoryReservationForGrowth(0)));

    private static readonly Dictionary<string, Component> s_components = new();

    public static Engine ComponentEngine => s_componentEngine.Value;

    public static string ComponentPath(string name) =>
        Path.Combine(AppContext.BaseDirectory, "guests", "components", name + ".wasm");

    public static CoreCanonicalApi Core(string name, TestHost host) => new(TestGuests.MovingEngine, TestGuests.Load(name), host);

    public static ComponentApi Component(string name, TestHost host)
    {
        return new ComponentApi(ComponentEngine, LoadComponent(name), host);
    }

    /// <summary>
    /// The component <paramref name="name"/>, compiled once per run. Compiling the 12.5 MB JavaScript component takes
    /// seconds, so the compiled form is cached across runs in the temp directory, keyed by the file's hash and the
    /// engine's settings; a cache Wasmtime does not accept (another Wasmtime build) is compiled again.
    /// </summary>
    public static Component LoadComponent(string name)
    {
        lock (s_components)
        {
            if (!s_components.TryGetValue(name, out var component))
            {
                component = CompileCached(File.ReadAllBytes(ComponentPath(name)));
                s_components[name] = component;
            }

            return component;
        }
    }

    private static Component CompileCached(byte[] bytes)
    {
        string key = Convert.ToHexString(SHA256.HashData(bytes))[..32];
        string directory = Path.Combine(Path.GetTempPath(), "wasmmarshal-tests-components");
        string cached = Path.Combine(directory, $"{key}-cm-moving.cwasm");
        if (File.Exists(cached))
        {
            try
            {
                return Wasmtime.Components.Component.DeserializeFile(ComponentEngine, cached);
            }
            catch (WasmtimeException)
            {
                // Compiled by another Wasmtime build or with other settings: compile again below.
            }
        }

        var component = Wasmtime.Components.Component.FromBytes(ComponentEngine, bytes);
        Directory.CreateDirectory(directory);
        string temporary = cached + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temporary, component.Serialize());
        File.Move(temporary, cached, overwrite: true);
        return component;
    }

    /// <summary>
    /// <paramref name="name"/>'s component on the component-model path, built by hand the way the component loader
    /// does: the generated host definition of <see cref="ITestHost"/> and WASI preview 2 on a component linker, then
    /// the generated component-model stub of <see cref="ITestApi"/>, found through the registry.
    /// </summary>
    public static ComponentModelApi ComponentModel(string name, ITestHost host)
    {
        var guest = InstantiateComponent(name, host);
        try
        {
            return new ComponentModelApi(ComponentModelBindings.GetImport<ITestApi>()(guest), guest);
        }
        catch
        {
            guest.Dispose();
            throw;
        }
    }

    /// <summary>The instantiated component alone, for binding other interfaces to it.</summary>
    public static ComponentModelGuest InstantiateComponent(string name, ITestHost host) =>
        InstantiateComponent(name, linker => ComponentModelBindings.GetExport<ITestHost>()(linker, host));

    /// <summary>The instantiated component, with the host interfaces <paramref name="defineHosts"/> defines.</summary>
    public static ComponentModelGuest InstantiateComponent(string name, Action<ComponentLinker> defineHosts)
    {
        var component = LoadComponent(name);
        var store = new Store(ComponentEngine);
        try
        {
            // AddWasiPreview2 needs the store's WASI context (without one, the first clock call panics in Wasmtime).
            store.SetWasiConfiguration(new WasiConfiguration());
            using var linker = new ComponentLinker(ComponentEngine);
            linker.AddWasiPreview2();
            defineHosts(linker);
            return new ComponentModelGuest(component, store, linker.Instantiate(store, component));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public static IEnumerable<object[]> Both() => new[] { new object[] { C }, new object[] { Rust } };
}

/// <summary>The generated component-model stub of <see cref="ITestApi"/> and the guest it runs on (disposed with it).</summary>
public sealed record ComponentModelApi(ITestApi Api, ComponentModelGuest Guest) : IDisposable
{
    public void Dispose() => Guest.Dispose();
}
