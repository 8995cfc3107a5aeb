using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing.Wit;

/// <summary>
/// WIT in: parses and resolves the .wit files, selects the world and writes the C# declarations of its interfaces and
/// the types they use, the way docs/component-model.md's mapping table maps C# to WIT, so that the declarations read
/// back (through <see cref="InterfaceParser"/>) as exactly the WIT they came from. The world's exports become
/// <c>[WasmImport]</c> interfaces (the guest exports them, the host calls them); its imports become
/// <c>[WasmExport]</c> interfaces (the host implements them).
/// </summary>
internal sealed class WitMapper
{
    private static bool IsKeyword(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;

    /// <summary>Members every record has: a field of that name would hide or clash with them.</summary>
    private static readonly HashSet<string> RecordMembers = new() { "Equals", "GetHashCode", "ToString", "Deconstruct", "GetType", "PrintMembers", "EqualityContract", "MemberwiseClone", "Finalize" };

    private const string UndefinedMarker = "has an undefined type";

    private readonly List<WitProblem> _problems = new();
    private readonly Dictionary<string, string> _texts;
    private readonly StringBuilder _source = new();
    private string _namespace = "";

    private WitMapper(IReadOnlyList<WitSource> sources) =>
        _texts = sources.GroupBy(s => s.Path).ToDictionary(g => g.Key, g => g.First().Text);

    /// <summary>The whole of WIT in up to the C# declarations.</summary>
    public static WitDeclarations Declare(IReadOnlyList<WitSource> sources, WitOptions options, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            return WitDeclarations.Empty;
        }

        var mapper = new WitMapper(sources);
        var interfaces = mapper.Run(sources.OrderBy(s => s.Path, System.StringComparer.Ordinal).ToList(), options, cancellationToken);
        var diagnostics = mapper._problems
            .Select(p => new WitDiagnosticInfo(p.Id, p.Message, mapper.Location(p.Path, p.Span)))
            .Distinct()
            .ToList();
        return new WitDeclarations(interfaces.Count == 0 ? "" : mapper._source.ToString(), new EquatableArray<WitInterfaceOrigin>(interfaces), new EquatableArray<WitDiagnosticInfo>(diagnostics));
    }

    private WitLocation Location(string path, WitSpan span) =>
        WitLocation.Of(path, _texts.TryGetValue(path, out var text) ? text : "", span);

    private void Report(string id, string message, string path, WitSpan span) => _problems.Add(new WitProblem(id, message, path, span));

