namespace WasmMarshal.Profiles;

/// <summary>Which allocator a guest offers the host.</summary>
public enum GuestAllocatorKind
{
    /// <summary>No allocator export or import was found: the host must bring one (a host heap, an arena).</summary>
    None,

    /// <summary><c>malloc(size)</c> and <c>free(ptr)</c> exports (wasi-libc, Emscripten, a freestanding allocator).</summary>
    Malloc,

    /// <summary>The Component Model's <c>cabi_realloc</c> export (no free).</summary>
    CabiRealloc,

    /// <summary>Rust-style <c>alloc(size, align)</c> and <c>dealloc(ptr, size, align)</c> exports.</summary>
    RustAlloc,

    /// <summary>AssemblyScript's garbage-collected runtime: <c>__new</c>, <c>__pin</c> and <c>__unpin</c> exports.</summary>
    AssemblyScript,

    /// <summary>The guest imports <c>env.malloc</c> (or calloc, realloc, aligned_alloc, free): the host heap is its allocator (<see cref="WasmGuestBuilder.WithHostHeapImports"/>).</summary>
    HostHeapImports,

    /// <summary>More than one complete allocator family is exported, and none is the obvious one.</summary>
    Ambiguous,
}

/// <summary>How a guest's exports pass strings.</summary>
public enum GuestStringPassing
{
    /// <summary>A pointer and a length (UTF-8 bytes unless an interface says otherwise): C, Rust, Emscripten.</summary>
    PointerAndLength,

    /// <summary>One pointer to a runtime-managed string object (AssemblyScript: UTF-16, byte length at <c>ptr - 4</c>).</summary>
    ManagedObject,
}

/// <summary>The toolchain a guest most likely came from.</summary>
public enum GuestToolchain
{
    /// <summary>Nothing identifies it.</summary>
    Unknown,

    /// <summary>C or C++ with wasi-libc (clang <c>--target=wasm32-wasi</c>).</summary>
    WasiLibc,

    /// <summary>C without libc (clang <c>--target=wasm32</c>), or Zig's wasm32-freestanding: no WASI, no runtime.</summary>
    Freestanding,

    /// <summary>Emscripten (<c>emcc -sSTANDALONE_WASM</c>).</summary>
    Emscripten,

    /// <summary>Rust (<c>wasm32-unknown-unknown</c>, cdylib).</summary>
    Rust,

    /// <summary>AssemblyScript (<c>asc --exportRuntime</c>).</summary>
    AssemblyScript,
}
