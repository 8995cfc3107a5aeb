using System.Collections.Generic;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Marshalling;

/// <summary>A <c>void</c> return: nothing crosses.</summary>
internal sealed class VoidMarshaller : ValueMarshaller
{
    public VoidMarshaller(LoweredValue value)
        : base(value)
    {
    }

    public override bool UsesGuestMemory => false;

    public override string ImportArgument(SlotRole role) => throw new System.InvalidOperationException("void has no core values");

}
