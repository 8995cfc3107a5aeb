using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using Wasmtime;
using WasmMarshal.Binding;

namespace WasmMarshal.Canonical;

/// <summary>How a core module names what a component wraps (wit-component accepts both).</summary>
public enum CanonicalNaming
{
    /// <summary>
    /// What wit-bindgen emits today: <c>memory</c>, <c>cabi_realloc</c>, <c>_initialize</c>, exports
    /// <c>iface#func</c> (a world-level function is just <c>func</c>), post-return <c>cabi_post_iface#func</c>, imports
    /// from module <c>iface</c> (<c>$root</c> for world-level functions). Interface names carry their full version.
    /// </summary>
    Legacy,

    /// <summary>
    /// The newer scheme (what <c>jco embed --dummy</c> emits): <c>cm32p2_memory</c>, <c>cm32p2_realloc</c>,
    /// <c>cm32p2_initialize</c>, exports <c>cm32p2|iface|func</c> (<c>cm32p2||func</c> at world level), post-return
    /// <c>cm32p2|iface|func_post</c>, imports from module <c>cm32p2|iface</c> (<c>cm32p2</c> at world level).
    /// Interface versions are shortened to their semver track: <c>@0.1.0</c> becomes <c>@0.1</c>, <c>@1.2.3</c>
    /// becomes <c>@1</c>, <c>@0.0.1</c> stays.
    /// </summary>
    Cm32p2,
}

