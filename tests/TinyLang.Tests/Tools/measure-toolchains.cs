#:project ../../../src/Marshal.Runtime/Marshal.Runtime.csproj
// Measures the figures of docs/guests/comparison.md for the six toolchain-matrix guests in guests/bin:
//
//   dotnet run tests/TinyLang.Tests/Tools/measure-toolchains.cs -- [--svg-dir docs/images/layout]
//
// Per guest: layout facts (ModuleLayout), imports, bytes of allocator overhead per small allocation, a Stopwatch timing
// of alloc+free pairs through the runtime's allocator adapter (IGuestAllocator over the guest's exports, or the host
// heap for the guest that imports its malloc), and whether the allocator runs when every import is a trap.
// A Stopwatch loop, not BenchmarkDotNet: figures are indicative, a few percent apart between runs.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Wasmtime;
using WasmMarshal;
using WasmMarshal.Allocation;
using WasmMarshal.Inspection;

string root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "../../.."));
if (!File.Exists(Path.Combine(root, "Marshal.sln")))
{
    root = Directory.GetCurrentDirectory();
}

string? svgDir = args.Length == 2 && args[0] == "--svg-dir" ? args[1] : null;
string[] guests = ["matrix_wasi", "matrix_stackfirst", "matrix_host_heap", "em_matrix", "rust_matrix", "as_matrix"];
const int Blocks = 1000, BlockSize = 16, Pairs = 100_000;

Console.WriteLine("| guest | bytes | arrangement | __heap_base | __data_end | heap owner | imports | stride of 16-byte blocks | overhead/block | ns per alloc+free | runs with trap imports |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (string name in guests)
{
    string path = Path.Combine(root, "guests", "bin", name + ".wasm");
    var layout = ModuleLayout.FromFile(path);
    using var engine = new Engine();
    using var module = Module.FromFile(engine, path);
    string imports = string.Join(", ", module.Imports.Select(i => $"{i.ModuleName}.{i.Name}"));

    // The allocator as WasmMarshal's stubs use it: the guest's own exports, or the host heap it imports.
    var builder = WasmGuest.Builder(engine, module).ConfigureLinker((linker, _) => linker.DefineUnknownImportsAsTraps(module));
    if (layout.HeapOwner == GuestHeapOwner.Host)
    {
        builder.WithHostHeapImports();
    }

    using var guest = builder.Instantiate();
    var heap = guest.GuestHeap;
    heap.Free(heap.Allocate(BlockSize, 8), BlockSize, 8); // first-use set-up (sbrk, free lists) out of the way
    ulong memoryBefore = guest.Memory.Length;
    var addresses = new List<uint>();
    for (int i = 0; i < Blocks; i++)
    {
        addresses.Add(heap.Allocate(BlockSize, 8));
    }

    addresses.Sort();
    // Consecutive small blocks are laid out one after another in every allocator here; the stride between
    // neighbours (median, to ignore a chunk boundary) is payload plus whatever the allocator keeps beside it.
    var strides = addresses.Zip(addresses.Skip(1), (a, b) => (long)b - a).OrderBy(s => s).ToList();
    long stride = strides[strides.Count / 2];
    if (svgDir is not null)
    {
        string file = Path.Combine(svgDir, $"{name}-{Blocks}-blocks.svg");
        File.WriteAllText(file, MemoryMapSvg.Render(MemoryMap.Of(InstanceLayout.Capture(guest, layout), showUngrownPages: false)));
    }

    foreach (uint address in addresses)
    {
        heap.Free(address, BlockSize, 8);
    }

    for (int i = 0; i < 10_000; i++)
    {
        heap.Free(heap.Allocate(BlockSize, 8), BlockSize, 8);
    }

    // Five rounds; the fastest is the least disturbed by the other processes on the machine.
    var rounds = new List<double>();
    for (int round = 0; round < 5; round++)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Pairs; i++)
        {
            heap.Free(heap.Allocate(BlockSize, 8), BlockSize, 8);
        }

        rounds.Add(watch.Elapsed.TotalNanoseconds / Pairs);
    }

    rounds.Sort();
    string speed = $"{rounds[0]:F0} (median {rounds[2]:F0})";
    string bareHost = BareHost(path, layout);
    Console.WriteLine($"| {name} | {new FileInfo(path).Length} | {layout.Arrangement} | {Exported(module, "__heap_base")} | {Exported(module, "__data_end")} " +
        $"| {layout.HeapOwner} | {imports} | {stride} | {stride - BlockSize} | {speed} | {bareHost} |");
}

return 0;

static string Exported(Module module, string global) => module.Exports.Any(e => e.Name == global) ? "exported" : "no";

// Plain Wasmtime, no WasmMarshal: every import is a trap, so the only thing the host gives is the module's own memory.
// Calls the allocator export for 64 KiB blocks, keeping them, until memory has grown twice (at most 64 MiB): so the
// allocator's growth path, and whatever it calls when memory grows, runs too.
static string BareHost(string path, ModuleLayout layout)
{
    if (layout.HeapOwner == GuestHeapOwner.Host)
    {
        return "no: its malloc is an import";
    }

    using var engine = new Engine();
    using var module = Module.FromFile(engine, path);
    using var linker = new Linker(engine);
    using var store = new Store(engine);
    linker.DefineUnknownImportsAsTraps(module);
    try
    {
        var instance = linker.Instantiate(store, module);
        instance.GetAction("_initialize")?.Invoke();
        var memory = instance.GetMemory("memory")!;
        long before = memory.GetLength();
        var pin = instance.GetFunction<int, int>("__pin");
        Func<int, int> allocate = instance.GetFunction<int, int>("malloc") is { } malloc ? malloc
            : instance.GetFunction<int, int, int>("alloc") is { } alloc ? size => alloc(size, 8)
            // AssemblyScript collects unreachable objects; pinning keeps them, as a host holding them would.
            : instance.GetFunction<int, int, int>("__new") is { } @new ? size => pin!(@new(size, 0))
            : throw new InvalidOperationException("no allocator export");
        int grows = 0;
        long last = before;
        for (int i = 0; i < 1024 && grows < 2; i++)
        {
            if (allocate(64 * 1024) == 0)
            {
                return "no: allocation failed";
            }

            if (memory.GetLength() != last)
            {
                grows++;
                last = memory.GetLength();
            }
        }

        return $"yes (grew {before / 65536} -> {memory.GetLength() / 65536} pages)";
    }
    catch (WasmtimeException ex)
    {
        // The cause, not Wasmtime's backtrace header: the line naming the import that trapped.
        string cause = ex.Message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("unknown import", StringComparison.Ordinal))
            ?? ex.Message.Split('\n')[0];
        return "no: " + cause;
    }
}
