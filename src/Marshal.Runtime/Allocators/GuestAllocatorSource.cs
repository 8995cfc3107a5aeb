using System;
using System.Collections.Generic;
using System.Linq;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Binding;
using WasmMarshal.Interop;

namespace WasmMarshal.Allocators;

/// <summary>
/// Chooses and creates the allocator of a <see cref="WasmGuest"/> once the module is instantiated, reporting missing
/// exports as <see cref="BindingMismatch"/>es instead of failing on first use.
/// </summary>
public abstract class GuestAllocatorSource
{
    /// <summary>A description for error messages.</summary>
    public abstract string Description { get; }

    /// <summary>Creates the allocator, or adds to <paramref name="mismatches"/> and returns null.</summary>
    public abstract IGuestAllocator? TryCreate(WasmGuest guest, List<BindingMismatch> mismatches);

    /// <summary>
    /// The default: the allocator the module's <see cref="Profiles.GuestProfile"/> names (<c>malloc</c>/<c>free</c>,
    /// Rust-style <c>alloc</c>/<c>dealloc</c>, AssemblyScript's <c>__new</c>/<c>__pin</c>/<c>__unpin</c>, else
    /// <c>cabi_realloc</c>), or a mismatch that says what was found and which option to set.
    /// </summary>
    public static GuestAllocatorSource Auto { get; } = new AutoSource();

    /// <summary>The guest's exported malloc and free, under the given names.</summary>
    public static GuestAllocatorSource Malloc(string malloc = "malloc", string free = "free", string alignedAlloc = "aligned_alloc") =>
        malloc == "malloc" && free == "free" && alignedAlloc == "aligned_alloc" ? s_malloc : new MallocSource(malloc, free, alignedAlloc);

    // The sources of the default names, shared (they hold nothing but the names): a module's profile names one for
    // every instance it resolves an allocator for.
    private static readonly GuestAllocatorSource s_malloc = new MallocSource("malloc", "free", "aligned_alloc");
    private static readonly GuestAllocatorSource s_rustAlloc = new RustAllocSource("alloc", "dealloc");
    private static readonly GuestAllocatorSource s_cabiRealloc = new CabiReallocSource("cabi_realloc");
    private static readonly GuestAllocatorSource s_assemblyScript = new AssemblyScriptSource();

    /// <summary>Rust-style exports <c>alloc(size, align) -&gt; ptr</c> and <c>dealloc(ptr, size, align)</c> (see <see cref="RustAllocator"/>).</summary>
    public static GuestAllocatorSource RustAlloc(string alloc = "alloc", string dealloc = "dealloc") =>
        alloc == "alloc" && dealloc == "dealloc" ? s_rustAlloc : new RustAllocSource(alloc, dealloc);

    /// <summary>
    /// AssemblyScript's runtime exports <c>__new</c>, <c>__pin</c> and <c>__unpin</c> (asc <c>--exportRuntime</c>; see
    /// <see cref="AssemblyScriptAllocator"/>).
    /// </summary>
    public static GuestAllocatorSource AssemblyScript() => s_assemblyScript;

    /// <summary>The guest's exported <c>cabi_realloc</c> (no free, see <see cref="CabiReallocAllocator"/>).</summary>
    public static GuestAllocatorSource CabiRealloc(string name = "cabi_realloc") => name == "cabi_realloc" ? s_cabiRealloc : new CabiReallocSource(name);

    /// <summary>
    /// A heap managed by the host (<see cref="HostHeapAllocator"/>): TLSF in .NET, no header bytes in guest memory,
    /// memory from <paramref name="region"/>.
    /// </summary>
    public static GuestAllocatorSource HostHeap(HostHeapRegion region = HostHeapRegion.Auto, uint growthStep = 256 * 1024) =>
        new CustomSource(g => Regions(g, region, growthStep) is { } source
            ? new HostHeapAllocator(g.Memory, source, growthStep)
            : throw NoRegion(region), $"host heap ({region})");

