using System.Collections.Generic;
using System.Linq;

namespace WasmMarshal.Inspection;

/// <summary>
/// What <see cref="WasmModuleReader"/> found in a module's sections: the facts that decide its memory layout, nothing
/// about code beyond where it is.
/// </summary>
public sealed class WasmModuleInfo
{
    internal WasmModuleInfo(IReadOnlyList<WasmImportEntry> imports, IReadOnlyList<WasmMemoryType> memories,
        IReadOnlyList<WasmGlobalEntry> globals, IReadOnlyList<WasmExportEntry> exports,
        IReadOnlyList<WasmDataSegment> dataSegments, IReadOnlyList<string> producers, bool hasNameSection,
        (int Start, int Length)? codeSection, IReadOnlyList<string> warnings)
    {
        Imports = imports;
        Memories = memories;
        Globals = globals;
        Exports = exports;
        DataSegments = dataSegments;
        Producers = producers;
        HasNameSection = hasNameSection;
        CodeSection = codeSection;
        Warnings = warnings;
    }

    /// <summary>Custom sections that were skipped because they are malformed (engines do not validate them either).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Every import, in order.</summary>
    public IReadOnlyList<WasmImportEntry> Imports { get; }

    /// <summary>Every memory, imported ones first.</summary>
    public IReadOnlyList<WasmMemoryType> Memories { get; }

    /// <summary>Every global, imported ones first, named from exports and the <c>name</c> section.</summary>
    public IReadOnlyList<WasmGlobalEntry> Globals { get; }

    /// <summary>Every export, in order.</summary>
    public IReadOnlyList<WasmExportEntry> Exports { get; }

    /// <summary>Every data segment, in order.</summary>
    public IReadOnlyList<WasmDataSegment> DataSegments { get; }

    /// <summary>The toolchain entries of the <c>producers</c> custom section, such as <c>processed-by clang 14.0.6</c>.</summary>
    public IReadOnlyList<string> Producers { get; }

    /// <summary>Whether the module carries a <c>name</c> custom section (most release builds strip it).</summary>
    public bool HasNameSection { get; }

    /// <summary>Where the code section's contents lie in the module bytes, or null when it has none.</summary>
    public (int Start, int Length)? CodeSection { get; }

    /// <summary>The exported global called <paramref name="name"/>, or null.</summary>
    public WasmGlobalEntry? ExportedGlobal(string name) =>
        Exports.FirstOrDefault(e => e.Kind == WasmExternKind.Global && e.Name == name) is { } export && export.Index < Globals.Count
            ? Globals[(int)export.Index]
            : null;

    /// <summary>Whether the module exports a function called <paramref name="name"/>.</summary>
    public bool ExportsFunction(string name) => Exports.Any(e => e.Kind == WasmExternKind.Function && e.Name == name);

    /// <summary>Whether the module imports a function called <paramref name="name"/> from any module.</summary>
    public bool ImportsFunction(string name) => Imports.Any(i => i.Kind == WasmExternKind.Function && i.Name == name);
}
