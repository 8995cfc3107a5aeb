using System.Linq;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Marshalling;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit;

/// <summary>
/// The statements and expressions of an import stub, one value at a time, on the runtime call frame
/// (<c>global::WasmMarshal.Interop.WasmCallFrame</c>): the frame allocates, writes, reads, validates and frees.
/// </summary>
internal static class ImportCode
{
    private const string Frame = "__frame";

    /// <summary>The statement that puts a parameter into guest memory before the call, or null for a scalar.</summary>
    public static string? Argument(LoweredValue p)
    {
        var v = p.Value;
        string id = Locals.Parameter(p.Index);
        string name = Lowering.Literal(v.Name);
        string sizer = Locals.Parameter(v.SizeParameter);
        string sizerName = Lowering.Literal(v.SizeParameterName ?? "");
        return v.Sizing switch
        {
            SizeKind.CountedBy when v.Shape == ValueShape.Array =>
                $"var {Slice(p)} = {Frame}.InCountedArray<{v.ElementDisplay}>({id}, unchecked((long){sizer}), {v.ElementAlign}u, {name}, {sizerName});",
            SizeKind.CountedBy => $"var {Slice(p)} = {Frame}.InCounted<{v.ElementDisplay}>({id}, unchecked((long){sizer}), {v.ElementAlign}u, {name}, {sizerName});",
            SizeKind.CapacityIn => $"var {Slice(p)} = {Frame}.OutCapacity<{v.ElementDisplay}>({id}.Length, {v.ElementAlign}u, {name});",
            SizeKind.Fixed when v.Shape == ValueShape.Array => $"var {Slice(p)} = {Frame}.InFixedArray<{v.ElementDisplay}>({id}, {v.FixedLength}, {v.ElementAlign}u, {name});",
            SizeKind.Fixed => $"var {Slice(p)} = {Frame}.InFixed<{v.ElementDisplay}>({id}, {v.FixedLength}, {v.ElementAlign}u, {name});",

            // Emitted after every buffer (ImportStubEmitter orders them), so the buffer's slice exists whatever the positions.
            SizeKind.LengthOf => $"int {Pointer(p)} = {Frame}.LengthCell({Locals.Of(v.SizeParameter, "slice")}, {name});",
            _ => v.Shape switch
            {
                ValueShape.String when v.Encoding == StringEncoding.Utf8NulTerminated => $"int {Pointer(p)} = {Frame}.InCString({id}, {name});",
                ValueShape.String when v.Encoding == StringEncoding.AssemblyScript => $"int {Pointer(p)} = {Frame}.InAssemblyScriptString({id}, {name});",
                ValueShape.String => $"var {Slice(p)} = {Frame}.InString<{Codec(v.Encoding)}>({id}, {name});",
                ValueShape.Span or ValueShape.ReadOnlySpan or ValueShape.Array => $"var {Slice(p)} = {Frame}.InSpan<{v.ElementDisplay}>({id}, {v.ElementAlign}u, {name});",
                ValueShape.Pointer when v.Passing == PassingMode.Out => $"int {Pointer(p)} = {Frame}.OutValue<{v.ElementDisplay}>({v.ElementAlign}u, {name});",
                ValueShape.Pointer => $"int {Pointer(p)} = {Frame}.InValue<{v.ElementDisplay}>(in {id}, {v.ElementAlign}u, {name});",
                _ => null,
            },
        };
    }

    /// <summary>The core argument for one slot, in the order the ABI gives.</summary>
    public static string CoreArgument(LoweredMethod method, CoreSlot slot)
    {
        if (slot.Role == SlotRole.ReturnArea)
        {
            return Locals.ReturnArea;
        }

        var p = method.Parameters[slot.Value];
        bool isSlice = p.Value.Sizing is SizeKind.CountedBy or SizeKind.CapacityIn or SizeKind.Fixed || method.SlotsOf(p.Index).Any(s => s.Role == SlotRole.Length);
        return slot.Role switch
        {
            SlotRole.Value when p.Value.Opaque is OpaqueKind.Callback or OpaqueKind.RegisteredCallback => FunctionPointer(p.Index),
            SlotRole.Value => Lowering.Lower(p.Value, Locals.Parameter(p.Index)),
            SlotRole.Length => Slice(p) + ".Len",
            _ => isSlice ? Slice(p) + ".Ptr" : Pointer(p),
        };
    }

