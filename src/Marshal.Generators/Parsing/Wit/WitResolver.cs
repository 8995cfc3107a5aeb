using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing.Wit;

// The resolved WIT: packages, their interfaces and worlds, every type reference bound to its definition (through
// `use` and deps/). Plain classes, alive only inside the pipeline step that resolves and maps them.

internal enum RKind
{
    Primitive,
    List,
    Option,
    Result,
    Tuple,
    Definition,

    /// <summary>A resource handle, future, stream, map or fixed-length list: parsed, not supported.</summary>
    Unsupported,
}

internal sealed class RType
{
    public RKind Kind { get; init; }

    /// <summary>For primitives, the WIT kind.</summary>
    public WitKind Primitive { get; init; }

    /// <summary>List and option element; result ok (null: none) and error (null: none); tuple elements.</summary>
    public List<RType?> Arguments { get; init; } = new();

    public RDefinition? Definition { get; init; }

    /// <summary>For unsupported types, what it is (<c>borrow&lt;file&gt;</c>, <c>stream</c>).</summary>
    public string Description { get; init; } = "";

    public WitSpan Span { get; init; }
}

internal sealed class RMember
{
    public RMember(string name, string docs, RType? type)
    {
        Name = name;
        Docs = docs;
        Type = type;
    }

    public string Name { get; }

    public string Docs { get; }

    public RType? Type { get; }
}

internal sealed class RDefinition
{
    public RDefinition(WitTypeDefSyntax syntax, RInterface owner)
    {
        Syntax = syntax;
        Owner = owner;
    }

    public WitTypeDefSyntax Syntax { get; }

    public RInterface Owner { get; }

    public string Name => Syntax.Name;

    public WitTypeDefKind Kind => Syntax.Kind;

    public List<RMember> Members { get; } = new();

    public RType? Alias { get; set; }

    /// <summary>The C# name given by the mapper.</summary>
    public string CSharpName { get; set; } = "";
}

internal sealed class RFunction
{
    public RFunction(WitFuncSyntax syntax) => Syntax = syntax;

    public WitFuncSyntax Syntax { get; }

    public List<(string Name, RType Type)> Parameters { get; } = new();

    public RType? Result { get; set; }
}

internal sealed class RInterface
{
    public RInterface(RPackage package, WitInterfaceSyntax syntax, string path, WitPackageBody body)
    {
        Package = package;
        Syntax = syntax;
        Path = path;
        Body = body;
    }

    public RPackage Package { get; }

    public WitInterfaceSyntax Syntax { get; }

    public string Name => Syntax.Name;

    /// <summary>The file that defines it, for locations and its file's top-level <c>use</c>s.</summary>
    public string Path { get; }

    public WitPackageBody Body { get; }

    /// <summary><c>wasmmarshal:test/api@0.1.0</c>, as [WasmCanonicalAbi] takes it.</summary>
    public string FullName => Package.Name.Unversioned + "/" + Name + (Package.Name.Version is null ? "" : "@" + Package.Name.Version);

    public List<RDefinition> Definitions { get; } = new();

    /// <summary>Every type name visible inside: its own definitions and what it <c>use</c>s.</summary>
    public Dictionary<string, RDefinition> Scope { get; } = new(System.StringComparer.Ordinal);

    public List<RFunction> Functions { get; } = new();

    public int ScopeState { get; set; }
}

internal sealed class RPackage
{
    public RPackage(WitPackageName name) => Name = name;

    public WitPackageName Name { get; }

    /// <summary>Whether every file of it is under a <c>deps</c> folder.</summary>
    public bool IsDependency { get; set; } = true;

    public Dictionary<string, RInterface> Interfaces { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, (WitWorldSyntax World, string Path, WitPackageBody Body)> Worlds { get; } = new(System.StringComparer.Ordinal);
}

/// <summary>An interface the world imports or exports, where the world names it.</summary>
internal sealed record RWorldInterface(bool IsExport, RInterface Interface);

/// <summary>A problem found while resolving, at a place in a file.</summary>
internal sealed record WitProblem(string Id, string Message, string Path, WitSpan Span);

/// <summary>
/// Binds names: packages (a file's <c>package</c> line, or its directory's; <c>deps/</c> packages likewise), interfaces,
/// <c>use</c> between interfaces and packages, type references, and the world that is selected.
/// </summary>
internal sealed class WitResolver
{
    public const string SyntaxError = "WASM030";
    public const string ResolveError = "WASM031";
    public const string WorldError = "WASM032";
    public const string Unsupported = "WASM033";

