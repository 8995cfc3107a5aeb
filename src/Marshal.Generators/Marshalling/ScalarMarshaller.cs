using System.Collections.Generic;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Marshalling;

/// <summary>Numbers, bool, char and enums by value: one core value, widened and narrowed by <see cref="Lowering"/>.</summary>
internal sealed class ScalarMarshaller : ValueMarshaller
{
    public ScalarMarshaller(LoweredValue value)
        : base(value)
    {
    }

    public override bool UsesGuestMemory => false;

    public override string ImportArgument(SlotRole role) => Lowering.Lower(Value, Id);

    public override string ImportInvoke(string call) => $"__result = {Lowering.Raise(Value, call)};";

    public override string ExportArgument() => Lowering.Raise(Value, Local("core"));

    public override string? ExportReturnExpression() => Lowering.Lower(Value, "__result");
}
