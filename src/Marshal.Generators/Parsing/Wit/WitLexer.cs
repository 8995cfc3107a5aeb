using System.Collections.Generic;
using System.Text;

namespace WasmMarshal.Generators.Parsing.Wit;

internal enum WitTokenKind
{
    End,
    Identifier,
    Keyword,
    Integer,
    String,
    Operator,
}

/// <summary>
/// One token. <see cref="Docs"/> is the text of the doc comments (<c>///</c> lines, <c>/** */</c> blocks) just before
/// it, which belong to the item the token starts.
/// </summary>
internal readonly record struct WitToken(WitTokenKind Kind, string Text, WitSpan Span, string Docs)
{
    public bool Is(string text) => (Kind is WitTokenKind.Operator or WitTokenKind.Keyword) && Text == text;
}

/// <summary>A syntax or resolve error at a place in a WIT file.</summary>
internal sealed class WitException : System.Exception
{
    public WitException(string message, WitSpan span)
        : base(message) => Span = span;

    public WitSpan Span { get; }
}

/// <summary>
/// The lexical structure of WIT.md: whitespace, nested block comments, the operators, the keywords, kebab-case
/// identifiers (<c>%</c> escapes a keyword), integers and string literals. It lexes on demand, so that the parser can
/// read a semver version (<c>0.2.0-rc.1+build</c>) as raw text after <c>@</c>.
/// </summary>
internal sealed class WitLexer
{
    public static readonly HashSet<string> Keywords = new()
    {
        "as", "async", "bool", "borrow", "char", "constructor", "enum", "export", "f32", "f64", "flags", "from", "func",
        "future", "import", "include", "interface", "list", "map", "option", "own", "package", "record", "resource",
        "result", "s16", "s32", "s64", "s8", "static", "stream", "string", "tuple", "type", "u16", "u32", "u64", "u8",
        "use", "variant", "with", "world",
    };

    private readonly string _text;
    private int _position;

    public WitLexer(string text) => _text = text;

    /// <summary>The next token, with the doc comments before it.</summary>
    public WitToken Next()
    {
        var docs = new StringBuilder();
        SkipTrivia(docs);
        string doc = docs.ToString().TrimEnd('\n');
        if (_position >= _text.Length)
        {
            return new WitToken(WitTokenKind.End, "", new WitSpan(_text.Length, 0), doc);
        }

        int start = _position;
        char c = _text[_position];
        if (c == '-' && Peek(1) == '>')
        {
            _position += 2;
            return new WitToken(WitTokenKind.Operator, "->", new WitSpan(start, 2), doc);
        }

        if ("=,:;(){}<>*/.@_".IndexOf(c) >= 0 && !(c == '_' && IsIdentifierChar(Peek(1))))
        {
            _position++;
            return new WitToken(WitTokenKind.Operator, c.ToString(), new WitSpan(start, 1), doc);
        }

        if (c is >= '0' and <= '9')
        {
            while (_position < _text.Length && _text[_position] is >= '0' and <= '9')
            {
                _position++;
            }

            return new WitToken(WitTokenKind.Integer, _text.Substring(start, _position - start), new WitSpan(start, _position - start), doc);
        }

        if (c == '"')
        {
            return new WitToken(WitTokenKind.String, ReadString(start), new WitSpan(start, _position - start), doc);
        }

        bool escaped = c == '%';
        if (escaped)
        {
            _position++;
        }

        int nameStart = _position;
        while (_position < _text.Length && IsIdentifierChar(_text[_position]))
        {
            _position++;
        }

        var span = new WitSpan(start, _position - start);
        if (_position == nameStart)
        {
            throw new WitException(escaped ? "'%' must be followed by an identifier" : $"unexpected character '{Printable(c)}'",
                new WitSpan(start, 1));
        }

        string name = _text.Substring(nameStart, _position - nameStart);
        if (IdentifierProblem(name) is { } problem)
        {
            throw new WitException($"'{name}' is not a WIT identifier: {problem}", span);
        }

        return !escaped && Keywords.Contains(name)
            ? new WitToken(WitTokenKind.Keyword, name, span, doc)
            : new WitToken(WitTokenKind.Identifier, name, span, doc);
    }

    /// <summary>A semver version (<c>0.2.0</c>, <c>1.0.0-rc.1+build.5</c>) as raw text, starting right here.</summary>
    public (string Version, WitSpan Span) ReadVersion()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t')
        {
            _position++;
        }

