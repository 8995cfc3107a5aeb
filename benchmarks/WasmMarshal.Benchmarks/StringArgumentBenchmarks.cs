using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Wasmtime;
using WasmMarshal.Allocators;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// A string argument (<c>fnv1a32(const char *, size_t)</c>), 64 ASCII bytes and 4 KiB of non-ASCII UTF-8, against
/// every way of getting it there: the floor (bytes already in guest memory), what users write by hand today, Wasmtime's
/// <see cref="Memory.WriteString"/>, Wasmtime's component-model dynamic API, and the generated stub on each allocator.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StringArgumentBenchmarks
{
    private const string Short = "String 64 B ASCII";
    private const string Long = "String 4 KiB non-ASCII";

    /// <summary>64 ASCII characters: 64 UTF-8 bytes.</summary>
    private const string Text = "The quick brown fox jumps over the lazy dog, 0123456789 ABCDEFGH";

    /// <summary>4,096 UTF-8 bytes of 2-, 3- and 4-byte sequences (and ASCII between them): 2,092 UTF-16 units.</summary>
    private static readonly string s_wide = Wide(4096);

    private BenchGuest _guest = null!;
    private IBenchGuest _viaMalloc = null!;
    private IBenchGuest _viaHostHeap = null!;
    private IBenchGuest _viaArena = null!;
    private Func<int, int, int> _rawFnv1a = null!;
    private Func<int, int> _malloc = null!;
    private Action<int> _free = null!;
    private Memory _memory = null!;
    private int _textAddress;
    private int _wideAddress;
    private int _wideLength;
    private ComponentGuest _component = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (Encoding.UTF8.GetByteCount(Text) != 64 || Encoding.UTF8.GetByteCount(s_wide) != 4096)
        {
            throw new InvalidOperationException("The benchmark strings must be 64 and 4,096 UTF-8 bytes.");
        }

        _guest = BenchGuest.Load();
        var guest = _guest.Guest;
        (_viaMalloc, _viaHostHeap, _viaArena) = _guest.BindEachAllocator();
        _rawFnv1a = guest.Instance.GetFunction<int, int, int>("fnv1a32")!;
        _malloc = guest.Instance.GetFunction<int, int>("malloc")!;
        _free = guest.Instance.GetAction<int>("free")!;
        _memory = guest.Instance.GetMemory("memory")!;
        _textAddress = (int)_guest.Place(Encoding.UTF8.GetBytes(Text));
        _wideLength = Encoding.UTF8.GetByteCount(s_wide);
        _wideAddress = (int)_guest.Place(Encoding.UTF8.GetBytes(s_wide));
        _component = ComponentGuest.Load();

        uint expected = ShortFloor();
        Check.Same(expected, ShortHandWritten(), "64 B hand-written");
        Check.Same(expected, ShortWriteString(), "64 B Memory.WriteString");
        Check.Same(expected, ShortComponent(), "64 B component");
        Check.Same(expected, ShortGuestMalloc(), "64 B stub, guest malloc");
        Check.Same(expected, ShortHostHeap(), "64 B stub, host heap");
        Check.Same(expected, ShortArena(), "64 B stub, arena");
        expected = LongFloor();
        Check.Same(expected, LongHandWritten(), "4 KiB hand-written");
        Check.Same(expected, LongWriteString(), "4 KiB Memory.WriteString");
        Check.Same(expected, LongComponent(), "4 KiB component");
        Check.Same(expected, LongGuestMalloc(), "4 KiB stub, guest malloc");
        Check.Same(expected, LongHostHeap(), "4 KiB stub, host heap");
        Check.Same(expected, LongArena(), "4 KiB stub, arena");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _component.Dispose();
        _guest.Dispose();
    }

    private static string Wide(int utf8Bytes)
    {
        var builder = new StringBuilder();
        const string pattern = "Grüße, Jürgen! 世界 ∑ 😀 ";
        while (Encoding.UTF8.GetByteCount(builder.ToString()) + Encoding.UTF8.GetByteCount(pattern) <= utf8Bytes)
        {
            builder.Append(pattern);
        }

        while (Encoding.UTF8.GetByteCount(builder.ToString()) < utf8Bytes)
        {
            builder.Append('é');
            if (Encoding.UTF8.GetByteCount(builder.ToString()) > utf8Bytes)
            {
                builder.Length--;
                builder.Append('.');
            }
        }

        return builder.ToString();
    }

    // 64 B ASCII

    [Benchmark(Baseline = true, Description = "floor: bytes already in guest")]
    [BenchmarkCategory(Short)]
    public uint ShortFloor() => (uint)_rawFnv1a(_textAddress, 64);

    [Benchmark(Description = "hand-written: GetBytes, malloc, copy, call, free")]
    [BenchmarkCategory(Short)]
    public uint ShortHandWritten() => HandWritten(Text);

    [Benchmark(Description = "Wasmtime Memory.WriteString, malloc, free")]
    [BenchmarkCategory(Short)]
    public uint ShortWriteString() => ViaWriteString(Text);

    [Benchmark(Description = "Wasmtime component dynamic API")]
    [BenchmarkCategory(Short)]
    public uint ShortComponent() => _component.Fnv1a(Text);

    [Benchmark(Description = "stub, guest malloc")]
    [BenchmarkCategory(Short)]
    public uint ShortGuestMalloc() => _viaMalloc.Fnv1a(Text);

    [Benchmark(Description = "stub, host heap")]
    [BenchmarkCategory(Short)]
    public uint ShortHostHeap() => _viaHostHeap.Fnv1a(Text);

    [Benchmark(Description = "stub, arena")]
    [BenchmarkCategory(Short)]
    public uint ShortArena() => _viaArena.Fnv1a(Text);

    // 4 KiB non-ASCII

    [Benchmark(Baseline = true, Description = "floor: bytes already in guest")]
    [BenchmarkCategory(Long)]
    public uint LongFloor() => (uint)_rawFnv1a(_wideAddress, _wideLength);

    [Benchmark(Description = "hand-written: GetBytes, malloc, copy, call, free")]
    [BenchmarkCategory(Long)]
    public uint LongHandWritten() => HandWritten(s_wide);

    [Benchmark(Description = "Wasmtime Memory.WriteString, malloc, free")]
    [BenchmarkCategory(Long)]
    public uint LongWriteString() => ViaWriteString(s_wide);

    [Benchmark(Description = "Wasmtime component dynamic API")]
    [BenchmarkCategory(Long)]
    public uint LongComponent() => _component.Fnv1a(s_wide);

    [Benchmark(Description = "stub, guest malloc")]
    [BenchmarkCategory(Long)]
    public uint LongGuestMalloc() => _viaMalloc.Fnv1a(s_wide);

    [Benchmark(Description = "stub, host heap")]
    [BenchmarkCategory(Long)]
    public uint LongHostHeap() => _viaHostHeap.Fnv1a(s_wide);

    [Benchmark(Description = "stub, arena")]
    [BenchmarkCategory(Long)]
    public uint LongArena() => _viaArena.Fnv1a(s_wide);

    /// <summary>What users write today without a generator: encode to an array, guest malloc, copy, call, free.</summary>
    private uint HandWritten(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int address = _malloc(bytes.Length);
        try
        {
            bytes.CopyTo(_memory.GetSpan(address, bytes.Length));
            return (uint)_rawFnv1a(address, bytes.Length);
        }
        finally
        {
            _free(address);
        }
    }

    /// <summary>The same with Wasmtime's own helper encoding straight into guest memory.</summary>
    private uint ViaWriteString(string text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        int address = _malloc(length);
        try
        {
            _memory.WriteString(address, text);
            return (uint)_rawFnv1a(address, length);
        }
        finally
        {
            _free(address);
        }
    }
}
