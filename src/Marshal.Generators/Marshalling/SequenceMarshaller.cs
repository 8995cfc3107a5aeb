using System.Collections.Generic;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Emit;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Marshalling;

/// <summary>
/// <c>ReadOnlySpan&lt;T&gt;</c>, <c>Span&lt;T&gt;</c> and <c>T[]</c> of unmanaged <c>T</c>: <c>(ptr, element count)</c>.
/// Empty sequences pass <c>(0, 0)</c> without allocating. <c>Span&lt;T&gt;</c> is copied back after the call. Returned
/// arrays come back through an 8-byte return area.
/// </summary>
internal sealed class SequenceMarshaller : ValueMarshaller
{
    public SequenceMarshaller(LoweredValue value)
        : base(value)
    {
    }

    private string Element => Value.ElementDisplay;

    private string Align => Value.ElementAlign + "u";

    private string Spans => "global::WasmMarshal.Marshalling.SpanMarshaller";

    private bool IsArray => Value.Shape == ValueShape.Array;

    private string Count => IsArray ? $"({Id}?.Length ?? 0)" : $"{Id}.Length";

    // ---- import ----

    public override IEnumerable<string> ImportDeclare() => Value.IsReturn
        ? Lines("uint __ret_area = 0, __ret_ptr = 0, __ret_size = 0;")
        : Lines($"uint {Local("ptr")} = 0, {Local("size")} = 0;");

    public override IEnumerable<string> ImportAllocate()
    {
        if (Value.IsReturn)
        {
            return Lines($"__ret_area = {Allocate(AreaSize, AreaAlign)};");
        }

        return Lines(
            $"if ({Count} != 0)",
            "{",
            $"    {Local("size")} = {Spans}.GetByteCount<{Element}>({Count}, __method, {NameLiteral});",
            $"    {Local("ptr")} = {Allocate(Local("size"), Align)};",
            "}");
    }

    public override IEnumerable<string> ImportMarshal() => Value.IsReturn
        ? None
        : Lines($"if ({Local("ptr")} != 0) {Spans}.Write<{Element}>({Id}, __view.Bytes({Local("ptr")}, {Local("size")}, __method, {NameLiteral}));");

    public override string ImportArgument(SlotRole role) => role switch
    {
        SlotRole.ReturnArea => Int(Locals.ReturnArea),
        SlotRole.Pointer => Int(Local("ptr")),
        _ => Count,
    };

    public override IEnumerable<string> ImportUnmarshal()
    {
        if (!Value.IsReturn)
        {
            return Value.Shape == ValueShape.Span
                ? Lines($"if ({Local("ptr")} != 0) {Spans}.ReadInto<{Element}>(__view.Bytes({Local("ptr")}, {Local("size")}, __method, {NameLiteral}), {Id});")
                : None;
        }

        return Lines(
            "ulong __ret_pair = __view.Read<ulong>(__ret_area, __method, \"return\");",
            "uint __ret_address = unchecked((uint)__ret_pair);",
            "uint __ret_count = unchecked((uint)(__ret_pair >> 32));",
            "if (__ret_address == 0)",
            "{",
            "    if (__ret_count != 0) throw new global::WasmMarshal.WasmGuestDataException(__method, \"return\", $\"is a null pointer with an element count of {__ret_count}\");",
            $"    __result = {(Value.IsNullable ? "null" : $"global::System.Array.Empty<{Element}>()")};",
            "}",
            "else",
            "{",
            $"    uint __ret_bytes = {Spans}.GetGuestByteCount<{Element}>(__ret_count, __method, \"return\");",
            "    global::System.Span<byte> __ret_span = __view.Bytes(__ret_address, __ret_bytes, __method, \"return\");",
            "    __ret_ptr = __ret_address;",
            "    __ret_size = __ret_bytes;",
            $"    __result = {Spans}.ReadArray<{Element}>(__ret_span);",
            "}");
    }

    public override IEnumerable<string> ImportCleanup() => Value.IsReturn
        ? Lines(
            $"if (__ret_ptr != 0) __wasmGuest.Release(__guestHeap, __ret_ptr, __ret_size, {Align}, __method);",
            $"if (__ret_area != 0) __wasmGuest.Release(__allocator, __ret_area, {AreaSize}, {AreaAlign}, __method);")
        : Lines($"if ({Local("ptr")} != 0) __wasmGuest.Release(__allocator, {Local("ptr")}, {Local("size")}, {Align}, __method);");

    // ---- export ----

    public override IEnumerable<string> ExportUnmarshal()
    {
        bool nullable = IsArray && Value.IsNullable;
        string target = Local("value");
        return Lines(
            $"{Element}[]{(nullable ? "?" : "")} {target};",
            $"if ({Local("ptr")} == 0)",
            "{",
            $"    if ({Local("len")} != 0) throw new global::WasmMarshal.WasmGuestDataException(__method, {NameLiteral}, $\"is a null pointer with an element count of {{{UInt(Local("len"))}}}\");",
            $"    {target} = {(nullable ? "null" : $"global::System.Array.Empty<{Element}>()")};",
            "}",
            "else",
            "{",
            $"    uint {Local("bytes")} = {Spans}.GetGuestByteCount<{Element}>({UInt(Local("len"))}, __method, {NameLiteral});",
            $"    {target} = {Spans}.ReadArray<{Element}>(__view.Bytes({UInt(Local("ptr"))}, {Local("bytes")}, __method, {NameLiteral}));",
            "}");
    }

    public override IEnumerable<string> ExportWriteBack() => Value.Shape == ValueShape.Span
        ? Lines($"if ({Local("ptr")} != 0) {Spans}.Write<{Element}>({Local("value")}, __view.Bytes({UInt(Local("ptr"))}, {Spans}.GetByteCount<{Element}>({Local("value")}.Length, __method, {NameLiteral}), __method, {NameLiteral}));")
        : None;

    public override IEnumerable<string> ExportReturnAllocate() => Lines(
        "uint __ret_ptr = 0, __ret_size = 0;",
        "int __ret_count = __result?.Length ?? 0;",
        "if (__ret_count != 0)",
        "{",
        $"    __ret_size = {Spans}.GetByteCount<{Element}>(__ret_count, __method, \"return\");",
        $"    __ret_ptr = guest.GuestHeap.Allocate(__ret_size, {Align}, __method, \"return\");",
        "}");

    public override IEnumerable<string> ExportReturnWrite() => Lines(
        $"if (__ret_ptr != 0) {Spans}.Write<{Element}>(__result, __view.Bytes(__ret_ptr, __ret_size, __method, \"return\"));",
        $"__view.Write<ulong>({UInt("__ret_area")}, ((ulong)(uint)__ret_count << 32) | __ret_ptr, __method, \"return\");");
}
