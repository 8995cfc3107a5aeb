namespace WasmMarshal.Inspection;

/// <summary>Who manages the memory above <c>__heap_base</c>, judged from the module's imports and exports.</summary>
public enum GuestHeapOwner
{
    /// <summary>Neither exports nor imports an allocator.</summary>
    None,

    /// <summary>The guest has its own allocator and exports it (<c>malloc</c>/<c>free</c>, <c>cabi_realloc</c>, or Rust's <c>alloc</c>/<c>dealloc</c>).</summary>
    Guest,

    /// <summary>The guest imports <c>malloc</c>: the host serves it (<c>WithHostHeapImports</c>).</summary>
    Host,
}
