using System.Collections.Generic;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Abi.CAbi;

/// <summary>
/// The wasm32 C convention (docs/abi.md): scalars as one core value; strings and sequences as (pointer, length), except
/// NUL-terminated UTF-8 and AssemblyScript strings and buffers sized by another parameter ([WasmCount], [WasmCapacity])
/// as one pointer; structs and by-reference values as a pointer to a copy; results that do not fit one core value through a return area passed as the first parameter (clang's sret).
/// </summary>
internal sealed class WasmCAbi : IAbi
{
    public static WasmCAbi Instance { get; } = new();

    /// <summary>The return area of a (pointer, length) result: two i32.</summary>
    private static readonly (int Size, int Align) PairArea = (8, 4);

    private WasmCAbi()
    {
    }

    public LoweredMethod Lower(MethodModel method, InterfaceDirection direction)
    {
        bool hostCalls = direction == InterfaceDirection.Import;
        var core = new List<CoreSlot>();
        var results = new List<CoreSlot>();
        var ret = method.Return;
        ReturnArea? area = null;
        var returnBuffer = Ownership.None;
        var returnedBuffer = hostCalls ? Ownership.GuestAllocatedHostFrees : Ownership.HostAllocatedGuestFrees;
        var areaOwner = hostCalls ? Ownership.HostScratch : Ownership.GuestLent;
        switch (ret.Shape)
        {
            case ValueShape.Scalar:
                results.Add(new(LoweredValue.ReturnIndex, SlotRole.Value, ret.Scalar.Info().Core));
                break;
            case ValueShape.String when ret.Encoding == StringEncoding.AssemblyScript:
                results.Add(new(LoweredValue.ReturnIndex, SlotRole.Pointer, CoreType.I32));
                returnBuffer = Ownership.GuestCollected;
                break;
            case ValueShape.String when ret.Encoding == StringEncoding.Utf8NulTerminated:
            case ValueShape.Array when ret.Sizing == SizeKind.ReturnCountedBy:
                // [return: WasmCount] arrays too: one pointer, the count coming back through an out parameter.
                results.Add(new(LoweredValue.ReturnIndex, SlotRole.Pointer, CoreType.I32));
                returnBuffer = ret.Owner switch
                {
                    ReturnedOwner.Borrowed => Ownership.GuestLent,
                    ReturnedOwner.FreeExport => Ownership.GuestFreesThroughExport,
                    _ => returnedBuffer,
                };
                break;
            case ValueShape.String or ValueShape.Array:
                area = new ReturnArea(PairArea.Size, PairArea.Align, areaOwner);
                returnBuffer = returnedBuffer;
                break;
            case ValueShape.Pointer:
                area = new ReturnArea(ret.ElementSize, ret.ElementAlign, areaOwner);
                break;
        }

        if (area is not null)
        {
            core.Add(new(LoweredValue.ReturnIndex, SlotRole.ReturnArea, CoreType.I32));
        }

        var parameters = new List<LoweredValue>();
        var lent = hostCalls ? Ownership.HostScratch : Ownership.GuestLent;
        for (int index = 0; index < method.Parameters.Count; index++)
        {
            var p = method.Parameters[index];
            var buffer = Ownership.None;
            switch (p.Shape)
            {
                case ValueShape.Scalar:
                    core.Add(new(index, SlotRole.Value, p.Scalar.Info().Core));
                    break;
                case ValueShape.String when p.Encoding is StringEncoding.Utf8NulTerminated or StringEncoding.AssemblyScript:
                    core.Add(new(index, SlotRole.Pointer, CoreType.I32));
                    buffer = p.Encoding == StringEncoding.AssemblyScript && hostCalls ? Ownership.HostPinnedObject : lent;
                    break;
                case ValueShape.Span or ValueShape.ReadOnlySpan or ValueShape.Array when p.Sizing != SizeKind.None:
                    // [WasmCount] or [WasmCapacity]: a bare pointer; the count or length cell is another parameter.
                    core.Add(new(index, SlotRole.Pointer, CoreType.I32));
                    buffer = lent;
                    break;
                case ValueShape.String or ValueShape.Span or ValueShape.ReadOnlySpan or ValueShape.Array:
                    core.Add(new(index, SlotRole.Pointer, CoreType.I32));
                    core.Add(new(index, SlotRole.Length, CoreType.I32));
                    buffer = lent;
                    break;
                case ValueShape.Pointer:
                    core.Add(new(index, SlotRole.Pointer, CoreType.I32));
                    buffer = lent;
                    break;
            }

            parameters.Add(new LoweredValue(p, index, buffer));
        }

        return new LoweredMethod(
            method,
            new EquatableArray<LoweredValue>(parameters),
            new LoweredValue(ret, LoweredValue.ReturnIndex, returnBuffer),
            new EquatableArray<CoreSlot>(core),
            new EquatableArray<CoreSlot>(results),
            area);
    }
}
