// A tiny functional language compiled to WebAssembly whose heap is the host's.
//
//   dotnet run --project samples/TinyLang                      runs the demo programs on the host heap
//   dotnet run --project samples/TinyLang -- --arena           the same on an arena reset after every run
//   dotnet run --project samples/TinyLang -- --leaks           tracks every block the programs allocate, prints the report
//   dotnet run --project samples/TinyLang -- --leaks --no-free  the programs never free their objects: the report lists them
//   dotnet run --project samples/TinyLang -- -e "1 + 2"        compiles and runs one expression
//   dotnet run --project samples/TinyLang -- --wat -e "1 + 2"  prints the module text too
//   dotnet run --project samples/TinyLang -- --svg map.svg     writes the memory map after the last run as SVG
using System;
using System.Collections.Generic;
using System.IO;
using Wasmtime;
using WasmMarshal.Inspection;
using WasmMarshal.Samples.TinyLang;

var heap = TinyHeap.HostHeap;
bool leaks = false, printWat = false, freeObjects = true;
string? svgPath = null;
var programs = new List<(string Name, string Source, string? Expected)>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--arena": heap = TinyHeap.Arena; break;
        case "--leaks": leaks = true; break;
        case "--wat": printWat = true; break;
        case "--no-free": freeObjects = false; break;
        case "--svg" when i + 1 < args.Length: svgPath = args[++i]; break;
        case "-e" when i + 1 < args.Length: programs.Add(($"-e #{programs.Count + 1}", args[++i], null)); break;
        case var path when !path.StartsWith('-') && File.Exists(path): programs.Add((Path.GetFileName(path), File.ReadAllText(path), null)); break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}");
            Console.Error.WriteLine("usage: TinyLang [--arena] [--leaks] [--no-free] [--wat] [--svg map.svg] [-e expression | file.tiny]...");
            return 2;
    }
}

if (programs.Count == 0)
{
    foreach (var demo in SamplePrograms.Demo)
    {
        programs.Add(demo);
    }
}

// Growth moves the memory base: no static reservation, no room reserved to grow in place.
using var engine = new Engine(new Config().WithStaticMemoryMaximumSize(0).WithMemoryReservationForGrowth(0));
TinyMachine? last = null;
try
{
    int wrong = 0;
    foreach (var (name, source, expected) in programs)
    {
        last?.Dispose();
        CompiledProgram compiled;
        try
        {
            compiled = Compiler.Compile(source, freeObjects);
        }
        catch (Exception ex) when (ex is TinySyntaxException or TinyCompileException)
        {
            Console.Error.WriteLine($"{name}: {ex.Message}");
            return 1;
        }

        if (printWat)
        {
            Console.WriteLine(compiled.Wat);
        }

        last = TinyMachine.Load(engine, compiled, heap, leaks);
        TinyValue result;
        try
        {
            result = last.Run();
        }
        catch (WasmMarshal.WasmTrapException trap)
        {
            // A type error, a division by zero, a too-deep recursion or an exhausted heap.
            Console.Error.WriteLine($"{name}: {trap.Message}");
            return 1;
        }

        var stats = last.Statistics;
        Console.WriteLine($"{name,-11} = {result}");
        if (expected is not null && result.ToString() != expected)
        {
            Console.WriteLine($"{"",-11}   WRONG: expected {expected}");
            wrong++;
        }

        Console.WriteLine($"{"",-11}   {last.ObjectCount} objects, {compiled.LiftedFunctions} lifted functions; heap peak {stats.PeakBytesInUse} B, " +
            $"in use after {stats.BytesInUse} B, {stats.AllocationCount} allocations, manages {stats.ManagedBytes} B, memory {last.Guest.Memory.Length} B");
    }

    var machine = last!;
    Console.WriteLine();
    Console.WriteLine($"Heap: {machine.Guest.GuestHeap.Name}");
    Console.WriteLine($"Statistics after the last run: {machine.Statistics}");
    var layout = machine.Layout();
    Console.Write(layout.Describe());
    var map = MemoryMap.Of(layout, showUngrownPages: false);
    Console.Write(map.Describe());
    if (svgPath is not null)
    {
        File.WriteAllText(svgPath, MemoryMapSvg.Render(map));
        Console.WriteLine($"wrote {svgPath}");
    }

    if (wrong > 0)
    {
        Console.Error.WriteLine($"{wrong} results differ from the expected values");
        return 1;
    }

    if (machine.Tracking is { } tracking)
    {
        Console.WriteLine();
        string report = tracking.LeakReport();
        Console.WriteLine(report.Length == 0
            ? $"Tracking: no leaks; {machine.Statistics.AllocationCount} allocations, every one freed."
            : report);
    }
}
finally
{
    last?.Dispose();
}

return 0;
