using System;
using System.Linq;
using Wasmtime;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Reliability;

/// <summary>
/// One test per hostile behaviour of hostile.wasm, on every scratch allocator. Each asserts the typed exception, the
/// interface method it names, that every allocator is back to its baseline, and the next-call rule: a trap (host
/// callback exceptions included) poisons the guest, and rejected data does not.
/// </summary>
/// <remarks>
/// Already covered elsewhere, not repeated here: the out-of-bounds pointer a guest passes to a host function
/// (<c>FaultTests.An_out_of_bounds_pointer_from_the_guest_traps_it_with_the_method_and_parameter</c>), invalid UTF-8 passed
/// to the host (<c>FaultTests.Invalid_utf8_sent_to_the_host_is_rejected_not_replaced</c>), unpaired surrogates in a C#
/// argument (<c>StringTests.Unpaired_surrogates_are_rejected_before_anything_is_allocated</c>) and a module whose exports do
/// not fit (<c>BindingTests.Every_missing_or_mistyped_export_is_listed_in_one_exception</c>).
/// </remarks>
public abstract class HostileGuestTests : IDisposable
{
    private readonly HostileGuest _hostile;
    private readonly IHostile _api;
    private readonly Usage _baseline;

    protected HostileGuestTests(ScratchAllocator scratch)
    {
        _hostile = HostileGuest.Create(scratch);
        _api = _hostile.Api;
        // Warm up: the host heap reserves its first block and the arena its first chunk, which they then keep.
        Assert.Equal(Fnv.Hash32(new byte[300]), _api.Take(new string('\0', 300)));
        _baseline = _hostile.Usage();
    }

    public void Dispose() => _hostile.Dispose();

    [Theory]
    [InlineData(0xFFFF_FF00u, 16u)] // the start is inside the 4 GiB space but far past the end of memory
    [InlineData(0x0100_0000u, 0u)] // an empty string that starts past the end
    public void A_returned_pointer_out_of_bounds_is_rejected_and_nothing_is_read(uint ptr, uint len)
    {
        var error = Assert.Throws<WasmGuestMemoryException>(() => _api.LyingStr(ptr, len));
        Assert.Equal("IHostile.LyingStr", error.Method);
        Assert.Equal("return", error.Parameter);
        Assert.Equal(ptr, error.Address);
        Assert.Equal(len, error.Length);
        Assert.Equal(_hostile.Guest.Memory.Length, error.MemorySize);

        var array = Assert.Throws<WasmGuestMemoryException>(() => _api.LyingSlice(ptr, len));
        Assert.Equal("IHostile.LyingSlice", array.Method);
        AssertUnharmed();
    }

    [Theory]
    [InlineData(0x8000_0000u, 0x8000_0010u)] // ptr + len = 2^32 + 16: wraps to 16 in 32 bits
    [InlineData(0xFFFF_FFFFu, 2u)] // wraps to 1
    [InlineData(0x0000_1000u, 0xFFFF_F001u)] // wraps to 1 from a plausible pointer
    public void A_returned_pointer_plus_length_that_wraps_past_2_32_is_rejected(uint ptr, uint len)
    {
        var error = Assert.Throws<WasmGuestMemoryException>(() => _api.LyingStr(ptr, len));
        Assert.Equal("IHostile.LyingStr", error.Method);
        Assert.Equal(ptr, error.Address);
        Assert.Equal(len, error.Length);

        // UTF-16: the length is in code units; 0x7FFF_FFF8 units are 0xFFFF_FFF0 bytes, more than 2 GiB, so it is
        // rejected as data (like an overflowing element count) before any bounds check.
        var utf16 = Assert.Throws<WasmGuestDataException>(() => _api.LyingStr16(0x10, 0x7FFF_FFF8));
        Assert.Equal("IHostile.LyingStr16", utf16.Method);
        AssertUnharmed();
    }

