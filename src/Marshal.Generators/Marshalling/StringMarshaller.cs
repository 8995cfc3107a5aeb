using System.Collections.Generic;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Emit;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Marshalling;

/// <summary>
/// Strings: <c>(ptr, length)</c> for UTF-8, Latin-1 and UTF-16 (length in code units), one pointer for
/// NUL-terminated UTF-8. <c>null</c> is a null pointer; an empty string has a non-null pointer. Returned
/// (ptr, length) pairs come back through an 8-byte return area.
/// </summary>
internal sealed class StringMarshaller : ValueMarshaller
{
    public StringMarshaller(LoweredValue value)
        : base(value)
    {
    }

    private bool IsCString => Value.Encoding == StringEncoding.Utf8NulTerminated;

    private string Marshaller => Lowering.StringMarshaller(Value.Encoding);

    private int UnitSize => Lowering.UnitSize(Value.Encoding);

    private string Align => UnitSize == 2 ? "2u" : "1u";

    private string LengthFromSize(string size) => UnitSize == 2 ? $"{size} / 2u" : size;

    private string SizeFromLength(string length, string name) => UnitSize == 2
        ? $"global::WasmMarshal.Marshalling.SpanMarshaller.GetGuestByteCount<char>({length}, __method, {name})"
        : length;

    private string Read(string span, string name) => Value.Encoding == StringEncoding.Latin1
        ? $"{Marshaller}.Read({span})"
        : $"{Marshaller}.Read({span}, __method, {name})";

    private string NullNotAllowed(string name) =>
        $"throw new global::WasmMarshal.WasmGuestDataException(__method, {name}, \"is a null pointer, but the C# type is a non-nullable string\");";

    // ---- import, parameter and return ----

    public override IEnumerable<string> ImportDeclare() => Value.IsReturn
        ? Lines(IsCString
            ? "uint __ret_ptr = 0, __ret_size = 0;"
            : "uint __ret_area = 0, __ret_ptr = 0, __ret_size = 0;")
        : Lines($"uint {Local("ptr")} = 0, {Local("size")} = 0;");

    public override IEnumerable<string> ImportAllocate()
    {
        if (Value.IsReturn)
        {
            return IsCString ? None : Lines($"__ret_area = {Allocate(AreaSize, AreaAlign)};");
        }

        return Lines(
            $"if ({Id} is not null)",
            "{",
            $"    {Local("size")} = {Marshaller}.GetByteCount({Id}, __method, {NameLiteral});",
            $"    {Local("ptr")} = {Allocate(Local("size"), Align)};",
            "}");
    }

    public override IEnumerable<string> ImportMarshal() => Value.IsReturn
        ? None
        : Lines($"if ({Id} is not null) {Marshaller}.Write({Id}, __view.Bytes({Local("ptr")}, {Local("size")}, __method, {NameLiteral}));");

    public override string ImportArgument(SlotRole role) => role switch
    {
        SlotRole.ReturnArea => Int(Locals.ReturnArea),
        SlotRole.Pointer => Int(Local("ptr")),
        _ => Int(LengthFromSize(Local("size"))),
    };

    public override string ImportInvoke(string call) => IsCString ? $"int __ret_core = {call};" : call + ";";