    /// <summary>
    /// A per-call arena (<see cref="ArenaAllocator"/>): bump allocation, released when each stub call ends, chunks from
    /// <paramref name="region"/>.
    /// </summary>
    public static GuestAllocatorSource Arena(HostHeapRegion region = HostHeapRegion.Auto, uint chunkSize = 64 * 1024) =>
        new CustomSource(g => Regions(g, region, chunkSize) is { } source
            ? new ArenaAllocator(g.Memory, source, chunkSize)
            : throw NoRegion(region), $"arena ({region})");

    /// <summary>
    /// Where host-managed memory comes from. <see cref="HostHeapRegion.Auto"/> takes blocks from the guest heap when
    /// the guest has one (safe beside any guest allocator), else the range above <c>__heap_base</c> when exported,
    /// else fresh pages from memory.grow.
    /// </summary>
    public static Regions.IGuestRegionSource? Regions(WasmGuest guest, HostHeapRegion region, uint step = 64 * 1024)
    {
        var memory = guest.Memory;
        switch (region)
        {
            case HostHeapRegion.GuestBlocks:
                return new Regions.GuestBlockRegionSource(guest.GuestHeap, step);
            case HostHeapRegion.MemoryGrow:
                return new Regions.MemoryGrowRegionSource(memory.Memory, Math.Max(1, step / 65536), PrimeGuestHeap(guest));
            case HostHeapRegion.HeapBase:
                return global::WasmMarshal.Allocators.Regions.HeapBaseRegionSource.ReadHeapBase(guest.Instance) is uint heapBase
                    ? new Regions.HeapBaseRegionSource(memory.Memory, heapBase, Math.Max(1, step / 65536))
                    : null;
            default:
                var probe = new List<BindingMismatch>();
                if (guest.TryResolveGuestHeap(probe) is not null)
                {
                    return new Regions.GuestBlockRegionSource(guest.GuestHeap, step);
                }

                return Regions(guest, HostHeapRegion.HeapBase, step) ?? Regions(guest, HostHeapRegion.MemoryGrow, step);
        }
    }

    /// <summary>
    /// An allocator like wasi-libc's dlmalloc claims [__heap_base, end of memory) on its first malloc, pages grown by
    /// the host included; one allocation before the host's first growth makes it claim only what is there now.
    /// </summary>
    private static Action? PrimeGuestHeap(WasmGuest guest)
    {
        if (guest.TryResolveGuestHeap(new List<BindingMismatch>()) is not { } heap || heap is HostHeapAllocator)
        {
            return null;
        }

        return () => heap.Free(heap.Allocate(1, 8), 1, 8);
    }

    private static WasmBindingException NoRegion(HostHeapRegion region) => new("the host heap",
        [new BindingMismatch("__heap_base", "the host heap region " + region, "an exported __heap_base global (link with -Wl,--export=__heap_base)", "missing")]);

    /// <summary>
    /// Wraps what <paramref name="inner"/> creates in a <see cref="TrackingAllocator"/>, which records the stub method
    /// and parameter of every live allocation for leak reports.
    /// </summary>
    public static GuestAllocatorSource Tracking(GuestAllocatorSource inner) => new TrackingSource(inner);

    /// <summary>An allocator the caller builds from the guest, for example a host-managed heap.</summary>
    public static GuestAllocatorSource Custom(Func<WasmGuest, IGuestAllocator> create, string description = "custom allocator") =>
        new CustomSource(create, description);

    /// <summary>Core signatures the allocators expect, allocated once rather than per resolution.</summary>
    private static class Sig
    {
        public static readonly ValueKind[] None = [];
        public static readonly ValueKind[] I32 = [ValueKind.Int32];
        public static readonly ValueKind[] I32x2 = [ValueKind.Int32, ValueKind.Int32];
        public static readonly ValueKind[] I32x3 = [ValueKind.Int32, ValueKind.Int32, ValueKind.Int32];
        public static readonly ValueKind[] I32x4 = [ValueKind.Int32, ValueKind.Int32, ValueKind.Int32, ValueKind.Int32];
    }

