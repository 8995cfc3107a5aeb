using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using Wasmtime;
using WasmMarshal.Binding;
using WasmMarshal.Hosting;
using WasmMarshal.Pooling;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// Instantiate + bind + one typed call (<c>add</c>) + dispose, on the quickstart guest (guests/c/quickstart.c, which
/// imports <c>env.log</c>): raw Wasmtime .NET on the default and the pooling engine as the floors; the builder; a
/// template with the generated binder (a linker per instance); a template with a define-once binder (one shared
/// linker), on both engines; and a lease of a fresh instance from a pool that makes them ahead of time.
/// </summary>
[MemoryDiagnoser]
public class InstantiationBenchmarks
{
    private readonly QuickLog _log = new();
    private Engine _defaultEngine = null!;
    private Engine _poolingEngine = null!;
    private Module _defaultModule = null!;
    private Module _poolingModule = null!;
    private Linker _rawDefaultLinker = null!;
    private Linker _rawPoolingLinker = null!;
    private WasmGuestTemplate _template = null!;
    private WasmGuestTemplate _sharedTemplate = null!;
    private WasmGuestTemplate _sharedPoolingTemplate = null!;
    private WasmGuestPool _freshPool = null!;
    private WasmGuestPool _freshPrebound = null!;

    [GlobalSetup]
    public void Setup()
    {
        QuickLogOnce.Register();
        string path = Path.Combine(AppContext.BaseDirectory, "guests", "quickstart.wasm");
        _defaultEngine = new Engine();
        _poolingEngine = WasmEngines.ForPlugins();
        _defaultModule = Module.FromFile(_defaultEngine, path);
        _poolingModule = Module.FromFile(_poolingEngine, path);
        _rawDefaultLinker = RawLinker(_defaultEngine);
        _rawPoolingLinker = RawLinker(_poolingEngine);
        _template = WasmGuest.Builder(_defaultEngine, _defaultModule).Export<IQuickLog>(_log).Prepare();
        _sharedTemplate = WasmGuest.Builder(_defaultEngine, _defaultModule).Export<IQuickLogOnce>(_log).Prepare();
        _sharedPoolingTemplate = WasmGuest.Builder(_poolingEngine, _poolingModule).Export<IQuickLogOnce>(_log).Prepare();
        _freshPool = WasmGuestPool.FreshPerLease(_sharedPoolingTemplate, maxSize: 8, ready: 4);
        _freshPrebound = WasmGuestPool.FreshPerLease(_sharedPoolingTemplate, maxSize: 8, ready: 4).Prebind<IQuickStart>();
        Check.Same(42, RawDefault(), "raw default engine");
        Check.Same(42, Builder(), "builder");
        Check.Same(42, TemplateSharedPooling(), "template + pooling");
        Check.Same(42, PoolFreshLease(), "pool fresh lease");
        Check.Same(42, PoolFreshLeasePrebound(), "pool fresh lease, prebound");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _freshPool.Dispose();
        _freshPrebound.Dispose();
        _template.Dispose();
        _sharedTemplate.Dispose();
        _sharedPoolingTemplate.Dispose();
        _rawDefaultLinker.Dispose();
        _rawPoolingLinker.Dispose();
        _defaultModule.Dispose();
        _poolingModule.Dispose();
        _defaultEngine.Dispose();
        _poolingEngine.Dispose();
    }

    private static Linker RawLinker(Engine engine)
    {
        var linker = new Linker(engine);
        linker.DefineFunction("env", "log", (int _, int _) => { });
        return linker;
    }

    private static int Raw(Linker linker, Engine engine, Module module)
    {
        using var store = new Store(engine);
        var instance = linker.Instantiate(store, module);
        instance.GetAction("_initialize")!();
        return instance.GetFunction<int, int, int>("add")!(2, 40);
    }

    [Benchmark(Baseline = true, Description = "raw Wasmtime .NET, default engine")]
    public int RawDefault() => Raw(_rawDefaultLinker, _defaultEngine, _defaultModule);

    [Benchmark(Description = "raw Wasmtime .NET, pooling engine")]
    public int RawPooling() => Raw(_rawPoolingLinker, _poolingEngine, _poolingModule);

    [Benchmark(Description = "builder")]
    public int Builder()
    {
        using var guest = WasmGuest.Builder(_defaultEngine, _defaultModule).Export<IQuickLog>(_log).Instantiate();
        return guest.Import<IQuickStart>().Add(2, 40);
    }

    [Benchmark(Description = "template, generated binder (linker per instance)")]
    public int Template()
    {
        using var guest = _template.Instantiate();
        return guest.Import<IQuickStart>().Add(2, 40);
    }

    [Benchmark(Description = "template, define-once binder (shared linker)")]
    public int TemplateShared()
    {
        using var guest = _sharedTemplate.Instantiate();
        return guest.Import<IQuickStart>().Add(2, 40);
    }

    [Benchmark(Description = "template, shared linker, pooling engine")]
    public int TemplateSharedPooling()
    {
        using var guest = _sharedPoolingTemplate.Instantiate();
        return guest.Import<IQuickStart>().Add(2, 40);
    }

    [Benchmark(Description = "pool: rent a fresh instance, one call, return")]
    public int PoolFreshLease()
    {
        using var lease = _freshPool.Rent();
        return lease.Import<IQuickStart>().Add(2, 40);
    }

    [Benchmark(Description = "pool: rent a fresh instance bound ahead (Prebind), one call, return")]
    public int PoolFreshLeasePrebound()
    {
        using var lease = _freshPrebound.Rent();
        return lease.Import<IQuickStart>().Add(2, 40);
    }
}

/// <summary>The quickstart guest's exports (samples/QuickStart).</summary>
[WasmImport]
public partial interface IQuickStart
{
    int Add(int a, int b);

    string Greet(string name);

    uint WordCount(string text);
}

/// <summary>The quickstart guest's import <c>env.log</c>, with the generated binder.</summary>
[WasmExport("env")]
public partial interface IQuickLog
{
    void Log(string message);
}

/// <summary>
/// The same import with a hand-written binder that also has the define-once form a template shares between instances;
/// stands in for what the generator will emit.
/// </summary>
public interface IQuickLogOnce
{
    void Log(string message);
}

/// <summary>Counts what the guest logs.</summary>
public sealed class QuickLog : IQuickLog, IQuickLogOnce
{
    public int Count { get; private set; }

    public string Last { get; private set; } = "";

    public void Log(string message)
    {
        Count++;
        Last = message;
    }
}

/// <summary>The hand-written binder of <see cref="IQuickLogOnce"/>.</summary>
public static class QuickLogOnce
{
    private static readonly IReadOnlyList<WasmFunctionDescriptor> s_functions = [new("log", "Log", CoreSignature.Action(Wasmtime.ValueKind.Int32, Wasmtime.ValueKind.Int32))];

    public static void Register() => WasmBindings.RegisterExport(new WasmExportBinding<IQuickLogOnce>(
        typeof(IQuickLogOnce).FullName!, "env", s_functions,
        (linker, guest, implementation) =>
            linker.DefineFunction("env", "log", (int pointer, int length) => implementation.Log(Read(guest, pointer, length))),
        (linker, implementation) =>
            linker.DefineFunction("env", "log", (Caller caller, int pointer, int length) =>
                implementation.Log(Read(WasmStoreContext.Guest(caller), pointer, length)))));

    private static string Read(WasmGuest guest, int pointer, int length) =>
        guest.Memory.Memory.ReadString(pointer, length);
}
