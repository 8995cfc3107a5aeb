using System.Linq;
using WasmMarshal.Generators.Abi;

namespace WasmMarshal.Generators.Emit;

/// <summary>
/// Every identifier generated code declares inside a method, named here from a parameter's index and a role, never from a
/// user's name. The stub re-declares each parameter as <c>__a0</c>, <c>__a1</c>..., so no user name is in scope at all and
/// none can collide with these; user names appear only in string literals.
/// </summary>
internal static class Locals
{
    public const string Method = "__method";
    public const string View = "__view";
    public const string Result = "__result";
    public const string ReturnArea = "__ret_area";
    public const string ReturnCore = "__ret_core";

    /// <summary>The identifier of parameter <paramref name="index"/> in the stub's declaration.</summary>
    public static string Parameter(int index) => "__a" + index;

    /// <summary>A local of a value: <c>__a0_ptr</c> for parameter 0, <c>__ret_ptr</c> for the return value.</summary>
    public static string Of(int index, string role) =>
        (index == LoweredValue.ReturnIndex ? "__ret" : Parameter(index)) + "_" + role;

    /// <summary>
    /// The import stub's delegate field for export <paramref name="index"/>: numbered, so that no two wasm names can
    /// collide, and named after the wasm name for readability.
    /// </summary>
    public static string ExportField(int index, string wasmName) => "__wasmExport" + index + "_" + Identifier(wasmName);

    /// <summary>The export binder's local holding host function <paramref name="index"/>, named like <see cref="ExportField"/>.</summary>
    public static string ImportFunction(int index, string wasmName) => "__wasmImport" + index + "_" + Identifier(wasmName);

    /// <summary>
    /// The import stub's delegate field for the guest export that frees returned buffers ([return: WasmFree]): one per
    /// export name, shared by the methods that name it, so the name is escaped one to one (<c>_</c> doubles, any other
    /// character that is not a letter or digit becomes <c>_xHHHH</c>).
    /// </summary>
    public static string FreeExportField(string export) =>
        "__wasmFree_" + string.Concat(export.Select(c => c == '_' ? "__" : char.IsLetterOrDigit(c) && c < 128 ? c.ToString() : "_x" + ((int)c).ToString("X4")));

    private static string Identifier(string wasmName) =>
        new(wasmName.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>The local that holds a core slot, as an export lambda receives it.</summary>
    public static string Slot(CoreSlot slot) => slot.Role switch
    {
        SlotRole.ReturnArea => ReturnArea,
        SlotRole.Pointer => Of(slot.Value, "ptr"),
        SlotRole.Length => Of(slot.Value, "len"),
        _ => Of(slot.Value, "core"),
    };
}
