using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Wasmtime;
using Wasmtime.Components;
using WasmMarshal;
using WasmMarshal.Components;

namespace ComputePlugins;

/// <summary>A module that fits <see cref="IImageFilter"/> or <see cref="ITextPlugin"/>, instantiated once.</summary>
public sealed class Plugin : IDisposable
{
    internal Plugin(string path, IDisposable guest, IImageFilter? filter, ITextPlugin? text)
    {
        Path = path;
        Guest = guest;
        Filter = filter;
        Text = text;
        Language = LanguageOf(path);
        Name = filter?.Name() ?? text!.Name();
    }

    /// <summary>The .wasm file.</summary>
    public string Path { get; }

    /// <summary>The name the plugin reports (<c>name</c> export).</summary>
    public string Name { get; }

    /// <summary><c>c</c>, <c>rust</c>, <c>as</c> or <c>js</c>, from the file name prefix that guests/build.sh gives.</summary>
    public string Language { get; }

    /// <summary><c>name.language</c>, e.g. <c>grayscale.c</c>: used in output file names.</summary>
    public string Id => $"{Name}.{Language}";

    /// <summary>The instance: a <see cref="WasmGuest"/>, or a <see cref="ComponentModelGuest"/> for a component.</summary>
    public IDisposable Guest { get; }

    /// <summary>Set for image filters.</summary>
    public IImageFilter? Filter { get; }

    /// <summary>Set for text plugins.</summary>
    public ITextPlugin? Text { get; }

    /// <summary>The language of a plugin built by guests/build.sh: <c>rust_</c>, <c>as_</c> and <c>js_</c> prefixes, else C.</summary>
    public static string LanguageOf(string path)
    {
        string file = System.IO.Path.GetFileName(path);
        if (file.StartsWith("rust_", StringComparison.Ordinal)) return "rust";
        if (file.StartsWith("as_", StringComparison.Ordinal)) return "as";
        if (file.StartsWith("js_", StringComparison.Ordinal)) return "js";
        return "c";
    }

    /// <inheritdoc />
    public void Dispose() => Guest.Dispose();
}

/// <summary>A module that fits no plugin interface, with the reason for each interface.</summary>
/// <param name="Path">The .wasm file.</param>
/// <param name="Errors">One exception per interface tried (a <see cref="WasmBindingException"/> lists every mismatch), or
/// the one error that stopped loading (not a wasm module, imports the host does not offer, ...).</param>
public sealed record PluginRejection(string Path, IReadOnlyList<Exception> Errors)
{
    /// <summary>Every binding mismatch found, for every interface tried.</summary>
    public IEnumerable<BindingMismatch> Mismatches => Errors.OfType<WasmBindingException>().SelectMany(e => e.Mismatches);
}

/// <summary>Discovers plugin modules, binds each against the plugin interfaces and keeps the ones that fit.</summary>
public sealed class PluginCatalog : IDisposable
{
    private readonly List<Plugin> _plugins = new();
    private readonly List<PluginRejection> _rejected = new();

    private PluginCatalog() { }

    /// <summary>The image filters, by name, then language.</summary>
    public IReadOnlyList<Plugin> Filters =>
        _plugins.Where(p => p.Filter is not null).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Language, StringComparer.Ordinal).ToList();

    /// <summary>The text plugins, in file name order.</summary>
    public IReadOnlyList<Plugin> TextPlugins => _plugins.Where(p => p.Text is not null).ToList();

    /// <summary>The modules that fit no plugin interface.</summary>
    public IReadOnlyList<PluginRejection> Rejected => _rejected;

    /// <summary>The .wasm files of a folder, by file name.</summary>
    public static IReadOnlyList<string> Discover(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.wasm").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList()
            : Array.Empty<string>();

    /// <summary>Instantiates every module and checks it against <see cref="IImageFilter"/>, then
    /// <see cref="ITextPlugin"/>. A module that fits neither, or whose <see cref="Plugin.Id"/> is taken, is reported in
    /// <see cref="Rejected"/>, never thrown.</summary>
    public static PluginCatalog Load(Engine engine, IEnumerable<string> files, IPluginLog log)
    {
        var catalog = new PluginCatalog();
        foreach (string file in files)
        {
            var (plugin, rejection) = TryLoad(engine, file, log);
            var twin = plugin is null ? null : catalog._plugins.FirstOrDefault(p => p.Id == plugin.Id);
            if (plugin is not null && twin is not null)
            {
                // Its outputs would overwrite the twin's (name.filter.lang.png).
                plugin.Dispose();
                rejection = new PluginRejection(file, new[] { new InvalidDataException($"{plugin.Id} is already loaded from {twin.Path}") });
                plugin = null;
            }
            if (plugin is not null) catalog._plugins.Add(plugin);
            else catalog._rejected.Add(rejection!);
        }
        return catalog;
    }

    /// <summary>Loads one module as a plugin, or says why it is not one.</summary>
    public static (Plugin? Plugin, PluginRejection? Rejection) TryLoad(Engine engine, string file, IPluginLog log)
    {
        if (ComponentPlugins.IsComponent(file))
        {
            return ComponentPlugins.TryLoad(engine, file);
        }

        WasmGuest guest;
        try
        {
            using var module = Module.FromFile(engine, file);
            guest = WasmGuest.Builder(engine, module).Export(log).Instantiate();
        }
        catch (Exception e) when (e is WasmMarshalException or WasmtimeException or IOException)
        {
            return (null, new PluginRejection(file, new[] { e }));
        }

        // A binding mismatch, or a name export that traps or returns bad data: either way not a usable plugin.
        var errors = new List<Exception>();
        try
        {
            return (new Plugin(file, guest, guest.Import<IImageFilter>(), null), null);
        }
        catch (WasmMarshalException e)
        {
            errors.Add(e);
        }
        try
        {
            return (new Plugin(file, guest, null, guest.Import<ITextPlugin>()), null);
        }
        catch (WasmMarshalException e)
        {
            errors.Add(e);
        }
        guest.Dispose();
        return (null, new PluginRejection(file, errors));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var plugin in _plugins) plugin.Dispose();
        _plugins.Clear();
    }
}

