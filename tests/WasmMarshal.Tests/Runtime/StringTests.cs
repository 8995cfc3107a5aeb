using System;
using System.Text;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>Strings in every encoding, both directions, with null, empty and non-ASCII text, and strict decoding.</summary>
public abstract class StringTests : IDisposable
{
    private const string Mixed = "héllo wörld ✓ 😀 ∑";
    private readonly WasmGuest _guest;
    private readonly TestGuest _fixture;
    private readonly CountingAllocator _allocator;
    private readonly CountingAllocator _heap;
    private readonly RecordingHost _host = new();
    private readonly IStrings _strings;
    private readonly IRelays _relays;

    protected StringTests(ScratchAllocator scratch)
    {
        _fixture = TestGuests.MarshalTest(_host, scratch);
        (_guest, _allocator, _heap) = (_fixture.Guest, _fixture.Scratch, _fixture.Heap);
        _strings = _guest.Import<IStrings>();
        _relays = _guest.Import<IRelays>();
    }

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("The quick brown fox")]
    [InlineData(Mixed)]
    public void Utf8_bytes_arrive_exactly(string text) =>
        Assert.Equal(Fnv.Hash32(Encoding.UTF8.GetBytes(text)), _strings.Fnv1a(text));

    [Fact]
    public void Utf8_strings_come_back_and_are_freed()
    {
        Assert.Equal("HéLLO WöRLD ✓ 😀 ∑", _strings.ToUpper(Mixed)); // ASCII only
        Assert.Equal("", _strings.ToUpper(""));
        Assert.Equal("😀" + Mixed, _strings.Concat("😀", Mixed));
        Assert.True(_heap.GuestBufferFrees >= 3);
    }

    [Fact]
    public void Null_is_a_null_pointer_and_empty_is_not()
    {
        Assert.True(_strings.IsNull(null));
        Assert.False(_strings.IsNull(""));
        Assert.Null(_strings.EchoNullable(null));
        Assert.Equal("", _strings.EchoNullable(""));
        Assert.Equal(Mixed, _strings.EchoNullable(Mixed));
    }

    [Fact]
    public void Invalid_utf8_from_the_guest_is_an_error_naming_the_method_and_is_still_freed()
    {
        var error = Assert.Throws<WasmGuestDataException>(() => _strings.MakeInvalidUtf8());
        Assert.Equal("IStrings.MakeInvalidUtf8", error.Method);
        Assert.Equal("return", error.Parameter);
        Assert.Contains("not valid UTF-8", error.Message);
        Assert.Equal(1, _heap.GuestBufferFrees);
    }

    [Fact]
    public void Unpaired_surrogates_are_rejected_before_anything_is_allocated()
    {
        long before = _allocator.Allocations;
        var error = Assert.Throws<ArgumentException>(() => _strings.Fnv1a("ok\uD800ok"));
        Assert.Equal("text", error.ParamName);
        Assert.Contains("IStrings.Fnv1a", error.Message);
        Assert.Equal(before, _allocator.Allocations);
    }

    [Fact]
    public void Utf16_strings_cross_as_code_units()
    {
        Assert.Equal("∑✓cba", _strings.Utf16Reverse("abc✓∑"));
        Assert.Equal("", _strings.Utf16Reverse(""));
        Assert.Equal(Fnv.Hash32(Encoding.Unicode.GetBytes(Mixed)), _strings.Utf16Fnv1a(Mixed));
    }

    [Fact]
    public void Utf16_with_unpaired_surrogates_from_the_guest_is_rejected()
    {
        // Reversing a surrogate pair leaves a low surrogate before a high one: both unpaired.
        var error = Assert.Throws<WasmGuestDataException>(() => _strings.Utf16Reverse("a😀"));
        Assert.Contains("unpaired surrogate", error.Message);
    }

    [Fact]
    public void Latin1_round_trips_and_rejects_what_it_cannot_encode()
    {
        Assert.Equal("CAFÉ ÀÖ ÷", _strings.Latin1Upper("café àö ÷"));
        var error = Assert.Throws<ArgumentException>(() => _strings.Latin1Upper("✓"));
        Assert.Contains("Latin-1", error.Message);
    }

    [Fact]
    public void Nul_terminated_strings_cross_as_one_pointer()
    {
        Assert.Equal(5u, _strings.CstrLength("hello"));
        Assert.Equal((uint)Encoding.UTF8.GetByteCount(Mixed), _strings.CstrLength(Mixed));
        Assert.Equal(0u, _strings.CstrLength(""));
        Assert.Equal(0xFFFF_FFFFu, _strings.CstrLength(null));
        Assert.Equal("Hello, Ada ✓!", _strings.CstrGreet("Ada ✓"));
        Assert.Null(_strings.CstrGreet(null));
        Assert.Throws<ArgumentException>(() => _strings.CstrLength("a\0b"));
    }

    [Fact]
    public void The_host_receives_strings_in_every_encoding()
    {
        _relays.RelayLog(Mixed);
        _relays.RelayLog("");
        _relays.RelayLogUtf16(Mixed);
        _relays.RelayLogLatin1("façade");
        _relays.RelayLogCstr("c string ✓");
        _relays.RelayLogCstr(null);
        Assert.Equal(new[] { Mixed, "", Mixed, "façade", "c string ✓", null }, _host.Logs);
    }

    [Fact]
    public void A_string_returned_by_the_host_reaches_the_guest_and_comes_back()
    {
        Assert.Equal("Hi Ada ✓", _relays.RelayGreeting("Ada"));
        _host.GreetingFactory = name => new string('x', 100_000) + name;
        Assert.Equal(new string('x', 100_000) + "Bob", _relays.RelayGreeting("Bob"));
    }
}

public sealed class StringTestsOnGuestMalloc() : StringTests(ScratchAllocator.GuestMalloc)
{
}

public sealed class StringTestsOnHostHeap() : StringTests(ScratchAllocator.HostHeap)
{
}

public sealed class StringTestsOnHostHeapPages() : StringTests(ScratchAllocator.HostHeapOnGrownPages)
{
}

public sealed class StringTestsOnArena() : StringTests(ScratchAllocator.Arena)
{
}
