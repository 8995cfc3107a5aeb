using System.Collections.Generic;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Marshalling;

/// <summary>A <c>void</c> return: nothing crosses.</summary>
internal sealed class VoidMarshaller : ValueMarshaller
{
    public VoidMarshaller(ValueModel value)
        : base(value)
    {
    }

    public override bool UsesGuestMemory => false;

    public override IEnumerable<string> ImportArguments() => None;

    public override IEnumerable<string> ExportCoreParameters() => None;
}
