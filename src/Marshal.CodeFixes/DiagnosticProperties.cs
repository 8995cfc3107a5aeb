namespace WasmMarshal.CodeFixes;

/// <summary>
/// The keys of the diagnostic properties the analyzer (WasmMarshal.Generators, DiagnosticProperties) sets for the fixes;
/// spelled the same in both assemblies.
/// </summary>
internal static class DiagnosticProperties
{
    public const string BoolField = "BoolField";
    public const string ProposedWasmName = "ProposedWasmName";
}