/// <summary>
/// Finds a canonical-ABI core module's exports under either <see cref="CanonicalNaming"/> and checks them before any
/// stub is built: every missing or mistyped export is collected and <see cref="Complete"/> throws one
/// <see cref="WasmBindingException"/> listing all of them, as <see cref="ImportBinder"/> does for the C-like ABI.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CanonicalExports
{
    private const string Cm32p2Prefix = "cm32p2";
    private readonly Dictionary<string, FunctionExport> _functions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _memories = new(StringComparer.Ordinal);
    private readonly List<BindingMismatch> _mismatches = new();
    private readonly string _target;

    /// <summary>Reads <paramref name="module"/>'s exports and detects its naming scheme.</summary>
    public CanonicalExports(Module module, string target)
    {
        ArgumentNullException.ThrowIfNull(module);
        _target = target;
        foreach (var export in module.Exports)
        {
            switch (export)
            {
                case FunctionExport function:
                    _functions[function.Name] = function;
                    break;
                case MemoryExport memory:
                    _memories.Add(memory.Name);
                    break;
            }
        }

        Naming = module.Exports.Any(e => e.Name.StartsWith(Cm32p2Prefix, StringComparison.Ordinal))
            ? CanonicalNaming.Cm32p2
            : CanonicalNaming.Legacy;
    }

    /// <summary>The scheme the module uses: <see cref="CanonicalNaming.Cm32p2"/> when any export starts with <c>cm32p2</c>.</summary>
    public CanonicalNaming Naming { get; }

    /// <summary>Every mismatch recorded so far.</summary>
    public IReadOnlyList<BindingMismatch> Mismatches => _mismatches;

    /// <summary>The memory export's name.</summary>
    public string MemoryName => NameOf(Naming, ExportRole.Memory);

    /// <summary>The realloc export's name.</summary>
    public string ReallocName => NameOf(Naming, ExportRole.Realloc);

    /// <summary>The initialize export's name (optional; call it once after instantiation when present).</summary>
    public string InitializeName => NameOf(Naming, ExportRole.Initialize);

    /// <summary>Whether the module exports the initialize function.</summary>
    public bool HasInitialize => _functions.ContainsKey(InitializeName);

    /// <summary>The export name of <paramref name="function"/> in <paramref name="interfaceName"/> (null at world level).</summary>
    public string FunctionName(string? interfaceName, string function) => FunctionName(Naming, interfaceName, function);

    /// <summary>The post-return export name of <paramref name="function"/>.</summary>
    public string PostReturnName(string? interfaceName, string function) => PostReturnName(Naming, interfaceName, function);

    /// <summary>The import module name under which the guest imports <paramref name="interfaceName"/> (null at world level).</summary>
    public string ImportModule(string? interfaceName) => ImportModule(Naming, interfaceName);

    /// <summary>Whether the module exports the post-return function of <paramref name="function"/>.</summary>
    public bool HasPostReturn(string? interfaceName, string function) => _functions.ContainsKey(PostReturnName(interfaceName, function));

    /// <summary>The export name of a function under <paramref name="naming"/>.</summary>
    public static string FunctionName(CanonicalNaming naming, string? interfaceName, string function) => naming switch
    {
        CanonicalNaming.Legacy => string.IsNullOrEmpty(interfaceName) ? function : interfaceName + "#" + function,
        _ => Cm32p2Prefix + "|" + (string.IsNullOrEmpty(interfaceName) ? "" : CanonicalInterfaceName(interfaceName)) + "|" + function,
    };

    /// <summary>The post-return export name of a function under <paramref name="naming"/>.</summary>
    public static string PostReturnName(CanonicalNaming naming, string? interfaceName, string function) => naming switch
    {
        CanonicalNaming.Legacy => "cabi_post_" + FunctionName(naming, interfaceName, function),
        _ => FunctionName(naming, interfaceName, function) + "_post",
    };

    /// <summary>The import module name of an interface under <paramref name="naming"/>.</summary>
    public static string ImportModule(CanonicalNaming naming, string? interfaceName) => naming switch
    {
        CanonicalNaming.Legacy => string.IsNullOrEmpty(interfaceName) ? "$root" : interfaceName,
        _ => string.IsNullOrEmpty(interfaceName) ? Cm32p2Prefix : Cm32p2Prefix + "|" + CanonicalInterfaceName(interfaceName),
    };

    /// <summary>
    /// An interface name with its version shortened to the semver track, as the cm32p2 scheme writes it:
    /// <c>a:b/c@1.2.3</c> → <c>a:b/c@1</c>, <c>@0.1.0</c> → <c>@0.1</c>, <c>@0.0.1</c> unchanged, a prerelease kept
    /// whole, build metadata dropped. A name without a version is returned as it is.
    /// </summary>
    public static string CanonicalInterfaceName(string interfaceName)
    {
        int at = interfaceName.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return interfaceName;
        }

        string version = interfaceName[(at + 1)..];
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus];
        }

        string head = interfaceName[..(at + 1)];
        if (version.Contains('-', StringComparison.Ordinal))
        {
            return head + version;
        }

        string[] parts = version.Split('.');
        if (parts.Length != 3)
        {
            return head + version;
        }

        if (parts[0] != "0")
        {
            return head + parts[0];
        }

        return parts[1] != "0" ? head + "0." + parts[1] : head + version;
    }

    /// <summary>Expects the memory export (needed by any function that passes strings or lists, or uses a return area).</summary>
    public void ExpectMemory(string member)
    {
        if (!_memories.Contains(MemoryName))
        {
            _mismatches.Add(new BindingMismatch(MemoryName, member, "a memory export", Missing(ExportRole.Memory, MemoryName)));
        }
    }

    /// <summary>Expects <c>realloc</c> with the canonical type <c>(i32, i32, i32, i32) -&gt; i32</c>.</summary>
    public void ExpectRealloc(string member) =>
        Check(ReallocName, member, "(i32, i32, i32, i32) -> i32", required: true, ExportRole.Realloc);

    /// <summary>Expects an exported function with the core type <paramref name="signature"/> (as <see cref="WasmSignature.Format"/> writes it).</summary>
    public void ExpectFunction(string? interfaceName, string function, string member, string signature) =>
        Check(FunctionName(interfaceName, function), member, signature, required: true, role: null, interfaceName, function);

    /// <summary>
    /// Checks the post-return function of <paramref name="function"/> when there is one (it is optional): it must take
    /// the flat results, <paramref name="signature"/>, for example <c>(i32) -&gt; ()</c>.
    /// </summary>
    public void ExpectOptionalPostReturn(string? interfaceName, string function, string member, string signature) =>
        Check(PostReturnName(interfaceName, function), member, signature, required: false, role: null);

    /// <summary>Throws one <see cref="WasmBindingException"/> listing every mismatch, if there is any.</summary>
    public void Complete()
    {
        if (_mismatches.Count > 0)
        {
            throw new WasmBindingException(_target, _mismatches.ToArray(), Hint());
        }
    }

    private void Check(string name, string member, string signature, bool required, ExportRole? role,
        string? interfaceName = null, string? function = null)
    {
        if (!_functions.TryGetValue(name, out var export))
        {
            if (required)
            {
                string actual = role is { } r ? Missing(r, name)
                    : function is not null ? MissingFunction(interfaceName, function) : "missing";
                _mismatches.Add(new BindingMismatch(name, member, signature, actual));
            }

            return;
        }

        string found = WasmSignature.Format(export.Parameters, export.Results);
        if (found != signature)
        {
            _mismatches.Add(new BindingMismatch(name, member, signature, found));
        }
    }

    private string Missing(ExportRole role, string name)
    {
        var other = Other(Naming);
        string otherName = NameOf(other, role);
        bool present = role == ExportRole.Memory ? _memories.Contains(otherName) : _functions.ContainsKey(otherName);
        return present ? $"missing (the module has '{otherName}' of the {other} scheme, but names others the {Naming} way)" : "missing";
    }

    private string MissingFunction(string? interfaceName, string function)
    {
        var other = Other(Naming);
        string otherName = FunctionName(other, interfaceName, function);
        return _functions.ContainsKey(otherName)
            ? $"missing (the module has '{otherName}' of the {other} scheme, but names others the {Naming} way)"
            : "missing";
    }

    private string? Hint() =>
        _mismatches.Any(m => m.Actual.StartsWith("missing (the module has", StringComparison.Ordinal))
            ? "a core module must use one export-naming scheme throughout: either legacy (memory, cabi_realloc, iface#func) or cm32p2 (cm32p2_memory, cm32p2_realloc, cm32p2|iface|func)."
            : null;

    private static CanonicalNaming Other(CanonicalNaming naming) =>
        naming == CanonicalNaming.Legacy ? CanonicalNaming.Cm32p2 : CanonicalNaming.Legacy;

    /// <summary>The memory export's name under <paramref name="naming"/>.</summary>
    public static string MemoryNameOf(CanonicalNaming naming) => NameOf(naming, ExportRole.Memory);

    /// <summary>The realloc export's name under <paramref name="naming"/>.</summary>
    public static string ReallocNameOf(CanonicalNaming naming) => NameOf(naming, ExportRole.Realloc);

    private static string NameOf(CanonicalNaming naming, ExportRole role) => (naming, role) switch
    {
        (CanonicalNaming.Legacy, ExportRole.Memory) => "memory",
        (CanonicalNaming.Legacy, ExportRole.Realloc) => "cabi_realloc",
        (CanonicalNaming.Legacy, ExportRole.Initialize) => "_initialize",
        (_, ExportRole.Memory) => "cm32p2_memory",
        (_, ExportRole.Realloc) => "cm32p2_realloc",
        _ => "cm32p2_initialize",
    };

    private enum ExportRole
    {
        Memory,
        Realloc,
        Initialize,
    }
}
