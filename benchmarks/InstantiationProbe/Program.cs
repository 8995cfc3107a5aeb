using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Wasmtime;
using WasmMarshal;
using WasmMarshal.Binding;
using WasmMarshal.Hosting;

// Splits instantiate + bind + first calls on the quickstart guest into their parts (issue 17). Each row: best of 5
// rounds of N iterations after a warm-up, time per iteration and managed bytes per iteration on this thread. The
// machine is shared: read the ratios between rows of one run, not the absolute times.
//   dotnet run -c Release --project benchmarks/InstantiationProbe [-- rows|first|all] [N]
string mode = args.Length > 0 ? args[0] : "all";
int n = args.Length > 1 ? int.Parse(args[1]) : 2000;
string path = Path.Combine(AppContext.BaseDirectory, "quickstart.wasm");

using var defaultEngine = new Engine();
using var poolingEngine = WasmEngines.ForPlugins();
using var defaultModule = Module.FromFile(defaultEngine, path);
using var poolingModule = Module.FromFile(poolingEngine, path);
var log = new QuickLog();
using var rawDefault = RawLinker(defaultEngine);
using var rawPooling = RawLinker(poolingEngine);
using var templateDefault = WasmGuest.Builder(defaultEngine, defaultModule).Export<IQuickLog>(log).Prepare();
using var templatePooling = WasmGuest.Builder(poolingEngine, poolingModule).Export<IQuickLog>(log).Prepare();
Console.WriteLine($"template shares its linker: {templatePooling.SharesLinker}, InstancePre: {templatePooling.UsesInstancePre}");

// Every row twice, printing the second pass only: until the JIT has tiered up (it compiles hot methods again in the
// background after their first 30 calls, with a delay), the first rows of a process run measurably slower.
bool printRows = false;
if (mode is "rows" or "all")
{
    RowsPass();
    printRows = true;
    RowsPass();
}

void RowsPass()
{
    if (printRows)
    {
        Console.WriteLine($"{"row",-90} {"µs/op",8} {"B/op",8}");
    }

    Row("raw default: store + instantiate + _initialize + GetFunction + add", () => Raw(rawDefault, defaultEngine, defaultModule));
    Row("template default: Instantiate + Import<IQuickStart> + Add", () => TemplateAdd(templateDefault));
    Row("raw pooling: store + instantiate + _initialize + GetFunction + add", () => Raw(rawPooling, poolingEngine, poolingModule));
    Row("template pooling: Instantiate + Import<IQuickStart> + Add", () => TemplateAdd(templatePooling));
    Row("raw pooling, resolving what the template binds (memory, add, greet, word_count, malloc, free) + add", () => RawSameWork(rawPooling, poolingEngine, poolingModule));
    Row("raw default, resolving what the template binds + add", () => RawSameWork(rawDefault, defaultEngine, defaultModule));
    if (printRows)
    {
        Console.WriteLine("-- split, pooling engine");
    }

    Row("raw: store + instantiate + _initialize + dispose", () =>
    {
        using var store = new Store(poolingEngine);
        rawPooling.Instantiate(store, poolingModule).GetAction("_initialize")!();
        return 0;
    });
    Row("template: Instantiate + dispose", () =>
    {
        using var guest = templatePooling.Instantiate();
        return 0;
    });
    Row("template: Instantiate + guest.Allocator + dispose", () =>
    {
        using var guest = templatePooling.Instantiate();
        return guest.Allocator is null ? 1 : 0;
    });
    Row("template: Instantiate + Import<IQuickStart> + dispose", () =>
    {
        using var guest = templatePooling.Instantiate();
        return guest.Import<IQuickStart>() is null ? 1 : 0;
    });
    using (var store = new Store(poolingEngine))
    {
        var instance = rawPooling.Instantiate(store, poolingModule);
        Row("raw: one GetFunction<int,int,int> on a live instance", () => instance.GetFunction<int, int, int>("add") is null ? 1 : 0);
        Row("raw: one GetAction<int> on a live instance", () => instance.GetAction<int>("free") is null ? 1 : 0);
        Row("raw: instance.GetMemory(\"memory\")", () => instance.GetMemory("memory") is null ? 1 : 0);
        Row("raw: instance.GetGlobal(\"__heap_base\")", () => instance.GetGlobal("__heap_base") is null ? 1 : 0);
    }

    if (printRows)
    {
        Console.WriteLine("-- the headline rows again, after the others");
    }

    Row("raw pooling: store + instantiate + _initialize + GetFunction + add", () => Raw(rawPooling, poolingEngine, poolingModule));
    Row("template pooling: Instantiate + Import<IQuickStart> + Add", () => TemplateAdd(templatePooling));
}

