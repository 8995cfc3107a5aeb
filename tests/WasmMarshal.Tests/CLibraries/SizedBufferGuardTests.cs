using System;
using System.Linq;
using Wasmtime;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.CLibraries;

/// <summary>One count shared by three buffers and placed before them, as C's <c>void add(size_t n, const int *a, const int *b, int *sum)</c>.</summary>
[WasmImport]
public partial interface IVectorAdd
{
    void Add(uint n, [WasmCount(nameof(n))] ReadOnlySpan<int> a, [WasmCount(nameof(n))] int[] b, [WasmCount(nameof(n))] Span<int> sum);
}

/// <summary>
/// <c>int fill(int *written, uint16_t *units)</c>: the length cell before its buffer, counted in 16-bit elements.
/// </summary>
[WasmImport]
public partial interface IUnitFiller
{
    int Fill(ref int written, [WasmCapacity(nameof(written))] Span<ushort> units);
}

/// <summary>
/// WAT guests in a C library's place: a vector add that reads and writes exactly <c>n</c> elements (so any element the
/// host failed to pass, or copied back beyond <c>n</c>, shows), and a hostile "zlib" whose <c>compress</c> and
/// <c>uncompress</c> report more than the capacity they were given.
/// </summary>
public sealed class SizedBufferGuardTests
{
    private const string Allocator = """
          (memory (export "memory") 1)
          (global $next (mut i32) (i32.const 4096))
          (func (export "malloc") (param $size i32) (result i32) (local $p i32)
            (local.set $p (global.get $next))
            (global.set $next (i32.add (global.get $next) (i32.and (i32.add (local.get $size) (i32.const 15)) (i32.const -16))))
            (local.get $p))
          (func (export "free") (param i32))
        """;

    private const string VectorAddWat = "(module\n" + Allocator + """
          (func (export "add") (param $n i32) (param $a i32) (param $b i32) (param $s i32) (local $i i32) (local $at i32)
            (block $done (loop $next
              (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
              (local.set $at (i32.shl (local.get $i) (i32.const 2)))
              (i32.store (i32.add (local.get $s) (local.get $at))
                (i32.add (i32.load (i32.add (local.get $a) (local.get $at))) (i32.load (i32.add (local.get $b) (local.get $at)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $next)))))
        """;

    // compress fills the whole capacity with 0x55 and reports capacity + 1; uncompress reports 0xFFFFFFFF.
    private const string LyingZlibWat = "(module\n" + Allocator + """
          (func (export "compress") (param $dest i32) (param $len i32) (param $src i32) (param $n i32) (result i32)
            (memory.fill (local.get $dest) (i32.const 0x55) (i32.load (local.get $len)))
            (i32.store (local.get $len) (i32.add (i32.load (local.get $len)) (i32.const 1)))
            (i32.const 0))
          (func (export "uncompress") (param $dest i32) (param $len i32) (param $src i32) (param $n i32) (result i32)
            (i32.store (local.get $len) (i32.const -1))
            (i32.const 0))
          (func (export "compressBound") (param i32) (result i32) (local.get 0))
          (func (export "crc32") (param i32 i32 i32) (result i32) (i32.const 0))
          (func (export "adler32") (param i32 i32 i32) (result i32) (i32.const 0)))
        """;

    // fill writes min(capacity, 3) units 0x0101, 0x0202, 0x0303, one more 0xFFFF past them if there is room, and
    // reports the three (or fewer); it returns the capacity it found in the cell.
    private const string UnitFillerWat = "(module\n" + Allocator + """
          (func (export "fill") (param $len i32) (param $units i32) (result i32) (local $cap i32) (local $n i32) (local $i i32)
            (local.set $cap (i32.load (local.get $len)))
            (local.set $n (select (local.get $cap) (i32.const 3) (i32.lt_u (local.get $cap) (i32.const 3))))
            (block $done (loop $next
              (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
              (i32.store16 (i32.add (local.get $units) (i32.shl (local.get $i) (i32.const 1))) (i32.mul (i32.add (local.get $i) (i32.const 1)) (i32.const 0x0101)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $next)))
            (if (i32.gt_u (local.get $cap) (local.get $n))
              (then (i32.store16 (i32.add (local.get $units) (i32.shl (local.get $n) (i32.const 1))) (i32.const 0xFFFF))))
            (i32.store (local.get $len) (local.get $n))
            (local.get $cap)))
        """;