    private List<WitInterfaceOrigin> Run(List<WitSource> sources, WitOptions options, CancellationToken cancellationToken)
    {
        var files = new List<WitFile>();
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                files.Add(WitParser.Parse(source.Path, source.Text));
            }
            catch (WitException e)
            {
                Report(WitResolver.SyntaxError, e.Message, source.Path, e.Span);
            }
        }

        var resolver = WitResolver.Resolve(files, _problems);
        var world = resolver.SelectWorld(options.World, out var worldPackage);
        if (world is null || world.Count == 0)
        {
            return new List<WitInterfaceOrigin>();
        }

        // The default namespace is named after the package that defines the world.
        var rootPackage = worldPackage ?? world[0].Interface.Package;
        _namespace = !string.IsNullOrWhiteSpace(options.Namespace)
            ? options.Namespace.Trim()
            : (string.IsNullOrWhiteSpace(options.RootNamespace) ? "" : options.RootNamespace.Trim() + ".") + Pascal(rootPackage.Name.Name);
        if (_namespace.Split('.').Any(part => part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_') || !part.All(c => char.IsLetterOrDigit(c) || c == '_') || IsKeyword(part)))
        {
            Report(WitResolver.WorldError, $"the C# namespace '{_namespace}' is not a valid namespace: set WasmMarshalWitNamespace", world[0].Interface.Path, world[0].Interface.Syntax.Span);
            return new List<WitInterfaceOrigin>();
        }

        // Interface names: I + the PascalCase WIT name, with the package's name in front when two would clash.
        var interfaceNames = new Dictionary<RInterface, string>();
        foreach (var group in world.Select(w => w.Interface).Distinct().GroupBy(i => "I" + Pascal(i.Name)))
        {
            foreach (var iface in group)
            {
                interfaceNames[iface] = group.Count() == 1 ? group.Key : "I" + Pascal(iface.Package.Name.Name) + Pascal(iface.Name);
            }
        }

        // Which functions can be bound, and which named types they reach.
        var supported = new Dictionary<RInterface, List<RFunction>>();
        var reached = new List<RDefinition>();
        foreach (var iface in world.Select(w => w.Interface).Distinct())
        {
            var functions = new List<RFunction>();
            foreach (var definition in iface.Definitions)
            {
                if (definition.Kind == WitTypeDefKind.Resource)
                {
                    Report(WitResolver.Unsupported, $"the resource '{definition.Name}' is not supported (resources, own<T> and borrow<T> have no C# mapping yet); the functions that use it are left out", iface.Path, definition.Syntax.Span);
                }
            }

            foreach (var function in iface.Functions)
            {
                var problem = function.Syntax.IsAsync ? "async functions are not supported; calls are synchronous" : null;
                foreach (var (name, type) in function.Parameters)
                {
                    problem ??= Problem(type, new HashSet<RDefinition>()) is { } p ? $"its parameter '{name}' {p}" : null;
                }

                if (function.Result is not null)
                {
                    problem ??= Problem(function.Result, new HashSet<RDefinition>()) is { } p ? "its result " + p : null;
                }

                if (problem is not null)
                {
                    // An undefined type was reported where it is named (WASM031); the function just stays out.
                    if (!problem.Contains(UndefinedMarker))
                    {
                        Report(WitResolver.Unsupported, $"the function '{function.Syntax.Name}' of '{iface.FullName}' is left out: {problem}", iface.Path, function.Syntax.Span);
                    }

                    continue;
                }

                functions.Add(function);
                foreach (var (_, type) in function.Parameters)
                {
                    Reach(type, reached);
                }

                if (function.Result is not null)
                {
                    Reach(function.Result, reached);
                }
            }

            // Types the interface defines but no function uses are declared too, when they can be.
            foreach (var definition in iface.Definitions)
            {
                if (definition.Kind is not (WitTypeDefKind.Resource or WitTypeDefKind.Alias)
                    && Problem(new RType { Kind = RKind.Definition, Definition = definition }, new HashSet<RDefinition>()) is null)
                {
                    Reach(new RType { Kind = RKind.Definition, Definition = definition }, reached);
                }
            }

            supported[iface] = functions;
        }

        NameTypes(reached, new HashSet<string>(interfaceNames.Values));

        _source.Append("// <auto-generated/>\n");
        _source.Append("// Generated by WasmMarshal from the WIT files given as AdditionalFiles. Do not edit: change the WIT instead.\n");
        _source.Append("#nullable enable\n\n");
        _source.Append("namespace ").Append(_namespace).Append("\n{\n");
        foreach (var definition in reached)
        {
            Definition(definition);
        }

        var origins = new List<WitInterfaceOrigin>();
        foreach (var item in world.GroupBy(w => w.Interface).Select(g => g.First()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (world.Count(w => w.Interface == item.Interface) > 1)
            {
                Report(WitResolver.Unsupported, $"the world both imports and exports '{item.Interface.FullName}'; only the {(item.IsExport ? "export" : "import")} is bound", item.Interface.Path, item.Interface.Syntax.Span);
            }

            if (origins.Count > 0)
            {
                _source.Append('\n');
            }

            origins.Add(Interface(item, interfaceNames[item.Interface], supported[item.Interface]));
        }

        _source.Append("}\n");
        return origins;
    }

    /// <summary>Why a type cannot be declared in C#, phrased after "its parameter 'x'", or null.</summary>
    private string? Problem(RType type, HashSet<RDefinition> visiting)
    {
        switch (type.Kind)
        {
            case RKind.Unsupported:
                return type.Description.StartsWith("undefined", System.StringComparison.Ordinal)
                    ? $"{UndefinedMarker} ('{type.Description.Substring(10)}')"
                    : $"has the type '{type.Description}', which is not supported (resources, future, stream, map and fixed-length lists have no C# mapping)";
            case RKind.Option when type.Arguments[0] is { } inner && Underlying(inner).Kind == RKind.Option:
                return "is an option of an option, which has no C# counterpart (T?? is T?)";
            case RKind.Definition:
                var definition = type.Definition!;
                if (definition.Kind == WitTypeDefKind.Resource)
                {
                    return $"uses the resource '{definition.Name}', and resources are not supported";
                }

                if (!visiting.Add(definition))
                {
                    return $"uses the type '{definition.Name}', which contains itself";
                }

                try
                {
                    if (definition.Kind == WitTypeDefKind.Flags && definition.Members.Count > 32)
                    {
                        return $"uses the flags '{definition.Name}' with {definition.Members.Count} labels; the canonical ABI takes at most 32";
                    }

                    if (definition.Alias is not null && Problem(definition.Alias, visiting) is { } aliasProblem)
                    {
                        return aliasProblem;
                    }

                    foreach (var member in definition.Members)
                    {
                        if (member.Type is not null && Problem(member.Type, visiting) is { } memberProblem)
                        {
                            return $"(through '{definition.Name}.{member.Name}') {memberProblem}";
                        }
                    }

                    return null;
                }
                finally
                {
                    visiting.Remove(definition);
                }

            default:
                foreach (var argument in type.Arguments)
                {
                    if (argument is not null && Problem(argument, visiting) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
        }
    }

    /// <summary>What an alias stands for; a cycle of aliases stops where it closes (Problem reports it).</summary>
    private static RType Underlying(RType type)
    {
        var seen = new HashSet<RDefinition>();
        while (type.Kind == RKind.Definition && type.Definition!.Alias is { } alias && seen.Add(type.Definition))
        {
            type = alias;
        }

        return type;
    }

    /// <summary>Adds the named types <paramref name="type"/> uses to <paramref name="reached"/>, dependencies first.</summary>
    private static void Reach(RType type, List<RDefinition> reached)
    {
        if (type.Kind == RKind.Definition)
        {
            var definition = type.Definition!;
            if (reached.Contains(definition))
            {
                return;
            }

            if (definition.Alias is not null)
            {
                Reach(definition.Alias, reached);
                return;
            }

            foreach (var member in definition.Members)
            {
                if (member.Type is not null)
                {
                    Reach(member.Type, reached);
                }
            }

            reached.Add(definition);
            return;
        }

        foreach (var argument in type.Arguments)
        {
            if (argument is not null)
            {
                Reach(argument, reached);
            }
        }
    }

    /// <summary>PascalCase names; two types of one name (from different interfaces) both get their interface's name in front.</summary>
    private static void NameTypes(List<RDefinition> definitions, HashSet<string> taken)
    {
        foreach (var group in definitions.GroupBy(d => Pascal(d.Name)))
        {
            bool clash = group.Count() > 1 || taken.Contains(group.Key);
            foreach (var definition in group)
            {
                definition.CSharpName = clash ? Pascal(definition.Owner.Name) + group.Key : group.Key;
            }
        }

        foreach (var group in definitions.GroupBy(d => d.CSharpName).Where(g => g.Count() > 1))
        {
            foreach (var definition in group)
            {
                definition.CSharpName = Pascal(definition.Owner.Package.Name.Name) + definition.CSharpName;
            }
        }
    }

    // ---- C# text ----

    private WitInterfaceOrigin Interface(RWorldInterface item, string name, List<RFunction> functions)
    {
        var iface = item.Interface;
        // A world export is called by the host: [WasmImport]. A world import is implemented by the host: [WasmExport].
        var direction = item.IsExport ? InterfaceDirection.Import : InterfaceDirection.Export;
        Docs("    ", iface.Syntax.Docs, $"The WIT interface <c>{iface.FullName}</c>, which the guest {(item.IsExport ? "exports and the host calls" : "imports and the host implements")}.");
        _source.Append(item.IsExport ? "    [global::WasmMarshal.WasmImport]\n" : "    [global::WasmMarshal.WasmExport]\n");
        _source.Append("    [global::WasmMarshal.WasmCanonicalAbi(\"").Append(iface.FullName).Append("\")]\n");
        _source.Append("    public partial interface ").Append(name).Append("\n    {\n");
        var methods = new List<WitMethodOrigin>();
        bool first = true;
        foreach (var function in functions)
        {
            if (!first)
            {
                _source.Append('\n');
            }

            first = false;
            string method = Pascal(function.Syntax.Name);
            Docs("        ", function.Syntax.Docs, $"The WIT function <c>{function.Syntax.Name}</c>.");
            if (WitClassifier.WitName(method) != function.Syntax.Name)
            {
                _source.Append("        [global::WasmMarshal.WasmName(\"").Append(function.Syntax.Name).Append("\")]\n");
            }

            _source.Append("        ").Append(function.Result is null ? "void" : TypeName(function.Result, topParameter: false, direction))
                .Append(' ').Append(method).Append('(')
                .Append(string.Join(", ", function.Parameters.Select(p => TypeName(p.Type, topParameter: true, direction) + " " + Camel(p.Name))))
                .Append(");\n");
            methods.Add(new WitMethodOrigin(method, Location(iface.Path, function.Syntax.Span)));
        }

        _source.Append("    }\n");
        return new WitInterfaceOrigin(_namespace + "." + name, direction, Location(iface.Path, iface.Syntax.Span), new EquatableArray<WitMethodOrigin>(methods));
    }

    private void Definition(RDefinition definition)
    {
        string name = definition.CSharpName;
        string of = $" of <c>{definition.Owner.FullName}</c>";
        switch (definition.Kind)
        {
            case WitTypeDefKind.Record:
                {
                    Docs("    ", definition.Syntax.Docs, $"The WIT record <c>{definition.Name}</c>{of}.", definition.Members.Select(m => (FieldName(m.Name, name), m.Docs, $"The field <c>{m.Name}</c>.")));
                    _source.Append("    public readonly record struct ").Append(name).Append('(')
                        .Append(string.Join(", ", definition.Members.Select(m => TypeName(m.Type!, false, InterfaceDirection.Import) + " " + FieldName(m.Name, name))))
                        .Append(");\n\n");
                    break;
                }

            case WitTypeDefKind.Enum:
                {
                    int count = definition.Members.Count;
                    Docs("    ", definition.Syntax.Docs, $"The WIT enum <c>{definition.Name}</c>{of}.");
                    _source.Append("    public enum ").Append(name).Append(" : ").Append(count <= 256 ? "byte" : count <= 65536 ? "ushort" : "uint").Append("\n    {\n");
                    foreach (var member in definition.Members)
                    {
                        Docs("        ", member.Docs, $"<c>{member.Name}</c>.");
                        _source.Append("        ").Append(Pascal(member.Name)).Append(",\n");
                    }

                    _source.Append("    }\n\n");
                    break;
                }

            case WitTypeDefKind.Flags:
                {
                    int count = definition.Members.Count;
                    Docs("    ", definition.Syntax.Docs, $"The WIT flags <c>{definition.Name}</c>{of}: label <i>i</i> is bit <i>i</i>.");
                    _source.Append("    [global::System.Flags]\n");
                    _source.Append("    public enum ").Append(name).Append(" : ").Append(count <= 8 ? "byte" : count <= 16 ? "ushort" : "uint").Append("\n    {\n");
                    if (!definition.Members.Any(m => Pascal(m.Name) == "None"))
                    {
                        _source.Append("        /// <summary>No flag set.</summary>\n        None = 0,\n");
                    }

                    int bit = 0;
                    foreach (var member in definition.Members)
                    {
                        Docs("        ", member.Docs, $"<c>{member.Name}</c>.");
                        _source.Append("        ").Append(Pascal(member.Name)).Append(" = ").Append(1u << bit++).Append(bit > 31 ? "u" : "").Append(",\n");
                    }

                    _source.Append("    }\n\n");
                    break;
                }

            case WitTypeDefKind.Variant:
                {
                    Docs("    ", definition.Syntax.Docs, $"The WIT variant <c>{definition.Name}</c>{of}: one sealed record per case.");
                    _source.Append("    public abstract record ").Append(name).Append("\n    {\n");
                    _source.Append("        private ").Append(name).Append("()\n        {\n        }\n");
                    foreach (var member in definition.Members)
                    {
                        string caseName = Pascal(member.Name) == name ? Pascal(member.Name) + "Case" : Pascal(member.Name);
                        _source.Append('\n');
                        if (member.Type is null)
                        {
                            Docs("        ", member.Docs, $"The case <c>{member.Name}</c>.");
                            _source.Append("        public sealed record ").Append(caseName).Append(" : ").Append(name).Append(";\n");
                        }
                        else
                        {
                            Docs("        ", member.Docs, $"The case <c>{member.Name}</c>.", new[] { ("Value", "", "The payload.") });
                            _source.Append("        public sealed record ").Append(caseName).Append('(')
                                .Append(TypeName(member.Type, false, InterfaceDirection.Import)).Append(" Value) : ").Append(name).Append(";\n");
                        }
                    }

                    _source.Append("    }\n\n");
                    break;
                }
        }
    }

    private static string FieldName(string witName, string recordName)
    {
        string name = Pascal(witName);
        return name == recordName || RecordMembers.Contains(name) ? name + "Value" : name;
    }

    /// <summary>
    /// The C# type of a WIT type. Top-level list parameters of an interface the host calls are
    /// <c>ReadOnlySpan&lt;T&gt;</c> (an array converts implicitly); every other list is <c>T[]</c>.
    /// </summary>
    private string TypeName(RType type, bool topParameter, InterfaceDirection direction)
    {
        switch (type.Kind)
        {
            case RKind.Primitive:
                return type.Primitive switch
                {
                    WitKind.Bool => "bool",
                    WitKind.S8 => "sbyte",
                    WitKind.U8 => "byte",
                    WitKind.S16 => "short",
                    WitKind.U16 => "ushort",
                    WitKind.S32 => "int",
                    WitKind.U32 => "uint",
                    WitKind.S64 => "long",
                    WitKind.U64 => "ulong",
                    WitKind.F32 => "float",
                    WitKind.F64 => "double",
                    WitKind.Char => "global::System.Text.Rune",
                    _ => "string",
                };
            case RKind.List:
                string element = TypeName(type.Arguments[0]!, false, direction);
                return topParameter && direction == InterfaceDirection.Import ? "global::System.ReadOnlySpan<" + element + ">" : element + "[]";
            case RKind.Option:
                return TypeName(type.Arguments[0]!, false, direction) + "?";
            case RKind.Result:
                return "global::WasmMarshal.Canonical.WitResult<" + ResultArgument(type.Arguments[0], direction) + ", " + ResultArgument(type.Arguments[1], direction) + ">";
            case RKind.Tuple:
                return type.Arguments.Count == 1
                    ? "global::System.ValueTuple<" + TypeName(type.Arguments[0]!, false, direction) + ">"
                    : "(" + string.Join(", ", type.Arguments.Select(a => TypeName(a!, false, direction))) + ")";
            default:
                var definition = type.Definition!;
                return definition.Alias is not null
                    ? TypeName(definition.Alias, topParameter, direction)
                    : "global::" + _namespace + "." + definition.CSharpName;
        }
    }

    private string ResultArgument(RType? type, InterfaceDirection direction) =>
        type is null ? "global::WasmMarshal.Canonical.WitUnit" : TypeName(type, false, direction);

    private void Docs(string indent, string docs, string fallback, IEnumerable<(string Name, string Docs, string Fallback)>? parameters = null)
    {
        _source.Append(indent).Append("/// <summary>\n");
        if (docs.Length == 0)
        {
            _source.Append(indent).Append("/// ").Append(fallback).Append('\n');
        }
        else
        {
            foreach (string line in docs.Split('\n'))
            {
                _source.Append(indent).Append("///").Append(line.Length == 0 ? "" : " " + Xml(line)).Append('\n');
            }
        }

        _source.Append(indent).Append("/// </summary>\n");
        foreach (var (name, paramDocs, paramFallback) in parameters ?? Enumerable.Empty<(string, string, string)>())
        {
            _source.Append(indent).Append("/// <param name=\"").Append(name).Append("\">")
                .Append(paramDocs.Length == 0 ? paramFallback : Xml(paramDocs.Replace('\n', ' '))).Append("</param>\n");
        }
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary><c>count-bytes</c> is <c>CountBytes</c>, <c>parse-XML</c> is <c>ParseXml</c>.</summary>
    public static string Pascal(string witName)
    {
        var builder = new StringBuilder(witName.Length);
        foreach (string word in witName.Split('-'))
        {
            if (word.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1).ToLowerInvariant());
            }
        }

        return builder.ToString();
    }

    /// <summary><c>max-len</c> is <c>maxLen</c>; a C# keyword is escaped: <c>in</c> is <c>@in</c>.</summary>
    public static string Camel(string witName)
    {
        string pascal = Pascal(witName);
        string camel = pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Marshalling.Lowering.Identifier(camel);
    }
}