if (mode is "calls" or "all")
{
    // Per call: Greet calls env.log once (the [WasmExport] binder reads a 12-byte string), then the host reads and
    // frees the result. The generated binder's define-once form (Caller, store data) against the capturing form.
    PerInstanceLog.Register();
    using var perInstance = WasmGuest.Builder(poolingEngine, poolingModule).Export<IQuickLogPerInstance>(log).Prepare();
    using var shared = templatePooling.Instantiate();
    using var captured = perInstance.Instantiate();
    var sharedStub = shared.Import<IQuickStart>();
    var capturedStub = captured.Import<IQuickStart>();
    printRows = true;
    for (int pass = 0; pass < 4; pass++)
    {
        Row("Greet(\"x\"), env.log captured per instance", () => capturedStub.Greet("x").Length);
        Row("Greet(\"x\"), env.log defined once (Caller + store data)", () => sharedStub.Greet("x").Length);
        Row("Add(2, 40), define-once template instance", () => sharedStub.Add(2, 40));
        Row("Add(2, 40), per-instance template instance", () => capturedStub.Add(2, 40));
    }
}

if (mode is "first" or "all")
{
    FirstCalls("template pooling, fresh instance", () => templatePooling.Instantiate());
    RawFirst(poolingEngine, poolingModule, rawPooling);
}

if (mode is "bytes" or "all")
{
    // Bytes of each step on a fresh instance (deterministic once warm): the median over 200 instances.
    var steps = new Dictionary<string, List<(long Bytes, double Us)>>();
    void Step(string name, Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        action();
        double us = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        (steps.TryGetValue(name, out var list) ? list : steps[name] = new()).Add((bytes, us));
    }

    for (int k = 0; k < 300; k++)
    {
        using (var store = new Store(poolingEngine))
        {
            Instance instance = null!;
            Step("raw: new Store", () => { using var s = new Store(poolingEngine); });
            Step("raw: Instantiate", () => instance = rawPooling.Instantiate(store, poolingModule));
            Step("raw: GetAction(_initialize) + call", () => instance.GetAction("_initialize")!());
            Step("raw: 1st GetFunction<int,int,int>(add)", () => instance.GetFunction<int, int, int>("add"));
            Step("raw: 2nd GetFunction<int,int,int>(add)", () => instance.GetFunction<int, int, int>("add"));
            Step("raw: GetFunction<int,int>(malloc)", () => instance.GetFunction<int, int>("malloc"));
            Step("raw: GetAction<int>(free)", () => instance.GetAction<int>("free"));
            Step("raw: GetMemory(memory)", () => instance.GetMemory("memory"));
            Step("raw: GetGlobal(__heap_base)", () => instance.GetGlobal("__heap_base"));
            Step("raw: module.Exports", () => _ = poolingModule.Exports);
        }

        WasmGuest guest = null!;
        Step("template: Instantiate", () => guest = templatePooling.Instantiate());
        Step("template: guest.Allocator", () => _ = guest.Allocator);
        Step("template: guest.GuestHeap", () => _ = guest.GuestHeap);
        Step("template: Import<IQuickStart>", () => guest.Import<IQuickStart>());
        Step("template: 2nd Import<IQuickStart>", () => guest.Import<IQuickStart>());
        Step("template: Dispose", () => guest.Dispose());
    }

    for (int k = 0; k < 300; k++)
    {
        // The parts of resolving an allocator, on a fresh instance of their own.
        using var guest = templatePooling.Instantiate();
        var memory = guest.Instance.GetMemory("memory")!;
        Step("parts: new GuestMemory (the direct native accessor)", () => new GuestMemory(memory));
        Step("parts: HeapFloor.Read", () => WasmMarshal.Allocators.HeapFloor.Read(guest.Instance));
        Func<int, int> m = null!; Action<int> f = null!;
        Step("parts: GetFunction malloc + GetAction free", () => { m = guest.Instance.GetFunction<int, int>("malloc")!; f = guest.Instance.GetAction<int>("free")!; });
        Step("parts: new GuestMallocAllocator (the memory's first)", () => new WasmMarshal.Allocators.GuestMallocAllocator(guest.Memory, m, f));
        Step("parts: Malloc().TryCreate (delegates cached by Wasmtime)", () => WasmMarshal.Allocators.GuestAllocatorSource.Malloc().TryCreate(guest, new List<BindingMismatch>()));
    }

    foreach (var (name, list) in steps)
    {
        var kept = list.Skip(100).ToList();
        Console.WriteLine($"{name,-60} {kept.Select(v => v.Bytes).OrderBy(v => v).ElementAt(100),8} B {Median(kept.Select(v => v.Us)),8:F2} µs");
    }
}

