using System.Collections.Generic;

namespace WasmMarshal.Generators.Parsing.Wit;

/// <summary>
/// A recursive-descent parser for the grammar of component-model design/mvp/WIT.md: package declarations (also
/// nested <c>package a:b { }</c> blocks), top-level <c>use</c>, interfaces, worlds and every type item. Feature gates
/// (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) and <c>@external-id</c> are read and ignored. The first syntax
/// error stops the file: a <see cref="WitException"/> with its span.
/// </summary>
internal sealed class WitParser
{
    private readonly WitLexer _lexer;
    private WitToken? _peeked;
    private WitToken _last;

    private WitParser(string text) => _lexer = new WitLexer(text);

    public static WitFile Parse(string path, string text)
    {
        var parser = new WitParser(text);
        var file = new WitFile(path);
        parser.ParseFile(file);
        return file;
    }

    private WitToken Peek() => _peeked ??= _lexer.Next();

    private WitToken Take()
    {
        var token = Peek();
        _peeked = null;
        _last = token;
        return token;
    }

    private bool TryTake(string text)
    {
        if (Peek().Is(text))
        {
            Take();
            return true;
        }

        return false;
    }

    private WitToken Expect(string text)
    {
        var token = Peek();
        if (!token.Is(text))
        {
            throw Unexpected(token, $"'{text}'");
        }

        return Take();
    }

    private static WitException Unexpected(WitToken token, string expected) =>
        new(token.Kind == WitTokenKind.End
                ? $"expected {expected}, but the file ends"
                : $"expected {expected}, found {Describe(token)}",
            token.Span);

    private static string Describe(WitToken token) => token.Kind switch
    {
        WitTokenKind.Keyword => $"the keyword '{token.Text}' (write %{token.Text} to use it as a name)",
        WitTokenKind.Identifier => $"'{token.Text}'",
        WitTokenKind.String => "a string literal",
        _ => $"'{token.Text}'",
    };

    /// <summary>An identifier; a keyword here is an error that says how to escape it.</summary>
    private (string Name, WitSpan Span) Identifier(string what)
    {
        var token = Peek();
        if (token.Kind != WitTokenKind.Identifier)
        {
            throw Unexpected(token, what);
        }

        Take();
        return (token.Text, token.Span);
    }

    private string Version()
    {
        if (_peeked is not null)
        {
            throw new WitException("expected a version after '@'", _peeked.Value.Span);
        }

        return _lexer.ReadVersion().Version;
    }

    private void ParseFile(WitFile file)
    {
        if (Peek().Is("package") || Peek().Is("@"))
        {
            SkipGates();
            if (Peek().Is("package"))
            {
                var keyword = Take();
                var name = PackageName();
                if (TryTake("{"))
                {
                    var body = new WitPackageBody();
                    ParseItems(body, nested: true);
                    Expect("}");
                    file.Nested.Add((name, keyword.Span, body));
                }
                else
                {
                    Expect(";");
                    file.Package = name;
                    file.PackageSpan = WitSpan.Between(keyword.Span, _last.Span);
                }
            }
        }

        ParseItems(file.Body, nested: false, file);
        var end = Peek();
        if (end.Kind != WitTokenKind.End)
        {
            throw Unexpected(end, "'interface', 'world', 'use' or 'package'");
        }
    }

    private WitPackageName PackageName()
    {
        var (ns, _) = Identifier("a package namespace");
        Expect(":");
        var (name, _) = Identifier("a package name");
        while (Peek().Is(":"))
        {
            Take();
            var (more, span) = Identifier("a package name");
            throw new WitException($"nested package namespaces ('{ns}:{name}:{more}') are not supported", span);
        }

        string? version = null;
        if (TryTake("@"))
        {
            version = Version();
        }

        return new WitPackageName(ns, name, version);
    }

