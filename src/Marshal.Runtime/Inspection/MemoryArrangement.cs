namespace WasmMarshal.Inspection;

/// <summary>Where a toolchain put the stack relative to the static data.</summary>
public enum MemoryArrangement
{
    /// <summary>No stack pointer was found (hand-written modules, or no shadow stack) or it lies inside the data.</summary>
    Unknown,

    /// <summary>
    /// The stack occupies <c>[0, __stack_pointer)</c> below the data (<c>-Wl,--stack-first</c>, Rust's wasm32 targets,
    /// Zig): an overflow runs below address 0 and traps.
    /// </summary>
    StackFirst,

    /// <summary>
    /// The data comes first (from 1024 by default), the stack above it grows down towards <c>__data_end</c>, and the
    /// heap starts at the stack's top (lld's default, Emscripten, AssemblyScript): an overflow silently overwrites
    /// static data.
    /// </summary>
    DataFirst,
}
