using System.Collections.Generic;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Marshalling;

/// <summary>Numbers, bool, char and enums by value: one core value, widened and narrowed by <see cref="Lowering"/>.</summary>
internal sealed class ScalarMarshaller : ValueMarshaller
{
    public ScalarMarshaller(ValueModel value)
        : base(value)
    {
    }

    public override bool UsesGuestMemory => false;

    private string ClrCore => CoreSignature.ClrType(CoreSignature.CoreType(Value.Scalar));

    public override IEnumerable<string> ImportArguments() =>
        Value.IsReturn ? None : Lines(Lowering.Lower(Value, Id));

    public override string ImportInvoke(string call) => $"__result = {Lowering.Raise(Value, call)};";

    public override IEnumerable<string> ExportCoreParameters() =>
        Value.IsReturn ? None : Lines($"{ClrCore} {Local("core")}");

    public override string ExportArgument() => Lowering.Raise(Value, Local("core"));

    public override string? ExportReturnExpression() => Lowering.Lower(Value, "__result");
}