    private readonly Dictionary<string, RPackage> _packages = new(System.StringComparer.Ordinal);
    private readonly List<WitProblem> _problems;
    private List<string> _directories = new();

    private WitResolver(List<WitProblem> problems) => _problems = problems;

    public IReadOnlyDictionary<string, RPackage> Packages => _packages;

    /// <summary>Resolves <paramref name="files"/> (parsed); problems go to <paramref name="problems"/>.</summary>
    public static WitResolver Resolve(IReadOnlyList<WitFile> files, List<WitProblem> problems)
    {
        var resolver = new WitResolver(problems);
        resolver.Collect(files);
        foreach (var package in resolver._packages.Values)
        {
            foreach (var iface in package.Interfaces.Values)
            {
                resolver.ResolveScope(iface);
            }
        }

        foreach (var package in resolver._packages.Values)
        {
            foreach (var iface in package.Interfaces.Values)
            {
                resolver.ResolveBodies(iface);
            }
        }

        return resolver;
    }

    private void Report(string id, string message, string path, WitSpan span) => _problems.Add(new WitProblem(id, message, path, span));

    private static string Directory(string path)
    {
        int slash = System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? "" : path.Substring(0, slash);
    }

    /// <summary>
    /// Whether <paramref name="path"/> is in the <c>deps</c> folder of another file's folder (<c>wit/deps/...</c> next to
    /// <c>wit/world.wit</c>), so that a checkout that happens to live under a folder named deps is not a dependency.
    /// </summary>
    private bool IsUnderDeps(string path)
    {
        string normalized = path.Replace('\\', '/');
        foreach (string directory in _directories)
        {
            string deps = directory.Length == 0 ? "deps/" : directory + "/deps/";
            if (normalized.StartsWith(deps, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void Collect(IReadOnlyList<WitFile> files)
    {
        _directories = files.Select(f => Directory(f.Path.Replace('\\', '/'))).Distinct().ToList();
        // A file without a `package` line belongs to the package its directory's other files declare.
        var declaredByDirectory = files.Where(f => f.Package is not null)
            .GroupBy(f => Directory(f.Path))
            .ToDictionary(g => g.Key, g => g.Select(f => f.Package!.ToString()).Distinct().ToList());
        foreach (var file in files)
        {
            WitPackageName? name = file.Package;
            if (name is null && (file.Body.Interfaces.Count > 0 || file.Body.Worlds.Count > 0 || file.Body.Uses.Count > 0))
            {
                if (declaredByDirectory.TryGetValue(Directory(file.Path), out var declared) && declared.Count == 1)
                {
                    name = files.First(f => f.Package is not null && Directory(f.Path) == Directory(file.Path)).Package;
                }
                else
                {
                    Report(ResolveError, declared is null
                        ? "this file declares no package ('package namespace:name;'), and no other file in its folder does"
                        : $"this file declares no package, and the other files in its folder declare several ({string.Join(", ", declared)})",
                        file.Path, new WitSpan(0, 0));
                    continue;
                }
            }

            if (name is not null)
            {
                Add(name, file.Path, file.Body);
            }

            foreach (var (nestedName, _, body) in file.Nested)
            {
                Add(nestedName, file.Path, body);
            }
        }
    }

    private void Add(WitPackageName name, string path, WitPackageBody body)
    {
        if (!_packages.TryGetValue(name.ToString(), out var package))
        {
            package = new RPackage(name);
            _packages[name.ToString()] = package;
        }

        package.IsDependency &= IsUnderDeps(path);
        foreach (var iface in body.Interfaces)
        {
            if (package.Interfaces.ContainsKey(iface.Name) || package.Worlds.ContainsKey(iface.Name))
            {
                Report(ResolveError, $"the package {name} already defines '{iface.Name}'", path, iface.Span);
                continue;
            }

            var r = new RInterface(package, iface, path, body);
            package.Interfaces[iface.Name] = r;
            foreach (var type in iface.Types)
            {
                if (r.Scope.ContainsKey(type.Name))
                {
                    Report(ResolveError, $"the interface '{iface.Name}' already defines '{type.Name}'", path, type.Span);
                    continue;
                }

                var definition = new RDefinition(type, r);
                r.Definitions.Add(definition);
                r.Scope[type.Name] = definition;
            }
        }

        foreach (var world in body.Worlds)
        {
            if (package.Interfaces.ContainsKey(world.Name) || package.Worlds.ContainsKey(world.Name))
            {
                Report(ResolveError, $"the package {name} already defines '{world.Name}'", path, world.Span);
                continue;
            }

            package.Worlds[world.Name] = (world, path, body);
        }
    }

    /// <summary>The interface a use-path names, seen from <paramref name="package"/> and the file body <paramref name="body"/>.</summary>
    public RInterface? FindInterface(WitUsePath path, RPackage package, WitPackageBody body, string file) =>
        FindInterface(path, package, body, file, 0);

    private RInterface? FindInterface(WitUsePath path, RPackage package, WitPackageBody body, string file, int depth)
    {
        if (path.IsLocal)
        {
            if (package.Interfaces.TryGetValue(path.Name, out var local))
            {
                return local;
            }

            foreach (var (target, alias, span) in body.Uses)
            {
                if (alias == path.Name)
                {
                    if (depth > body.Uses.Count)
                    {
                        Report(ResolveError, $"the top-level 'use' of '{alias}' names itself through a cycle", file, span);
                        return null;
                    }

                    return FindInterface(target, package, body, file, depth + 1);
                }
            }

            Report(ResolveError, $"no interface '{path.Name}' in the package {package.Name}" + (package.Worlds.ContainsKey(path.Name) ? $" ('{path.Name}' is a world)" : ""), file, path.Span);
            return null;
        }

        var target2 = FindPackage(path.Namespace + ":" + path.Package, path.Version, file, path.Span);
        if (target2 is null)
        {
            return null;
        }

        if (target2.Interfaces.TryGetValue(path.Name, out var found))
        {
            return found;
        }

        Report(ResolveError, $"the package {target2.Name} has no interface '{path.Name}'", file, path.Span);
        return null;
    }

    public RPackage? FindPackage(string unversioned, string? version, string file, WitSpan span)
    {
        var candidates = _packages.Values.Where(p => p.Name.Unversioned == unversioned && (version is null || p.Name.Version == version)).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        string wanted = unversioned + (version is null ? "" : "@" + version);
        Report(ResolveError, candidates.Count == 0
            ? $"the package {wanted} is not among the WIT files (add its .wit files, for example in a deps/ folder, as AdditionalFiles)"
            : $"several versions of {wanted} are present ({string.Join(", ", candidates.Select(c => c.Name.Version))}); name one with '@version'",
            file, span);
        return null;
    }

    /// <summary>Adds the names an interface <c>use</c>s to its scope (depth first; a cycle of uses is an error).</summary>
    private void ResolveScope(RInterface iface)
    {
        if (iface.ScopeState == 2)
        {
            return;
        }

        if (iface.ScopeState == 1)
        {
            Report(ResolveError, $"the interface '{iface.Name}' uses types from itself through a cycle of 'use'", iface.Path, iface.Syntax.Span);
            return;
        }

        iface.ScopeState = 1;
        foreach (var use in iface.Syntax.Uses)
        {
            var from = FindInterface(use.From, iface.Package, iface.Body, iface.Path);
            if (from is null)
            {
                continue;
            }

            ResolveScope(from);
            foreach (var (name, alias, span) in use.Names)
            {
                if (!from.Scope.TryGetValue(name, out var definition))
                {
                    Report(ResolveError, $"the interface '{from.Name}' has no type '{name}'", iface.Path, span);
                }
                else if (iface.Scope.ContainsKey(alias))
                {
                    Report(ResolveError, $"'{alias}' is already defined in the interface '{iface.Name}'", iface.Path, span);
                }
                else
                {
                    iface.Scope[alias] = definition;
                }
            }
        }

        iface.ScopeState = 2;
    }

    private void ResolveBodies(RInterface iface)
    {
        foreach (var definition in iface.Definitions)
        {
            var syntax = definition.Syntax;
            if (syntax.Kind == WitTypeDefKind.Alias)
            {
                definition.Alias = Type(syntax.Alias!, iface);
            }

            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var member in syntax.Members)
            {
                if (!names.Add(member.Name))
                {
                    Report(ResolveError, $"'{member.Name}' appears twice in '{syntax.Name}'", iface.Path, member.Span);
                }

                definition.Members.Add(new RMember(member.Name, member.Docs, member.Type is null ? null : Type(member.Type, iface)));
            }
        }

        var functions = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var function in iface.Syntax.Functions)
        {
            if (!functions.Add(function.Name) || iface.Scope.ContainsKey(function.Name))
            {
                Report(ResolveError, $"'{function.Name}' is already defined in the interface '{iface.Name}'", iface.Path, function.Span);
                continue;
            }

            var r = new RFunction(function);
            var parameters = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var parameter in function.Parameters)
            {
                if (!parameters.Add(parameter.Name))
                {
                    Report(ResolveError, $"the parameter '{parameter.Name}' appears twice in '{function.Name}'", iface.Path, parameter.Span);
                }

                r.Parameters.Add((parameter.Name, Type(parameter.Type, iface)));
            }

            r.Result = function.Result is null ? null : Type(function.Result, iface);
            iface.Functions.Add(r);
        }
    }

    private RType Type(WitTypeSyntax syntax, RInterface scope)
    {
        switch (syntax.Kind)
        {
            case WitTypeSyntaxKind.Primitive:
                return new RType { Kind = RKind.Primitive, Primitive = PrimitiveKind(syntax.Name), Span = syntax.Span };
            case WitTypeSyntaxKind.Named:
                if (scope.Scope.TryGetValue(syntax.Name, out var definition))
                {
                    return new RType { Kind = RKind.Definition, Definition = definition, Span = syntax.Span };
                }

                Report(ResolveError, $"the type '{syntax.Name}' is not defined in the interface '{scope.Name}' (define it, or 'use' it from another interface)", scope.Path, syntax.Span);
                return new RType { Kind = RKind.Unsupported, Description = "undefined " + syntax.Name, Span = syntax.Span };
            case WitTypeSyntaxKind.List when syntax.Name == "list":
                return Composite(RKind.List, syntax, scope);
            case WitTypeSyntaxKind.Option:
                return Composite(RKind.Option, syntax, scope);
            case WitTypeSyntaxKind.Result:
                return Composite(RKind.Result, syntax, scope);
            case WitTypeSyntaxKind.Tuple:
                return Composite(RKind.Tuple, syntax, scope);
            default:
                return new RType { Kind = RKind.Unsupported, Description = syntax.Name, Span = syntax.Span };
        }
    }

    private RType Composite(RKind kind, WitTypeSyntax syntax, RInterface scope) => new()
    {
        Kind = kind,
        Arguments = syntax.Arguments.Select(a => a is null ? null : Type(a, scope)).ToList(),
        Span = syntax.Span,
    };

    private static WitKind PrimitiveKind(string name) => name switch
    {
        "bool" => WitKind.Bool,
        "s8" => WitKind.S8,
        "u8" => WitKind.U8,
        "s16" => WitKind.S16,
        "u16" => WitKind.U16,
        "s32" => WitKind.S32,
        "u32" => WitKind.U32,
        "s64" => WitKind.S64,
        "u64" => WitKind.U64,
        "f32" => WitKind.F32,
        "f64" => WitKind.F64,
        "char" => WitKind.Char,
        _ => WitKind.String,
    };

    /// <summary>
    /// The world to bind: <paramref name="requested"/> (a world of a root package, or <c>ns:pkg/world</c>), or the only
    /// world of the root packages, and the package that defines it. Null, with a WASM032, when there is none to pick.
    /// </summary>
    public List<RWorldInterface>? SelectWorld(string? requested, out RPackage? worldPackage)
    {
        worldPackage = null;
        var roots = _packages.Values.Where(p => !p.IsDependency).ToList();
        var worlds = roots.SelectMany(p => p.Worlds.Select(w => (Package: p, Name: w.Key, w.Value.World, w.Value.Path, w.Value.Body))).ToList();
        (RPackage Package, string Name, WitWorldSyntax World, string Path, WitPackageBody Body) chosen;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            string name = requested!.Trim();
            int slash = name.IndexOf('/');
            var candidates = slash < 0
                ? worlds.Where(w => w.Name == name).ToList()
                : _packages.Values.Where(p => p.Name.Unversioned == name.Substring(0, slash).Split('@')[0] || p.Name.ToString() == name.Substring(0, slash))
                    .SelectMany(p => p.Worlds.Where(w => w.Key == name.Substring(slash + 1).Split('@')[0]).Select(w => (Package: p, Name: w.Key, w.Value.World, w.Value.Path, w.Value.Body)))
                    .ToList();
            if (candidates.Count != 1)
            {
                string known = worlds.Count == 0 ? "there are none" : "the worlds are " + string.Join(", ", worlds.Select(w => w.Package.Name + "/" + w.Name));
                Report(WorldError, candidates.Count == 0
                    ? $"WasmMarshalWitWorld is '{name}', but no root package defines that world ({known})"
                    : $"WasmMarshalWitWorld is '{name}', which several packages define; name it as namespace:package/world",
                    worlds.Count > 0 ? worlds[0].Path : _packages.Values.Select(p => p.Interfaces.Values.FirstOrDefault()?.Path).FirstOrDefault(p => p is not null) ?? "", new WitSpan(0, 0));
                return null;
            }

            chosen = candidates[0];
        }
        else if (worlds.Count == 1)
        {
            chosen = worlds[0];
        }
        else
        {
            if (worlds.Count == 0)
            {
                var anyFile = roots.SelectMany(p => p.Interfaces.Values).FirstOrDefault();
                if (anyFile is not null)
                {
                    Report(WorldError, "the WIT files define no world, so nothing says which interfaces the guest exports and which the host implements: add 'world name { export iface; import other; }'",
                        anyFile.Path, anyFile.Syntax.Span);
                }

                return null;
            }

            Report(WorldError, $"the WIT files define several worlds ({string.Join(", ", worlds.Select(w => w.Name))}): set the MSBuild property WasmMarshalWitWorld to one of them",
                worlds[1].Path, worlds[1].World.Span);
            return null;
        }

        worldPackage = chosen.Package;
        var result = new List<RWorldInterface>();
        AddWorld(chosen.World, chosen.Package, chosen.Path, chosen.Body, result, new HashSet<WitWorldSyntax>());
        return result;
    }

