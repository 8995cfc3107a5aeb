using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace WasmMarshal.Samples.TinyLang;

/// <summary>An expression of the tiny language. Every construct is an expression; a program is one expression.</summary>
public abstract record Expr;

public sealed record IntLiteral(long Value) : Expr;

public sealed record DoubleLiteral(double Value) : Expr;

/// <summary>A byte-string literal: the bytes between the quotes, after escapes (\n, \", \\, \xNN).</summary>
public sealed record BytesLiteral(byte[] Value) : Expr;

public sealed record NilLiteral : Expr;

public sealed record Variable(string Name) : Expr;

public sealed record Let(string Name, Expr Value, Expr Body) : Expr;

/// <summary><c>letrec f = \x -> e in body</c>: <c>f</c> is in scope inside its own lambda.</summary>
public sealed record LetRec(string Name, Lambda Function, Expr Body) : Expr;

public sealed record Lambda(string Parameter, Expr Body) : Expr;

public sealed record Apply(Expr Function, Expr Argument) : Expr;

public sealed record If(Expr Condition, Expr Then, Expr Else) : Expr;

/// <summary>+ - * / % &lt; &lt;= == on numbers, ++ on byte strings, :: builds a list cell.</summary>
public sealed record Binary(string Operator, Expr Left, Expr Right) : Expr;

/// <summary>head, tail, isnil on lists; force on thunks.</summary>
public sealed record Unary(string Operator, Expr Operand) : Expr;

/// <summary><c>lazy e</c>: a thunk that evaluates <c>e</c> the first time it is forced and remembers the value.</summary>
public sealed record Lazy(Expr Body) : Expr;

/// <summary>A syntax error, with the offset in the source where it was found.</summary>
public sealed class TinySyntaxException(string message, int offset) : Exception($"{message} at offset {offset}")
{
    public int Offset { get; } = offset;
}

/// <summary>
/// Recursive-descent parser. Grammar, loosest first:
/// <code>
/// expr   := let x = expr in expr | letrec f = \x.. -> expr in expr | \x y .. -> expr | if expr then expr else expr | cons
/// cons   := cmp (:: cons)?
/// cmp    := add ((&lt; | &lt;= | ==) add)?
/// add    := mul ((+ | - | ++) mul)*
/// mul    := app ((* | / | %) app)*
/// app    := prefix prefix*
/// prefix := (force | lazy | head | tail | isnil) prefix | atom
/// atom   := integer | double | "bytes" | [] | name | ( expr )
/// </code>
/// </summary>
public sealed class Parser
{
    private static readonly HashSet<string> Keywords = ["let", "letrec", "in", "if", "then", "else", "force", "lazy", "head", "tail", "isnil"];

    private readonly List<(string Kind, string Text, object? Value, int Offset)> _tokens;
    private int _position;

    private Parser(string source) => _tokens = Tokenize(source);

    public static Expr Parse(string source)
    {
        var parser = new Parser(source);
        var expr = parser.ParseExpr();
        if (parser.Peek.Kind != "eof")
        {
            throw new TinySyntaxException($"unexpected '{parser.Peek.Text}'", parser.Peek.Offset);
        }

        return expr;
    }

    private (string Kind, string Text, object? Value, int Offset) Peek => _tokens[_position];

    private (string Kind, string Text, object? Value, int Offset) Next() => _tokens[_position++];

    private bool IsSymbol(string text) => Peek.Kind is "sym" or "kw" && Peek.Text == text;

    private void Expect(string text)
    {
        if (!IsSymbol(text))
        {
            throw new TinySyntaxException($"expected '{text}' but found '{Peek.Text}'", Peek.Offset);
        }

        _position++;
    }

    private string ExpectName()
    {
        if (Peek.Kind != "name")
        {
            throw new TinySyntaxException($"expected a name but found '{Peek.Text}'", Peek.Offset);
        }

        return Next().Text;
    }

    private Expr ParseExpr()
    {
        if (IsSymbol("let"))
        {
            _position++;
            string name = ExpectName();
            Expect("=");
            var value = ParseExpr();
            Expect("in");
            return new Let(name, value, ParseExpr());
        }

        if (IsSymbol("letrec"))
        {
            _position++;
            string name = ExpectName();
            Expect("=");
            int offset = Peek.Offset;
            if (ParseExpr() is not Lambda function)
            {
                throw new TinySyntaxException("letrec binds a lambda", offset);
            }

            Expect("in");
            return new LetRec(name, function, ParseExpr());
        }

        if (IsSymbol("\\"))
        {
            _position++;
            var parameters = new List<string> { ExpectName() };
            while (Peek.Kind == "name")
            {
                parameters.Add(Next().Text);
            }

            Expect("->");
            var body = ParseExpr();
            for (int i = parameters.Count - 1; i >= 0; i--)
            {
                body = new Lambda(parameters[i], body);
            }

            return body;
        }

        if (IsSymbol("if"))
        {
            _position++;
            var condition = ParseExpr();
            Expect("then");
            var then = ParseExpr();
            Expect("else");
            return new If(condition, then, ParseExpr());
        }

        return ParseCons();
    }