    [Fact]
    public void A_returned_length_larger_than_memory_is_rejected()
    {
        uint memory = (uint)_hostile.Guest.Memory.Length;
        var error = Assert.Throws<WasmGuestMemoryException>(() => _api.LyingStr(1, memory));
        Assert.Equal("IHostile.LyingStr", error.Method);
        Assert.Equal(memory, error.Length);

        // A real 16-byte buffer returned with a length of 0x7FFFFFF0: the host cannot tell where the buffer really
        // ends, so it neither reads it nor frees it; the guest leaked its own block, inside its own memory.
        var garbage = Assert.Throws<WasmGuestMemoryException>(() => _api.StrWithGarbageLength());
        Assert.Equal("IHostile.StrWithGarbageLength", garbage.Method);
        Assert.Equal(0x7FFF_FFF0ul, garbage.Length);
        AssertUnharmed(guestBlocksLeakedByTheGuest: 1);
    }

    [Fact]
    public void A_returned_element_count_whose_byte_size_overflows_is_rejected_before_any_bounds_check()
    {
        // 0x40000004 int32 elements are 2^32 + 16 bytes: 16 if multiplied in 32 bits.
        var error = Assert.Throws<WasmGuestDataException>(() => _api.SliceWithWrappingCount());
        Assert.Equal("IHostile.SliceWithWrappingCount", error.Method);
        Assert.Equal("return", error.Parameter);
        Assert.Contains("element count of 1073741828 (4294967312 bytes)", error.Message);

        var lying = Assert.Throws<WasmGuestDataException>(() => _api.LyingSlice(16, 0x4000_0004));
        Assert.Contains("4294967312 bytes", lying.Message);
        AssertUnharmed(guestBlocksLeakedByTheGuest: 1);
    }

    [Fact]
    public void A_returned_null_pointer_with_a_non_zero_length_is_rejected_or_null_as_documented()
    {
        var array = Assert.Throws<WasmGuestDataException>(() => _api.LyingSlice(0, 5));
        Assert.Equal("IHostile.LyingSlice", array.Method);
        Assert.Contains("null pointer with an element count of 5", array.Message);

        var text = Assert.Throws<WasmGuestDataException>(() => _api.LyingStr(0, 5));
        Assert.Equal("IHostile.LyingStr", text.Method);
        Assert.Contains("null pointer, but the C# type is a non-nullable string", text.Message);

        var views = _hostile.Guest.Import<IHostileViews>();
        Assert.Null(views.LyingStrNullable(0, 5)); // docs/abi.md: ptr = 0 is null, the length is ignored
        var nullable = Assert.Throws<WasmGuestDataException>(() => views.LyingSliceNullable(0, 5));
        Assert.Equal("IHostileViews.LyingSliceNullable", nullable.Method);
        AssertUnharmed();
    }

    [Fact]
    public void A_negative_length_in_a_signed_parameter_of_a_host_function_traps_the_guest()
    {
        // hostile.c declares host_log(const char *, int32_t): -1 arrives as 0xFFFFFFFF, far past the end of memory.
        var error = Assert.Throws<WasmHostCallbackException>(() => _api.CallLog(-1));
        Assert.Equal("IHostile.CallLog", error.Method);
        var bounds = Assert.IsType<WasmGuestMemoryException>(error.InnerException);
        Assert.Equal("IHostileHost.Log", bounds.Method);
        Assert.Equal("message", bounds.Parameter);
        Assert.Equal(0xFFFF_FFFFul, bounds.Length);
        Assert.Empty(_hostile.Host.Logs);
        AssertUnharmed(poisonedBy: error);
    }

    [Fact]
    public void A_negative_element_count_for_a_host_span_parameter_traps_the_guest()
    {
        var error = Assert.Throws<WasmHostCallbackException>(() => _api.CallSum(-1));
        Assert.Equal("IHostile.CallSum", error.Method);
        var data = Assert.IsType<WasmGuestDataException>(error.InnerException);
        Assert.Equal("IHostileHost.Sum", data.Method);
        Assert.Equal("values", data.Parameter);
        Assert.Contains("element count of 4294967295", data.Message);
        Assert.Empty(_hostile.Host.Sums);
        AssertUnharmed(poisonedBy: error);
    }

    [Fact]
    public void A_negative_count_reaches_a_host_int_parameter_as_is_and_the_host_decides()
    {
        // An int parameter is not a length to WasmMarshal: Make(-1) is called, and what the implementation throws is
        // the inner exception.
        var error = Assert.Throws<WasmHostCallbackException>(() => _api.CallMake(-1, 1));
        Assert.Equal("IHostile.CallMake", error.Method);
        Assert.IsType<OverflowException>(error.InnerException);
        AssertUnharmed(poisonedBy: error);
    }