/// <summary>
/// Plugins that are WebAssembly components rather than core modules: the JavaScript word counter. A component made of
/// several core modules (componentize-js embeds a JS engine) cannot be flattened, so it is instantiated with
/// Wasmtime.Components and bound through the generated component-model stub of <see cref="IWords"/> (declared from wit/words.wit).
/// </summary>
public static class ComponentPlugins
{
    /// <summary>A component's preamble: the wasm magic, then version 0x0d and layer 1 (a core module has version 1, layer 0).</summary>
    public static bool IsComponent(string file)
    {
        Span<byte> header = stackalloc byte[8];
        try
        {
            using var stream = File.OpenRead(file);
            return stream.Read(header) == 8 && header[..4].SequenceEqual("\0asm"u8) && header[6] == 1 && header[7] == 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Compiles (once, cached by content hash in the temp folder), instantiates and binds a component plugin.</summary>
    public static (Plugin? Plugin, PluginRejection? Rejection) TryLoad(Engine engine, string file)
    {
        Store? store = null;
        try
        {
            var component = Compile(engine, file);
            store = new Store(engine);
            // componentize-js output imports WASI preview 2 (clocks, random, stdio); it gets an empty context.
            store.SetWasiConfiguration(new WasiConfiguration());
            using var linker = new ComponentLinker(engine);
            linker.AddWasiPreview2();
            var guest = new ComponentModelGuest(component, store, linker.Instantiate(store, component));
            store = null; // the guest owns it now
            try
            {
                return (new Plugin(file, guest, null, new ComponentTextPlugin(IWords.Bind(guest))), null);
            }
            catch
            {
                guest.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is WasmMarshalException or WasmtimeException or IOException)
        {
            store?.Dispose();
            return (null, new PluginRejection(file, new[] { e }));
        }
    }

    /// <summary>Compiling the 12.5 MB JavaScript component takes seconds; its compiled form is cached across runs.</summary>
    private static Component Compile(Engine engine, string file)
    {
        byte[] bytes = File.ReadAllBytes(file);
        string cache = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wasmmarshal-computeplugins",
            Convert.ToHexString(SHA256.HashData(bytes))[..32] + ".cwasm");
        if (File.Exists(cache))
        {
            try
            {
                return Component.DeserializeFile(engine, cache);
            }
            catch (WasmtimeException)
            {
                // Compiled by another Wasmtime build: compile again.
            }
        }

        var component = Component.FromBytes(engine, bytes);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(cache)!);
        string temporary = cache + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temporary, component.Serialize());
        File.Move(temporary, cache, overwrite: true);
        return component;
    }
}

/// <summary><see cref="IWords"/> (declared from wit/words.wit) as an <see cref="ITextPlugin"/>: WIT records become <see cref="WordCount"/> structs.</summary>
public sealed class ComponentTextPlugin : ITextPlugin
{
    private readonly IWords _component;

    /// <summary>Adapts <paramref name="component"/>.</summary>
    public ComponentTextPlugin(IWords component) => _component = component;

    /// <inheritdoc />
    public string Name() => _component.Name();

    /// <inheritdoc />
    public unsafe WordCount[] TopWords(string text, int limit)
    {
        var entries = _component.TopWords(text, (uint)Math.Max(0, limit));
        var words = new WordCount[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(entries[i].Word);
            if (utf8.Length > WordCount.WordBytes || entries[i].Count > int.MaxValue)
            {
                throw new WasmGuestDataException("IWords.TopWords", "return",
                    $"entry {i} ('{entries[i].Word}', {entries[i].Count}) does not fit a WordCount ({WordCount.WordBytes} bytes, an int count).");
            }

            fixed (byte* word = words[i].Word)
            {
                utf8.CopyTo(new Span<byte>(word, WordCount.WordBytes));
            }

            words[i].Count = (int)entries[i].Count;
        }

        return words;
    }
}
