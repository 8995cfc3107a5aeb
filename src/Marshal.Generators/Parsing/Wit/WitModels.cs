using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing.Wit;

// The equatable values the WIT-in pipeline steps pass on, so that the steps cache (no syntax, no symbols).

/// <summary>One .wit file given as AdditionalFiles.</summary>
internal sealed record WitSource(string Path, string Text);

/// <summary>The MSBuild properties that steer WIT in.</summary>
/// <param name="World">WasmMarshalWitWorld: the world to bind, or empty for the only one.</param>
/// <param name="Namespace">WasmMarshalWitNamespace: the C# namespace, or empty for RootNamespace + the package name.</param>
/// <param name="RootNamespace">The project's RootNamespace.</param>
internal sealed record WitOptions(string World, string Namespace, string RootNamespace);

/// <summary>A place in a WIT file, as a diagnostic shows it (file, line and column).</summary>
internal sealed record WitLocation(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static WitLocation Of(string path, string text, WitSpan span)
    {
        var source = SourceText.From(text);
        int start = System.Math.Min(span.Start, text.Length);
        int end = System.Math.Min(span.Start + span.Length, text.Length);
        var lines = source.Lines.GetLinePositionSpan(new TextSpan(start, end - start));
        return new WitLocation(path, start, end - start, lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
    }

    public Location ToLocation() => Location.Create(Path, new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

/// <summary>A diagnostic to report: its ID (one of <see cref="Diagnostics.DiagnosticDescriptors"/>), message and place.</summary>
internal sealed record WitDiagnosticInfo(string Id, string Message, WitLocation Location);

/// <summary>Where a generated method came from, so that diagnostics about it point at the WIT function.</summary>
internal sealed record WitMethodOrigin(string CSharpName, WitLocation Location);

/// <summary>A generated C# interface and its WIT origin.</summary>
/// <param name="MetadataName">The full metadata name (<c>Demo.Wit.IApi</c>), to find it in the private compilation.</param>
internal sealed record WitInterfaceOrigin(string MetadataName, InterfaceDirection Direction, WitLocation Location, EquatableArray<WitMethodOrigin> Methods);

/// <summary>What the WIT files declare: the C# source of the declarations, the interfaces in it, and the problems.</summary>
/// <param name="Source">One C# file with every declaration, or empty when there is nothing to declare.</param>
internal sealed record WitDeclarations(string Source, EquatableArray<WitInterfaceOrigin> Interfaces, EquatableArray<WitDiagnosticInfo> Diagnostics)
{
    public static WitDeclarations Empty { get; } = new("", default, default);
}

/// <summary>The interface models of the generated declarations, for the canonical emitters, and their diagnostics.</summary>
internal sealed record WitBindings(EquatableArray<InterfaceModel> Models, EquatableArray<WitDiagnosticInfo> Diagnostics)
{
    public static WitBindings Empty { get; } = new(default, default);
}
