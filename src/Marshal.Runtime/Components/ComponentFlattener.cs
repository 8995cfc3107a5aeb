using System;
using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Canonical;

namespace WasmMarshal.Components;

/// <summary>
/// Decides whether a component flattens to its main core module (docs/component-model.md, "Load a component"): one
/// module that every <c>canon lift</c> takes its function from, instantiated once; beside it only wit-component's
/// indirect-call shim and fixup and the WASI preview 1 adapter; each main-module import either a
/// <c>wasi_snapshot_preview1</c> function (the adapter's) or a <c>canon lower</c> of the component import the canonical
/// stubs define under the same name; every canonical option naming the main module's memory, realloc and post-return
/// as the stubs do. Anything else is a reason to take the component-model path, given in words.
/// </summary>
internal sealed class ComponentFlattener
{
    private const string Preview1 = "wasi_snapshot_preview1";
    private const int MaxShimDepth = 4;

    private readonly ComponentSyntax _syntax;
    private readonly List<ComponentLift> _lifts = new();
    private readonly List<ComponentLower> _lowers = new();
    private readonly List<string> _preview1 = new();
    private ComponentCoreModuleRole[] _roles = Array.Empty<ComponentCoreModuleRole>();
    private int[] _instantiations = Array.Empty<int>();
    private int _mainInstance = -1;
    private CanonicalNaming? _naming;
    private HashSet<(string Name, byte Kind)> _mainExports = new();

    private ComponentFlattener(ComponentSyntax syntax) => _syntax = syntax;

    /// <summary>The main module's index when the component flattens, else −1.</summary>
    public int MainModule { get; private set; } = -1;

    public static (ComponentFlattener Flattener, ComponentReport Report) Decide(ComponentSyntax syntax)
    {
        var flattener = new ComponentFlattener(syntax);
        string? refusal = flattener.Refusal();
        if (refusal is not null)
        {
            flattener.MainModule = -1;
        }

        string reason = refusal ?? flattener.Accepted();
        var report = flattener.Report(refusal is null ? ComponentBindingPath.CoreModule : ComponentBindingPath.ComponentModel, reason);
        return (flattener, report);
    }

    public ComponentReport Report(ComponentBindingPath path, string reason)
    {
        var modules = _syntax.Space(Sort.CoreModule);
        var coreModules = new List<ComponentCoreModule>();
        for (int i = 0; i < modules.Count; i++)
        {
            var info = modules[i].Module;
            coreModules.Add(new ComponentCoreModule(i, i < _roles.Length ? _roles[i] : ComponentCoreModuleRole.Other,
                info?.Length ?? 0, info?.Imports.Count ?? 0, info?.Exports.Count ?? 0, i < _instantiations.Length ? _instantiations[i] : 0));
        }

        return new ComponentReport(path, reason, coreModules, _lifts.ToArray(), _lowers.ToArray(),
            _syntax.Imports.Select(i => i.Name).ToArray(), _syntax.Exports.Select(e => e.Name).ToArray(), _naming, _preview1.ToArray());
    }

    private string Accepted()
    {
        var parts = new List<string> { $"one main core module (module {MainModule}) with {_lifts.Count} lifted functions" };
        if (_roles.Contains(ComponentCoreModuleRole.WasiPreview1Adapter))
        {
            parts.Add($"the WASI preview 1 adapter, replaced by Wasmtime's WASI preview 1 ({_preview1.Count} functions)");
        }

        int shims = _roles.Count(r => r is ComponentCoreModuleRole.IndirectCallShim or ComponentCoreModuleRole.IndirectCallFixup);
        if (shims > 0)
        {
            parts.Add(_lowers.Count > 0
                ? $"{shims} wit-component shim/fixup modules, replaced by defining the {_lowers.Count} lowered imports directly"
                : $"{shims} wit-component shim/fixup modules, not run");
        }
        else if (_lowers.Count > 0)
        {
            parts.Add($"{_lowers.Count} lowered imports");
        }

        return string.Join("; ", parts);
    }

