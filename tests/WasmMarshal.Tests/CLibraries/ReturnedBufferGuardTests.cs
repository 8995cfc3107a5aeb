using System;
using System.Text;
using Wasmtime;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.CLibraries;

/// <summary>
/// A C library's returned buffers and fixed-size buffers, in the shapes <c>char *print(int mode)</c> freed with
/// <c>lib_free</c>, <c>uint8_t *load(const uint8_t *buf, int len, int *length)</c> and
/// <c>void digest(const uint8_t in[4], uint8_t out[16])</c>.
/// </summary>
[WasmImport]
public partial interface IReturningLibrary
{
    [WasmName("print"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
    [return: WasmFree("lib_free")]
    string? Print(int mode);

    [WasmName("load")]
    [return: WasmCount(nameof(length)), WasmFree("lib_free")]
    byte[]? Load([WasmCount(nameof(len))] ReadOnlySpan<byte> buf, int len, out int length);

    [WasmName("load_echo")]
    [return: WasmCount(nameof(length)), WasmFree("lib_free")]
    byte[]? LoadEcho([WasmCount(nameof(len))] ReadOnlySpan<byte> buf, int len, out int length);

    [WasmName("load_from")]
    [return: WasmCount(nameof(length)), WasmFree("lib_free")]
    byte[]? LoadFrom([WasmCount(nameof(len))] ReadOnlySpan<byte> buf, int len, out int length);

    [WasmName("digest")]
    void Digest([WasmFixedLength(4)] ReadOnlySpan<byte> input, [WasmFixedLength(16)] Span<byte> output);

    [WasmName("free_count")]
    int FreeCount();

    [WasmName("last_freed")]
    int LastFreed();
}

/// <summary>The same <c>print</c> with a non-nullable result: a null pointer is an error.</summary>
[WasmImport]
public partial interface IReturningLibraryRequired
{
    [WasmName("print"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
    [return: WasmFree("lib_free")]
    string Print(int mode);
}

/// <summary>The same <c>load</c> with no [WasmFree]: the result is the guest heap's, freed with <c>free</c>.</summary>
[WasmImport]
public partial interface IReturningLibraryHeap
{
    [WasmName("load")]
    [return: WasmCount(nameof(length))]
    byte[] Load([WasmCount(nameof(len))] ReadOnlySpan<byte> buf, int len, out int length);
}

/// <summary>
/// A WAT guest in a C library's place, lying in each way a broken or hostile library can: a pointer out of memory, a
/// count past the end of memory or negative, a free export that traps. <c>lib_free</c> counts its calls, so that
/// every test can say exactly which buffers were freed.
/// </summary>
public sealed class ReturnedBufferGuardTests
{
    private const string Wat = """
        (module
          (memory (export "memory") 2)
          (global (export "__heap_base") i32 (i32.const 1024))
          (global $next (mut i32) (i32.const 32768))
          (global $frees (mut i32) (i32.const 0))
          (global $last (mut i32) (i32.const 0))
          (data (i32.const 2048) "hello\00")
          (data (i32.const 8192) "trap\00")
          (data (i32.const 12288) "\ff\fe\00")
          (func (export "malloc") (param $size i32) (result i32) (local $p i32)
            (local.set $p (global.get $next))
            (global.set $next (i32.add (global.get $next) (i32.and (i32.add (local.get $size) (i32.const 15)) (i32.const -16))))
            (local.get $p))
          (func (export "free") (param i32))
          (func (export "lib_free") (param $p i32)
            (global.set $frees (i32.add (global.get $frees) (i32.const 1)))
            (global.set $last (local.get $p))
            (if (i32.eq (local.get $p) (i32.const 8192)) (then unreachable)))
          (func (export "free_count") (result i32) (global.get $frees))
          (func (export "last_freed") (result i32) (global.get $last))
          ;; mode 0: "hello"; 1: out of memory; 2: NULL; 3: "trap" (lib_free traps on it); 4: static data below
          ;; __heap_base; 5: invalid UTF-8 inside memory
          (func (export "print") (param $mode i32) (result i32)
            (if (i32.eq (local.get $mode) (i32.const 0)) (then (return (i32.const 2048))))
            (if (i32.eq (local.get $mode) (i32.const 1)) (then (return (i32.const 0x7ffffff0))))
            (if (i32.eq (local.get $mode) (i32.const 3)) (then (return (i32.const 8192))))
            (if (i32.eq (local.get $mode) (i32.const 4)) (then (return (i32.const 16))))
            (if (i32.eq (local.get $mode) (i32.const 5)) (then (return (i32.const 12288))))
            (i32.const 0))
          ;; returns "hello..." at 2048 and reports the count the caller put in the first 4 bytes of buf
          (func (export "load") (param $buf i32) (param $len i32) (param $length i32) (result i32)
            (i32.store (local.get $length) (i32.load (local.get $buf)))
            (i32.const 2048))
          ;; a hostile load: hands back the host's own argument buffer as its result
          (func (export "load_echo") (param $buf i32) (param $len i32) (param $length i32) (result i32)
            (i32.store (local.get $length) (local.get $len))
            (local.get $buf))
          ;; another: hands back the address the caller wrote in the first 4 bytes of buf, 4 bytes long
          (func (export "load_from") (param $buf i32) (param $len i32) (param $length i32) (result i32)
            (i32.store (local.get $length) (i32.const 4))
            (i32.load (local.get $buf)))
          (func (export "digest") (param $in i32) (param $out i32) (local $i i32)
            (loop $next
              (i32.store8 (i32.add (local.get $out) (local.get $i))
                (i32.add (i32.load8_u (i32.add (local.get $in) (i32.and (local.get $i) (i32.const 3)))) (local.get $i)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $next (i32.lt_u (local.get $i) (i32.const 16))))))
        """;

    private static readonly Lazy<Module> s_module = new(() => Module.FromText(TestGuests.MovingEngine, "returning-library", Wat));

    private static (WasmGuest Guest, IReturningLibrary Library) Create()
    {
        var guest = WasmGuest.Builder(TestGuests.MovingEngine, s_module.Value).Instantiate();
        return (guest, guest.Import<IReturningLibrary>());
    }

    [Theory]
    [InlineData("guest malloc")]
    [InlineData("host heap")]
    [InlineData("arena")]
    public void A_result_that_is_the_hosts_own_argument_buffer_is_refused_and_not_freed(string scratch)
    {
        var builder = WasmGuest.Builder(TestGuests.MovingEngine, s_module.Value);
        builder = scratch switch
        {
            "host heap" => builder.WithAllocator(GuestAllocatorSource.HostHeap(HostHeapRegion.GuestBlocks, 4096)),
            "arena" => builder.WithAllocator(GuestAllocatorSource.Arena(HostHeapRegion.GuestBlocks, 4096)),
            _ => builder,
        };
        using var guest = builder.Instantiate();
        var library = guest.Import<IReturningLibrary>();

        var error = Assert.Throws<WasmGuestDataException>(() => library.LoadEcho([1, 2, 3, 4, 5, 6, 7, 8], 8, out _));

        Assert.Equal("IReturningLibrary.LoadEcho", error.Method);
        Assert.Equal("return", error.Parameter);
        Assert.Contains("it is not freed", error.Message);
        Assert.Equal(0, library.FreeCount());
    }

    [Fact]
    public void A_result_inside_other_memory_the_host_heap_manages_is_refused_and_not_freed()
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, s_module.Value)
            .WithAllocator(GuestAllocatorSource.HostHeap(HostHeapRegion.GuestBlocks, 4096))
            .Instantiate();
        var library = guest.Import<IReturningLibrary>();
        var heap = Assert.IsType<HostHeapAllocator>(guest.Allocator);
        uint hostsOwn = heap.Allocate(64, 8); // host memory, not this call's buffer: no record of the call covers it

        var error = Assert.Throws<WasmGuestDataException>(() => library.LoadFrom(BitConverter.GetBytes(hostsOwn), 4, out _));

        Assert.Equal("return", error.Parameter);
        Assert.Contains("host heap", error.Message);
        Assert.Contains("it is not freed", error.Message);
        Assert.Equal(0, library.FreeCount());
        Assert.True(heap.Heap.TryGetBlockSize(hostsOwn, out _));
    }

    [Fact]
    public void A_returned_string_is_copied_then_freed_once_through_the_named_export()
    {
        var (guest, library) = Create();
        using var owned = guest;
        Assert.Equal("hello", library.Print(0));
        Assert.Equal(1, library.FreeCount());
        Assert.Equal(2048, library.LastFreed());
    }

    [Fact]
    public void A_null_return_is_null_for_a_nullable_string_and_an_error_naming_the_method_otherwise_and_is_not_freed()
    {
        var (guest, library) = Create();
        using var owned = guest;
        Assert.Null(library.Print(2));
        var error = Assert.Throws<WasmGuestDataException>(() => guest.Import<IReturningLibraryRequired>().Print(2));
        Assert.Equal("IReturningLibraryRequired.Print", error.Method);
        Assert.Equal("return", error.Parameter);
        Assert.Equal(0, library.FreeCount());
    }

    [Fact]
    public void A_pointer_outside_memory_is_a_typed_error_and_is_not_freed()
    {
        var (guest, library) = Create();
        using var owned = guest;
        var error = Assert.Throws<WasmGuestDataException>(() => library.Print(1));
        Assert.Equal("IReturningLibrary.Print", error.Method);
        Assert.Equal("return", error.Parameter);
        Assert.Equal(0, library.FreeCount());
        Assert.Equal("hello", library.Print(0)); // the guest is still usable
    }

    [Fact]
    public void Static_data_is_refused_and_not_freed_a_borrowed_result_says_so()
    {
        var (guest, library) = Create();
        using var owned = guest;
        var error = Assert.Throws<WasmGuestDataException>(() => library.Print(4));
        Assert.Contains("WasmBorrowed", error.Message);
        Assert.Equal(0, library.FreeCount());
    }

    [Fact]
    public void A_string_that_is_not_UTF_8_is_a_typed_error_and_still_freed()
    {
        var (guest, library) = Create();
        using var owned = guest;
        var error = Assert.Throws<WasmGuestDataException>(() => library.Print(5));
        Assert.Equal("return", error.Parameter);
        Assert.Equal(1, library.FreeCount());
        Assert.Equal(12288, library.LastFreed());
    }

    [Fact]
    public void A_free_export_that_traps_keeps_the_copied_result_and_poisons_the_guest_naming_the_method()
    {
        var (guest, library) = Create();
        using var owned = guest;
        Assert.Equal("trap", library.Print(3));
        Assert.True(guest.IsPoisoned);
        var error = Assert.Throws<WasmGuestPoisonedException>(() => library.Print(0));
        Assert.Contains("IReturningLibrary.Print", error.Message + error.FirstFailure.Method);
    }

    [Fact]
    public void A_counted_array_takes_its_length_from_the_out_parameter_and_is_freed()
    {
        var (guest, library) = Create();
        using var owned = guest;
        var request = BitConverter.GetBytes(5);
        var bytes = library.Load(request, request.Length, out int length);
        Assert.Equal(5, length);
        Assert.Equal("hello", Encoding.ASCII.GetString(bytes!));
        Assert.Equal(1, library.FreeCount());
    }

    [Fact]
    public void A_counted_array_without_WasmFree_is_the_guest_heap_s_and_not_freed_through_the_export()
    {
        var (guest, library) = Create();
        using var owned = guest;
        var request = BitConverter.GetBytes(3);
        var bytes = guest.Import<IReturningLibraryHeap>().Load(request, request.Length, out int length);
        Assert.Equal(3, length);
        Assert.Equal("hel", Encoding.ASCII.GetString(bytes));
        Assert.Equal(0, library.FreeCount());
    }

    [Theory]
    [InlineData(200_000)]
    [InlineData(-1)]
    public void A_reported_count_past_memory_or_negative_names_the_count_parameter_and_the_buffer_is_still_freed(int reported)
    {
        var (guest, library) = Create();
        using var owned = guest;
        var request = BitConverter.GetBytes(reported);
        var error = Assert.Throws<WasmGuestDataException>(() => library.Load(request, request.Length, out _));
        Assert.Equal("IReturningLibrary.Load", error.Method);
        Assert.Equal("length", error.Parameter);
        Assert.Equal(1, library.FreeCount());
    }

    [Fact]
    public void Fixed_length_buffers_pass_exactly_their_length_and_copy_back_exactly_that_much()
    {
        var (guest, library) = Create();
        using var owned = guest;
        byte[] input = [10, 20, 30, 40, 99, 99];
        var output = new byte[20];
        Array.Fill(output, (byte)0xEE);
        library.Digest(input, output);
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal((byte)(input[i % 4] + i), output[i]);
        }

        Assert.All(output[16..], b => Assert.Equal(0xEE, b));
    }

    [Fact]
    public void A_fixed_length_span_that_is_too_short_names_the_parameter_before_the_guest_runs()
    {
        var (guest, library) = Create();
        using var owned = guest;
        var error = Assert.Throws<ArgumentException>(() => library.Digest(new byte[4], new byte[15]));
        Assert.Equal("output", error.ParamName);
        Assert.Contains("IReturningLibrary.Digest", error.Message);
    }
}