    private void ParseItems(WitPackageBody body, bool nested, WitFile? file = null)
    {
        while (true)
        {
            string docs = Peek().Docs;
            SkipGates();
            var token = Peek();
            if (token.Is("interface"))
            {
                Take();
                var (name, span) = Identifier("an interface name");
                var iface = new WitInterfaceSyntax(name, span, docs);
                Expect("{");
                ParseInterfaceItems(iface);
                Expect("}");
                body.Interfaces.Add(iface);
            }
            else if (token.Is("world"))
            {
                Take();
                var (name, span) = Identifier("a world name");
                var world = new WitWorldSyntax(name, span, docs);
                Expect("{");
                ParseWorldItems(world);
                Expect("}");
                body.Worlds.Add(world);
            }
            else if (token.Is("use"))
            {
                var keyword = Take();
                var path = UsePath();
                string alias = path.Name;
                if (TryTake("as"))
                {
                    alias = Identifier("a name after 'as'").Name;
                }

                Expect(";");
                body.Uses.Add((path, alias, WitSpan.Between(keyword.Span, path.Span)));
            }
            else if (token.Is("package") && !nested && file is not null)
            {
                Take();
                var name = PackageName();
                Expect("{");
                var inner = new WitPackageBody();
                ParseItems(inner, nested: true);
                Expect("}");
                file.Nested.Add((name, token.Span, inner));
            }
            else
            {
                return;
            }
        }
    }

    /// <summary><c>@since(version = 1.2.3)</c>, <c>@unstable(feature = x)</c>, <c>@deprecated(...)</c>, <c>@external-id("...")</c>.</summary>
    private void SkipGates()
    {
        while (Peek().Is("@"))
        {
            Take();
            var (gate, span) = Identifier("a gate ('since', 'unstable', 'deprecated') after '@'");
            Expect("(");
            if (gate == "external-id")
            {
                if (Take().Kind != WitTokenKind.String)
                {
                    throw new WitException("@external-id takes a string literal", _last.Span);
                }
            }
            else if (gate is "since" or "deprecated")
            {
                var (field, fieldSpan) = Identifier("'version'");
                if (field != "version")
                {
                    throw new WitException($"@{gate} takes 'version = x.y.z', not '{field}'", fieldSpan);
                }

                Expect("=");
                Version();
            }
            else if (gate == "unstable")
            {
                var (field, fieldSpan) = Identifier("'feature'");
                if (field != "feature")
                {
                    throw new WitException($"@unstable takes 'feature = name', not '{field}'", fieldSpan);
                }

                Expect("=");
                Identifier("a feature name");
            }
            else
            {
                throw new WitException($"'@{gate}' is not a WIT gate (since, unstable, deprecated, external-id)", span);
            }

            Expect(")");
        }
    }

    private WitUsePath UsePath()
    {
        var (first, span) = Identifier("an interface name");
        if (!TryTake(":"))
        {
            return new WitUsePath(null, null, first, null, span);
        }

        var (package, _) = Identifier("a package name");
        Expect("/");
        var (name, _) = Identifier("an interface name");
        string? version = null;
        if (TryTake("@"))
        {
            version = Version();
        }

        return new WitUsePath(first, package, name, version, WitSpan.Between(span, _last.Span));
    }

    private void ParseInterfaceItems(WitInterfaceSyntax iface)
    {
        while (!Peek().Is("}"))
        {
            string docs = Peek().Docs;
            SkipGates();
            var token = Peek();
            if (token.Is("use"))
            {
                iface.Uses.Add(UseItem());
            }
            else if (TypeDef(docs) is { } type)
            {
                iface.Types.Add(type);
            }
            else if (token.Kind == WitTokenKind.Identifier)
            {
                var (name, span) = Identifier("a function name");
                Expect(":");
                iface.Functions.Add(FuncType(name, span, docs));
                Expect(";");
            }
            else
            {
                throw Unexpected(token, "a type, a function, 'use' or '}'");
            }
        }
    }

