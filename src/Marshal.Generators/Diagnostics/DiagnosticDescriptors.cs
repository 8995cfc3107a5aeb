using Microsoft.CodeAnalysis;

namespace WasmMarshal.Generators.Diagnostics;

/// <summary>
/// Every diagnostic WasmMarshal reports. IDs are stable; each is listed in AnalyzerReleases.*.md and explained, with a
/// wrong and a fixed declaration, in its own section of docs/diagnostics.md, which its help link opens.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "WasmMarshal";

    /// <summary>The one place the documentation's address is written; each ID's section has the anchor of its lower-case ID.</summary>
    private const string HelpLinkBase = "https://github.com/wasmmarshal/wasmmarshal/blob/main/docs/diagnostics.md";

    private static string HelpLink(string id) => HelpLinkBase + "#" + id.ToLowerInvariant();

    public static readonly DiagnosticDescriptor InterfaceNotPartial = new(
        "WASM001", "Interface must be partial",
        "Interface '{0}' must be declared partial so that WasmMarshal can add its generated binding",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM001"));

    public static readonly DiagnosticDescriptor UnsupportedParameterType = new(
        "WASM002", "Parameter type cannot cross to wasm",
        "Parameter '{0}' of '{1}' has type '{2}', which cannot cross to wasm: {3}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM002"));

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        "WASM003", "Return type cannot cross to wasm",
        "'{0}' returns '{1}', which cannot cross to wasm: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM003"));

    public static readonly DiagnosticDescriptor StructLayoutMismatch = new(
        "WASM004", "Struct layout differs from the wasm32 C layout",
        "Struct '{0}' (used by '{1}') cannot cross to wasm: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM004"));

    public static readonly DiagnosticDescriptor TooManyCoreParameters = new(
        "WASM005", "Too many core wasm parameters",
        "'{0}' lowers to {1} core wasm parameters, but Wasmtime .NET {2} supports at most {3}; pass a struct by 'in' instead of many arguments",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM005"));

    public static readonly DiagnosticDescriptor DuplicateWasmName = new(
        "WASM006", "Two methods map to the same wasm name",
        "'{0}' and '{1}' both map to the wasm name '{2}'; give one of them [WasmName]",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM006"));

    public static readonly DiagnosticDescriptor UnsupportedMember = new(
        "WASM007", "Member cannot be bound to wasm",
        "'{0}' cannot be bound to wasm: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM007"));

    public static readonly DiagnosticDescriptor StringAttributeOnNonString = new(
        "WASM008", "[WasmString] on a value that is not a string",
        "[WasmString] is applied to '{0}' of '{1}', whose type '{2}' is not string",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM008"));

    public static readonly DiagnosticDescriptor UnsupportedRefKind = new(
        "WASM009", "Unsupported ref kind",
        "Parameter '{0}' of '{1}' is passed by '{2}', which is not supported for {3}; {4}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM009"));

    public static readonly DiagnosticDescriptor SingleScalarStructByValue = new(
        "WASM010", "Struct with one scalar passed by value",
        "'{0}' passes struct '{1}' by value, but it holds a single scalar, which the wasm32 C ABI passes as that scalar, not by pointer; pass it with 'in' (a C pointer) or pass the scalar itself",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM010"));

    public static readonly DiagnosticDescriptor BothDirections = new(
        "WASM011", "Interface is both [WasmImport] and [WasmExport]",
        "Interface '{0}' has both [WasmImport] and [WasmExport]; declare one interface per direction",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM011"));

    public static readonly DiagnosticDescriptor InvalidWasmName = new(
        "WASM012", "Invalid wasm name",
        "'{0}' has the wasm name '{1}', which is not valid: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM012"));

    public static readonly DiagnosticDescriptor UnsupportedInterfaceShape = new(
        "WASM013", "Interface shape not supported",
        "Interface '{0}' cannot be bound to wasm: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM013"));

    public static readonly DiagnosticDescriptor ReservedExportName = new(
        "WASM014", "Export name collides with a toolchain or runtime export",
        "'{0}' has the wasm name '{1}', which collides with {2}; give it another name with [WasmName]",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM014"));

    public static readonly DiagnosticDescriptor NotExpressibleInCanonicalAbi = new(
        "WASM015", "Member cannot be expressed in the canonical ABI",
        "'{0}' cannot be expressed in the component model's canonical ABI: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM015"));

    public static readonly DiagnosticDescriptor InvalidWitInterfaceName = new(
        "WASM016", "Invalid WIT interface name",
        "Interface '{0}' has the WIT interface name '{1}', which is not valid: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM016"));
    // WASM020-WASM024: [WasmCount] and [WasmCapacity], the buffers sized by another parameter (docs/guests/existing-c-libraries.md).
    public static readonly DiagnosticDescriptor SizeParameterMissing = new(
        "WASM020", "Size parameter not found",
        "Parameter '{0}' of '{1}' takes its {2} from '{3}', but '{1}' has no parameter named '{3}'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM020"));

    public static readonly DiagnosticDescriptor CountParameterNotInteger = new(
        "WASM021", "Count parameter is not an integer",
        "Parameter '{0}' of '{1}' takes its element count from '{2}', which must be an integer passed by value, but is '{3}'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM021"));

    public static readonly DiagnosticDescriptor LengthParameterNotByRef = new(
        "WASM022", "Length parameter is not a ref or out 32-bit integer",
        "Parameter '{0}' of '{1}' reports its length through '{2}', which must be a ref or out int or uint (a pointer to a 32-bit length), but is '{3}'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM022"));

    public static readonly DiagnosticDescriptor ConflictingSizeParameter = new(
        "WASM023", "Size parameter used in conflicting ways",
        "Parameter '{0}' of '{1}' cannot take its {2} from '{3}': {4}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM023"));

    public static readonly DiagnosticDescriptor SizeAttributeMisplaced = new(
        "WASM024", "Size attribute on a parameter it cannot apply to",
        "[{0}] on parameter '{1}' of '{2}' does not apply: {3}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM024"));

    // WASM025-WASM027: callbacks through the guest's function table (docs/guests/existing-c-libraries.md).
    public static readonly DiagnosticDescriptor CallbackValueUnsupported = new(
        "WASM025", "Callback delegate has a parameter or return type that cannot cross",
        "The callback '{0}' of '{1}' cannot be bound: {2} of type '{3}' cannot cross: {4}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM025"));

    public static readonly DiagnosticDescriptor CallbackMisplaced = new(
        "WASM026", "Callback where the guest cannot receive one",
        "Parameter '{0}' of '{1}' is a callback ('{2}'), but {3}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM026"));

    public static readonly DiagnosticDescriptor CallbackDelegateShape = new(
        "WASM027", "Callback delegate cannot become a host function",
        "The callback '{0}' of '{1}' cannot be bound: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM027"));

    // WASM028, WASM029, WASM040-WASM041: returned buffers, fixed-size buffers and the library's own header (docs/guests/existing-c-libraries.md).
    public static readonly DiagnosticDescriptor ReturnAttributeMisplaced = new(
        "WASM028", "Returned-buffer attribute on a return value it cannot apply to",
        "[{0}] on the return value of '{1}' does not apply: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM028"));

    public static readonly DiagnosticDescriptor ReturnCountParameterInvalid = new(
        "WASM029", "Return count parameter is not an out or ref 32-bit integer",
        "The return value of '{0}' takes its element count from '{1}', but {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM029"));

    public static readonly DiagnosticDescriptor FixedLengthMisplaced = new(
        "WASM040", "[WasmFixedLength] on a parameter it cannot apply to",
        "[WasmFixedLength({0})] on parameter '{1}' of '{2}' does not apply: {3}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM040"));

    public static readonly DiagnosticDescriptor LibraryHeaderInvalid = new(
        "WASM041", "[WasmLibraryHeader] cannot apply",
        "[WasmLibraryHeader(\"{0}\")] on '{1}' does not apply: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM041"));

    // WASM030-WASM039: WIT in, the .wit files given as AdditionalFiles (docs/component-model.md, "Start from WIT").
    // The generator reports them (the analyzer sees C# only), at the file, line and column of the WIT text.
    public static readonly DiagnosticDescriptor WitSyntaxError = new(
        "WASM030", "WIT syntax error",
        "WIT syntax error: {0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM030"));

    public static readonly DiagnosticDescriptor WitResolveError = new(
        "WASM031", "WIT name cannot be resolved",
        "WIT resolve error: {0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM031"));

    public static readonly DiagnosticDescriptor WitWorldNotSelected = new(
        "WASM032", "No WIT world to bind",
        "No WIT world to bind: {0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM032"));

    public static readonly DiagnosticDescriptor WitNotSupported = new(
        "WASM033", "WIT construct not supported",
        "WIT construct not supported: {0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLink("WASM033"));

    /// <summary>The diagnostics only the generator reports (the analyzer does not see AdditionalFiles).</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> GeneratorOnly =
        System.Collections.Immutable.ImmutableArray.Create(WitSyntaxError, WitResolveError, WitWorldNotSelected, WitNotSupported);

    /// <summary>The descriptor of <paramref name="id"/>, for diagnostics carried through the pipeline as their ID.</summary>
    public static DiagnosticDescriptor? ById(string id)
    {
        foreach (var field in typeof(DiagnosticDescriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            if (field.GetValue(null) is DiagnosticDescriptor descriptor && descriptor.Id == id)
            {
                return descriptor;
            }
        }

        return null;
    }
}

/// <summary>
/// Keys of <see cref="Diagnostic.Properties"/> that the code fixes (WasmMarshal.CodeFixes) read; the names are part of
/// the contract between the two assemblies, so they are spelled the same in both.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>WASM004: the name of the bool field to mark [MarshalAs(UnmanagedType.U1)]; its declaration is the additional location.</summary>
    public const string BoolField = "BoolField";

    /// <summary>WASM006 and WASM014: a free wasm name for [WasmName].</summary>
    public const string ProposedWasmName = "ProposedWasmName";
}