    [Fact]
    public void Invalid_utf8_returned_by_the_guest_is_rejected_and_the_buffer_is_still_freed()
    {
        var error = Assert.Throws<WasmGuestDataException>(() => _api.InvalidUtf8());
        Assert.Equal("IHostile.InvalidUtf8", error.Method);
        Assert.Equal("return", error.Parameter);
        Assert.Contains("invalid byte sequence at offset 2 of 5", error.Message);
        AssertUnharmed();
    }

    [Fact]
    public void Utf16_with_an_unpaired_surrogate_is_rejected_both_ways()
    {
        // guest -> host, as a result: rejected, and the buffer (valid pointer and length) is freed.
        var result = Assert.Throws<WasmGuestDataException>(() => _api.UnpairedUtf16());
        Assert.Equal("IHostile.UnpairedUtf16", result.Method);
        Assert.Contains("unpaired surrogate 0xD800 at code unit 1 of 3", result.Message);

        // host -> guest: rejected before anything is allocated.
        long allocations = _hostile.Scratch.GetStatistics().AllocationCount;
        var views = _hostile.Guest.Import<IHostileViews>();
        var argument = Assert.Throws<ArgumentException>(() => views.TakeUtf16("A\uDC00B"));
        Assert.Equal("text", argument.ParamName);
        Assert.Contains("IHostileViews.TakeUtf16", argument.Message);
        Assert.Equal(allocations, _hostile.Scratch.GetStatistics().AllocationCount);
        AssertUnharmed();

        // guest -> host, as the argument of a host function: the guest is trapped.
        var callback = Assert.Throws<WasmHostCallbackException>(() => _api.CallLogUnpairedUtf16());
        var data = Assert.IsType<WasmGuestDataException>(callback.InnerException);
        Assert.Equal("IHostileHost.LogUtf16", data.Method);
        Assert.Empty(_hostile.Host.Logs);
        AssertUnharmed(poisonedBy: callback);
    }

    [Fact]
    public void A_trap_midway_through_a_call_frees_the_arguments_and_poisons_the_guest()
    {
        var data = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        var error = Assert.Throws<WasmTrapException>(() => _api.TrapMidway("an argument ✓", data));
        Assert.Equal("IHostile.TrapMidway", error.Method);
        Assert.Equal(TrapCode.Unreachable, error.Code);
        // The guest's own scratch buffer (malloc'd before the trap) stays allocated in its heap: the instance is
        // poisoned and is to be discarded with it.
        AssertUnharmed(poisonedBy: error, guestBlocksLeakedByTheGuest: 1);
    }

    [Fact]
    public void A_host_function_that_throws_is_the_inner_exception_and_poisons_the_guest()
    {
        var thrown = new InvalidOperationException("the host refuses");
        _hostile.Host.MakeFactory = _ => throw thrown;
        var error = Assert.Throws<WasmHostCallbackException>(() => _api.CallMake(16, 1));
        Assert.Equal("IHostile.CallMake", error.Method);
        Assert.Same(thrown, error.InnerException);
        Assert.Contains("InvalidOperationException: the host refuses", error.Message);
        AssertUnharmed(poisonedBy: error);
    }

    [Fact]
    public void A_re_entrant_call_that_grows_memory_in_the_inner_call_keeps_every_byte()
    {
        const int length = 150_000;
        nint baseBefore = 0, baseAfter = 0;
        int pagesBefore = _api.MemoryPages();
        _hostile.Host.DuringVisit = () =>
        {
            baseBefore = TestGuests.BaseAddress(_hostile.Guest);
            Assert.True(_api.Grow(20) >= pagesBefore); // the inner call grows memory
            Assert.Equal(Fnv.Hash64(new byte[1000]), _api.Checksum(new byte[1000])); // and allocates its own argument
            baseAfter = TestGuests.BaseAddress(_hostile.Guest);
        };

        var expected = Enumerable.Range(0, length).Select(i => (byte)((byte)(i * 7 + 1) ^ 0x5A)).ToArray();
        Assert.Equal(Fnv.Hash64(expected), _api.Visit(length));
        Assert.NotEqual(baseBefore, baseAfter);
        Assert.True(_api.MemoryPages() >= pagesBefore + 20);
        AssertUnharmed();
    }