    private WitUseItem UseItem()
    {
        Expect("use");
        var path = UsePath();
        Expect(".");
        Expect("{");
        var names = new List<(string, string, WitSpan)>();
        do
        {
            if (Peek().Is("}") && names.Count > 0)
            {
                break;
            }

            var (name, span) = Identifier("a type name");
            string alias = name;
            if (TryTake("as"))
            {
                alias = Identifier("a name after 'as'").Name;
            }

            names.Add((name, alias, span));
        }
        while (TryTake(","));

        Expect("}");
        Expect(";");
        return new WitUseItem(path, names);
    }

    private WitFuncSyntax FuncType(string name, WitSpan span, string docs)
    {
        bool isAsync = TryTake("async");
        Expect("func");
        Expect("(");
        var parameters = new List<WitParamSyntax>();
        while (!Peek().Is(")"))
        {
            var (p, pSpan) = Identifier("a parameter name");
            Expect(":");
            parameters.Add(new WitParamSyntax(p, pSpan, Type()));
            if (!TryTake(","))
            {
                break;
            }
        }

        Expect(")");
        WitTypeSyntax? result = null;
        if (TryTake("->"))
        {
            result = Type();
        }

        return new WitFuncSyntax(name, span, docs, isAsync, parameters, result);
    }

    private WitTypeDefSyntax? TypeDef(string docs)
    {
        var token = Peek();
        if (token.Is("type"))
        {
            Take();
            var (name, span) = Identifier("a type name");
            Expect("=");
            var alias = Type();
            Expect(";");
            return new WitTypeDefSyntax(WitTypeDefKind.Alias, name, span, docs, new List<WitMemberSyntax>(), alias);
        }

        if (token.Is("resource"))
        {
            Take();
            var (name, span) = Identifier("a resource name");
            if (TryTake("{"))
            {
                SkipBalanced();
            }
            else
            {
                Expect(";");
            }

            return new WitTypeDefSyntax(WitTypeDefKind.Resource, name, span, docs, new List<WitMemberSyntax>(), null);
        }

        WitTypeDefKind kind;
        if (token.Is("record"))
        {
            kind = WitTypeDefKind.Record;
        }
        else if (token.Is("enum"))
        {
            kind = WitTypeDefKind.Enum;
        }
        else if (token.Is("flags"))
        {
            kind = WitTypeDefKind.Flags;
        }
        else if (token.Is("variant"))
        {
            kind = WitTypeDefKind.Variant;
        }
        else
        {
            return null;
        }

        Take();
        var (typeName, typeSpan) = Identifier($"a {token.Text} name");
        Expect("{");
        var members = new List<WitMemberSyntax>();
        while (!Peek().Is("}"))
        {
            string memberDocs = Peek().Docs;
            var (member, memberSpan) = Identifier(kind switch
            {
                WitTypeDefKind.Record => "a field name",
                WitTypeDefKind.Variant => "a case name",
                _ => "a label",
            });
            WitTypeSyntax? type = null;
            if (kind == WitTypeDefKind.Record)
            {
                Expect(":");
                type = Type();
            }
            else if (kind == WitTypeDefKind.Variant && TryTake("("))
            {
                type = Type();
                Expect(")");
            }

            members.Add(new WitMemberSyntax(member, memberSpan, memberDocs, type));
            if (!TryTake(","))
            {
                break;
            }
        }

        var close = Expect("}");
        if (members.Count == 0)
        {
            throw new WitException($"the {token.Text} '{typeName}' has no {(kind == WitTypeDefKind.Record ? "fields" : kind == WitTypeDefKind.Variant ? "cases" : "labels")}; WIT needs at least one", close.Span);
        }

        return new WitTypeDefSyntax(kind, typeName, typeSpan, docs, members, null);
    }

