using System.Collections.Generic;

namespace WasmMarshal.Components;

/// <summary>The index spaces of a component the loader tracks (types are counted by nobody: nothing it checks needs them).</summary>
internal enum Sort
{
    CoreFunc,
    CoreTable,
    CoreMemory,
    CoreGlobal,
    CoreTag,
    CoreType,
    CoreModule,
    CoreInstance,
    Func,
    Value,
    Type,
    Component,
    Instance,
}

/// <summary>Where a definition in one of the index spaces came from.</summary>
internal enum DefinitionKind
{
    /// <summary>An embedded core module (section 1) or nested component (section 4).</summary>
    Embedded,

    /// <summary><c>(import "name" ...)</c>.</summary>
    Import,

    /// <summary><c>(export "name" ...)</c> of an item already defined: the same item under a new index.</summary>
    Export,

    /// <summary><c>(alias export instance "name")</c>.</summary>
    AliasExport,

    /// <summary><c>(alias core export core-instance "name")</c>.</summary>
    AliasCoreExport,

    /// <summary><c>(alias outer count index)</c>.</summary>
    AliasOuter,

    /// <summary>A core or component instance made by instantiating a module or component with arguments.</summary>
    Instantiate,

    /// <summary>A core or component instance made of exports of items already defined.</summary>
    FromExports,

    /// <summary><c>canon lift</c> (a component function).</summary>
    Lift,

    /// <summary><c>canon lower</c> (a core function).</summary>
    Lower,

    /// <summary>Any other canon built-in (resource.new, resource.drop, resource.rep, ...), a core function.</summary>
    Builtin,
}

/// <summary>A <c>string-encoding</c> canonical option.</summary>
internal enum StringEncodingOption
{
    Utf8,
    Utf16,
    Latin1Utf16,
}

/// <summary>The canonical options of a lift or lower, as indices (−1: absent).</summary>
internal sealed class CanonOptions
{
    /// <summary>The string-encoding option; null when absent (utf8 is the default).</summary>
    public StringEncodingOption? Encoding { get; set; }

    public int Memory { get; set; } = -1;

    public int Realloc { get; set; } = -1;

    public int PostReturn { get; set; } = -1;

    public bool Async { get; set; }

    public int Callback { get; set; } = -1;
}

/// <summary>A named reference to a definition: an instantiation argument or an inline export.</summary>
internal readonly record struct NamedRef(string Name, Sort Sort, int Index);

/// <summary>One definition in one index space.</summary>
internal sealed class Definition
{
    public Definition(DefinitionKind kind, long offset)
    {
        Kind = kind;
        Offset = offset;
    }

    public DefinitionKind Kind { get; }

    /// <summary>Where it starts in the input.</summary>
    public long Offset { get; }

    /// <summary>The instance (alias), module or component (instantiate), function (lift, lower, export) it refers to.</summary>
    public int Target { get; init; } = -1;

    /// <summary>The import, export or alias name; the built-in's name.</summary>
    public string? Name { get; init; }

    public CanonOptions? Options { get; init; }

    /// <summary>Instantiation arguments or inline exports.</summary>
    public IReadOnlyList<NamedRef> Items { get; init; } = System.Array.Empty<NamedRef>();

    /// <summary>For an embedded core module: what the module reader found.</summary>
    public CoreModuleInfo? Module { get; init; }

    /// <summary>For an embedded nested component: why it cannot be treated as a type-only wrapper (null: it can).</summary>
    public string? NestedCoreContent { get; init; }
}

/// <summary>One import of a core module.</summary>
internal readonly record struct CoreImport(string Module, string Name, byte Kind);

/// <summary>One export of a core module.</summary>
internal readonly record struct CoreExport(string Name, byte Kind);

/// <summary>What the loader reads of an embedded core module: where its bytes are, its imports and exports.</summary>
internal sealed class CoreModuleInfo
{
    public CoreModuleInfo(int offset, int length, List<CoreImport> imports, List<CoreExport> exports, bool hasStart)
    {
        Offset = offset;
        Length = length;
        Imports = imports;
        Exports = exports;
        HasStart = hasStart;
    }

    public int Offset { get; }

    public int Length { get; }

    public List<CoreImport> Imports { get; }

    public List<CoreExport> Exports { get; }

    public bool HasStart { get; }
}

/// <summary>A top-level component as the reader saw it: its index spaces, imports and exports.</summary>
internal sealed class ComponentSyntax
{
    private readonly Dictionary<Sort, List<Definition>> _spaces = new();

    public List<(string Name, Sort Sort)> Imports { get; } = new();

    public List<(string Name, Sort Sort, int Index)> Exports { get; } = new();

    /// <summary>Well-formed constructs the loader does not follow (the component can only go the component-model way).</summary>
    public List<string> NotFlattenable { get; } = new();

    public bool HasStart { get; set; }

    public List<Definition> Space(Sort sort)
    {
        if (!_spaces.TryGetValue(sort, out var list))
        {
            list = new List<Definition>();
            _spaces[sort] = list;
        }

        return list;
    }

    public int Count(Sort sort) => _spaces.TryGetValue(sort, out var list) ? list.Count : 0;
}
