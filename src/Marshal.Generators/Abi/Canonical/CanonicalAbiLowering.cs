using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Abi.Canonical;

/// <summary>
/// The canonical ABI as the second <see cref="IAbi"/>: parameters flatten left to right, more than
/// <see cref="MaxFlatParams"/> flat values go through one pointer to a tuple of them, more than
/// <see cref="MaxFlatResults"/> flat results through a return area (returned by an export, passed last to an import).
/// </summary>
internal sealed class CanonicalAbiLowering : IAbi
{
    public const int MaxFlatParams = 16;
    public const int MaxFlatResults = 1;

    public static CanonicalAbiLowering Instance { get; } = new();

    public LoweredMethod Lower(MethodModel method, InterfaceDirection direction)
    {
        bool import = direction == InterfaceDirection.Import;
        var parameters = method.Parameters.Select((p, i) => new LoweredValue(p, i,
            p.Wit is { HasBuffers: true } ? (import ? Ownership.HostAllocatedGuestFrees : Ownership.GuestLent) : Ownership.None)).ToList();
        var ret = method.Return;
        var returnValue = new LoweredValue(ret, LoweredValue.ReturnIndex,
            ret.Wit is { HasBuffers: true } ? (import ? Ownership.GuestFreesInPostReturn : Ownership.HostAllocatedGuestFrees) : Ownership.None);

        var coreParameters = new List<CoreSlot>();
        var supported = method.UnsupportedReason is null;
        if (supported)
        {
            var flat = new List<CoreSlot>();
            for (int i = 0; i < method.Parameters.Count; i++)
            {
                flat.AddRange(WitLayout.Flatten(method.Parameters[i].Wit!).Select(t => new CoreSlot(i, SlotRole.Value, t)));
            }

            if (flat.Count > MaxFlatParams)
            {
                coreParameters.Add(new CoreSlot(CoreSlot.NoValue, SlotRole.ParameterArea, CoreType.I32));
            }
            else
            {
                coreParameters.AddRange(flat);
            }
        }

        var coreResults = new List<CoreSlot>();
        ReturnArea? area = null;
        if (supported && ret.Wit is { } r)
        {
            var flat = WitLayout.Flatten(r);
            if (flat.Count > MaxFlatResults)
            {
                area = new ReturnArea(WitLayout.Size(r), WitLayout.Align(r), import ? Ownership.GuestFreesInPostReturn : Ownership.GuestLent);
                var slot = new CoreSlot(LoweredValue.ReturnIndex, SlotRole.ReturnArea, CoreType.I32);
                if (import)
                {
                    coreResults.Add(slot);
                }
                else
                {
                    coreParameters.Add(slot);
                }
            }
            else
            {
                coreResults.AddRange(flat.Select(t => new CoreSlot(LoweredValue.ReturnIndex, SlotRole.Value, t)));
            }
        }

        return new LoweredMethod(method, new EquatableArray<LoweredValue>(parameters), returnValue,
            new EquatableArray<CoreSlot>(coreParameters), new EquatableArray<CoreSlot>(coreResults), area);
    }

    /// <summary>The parameters as the tuple the spilled-parameter block holds.</summary>
    public static List<WitField> ParameterTuple(LoweredMethod method) =>
        method.Parameters.Select(p => new WitField(p.Value.Name, p.Value.Name, p.Value.Wit!)).ToList();
}
