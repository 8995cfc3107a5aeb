using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomAttributeExtensions = System.Reflection.CustomAttributeExtensions;
using Wasmtime;
using Wasmtime.Components;
using WasmMarshal.Canonical;

namespace WasmMarshal.Components;

/// <summary>How <see cref="WasmComponent"/> loads a component.</summary>
public sealed class ComponentLoadOptions
{
    /// <summary>
    /// Takes this path instead of the one the loader would decide. <see cref="ComponentBindingPath.ComponentModel"/>
    /// always works (for agreement tests of the two paths); <see cref="ComponentBindingPath.CoreModule"/> on a
    /// component that does not flatten throws, naming the reason.
    /// </summary>
    public ComponentBindingPath? ForcePath { get; init; }

    /// <summary>
    /// A directory for compiled artifacts: the compiled main module or component is stored there under the SHA-256 of
    /// the component's bytes and read back (<c>Module.Deserialize</c> / <c>Component.Deserialize</c>) instead of being
    /// compiled again. Wasmtime trusts what it deserializes: use a directory only this process can write. An artifact
    /// the engine refuses (another Wasmtime or configuration) is compiled again and replaced.
    /// </summary>
    public string? CacheDirectory { get; init; }
}

/// <summary>
/// A component binary, read, checked and compiled, with its binding path decided (docs/component-model.md, "Load a
/// component"): <see cref="ComponentBindingPath.CoreModule"/> when it flattens to one main core module (its core module
/// is extracted and runs under the generated canonical stubs, with Wasmtime's WASI preview 1 standing in for the
/// preview 1 adapter), otherwise <see cref="ComponentBindingPath.ComponentModel"/> (Wasmtime.Components behind the
/// generated component-model stubs). <see cref="Report"/> says what was found and why.
/// </summary>
public sealed class WasmComponent : IDisposable
{
    private WasmComponent(Engine engine, ComponentReport report, Module? coreModule, Component? component)
    {
        Engine = engine;
        Report = report;
        CoreModule = coreModule;
        Component = component;
    }

    /// <summary>The engine the component was compiled on.</summary>
    public Engine Engine { get; }

    /// <summary>The binding path, decided at load.</summary>
    public ComponentBindingPath Path => Report.Path;

    /// <summary>Why that path, in words (for example "3 core modules that call each other: ...").</summary>
    public string PathReason => Report.PathReason;

    /// <summary>What the loader found: core modules and their roles, lifts and lowers with their options.</summary>
    public ComponentReport Report { get; }

    /// <summary>The extracted main core module (the <see cref="ComponentBindingPath.CoreModule"/> path), else null.</summary>
    public Module? CoreModule { get; }

    /// <summary>The compiled component (the <see cref="ComponentBindingPath.ComponentModel"/> path), else null.</summary>
    public Component? Component { get; }

