using System;
using Wasmtime;
using WasmMarshal.Allocation;

namespace WasmMarshal.Allocators;

/// <summary>The import names under which the host heap is offered to a guest as its C allocator.</summary>
public sealed record HostHeapImportNames(
    string Module = "env",
    string Malloc = "malloc",
    string Free = "free",
    string Calloc = "calloc",
    string Realloc = "realloc",
    string AlignedAlloc = "aligned_alloc")
{
    /// <summary>The C names in module <c>env</c>.</summary>
    public static HostHeapImportNames Default { get; } = new();

    /// <summary>The core signature of each import, for validation.</summary>
    internal (string Name, string Signature)[] Signatures =>
    [
        (Malloc, "(i32) -> i32"),
        (Free, "(i32) -> ()"),
        (Calloc, "(i32, i32) -> i32"),
        (Realloc, "(i32, i32) -> i32"),
        (AlignedAlloc, "(i32, i32) -> i32"),
    ];
}

/// <summary>
/// Defines <c>malloc</c>, <c>free</c>, <c>calloc</c>, <c>realloc</c> and <c>aligned_alloc</c> imports served natively
/// by a <see cref="HostHeapAllocator"/>, so a guest built without an allocator (freestanding C, Emscripten with
/// <c>-sMALLOC=none</c>, Zig with a host allocator) uses the host's. C semantics: failure returns 0, never traps;
/// freeing a pointer the heap did not hand out (a double free) traps the guest with a message saying so.
/// </summary>
internal static class HostHeapImports
{
    /// <summary>malloc's alignment: wasm32's max_align_t (long double) is 16 bytes.</summary>
    private const uint MallocAlignment = 16;

    public static void Define(Linker linker, HostHeapImportNames names, Func<HostHeapAllocator> heap, Func<GuestMemory> memory)
    {
        linker.DefineFunction(names.Module, names.Malloc, (int size) => (int)heap().TryAllocate((uint)size, MallocAlignment));

        linker.DefineFunction(names.Module, names.Free, (int address) =>
        {
            if (address != 0)
            {
                heap().Free((uint)address, 0, MallocAlignment);
            }
        });

        linker.DefineFunction(names.Module, names.Calloc, (int count, int size) =>
        {
            ulong total = (ulong)(uint)count * (uint)size;
            if (total > int.MaxValue)
            {
                return 0;
            }

            uint address = heap().TryAllocate((uint)total, MallocAlignment);
            if (address != 0)
            {
                // The block may have held freed data; calloc promises zeroes.
                memory().View().Bytes(address, (uint)total, "host heap", "calloc").Clear();
            }

            return (int)address;
        });

        linker.DefineFunction(names.Module, names.Realloc, (int address, int size) =>
        {
            if (size == 0 && address != 0)
            {
                heap().Free((uint)address, 0, MallocAlignment);
                return 0;
            }

            return (int)heap().Reallocate((uint)address, (uint)size, MallocAlignment);
        });

        linker.DefineFunction(names.Module, names.AlignedAlloc, (int alignment, int size) =>
        {
            uint a = (uint)alignment;
            if (a == 0 || (a & (a - 1)) != 0 || a > Allocation.Algorithms.TlsfHeap.MaxAlignment)
            {
                return 0;
            }

            return (int)heap().TryAllocate((uint)size, Math.Max(a, 8u));
        });
    }
}