    private static readonly Lazy<Module> s_unitFiller = new(() => Module.FromText(TestGuests.MovingEngine, "unit-filler", UnitFillerWat));

    [Theory]
    [InlineData(5, 3)]
    [InlineData(3, 3)]
    [InlineData(2, 2)]
    [InlineData(0, 0)]
    public void A_capacity_in_16_bit_elements_copies_back_exactly_the_reported_elements(int capacity, int reported)
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, s_unitFiller.Value).Instantiate();
        var filler = guest.Import<IUnitFiller>();
        var buffer = Enumerable.Repeat((ushort)0xAAAA, 8).ToArray();
        int written = -1;

        int seenCapacity = filler.Fill(ref written, buffer.AsSpan(0, capacity));

        Assert.Equal(capacity, seenCapacity); // the capacity went in in elements, not bytes
        Assert.Equal(reported, written);
        ushort[] expected = [0x0101, 0x0202, 0x0303];
        Assert.Equal(expected[..reported], buffer[..reported]);
        Assert.All(buffer[reported..], u => Assert.Equal(0xAAAA, u)); // the 0xFFFF past the reported length stays in the guest
    }

    private static readonly Lazy<Module> s_vectorAdd = new(() => Module.FromText(TestGuests.MovingEngine, "vector-add", VectorAddWat));
    private static readonly Lazy<Module> s_lyingZlib = new(() => Module.FromText(TestGuests.MovingEngine, "lying-zlib", LyingZlibWat));

    [Fact]
    public void One_count_before_its_buffers_sizes_all_three_and_only_that_prefix_crosses()
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, s_vectorAdd.Value).Instantiate();
        var vectors = guest.Import<IVectorAdd>();
        int[] a = [1, 2, 3, 4, 5];
        int[] b = [10, 20, 30, 40, 50, 60];
        var sum = Enumerable.Repeat(-7, 8).ToArray();

        vectors.Add(4, a, b, sum);

        Assert.Equal([11, 22, 33, 44, -7, -7, -7, -7], sum);
    }

    [Fact]
    public void A_shared_count_larger_than_one_buffer_names_that_buffer_and_the_count()
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, s_vectorAdd.Value).Instantiate();
        var vectors = guest.Import<IVectorAdd>();
        var sum = new int[8];

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => vectors.Add(6, new int[8], new int[8], sum.AsSpan(0, 5)));

        Assert.Equal("n", error.ParamName);
        Assert.Contains("'sum'", error.Message);
        Assert.Contains("IVectorAdd.Add", error.Message);
        Assert.Equal(new int[8], sum);
    }

    [Fact]
    public void A_guest_reporting_more_than_the_capacity_gets_a_typed_error_and_nothing_is_copied()
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, s_lyingZlib.Value).Instantiate();
        var zlib = guest.Import<IZlib>();
        var buffer = Enumerable.Repeat((byte)0xAA, 64).ToArray();
        uint destLen = 1234;

        var error = Assert.Throws<WasmGuestDataException>(() =>
            zlib.Compress(buffer.AsSpan(0, 16), out destLen, new byte[] { 1, 2, 3 }, 3));

        Assert.Equal("IZlib.Compress", error.Method);
        Assert.Equal("destLen", error.Parameter);
        Assert.Contains("reports 17 elements written into parameter 'dest', whose capacity is 16", error.Message);
        Assert.All(buffer, b => Assert.Equal(0xAA, b)); // the 0x55 the guest wrote within the capacity is not copied either
        Assert.Equal(1234u, destLen);

        uint length = 5;
        var huge = Assert.Throws<WasmGuestDataException>(() => zlib.Uncompress(buffer.AsSpan(0, 8), ref length, new byte[] { 1 }, 1));
        Assert.Equal("IZlib.Uncompress", huge.Method);
        Assert.Equal("destLen", huge.Parameter);
        Assert.Contains("reports 4294967295 elements", huge.Message);
        Assert.All(buffer, b => Assert.Equal(0xAA, b));
        Assert.Equal(5u, length);
    }
}
