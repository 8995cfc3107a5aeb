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
/// template with a binder that captures its guest (a linker per instance); a template with the generated binder, whose
/// define-once form shares one linker, on both engines; and a lease of a fresh instance from a pool that makes them
/// ahead of time. The last two rows add a first 64-byte string call on the fresh instance, raw and from a template.
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
        QuickLogPerInstance.Register();
        string path = Path.Combine(AppContext.BaseDirectory, "guests", "quickstart.wasm");
        _defaultEngine = new Engine();
        _poolingEngine = WasmEngines.ForPlugins();
        _defaultModule = Module.FromFile(_defaultEngine, path);
        _poolingModule = Module.FromFile(_poolingEngine, path);
        _rawDefaultLinker = RawLinker(_defaultEngine);
        _rawPoolingLinker = RawLinker(_poolingEngine);
        _template = WasmGuest.Builder(_defaultEngine, _defaultModule).Export<IQuickLogPerInstance>(_log).Prepare();
        _sharedTemplate = WasmGuest.Builder(_defaultEngine, _defaultModule).Export<IQuickLog>(_log).Prepare();
        _sharedPoolingTemplate = WasmGuest.Builder(_poolingEngine, _poolingModule).Export<IQuickLog>(_log).Prepare();
        _freshPool = WasmGuestPool.FreshPerLease(_sharedPoolingTemplate, maxSize: 8, ready: 4);
        _freshPrebound = WasmGuestPool.FreshPerLease(_sharedPoolingTemplate, maxSize: 8, ready: 4).Prebind<IQuickStart>();
        Check.Same(42, RawDefault(), "raw default engine");
        Check.Same(42, Builder(), "builder");
        Check.Same(42, TemplateSharedPooling(), "template + pooling");
        Check.Same(42, PoolFreshLease(), "pool fresh lease");
        Check.Same(42, PoolFreshLeasePrebound(), "pool fresh lease, prebound");
        Check.Same(2u, RawPoolingFirstString(), "raw pooling, first string call");
        Check.Same(2u, TemplateSharedPoolingFirstString(), "template + pooling, first string call");
        Check.Same(2u, PoolFreshLeaseString(), "pool fresh lease, prebound, first string call");
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

    [Benchmark(Description = "template, binder that captures its guest (linker per instance)")]
    public int Template()
    {
        using var guest = _template.Instantiate();
        return guest.Import<IQuickStart>().Add(2, 40);
    }

    [Benchmark(Description = "template, generated binder (define-once, shared linker)")]
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

    private static readonly string s_text = new string('w', 31) + " " + new string('x', 32);
    private static readonly byte[] s_utf8 = System.Text.Encoding.UTF8.GetBytes(s_text);

    [Benchmark(Description = "raw, pooling engine: instantiate + first malloc/copy/word_count/free of 64 B")]
    public uint RawPoolingFirstString()
    {
        using var store = new Store(_poolingEngine);
        var instance = _rawPoolingLinker.Instantiate(store, _poolingModule);
        instance.GetAction("_initialize")!();
        var malloc = instance.GetFunction<int, int>("malloc")!;
        var free = instance.GetAction<int>("free")!;
        var wordCount = instance.GetFunction<int, int, int>("word_count")!;
        int pointer = malloc(s_utf8.Length);
        s_utf8.CopyTo(instance.GetMemory("memory")!.GetSpan(pointer, s_utf8.Length));
        uint words = (uint)wordCount(pointer, s_utf8.Length);
        free(pointer);
        return words;
    }

    /// <summary>Issue 17's lease figure: rent a fresh instance, one string call, return (the raw loop above is its baseline).</summary>
    [Benchmark(Description = "pool: rent a fresh instance bound ahead (Prebind), one WordCount(64 B), return")]
    public uint PoolFreshLeaseString()
    {
        using var lease = _freshPrebound.Rent();
        return lease.Import<IQuickStart>().WordCount(s_text);
    }

    [Benchmark(Description = "template + pooling: Instantiate + Import + first WordCount(64 B)")]
    public uint TemplateSharedPoolingFirstString()
    {
        using var guest = _sharedPoolingTemplate.Instantiate();
        return guest.Import<IQuickStart>().WordCount(s_text);
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

/// <summary>The quickstart guest's import <c>env.log</c>, with the generated binder (which has the define-once form).</summary>
[WasmExport("env")]
public partial interface IQuickLog
{
    void Log(string message);
}

/// <summary>
/// The same import with a hand-written binder that has only the form capturing its guest (as binders generated before
/// the define-once form): a template gives each instance a linker of its own.
/// </summary>
public interface IQuickLogPerInstance
{
    void Log(string message);
}

/// <summary>Counts what the guest logs.</summary>
public sealed class QuickLog : IQuickLog, IQuickLogPerInstance
{
    public int Count { get; private set; }

    public string Last { get; private set; } = "";

    public void Log(string message)
    {
        Count++;
        Last = message;
    }
}

/// <summary>The hand-written binder of <see cref="IQuickLogPerInstance"/>.</summary>
public static class QuickLogPerInstance
{
    private static readonly IReadOnlyList<WasmFunctionDescriptor> s_functions = [new("log", "Log", CoreSignature.Action(Wasmtime.ValueKind.Int32, Wasmtime.ValueKind.Int32))];

    public static void Register() => WasmBindings.RegisterExport(new WasmExportBinding<IQuickLogPerInstance>(
        typeof(IQuickLogPerInstance).FullName!, "env", s_functions,
        (linker, guest, implementation) =>
            linker.DefineFunction("env", "log", (int pointer, int length) => implementation.Log(guest.Memory.Memory.ReadString(pointer, length)))));
}
