namespace WasmMarshal.Allocation;

/// <summary>
/// An allocator that manages whole ranges of guest memory itself (a host heap's regions, an arena's chunks). Stubs ask
/// it whether a pointer the guest hands back lies in those ranges: such a pointer is the host's own memory and must
/// never be freed into the guest's heap.
/// </summary>
public interface IManagesGuestMemory
{
    /// <summary>Whether any byte of <c>[address, address + length)</c> lies in memory this allocator manages.</summary>
    bool Manages(uint address, uint length);
}
