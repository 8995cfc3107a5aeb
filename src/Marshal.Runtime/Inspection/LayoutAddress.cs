namespace WasmMarshal.Inspection;

/// <summary>An address the layout depends on, with how it was found.</summary>
/// <param name="Value">The address.</param>
/// <param name="Evidence">How it was found.</param>
/// <param name="GlobalIndex">The global holding it, when one does.</param>
public sealed record LayoutAddress(ulong Value, LayoutEvidence Evidence, uint? GlobalIndex = null)
{
    /// <summary>The evidence in words, for reports.</summary>
    public string Describe() => Evidence switch
    {
        LayoutEvidence.ExportedGlobal => $"exported global {GlobalIndex}",
        LayoutEvidence.NameSection => $"global {GlobalIndex}, named in the name section",
        LayoutEvidence.FramePrologues => $"global {GlobalIndex}, not exported; the one frame prologues decrement",
        LayoutEvidence.FirstMutableGlobal => $"global {GlobalIndex}, not exported; guessed as the first mutable i32",
        LayoutEvidence.DataSegments => "end of the last data segment (not exported; .bss beyond it is invisible)",
        LayoutEvidence.AboveStack => "not exported; assumed at the initial stack pointer (data-first layout)",
        _ => "not exported; assumed right after the static data, aligned to 16 (stack-first layout)",
    };
}
