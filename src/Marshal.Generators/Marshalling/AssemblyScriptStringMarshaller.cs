using System.Collections.Generic;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Marshalling;

/// <summary>
/// AssemblyScript strings: one pointer to a garbage-collected String object (UTF-16, byte length at <c>ptr - 4</c>).
/// Strings the host passes in are created with the guest's <c>__new</c> and pinned for the call; strings the guest
/// returns are read in place and left to its collector, so nothing is freed on the guest heap.
/// </summary>
internal sealed class AssemblyScriptStringMarshaller : ValueMarshaller
{
    private const string Runtime = "global::WasmMarshal.Marshalling.AssemblyScriptStringMarshaller";

    public AssemblyScriptStringMarshaller(LoweredValue value)
        : base(value)
    {
    }

    private string NullNotAllowed(string name) =>
        $"throw new global::WasmMarshal.WasmGuestDataException(__method, {name}, \"is a null pointer, but the C# type is a non-nullable string\");";

    private IEnumerable<string> RejectNull(string target, string name) => Value.IsNullable
        ? None
        : Lines($"if ({target} is null)", "{", "    " + NullNotAllowed(name), "}");

    // ---- import, parameter and return ----

    public override IEnumerable<string> ImportDeclare() => Value.IsReturn ? None : Lines($"uint {Local("ptr")} = 0, {Local("size")} = 0;");

    public override IEnumerable<string> ImportAllocate() => Value.IsReturn
        ? None
        : Lines(
            $"if ({Id} is not null)",
            "{",
            $"    {Local("size")} = {Runtime}.GetByteCount({Id}, __method, {NameLiteral});",
            $"    {Local("ptr")} = {Runtime}.AllocatePinned(__allocator, {Local("size")}, __method, {NameLiteral});",
            "}");

    public override IEnumerable<string> ImportMarshal() => Value.IsReturn
        ? None
        : Lines($"if ({Id} is not null) {Runtime}.Write({Id}, __view.Bytes({Local("ptr")}, {Local("size")}, __method, {NameLiteral}));");

    public override string ImportArgument(SlotRole role) => Int(Local("ptr"));

    public override string ImportInvoke(string call) => $"int __ret_core = {call};";

    public override IEnumerable<string> ImportUnmarshal() => Value.IsReturn
        ? Concat(Lines($"__result = {Runtime}.Read(__view, unchecked((uint)__ret_core), __method, \"return\");"), RejectNull("__result", "\"return\""))
        : None;

    // The pin is released through the allocator that took it (its Free unpins).
    public override IEnumerable<string> ImportCleanup() => Value.IsReturn
        ? None
        : Lines($"if ({Local("ptr")} != 0) __wasmGuest.Release(__allocator, {Local("ptr")}, {Local("size")}, {Runtime}.Alignment, __method);");

    // ---- export, parameter and return ----

    public override IEnumerable<string> ExportUnmarshal() => Concat(
        Lines($"string? {Local("value")} = {Runtime}.Read(__view, {UInt(Local("ptr"))}, __method, {NameLiteral});"),
        RejectNull(Local("value"), NameLiteral));

    public override string ExportArgument() => Value.IsNullable ? Local("value") : Local("value") + "!";

    // A returned string is handed to the guest's collector unpinned: the guest owns it like any string it created.
    public override IEnumerable<string> ExportReturnAllocate() => Lines(
        "uint __ret_ptr = 0, __ret_size = 0;",
        "if (__result is not null)",
        "{",
        $"    __ret_size = {Runtime}.GetByteCount(__result, __method, \"return\");",
        $"    __ret_ptr = {Runtime}.AllocateForGuest(guest.GuestHeap, __ret_size, __method, \"return\");",
        "}");

    public override IEnumerable<string> ExportReturnWrite() =>
        Lines($"if (__result is not null) {Runtime}.Write(__result, __view.Bytes(__ret_ptr, __ret_size, __method, \"return\"));");

    public override string? ExportReturnExpression() => Int("__ret_ptr");
}
