using System;
using System.Collections.Generic;
using System.IO;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// One instance of <c>marshal_test.wasm</c> on an engine from <c>WasmEngines.Create()</c>, whose memories never move (not the tests' moving-memory engine).
/// The guest's <c>env.*</c> imports are defined as traps: no benchmark calls a function that reaches them.
/// </summary>
public sealed class BenchGuest : IDisposable
{
    private BenchGuest(Engine engine, Module module, WasmGuest guest)
    {
        Engine = engine;
        Module = module;
        Guest = guest;
    }

    public Engine Engine { get; }

    public Module Module { get; }

    public WasmGuest Guest { get; }

    /// <summary>Compiles and instantiates a committed guest binary (default engine, WASI defined automatically).</summary>
    public static BenchGuest Load(string name = "marshal_test") => Load(builder => builder, name);

    /// <summary>
    /// Like <see cref="Load(string)"/>, with <paramref name="configure"/> applied to the builder first (host exports,
    /// linker definitions); the imports it leaves undefined become traps.
    /// </summary>
    public static BenchGuest Load(Func<WasmGuestBuilder, WasmGuestBuilder> configure, string name = "marshal_test")
    {
        var engine = WasmMarshal.Hosting.WasmEngines.Create(); // memories never move: views keep the base (docs/performance.md)
        Module? module = null;
        try
        {
            module = Module.FromFile(engine, PathOf(name));
            var compiled = module;
            var guest = configure(WasmGuest.Builder(engine, module))
                .ConfigureLinker((linker, _) => linker.DefineUnknownImportsAsTraps(compiled))
                .Instantiate();
            if (!guest.Memory.UsesDirectNativeAccess)
            {
                throw new InvalidOperationException("GuestMemory fell back to the public Wasmtime API: the numbers would not describe the shipped fast path.");
            }

            return new BenchGuest(engine, module, guest);
        }
        catch
        {
            module?.Dispose();
            engine.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A <see cref="HostHeapAllocator"/> over blocks reserved from the guest's own malloc
    /// (<see cref="HostHeapRegion.GuestBlocks"/>), warmed up so its first region is already obtained.
    /// </summary>
    public HostHeapAllocator CreateHostHeap()
    {
        var heap = (HostHeapAllocator)Create(GuestAllocatorSource.HostHeap(HostHeapRegion.GuestBlocks));
        heap.Free(heap.Allocate(64, 8), 64, 8);
        return heap;
    }

    /// <summary>
    /// An <see cref="ArenaAllocator"/> whose chunks come from the guest's own malloc, warmed up so its first chunk is
    /// already obtained.
    /// </summary>
    public ArenaAllocator CreateArena()
    {
        var arena = (ArenaAllocator)Create(GuestAllocatorSource.Arena(HostHeapRegion.GuestBlocks));
        var scope = arena.EnterScope();
        arena.Allocate(64, 8);
        arena.ExitScope(scope);
        return arena;
    }

    /// <summary>
    /// <see cref="IBenchGuest"/> bound once per allocator: guest malloc (the default), a warmed-up host heap, a
    /// warmed-up arena.
    /// </summary>
    public (IBenchGuest GuestMalloc, IBenchGuest HostHeap, IBenchGuest Arena) BindEachAllocator() =>
        (Guest.Import<IBenchGuest>(), Guest.Import<IBenchGuest>(CreateHostHeap()), Guest.Import<IBenchGuest>(CreateArena()));

    /// <summary>
    /// Copies <paramref name="bytes"/> into a block from the guest's malloc, once, for the baselines that call an
    /// export on data already in guest memory. The block lives as long as the guest.
    /// </summary>
    public uint Place(ReadOnlySpan<byte> bytes)
    {
        uint address = Guest.GuestHeap.Allocate((uint)Math.Max(bytes.Length, 1), 8);
        bytes.CopyTo(Guest.Memory.View().Bytes(address, (uint)bytes.Length, "setup", "placed bytes"));
        return address;
    }

    private IGuestAllocator Create(GuestAllocatorSource source)
    {
        var mismatches = new List<BindingMismatch>();
        return source.TryCreate(Guest, mismatches) ?? throw new WasmBindingException(source.Description, mismatches);
    }

    /// <summary>
    /// The path of a committed guest: next to the assembly (the project copies <c>guests/bin/*.wasm</c> there), else
    /// <c>guests/bin</c> found by walking up from the assembly or the working directory.
    /// </summary>
    public static string PathOf(string name)
    {
        string file = name + ".wasm";
        string local = Path.Combine(AppContext.BaseDirectory, "guests", file);
        if (File.Exists(local))
        {
            return local;
        }

        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "guests", "bin", file);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Cannot find {file} next to the benchmarks or in a guests/bin folder above them.", local);
    }

    public void Dispose()
    {
        Guest.Dispose();
        Module.Dispose();
        Engine.Dispose();
    }
}
