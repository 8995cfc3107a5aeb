using System;
using System.IO;
using AssemblyInformationalVersionAttribute = System.Reflection.AssemblyInformationalVersionAttribute;
using Wasmtime;
using WasmMarshal;

// --expect-version V: fail unless the WasmMarshal assembly is version V (.ci/run packs a unique version each run, so
// a stale package in a cache cannot pass). --expect-direct-memory: fail unless the fast memory path and the direct export
// calls are in use (the NativeAOT build must get them too).
string? expectedVersion = null;
bool expectDirectMemory = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--expect-version" when i + 1 < args.Length: expectedVersion = args[++i]; break;
        case "--expect-direct-memory": expectDirectMemory = true; break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}' (use --expect-version V, --expect-direct-memory)");
            return 2;
    }
}

string informational = typeof(WasmGuest).Assembly.GetCustomAttributes(typeof(AssemblyInformationalVersionAttribute), false) is [AssemblyInformationalVersionAttribute attribute, ..] ? attribute.InformationalVersion : "?";
string version = informational.Split('+')[0]; // "+<commit>" is SourceLink's
Console.WriteLine($"WasmMarshal {informational}");
if (expectedVersion is not null && version != expectedVersion)
{
    Console.Error.WriteLine($"restored WasmMarshal {version}, expected the freshly packed {expectedVersion}: a cached package shadowed it");
    return 1;
}

// Everything here comes from the WasmMarshal package: the attributes, the runtime, and the generated stubs.
using var engine = WasmMarshal.Hosting.WasmEngines.Create(); // memories never move: views keep the base
using var module = Module.FromFile(engine, Path.Combine(AppContext.BaseDirectory, "quickstart.wasm"));
var log = new Log();
using var guest = WasmGuest.Builder(engine, module).Export<IHostLog>(log).Instantiate();
var plugin = guest.Import<IPlugin>();
Console.WriteLine($"direct memory access: {guest.Memory.UsesDirectNativeAccess}, base kept: {guest.Memory.BaseNeverMoves}, "
    + $"direct export calls: {WasmMarshal.Interop.WasmExports.UsesDirectCalls}, direct host functions: {WasmMarshal.Interop.WasmHostFunctions.IsAvailable}");
if (expectDirectMemory && !(guest.Memory.UsesDirectNativeAccess && guest.Memory.BaseNeverMoves
    && WasmMarshal.Interop.WasmExports.UsesDirectCalls && WasmMarshal.Interop.WasmHostFunctions.IsAvailable))
{
    Console.Error.WriteLine("the fast memory path, the direct export calls or the direct host functions are not in use");
    return 1;
}

int sum = plugin.Add(2, 40);
string greeting = plugin.Greet("package");
Console.WriteLine($"add(2, 40) = {sum}");
Console.WriteLine(greeting);
Console.WriteLine($"Marshal.SizeOf<int>() = {System.Runtime.InteropServices.Marshal.SizeOf<int>()}"); // not shadowed
if (sum != 42 || greeting != "Hello, package! (from C)" || log.Count != 1)
{
    Console.Error.WriteLine("the package consumer got unexpected results");
    return 1;
}

Console.WriteLine("package consumer: OK");
return 0;

[WasmImport]
public partial interface IPlugin
{
    int Add(int a, int b);

    string Greet(string name);
}

[WasmExport("env")]
public partial interface IHostLog
{
    void Log(string message);
}

internal sealed class Log : IHostLog
{
    public int Count { get; private set; }

    void IHostLog.Log(string message) => Count++;
}
