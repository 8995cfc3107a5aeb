using System;
using System.Text;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Reliability;

/// <summary>One string argument; the guest returns its length.</summary>
[WasmImport]
public partial interface ILyingAllocatorGuest
{
    int Take(string text);
}

/// <summary>The same export, read as the address the host passed.</summary>
[WasmImport]
public partial interface IPointerGuest
{
    [WasmName("take")]
    uint TakePointer(string text);
}

/// <summary>The guest asks the host for bytes while its argument is live.</summary>
[WasmImport]
public partial interface IOverlapGuest
{
    uint TakeAndMake(string text);
}

/// <summary>What the overlap guest imports.</summary>
[WasmExport("env")]
public partial interface IOverlapHost
{
    byte[] Make(int count);
}

/// <summary>
/// Allocators that hand out memory that is not theirs to give: static data, the bottom of memory, the very end of it,
/// address 0, a live argument. The host must reject each before it writes, naming the method and parameter, and free
/// nothing it should not.
/// </summary>
public sealed class LyingAllocatorTests
{
    private const string StaticData = "precious static data, 32 bytes!";

    /// <summary>
    /// Static data at 1024..1056 (<c>__data_end</c>), heap from <c>__heap_base</c> = 4096. The allocator (exported
    /// as <c>malloc</c>/<c>free</c>, <c>alloc</c>/<c>dealloc</c> and <c>cabi_realloc</c>) is an honest bump allocator,
    /// except that after <c>lie_once(address)</c> its next allocation returns <c>address</c>. <c>live</c> counts honest
    /// allocations minus frees; <c>wrong_frees</c> counts frees of addresses it never handed out.
    /// </summary>
    private const string LyingHeapWat = """
        (module
          (memory (export "memory") 1)
          (global (export "__data_end") i32 (i32.const 1056))
          (global (export "__heap_base") i32 (i32.const 4096))
          (data (i32.const 1024) "precious static data, 32 bytes!")
          (global $next (mut i32) (i32.const 4096))
          (global $lie (mut i32) (i32.const 0))
          (global $live (mut i32) (i32.const 0))
          (global $wrong_frees (mut i32) (i32.const 0))
          (func (export "lie_once") (param i32) (global.set $lie (local.get 0)))
          (func $malloc (export "malloc") (param $size i32) (result i32) (local $r i32)
            (if (global.get $lie)
              (then
                (local.set $r (global.get $lie))
                (global.set $lie (i32.const 0))
                (return (local.get $r))))
            (local.set $r (global.get $next))
            (global.set $next (i32.and (i32.add (i32.add (local.get $r) (local.get $size)) (i32.const 15)) (i32.const -16)))
            (global.set $live (i32.add (global.get $live) (i32.const 1)))
            (local.get $r))
          (func $free (export "free") (param $p i32)
            (if (i32.lt_u (local.get $p) (i32.const 4096))
              (then (global.set $wrong_frees (i32.add (global.get $wrong_frees) (i32.const 1))))
              (else (global.set $live (i32.sub (global.get $live) (i32.const 1))))))
          (func (export "alloc") (param $size i32) (param $align i32) (result i32) (call $malloc (local.get $size)))
          (func (export "dealloc") (param $p i32) (param $size i32) (param $align i32) (call $free (local.get $p)))
          (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (call $malloc (local.get 3)))
          (func (export "live") (result i32) (global.get $live))
          (func (export "wrong_frees") (result i32) (global.get $wrong_frees))
          (func (export "take") (param i32 i32) (result i32) (local.get 1)))
        """;

    private static readonly Lazy<Module> s_lyingHeap = new(() => Module.FromText(TestGuests.MovingEngine, "lying-heap", LyingHeapWat));

    public static TheoryData<string, uint, string, string> Lies()
    {
        var data = new TheoryData<string, uint, string, string>();
        foreach (string allocator in new[] { "malloc", "rust", "cabi" })
        {
            data.Add(allocator, 1024, "a string", "it returned 0x00000400, which lies below __heap_base (0x00001000)");
            data.Add(allocator, 1040, "a string", "it returned 0x00000410, which lies below __heap_base (0x00001000)");
            data.Add(allocator, 8, "a string", "it returned 0x00000008, which lies below __heap_base (0x00001000)");
            data.Add(allocator, 65536, "", "it returned 0x00010000, and 1 byte from there exceeds the memory size of 65536 bytes");
            data.Add(allocator, 65532, "a string", "it returned 0x0000FFFC, and 8 bytes from there exceed the memory size of 65536 bytes");
        }

        return data;
    }

    private static GuestAllocatorSource Source(string allocator) => allocator switch
    {
        "malloc" => GuestAllocatorSource.Malloc(),
        "rust" => GuestAllocatorSource.RustAlloc(),
        _ => GuestAllocatorSource.CabiRealloc(),
    };

