using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Diagnostics;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing;

/// <summary>
/// Reads the attributes of C library pointers that no other parameter sizes in the usual way: [WasmFixedLength] on a
/// span (exactly N elements), and on the return value [WasmCount] (an array counted by an out parameter),
/// [WasmFree] (freed through a named export) and [WasmBorrowed] (never freed). Every inconsistent use is WASM028,
/// WASM029 or WASM040, naming both parameters where two are involved, and leaves the method unbound.
/// </summary>
internal static class ReturnedBuffers
{
    public const string FixedLengthAttribute = "WasmMarshal.WasmFixedLengthAttribute";
    public const string FreeAttribute = "WasmMarshal.WasmFreeAttribute";
    public const string BorrowedAttribute = "WasmMarshal.WasmBorrowedAttribute";
    public const string LibraryHeaderAttribute = "WasmMarshal.WasmLibraryHeaderAttribute";

    /// <summary>Marks [WasmFixedLength] buffers; returns why the method cannot be bound, or null.</summary>
    public static string? ResolveFixed(IMethodSymbol method, List<ValueModel> parameters, InterfaceDirection direction, string display, SizedBuffers.Reporter report)
    {
        string? unsupported = null;
        for (int index = 0; index < method.Parameters.Length; index++)
        {
            var symbol = method.Parameters[index];
            var attribute = Find(symbol.GetAttributes(), FixedLengthAttribute);
            if (attribute is null)
            {
                continue;
            }

            int length = attribute.ConstructorArguments.FirstOrDefault().Value is int n ? n : 0;
            var value = parameters[index];
            string? problem = null;
            if (value.Shape == ValueShape.Unsupported)
            {
                continue; // already reported
            }

            if (direction == InterfaceDirection.Export)
            {
                problem = "only [WasmImport] methods pass fixed-size buffers so far";
            }
            else if (value.Shape is not (ValueShape.Span or ValueShape.ReadOnlySpan or ValueShape.Array))
            {
                problem = $"it applies to a span or array, and '{symbol.Name}' is '{symbol.Type.ToDisplayString()}'";
            }
            else if (length <= 0)
            {
                problem = "the length must be at least 1";
            }
            else if (value.Sizing == SizeKind.CountedBy || value.Sizing == SizeKind.CapacityIn)
            {
                problem = $"'{symbol.Name}' is already sized by '{value.SizeParameterName}'; a buffer has a fixed length or a size parameter, not both";
            }

            if (problem is not null)
            {
                report(DiagnosticDescriptors.FixedLengthMisplaced, symbol.Locations.FirstOrDefault(), length, symbol.Name, display, problem);
                unsupported ??= $"[WasmFixedLength] on parameter '{symbol.Name}' does not apply (WASM040)";
                continue;
            }

            parameters[index] = value with { Sizing = SizeKind.Fixed, FixedLength = length };
        }

        return unsupported;
    }