    [Fact]
    public void A_trap_in_the_inner_call_of_a_re_entrant_call_reaches_the_outer_caller_and_poisons_the_guest()
    {
        WasmTrapException? inner = null;
        _hostile.Host.DuringVisit = () =>
        {
            _api.Grow(10);
            inner = Assert.Throws<WasmTrapException>(() => _api.TrapMidway("inner", new byte[64]));
            throw inner;
        };

        var outer = Assert.Throws<WasmHostCallbackException>(() => _api.Visit(4096));
        Assert.Equal("IHostile.Visit", outer.Method);
        Assert.Same(inner, outer.InnerException);
        Assert.Equal("IHostile.TrapMidway", inner!.Method);
        // The inner trap came first, so it is what poisoned the guest. Both calls' arguments were freed; the guest leaked
        // the buffer visit() had malloc'd and trap_midway()'s scratch buffer.
        AssertUnharmed(poisonedBy: inner, guestBlocksLeakedByTheGuest: 2);
    }

    [Fact]
    public void A_host_that_swallows_an_inner_trap_lets_the_outer_call_finish_but_the_guest_stays_poisoned()
    {
        _hostile.Host.DuringVisit = () => Assert.Throws<WasmTrapException>(() => _api.DoTrap());
        var expected = Enumerable.Range(0, 100).Select(i => (byte)((byte)(i * 7 + 1) ^ 0x5A)).ToArray();
        Assert.Equal(Fnv.Hash64(expected), _api.Visit(100)); // the outer wasm frames were intact
        AssertUnharmed(poisonedBy: _hostile.Guest.PoisonedBy);
        Assert.IsType<WasmTrapException>(_hostile.Guest.PoisonedBy);
        Assert.Equal("IHostile.DoTrap", _hostile.Guest.PoisonedBy!.Method);
    }

    [Fact]
    public void A_guest_that_frees_host_results_itself_gets_the_same_memory_again_without_a_false_overlap()
    {
        // call_make frees every buffer the host allocated for it, so dlmalloc hands the same block out again for the
        // next host result: that is not an overlap, because the guest owns host results.
        _hostile.Host.MakeFactory = count => Enumerable.Range(0, count).Select(i => (byte)(i + 1)).ToArray();
        var once = Enumerable.Range(0, 40).Select(i => (byte)(i + 1)).ToArray();
        ulong expected = Fnv.Hash64(once, Fnv.Hash64(once, Fnv.Hash64(once, Fnv.Hash64(once))));
        Assert.Equal(expected, _api.CallMake(40, 4));
        AssertUnharmed();
    }

    [Fact]
    public void Growing_memory_to_the_module_maximum_fails_inside_the_guest_and_the_host_carries_on()
    {
        Assert.Equal(256, _api.GrowUntilFull()); // hostile.wasm is linked with --max-memory=16 MiB
        Assert.Equal(-1, _api.Grow(1));
        Assert.Equal(256, _api.MemoryPages());
        AssertUnharmed();
    }

    /// <summary>
    /// Every allocator back to the baseline, then the next-call rule: poisoned by <paramref name="poisonedBy"/> when
    /// given, else still working.
    /// </summary>
    private void AssertUnharmed(WasmCallException? poisonedBy = null, int guestBlocksLeakedByTheGuest = 0)
    {
        _hostile.AssertBackTo(_baseline, guestBlocksLeakedByTheGuest);
        if (poisonedBy is not null)
        {
            _hostile.AssertPoisonedBy(poisonedBy);
        }
        else
        {
            _hostile.AssertStillWorks();
            _hostile.AssertBackTo(_baseline, guestBlocksLeakedByTheGuest);
        }
    }
}

public sealed class HostileGuestTestsOnGuestMalloc() : HostileGuestTests(ScratchAllocator.GuestMalloc)
{
}

public sealed class HostileGuestTestsOnHostHeap() : HostileGuestTests(ScratchAllocator.HostHeap)
{
}

public sealed class HostileGuestTestsOnHostHeapPages() : HostileGuestTests(ScratchAllocator.HostHeapOnGrownPages)
{
}

public sealed class HostileGuestTestsOnArena() : HostileGuestTests(ScratchAllocator.Arena)
{
}
