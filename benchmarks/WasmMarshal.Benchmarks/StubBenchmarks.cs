using System;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Wasmtime;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// The other shapes, each against its raw Wasmtime floor: a scalar call, a struct by reference, a string return, and a
/// <c>[WasmExport]</c> host method receiving a string from the guest.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StubBenchmarks
{
    private const string Add = "int add(int, int)";
    private const string Struct = "struct by ref (12 B)";
    private const string Return = "string return (64 B)";
    private const string Export = "export: guest passes 64 B string to host";

    private const string Text = "The quick brown fox jumps over the lazy dog, 0123456789 abcdefgh";

    private BenchGuest _guest = null!;
    private IBenchGuest _viaMalloc = null!;
    private IBenchGuest _viaHostHeap = null!;
    private IBenchGuest _viaArena = null!;
    private Func<int, int, int> _rawAdd = null!;
    private Func<int, float> _rawLengthSq = null!;
    private Action<int, int, int> _rawToUpper = null!;
    private Action<int> _free = null!;
    private Memory _memory = null!;
    private Vec3 _vector = new() { X = 1, Y = 2, Z = 3 };
    private int _vectorAddress;
    private int _textAddress;
    private int _returnArea;

    private BenchGuest _exportNoOp = null!;
    private BenchGuest _exportHandWritten = null!;
    private BenchGuest _exportGenerated = null!;
    private Action<int, int> _relayNoOp = null!;
    private Action<int, int> _relayHandWritten = null!;
    private Action<int, int> _relayGenerated = null!;
    private int _relayNoOpText;
    private int _relayHandWrittenText;
    private int _relayGeneratedText;
    private string _handWrittenLast = "";
    private readonly BenchHost _host = new();

    [GlobalSetup]
    public void Setup()
    {
        _guest = BenchGuest.Load();
        var guest = _guest.Guest;
        (_viaMalloc, _viaHostHeap, _viaArena) = _guest.BindEachAllocator();
        _rawAdd = guest.Instance.GetFunction<int, int, int>("add_i32")!;
        _rawLengthSq = guest.Instance.GetFunction<int, float>("vec3_length_sq")!;
        _rawToUpper = guest.Instance.GetAction<int, int, int>("to_upper")!;
        _free = guest.Instance.GetAction<int>("free")!;
        _memory = guest.Instance.GetMemory("memory")!;
        _vectorAddress = (int)_guest.Place(MemoryMarshal.AsBytes(new[] { _vector.X, _vector.Y, _vector.Z }.AsSpan()));
        _textAddress = (int)_guest.Place(Encoding.UTF8.GetBytes(Text));
        _returnArea = (int)_guest.Place(new byte[8]);

        // Three guests for the export shape: env.log as a no-op (the floor), written by hand, and generated.
        _exportNoOp = BenchGuest.Load(b => b.ConfigureLinker((linker, _) => linker.DefineFunction("env", "log", (int _, int _) => { })));
        _exportHandWritten = BenchGuest.Load(b => b.ConfigureLinker((linker, _) => linker.DefineFunction("env", "log",
            (Caller caller, int address, int length) => { _handWrittenLast = caller.GetMemory("memory")!.ReadString(address, length); })));
        _exportGenerated = BenchGuest.Load(b => b.Export<IBenchHost>(_host));
        (_relayNoOp, _relayNoOpText) = Relay(_exportNoOp);
        (_relayHandWritten, _relayHandWrittenText) = Relay(_exportHandWritten);
        (_relayGenerated, _relayGeneratedText) = Relay(_exportGenerated);

        Check.Same(RawAdd(), StubAdd(), "AddI32");
        float length = RawStruct();
        Check.Same(length, StructGuestMalloc(), "struct, guest malloc");
        Check.Same(length, StructHostHeap(), "struct, host heap");
        Check.Same(length, StructArena(), "struct, arena");
        string upper = RawReturn();
        Check.Same(Text.ToUpperInvariant(), upper, "string return, raw");
        Check.Same(upper, ReturnGuestMalloc(), "string return, guest malloc");
        Check.Same(upper, ReturnHostHeap(), "string return, host heap");
        Check.Same(upper, ReturnArena(), "string return, arena");
        ExportHandWritten();
        Check.Same(Text, _handWrittenLast, "export, hand-written");
        ExportGenerated();
        Check.Same(Text, _host.Last, "export, generated");
    }

    private static (Action<int, int> Relay, int Text) Relay(BenchGuest guest) =>
        (guest.Guest.Instance.GetAction<int, int>("relay_log")!, (int)guest.Place(Encoding.UTF8.GetBytes(Text)));

    [GlobalCleanup]
    public void Cleanup()
    {
        _guest.Dispose();
        _exportNoOp.Dispose();
        _exportHandWritten.Dispose();
        _exportGenerated.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw GetFunction<int,int,int>")]
    [BenchmarkCategory(Add)]
    public int RawAdd() => _rawAdd(40, 2);

    [Benchmark(Description = "stub")]
    [BenchmarkCategory(Add)]
    public int StubAdd() => _viaMalloc.AddI32(40, 2);

    [Benchmark(Baseline = true, Description = "floor: struct already in guest")]
    [BenchmarkCategory(Struct)]
    public float RawStruct() => _rawLengthSq(_vectorAddress);

    [Benchmark(Description = "stub, guest malloc")]
    [BenchmarkCategory(Struct)]
    public float StructGuestMalloc() => _viaMalloc.Vec3LengthSq(in _vector);

    [Benchmark(Description = "stub, host heap")]
    [BenchmarkCategory(Struct)]
    public float StructHostHeap() => _viaHostHeap.Vec3LengthSq(in _vector);

    [Benchmark(Description = "stub, arena")]
    [BenchmarkCategory(Struct)]
    public float StructArena() => _viaArena.Vec3LengthSq(in _vector);

    /// <summary>The input already in guest memory; the result read, decoded and freed by hand.</summary>
    [Benchmark(Baseline = true, Description = "floor: input in guest, result read + freed by hand")]
    [BenchmarkCategory(Return)]
    public string RawReturn()
    {
        _rawToUpper(_returnArea, _textAddress, Text.Length);
        int address = _memory.ReadInt32(_returnArea);
        int length = _memory.ReadInt32(_returnArea + 4);
        try
        {
            return _memory.ReadString(address, length);
        }
        finally
        {
            _free(address);
        }
    }

    [Benchmark(Description = "stub, guest malloc")]
    [BenchmarkCategory(Return)]
    public string ReturnGuestMalloc() => _viaMalloc.ToUpper(Text);

    [Benchmark(Description = "stub, host heap")]
    [BenchmarkCategory(Return)]
    public string ReturnHostHeap() => _viaHostHeap.ToUpper(Text);

    [Benchmark(Description = "stub, arena")]
    [BenchmarkCategory(Return)]
    public string ReturnArena() => _viaArena.ToUpper(Text);

    [Benchmark(Baseline = true, Description = "floor: env.log is a no-op (int, int)")]
    [BenchmarkCategory(Export)]
    public void ExportNoOp() => _relayNoOp(_relayNoOpText, Text.Length);

    [Benchmark(Description = "hand-written: Caller.GetMemory().ReadString")]
    [BenchmarkCategory(Export)]
    public void ExportHandWritten() => _relayHandWritten(_relayHandWrittenText, Text.Length);

    [Benchmark(Description = "generated [WasmExport] binder")]
    [BenchmarkCategory(Export)]
    public void ExportGenerated() => _relayGenerated(_relayGeneratedText, Text.Length);
}