    private Expr ParseCons()
    {
        var head = ParseComparison();
        if (IsSymbol("::"))
        {
            _position++;
            return new Binary("::", head, ParseCons());
        }

        return head;
    }

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        if (IsSymbol("<") || IsSymbol("<=") || IsSymbol("=="))
        {
            string op = Next().Text;
            return new Binary(op, left, ParseAdditive());
        }

        return left;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (IsSymbol("+") || IsSymbol("-") || IsSymbol("++"))
        {
            string op = Next().Text;
            left = new Binary(op, left, ParseMultiplicative());
        }

        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseApplication();
        while (IsSymbol("*") || IsSymbol("/") || IsSymbol("%"))
        {
            string op = Next().Text;
            left = new Binary(op, left, ParseApplication());
        }

        return left;
    }

    private Expr ParseApplication()
    {
        var function = ParsePrefix();
        while (StartsAtom())
        {
            function = new Apply(function, ParsePrefix());
        }

        return function;
    }

    private bool StartsAtom() =>
        Peek.Kind is "int" or "double" or "bytes" or "name" || IsSymbol("(") || IsSymbol("[")
        || IsSymbol("force") || IsSymbol("lazy") || IsSymbol("head") || IsSymbol("tail") || IsSymbol("isnil");

    private Expr ParsePrefix()
    {
        if (IsSymbol("lazy"))
        {
            _position++;
            return new Lazy(ParsePrefix());
        }

        if (IsSymbol("force") || IsSymbol("head") || IsSymbol("tail") || IsSymbol("isnil"))
        {
            string op = Next().Text;
            return new Unary(op, ParsePrefix());
        }

        var token = Next();
        switch (token.Kind)
        {
            case "int": return new IntLiteral((long)token.Value!);
            case "double": return new DoubleLiteral((double)token.Value!);
            case "bytes": return new BytesLiteral((byte[])token.Value!);
            case "name": return new Variable(token.Text);
            case "sym" when token.Text == "(":
                var inner = ParseExpr();
                Expect(")");
                return inner;
            case "sym" when token.Text == "[":
                Expect("]");
                return new NilLiteral();
            default:
                throw new TinySyntaxException($"unexpected '{token.Text}'", token.Offset);
        }
    }

    private static List<(string, string, object?, int)> Tokenize(string source)
    {
        var tokens = new List<(string, string, object?, int)>();
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                int start = i;
                while (i < source.Length && char.IsAsciiDigit(source[i]))
                {
                    i++;
                }

                bool isDouble = false;
                if (i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]))
                {
                    isDouble = true;
                    i++;
                    while (i < source.Length && char.IsAsciiDigit(source[i]))
                    {
                        i++;
                    }
                }

                if (i < source.Length && (source[i] == 'e' || source[i] == 'E'))
                {
                    isDouble = true;
                    i++;
                    if (i < source.Length && (source[i] == '+' || source[i] == '-'))
                    {
                        i++;
                    }

                    while (i < source.Length && char.IsAsciiDigit(source[i]))
                    {
                        i++;
                    }
                }

                string text = source[start..i];
                if (isDouble)
                {
                    tokens.Add(("double", text, double.Parse(text, CultureInfo.InvariantCulture), start));
                }
                else if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
                {
                    tokens.Add(("int", text, value, start));
                }
                else
                {
                    throw new TinySyntaxException($"integer {text} does not fit in 64 bits", start);
                }
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = i;
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_' || source[i] == '\''))
                {
                    i++;
                }

                string word = source[start..i];
                tokens.Add((Keywords.Contains(word) ? "kw" : "name", word, null, start));
            }
            else if (c == '"')
            {
                int start = i++;
                var bytes = new List<byte>();
                while (true)
                {
                    if (i >= source.Length)
                    {
                        throw new TinySyntaxException("unterminated string", start);
                    }

                    char s = source[i++];
                    if (s == '"')
                    {
                        break;
                    }

                    if (s != '\\')
                    {
                        bytes.AddRange(Encoding.UTF8.GetBytes(s.ToString()));
                        continue;
                    }

                    if (i >= source.Length)
                    {
                        throw new TinySyntaxException("unterminated escape", i);
                    }

                    char e = source[i++];
                    switch (e)
                    {
                        case 'n': bytes.Add((byte)'\n'); break;
                        case '"': bytes.Add((byte)'"'); break;
                        case '\\': bytes.Add((byte)'\\'); break;
                        case 'x' when i + 2 <= source.Length
                            && byte.TryParse(source.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte b):
                            bytes.Add(b);
                            i += 2;
                            break;
                        default: throw new TinySyntaxException($"unknown escape \\{e}", i - 2);
                    }
                }

                tokens.Add(("bytes", source[start..i], bytes.ToArray(), start));
            }
            else
            {
                string[] symbols = ["->", "::", "++", "<=", "==", "\\", "(", ")", "[", "]", "=", "<", "+", "-", "*", "/", "%"];
                string? symbol = null;
                foreach (string candidate in symbols)
                {
                    if (string.CompareOrdinal(source, i, candidate, 0, candidate.Length) == 0)
                    {
                        symbol = candidate;
                        break;
                    }
                }

                if (symbol is null)
                {
                    throw new TinySyntaxException($"unexpected character '{c}'", i);
                }

                tokens.Add(("sym", symbol, null, i));
                i += symbol.Length;
            }
        }

        tokens.Add(("eof", "end of input", null, source.Length));
        return tokens;
    }
}