    internal static bool HasFunction(Module module, string name, ValueKind[] parameters, ValueKind[] results, out string actual)
    {
        if (!ModuleExports.Of(module).Functions.TryGetValue(name, out var export))
        {
            actual = "missing";
            return false;
        }

        if (export.Parameters.SequenceEqual(parameters) && export.Results.SequenceEqual(results))
        {
            actual = "";
            return true;
        }

        // Formatted only for a mismatch: an allocator is resolved for every instance, and most fit.
        actual = WasmSignature.Format(export.Parameters, export.Results);
        return false;
    }

    private sealed class MallocSource(string malloc, string free, string alignedAlloc) : GuestAllocatorSource
    {
        private readonly string _description = $"guest {malloc}/{free}";

        public override string Description => _description;

        public override IGuestAllocator? TryCreate(WasmGuest guest, List<BindingMismatch> mismatches)
        {
            int before = mismatches.Count;
            if (!HasFunction(guest.Module, malloc, Sig.I32, Sig.I32, out var actualMalloc))
            {
                mismatches.Add(new(malloc, Description, "(i32) -> i32", actualMalloc));
            }

            if (!HasFunction(guest.Module, free, Sig.I32, Sig.None, out var actualFree))
            {
                mismatches.Add(new(free, Description, "(i32) -> ()", actualFree));
            }

            if (mismatches.Count != before)
            {
                return null;
            }

            var aligned = HasFunction(guest.Module, alignedAlloc, Sig.I32x2, Sig.I32, out _)
                ? WasmExports.Function<int, int, int>(guest, alignedAlloc)
                : null;
            return new GuestMallocAllocator(guest.Memory, WasmExports.Function<int, int>(guest, malloc)!,
                WasmExports.Action<int>(guest, free)!, aligned, Description)
            {
                Floor = HeapFloor.Of(guest),
            };
        }
    }

    private sealed class CabiReallocSource(string name) : GuestAllocatorSource
    {
        private readonly string _description = $"guest {name}";

        public override string Description => _description;

        public override IGuestAllocator? TryCreate(WasmGuest guest, List<BindingMismatch> mismatches)
        {
            if (!HasFunction(guest.Module, name, Sig.I32x4, Sig.I32, out var actual))
            {
                mismatches.Add(new(name, Description, "(i32, i32, i32, i32) -> i32", actual));
                return null;
            }

            return new CabiReallocAllocator(guest.Memory, WasmExports.Function<int, int, int, int, int>(guest, name)!)
            {
                Floor = HeapFloor.Of(guest),
            };
        }
    }

    private sealed class RustAllocSource(string alloc, string dealloc) : GuestAllocatorSource
    {
        private readonly string _description = $"guest {alloc}/{dealloc}";

        public override string Description => _description;

        public override IGuestAllocator? TryCreate(WasmGuest guest, List<BindingMismatch> mismatches)
        {
            int before = mismatches.Count;
            if (!HasFunction(guest.Module, alloc, Sig.I32x2, Sig.I32, out var actualAlloc))
            {
                mismatches.Add(new(alloc, Description, "(i32, i32) -> i32", actualAlloc));
            }

            if (!HasFunction(guest.Module, dealloc, Sig.I32x3, Sig.None, out var actualDealloc))
            {
                mismatches.Add(new(dealloc, Description, "(i32, i32, i32) -> ()", actualDealloc));
            }

            return mismatches.Count != before
                ? null
                : new RustAllocator(guest.Memory, WasmExports.Function<int, int, int>(guest, alloc)!,
                    WasmExports.Action<int, int, int>(guest, dealloc)!, Description)
                {
                    Floor = HeapFloor.Of(guest),
                };
        }
    }

