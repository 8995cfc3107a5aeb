using System;
using System.Text;
using Wasmtime;
using WasmMarshal.Hosting;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>
/// On an engine from <see cref="WasmEngines"/> memories never move, so <see cref="GuestMemory"/> keeps the base and
/// the last length seen (docs/performance.md, "Views without native calls"). These tests hold it to the two things
/// that make that safe: the base really stays put, and a kept length that growth made stale never fails an access
/// that is inside memory now, nor lets one through that is not.
/// </summary>
public sealed class FixedBaseMemoryTests : IDisposable
{
    private static readonly Lazy<Engine> s_fixedEngine = new(() => WasmEngines.Create());
    private static readonly Lazy<Module> s_module = new(() => Module.FromFile(s_fixedEngine.Value, TestGuests.PathOf("marshal_test")));

    private readonly RecordingHost _host = new();
    private readonly WasmGuest _guest;

    public FixedBaseMemoryTests()
    {
        _guest = WasmGuest.Builder(s_fixedEngine.Value, s_module.Value).Export<IHostServices>(_host).Instantiate();
    }

    public void Dispose() => _guest.Dispose();

    [Fact]
    public void Only_engines_made_not_to_move_memories_keep_the_base()
    {
        Assert.True(_guest.Memory.BaseNeverMoves);
        using var moving = TestGuests.MarshalTest();
        Assert.False(moving.Guest.Memory.BaseNeverMoves); // an engine made elsewhere: nothing is known, nothing kept

        using var plain = new Engine();
        using var module = Module.FromFile(plain, TestGuests.PathOf("marshal_test"));
        using var guest = WasmGuest.Builder(plain, module).Export<IHostServices>(new RecordingHost()).Instantiate();
        Assert.False(guest.Memory.BaseNeverMoves);
    }

    [Fact]
    public void A_kept_length_follows_growth_and_reads_what_wasmtime_wrote_in_the_new_pages()
    {
        var memory = _guest.Memory;
        nint baseBefore = memory.Memory.GetPointer();
        long oldLength = memory.Memory.GetLength();
        _ = memory.View(); // keeps the length as it is now

        Assert.Equal(oldLength / 65536, _guest.Import<IScalars>().GrowMemory(3)); // memory.grow returns the old page count
        long newLength = memory.Memory.GetLength();
        Assert.Equal(oldLength + 3 * 65536, newLength);
        Assert.Equal(baseBefore, memory.Memory.GetPointer());

        // Written through Wasmtime's own API, read through a view whose kept length predates the growth.
        memory.Memory.WriteInt32(oldLength + 8, 0x1234_5678);
        memory.Memory.WriteInt32(newLength - 4, 0x0BAD_F00D);
        var view = memory.View();
        Assert.Equal(0x1234_5678, view.Read<int>((uint)oldLength + 8, "T.M", "p"));
        Assert.Equal(0x0BAD_F00D, view.Read<int>((uint)(newLength - 4), "T.M", "p"));
        Assert.True(view.Contains((uint)(newLength - 4), 4));
        Assert.False(view.Contains((uint)(newLength - 3), 4));
        Assert.Equal((ulong)newLength, view.Length);
    }

    [Fact]
    public void An_access_past_the_end_still_fails_and_reports_the_length_now()
    {
        var memory = _guest.Memory;
        _ = memory.View();
        _guest.Import<IScalars>().GrowMemory(1);
        long length = memory.Memory.GetLength();

        var error = Assert.Throws<WasmGuestMemoryException>(() => memory.View().Bytes((uint)length - 4, 8, "T.M", "p"));
        Assert.Equal("T.M", error.Method);
        Assert.Equal("p", error.Parameter);
        Assert.Equal((ulong)length, error.MemorySize);
        Assert.Throws<WasmGuestMemoryException>(() => memory.View().Read<long>(uint.MaxValue - 2, "T.M", "p"));
        Assert.Throws<WasmGuestDataException>(() => NulTerminatedAtTheEnd(memory, (uint)length - 1));
    }

    private static void NulTerminatedAtTheEnd(GuestMemory memory, uint lastByte)
    {
        memory.Memory.WriteByte(lastByte, (byte)'x');
        memory.View().NulTerminated(lastByte, "T.M", "p");
    }

    [Fact]
    public void Stubs_marshal_across_growth_inside_a_host_callback()
    {
        // The host grows memory inside Fill, after the guest passed its buffer: the binder's view of the buffer must
        // still be right, and the import stub's result read after the call must see the grown memory.
        var relays = _guest.Import<IRelays>();
        var memory = _guest.Memory;
        long before = memory.Memory.GetLength();
        _host.BeforeFill = () => memory.Memory.Grow(2);
        ulong hash = relays.RelayFill(300);
        Assert.Equal(before + 2 * 65536, memory.Memory.GetLength());
        var pattern = new byte[300];
        for (int i = 0; i < pattern.Length; i++)
        {
            pattern[i] = (byte)(i * 7 + 3); // what RecordingHost.Fill writes
        }

        Assert.Equal(Fnv64(pattern), hash);

        var strings = _guest.Import<IStrings>();
        string text = string.Concat(System.Linq.Enumerable.Repeat("growth é ", 12_000)); // 120 KB: malloc grows memory for it
        Assert.Equal(text.Replace("growth", "GROWTH"), strings.ToUpper(text)); // the guest upper-cases ASCII only
        Assert.Equal(Fnv1a(Encoding.UTF8.GetBytes(text)), strings.Fnv1a(text));
    }

    [Fact]
    public void A_configuration_asking_for_moving_memories_cannot_undo_the_guarantee()
    {
        using var engine = WasmEngines.Create(config => config.WithStaticMemoryMaximumSize(0).WithMemoryReservationForGrowth(0).WithMemoryMayMove(true));
        using var module = Module.FromFile(engine, TestGuests.PathOf("marshal_test"));
        using var guest = WasmGuest.Builder(engine, module).Export<IHostServices>(new RecordingHost()).Instantiate();
        nint baseBefore = guest.Memory.Memory.GetPointer();
        var scalars = guest.Import<IScalars>();
        for (int i = 0; i < 3; i++)
        {
            scalars.GrowMemory(1); // fails (returns -1) rather than moving, on this configuration
            Assert.Equal(baseBefore, guest.Memory.Memory.GetPointer());
        }

        Assert.True(guest.Memory.BaseNeverMoves);
        Assert.Equal("HELLO", guest.Import<IStrings>().ToUpper("hello"));
    }

    [Fact]
    public void A_view_after_the_store_is_disposed_is_refused()
    {
        var guest = WasmGuest.Builder(s_fixedEngine.Value, s_module.Value).Export<IHostServices>(new RecordingHost()).Instantiate();
        var memory = guest.Memory;
        _ = memory.View();
        guest.Dispose();
        Assert.Throws<ObjectDisposedException>(() => memory.View());
    }

    private static uint Fnv1a(byte[] bytes)
    {
        uint hash = 2166136261;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 16777619;
        }

        return hash;
    }

    private static ulong Fnv64(byte[] bytes)
    {
        ulong hash = 14695981039346656037;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 1099511628211;
        }

        return hash;
    }
}
