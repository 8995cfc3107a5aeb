using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Wasmtime;
using Wasmtime.Components;
using WasmMarshal.Canonical;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// Issue 14's comparison: the same real canonical-ABI guest (guests/component/canon_c.c, wit/test.wit) called through
/// the GENERATED canonical stubs on its core module, and through Wasmtime.Components (the dynamic
/// <see cref="ComponentFunction.Call(ComponentValue[])"/>) on the component jco made of it. Targets: at least 5x for the
/// string calls, 100x for the 64 KiB list, and no managed allocation per call beyond the returned value.
/// </summary>
/// <remarks>
/// <c>greet</c> is string → string and calls the host twice (<c>host.log</c>, <c>host.prefix</c>, the import direction),
/// on both paths alike; <c>first-word</c> is string → option&lt;string&gt; without host calls.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CanonicalBenchmarks
{
    private const string CountBytesCategory = "string -> u32 (64 B)";
    private const string GreetCategory = "string -> string (64 B, 2 host calls)";
    private const string FirstWordCategory = "string -> option<string> (64 B)";
    private const string ReverseCategory = "list<u8> -> list<u8> (64 KiB)";
    private const string Api = "wasmmarshal:test/api@0.1.0";

    /// <summary>64 ASCII characters: 64 UTF-8 bytes.</summary>
    private const string Text = "The quick brown fox jumps over the lazy dog, 0123456789 ABCDEFGH";

    private static readonly byte[] s_bytes = Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7)).ToArray();

    private Engine _coreEngine = null!;
    private CanonicalGuest _core = null!;
    private ICanonicalBench _stubs = null!;
    private Engine _componentEngine = null!;
    private Component _component = null!;
    private Store _componentStore = null!;
    private ComponentFunction _countBytes = null!;
    private ComponentFunction _greet = null!;
    private ComponentFunction _firstWord = null!;
    private ComponentFunction _reverseBytes = null!;

    [GlobalSetup]
    public void Setup()
    {
        string guests = Path.Combine(AppContext.BaseDirectory, "guests");
        var host = new CanonicalBenchHost();

        _coreEngine = WasmMarshal.Hosting.WasmEngines.Create(); // memories never move: views keep the base
        var module = Module.FromFile(_coreEngine, Path.Combine(guests, "canon_c.wasm"));
        _core = CanonicalGuest.Builder(_coreEngine, module).WithHost<ICanonicalBenchHost>(host).Instantiate();
        _stubs = _core.Import<ICanonicalBench>();

        _componentEngine = WasmMarshal.Hosting.WasmEngines.Create(config => config.WithComponentModel(true)); // the same settings, for the component API
        _component = Component.FromBytes(_componentEngine, File.ReadAllBytes(Path.Combine(guests, "components", "canon_c.wasm")));
        _componentStore = new Store(_componentEngine);
        using (var linker = new ComponentLinker(_componentEngine))
        {
            using (var root = linker.Root())
            using (var hostInstance = root.AddInstance("wasmmarshal:test/host@0.1.0"))
            {
                hostInstance.DefineFunction("log", (arguments, results) => host.Log(arguments[0].AsString()));
                hostInstance.DefineFunction("prefix", (arguments, results) => results[0] = ComponentValue.String(host.Prefix()));
            }

            var instance = linker.Instantiate(_componentStore, _component);
            _countBytes = instance.GetFunction(Api, "count-bytes")!;
            _greet = instance.GetFunction(Api, "greet")!;
            _firstWord = instance.GetFunction(Api, "first-word")!;
            _reverseBytes = instance.GetFunction(Api, "reverse-bytes")!;
        }

        Check.Same(64u, CountBytesStubs(), "count-bytes, stubs");
        Check.Same(64u, CountBytesComponent(), "count-bytes, component");
        Check.Same("Hello, " + Text, GreetStubs(), "greet, stubs");
        Check.Same("Hello, " + Text, GreetComponent(), "greet, component");
        Check.Same("The", FirstWordStubs() ?? "", "first-word, stubs");
        Check.Same("The", FirstWordComponent() ?? "", "first-word, component");
        var reversed = s_bytes.Reverse().ToArray();
        Check.Same(true, ReverseBytesStubs().AsSpan().SequenceEqual(reversed), "reverse-bytes, stubs");
        Check.Same(true, ReverseBytesComponent().AsSpan().SequenceEqual(reversed), "reverse-bytes, component");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _core.Dispose();
        _coreEngine.Dispose();
        _componentStore.Dispose();
        _component.Dispose();
        _componentEngine.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(CountBytesCategory)]
    public uint CountBytesComponent() => _countBytes.Call(ComponentValue.String(Text))!.AsU32();

    [Benchmark]
    [BenchmarkCategory(CountBytesCategory)]
    public uint CountBytesStubs() => _stubs.CountBytes(Text);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(GreetCategory)]
    public string GreetComponent() => _greet.Call(ComponentValue.String(Text))!.AsString();

    [Benchmark]
    [BenchmarkCategory(GreetCategory)]
    public string GreetStubs() => _stubs.Greet(Text);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(FirstWordCategory)]
    public string? FirstWordComponent()
    {
        var result = _firstWord.Call(ComponentValue.String(Text))!;
        return result.IsSome ? result.Payload!.AsString() : null;
    }

    [Benchmark]
    [BenchmarkCategory(FirstWordCategory)]
    public string? FirstWordStubs() => _stubs.FirstWord(Text);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(ReverseCategory)]
    public byte[] ReverseBytesComponent()
    {
        // What the dynamic API asks of its user: one ComponentValue per byte each way.
        var items = new ComponentValue[s_bytes.Length];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = ComponentValue.U8(s_bytes[i]);
        }

        var list = _reverseBytes.Call(ComponentValue.List(items))!.AsList();
        var result = new byte[list.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = list[i].AsU8();
        }

        return result;
    }

    [Benchmark]
    [BenchmarkCategory(ReverseCategory)]
    public byte[] ReverseBytesStubs() => _stubs.ReverseBytes(s_bytes);
}

/// <summary>The part of <c>wasmmarshal:test/api@0.1.0</c> the benchmarks call; the binder checks only these exports.</summary>
[WasmImport]
[WasmCanonicalAbi("wasmmarshal:test/api@0.1.0")]
public partial interface ICanonicalBench
{
    uint CountBytes(string s);

    string Greet(string name);

    string? FirstWord(string s);

    byte[] ReverseBytes(ReadOnlySpan<byte> data);
}

/// <summary><c>wasmmarshal:test/host@0.1.0</c>, which canon_c's <c>greet</c> calls.</summary>
[WasmExport]
[WasmCanonicalAbi("wasmmarshal:test/host@0.1.0")]
public partial interface ICanonicalBenchHost
{
    void Log(string msg);

    string Prefix();
}

internal sealed class CanonicalBenchHost : ICanonicalBenchHost
{
    public void Log(string msg)
    {
    }

    public string Prefix() => "Hello, ";
}