    /// <summary>Applies [return: WasmCount], [return: WasmFree] and [return: WasmBorrowed]; returns why the method cannot be bound, or null.</summary>
    public static string? ResolveReturn(IMethodSymbol method, List<ValueModel> parameters, ref ValueModel returned, InterfaceDirection direction, string display, SizedBuffers.Reporter report)
    {
        var attributes = method.GetReturnTypeAttributes();
        var count = Find(attributes, SizedBuffers.CountAttribute);
        var free = Find(attributes, FreeAttribute);
        var borrowed = Find(attributes, BorrowedAttribute);
        if (count is null && free is null && borrowed is null)
        {
            return null;
        }

        var location = method.Locations.FirstOrDefault();
        if (returned.Shape == ValueShape.Unsupported)
        {
            return null; // already reported
        }

        string attribute = free is not null ? "WasmFree" : borrowed is not null ? "WasmBorrowed" : "WasmCount";
        string? problem = null;
        string? export = free?.ConstructorArguments.FirstOrDefault().Value as string;
        bool cString = returned.Shape == ValueShape.String && returned.Encoding == StringEncoding.Utf8NulTerminated;
        if (direction == InterfaceDirection.Export)
        {
            problem = "only [WasmImport] methods receive returned buffers this way so far";
        }
        else if (free is not null && borrowed is not null)
        {
            problem = "a returned buffer is either freed through an export ([WasmFree]) or never freed ([WasmBorrowed]), not both";
        }
        else if (count is not null && returned.Shape != ValueShape.Array)
        {
            attribute = "WasmCount";
            problem = $"it applies to a returned array (T[]), and the return type is '{method.ReturnType.ToDisplayString()}'";
        }
        else if (count is null && !cString)
        {
            problem = returned.Shape == ValueShape.Array
                ? "a returned array comes back as one pointer only with [return: WasmCount(nameof(count))] naming its count"
                : $"it applies to a returned NUL-terminated string ([WasmString(WasmStringEncoding.Utf8NulTerminated)]) or a returned array with [return: WasmCount], and the return type is '{method.ReturnType.ToDisplayString()}'"
                    + (returned.Shape == ValueShape.String ? " in another encoding" : "");
        }
        else if (free is not null && string.IsNullOrWhiteSpace(export))
        {
            problem = "the name of the export that frees the buffer is empty";
        }

        if (problem is not null)
        {
            report(DiagnosticDescriptors.ReturnAttributeMisplaced, location, attribute, display, problem);
            return $"[return: {attribute}] does not apply (WASM028)";
        }

        if (count is not null)
        {
            string name = count.ConstructorArguments.FirstOrDefault().Value as string ?? "";
            int target = method.Parameters.Select(p => p.Name).ToList().IndexOf(name);
            string? invalid = null;
            if (target < 0)
            {
                invalid = $"'{display}' has no parameter named '{name}'";
            }
            else
            {
                var sizer = method.Parameters[target];
                if (sizer.RefKind is not (RefKind.Out or RefKind.Ref)
                    || sizer.Type.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_UInt32))
                {
                    invalid = $"'{name}' must be an out or ref int or uint (the guest stores the count through a pointer), and is '{Describe(sizer)}'";
                }
                else if (parameters[target].Sizing != SizeKind.None)
                {
                    invalid = $"'{name}' is also the length of parameter '{parameters[target].SizeParameterName}'; a count cell belongs to one buffer";
                }
            }

            if (invalid is not null)
            {
                report(DiagnosticDescriptors.ReturnCountParameterInvalid, location, display, name, invalid);
                return $"the count '{name}' of the return value is not an out or ref int or uint (WASM029)";
            }

            returned = returned with { Sizing = SizeKind.ReturnCountedBy, SizeParameter = target, SizeParameterName = name };
        }

        returned = returned with
        {
            Owner = free is not null ? ReturnedOwner.FreeExport : borrowed is not null ? ReturnedOwner.Borrowed : ReturnedOwner.GuestHeap,
            FreeExport = export,
        };
        return null;
    }

    /// <summary>The header named by [WasmLibraryHeader] on an interface, or null; WASM041 when it cannot apply.</summary>
    public static string? LibraryHeader(INamedTypeSymbol type, InterfaceDirection direction, bool canonical, SizedBuffers.Reporter report)
    {
        var attribute = Find(type.GetAttributes(), LibraryHeaderAttribute);
        if (attribute is null)
        {
            return null;
        }

        string header = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
        string? problem = string.IsNullOrWhiteSpace(header) ? "the header name is empty"
            : header.IndexOfAny(new[] { '"', '<', '>', '\n', '\r' }) >= 0 ? "the header name must not contain quotes, angle brackets or line breaks"
            : direction == InterfaceDirection.Export ? "a library's header declares the functions the library exports, so it applies to [WasmImport] interfaces"
            : canonical ? "a canonical-ABI interface is described by its WIT, not a C header"
            : null;
        if (problem is not null)
        {
            report(DiagnosticDescriptors.LibraryHeaderInvalid, type.Locations.FirstOrDefault(), header, type.Name, problem);
            return null;
        }

        return header;
    }

    private static AttributeData? Find(IEnumerable<AttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == name);

    private static string Describe(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.None => parameter.Type.ToDisplayString(),
        RefKind.Ref => "ref " + parameter.Type.ToDisplayString(),
        RefKind.Out => "out " + parameter.Type.ToDisplayString(),
        RefKind.In => "in " + parameter.Type.ToDisplayString(),
        _ => "ref readonly " + parameter.Type.ToDisplayString(),
    };
}