if (mode is "resident" or "all")
{
    printRows = true;
    // The pooling engine decommitting every memory page when a slot is reused (Wasmtime's default), against the
    // recipe's default, which keeps the first 128 KiB resident (memset instead), so that a reused slot's first
    // touches do not fault pages in.
    using var residentEngine = WasmEngines.ForPlugins(new PluginEngineOptions { KeepResidentBytes = 0 });
    using var residentModule = Module.FromFile(residentEngine, path);
    using var rawResident = RawLinker(residentEngine);
    using var templateResident = WasmGuest.Builder(residentEngine, residentModule).Export<IQuickLog>(log).Prepare();
    Row("raw pooling: store + instantiate + _initialize + GetFunction + add", () => Raw(rawPooling, poolingEngine, poolingModule));
    Row("template pooling: Instantiate + Import + Add", () => TemplateAdd(templatePooling));
    Row("raw pooling, decommit all (KeepResidentBytes = 0): store + instantiate + _initialize + GetFunction + add", () => Raw(rawResident, residentEngine, residentModule));
    Row("template pooling, decommit all (KeepResidentBytes = 0): Instantiate + Import + Add", () => TemplateAdd(templateResident));
    FirstCalls("template pooling", () => templatePooling.Instantiate());
    FirstCalls("template pooling, decommit all (KeepResidentBytes = 0)", () => templateResident.Instantiate());
    RawFirst(poolingEngine, poolingModule, rawPooling);
    RawFirst(residentEngine, residentModule, rawResident);
}

return 0;

void Row(string name, Func<int> body)
{
    for (int i = 0; i < Math.Max(300, n / 5); i++)
    {
        body();
    }

    double best = double.MaxValue;
    long bestBytes = long.MaxValue;
    for (int round = 0; round < 5; round++)
    {
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++)
        {
            body();
        }

        double us = Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
        bytes = (GC.GetAllocatedBytesForCurrentThread() - bytes) / n;
        best = Math.Min(best, us);
        bestBytes = Math.Min(bestBytes, bytes);
    }

    if (printRows)
    {
        Console.WriteLine($"{name,-90} {best,8:F2} {bestBytes,8}");
    }
}

// Per fresh instance: bind, first, second and third WordCount of a 64-byte string; the median over K instances per
// position, and the very first instance of the process on its own (JIT included).
void FirstCalls(string label, Func<WasmGuest> make)
{
    string text = new string('w', 31) + " " + new string('x', 32);
    var samples = new List<double[]>();
    for (int k = 0; k < 400; k++)
    {
        using var guest = make();
        var t = new double[5];
        long s = Stopwatch.GetTimestamp();
        var stub = guest.Import<IQuickStart>();
        t[0] = Stopwatch.GetElapsedTime(s).TotalMicroseconds;
        for (int c = 1; c <= 3; c++)
        {
            s = Stopwatch.GetTimestamp();
            if (stub.WordCount(text) != 2) throw new InvalidOperationException("word count");
            t[c] = Stopwatch.GetElapsedTime(s).TotalMicroseconds;
        }

        s = Stopwatch.GetTimestamp();
        stub.Add(2, 40);
        t[4] = Stopwatch.GetElapsedTime(s).TotalMicroseconds;
        samples.Add(t);
    }

    Console.WriteLine($"-- {label}: µs  bind | 1st WordCount(64 B) | 2nd | 3rd | Add");
    Console.WriteLine($"   process's first instance: {string.Join(" | ", samples[0].Select(v => v.ToString("F2")))}");
    Console.WriteLine($"   median of instances 100-399: {string.Join(" | ", Enumerable.Range(0, 5).Select(i => Median(samples.Skip(100).Select(x => x[i])).ToString("F2")))}");
}

