using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Wasmtime;

namespace WasmMarshal.Allocators;

/// <summary>
/// What allocator resolution asks of a module's exports, worked out once per <see cref="Module"/> and shared by all its
/// instances (a template's, a pool's, or the builder's): resolving an allocator for a fresh instance then looks its
/// exports up by name instead of scanning <see cref="Module.Exports"/>, and reads the heap floor only once when every
/// instance has the same one.
/// </summary>
internal sealed class ModuleExports
{
    private static readonly ConditionalWeakTable<Module, ModuleExports> s_byModule = new();

    private ModuleExports(Module module)
    {
        foreach (var export in module.Exports.OfType<FunctionExport>())
        {
            Functions[export.Name] = export;
        }

        // Immutable globals of a module that imports none are initialized by constants: the same in every instance.
        GlobalsAreFixed = !module.Imports.Any(i => i is GlobalImport)
            && module.Exports.OfType<GlobalExport>().All(g => g.Mutability == Mutability.Immutable || (g.Name != "__heap_base" && g.Name != "__data_end"));
    }

    /// <summary>The module's exported functions by name.</summary>
    public Dictionary<string, FunctionExport> Functions { get; } = new();

    /// <summary>Whether <see cref="HeapFloor.Read"/> gives the same floor for every instance of the module.</summary>
    public bool GlobalsAreFixed { get; }

    /// <summary>
    /// The floor every instance has, once one instance has read it (see <see cref="GlobalsAreFixed"/>); boxed, so that
    /// threads instantiating the same module at once publish and read it whole.
    /// </summary>
    public StrongBox<HeapFloor>? FixedHeapFloor
    {
        get => Volatile.Read(ref _fixedHeapFloor);
        set => Volatile.Write(ref _fixedHeapFloor, value);
    }

    private StrongBox<HeapFloor>? _fixedHeapFloor;

    public static ModuleExports Of(Module module) => s_byModule.GetValue(module, static m => new ModuleExports(m));
}
