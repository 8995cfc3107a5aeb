using System;
using System.Linq;
using WasmMarshal.Profiles;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Toolchains;

/// <summary>
/// The toolchain matrix: one test interface (<see cref="IMatrixCalls"/>), six guests built from source by six
/// toolchains (guests/build.sh), every test run against each of them on an engine whose memory moves on every grow.
/// </summary>
public sealed class ToolchainMatrixTests
{
    public static TheoryData<string, string> Guests()
    {
        var data = new TheoryData<string, string>();
        foreach (var (module, toolchain) in MatrixGuests.All)
        {
            data.Add(module, toolchain);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void Strings_go_in_and_come_back_out(string module, string toolchain)
    {
        using var session = MatrixGuests.Open(module);
        var calls = session.Calls;

        Assert.Equal(toolchain, calls.Toolchain());
        Assert.Equal("Grüße & naïve ✓", calls.Join("Grüße", "naïve ✓"));
        Assert.Equal("G clef 𝄞 & ", calls.Join("G clef 𝄞", ""));
        Assert.Equal(" & ", calls.Join("", ""));
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void A_struct_by_pointer_is_updated_in_place(string module, string toolchain)
    {
        using var session = MatrixGuests.Open(module);
        var particle = new Particle(X: 0, Y: 1, Vx: 2, Vy: -4, Bounces: 0);

        session.Calls.Step(ref particle, 0.5f); // y = 1 - 2 = -1: bounces
        Assert.Equal(new Particle(1, 1, 2, 4, 1), particle);
        session.Calls.Step(ref particle, 0.25f); // y = 1 + 1 = 2
        Assert.Equal(new Particle(1.5f, 2, 2, 4, 1), particle);
        Assert.Equal(toolchain, session.Calls.Toolchain());
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void A_span_goes_in_and_another_comes_back_filled(string module, string toolchain)
    {
        using var session = MatrixGuests.Open(module);
        Span<int> output = stackalloc int[4];
        output.Fill(-1);

        Assert.Equal(4, session.Calls.PrefixSums([1, 2, 3, 4, 5, 6], output));
        Assert.Equal(new[] { 1, 3, 6, 10 }, output.ToArray());

        int[] wide = new int[3];
        Assert.Equal(2, session.Calls.PrefixSums([int.MaxValue, 1], wide));
        Assert.Equal(new[] { int.MaxValue, int.MinValue, 0 }, wide); // wraps like the guest's i32
        Assert.Equal(0, session.Calls.PrefixSums([], output));
        Assert.Equal(toolchain, session.Calls.Toolchain());
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void The_host_callback_receives_a_string_and_a_struct(string module, string toolchain)
    {
        using var session = MatrixGuests.Open(module);

        session.Calls.Notify("héllo");
        session.Calls.Notify("");

        Assert.Equal(
            new[] { ("héllo!", new Particle(1.5f, -2, 0.25f, 8, 5)), ("!", new Particle(1.5f, -2, 0.25f, 8, 0)) },
            session.Observer.Observed);
        Assert.Equal(toolchain, session.Calls.Toolchain());
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void Strings_views_and_callbacks_still_work_after_the_guest_grows_memory(string module, string toolchain)
    {
        using var session = MatrixGuests.Open(module);
        int pagesBefore = session.Pages;
        nint baseBefore = TestGuests.BaseAddress(session.Guest);

        // More than the whole memory, so every allocator has to grow it (Emscripten starts with 16 MiB, most others with 2 pages).
        int kib = pagesBefore * 64 + 1024;
        int pagesAfter = session.Calls.Grow(kib);

        Assert.True(pagesAfter >= pagesBefore + 16, $"{toolchain}: {pagesBefore} pages before, {pagesAfter} after allocating {kib} KiB");
        Assert.Equal(pagesAfter, session.Pages);
        Assert.NotEqual(baseBefore, TestGuests.BaseAddress(session.Guest));
        if (session.Profile.Toolchain == GuestToolchain.Emscripten)
        {
            Assert.True(session.Guest.MemoryGrowthNotifications > 0, "Emscripten's malloc grew memory without emscripten_notify_memory_growth");
        }

        string large = string.Concat(Enumerable.Repeat("wörd ", 40_000));
        Assert.Equal(large + " & ✓", session.Calls.Join(large, "✓"));
        var particle = new Particle(0, 0, 1, 1, 0);
        session.Calls.Step(ref particle, 2);
        Assert.Equal(new Particle(2, 2, 1, 1, 0), particle);
        session.Calls.Notify("after");
        Assert.Equal(("after!", new Particle(1.5f, -2, 0.25f, 8, 5)), session.Observer.Observed.Single());
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void Repeated_calls_give_back_what_they_allocate(string module, string toolchain)
    {
        using var session = MatrixGuests.Open(module);
        string chunk = new('x', 16 * 1024);
        session.Calls.Join(chunk, chunk); // the first call may size the heap
        int pages = session.Pages;

        // 500 calls pass 32 KiB and get 32 KiB back: 500 pages if either side leaked.
        for (int i = 0; i < 500; i++)
        {
            Assert.Equal(32 * 1024 + 3, session.Calls.Join(chunk, chunk).Length);
        }

        Assert.True(session.Pages <= pages + 16, $"{toolchain}: memory went from {pages} to {session.Pages} pages over 500 calls");
    }
}