    /// <summary>The statement that copies a parameter back after the call, or null.</summary>
    public static string? CopyBack(LoweredValue p)
    {
        var v = p.Value;
        string id = Locals.Parameter(p.Index);
        string name = Lowering.Literal(v.Name);
        if (v.Sizing == SizeKind.CapacityIn)
        {
            return null; // its length cell copies it back
        }

        if (v.Sizing == SizeKind.LengthOf)
        {
            string buffer = Locals.Of(v.SizeParameter, "slice");
            string reported = $"{Frame}.CopyBackReported({buffer}, {Pointer(p)}, {Locals.Parameter(v.SizeParameter)}, {Lowering.Literal(v.SizeParameterName ?? "")}, {name})";
            return $"{id} = {(v.Scalar == ScalarKind.U32 ? "(uint)" : "")}{reported};";
        }

        return v.Shape switch
        {
            ValueShape.Span => $"{Frame}.CopyBack<{v.ElementDisplay}>({Slice(p)}, {id}, {name});",
            ValueShape.Pointer when v.Passing is PassingMode.Ref or PassingMode.Out => $"{id} = {Frame}.Read<{v.ElementDisplay}>({Pointer(p)}, {name});",
            _ => null,
        };
    }

    /// <summary>The returned value, from the core result <paramref name="core"/> or the return area; null for void.</summary>
    public static string? Result(LoweredMethod method, string core)
    {
        var r = method.Return.Value;
        string nullable = r.IsNullable ? "Nullable" : "";

        // A nullable-oblivious reference type is declared without '?' in this nullable-enabled file, yet may be null.
        string oblivious = r.IsNullable && r.Shape is ValueShape.String or ValueShape.Array && !r.TypeDisplay.EndsWith("?") ? "!" : "";
        string owner = Owner(r);
        return r.Shape switch
        {
            ValueShape.Scalar => Lowering.Raise(r, core),
            ValueShape.Array when r.Sizing == SizeKind.ReturnCountedBy =>
                $"{Frame}.Return{nullable}CountedArray<{r.ElementDisplay}>({core}, unchecked((long){Locals.Parameter(r.SizeParameter)}), {r.ElementAlign}u, {Lowering.Literal(r.SizeParameterName ?? "")}, {owner}){oblivious}",
            ValueShape.String when r.Encoding == StringEncoding.Utf8NulTerminated && r.Owner != ReturnedOwner.GuestHeap =>
                $"{Frame}.Return{nullable}CString({core}, {owner}){oblivious}",
            ValueShape.String when r.Encoding == StringEncoding.Utf8NulTerminated => $"{Frame}.Return{nullable}CString({core}){oblivious}",
            ValueShape.String when r.Encoding == StringEncoding.AssemblyScript => $"{Frame}.Return{nullable}AssemblyScriptString({core}){oblivious}",
            ValueShape.String => $"{Frame}.Return{nullable}String<{Codec(r.Encoding)}>({Locals.ReturnArea}){oblivious}",
            ValueShape.Array => $"{Frame}.Return{nullable}Array<{r.ElementDisplay}>({Locals.ReturnArea}, {r.ElementAlign}u){oblivious}",
            ValueShape.Pointer => $"{Frame}.ReturnValue<{r.ElementDisplay}>({Locals.ReturnArea})",
            _ => null,
        };
    }

    /// <summary>The <c>ReturnedBuffer</c> that says who frees a returned pointer.</summary>
    private static string Owner(ValueModel r) => r.Owner switch
    {
        ReturnedOwner.Borrowed => "global::WasmMarshal.Interop.ReturnedBuffer.Borrowed",
        ReturnedOwner.FreeExport => $"global::WasmMarshal.Interop.ReturnedBuffer.FreedBy({Locals.FreeExportField(r.FreeExport!)}, {Lowering.Literal(r.FreeExport!)})",
        _ => "global::WasmMarshal.Interop.ReturnedBuffer.GuestHeap",
    };

    public static string Codec(StringEncoding encoding) => encoding switch
    {
        StringEncoding.Utf16 => "global::WasmMarshal.Marshalling.Utf16Codec",
        StringEncoding.Latin1 => "global::WasmMarshal.Marshalling.Latin1Codec",
        _ => "global::WasmMarshal.Marshalling.Utf8Codec",
    };

    /// <summary>The local holding a callback's table index (ImportStubEmitter places the callback).</summary>
    public static string FunctionPointer(int index) => Locals.Of(index, "fnptr");

    private static string Pointer(LoweredValue p) => Locals.Of(p.Index, "ptr");

    private static string Slice(LoweredValue p) => Locals.Of(p.Index, "slice");
}