    /// <summary>Skips a resource body up to its matching '}', which the caller's diagnostic covers.</summary>
    private void SkipBalanced()
    {
        int depth = 1;
        while (depth > 0)
        {
            var token = Take();
            if (token.Kind == WitTokenKind.End)
            {
                throw Unexpected(token, "'}'");
            }

            if (token.Is("{"))
            {
                depth++;
            }
            else if (token.Is("}"))
            {
                depth--;
            }
            else if (token.Is("@") && _peeked is null)
            {
                // A version inside a gate is raw text the lexer cannot tokenize (0.2.0-rc).
                var next = Peek();
                if (next.Kind == WitTokenKind.Identifier && next.Text is "since" or "deprecated")
                {
                    Take();
                    Expect("(");
                    Identifier("'version'");
                    Expect("=");
                    Version();
                    Expect(")");
                }
            }
        }
    }

    private WitTypeSyntax Type()
    {
        var token = Take();
        switch (token.Kind)
        {
            case WitTokenKind.Identifier:
                return new WitTypeSyntax(WitTypeSyntaxKind.Named, token.Text, token.Span, new List<WitTypeSyntax?>());
            case WitTokenKind.Keyword:
                switch (token.Text)
                {
                    case "u8" or "u16" or "u32" or "u64" or "s8" or "s16" or "s32" or "s64" or "f32" or "f64" or "char" or "bool" or "string":
                        return new WitTypeSyntax(WitTypeSyntaxKind.Primitive, token.Text, token.Span, new List<WitTypeSyntax?>());
                    case "list":
                        {
                            Expect("<");
                            var element = Type();
                            if (TryTake(","))
                            {
                                var length = Take();
                                if (length.Kind != WitTokenKind.Integer || length.Text == "0" || length.Text[0] == '0')
                                {
                                    throw Unexpected(length, "a fixed length (an integer above 0)");
                                }

                                Expect(">");
                                return new WitTypeSyntax(WitTypeSyntaxKind.List, "list<T, " + length.Text + ">", WitSpan.Between(token.Span, _last.Span), new List<WitTypeSyntax?> { element });
                            }

                            Expect(">");
                            return new WitTypeSyntax(WitTypeSyntaxKind.List, "list", WitSpan.Between(token.Span, _last.Span), new List<WitTypeSyntax?> { element });
                        }

                    case "option":
                        {
                            Expect("<");
                            var element = Type();
                            Expect(">");
                            return new WitTypeSyntax(WitTypeSyntaxKind.Option, "option", WitSpan.Between(token.Span, _last.Span), new List<WitTypeSyntax?> { element });
                        }

                    case "result":
                        {
                            var arguments = new List<WitTypeSyntax?> { null, null };
                            if (TryTake("<"))
                            {
                                if (TryTake("_"))
                                {
                                    Expect(",");
                                    arguments[1] = Type();
                                }
                                else
                                {
                                    arguments[0] = Type();
                                    if (TryTake(","))
                                    {
                                        arguments[1] = Type();
                                    }
                                }

                                Expect(">");
                            }

                            return new WitTypeSyntax(WitTypeSyntaxKind.Result, "result", WitSpan.Between(token.Span, _last.Span), arguments);
                        }

                    case "tuple":
                        {
                            Expect("<");
                            var elements = new List<WitTypeSyntax?>();
                            do
                            {
                                if (Peek().Is(">") && elements.Count > 0)
                                {
                                    break;
                                }

                                elements.Add(Type());
                            }
                            while (TryTake(","));

                            Expect(">");
                            return new WitTypeSyntax(WitTypeSyntaxKind.Tuple, "tuple", WitSpan.Between(token.Span, _last.Span), elements);
                        }

                    case "borrow" or "own":
                        {
                            Expect("<");
                            var (name, _) = Identifier("a resource name");
                            Expect(">");
                            return new WitTypeSyntax(WitTypeSyntaxKind.Borrow, token.Text + "<" + name + ">", WitSpan.Between(token.Span, _last.Span), new List<WitTypeSyntax?>());
                        }

                    case "future" or "stream":
                        {
                            var arguments = new List<WitTypeSyntax?>();
                            if (TryTake("<"))
                            {
                                arguments.Add(Type());
                                Expect(">");
                            }

                            return new WitTypeSyntax(token.Text == "future" ? WitTypeSyntaxKind.Future : WitTypeSyntaxKind.Stream, token.Text, WitSpan.Between(token.Span, _last.Span), arguments);
                        }

                    case "map":
                        {
                            Expect("<");
                            var key = Type();
                            Expect(",");
                            var value = Type();
                            Expect(">");
                            return new WitTypeSyntax(WitTypeSyntaxKind.Map, "map", WitSpan.Between(token.Span, _last.Span), new List<WitTypeSyntax?> { key, value });
                        }
                }

                break;
        }

        throw Unexpected(token, "a type");
    }

