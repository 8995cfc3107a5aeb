using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wasmtime;
using WasmMarshal;

namespace ComputePlugins;

/// <summary>A module that fits <see cref="IImageFilter"/> or <see cref="ITextPlugin"/>, instantiated once.</summary>
public sealed class Plugin : IDisposable
{
    internal Plugin(string path, WasmGuest guest, IImageFilter? filter, ITextPlugin? text)
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

    /// <summary><c>c</c>, <c>rust</c> or <c>as</c>, from the file name prefix that guests/build.sh gives.</summary>
    public string Language { get; }

    /// <summary><c>name.language</c>, e.g. <c>grayscale.c</c>: used in output file names.</summary>
    public string Id => $"{Name}.{Language}";

    /// <summary>The instance.</summary>
    public WasmGuest Guest { get; }

    /// <summary>Set for image filters.</summary>
    public IImageFilter? Filter { get; }

    /// <summary>Set for text plugins.</summary>
    public ITextPlugin? Text { get; }

    /// <summary>The language of a plugin built by guests/build.sh: <c>rust_</c> and <c>as_</c> prefixes, else C.</summary>
    public static string LanguageOf(string path)
    {
        string file = System.IO.Path.GetFileName(path);
        if (file.StartsWith("rust_", StringComparison.Ordinal)) return "rust";
        if (file.StartsWith("as_", StringComparison.Ordinal)) return "as";
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
