// Prints the memory layout of any wasm module and draws its memory map as SVG.
//
//   dotnet run --project samples/LayoutInspector -- guests/bin/quickstart.wasm --svg quickstart.svg
//   dotnet run --project samples/LayoutInspector -- guests/bin/em_host_heap.wasm --instantiate --allocate --svg em.svg
//
// --instantiate  instantiates the module (imports WasmMarshal does not serve trap when called) and maps the running
//                instance: current memory size, live exported globals, host heaps and arenas.
// --allocate     with --instantiate: allocates a few buffers in a host heap and an arena first, so they show up.
// --scale        both (default), linear or log.
// --no-ungrown   maps only the memory that exists, not the pages up to the declared maximum.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wasmtime;
using WasmMarshal;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Inspection;

const string Usage = "usage: LayoutInspector <module.wasm> [--svg out.svg] [--instantiate] [--allocate] [--scale both|linear|log] [--no-ungrown]";
string? path = null, svgPath = null;
bool instantiate = false, allocate = false, ungrown = true;
var scale = MemoryMapScale.Both;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--svg" when i + 1 < args.Length: svgPath = args[++i]; break;
        case "--instantiate": instantiate = true; break;
        case "--allocate": allocate = instantiate = true; break;
        case "--no-ungrown": ungrown = false; break;
        case "--help" or "-h":
            Console.WriteLine(Usage);
            Console.WriteLine("Prints the module's memory layout; --svg also draws its memory map (docs/layout.md).");
            return 0;
        case "--scale" when i + 1 < args.Length:
            scale = args[++i] switch
            {
                "linear" => MemoryMapScale.Linear,
                "log" => MemoryMapScale.Logarithmic,
                "both" => MemoryMapScale.Both,
                var other => throw new ArgumentException($"--scale {other}: expected both, linear or log"),
            };
            break;
        case var a when !a.StartsWith("--", StringComparison.Ordinal) && path is null: path = a; break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

if (path is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

ModuleLayout layout;
try
{
    layout = ModuleLayout.FromFile(path);
}
catch (WasmModuleFormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

MemoryMap map;
if (!instantiate)
{
    Console.Write(layout.Describe());
    map = MemoryMap.Of(layout, ungrown);
}
else
{
    using var engine = new Engine();
    using var module = Wasmtime.Module.FromFile(engine, path);
    var builder = WasmGuest.Builder(engine, module)
        .ConfigureLinker((linker, _) => linker.DefineUnknownImportsAsTraps(module));
    if (layout.HeapOwner == GuestHeapOwner.Host)
    {
        builder.WithHostHeapImports();
    }

    using var guest = builder.Instantiate();
    var extra = new List<IGuestAllocator>();
    if (allocate)
    {
        extra.AddRange(AllocateSamples(guest, layout));
    }

    var instance = InstanceLayout.Capture(guest, layout, extra.ToArray());
    Console.Write(instance.Describe());
    map = MemoryMap.Of(instance, ungrown);
}

Console.Write(map.Describe());
if (svgPath is not null)
{
    File.WriteAllText(svgPath, MemoryMapSvg.Render(map, scale));
    Console.WriteLine($"wrote {svgPath}");
}

return 0;

// A few buffers in each kind of host-managed memory the guest supports: its imported host heap, or a host heap and an
// arena taking blocks from the guest's own allocator (or from memory.grow when it has none).
static IEnumerable<IGuestAllocator> AllocateSamples(WasmGuest guest, ModuleLayout layout)
{
    if (layout.HeapOwner == GuestHeapOwner.Host)
    {
        var heap = guest.GuestHeap;
        heap.Allocate(3000, 16);
        heap.Free(heap.Allocate(5000, 16), 5000, 16);
        heap.Allocate(200, 16);
    }

    var region = layout.HeapOwner == GuestHeapOwner.Guest ? HostHeapRegion.GuestBlocks : HostHeapRegion.MemoryGrow;
    var hostHeap = (HostHeapAllocator)GuestAllocatorSource.HostHeap(region, 64 * 1024).TryCreate(guest, new List<BindingMismatch>())!;
    uint first = hostHeap.Allocate(4096, 8);
    hostHeap.Allocate(12000, 8);
    hostHeap.Free(first, 4096, 8);
    hostHeap.Allocate(512, 8);

    var arena = (ArenaAllocator)GuestAllocatorSource.Arena(region, 32 * 1024).TryCreate(guest, new List<BindingMismatch>())!;
    // Left open, so that the map shows the arena's bump pointer above what the scope allocated.
    var scope = arena.Scope();
    scope.Allocate(10000);
    scope.Allocate(700);
    return [hostHeap, arena];
}