    private void ParseWorldItems(WitWorldSyntax world)
    {
        while (!Peek().Is("}"))
        {
            SkipGates();
            var token = Peek();
            if (token.Is("import") || token.Is("export"))
            {
                Take();
                bool isExport = token.Text == "export";
                var (first, span) = Identifier("an interface or a name");
                if (Peek().Is(":"))
                {
                    Take();
                    var next = Peek();
                    if (next.Is("func") || next.Is("async"))
                    {
                        FuncType(first, span, "");
                        Expect(";");
                        world.Items.Add(new WitWorldItem(isExport, WitWorldItemKind.Function, first, span, null));
                        continue;
                    }

                    if (next.Is("interface"))
                    {
                        Take();
                        Expect("{");
                        ParseInterfaceItems(new WitInterfaceSyntax(first, span, ""));
                        Expect("}");
                        world.Items.Add(new WitWorldItem(isExport, WitWorldItemKind.InlineInterface, first, span, null));
                        continue;
                    }

                    // `import ns:pkg/iface;` (a package path) or `import name: ns:pkg/iface;` (a named interface).
                    var (second, _) = Identifier("a package name or an interface");
                    if (Peek().Is("/"))
                    {
                        Take();
                        var (name, _) = Identifier("an interface name");
                        string? version = null;
                        if (TryTake("@"))
                        {
                            version = Version();
                        }

                        Expect(";");
                        var path = new WitUsePath(first, second, name, version, WitSpan.Between(span, _last.Span));
                        world.Items.Add(new WitWorldItem(isExport, WitWorldItemKind.Interface, path.ToString(), path.Span, path));
                        continue;
                    }

                    // `import name: iface;` or `import name: ns:pkg/iface;`: the interface under another plain name.
                    if (TryTake(":"))
                    {
                        Identifier("a package name");
                        Expect("/");
                        Identifier("an interface name");
                        if (TryTake("@"))
                        {
                            Version();
                        }
                    }

                    Expect(";");
                    world.Items.Add(new WitWorldItem(isExport, WitWorldItemKind.NamedInterface, first, span, null));
                    continue;
                }

                Expect(";");
                world.Items.Add(new WitWorldItem(isExport, WitWorldItemKind.Interface, first, span, new WitUsePath(null, null, first, null, span)));
            }
            else if (token.Is("use"))
            {
                var use = UseItem();
                world.OtherItems.Add(use.From.Span);
            }
            else if (token.Is("include"))
            {
                Take();
                var path = UsePath();
                bool hasWith = false;
                if (TryTake("with"))
                {
                    hasWith = true;
                    Expect("{");
                    SkipBalanced();
                }
                else
                {
                    Expect(";");
                }

                world.Includes.Add((path, hasWith));
            }
            else if (TypeDef("") is { } type)
            {
                world.OtherItems.Add(type.Span);
            }
            else
            {
                throw Unexpected(token, "'import', 'export', 'use', 'include', a type or '}'");
            }
        }
    }
}