// The same guest without WasmMarshal: first and later malloc(64) + write + word_count + free.
void RawFirst(Engine engine, Module module, Linker linker)
{
    var samples = new List<double[]>();
    byte[] bytes = System.Text.Encoding.UTF8.GetBytes(new string('w', 31) + " " + new string('x', 32));
    for (int k = 0; k < 400; k++)
    {
        using var store = new Store(engine);
        var instance = linker.Instantiate(store, module);
        instance.GetAction("_initialize")!();
        var malloc = instance.GetFunction<int, int>("malloc")!;
        var free = instance.GetAction<int>("free")!;
        var wordCount = instance.GetFunction<int, int, int>("word_count")!;
        var memory = instance.GetMemory("memory")!;
        var t = new double[4];
        for (int c = 0; c < 3; c++)
        {
            long s = Stopwatch.GetTimestamp();
            int p = malloc(bytes.Length);
            bytes.CopyTo(memory.GetSpan(p, bytes.Length));
            if (wordCount(p, bytes.Length) != 2) throw new InvalidOperationException("word count");
            free(p);
            t[c] = Stopwatch.GetElapsedTime(s).TotalMicroseconds;
        }

        // A fresh instance again: the first malloc alone.
        using var store2 = new Store(engine);
        var instance2 = linker.Instantiate(store2, module);
        instance2.GetAction("_initialize")!();
        var malloc2 = instance2.GetFunction<int, int>("malloc")!;
        long s2 = Stopwatch.GetTimestamp();
        malloc2(64);
        t[3] = Stopwatch.GetElapsedTime(s2).TotalMicroseconds;
        samples.Add(t);
    }

    Console.WriteLine("-- raw, fresh instance: µs  1st malloc+copy+word_count+free | 2nd | 3rd | a fresh instance's malloc(64) alone");
    Console.WriteLine($"   median of instances 100-399: {string.Join(" | ", Enumerable.Range(0, 4).Select(i => Median(samples.Skip(100).Select(x => x[i])).ToString("F2")))}");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted[sorted.Length / 2];
}

static Linker RawLinker(Engine engine)
{
    var linker = new Linker(engine);
    linker.DefineFunction("env", "log", (int _, int _) => { });
    return linker;
}

static int Raw(Linker linker, Engine engine, Module module)
{
    using var store = new Store(engine);
    var instance = linker.Instantiate(store, module);
    instance.GetAction("_initialize")!();
    return instance.GetFunction<int, int, int>("add")!(2, 40);
}

static int RawSameWork(Linker linker, Engine engine, Module module)
{
    using var store = new Store(engine);
    var instance = linker.Instantiate(store, module);
    instance.GetAction("_initialize")!();
    _ = instance.GetMemory("memory")!;
    _ = instance.GetAction<int, int, int>("greet")!;
    _ = instance.GetFunction<int, int, int>("word_count")!;
    _ = instance.GetFunction<int, int>("malloc")!;
    _ = instance.GetAction<int>("free")!;
    return instance.GetFunction<int, int, int>("add")!(2, 40);
}

int TemplateAdd(WasmGuestTemplate template)
{
    using var guest = template.Instantiate();
    return guest.Import<IQuickStart>().Add(2, 40);
}

/// <summary>The quickstart guest's exports (samples/QuickStart).</summary>
[WasmImport]
public partial interface IQuickStart
{
    int Add(int a, int b);

    string Greet(string name);

    uint WordCount(string text);
}

/// <summary>The quickstart guest's import <c>env.log</c>.</summary>
[WasmExport("env")]
public partial interface IQuickLog
{
    void Log(string message);
}

/// <summary><c>env.log</c> with a hand-written binder that captures its guest (no define-once form).</summary>
public interface IQuickLogPerInstance
{
    void Log(string message);
}

public static class PerInstanceLog
{
    public static void Register() => WasmBindings.RegisterExport(new WasmExportBinding<IQuickLogPerInstance>(
        typeof(IQuickLogPerInstance).FullName!, "env", [new("log", "Log", CoreSignature.Action(ValueKind.Int32, ValueKind.Int32))],
        (linker, guest, implementation) => linker.DefineFunction("env", "log", (int pointer, int length) =>
        {
            var call = new WasmMarshal.Interop.WasmHostCall(guest, "IQuickLogPerInstance.Log");
            implementation.Log(call.String<WasmMarshal.Marshalling.Utf8Codec>(pointer, length, "message"));
        })));
}

/// <summary>Counts what the guest logs.</summary>
public sealed class QuickLog : IQuickLog, IQuickLogPerInstance
{
    public int Count { get; private set; }

    public void Log(string message) => Count++;
}
