using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit;

/// <summary>
/// Tells the runtime where the <c>bool</c>s lie in every struct an interface uses (nested structs and fixed buffers
/// flattened), so that values read from the guest are normalised to 0 or 1 (<c>WasmBoolFields&lt;T&gt;</c>).
/// </summary>
internal static class BoolFieldRegistrations
{
    public static void Emit(SourceWriter writer, InterfaceModel model)
    {
        var byKey = model.Structs.ToDictionary(s => s.Key);
        foreach (var structure in model.Structs)
        {
            var offsets = new List<int>();
            Collect(structure, 0, byKey, offsets);
            if (offsets.Count > 0)
            {
                writer.Line($"global::WasmMarshal.Interop.WasmBoolFields<{structure.Key}>.Register({string.Join(", ", offsets)});");
            }
        }
    }

    private static void Collect(StructModel structure, int start, Dictionary<string, StructModel> byKey, List<int> offsets)
    {
        foreach (var field in structure.Fields)
        {
            if (field.Type.IsStruct && field.Type.Key is { } key && byKey.TryGetValue(key, out var nested))
            {
                for (int i = 0; i < field.Count; i++)
                {
                    Collect(nested, start + field.Offset + i * nested.Size, byKey, offsets);
                }
            }
            else if (field.Type.Scalar == ScalarKind.Bool && field.Type.Key is null)
            {
                for (int i = 0; i < field.Count; i++)
                {
                    offsets.Add(start + field.Offset + i);
                }
            }
        }
    }
}