    private string? Refusal()
    {
        if (_syntax.NotFlattenable.Count > 0)
        {
            return "the component has " + _syntax.NotFlattenable[0] + ", which the loader does not flatten";
        }

        var modules = _syntax.Space(Sort.CoreModule);
        _roles = new ComponentCoreModuleRole[modules.Count];
        Array.Fill(_roles, ComponentCoreModuleRole.Other);
        _instantiations = new int[modules.Count];
        var coreInstances = _syntax.Space(Sort.CoreInstance);
        foreach (var instance in coreInstances)
        {
            if (instance.Kind == DefinitionKind.Instantiate)
            {
                _instantiations[instance.Target]++;
            }
        }

        var nested = _syntax.Space(Sort.Component).FirstOrDefault(c => c.NestedCoreContent is not null);
        if (nested is not null)
        {
            return nested.NestedCoreContent + " (only type-only wrapper components are flattened)";
        }

        if (modules.Count == 0)
        {
            return "the component has no core module";
        }

        // Every core module must be one the reader saw the bytes of (the reader refuses the other ways to get one).
        int opaque = modules.FindIndex(m => m.Module is null);
        if (opaque >= 0)
        {
            return $"core module {opaque} is not embedded in the component ({modules[opaque].Kind})";
        }

        // The main module: the one every lifted function comes from.
        var lifts = _syntax.Space(Sort.Func).Where(f => f.Kind == DefinitionKind.Lift).ToList();
        if (lifts.Count == 0)
        {
            return "the component lifts no function, so there is nothing for the canonical stubs to call";
        }

        var coreFuncs = _syntax.Space(Sort.CoreFunc);
        var liftSources = new List<(Definition Lift, int Instance, string Name)>();
        foreach (var lift in lifts)
        {
            var core = coreFuncs[lift.Target];
            if (core.Kind != DefinitionKind.AliasCoreExport)
            {
                return $"the canon lift at offset {lift.Offset} lifts a core function that is not a core instance's export ({core.Kind})";
            }

            liftSources.Add((lift, core.Target, core.Name!));
        }

        var sourceInstances = liftSources.Select(s => s.Instance).Distinct().ToList();
        if (sourceInstances.Count > 1)
        {
            return $"functions are lifted from {sourceInstances.Count} core instances ({string.Join(", ", sourceInstances.Select(DescribeCoreInstance))}): core modules that call each other";
        }

        _mainInstance = sourceInstances[0];
        var mainInstance = coreInstances[_mainInstance];
        if (mainInstance.Kind != DefinitionKind.Instantiate)
        {
            return $"the lifted functions come from core instance {_mainInstance}, which is not an instantiated module";
        }

        MainModule = mainInstance.Target;
        _roles[MainModule] = ComponentCoreModuleRole.Main;
        var main = modules[MainModule].Module!;
        _mainExports = main.Exports.Select(e => (e.Name, e.Kind)).ToHashSet();
        _naming = main.Exports.Any(e => e.Name.StartsWith("cm32p2", StringComparison.Ordinal)) ? CanonicalNaming.Cm32p2 : CanonicalNaming.Legacy;
        if (_instantiations[MainModule] != 1)
        {
            return $"the main core module (module {MainModule}) is instantiated {_instantiations[MainModule]} times";
        }

        string? roles = ClassifyOthers(modules, main);
        if (roles is not null)
        {
            return roles;
        }

        string? imports = CheckMainImports(modules, main, mainInstance);
        if (imports is not null)
        {
            return imports;
        }

        foreach (var (lift, _, name) in liftSources)
        {
            string? problem = CheckLift(lift, name);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private string DescribeCoreInstance(int index)
    {
        var instance = _syntax.Space(Sort.CoreInstance)[index];
        return instance.Kind == DefinitionKind.Instantiate ? $"core instance {index} of module {instance.Target}" : $"core instance {index}";
    }

    private string? ClassifyOthers(List<Definition> modules, CoreModuleInfo main)
    {
        var mainPreview1 = main.Imports.Where(i => i.Module == Preview1).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var others = new List<string>();
        for (int i = 0; i < modules.Count; i++)
        {
            if (i == MainModule)
            {
                continue;
            }

            var info = modules[i].Module!;
            if (info.Imports.Count == 0 && info.Exports.Any(e => e.Name == "$imports" && e.Kind == 0x01)
                && info.Exports.All(e => e.Kind == 0x00 || e.Name == "$imports"))
            {
                _roles[i] = ComponentCoreModuleRole.IndirectCallShim;
            }
            else if (info.Exports.Count == 0 && info.Imports.Any(m => m.Name == "$imports" && m.Kind == 0x01))
            {
                _roles[i] = ComponentCoreModuleRole.IndirectCallFixup;
            }
            else if (mainPreview1.Count > 0 && info.Imports.Any(m => m.Module.StartsWith("wasi:", StringComparison.Ordinal))
                && mainPreview1.All(name => info.Exports.Any(e => e.Name == name && e.Kind == 0x00)))
            {
                _roles[i] = ComponentCoreModuleRole.WasiPreview1Adapter;
            }
            else if (_instantiations[i] > 0)
            {
                others.Add($"module {i} ({info.Imports.Count} imports, {info.Exports.Count} exports)");
            }
        }

        if (others.Count > 0)
        {
            return $"{others.Count + 1} core modules that call each other: the main module {MainModule} and {string.Join(", ", others)}";
        }

        int adapters = _roles.Count(r => r == ComponentCoreModuleRole.WasiPreview1Adapter);
        if (adapters > 1)
        {
            return $"{adapters} modules look like the WASI preview 1 adapter";
        }

        return null;
    }

    private string? CheckMainImports(List<Definition> modules, CoreModuleInfo main, Definition mainInstance)
    {
        var coreInstances = _syntax.Space(Sort.CoreInstance);
        var args = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var arg in mainInstance.Items)
        {
            args[arg.Name] = arg.Index;
        }

        foreach (var import in main.Imports)
        {
            if (import.Module == Preview1)
            {
                if (!_roles.Contains(ComponentCoreModuleRole.WasiPreview1Adapter))
                {
                    return $"the main module imports {Preview1}.{import.Name}, but no WASI preview 1 adapter module was recognized";
                }

                if (import.Kind != 0x00)
                {
                    return $"the main module imports {Preview1}.{import.Name}, which is not a function";
                }

                _preview1.Add(import.Name);
                continue;
            }

            if (!args.TryGetValue(import.Module, out int argument))
            {
                return $"the main module's import module '{import.Module}' is not an instantiation argument";
            }

            var instance = coreInstances[argument];
            if (instance.Kind != DefinitionKind.FromExports)
            {
                return $"the main module imports '{import.Module}' from {DescribeCoreInstance(argument)}, another module's instance";
            }

            var item = instance.Items.FirstOrDefault(e => e.Name == import.Name);
            if (item.Name is null)
            {
                return $"the main module imports {import.Module}.{import.Name}, which its argument instance does not export";
            }

            if (item.Sort != Sort.CoreFunc || import.Kind != 0x00)
            {
                return $"the main module imports {import.Module}.{import.Name}, a {item.Sort} (only functions are flattened)";
            }

            bool throughShim = false;
            var lower = ResolveLower(item.Index, 0, ref throughShim);
            if (lower is null)
            {
                var origin = _syntax.Space(Sort.CoreFunc)[item.Index];
                return $"the main module imports {import.Module}.{import.Name}, which is not a lowered component function ({origin.Name ?? origin.Kind.ToString()})";
            }

            string? problem = CheckLower(import, lower, throughShim);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Follows a core function to the <c>canon lower</c> behind it, through wit-component's shim and fixup.</summary>
    private Definition? ResolveLower(int coreFunc, int depth, ref bool throughShim)
    {
        var coreFuncs = _syntax.Space(Sort.CoreFunc);
        var coreInstances = _syntax.Space(Sort.CoreInstance);
        var def = coreFuncs[coreFunc];
        if (def.Kind == DefinitionKind.Lower)
        {
            return def;
        }

        if (def.Kind != DefinitionKind.AliasCoreExport || depth >= MaxShimDepth)
        {
            return null;
        }

        var source = coreInstances[def.Target];
        if (source.Kind != DefinitionKind.Instantiate || _roles[source.Target] != ComponentCoreModuleRole.IndirectCallShim)
        {
            return null;
        }

        // The shim's function "k" calls table slot k, which the fixup fills from its argument instance's export "k".
        throughShim = true;
        foreach (var fixup in coreInstances)
        {
            if (fixup.Kind != DefinitionKind.Instantiate || _roles[fixup.Target] != ComponentCoreModuleRole.IndirectCallFixup)
            {
                continue;
            }

            foreach (var arg in fixup.Items)
            {
                var argument = coreInstances[arg.Index];
                if (argument.Kind != DefinitionKind.FromExports)
                {
                    continue;
                }

                var filled = argument.Items.FirstOrDefault(e => e.Name == def.Name && e.Sort == Sort.CoreFunc);
                if (filled.Name is not null)
                {
                    return ResolveLower(filled.Index, depth + 1, ref throughShim);
                }
            }
        }

        return null;
    }

    private string? CheckLower(CoreImport import, Definition lower, bool throughShim)
    {
        var funcs = _syntax.Space(Sort.Func);
        var func = funcs[lower.Target];
        string? interfaceName;
        string function;
        if (func.Kind == DefinitionKind.AliasExport && _syntax.Space(Sort.Instance)[func.Target] is { Kind: DefinitionKind.Import } imported)
        {
            interfaceName = imported.Name!;
            function = func.Name!;
        }
        else if (func.Kind == DefinitionKind.Import)
        {
            interfaceName = null;
            function = func.Name!;
        }
        else
        {
            return $"the main module imports {import.Module}.{import.Name}, which lowers a component function that is not an import ({func.Kind})";
        }

        if (interfaceName is not null && interfaceName.StartsWith("wasi:", StringComparison.Ordinal))
        {
            return $"the main module imports WASI preview 2 directly ({interfaceName}, function {function}); Wasmtime's WASI preview 1 cannot stand in for it";
        }

        string expectedModule = CanonicalExports.ImportModule(_naming!.Value, interfaceName);
        if (import.Module != expectedModule || import.Name != function)
        {
            return $"the main module's import {import.Module}.{import.Name} is wired to {interfaceName ?? "(world)"}.{function}, which the canonical stubs define as {expectedModule}.{function}";
        }

        var options = lower.Options!;
        string? memory = CoreExportName(Sort.CoreMemory, options.Memory);
        string? realloc = CoreExportName(Sort.CoreFunc, options.Realloc);
        string? problem = CheckOptions($"the lowered {interfaceName ?? "(world)"}.{function}", options, memory, realloc);
        if (problem is not null)
        {
            return problem;
        }

        _lowers.Add(new ComponentLower(import.Module, import.Name, interfaceName, function, ComponentReport.EncodingName(options.Encoding), memory, realloc, throughShim));
        return null;
    }

    private string? CheckLift(Definition lift, string coreExport)
    {
        var naming = _naming!.Value;
        string? interfaceName;
        string function;
        if (naming == CanonicalNaming.Legacy)
        {
            int hash = coreExport.LastIndexOf('#');
            interfaceName = hash < 0 ? null : coreExport[..hash];
            function = hash < 0 ? coreExport : coreExport[(hash + 1)..];
        }
        else
        {
            string[] parts = coreExport.Split('|');
            if (parts.Length != 3 || parts[0] != "cm32p2")
            {
                return $"the lifted core export '{coreExport}' is not named cm32p2|interface|function (the loader does not map other names)";
            }

            interfaceName = parts[1].Length == 0 ? null : parts[1];
            function = parts[2];
        }

        if (!_mainExports.Contains((coreExport, 0x00)))
        {
            return $"the main module does not export the function '{coreExport}' that the component lifts";
        }

        // The component must export what the core name says (a wrapper renaming it would need a name map).
        if (interfaceName is null)
        {
            if (!_syntax.Exports.Any(e => e.Sort == Sort.Func && e.Name == function))
            {
                return $"the core export '{coreExport}' is lifted, but the component exports no function '{function}' (the loader does not map names)";
            }
        }
        else
        {
            var exported = _syntax.Exports.FirstOrDefault(e => e.Sort == Sort.Instance
                && (e.Name == interfaceName || (naming == CanonicalNaming.Cm32p2 && CanonicalExports.CanonicalInterfaceName(e.Name) == interfaceName)));
            if (exported.Name is null)
            {
                return $"the core export '{coreExport}' is lifted, but the component exports no interface '{interfaceName}' (the loader does not map names)";
            }

            interfaceName = exported.Name;
        }

        var options = lift.Options!;
        string? memory = CoreExportName(Sort.CoreMemory, options.Memory);
        string? realloc = CoreExportName(Sort.CoreFunc, options.Realloc);
        string? postReturn = CoreExportName(Sort.CoreFunc, options.PostReturn);
        string? problem = CheckOptions($"the lifted '{coreExport}'", options, memory, realloc);
        if (problem is not null)
        {
            return problem;
        }

        if (options.PostReturn >= 0)
        {
            string expected = CanonicalExports.PostReturnName(naming, interfaceName, function);
            if (postReturn != expected)
            {
                return $"the lifted '{coreExport}' has post-return {postReturn ?? "(not a main-module export)"}; the canonical stubs call {expected}";
            }
        }

        _lifts.Add(new ComponentLift(coreExport, interfaceName, function, ComponentReport.EncodingName(options.Encoding), memory, realloc, postReturn));
        return null;
    }

    private string? CheckOptions(string what, CanonOptions options, string? memory, string? realloc)
    {
        var naming = _naming!.Value;
        if (options.Async || options.Callback >= 0)
        {
            return $"{what} is async (the canonical stubs are synchronous)";
        }

        if (options.Encoding == StringEncodingOption.Latin1Utf16)
        {
            return $"{what} uses string-encoding=latin1+utf16 (the canonical stubs speak utf8 and utf16)";
        }

        if (options.Memory >= 0 && memory != CanonicalExports.MemoryNameOf(naming))
        {
            return $"{what} uses memory {memory ?? "(not a main-module export)"}; the canonical stubs use {CanonicalExports.MemoryNameOf(naming)}";
        }

        if (options.Realloc >= 0 && realloc != CanonicalExports.ReallocNameOf(naming))
        {
            return $"{what} uses realloc {realloc ?? "(not a main-module export)"}; the canonical stubs use {CanonicalExports.ReallocNameOf(naming)}";
        }

        return null;
    }

    /// <summary>The main-module export name behind a core memory or function index, or null when it is something else.</summary>
    private string? CoreExportName(Sort sort, int index)
    {
        if (index < 0)
        {
            return null;
        }

        // An option naming something the main module does not export (of that kind) is "not a main-module export".
        var def = _syntax.Space(sort)[index];
        byte kind = sort == Sort.CoreMemory ? (byte)0x02 : (byte)0x00;
        return def.Kind == DefinitionKind.AliasCoreExport && def.Target == _mainInstance && _mainExports.Contains((def.Name!, kind))
            ? def.Name
            : null;
    }
}
