using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Diagnostics;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing;

/// <summary>
/// Reads [WasmCount] and [WasmCapacity] on the parameters of one method: a buffer passed as one bare pointer, sized by
/// another parameter. Each use is checked against every other (WASM020 to WASM024, naming both parameters) before any
/// parameter is marked, so that a method with an inconsistent use is not bound at all.
/// </summary>
internal static class SizedBuffers
{
    public const string CountAttribute = "WasmMarshal.WasmCountAttribute";
    public const string CapacityAttribute = "WasmMarshal.WasmCapacityAttribute";

    public delegate void Reporter(DiagnosticDescriptor descriptor, Location? location, params object[] arguments);

    private readonly record struct Use(int Buffer, int Target, SizeKind Kind, Location? Location);

    /// <summary>Marks the sized buffers and their size parameters in <paramref name="parameters"/>; returns why the method cannot be bound, or null.</summary>
    public static string? Resolve(IMethodSymbol method, List<ValueModel> parameters, InterfaceDirection direction, string display, Reporter report)
    {
        string? unsupported = null;
        var uses = new List<Use>();
        for (int index = 0; index < method.Parameters.Length; index++)
        {
            var symbol = method.Parameters[index];
            var count = Find(symbol, CountAttribute);
            var capacity = Find(symbol, CapacityAttribute);
            if (count is null && capacity is null)
            {
                continue;
            }

            var value = parameters[index];
            var location = symbol.Locations.FirstOrDefault();
            bool isCapacity = capacity is not null;
            string attribute = isCapacity ? "WasmCapacity" : "WasmCount";
            string what = isCapacity ? "length" : "element count";
            string? misplaced = null;
            if (count is not null && capacity is not null)
            {
                misplaced = "a buffer is either counted by an input ([WasmCount]) or an output with a capacity ([WasmCapacity]), not both";
            }
            else if (direction == InterfaceDirection.Export)
            {
                misplaced = "only [WasmImport] methods pass sized buffers so far; a [WasmExport] method receives spans as (pointer, count)";
            }
            else if (value.Shape == ValueShape.Unsupported)
            {
                continue; // already reported (WASM002 or WASM009)
            }
            else if (!isCapacity && value.Shape is not (ValueShape.Span or ValueShape.ReadOnlySpan or ValueShape.Array))
            {
                misplaced = $"it applies to a span or array, and '{symbol.Name}' is '{symbol.Type.ToDisplayString()}'";
            }
            else if (isCapacity && value.Shape != ValueShape.Span)
            {
                misplaced = $"it applies to a Span<T> the guest writes into, and '{symbol.Name}' is '{symbol.Type.ToDisplayString()}'";
            }

            if (misplaced is not null)
            {
                report(DiagnosticDescriptors.SizeAttributeMisplaced, location, attribute, symbol.Name, display, misplaced);
                unsupported ??= $"[{attribute}] on parameter '{symbol.Name}' does not apply (WASM024)";
                continue;
            }

            string? name = (capacity ?? count)!.ConstructorArguments.FirstOrDefault().Value as string;
            int target = name is null ? -1 : method.Parameters.Select(p => p.Name).ToList().IndexOf(name);
            if (target < 0)
            {
                report(DiagnosticDescriptors.SizeParameterMissing, location, symbol.Name, display, what, name ?? "");
                unsupported ??= $"parameter '{symbol.Name}' takes its {what} from a parameter that does not exist (WASM020)";
                continue;
            }

            var sizer = method.Parameters[target];
            if (target == index)
            {
                report(DiagnosticDescriptors.ConflictingSizeParameter, location, symbol.Name, display, what, name!, "a parameter cannot size itself");
                unsupported ??= $"parameter '{symbol.Name}' sizes itself (WASM023)";
                continue;
            }

            if (!isCapacity && !IsCount(sizer, parameters[target]))
            {
                report(DiagnosticDescriptors.CountParameterNotInteger, location, symbol.Name, display, name!, Describe(sizer));
                unsupported ??= $"the count '{name}' of parameter '{symbol.Name}' is not an integer passed by value (WASM021)";
                continue;
            }

            if (isCapacity && !IsLengthCell(sizer))
            {
                report(DiagnosticDescriptors.LengthParameterNotByRef, location, symbol.Name, display, name!, Describe(sizer));
                unsupported ??= $"the length '{name}' of parameter '{symbol.Name}' is not a ref or out int or uint (WASM022)";
                continue;
            }

            uses.Add(new Use(index, target, isCapacity ? SizeKind.CapacityIn : SizeKind.CountedBy, location));
        }

        // A length cell belongs to one buffer. (Counts may be shared, and a count, passed by value, can never also be a
        // length cell, passed by reference: WASM021 and WASM022 already tell those apart.)
        var valid = new List<Use>();
        foreach (var use in uses)
        {
            var shared = uses.FirstOrDefault(u => u.Buffer != use.Buffer && u.Target == use.Target && u.Kind == SizeKind.CapacityIn);
            if (use.Kind == SizeKind.CapacityIn && shared.Kind == SizeKind.CapacityIn)
            {
                string buffer = method.Parameters[use.Buffer].Name;
                string sizer = method.Parameters[use.Target].Name;
                report(DiagnosticDescriptors.ConflictingSizeParameter, use.Location, buffer, display, "length", sizer,
                    $"'{sizer}' is also the length of '{method.Parameters[shared.Buffer].Name}', and a length cell belongs to one buffer");
                unsupported ??= $"parameters '{buffer}' and '{method.Parameters[shared.Buffer].Name}' share the length cell '{sizer}' (WASM023)";
                continue;
            }

            valid.Add(use);
        }

        if (unsupported is not null)
        {
            return unsupported;
        }

        foreach (var use in valid)
        {
            parameters[use.Buffer] = parameters[use.Buffer] with
            {
                Sizing = use.Kind,
                SizeParameter = use.Target,
                SizeParameterName = parameters[use.Target].Name,
            };
            if (use.Kind == SizeKind.CapacityIn)
            {
                parameters[use.Target] = parameters[use.Target] with
                {
                    Sizing = SizeKind.LengthOf,
                    SizeParameter = use.Buffer,
                    SizeParameterName = parameters[use.Buffer].Name,
                };
            }
        }

        return null;
    }

    private static AttributeData? Find(IParameterSymbol parameter, string attribute) =>
        parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attribute);

    private static bool IsCount(IParameterSymbol parameter, ValueModel value) =>
        parameter.RefKind == RefKind.None && value.Shape == ValueShape.Scalar && value.EnumDisplay is null
        && value.Scalar is ScalarKind.I8 or ScalarKind.U8 or ScalarKind.I16 or ScalarKind.U16 or ScalarKind.I32 or ScalarKind.U32
            or ScalarKind.I64 or ScalarKind.U64;

    private static bool IsLengthCell(IParameterSymbol parameter) =>
        parameter.RefKind is RefKind.Ref or RefKind.Out
        && parameter.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32;

    private static string Describe(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.None => parameter.Type.ToDisplayString(),
        RefKind.Ref => "ref " + parameter.Type.ToDisplayString(),
        RefKind.Out => "out " + parameter.Type.ToDisplayString(),
        RefKind.In => "in " + parameter.Type.ToDisplayString(),
        _ => "ref readonly " + parameter.Type.ToDisplayString(),
    };
}
