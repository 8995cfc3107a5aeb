using System.Collections.Generic;

namespace WasmMarshal.Generators.Parsing.Wit;

// The syntax tree of a .wit file (component-model design/mvp/WIT.md). Every node keeps the span of its name or
// keyword, so that resolve errors point at the WIT text. It never leaves the pipeline step that parses it.

/// <summary>A range of a WIT file's text, in characters.</summary>
internal readonly record struct WitSpan(int Start, int Length)
{
    public static WitSpan Between(WitSpan first, WitSpan last) => new(first.Start, last.Start + last.Length - first.Start);
}

/// <summary><c>namespace:name@version</c>.</summary>
internal sealed record WitPackageName(string Namespace, string Name, string? Version)
{
    /// <summary><c>wasmmarshal:test</c>, without the version.</summary>
    public string Unversioned => Namespace + ":" + Name;

    public override string ToString() => Version is null ? Unversioned : Unversioned + "@" + Version;
}

/// <summary>An interface (or world) reference: a bare name in the current package, or <c>ns:pkg/name@version</c>.</summary>
internal sealed record WitUsePath(string? Namespace, string? Package, string Name, string? Version, WitSpan Span)
{
    public bool IsLocal => Package is null;

    public override string ToString() => IsLocal ? Name : Namespace + ":" + Package + "/" + Name + (Version is null ? "" : "@" + Version);
}

internal sealed class WitFile
{
    public WitFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>The file's <c>package ...;</c> declaration, or null (another file of its directory names the package).</summary>
    public WitPackageName? Package { get; set; }

    public WitSpan PackageSpan { get; set; }

    /// <summary>The items of the file's own package.</summary>
    public WitPackageBody Body { get; } = new();

    /// <summary><c>package a:b { ... }</c> blocks: packages defined inside this file.</summary>
    public List<(WitPackageName Name, WitSpan Span, WitPackageBody Body)> Nested { get; } = new();
}

internal sealed class WitPackageBody
{
    /// <summary><c>use a:b/c as d;</c> at the top level: an interface named in this file under another name.</summary>
    public List<(WitUsePath Path, string Alias, WitSpan Span)> Uses { get; } = new();

    public List<WitInterfaceSyntax> Interfaces { get; } = new();

    public List<WitWorldSyntax> Worlds { get; } = new();
}

/// <summary><c>use iface.{a, b as c};</c> inside an interface or world.</summary>
internal sealed record WitUseItem(WitUsePath From, List<(string Name, string Alias, WitSpan Span)> Names);

internal sealed class WitInterfaceSyntax
{
    public WitInterfaceSyntax(string name, WitSpan span, string docs)
    {
        Name = name;
        Span = span;
        Docs = docs;
    }

    public string Name { get; }

    public WitSpan Span { get; }

    public string Docs { get; }

    public List<WitUseItem> Uses { get; } = new();

    public List<WitTypeDefSyntax> Types { get; } = new();

    public List<WitFuncSyntax> Functions { get; } = new();
}

internal enum WitTypeDefKind
{
    Record,
    Enum,
    Flags,
    Variant,
    Alias,
    Resource,
}

/// <summary>A record field, an enum or flags label, or a variant case (with its optional payload).</summary>
internal sealed record WitMemberSyntax(string Name, WitSpan Span, string Docs, WitTypeSyntax? Type);

internal sealed record WitTypeDefSyntax(WitTypeDefKind Kind, string Name, WitSpan Span, string Docs, List<WitMemberSyntax> Members, WitTypeSyntax? Alias);

internal sealed record WitParamSyntax(string Name, WitSpan Span, WitTypeSyntax Type);

internal sealed record WitFuncSyntax(string Name, WitSpan Span, string Docs, bool IsAsync, List<WitParamSyntax> Parameters, WitTypeSyntax? Result);

internal enum WitTypeSyntaxKind
{
    Primitive,
    Named,
    List,
    Option,
    Result,
    Tuple,
    Borrow,
    Future,
    Stream,
    Map,
}

/// <summary>
/// A type as written. <see cref="Name"/> is the primitive keyword (<c>u32</c>) or the referenced name; <see cref="Arguments"/>
/// are the type arguments (a result's absent <c>_</c> ok type is null).
/// </summary>
internal sealed record WitTypeSyntax(WitTypeSyntaxKind Kind, string Name, WitSpan Span, List<WitTypeSyntax?> Arguments);

internal enum WitWorldItemKind
{
    /// <summary><c>import iface;</c> / <c>export ns:pkg/iface;</c>.</summary>
    Interface,

    /// <summary><c>import name: func(...)</c>.</summary>
    Function,

    /// <summary><c>export name: interface { ... }</c>.</summary>
    InlineInterface,

    /// <summary><c>import name: ns:pkg/iface;</c>.</summary>
    NamedInterface,
}

internal sealed record WitWorldItem(bool IsExport, WitWorldItemKind Kind, string Name, WitSpan Span, WitUsePath? Path);

internal sealed class WitWorldSyntax
{
    public WitWorldSyntax(string name, WitSpan span, string docs)
    {
        Name = name;
        Span = span;
        Docs = docs;
    }

    public string Name { get; }

    public WitSpan Span { get; }

    public string Docs { get; }

    public List<WitWorldItem> Items { get; } = new();

    /// <summary><c>include other;</c>: its imports and exports join this world's.</summary>
    public List<(WitUsePath Path, bool HasWith)> Includes { get; } = new();

    /// <summary>Types, <c>use</c>s and resources of the world itself, which only world-level functions could use.</summary>
    public List<WitSpan> OtherItems { get; } = new();
}
