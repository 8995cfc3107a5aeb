using System.Collections.Generic;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Marshalling;

/// <summary>
/// <c>ReadOnlySpan&lt;T&gt;</c>, <c>Span&lt;T&gt;</c> and <c>T[]</c> of unmanaged <c>T</c>: <c>(ptr, element count)</c>.
/// Empty sequences pass <c>(0, 0)</c> without allocating. <c>Span&lt;T&gt;</c> is copied back after the call. Returned
/// arrays come back through an 8-byte return area.
/// </summary>
internal sealed class SequenceMarshaller : ValueMarshaller
{
    public SequenceMarshaller(ValueModel value)
        : base(value)
    {
    }

    private string Element => Value.ElementDisplay;

    private string Align => Value.ElementAlign + "u";

    private string Spans => "global::WasmMarshal.Marshalling.SpanMarshaller";

    private bool IsArray => Value.Shape == ValueShape.Array;

    private string Count => IsArray ? $"({Id}?.Length ?? 0)" : $"{Id}.Length";

    public override bool FreesGuestBuffer => Value.IsReturn;

    // ---- import ----

    public override IEnumerable<string> ImportDeclare() => Value.IsReturn
        ? Lines("uint __return_area = 0, __return_ptr = 0, __return_size = 0;")
        : Lines($"uint {Local("ptr")} = 0, {Local("size")} = 0;");

    public override IEnumerable<string> ImportAllocate()
    {
        if (Value.IsReturn)
        {
            return Lines($"__return_area = {Allocate("8u", "4u")};");
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

    public override IEnumerable<string> ImportArguments() => Value.IsReturn
        ? Lines(Int("__return_area"))
        : Lines(Int(Local("ptr")), Count);

    public override IEnumerable<string> ImportUnmarshal()
    {
        if (!Value.IsReturn)
        {
            return Value.Shape == ValueShape.Span
                ? Lines($"if ({Local("ptr")} != 0) {Spans}.ReadInto<{Element}>(__view.Bytes({Local("ptr")}, {Local("size")}, __method, {NameLiteral}), {Id});")
                : None;
        }

        return Lines(
            "ulong __return_pair = __view.Read<ulong>(__return_area, __method, \"return\");",
            "uint __return_address = unchecked((uint)__return_pair);",
            "uint __return_count = unchecked((uint)(__return_pair >> 32));",
            "if (__return_address == 0)",
            "{",
            "    if (__return_count != 0) throw new global::WasmMarshal.WasmGuestDataException(__method, \"return\", $\"is a null pointer with an element count of {__return_count}\");",
            $"    __result = {(Value.IsNullable ? "null" : $"global::System.Array.Empty<{Element}>()")};",
            "}",
            "else",
            "{",
            $"    uint __return_bytes = {Spans}.GetGuestByteCount<{Element}>(__return_count, __method, \"return\");",
            "    global::System.Span<byte> __return_span = __view.Bytes(__return_address, __return_bytes, __method, \"return\");",
            "    __return_ptr = __return_address;",
            "    __return_size = __return_bytes;",
            $"    __result = {Spans}.ReadArray<{Element}>(__return_span);",
            "}");
    }

    public override IEnumerable<string> ImportCleanup() => Value.IsReturn
        ? Lines(
            $"if (__return_ptr != 0) __wasmGuest.Release(__guestHeap, __return_ptr, __return_size, {Align}, __method);",
            "if (__return_area != 0) __wasmGuest.Release(__allocator, __return_area, 8u, 4u, __method);")
        : Lines($"if ({Local("ptr")} != 0) __wasmGuest.Release(__allocator, {Local("ptr")}, {Local("size")}, {Align}, __method);");

    // ---- export ----

    public override IEnumerable<string> ExportCoreParameters() => Value.IsReturn
        ? Lines("int __return_area")
        : Lines($"int {Local("ptr")}", $"int {Local("count")}");

    public override IEnumerable<string> ExportUnmarshal()
    {
        bool nullable = IsArray && Value.IsNullable;
        string target = Local("value");
        return Lines(
            $"{Element}[]{(nullable ? "?" : "")} {target};",
            $"if ({Local("ptr")} == 0)",
            "{",
            $"    if ({Local("count")} != 0) throw new global::WasmMarshal.WasmGuestDataException(__method, {NameLiteral}, $\"is a null pointer with an element count of {{{UInt(Local("count"))}}}\");",
            $"    {target} = {(nullable ? "null" : $"global::System.Array.Empty<{Element}>()")};",
            "}",
            "else",
            "{",
            $"    uint {Local("bytes")} = {Spans}.GetGuestByteCount<{Element}>({UInt(Local("count"))}, __method, {NameLiteral});",
            $"    {target} = {Spans}.ReadArray<{Element}>(__view.Bytes({UInt(Local("ptr"))}, {Local("bytes")}, __method, {NameLiteral}));",
            "}");
    }

    public override IEnumerable<string> ExportWriteBack() => Value.Shape == ValueShape.Span
        ? Lines($"if ({Local("ptr")} != 0) {Spans}.Write<{Element}>({Local("value")}, __view.Bytes({UInt(Local("ptr"))}, {Spans}.GetByteCount<{Element}>({Local("value")}.Length, __method, {NameLiteral}), __method, {NameLiteral}));")
        : None;

    public override IEnumerable<string> ExportReturnAllocate() => Lines(
        "uint __return_ptr = 0, __return_size = 0;",
        "int __return_count = __result?.Length ?? 0;",
        "if (__return_count != 0)",
        "{",
        $"    __return_size = {Spans}.GetByteCount<{Element}>(__return_count, __method, \"return\");",
        $"    __return_ptr = guest.GuestHeap.Allocate(__return_size, {Align}, __method, \"return\");",
        "}");

    public override IEnumerable<string> ExportReturnWrite() => Lines(
        $"if (__return_ptr != 0) {Spans}.Write<{Element}>(__result, __view.Bytes(__return_ptr, __return_size, __method, \"return\"));",
        $"__view.Write<ulong>({UInt("__return_area")}, ((ulong)(uint)__return_count << 32) | __return_ptr, __method, \"return\");");
}
