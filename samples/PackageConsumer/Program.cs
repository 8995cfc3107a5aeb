using System;
using System.IO;
using Wasmtime;
using WasmMarshal;

// Everything here comes from the WasmMarshal package: the attributes, the runtime, and the generated stubs.
using var engine = new Engine();
using var module = Module.FromFile(engine, Path.Combine(AppContext.BaseDirectory, "quickstart.wasm"));
var log = new Log();
using var guest = WasmGuest.Builder(engine, module).Export<IHostLog>(log).Instantiate();
var plugin = guest.Import<IPlugin>();

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