    private void AddWorld(WitWorldSyntax world, RPackage package, string path, WitPackageBody body, List<RWorldInterface> result, HashSet<WitWorldSyntax> seen)
    {
        if (!seen.Add(world))
        {
            Report(ResolveError, $"the world '{world.Name}' includes itself", path, world.Span);
            return;
        }

        foreach (var (includePath, hasWith) in world.Includes)
        {
            if (hasWith)
            {
                Report(Unsupported, "'include ... with { }' renames are not supported; the included world's items are bound under their own names", path, includePath.Span);
            }

            RPackage? from = includePath.IsLocal ? package : FindPackage(includePath.Namespace + ":" + includePath.Package, includePath.Version, path, includePath.Span);
            if (from is null)
            {
                continue;
            }

            if (!from.Worlds.TryGetValue(includePath.Name, out var included))
            {
                Report(ResolveError, $"the package {from.Name} has no world '{includePath.Name}'", path, includePath.Span);
                continue;
            }

            AddWorld(included.World, from, included.Path, included.Body, result, seen);
        }

        foreach (var item in world.Items)
        {
            switch (item.Kind)
            {
                case WitWorldItemKind.Interface:
                    var iface = FindInterface(item.Path!, package, body, path);
                    if (iface is not null && !result.Any(r => r.Interface == iface && r.IsExport == item.IsExport))
                    {
                        result.Add(new RWorldInterface(item.IsExport, iface));
                    }

                    break;
                case WitWorldItemKind.Function:
                    Report(Unsupported, $"the world-level function '{item.Name}' is not supported: [WasmCanonicalAbi] binds interfaces; move it into an interface and {(item.IsExport ? "export" : "import")} that", path, item.Span);
                    break;
                case WitWorldItemKind.InlineInterface:
                    Report(Unsupported, $"the inline interface '{item.Name}' is not supported: [WasmCanonicalAbi] takes a namespace:package/interface name; declare 'interface {item.Name} {{ ... }}' in the package and {(item.IsExport ? "export" : "import")} it by name", path, item.Span);
                    break;
                case WitWorldItemKind.NamedInterface:
                    Report(Unsupported, $"'{(item.IsExport ? "export" : "import")} {item.Name}: ...' (an interface under another plain name) is not supported: {(item.IsExport ? "export" : "import")} the interface by its own name", path, item.Span);
                    break;
            }
        }
    }
}