    public override IEnumerable<string> ImportUnmarshal()
    {
        if (!Value.IsReturn)
        {
            return None;
        }

        var lines = new List<string>();
        if (IsCString)
        {
            lines.Add("uint __ret_address = unchecked((uint)__ret_core);");
        }
        else
        {
            lines.Add("ulong __ret_pair = __view.Read<ulong>(__ret_area, __method, \"return\");");
            lines.Add("uint __ret_address = unchecked((uint)__ret_pair);");
        }

        lines.Add("if (__ret_address != 0)");
        lines.Add("{");
        if (IsCString)
        {
            lines.Add("    global::System.ReadOnlySpan<byte> __ret_bytes = __view.NulTerminated(__ret_address, __method, \"return\");");
            lines.Add("    __ret_ptr = __ret_address;");
            lines.Add("    __ret_size = (uint)__ret_bytes.Length + 1u;");
            lines.Add("    __result = global::WasmMarshal.Marshalling.Utf8Marshaller.Read(__ret_bytes, __method, \"return\");");
        }
        else
        {
            lines.Add($"    uint __ret_bytes = {SizeFromLength("unchecked((uint)(__ret_pair >> 32))", "\"return\"")};");
            lines.Add("    global::System.Span<byte> __ret_span = __view.Bytes(__ret_address, __ret_bytes, __method, \"return\");");
            lines.Add("    __ret_ptr = __ret_address;");
            lines.Add("    __ret_size = __ret_bytes;");
            lines.Add("    __result = " + Read("__ret_span", "\"return\"") + ";");
        }

        lines.Add("}");
        if (!Value.IsNullable)
        {
            lines.Add("else");
            lines.Add("{");
            lines.Add("    " + NullNotAllowed("\"return\""));
            lines.Add("}");
        }

        return lines;
    }

    public override IEnumerable<string> ImportCleanup()
    {
        if (!Value.IsReturn)
        {
            return Lines($"if ({Local("ptr")} != 0) __wasmGuest.Release(__allocator, {Local("ptr")}, {Local("size")}, {Align}, __method);");
        }

        var free = $"if (__ret_ptr != 0) __wasmGuest.Release(__guestHeap, __ret_ptr, __ret_size, {Align}, __method);";
        return IsCString ? Lines(free) : Lines(free, $"if (__ret_area != 0) __wasmGuest.Release(__allocator, __ret_area, {AreaSize}, {AreaAlign}, __method);");
    }

    // ---- export, parameter and return ----

    public override IEnumerable<string> ExportUnmarshal()
    {
        string target = Local("value");
        string address = UInt(Local("ptr"));
        var lines = new List<string> { $"string? {target} = null;" };
        if (IsCString)
        {
            lines.Add($"{target} = global::WasmMarshal.Marshalling.CStringMarshaller.Read(__view, {address}, __method, {NameLiteral});");
        }
        else
        {
            lines.Add($"if ({Local("ptr")} != 0)");
            lines.Add("{");
            lines.Add($"    uint {Local("bytes")} = {SizeFromLength(UInt(Local("len")), NameLiteral)};");
            lines.Add($"    {target} = {Read($"__view.Bytes({address}, {Local("bytes")}, __method, {NameLiteral})", NameLiteral)};");
            lines.Add("}");
        }

        if (!Value.IsNullable)
        {
            lines.Add($"if ({target} is null)");
            lines.Add("{");
            lines.Add("    " + NullNotAllowed(NameLiteral));
            lines.Add("}");
        }

        return lines;
    }

    public override string ExportArgument() => Value.IsNullable ? Local("value") : Local("value") + "!";

    public override IEnumerable<string> ExportReturnAllocate() => Lines(
        "uint __ret_ptr = 0, __ret_size = 0;",
        "if (__result is not null)",
        "{",
        $"    __ret_size = {Marshaller}.GetByteCount(__result, __method, \"return\");",
        $"    __ret_ptr = guest.GuestHeap.Allocate(__ret_size, {Align}, __method, \"return\");",
        "}");

    public override IEnumerable<string> ExportReturnWrite()
    {
        var write = $"if (__result is not null) {Marshaller}.Write(__result, __view.Bytes(__ret_ptr, __ret_size, __method, \"return\"));";
        return IsCString
            ? Lines(write)
            : Lines(write,
                $"__view.Write<ulong>({UInt("__ret_area")}, ((ulong)({LengthFromSize("__ret_size")}) << 32) | __ret_ptr, __method, \"return\");");
    }

    public override string? ExportReturnExpression() => IsCString ? Int("__ret_ptr") : null;
}
