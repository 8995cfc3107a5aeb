using System.Collections.Generic;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Emit;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Marshalling;

/// <summary>
/// Structs (by value, <c>in</c>, <c>ref</c> or <c>out</c>) and scalars by <c>in</c>/<c>ref</c>/<c>out</c>: a pointer to a
/// copy in guest memory, per the wasm32 C ABI. <c>ref</c> and <c>out</c> are copied back after the call; <c>out</c>
/// buffers start zeroed. A returned struct comes back through a return area (the C ABI's sret pointer).
/// </summary>
internal sealed class PointerMarshaller : ValueMarshaller
{
    public PointerMarshaller(LoweredValue value)
        : base(value)
    {
    }

    private string Type => Value.ElementDisplay;

    private string Size => Value.ElementSize + "u";

    private string Align => Value.ElementAlign + "u";

    private bool CopiesBack => Value.Passing is PassingMode.Ref or PassingMode.Out;

    private string Address => Value.IsReturn ? Locals.ReturnArea : Local("ptr");

    public override IEnumerable<string> ImportDeclare() => Lines($"uint {Address} = 0;");

    public override IEnumerable<string> ImportAllocate() => Lines($"{Address} = {Allocate(Size, Align)};");

    public override IEnumerable<string> ImportMarshal()
    {
        if (Value.IsReturn)
        {
            return None;
        }

        return Value.Passing == PassingMode.Out
            ? Lines($"__view.Bytes({Address}, {Size}, __method, {NameLiteral}).Clear();")
            : Lines($"__view.Write<{Type}>({Address}, in {Id}, __method, {NameLiteral});");
    }

    public override string ImportArgument(SlotRole role) => Int(Address);

    public override IEnumerable<string> ImportUnmarshal()
    {
        if (Value.IsReturn)
        {
            return Lines($"__result = __view.Read<{Type}>(__ret_area, __method, \"return\");");
        }

        return CopiesBack ? Lines($"{Id} = __view.Read<{Type}>({Address}, __method, {NameLiteral});") : None;
    }

    public override IEnumerable<string> ImportCleanup() =>
        Lines($"if ({Address} != 0) __wasmGuest.Release(__allocator, {Address}, {Size}, {Align}, __method);");

    public override IEnumerable<string> ExportUnmarshal() => Value.Passing == PassingMode.Out
        ? Lines(
            $"__view.Bytes({UInt(Address)}, {Size}, __method, {NameLiteral}); // an out pointer is checked before the call, too",
            $"{Type} {Local("value")} = default;")
        : Lines($"{Type} {Local("value")} = __view.Read<{Type}>({UInt(Address)}, __method, {NameLiteral});");

    public override string ExportArgument() => Value.Passing switch
    {
        PassingMode.In => "in " + Local("value"),
        PassingMode.Ref => "ref " + Local("value"),
        PassingMode.Out => "out " + Local("value"),
        _ => Local("value"),
    };

    public override IEnumerable<string> ExportWriteBack() => CopiesBack
        ? Lines($"__view.Write<{Type}>({UInt(Address)}, in {Local("value")}, __method, {NameLiteral});")
        : None;

    public override IEnumerable<string> ExportReturnWrite() =>
        Lines($"__view.Write<{Type}>({UInt("__ret_area")}, in __result, __method, \"return\");");
}
