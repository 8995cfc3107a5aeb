using System;
using System.IO;
using Wasmtime;
using WasmMarshal;

// The guest is guests/c/quickstart.c, built by clang for wasm32-wasi (guests/build.sh) and committed as a .wasm.
using var engine = new Engine();
using var module = Module.FromFile(engine, Path.Combine(AppContext.BaseDirectory, "quickstart.wasm"));
using var guest = WasmGuest.Builder(engine, module)
    .Export<IHostLog>(new ConsoleLog())
    .Instantiate();

var plugin = guest.Import<IQuickStart>();
Console.WriteLine($"add(2, 40)        = {plugin.Add(2, 40)}");
Console.WriteLine($"greet(\"Wasm ✓\")   = {plugin.Greet("Wasm ✓")}");
Console.WriteLine($"word_count(...)   = {plugin.WordCount("the quick brown fox jumps over the lazy dog")}");

/// <summary>Functions the C guest exports; the generator implements this interface.</summary>
[WasmImport]
public partial interface IQuickStart
{
    int Add(int a, int b);

    string Greet(string name);

    uint WordCount(string text);
}

/// <summary>Functions the host offers; the C guest imports them as env.log.</summary>
[WasmExport("env")]
public partial interface IHostLog
{
    void Log(string message);
}

internal sealed class ConsoleLog : IHostLog
{
    public void Log(string message) => Console.WriteLine($"[guest log] {message}");
}
