using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Abi;

/// <summary>What one core value of a lowered C# value carries.</summary>
internal enum SlotRole
{
    /// <summary>A scalar, widened to its core type.</summary>
    Value,

    /// <summary>The guest address of the value's bytes (a string, a struct, the elements of a sequence).</summary>
    Pointer,

    /// <summary>The length that goes with <see cref="Pointer"/>: code units for strings, elements for sequences.</summary>
    Length,

    /// <summary>The address of the memory a result is written to.</summary>
    ReturnArea,

    /// <summary>The address of the spilled parameters (canonical ABI: more than 16 flat values), laid out as a tuple.</summary>
    ParameterArea,
}

/// <summary>Who allocates the buffer a value lives in, and who frees it.</summary>
internal enum Ownership
{
    /// <summary>No buffer: the value is its core values.</summary>
    None,

    /// <summary>The host allocates it from its scratch allocator before the call and frees it after.</summary>
    HostScratch,

    /// <summary>The host creates a guest runtime object (AssemblyScript <c>__new</c>) and pins it for the call only.</summary>
    HostPinnedObject,

    /// <summary>The guest allocates it on its heap; the host copies it out, then frees it there.</summary>
    GuestAllocatedHostFrees,

    /// <summary>The guest's collector owns it; the host reads it in place and frees nothing.</summary>
    GuestCollected,

    /// <summary>The guest lends it for the duration of the call; the host reads or writes it, never frees it.</summary>
    GuestLent,

    /// <summary>The host allocates it on the guest's heap and hands it over; the guest frees it.</summary>
    HostAllocatedGuestFrees,

    /// <summary>The guest allocates it; the host copies it out, then calls the export's post-return, where the guest frees it.</summary>
    GuestFreesInPostReturn,

    /// <summary>The guest allocates it; the host copies it out, then frees it through a named guest export ([return: WasmFree]).</summary>
    GuestFreesThroughExport,
}

/// <summary>One core value: which C# value it belongs to (its parameter index, or <see cref="LoweredValue.ReturnIndex"/>) and what it carries.</summary>
internal readonly record struct CoreSlot(int Value, SlotRole Role, CoreType Type)
{
    /// <summary>The <see cref="Value"/> of a slot that carries no single value (the spilled parameters).</summary>
    public const int NoValue = -2;
}

/// <summary>A parameter or the return value, with the ownership of its buffer.</summary>
/// <param name="Index">The parameter index, or <see cref="ReturnIndex"/>.</param>
internal sealed record LoweredValue(ValueModel Value, int Index, Ownership Buffer)
{
    public const int ReturnIndex = -1;

    public bool IsReturn => Index == ReturnIndex;
}

/// <summary>The memory a result goes through, allocated by the caller.</summary>
internal sealed record ReturnArea(int Size, int Align, Ownership Buffer);

/// <summary>The core wasm function type of a lowered method (computed from the slots, never cached in the pipeline).</summary>
internal sealed record CoreFunctionType(IReadOnlyList<CoreType> Parameters, IReadOnlyList<CoreType> Results)
{
    /// <summary>As WasmMarshal.Binding formats it: <c>(i32, i32) -&gt; i32</c>.</summary>
    public string Text => "(" + string.Join(", ", Parameters.Select(p => p.Name())) + ") -> "
        + (Results.Count == 1 ? Results[0].Name() : "(" + string.Join(", ", Results.Select(r => r.Name())) + ")");
}

/// <summary>
/// A method as one ABI lowers it, decided once: the core parameters in wasm order (each naming the value it carries), the
/// core results, the return area, and the ownership of every buffer. Every emitter and check downstream reads this.
/// </summary>
internal sealed record LoweredMethod(
    MethodModel Method,
    EquatableArray<LoweredValue> Parameters,
    LoweredValue Return,
    EquatableArray<CoreSlot> CoreParameters,
    EquatableArray<CoreSlot> CoreResults,
    ReturnArea? ReturnArea)
{
    public bool IsSupported => Method.UnsupportedReason is null;

    public string Name => Method.Name;

    public string WasmName => Method.WasmName;

    public CoreFunctionType Core => new(CoreParameters.Select(s => s.Type).ToList(), CoreResults.Select(s => s.Type).ToList());

    /// <summary>The core slots of one value (a parameter index or <see cref="LoweredValue.ReturnIndex"/>), in wasm order.</summary>
    public EquatableArray<CoreSlot> SlotsOf(int index) =>
        new(CoreParameters.Concat(CoreResults).Where(s => s.Value == index));

    /// <summary>Whether any value occupies guest memory.</summary>
    public bool UsesGuestMemory => ReturnArea is not null || Return.Buffer != Ownership.None || Parameters.Any(p => p.Buffer != Ownership.None);
}
