using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Wasmtime;
using Wasmtime.Components;
using WasmMarshal.Canonical;
using WasmMarshal.Components;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// Issue 15's cost of the fallback: the same interface (<see cref="ICanonicalBench"/>) called through the generated
/// fast canonical stubs on canon_c's core module, through the generated component-model stubs (Wasmtime.Components,
/// dynamic values) on canon_c's component, and through the same component-model stubs on canon_js, the JavaScript
/// component (componentize-js), which only that path runs. The canon_c pair is the price of the fallback per call;
/// canon_js adds what the JS engine costs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ComponentModelPathBenchmarks
{
    private const string CountBytesCategory = "string -> u32 (64 B)";
    private const string GreetCategory = "string -> string (64 B, 2 host calls)";
    private const string ReverseCategory = "list<u8> -> list<u8> (64 KiB)";
    private const string Text = "The quick brown fox jumps over the lazy dog, 0123456789 ABCDEFGH";

    private static readonly byte[] s_bytes = Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7)).ToArray();

    private Engine _coreEngine = null!;
    private CanonicalGuest _core = null!;
    private ICanonicalBench _fast = null!;
    private Engine _componentEngine = null!;
    private ComponentModelGuest _cGuest = null!;
    private ICanonicalBench _cComponent = null!;
    private ComponentModelGuest _jsGuest = null!;
    private ICanonicalBench _jsComponent = null!;

    [GlobalSetup]
    public void Setup()
    {
        string guests = Path.Combine(AppContext.BaseDirectory, "guests");
        var host = new CanonicalBenchHost();
        _coreEngine = new Engine();
        using (var module = Module.FromFile(_coreEngine, Path.Combine(guests, "canon_c.wasm")))
        {
            _core = CanonicalGuest.Builder(_coreEngine, module).WithHost<ICanonicalBenchHost>(host).Instantiate();
        }

        _fast = _core.Import<ICanonicalBench>();
        _componentEngine = new Engine(new Config().WithComponentModel(true));
        _cGuest = Instantiate(Path.Combine(guests, "components", "canon_c.wasm"), host);
        _cComponent = ICanonicalBench.Bind(_cGuest);
        _jsGuest = Instantiate(Path.Combine(guests, "components", "canon_js.wasm"), host);
        _jsComponent = ICanonicalBench.Bind(_jsGuest);

        var reversed = s_bytes.Reverse().ToArray();
        foreach (var (api, name) in new[] { (_fast, "fast"), (_cComponent, "canon_c component"), (_jsComponent, "canon_js component") })
        {
            Check.Same(64u, api.CountBytes(Text), "count-bytes, " + name);
            Check.Same("Hello, " + Text, api.Greet(Text), "greet, " + name);
            Check.Same(true, api.ReverseBytes(s_bytes).AsSpan().SequenceEqual(reversed), "reverse-bytes, " + name);
        }
    }

    private ComponentModelGuest Instantiate(string path, ICanonicalBenchHost host)
    {
        var component = Component.FromBytes(_componentEngine, File.ReadAllBytes(path));
        var store = new Store(_componentEngine);
        store.SetWasiConfiguration(new WasiConfiguration());
        using var linker = new ComponentLinker(_componentEngine);
        linker.AddWasiPreview2();
        ICanonicalBenchHost.Define(linker, host);
        return new ComponentModelGuest(component, store, linker.Instantiate(store, component));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _core.Dispose();
        _cGuest.Dispose();
        _jsGuest.Dispose();
        _cGuest.Component.Dispose();
        _jsGuest.Component.Dispose();
        _coreEngine.Dispose();
        _componentEngine.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(CountBytesCategory)]
    public uint CountBytesFast() => _fast.CountBytes(Text);

    [Benchmark]
    [BenchmarkCategory(CountBytesCategory)]
    public uint CountBytesComponentModelC() => _cComponent.CountBytes(Text);

    [Benchmark]
    [BenchmarkCategory(CountBytesCategory)]
    public uint CountBytesComponentModelJs() => _jsComponent.CountBytes(Text);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(GreetCategory)]
    public string GreetFast() => _fast.Greet(Text);

    [Benchmark]
    [BenchmarkCategory(GreetCategory)]
    public string GreetComponentModelC() => _cComponent.Greet(Text);

    [Benchmark]
    [BenchmarkCategory(GreetCategory)]
    public string GreetComponentModelJs() => _jsComponent.Greet(Text);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(ReverseCategory)]
    public byte[] ReverseBytesFast() => _fast.ReverseBytes(s_bytes);

    [Benchmark]
    [BenchmarkCategory(ReverseCategory)]
    public byte[] ReverseBytesComponentModelC() => _cComponent.ReverseBytes(s_bytes);

    [Benchmark]
    [BenchmarkCategory(ReverseCategory)]
    public byte[] ReverseBytesComponentModelJs() => _jsComponent.ReverseBytes(s_bytes);
}
