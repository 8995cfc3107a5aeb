using System;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>Every scalar type, host to guest (IScalars) and guest to host (IRelays through IHostServices).</summary>
public sealed class ScalarTests : IDisposable
{
    private readonly WasmGuest _guest;
    private readonly RecordingHost _host = new();
    private readonly IScalars _scalars;
    private readonly IRelays _relays;

    public ScalarTests()
    {
        _guest = TestGuests.MarshalTest(_host).Guest;
        _scalars = _guest.Import<IScalars>();
        _relays = _guest.Import<IRelays>();
    }

    public void Dispose() => _guest.Dispose();

    [Fact]
    public void Signed_and_unsigned_32_and_64_bit_integers_keep_their_meaning()
    {
        Assert.Equal(-5, _scalars.AddI32(-7, 2));
        Assert.Equal(int.MinValue, _scalars.AddI32(int.MaxValue, 1));
        Assert.Equal(0xFFFF_FFFEu, _scalars.MulU32(0xFFFF_FFFFu, 2));
        Assert.Equal(3_000_000_000u, _scalars.MulU32(1_500_000_000u, 2));
        Assert.Equal(long.MinValue + 1, _scalars.AddI64(long.MinValue, 1));
        Assert.Equal(ulong.MaxValue, _scalars.MaxU64(ulong.MaxValue, 1)); // an unsigned compare in the guest
        Assert.Equal(0x8000_0000_0000_0000ul, _scalars.MaxU64(0x8000_0000_0000_0000ul, 0x7FFF_FFFF_FFFF_FFFFul));
    }

    [Fact]
    public void Small_integers_wrap_in_the_guest_and_narrow_on_the_way_back()
    {
        Assert.Equal((byte)0, _scalars.IncU8(255));
        Assert.Equal((byte)201, _scalars.IncU8(200));
        Assert.Equal((sbyte)-5, _scalars.NegI8(5));
        Assert.Equal(sbyte.MinValue, _scalars.NegI8(sbyte.MinValue));
        Assert.Equal(short.MinValue, _scalars.AddI16(short.MaxValue, 1));
        Assert.Equal((ushort)0x3412, _scalars.SwapU16(0x1234));
        Assert.Equal((ushort)0x00FF, _scalars.SwapU16(0xFF00));
    }

    [Fact]
    public void Floats_bools_and_enums_cross()
    {
        Assert.Equal(7.5f, _scalars.ScaleF32(2.5f, 3f));
        Assert.Equal(5.0, _scalars.HypotF64(3, 4));
        Assert.True(_scalars.IsEven(-4));
        Assert.False(_scalars.IsEven(7));
        Assert.False(_scalars.Negate(true));
        Assert.True(_scalars.Negate(false));
        Assert.Equal(Color.Green, _scalars.NextColor(Color.Red));
        Assert.Equal(Color.Red, _scalars.NextColor(Color.Blue));
        Assert.Equal(Color.None, _scalars.NextColor((Color)200));
        Assert.Equal(WideFlags.High | WideFlags.Low, _scalars.ToggleHighBit(WideFlags.Low));
        Assert.Equal(WideFlags.Low, _scalars.ToggleHighBit(WideFlags.High | WideFlags.Low));
    }

    [Fact]
    public void Void_methods_and_methods_without_parameters_cross()
    {
        _scalars.SetCounter(41);
        Assert.Equal(41, _scalars.GetCounter());
        _scalars.SetCounter(-1);
        Assert.Equal(-1, _scalars.GetCounter());
    }

    [Fact]
    public void Every_scalar_crosses_from_guest_to_host_and_back()
    {
        Assert.Equal(~int.MinValue, _relays.RelayI32(int.MinValue));
        Assert.Equal(~0xFFFF_FFF0u, _relays.RelayU32(0xFFFF_FFF0u));
        Assert.Equal(~long.MinValue, _relays.RelayI64(long.MinValue));
        Assert.Equal(~(ulong.MaxValue - 1), _relays.RelayU64(ulong.MaxValue - 1));
        Assert.Equal(-1.25f, _relays.RelayF32(1.25f));
        Assert.Equal(-Math.PI, _relays.RelayF64(Math.PI));
        Assert.False(_relays.RelayBool(true));
        Assert.True(_relays.RelayBool(false));
        Assert.Equal((byte)55, _relays.RelayU8(200));
        Assert.Equal((sbyte)~-100, _relays.RelayI8(-100));
        Assert.Equal((short)~-30000, _relays.RelayI16(-30000));
        Assert.Equal((ushort)5535, _relays.RelayU16(60000));
        Assert.Equal(Color.Red, _relays.RelayColor(Color.Blue));
        _relays.RelayNotify(-77);

        Assert.Equal(
            new object[]
            {
                int.MinValue, 0xFFFF_FFF0u, long.MinValue, ulong.MaxValue - 1, 1.25f, Math.PI, true, false,
                (byte)200, (sbyte)-100, (short)-30000, (ushort)60000, Color.Blue, -77,
            },
            _host.Received);
    }
}