    /// <summary>
    /// Reads, checks and compiles <paramref name="bytes"/>. The engine needs <c>Config.WithComponentModel(true)</c> for
    /// the component-model path. Throws <see cref="WasmComponentFormatException"/> (with the byte offset) for bytes that
    /// are not a component the reader can take, or that Wasmtime rejects.
    /// </summary>
    public static WasmComponent FromBytes(Engine engine, ReadOnlySpan<byte> bytes, ComponentLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (bytes.Length > ComponentBinaryReader.MaxInputBytes)
        {
            throw new WasmComponentFormatException(0, $"{bytes.Length} bytes is over the reader's limit of {ComponentBinaryReader.MaxInputBytes}");
        }

        byte[] data = bytes.ToArray();
        var syntax = ComponentBinaryReader.Read(data);
        var (flattener, decided) = ComponentFlattener.Decide(syntax);
        var report = decided;
        if (options?.ForcePath is { } forced && forced != decided.Path)
        {
            if (forced == ComponentBindingPath.CoreModule)
            {
                throw new WasmMarshalException($"ComponentLoadOptions.ForcePath is CoreModule, but the component does not flatten: {decided.PathReason}");
            }

            report = flattener.Report(forced, $"forced by ComponentLoadOptions.ForcePath (the loader decided {decided.Path}: {decided.PathReason})");
        }

        var cache = options?.CacheDirectory is { } directory ? new ArtifactCache(directory, data, report.Path) : null;
        if (report.Path == ComponentBindingPath.CoreModule)
        {
            var module = syntax.Space(Sort.CoreModule)[flattener.MainModule].Module!;
            try
            {
                var core = cache?.Load(bytes => Module.Deserialize(engine, "main", bytes));
                if (core is null)
                {
                    core = Module.FromBytes(engine, "main", data.AsSpan(module.Offset, module.Length));
                    cache?.Store(core.Serialize());
                }

                return new WasmComponent(engine, report, core, null);
            }
            catch (WasmtimeException ex)
            {
                throw new WasmComponentFormatException(module.Offset, "Wasmtime rejected the main core module: " + ex.Message, ex);
            }
        }

        try
        {
            var component = cache?.Load(bytes => Component.Deserialize(engine, bytes));
            if (component is null)
            {
                component = Component.FromBytes(engine, data);
                cache?.Store(component.Serialize());
            }

            return new WasmComponent(engine, report, null, component);
        }
        catch (WasmtimeException ex)
        {
            throw new WasmComponentFormatException(-1, "Wasmtime rejected the component: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// Reads <paramref name="bytes"/> and decides its binding path without compiling anything (the reader's checks
    /// only: Wasmtime validates when the component is loaded). Throws <see cref="WasmComponentFormatException"/> for
    /// bytes the reader cannot take.
    /// </summary>
    public static ComponentReport Inspect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > ComponentBinaryReader.MaxInputBytes)
        {
            throw new WasmComponentFormatException(0, $"{bytes.Length} bytes is over the reader's limit of {ComponentBinaryReader.MaxInputBytes}");
        }

        return ComponentFlattener.Decide(ComponentBinaryReader.Read(bytes.ToArray())).Report;
    }

    /// <summary>Reads the component file at <paramref name="path"/>; see <see cref="FromBytes"/>.</summary>
    public static WasmComponent FromFile(Engine engine, string path, ComponentLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var length = new FileInfo(path).Length;
        if (length > ComponentBinaryReader.MaxInputBytes)
        {
            throw new WasmComponentFormatException(0, $"{path}: {length} bytes is over the reader's limit of {ComponentBinaryReader.MaxInputBytes}");
        }

        return FromBytes(engine, File.ReadAllBytes(path), options);
    }

    /// <summary>Starts an instantiation: host interfaces, WASI.</summary>
    public WasmComponentBuilder Builder() => new(this);

    /// <inheritdoc />
    public override string ToString() => Report.ToString();

    /// <summary>Disposes the compiled module or component.</summary>
    public void Dispose()
    {
        CoreModule?.Dispose();
        Component?.Dispose();
    }
}

/// <summary>Compiled artifacts on disk, keyed by the SHA-256 of the component's bytes and the path.</summary>
internal sealed class ArtifactCache
{
    private readonly string _path;

    public ArtifactCache(string directory, byte[] component, ComponentBindingPath path)
    {
        string key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(component));
        _path = System.IO.Path.Combine(directory, key + (path == ComponentBindingPath.CoreModule ? ".module" : ".component"));
    }