    [Theory]
    [MemberData(nameof(Lies))]
    public void An_allocation_in_static_data_below_the_heap_or_past_the_end_is_rejected_before_the_host_writes(
        string allocator, uint lie, string text, string reason)
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, s_lyingHeap.Value)
            .WithAllocator(Source(allocator)).WithGuestHeap(Source(allocator)).Instantiate();
        var api = guest.Import<ILyingAllocatorGuest>();
        Assert.Equal(5, api.Take("warm!")); // honest allocations work

        guest.Instance.GetAction<int>("lie_once")!(unchecked((int)lie));
        var error = Assert.Throws<GuestAllocationException>(() => api.Take(text));
        Assert.Equal("ILyingAllocatorGuest.Take", error.Method);
        Assert.Equal("text", error.Parameter);
        Assert.Contains(reason, error.Message + " | " + error.InnerException?.Message);

        Assert.Equal(StaticData, Encoding.ASCII.GetString(guest.Memory.View().Bytes(1024, 31, "test", "data")));
        Assert.Equal(0, guest.Instance.GetFunction<int>("wrong_frees")!()); // the lie was never freed
        // cabi_realloc has no free: the guest keeps the honest allocations, so only the others must be back to none.
        Assert.Equal(allocator == "cabi" ? 1 : 0, guest.Instance.GetFunction<int>("live")!());
        Assert.False(guest.IsPoisoned);
        Assert.Equal(3, api.Take("abc"));
    }

    /// <summary><c>__heap_base</c> exported as 0: the range a host heap would start at address 0.</summary>
    private const string HeapBaseZeroWat = """
        (module
          (memory (export "memory") 1)
          (global (export "__heap_base") i32 (i32.const 0))
          (func (export "take") (param i32 i32) (result i32) (local.get 0)))
        """;

    [Theory]
    [InlineData("host heap")]
    [InlineData("arena")]
    public void A_heap_base_of_zero_never_hands_out_address_zero(string allocator)
    {
        using var module = Module.FromText(TestGuests.MovingEngine, "heap-base-zero", HeapBaseZeroWat);
        var source = allocator == "arena"
            ? GuestAllocatorSource.Arena(HostHeapRegion.HeapBase)
            : GuestAllocatorSource.HostHeap(HostHeapRegion.HeapBase);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).WithAllocator(source).Instantiate();
        var api = guest.Import<IPointerGuest>();

        for (int i = 0; i < 3; i++)
        {
            uint address = api.TakePointer("x");
            Assert.True(address >= 8, $"the string was passed at 0x{address:X8}");
        }

        Assert.Equal(0ul, ((IReportsStatistics)guest.Allocator).GetStatistics().BytesInUse);
        if (guest.Allocator is HostHeapAllocator heap)
        {
            heap.Heap.Validate();
        }
    }

    /// <summary>A memory of 0 pages: the first page memory.grow gives starts at address 0.</summary>
    private const string EmptyMemoryWat = """
        (module
          (memory (export "memory") 0)
          (func (export "take") (param i32 i32) (result i32) (local.get 0)))
        """;

    [Theory]
    [InlineData("host heap")]
    [InlineData("arena")]
    public void Pages_grown_from_an_empty_memory_never_hand_out_address_zero(string allocator)
    {
        using var module = Module.FromText(TestGuests.MovingEngine, "empty-memory", EmptyMemoryWat);
        var source = allocator == "arena"
            ? GuestAllocatorSource.Arena(HostHeapRegion.MemoryGrow)
            : GuestAllocatorSource.HostHeap(HostHeapRegion.MemoryGrow);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).WithAllocator(source).Instantiate();
        var api = guest.Import<IPointerGuest>();

        uint address = api.TakePointer("x");
        Assert.True(address >= 8, $"the string was passed at 0x{address:X8}");
        Assert.Equal(0ul, ((IReportsStatistics)guest.Allocator).GetStatistics().BytesInUse);
    }

    /// <summary>
    /// <c>take_and_make(ptr, len)</c> makes the next <c>malloc</c> return <c>ptr</c>, its own live argument, then asks
    /// the host for 16 bytes (<c>env.make</c>, return area at 512) and returns the address the host wrote them to.
    /// </summary>
    private const string OverlapWat = """
        (module
          (import "env" "make" (func $make (param i32 i32)))
          (memory (export "memory") 1)
          (global $next (mut i32) (i32.const 4096))
          (global $lie (mut i32) (i32.const 0))
          (func (export "malloc") (param $size i32) (result i32) (local $r i32)
            (if (global.get $lie)
              (then
                (local.set $r (global.get $lie))
                (global.set $lie (i32.const 0))
                (return (local.get $r))))
            (local.set $r (global.get $next))
            (global.set $next (i32.and (i32.add (i32.add (local.get $r) (local.get $size)) (i32.const 15)) (i32.const -16)))
            (local.get $r))
          (func (export "free") (param i32))
          (func (export "take_and_make") (param $ptr i32) (param $len i32) (result i32)
            (global.set $lie (local.get $ptr))
            (call $make (i32.const 16) (i32.const 512))
            (i32.load (i32.const 512))))
        """;

    private sealed class MakeHost : IOverlapHost
    {
        public byte[] Make(int count) => new byte[count];
    }

    [Theory]
    [InlineData("default")]
    [InlineData("tracking malloc")]
    [InlineData("tracking auto")]
    public void A_host_result_that_overlaps_a_live_argument_is_rejected_whatever_wraps_the_scratch_allocator(string scratch)
    {
        using var module = Module.FromText(TestGuests.MovingEngine, "overlapping-result", OverlapWat);
        var builder = WasmGuest.Builder(TestGuests.MovingEngine, module).Export<IOverlapHost>(new MakeHost());
        if (scratch != "default")
        {
            builder.WithAllocator(GuestAllocatorSource.Tracking(scratch == "tracking malloc" ? GuestAllocatorSource.Malloc() : GuestAllocatorSource.Auto));
        }

        using var guest = builder.Instantiate();
        var api = guest.Import<IOverlapGuest>();

        var error = Assert.Throws<WasmHostCallbackException>(() => api.TakeAndMake("sixteen bytes..."));
        var rejected = Assert.IsType<GuestAllocationException>(error.InnerException);
        Assert.Equal("IOverlapHost.Make", rejected.Method);
        Assert.Equal("return", rejected.Parameter);
        Assert.Contains("overlaps the live buffer at 0x00001000 (16 bytes)", rejected.Message + " | " + rejected.InnerException?.Message);
        Assert.Equal("sixteen bytes...", Encoding.ASCII.GetString(guest.Memory.View().Bytes(4096, 16, "test", "argument")));
    }
}
