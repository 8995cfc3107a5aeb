using System;
using System.Runtime.CompilerServices;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>Structs by value, in, ref, out and as returns, in both directions, in the wasm32 C layout.</summary>
public abstract class StructTests : IDisposable
{
    private readonly WasmGuest _guest;
    private readonly TestGuest _fixture;
    private readonly CountingAllocator _allocator;
    private readonly CountingAllocator _heap;
    private readonly RecordingHost _host = new();
    private readonly IStructs _structs;
    private readonly IRelays _relays;

    protected StructTests(ScratchAllocator scratch)
    {
        _fixture = TestGuests.MarshalTest(_host, scratch);
        (_guest, _allocator, _heap) = (_fixture.Guest, _fixture.Scratch, _fixture.Heap);
        _structs = _guest.Import<IStructs>();
        _relays = _guest.Import<IRelays>();
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public unsafe void The_guest_reports_the_same_layout_as_the_host()
    {
        Span<uint> layout = stackalloc uint[10];
        _structs.ParticleLayout(layout);
        var p = default(Particle);
        byte* start = (byte*)&p;
        uint Offset(void* field) => (uint)((byte*)field - start);
        uint[] host =
        {
            (uint)Unsafe.SizeOf<Particle>(), 8, Offset(&p.Kind), Offset(&p.Mass), Offset(&p.Position), Offset(&p.Id),
            Offset(&p.Alive), Offset(&p.Level), Offset(p.Name), Offset(&p.Score),
        };
        Assert.Equal(new uint[] { 64, 8, 0, 8, 16, 28, 32, 34, 36, 56 }, layout.ToArray());
        Assert.Equal(layout.ToArray(), host);
    }

    [Fact]
    public void By_value_in_ref_and_returned_structs_cross()
    {
        Assert.Equal(32f, _structs.Vec3Dot(new Vec3(1, 2, 3), new Vec3(4, 5, 6)));
        var v = new Vec3(3, 0, 4);
        Assert.Equal(25f, _structs.Vec3LengthSq(in v));
        _structs.Vec3Normalize(ref v);
        Assert.Equal(new Vec3(0.6f, 0, 0.8f), v);
        Assert.Equal(new Vec3(-3, 6, -3), _structs.Vec3Cross(new Vec3(1, 2, 3), new Vec3(4, 5, 6)));
    }

    [Fact]
    public void Out_structs_are_filled_by_the_guest()
    {
        _structs.MakeParticle(12, out var p);
        Assert.Equal(7, p.Kind);
        Assert.Equal(18.0, p.Mass);
        Assert.Equal(new Vec3(12, 24, 36), p.Position);
        Assert.Equal(12, p.Id);
        Assert.True(p.Alive);
        Assert.Equal(-12, p.Level);
        Assert.Equal("p12", p.NameText);
        Assert.Equal(12_000_000_000_000L, p.Score);
    }

    [Fact]
    public void Every_field_crosses_in_and_comes_back_through_a_return_area()
    {
        var p = new Particle { Kind = 200, Mass = 2.5, Position = new Vec3(1, 2, 3), Id = -9, Alive = false, Level = 300, Score = long.MaxValue - 100 };
        p.NameText = "abcdefghijklmno";
        var q = _structs.ParticleStep(in p, 0.5f);
        Assert.Equal(201, q.Kind);
        Assert.Equal(5.0, q.Mass);
        Assert.Equal(new Vec3(1.5f, 2.5f, 3.5f), q.Position);
        Assert.Equal(-9, q.Id);
        Assert.True(q.Alive);
        Assert.Equal(299, q.Level);
        Assert.Equal("bbcdefghijklmno", q.NameText);
        Assert.Equal(long.MaxValue - 109, q.Score);
    }

    [Fact]
    public void The_host_receives_returns_and_modifies_structs()
    {
        _relays.RelayReport(new Vec3(9, 8, 7));
        Assert.Equal(new Vec3(9, 8, 7), Assert.Single(_host.Received));

        _structs.MakeParticle(3, out var p);
        var q = _relays.RelayTransform(p);
        Assert.Equal(p.Mass + 0.5, q.Mass);
        Assert.Equal(-p.Score, q.Score);
        Assert.Equal("host:p3", q.NameText);
        Assert.Equal(p.Position.Y * 10, q.Position.Y);
        Assert.Equal(p.Id, q.Id);
        Assert.Equal(p.Level, q.Level);

        Assert.Equal(_host.OriginValue, _relays.RelayOrigin());
    }
}

public sealed class StructTestsOnGuestMalloc() : StructTests(ScratchAllocator.GuestMalloc)
{
}

public sealed class StructTestsOnHostHeap() : StructTests(ScratchAllocator.HostHeap)
{
}

public sealed class StructTestsOnHostHeapPages() : StructTests(ScratchAllocator.HostHeapOnGrownPages)
{
}

public sealed class StructTestsOnArena() : StructTests(ScratchAllocator.Arena)
{
}