    /// <summary>The deserialized artifact, or null when there is none or the engine refuses it.</summary>
    public T? Load<T>(Func<byte[], T> deserialize) where T : class
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        try
        {
            return deserialize(File.ReadAllBytes(_path));
        }
        catch (WasmtimeException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Writes the artifact (through a temporary file, so a reader never sees half of it).</summary>
    public void Store(byte[] artifact)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
            string temporary = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, artifact);
            File.Move(temporary, _path, overwrite: true);
        }
        catch (IOException)
        {
            // A cache that cannot be written is only slower.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Serves host interfaces and WASI to a <see cref="WasmComponent"/> and instantiates it on its path.</summary>
public sealed class WasmComponentBuilder
{
    private readonly WasmComponent _component;
    private readonly List<Action<CanonicalGuestBuilder>> _coreHosts = new();
    private readonly List<Action<ComponentLinker>> _componentHosts = new();
    private WasiConfiguration? _wasi;

    internal WasmComponentBuilder(WasmComponent component) => _component = component;

    /// <summary>
    /// Serves the <c>[WasmExport, WasmCanonicalAbi]</c> interface <typeparamref name="T"/> to the component: through its
    /// generated canonical host definition on the core-module path, its component-model one on the other.
    /// </summary>
    public WasmComponentBuilder WithHost<T>(T implementation) where T : class
    {
        ArgumentNullException.ThrowIfNull(implementation);
        if (_component.Path == ComponentBindingPath.CoreModule)
        {
            _coreHosts.Add(builder => builder.WithHost(implementation));
        }
        else
        {
            var define = ComponentModelBindings.GetExport<T>();
            _componentHosts.Add(linker => define(linker, implementation));
        }

        return this;
    }

    /// <summary>
    /// The WASI context: Wasmtime's WASI preview 1 for the main core module (where the component had the preview 1
    /// adapter), or WASI preview 2 for the component. Without it, a component that uses WASI gets an empty
    /// configuration (no arguments, environment, preopens or inherited stdio).
    /// </summary>
    public WasmComponentBuilder WithWasi(WasiConfiguration configuration)
    {
        _wasi = configuration ?? throw new ArgumentNullException(nameof(configuration));
        return this;
    }

    /// <summary>Instantiates the component (calling the main module's initialize export on the core-module path).</summary>
    public WasmComponentInstance Instantiate()
    {
        var report = _component.Report;
        if (report.Path == ComponentBindingPath.CoreModule)
        {
            var builder = CanonicalGuest.Builder(_component.Engine, _component.CoreModule!);
            if (_wasi is not null || report.WasiPreview1Imports.Count > 0)
            {
                builder.WithWasi(_wasi ?? new WasiConfiguration());
            }

            foreach (var host in _coreHosts)
            {
                host(builder);
            }

            return new WasmComponentInstance(report, builder.Instantiate(), null);
        }

        var store = new Store(_component.Engine);
        try
        {
            using var linker = new ComponentLinker(_component.Engine);
            if (_wasi is not null || report.Imports.Any(i => i.StartsWith("wasi:", StringComparison.Ordinal)))
            {
                linker.AddWasiPreview2();
                store.SetWasiConfiguration(_wasi ?? new WasiConfiguration());
            }

            foreach (var host in _componentHosts)
            {
                host(linker);
            }

            var instance = linker.Instantiate(store, _component.Component!);
            return new WasmComponentInstance(report, null, new ComponentModelGuest(_component.Component!, store, instance));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}

/// <summary>An instantiated <see cref="WasmComponent"/>: hands out the generated stubs of its path.</summary>
public sealed class WasmComponentInstance : IDisposable
{
    private readonly ComponentReport _report;

    internal WasmComponentInstance(ComponentReport report, CanonicalGuest? core, ComponentModelGuest? componentModel)
    {
        _report = report;
        Core = core;
        ComponentModel = componentModel;
    }

    /// <summary>The binding path.</summary>
    public ComponentBindingPath Path => _report.Path;

    /// <summary>The main core module's guest (the core-module path), else null.</summary>
    public CanonicalGuest? Core { get; }

    /// <summary>The component instance (the component-model path), else null.</summary>
    public ComponentModelGuest? ComponentModel { get; }

    /// <summary>
    /// The generated stub of the <c>[WasmImport, WasmCanonicalAbi]</c> interface <typeparamref name="T"/> on this
    /// instance's path. On the core-module path, the interface's declared string encoding must be the one the
    /// component lifts its functions with (a <see cref="WasmBindingException"/> lists the functions that differ).
    /// </summary>
    public T Import<T>() where T : class
    {
        if (Core is not null)
        {
            CheckEncoding(typeof(T));
            return CanonicalBindings.GetImport<T>()(Core);
        }

        return ComponentModelBindings.GetImport<T>()(ComponentModel!);
    }

    private void CheckEncoding(Type type)
    {
        var attribute = CustomAttributeExtensions.GetCustomAttribute<WasmCanonicalAbiAttribute>(type, inherit: false);
        if (attribute is null)
        {
            return;
        }

        string declared = attribute.StringEncoding == CanonicalStringEncoding.Utf16 ? "utf16" : "utf8";
        var mismatches = _report.LiftsOf(attribute.InterfaceName)
            .Where(l => l.StringEncoding is { } used && used != declared)
            .Select(l => new BindingMismatch(l.CoreExport, type.Name, "string-encoding=" + declared, "string-encoding=" + l.StringEncoding))
            .ToArray();
        if (mismatches.Length > 0)
        {
            throw new WasmBindingException(type.Name, mismatches,
                $"set [WasmCanonicalAbi(..., StringEncoding = ...)] to the encoding the component was built with");
        }
    }

    /// <summary>Disposes the store.</summary>
    public void Dispose()
    {
        Core?.Dispose();
        ComponentModel?.Dispose();
    }
}
