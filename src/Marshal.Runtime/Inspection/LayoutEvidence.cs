namespace WasmMarshal.Inspection;

/// <summary>How a layout address was found, from the most to the least certain.</summary>
public enum LayoutEvidence
{
    /// <summary>An exported global of that name (<c>-Wl,--export=__heap_base</c>).</summary>
    ExportedGlobal,

    /// <summary>A global of that name in the <c>name</c> custom section.</summary>
    NameSection,

    /// <summary>The global that functions decrement in their frame prologue (<c>global.get; i32.const; i32.sub</c>).</summary>
    FramePrologues,

    /// <summary>lld's convention: the first mutable i32 global is <c>__stack_pointer</c>. A guess.</summary>
    FirstMutableGlobal,

    /// <summary>The end of the last active data segment; zero-initialised data (.bss) past it is not visible.</summary>
    DataSegments,

    /// <summary>Data-first layouts put the heap where the stack's top is (lld, Emscripten, AssemblyScript).</summary>
    AboveStack,

    /// <summary>Stack-first layouts put the heap right after the static data, aligned to 16.</summary>
    AboveData,
}