        int start = _position;
        // A '.' ends the version unless a letter or digit follows: `use a:b/c@1.0.0.{t}` goes on with '.{'.
        while (_position < _text.Length
            && (IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+'
                || (_text[_position] == '.' && IsAsciiLetterOrDigit(Peek(1)))))
        {
            _position++;
        }

        string version = _text.Substring(start, _position - start);
        var span = new WitSpan(start, _position - start);
        int core = version.IndexOfAny(new[] { '-', '+' });
        string[] numbers = (core < 0 ? version : version.Substring(0, core)).Split('.');
        foreach (string number in numbers)
        {
            if (numbers.Length != 3 || number.Length == 0 || (number.Length > 1 && number[0] == '0') || !IsDigits(number))
            {
                throw new WitException($"'{version}' is not a semver version such as 0.1.0", span.Length == 0 ? new WitSpan(start, 1) : span);
            }
        }

        return (version, span);
    }

    /// <summary>Why <paramref name="name"/> is not kebab-case words, each all lower-case or all upper-case, each starting with a letter.</summary>
    public static string? IdentifierProblem(string name)
    {
        foreach (string word in name.Split('-'))
        {
            if (word.Length == 0)
            {
                return "its words are separated by single '-', with none at either end";
            }

            if (!char.IsLetter(word[0]) || word[0] > 'z')
            {
                return $"the word '{word}' does not start with a letter";
            }

            bool lower = true, upper = true;
            foreach (char ch in word)
            {
                lower &= ch is >= 'a' and <= 'z' or >= '0' and <= '9';
                upper &= ch is >= 'A' and <= 'Z' or >= '0' and <= '9';
            }

            if (!lower && !upper)
            {
                return $"the word '{word}' mixes lower-case and upper-case letters";
            }
        }

        return null;
    }

    private static bool IsDigits(string s)
    {
        foreach (char ch in s)
        {
            if (ch is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    private static bool IsIdentifierChar(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-';

    private static string Printable(char c) => c < ' ' ? "\\u" + ((int)c).ToString("x4") : c.ToString();

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private void SkipTrivia(StringBuilder docs)
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                int start = _position;
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }

                string line = _text.Substring(start, _position - start).TrimEnd('\r');
                if (line.StartsWith("///", System.StringComparison.Ordinal) && !line.StartsWith("////", System.StringComparison.Ordinal))
                {
                    string text = line.Substring(3);
                    docs.Append(text.StartsWith(" ", System.StringComparison.Ordinal) ? text.Substring(1) : text).Append('\n');
                }
                else
                {
                    docs.Clear();
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                int start = _position;
                bool isDoc = Peek(2) == '*' && Peek(3) != '*' && Peek(3) != '/';
                SkipBlockComment();
                if (isDoc)
                {
                    foreach (string line in _text.Substring(start + 3, _position - start - 5).Split('\n'))
                    {
                        docs.Append(line.Trim().TrimStart('*').Trim()).Append('\n');
                    }
                }
                else
                {
                    docs.Clear();
                }
            }
            else if (c < ' ' || c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069')
            {
                throw new WitException($"the control or bidirectional-override character '{Printable(c)}' is not allowed in WIT", new WitSpan(_position, 1));
            }
            else
            {
                return;
            }
        }
    }

    private void SkipBlockComment()
    {
        int start = _position;
        int depth = 0;
        while (_position < _text.Length)
        {
            if (_text[_position] == '/' && Peek(1) == '*')
            {
                depth++;
                _position += 2;
            }
            else if (_text[_position] == '*' && Peek(1) == '/')
            {
                depth--;
                _position += 2;
                if (depth == 0)
                {
                    return;
                }
            }
            else
            {
                _position++;
            }
        }

        throw new WitException("the block comment is not closed with '*/'", new WitSpan(start, 2));
    }

    private string ReadString(int start)
    {
        _position++;
        var value = new StringBuilder();
        while (_position < _text.Length && _text[_position] != '"')
        {
            if (_text[_position] == '\n')
            {
                break;
            }

            value.Append(_text[_position++]);
        }

        if (_position >= _text.Length || _text[_position] != '"')
        {
            throw new WitException("the string literal is not closed with '\"'", new WitSpan(start, 1));
        }

        _position++;
        return value.ToString();
    }
}
