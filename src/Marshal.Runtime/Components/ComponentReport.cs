using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WasmMarshal.Canonical;

namespace WasmMarshal.Components;

/// <summary>What a core module of a component is for, as the loader recognized it.</summary>
public enum ComponentCoreModuleRole
{
    /// <summary>The module that exports the memory and the lifted functions: what the canonical stubs run.</summary>
    Main,

    /// <summary>
    /// The WASI preview 1 adapter (<c>wasi_snapshot_preview1</c> over <c>wasi:*</c> preview 2 imports), replaced on the
    /// core-module path by Wasmtime's own WASI preview 1.
    /// </summary>
    WasiPreview1Adapter,

    /// <summary>wit-component's shim: a table <c>$imports</c> and functions that call through it (for imports needed before the main module exists).</summary>
    IndirectCallShim,

    /// <summary>wit-component's fixup: fills the shim's table once the real functions exist.</summary>
    IndirectCallFixup,

    /// <summary>Anything else: a second module with code of its own.</summary>
    Other,
}

/// <summary>One core module of a component.</summary>
/// <param name="Index">Its index in the component's core module index space.</param>
/// <param name="Role">What the loader recognized it as.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Imports">How many imports it has.</param>
/// <param name="Exports">How many exports it has.</param>
/// <param name="Instantiations">How many core instances the component makes of it.</param>
public sealed record ComponentCoreModule(int Index, ComponentCoreModuleRole Role, int Size, int Imports, int Exports, int Instantiations)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"core module {Index}: {Role}, {Size} bytes, {Imports} imports, {Exports} exports, instantiated {Instantiations}x";
}

/// <summary>A <c>canon lift</c> of a main-module export, with its canonical options (core export names; null when absent).</summary>
/// <param name="CoreExport">The lifted core export, for example <c>wasmmarshal:test/api@0.1.0#greet</c>.</param>
/// <param name="Interface">The WIT interface it belongs to (null at world level).</param>
/// <param name="Function">The WIT function name.</param>
/// <param name="StringEncoding"><c>utf8</c>, <c>utf16</c> or <c>latin1+utf16</c>; null when the option is absent (the function passes no strings; utf8 is the default).</param>
/// <param name="Memory">The memory option's core export.</param>
/// <param name="Realloc">The realloc option's core export.</param>
/// <param name="PostReturn">The post-return option's core export.</param>
public sealed record ComponentLift(string CoreExport, string? Interface, string Function, string? StringEncoding, string? Memory, string? Realloc, string? PostReturn)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"lift {CoreExport} [{StringEncoding ?? "no string-encoding"}{(Memory is null ? "" : ", memory " + Memory)}{(Realloc is null ? "" : ", realloc " + Realloc)}{(PostReturn is null ? "" : ", post-return " + PostReturn)}]";
}

/// <summary>A main-module import wired to a <c>canon lower</c> of a component import (a host function).</summary>
/// <param name="CoreModule">The core import's module name.</param>
/// <param name="CoreName">The core import's name.</param>
/// <param name="Interface">The component import (WIT interface) the lowered function comes from (null at world level).</param>
/// <param name="Function">The WIT function name.</param>
/// <param name="StringEncoding"><c>utf8</c>, <c>utf16</c> or <c>latin1+utf16</c>; null when the option is absent (the function passes no strings; utf8 is the default).</param>
/// <param name="Memory">The memory option's core export.</param>
/// <param name="Realloc">The realloc option's core export.</param>
/// <param name="ThroughShim">Whether wit-component routed it through the indirect-call shim.</param>
public sealed record ComponentLower(string CoreModule, string CoreName, string? Interface, string Function, string? StringEncoding, string? Memory, string? Realloc, bool ThroughShim)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"lower {Interface ?? "(world)"}.{Function} -> {CoreModule}.{CoreName} [{StringEncoding ?? "no string-encoding"}{(Memory is null ? "" : ", memory " + Memory)}{(Realloc is null ? "" : ", realloc " + Realloc)}{(ThroughShim ? ", through the shim" : "")}]";
}

/// <summary>What the loader found in a component and how it decided to bind it.</summary>
public sealed class ComponentReport
{
    internal ComponentReport(ComponentBindingPath path, string pathReason, IReadOnlyList<ComponentCoreModule> coreModules,
        IReadOnlyList<ComponentLift> lifts, IReadOnlyList<ComponentLower> lowers, IReadOnlyList<string> imports,
        IReadOnlyList<string> exports, CanonicalNaming? naming, IReadOnlyList<string> wasiPreview1Imports)
    {
        Path = path;
        PathReason = pathReason;
        CoreModules = coreModules;
        Lifts = lifts;
        Lowers = lowers;
        Imports = imports;
        Exports = exports;
        Naming = naming;
        WasiPreview1Imports = wasiPreview1Imports;
    }

    /// <summary>The binding path.</summary>
    public ComponentBindingPath Path { get; }

    /// <summary>Why that path.</summary>
    public string PathReason { get; }

    /// <summary>The core modules and their roles.</summary>
    public IReadOnlyList<ComponentCoreModule> CoreModules { get; }

    /// <summary>The lifted functions (empty when the reader did not get that far).</summary>
    public IReadOnlyList<ComponentLift> Lifts { get; }

    /// <summary>The main module's imports of host functions.</summary>
    public IReadOnlyList<ComponentLower> Lowers { get; }

    /// <summary>The component's import names.</summary>
    public IReadOnlyList<string> Imports { get; }

    /// <summary>The component's export names.</summary>
    public IReadOnlyList<string> Exports { get; }

    /// <summary>The main module's export-naming scheme (null when no main module was found).</summary>
    public CanonicalNaming? Naming { get; }

    /// <summary>The <c>wasi_snapshot_preview1</c> functions the main module imports (served by Wasmtime's WASI preview 1 on the core-module path).</summary>
    public IReadOnlyList<string> WasiPreview1Imports { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("path: ").Append(Path).Append(" (").Append(PathReason).Append(')').AppendLine();
        if (Naming is { } naming)
        {
            text.Append("naming: ").Append(naming).AppendLine();
        }

        foreach (var module in CoreModules)
        {
            text.Append("  ").Append(module).AppendLine();
        }

        if (Imports.Count > 0)
        {
            text.Append("imports: ").Append(string.Join(", ", Imports)).AppendLine();
        }

        if (Exports.Count > 0)
        {
            text.Append("exports: ").Append(string.Join(", ", Exports)).AppendLine();
        }

        if (WasiPreview1Imports.Count > 0)
        {
            text.Append("wasi_snapshot_preview1: ").Append(string.Join(", ", WasiPreview1Imports)).AppendLine();
        }

        foreach (var lift in Lifts)
        {
            text.Append("  ").Append(lift).AppendLine();
        }

        foreach (var lower in Lowers)
        {
            text.Append("  ").Append(lower).AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    internal static string? EncodingName(StringEncodingOption? encoding) => encoding switch
    {
        null => null,
        StringEncodingOption.Utf8 => "utf8",
        StringEncodingOption.Utf16 => "utf16",
        _ => "latin1+utf16",
    };

    internal IEnumerable<ComponentLift> LiftsOf(string interfaceName) =>
        Lifts.Where(l => l.Interface is { } i && (i == interfaceName || i == CanonicalExports.CanonicalInterfaceName(interfaceName)));
}