    private sealed class AssemblyScriptSource : GuestAllocatorSource
    {
        private static readonly (string, ValueKind[], ValueKind[])[] Exports =
        [
            ("__new", [ValueKind.Int32, ValueKind.Int32], [ValueKind.Int32]), ("__pin", [ValueKind.Int32], [ValueKind.Int32]), ("__unpin", [ValueKind.Int32], []),
        ];

        public override string Description => "AssemblyScript __new/__pin/__unpin";

        public override IGuestAllocator? TryCreate(WasmGuest guest, List<BindingMismatch> mismatches)
        {
            int before = mismatches.Count;
            foreach (var (name, parameters, results) in Exports)
            {
                if (!HasFunction(guest.Module, name, parameters, results, out var actual))
                {
                    mismatches.Add(new(name, Description, WasmSignature.Format(parameters, results),
                        actual == "missing" ? "missing (build with asc --exportRuntime)" : actual));
                }
            }

            return mismatches.Count != before
                ? null
                : new AssemblyScriptAllocator(guest.Memory, WasmExports.Function<int, int, int>(guest, "__new")!,
                    WasmExports.Function<int, int>(guest, "__pin")!, WasmExports.Action<int>(guest, "__unpin")!);
        }
    }

    private sealed class AutoSource : GuestAllocatorSource
    {
        public override string Description => "automatic allocator choice";

        public override IGuestAllocator? TryCreate(WasmGuest guest, List<BindingMismatch> mismatches)
        {
            var profile = guest.Profile;
            if (profile.AllocatorSource is { } detected)
            {
                return detected.TryCreate(guest, mismatches);
            }

            mismatches.Add(new("malloc/free, alloc/dealloc, __new/__pin/__unpin or cabi_realloc", "the guest allocator",
                "an allocator export: malloc (i32) -> i32 with free (i32) -> (), alloc (i32, i32) -> i32 with dealloc (i32, i32, i32) -> (), " +
                "__new/__pin/__unpin (asc --exportRuntime), or cabi_realloc (i32, i32, i32, i32) -> i32",
                profile.Allocator == Profiles.GuestAllocatorKind.HostHeapImports
                    ? "none: the guest imports its allocator from env (env.malloc and friends); call WasmGuestBuilder.WithHostHeapImports()"
                    : profile.Problem is null
                    ? $"none ({profile.Allocator}); choose an allocator with WasmGuestBuilder.WithGuestHeap"
                    : $"{profile.Problem}; choose one with {profile.Option}"));
            return null;
        }
    }

    private sealed class TrackingSource(GuestAllocatorSource inner) : GuestAllocatorSource
    {
        private readonly string _description = "tracking " + inner.Description;

        public override string Description => _description;

        public override IGuestAllocator? TryCreate(WasmGuest guest, List<BindingMismatch> mismatches) =>
            inner.TryCreate(guest, mismatches) is { } allocator ? new TrackingAllocator(allocator) : null;
    }

    private sealed class CustomSource(Func<WasmGuest, IGuestAllocator> create, string description) : GuestAllocatorSource
    {
        public override string Description => description;

        public override IGuestAllocator? TryCreate(WasmGuest guest, List<BindingMismatch> mismatches)
        {
            try
            {
                return create(guest);
            }
            catch (WasmBindingException ex)
            {
                mismatches.AddRange(ex.Mismatches);
                return null;
            }
        }
    }
}

/// <summary>Where a host-managed heap or arena takes guest memory from.</summary>
public enum HostHeapRegion
{
    /// <summary>Guest heap blocks if the guest has a heap, else <c>__heap_base</c> upward if exported, else memory.grow.</summary>
    Auto,

    /// <summary>Large blocks reserved through the guest's own heap (safe beside any guest allocator).</summary>
    GuestBlocks,

    /// <summary>Fresh pages from memory.grow, above everything (for guests whose allocator also uses memory.grow, or none).</summary>
    MemoryGrow,

    /// <summary>From the exported <c>__heap_base</c> to the end of memory, then memory.grow (for guests without a heap).</summary>
    HeapBase,
}
