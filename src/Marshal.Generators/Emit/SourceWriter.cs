using System.Text;

namespace WasmMarshal.Generators.Emit;

/// <summary>Writes indented C# with <c>\n</c> line endings, whatever the host platform.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
        return this;
    }

    public SourceWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Where the next line starts, for <see cref="Since"/> and <see cref="RemoveLine"/>.</summary>
    public int Mark => _builder.Length;

    /// <summary>The text written since <paramref name="mark"/>.</summary>
    public string Since(int mark) => _builder.ToString(mark, _builder.Length - mark);

    /// <summary>Removes the line that starts at <paramref name="mark"/>.</summary>
    public void RemoveLine(int mark)
    {
        int end = _builder.ToString(mark, _builder.Length - mark).IndexOf('\n');
        _builder.Remove(mark, end < 0 ? _builder.Length - mark : end + 1);
    }

    public override string ToString() => _builder.ToString();
}
