using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using CsCheck;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace WasmMarshal.Tests.Reliability;

/// <summary>
/// Random strings, structs and spans through marshal_test.wasm on every scratch allocator, with the memory base moving
/// on every grow, each checked against what the host computes itself. One guest per allocator serves every case of a
/// test (<c>threads: 1</c>: a guest is used from one thread at a time). CsCheck prints the seed of a failure; pass it
/// back as <c>seed:</c> (or set the <c>CsCheck_Seed</c> environment variable) to replay it.
/// </summary>
public sealed class RoundTripPropertyTests(ITestOutputHelper output)
{
    /// <summary>Span cases per allocator; four allocators make 10,000 span cases.</summary>
    private const int SpanCasesPerAllocator = 2500;

    /// <summary>String and struct cases per allocator (they are cheap): 20,000 of each.</summary>
    private const int CasesPerAllocator = 5000;

    private static readonly ScratchAllocator[] s_allocators =
        [ScratchAllocator.GuestMalloc, ScratchAllocator.HostHeap, ScratchAllocator.HostHeapOnGrownPages, ScratchAllocator.Arena];

    /// <summary>
    /// A Unicode scalar value: mostly ASCII, then 2-, 3- and 4-byte UTF-8, control characters and NUL. Astral code points
    /// are rare enough per character that about half the strings have none (those take the other UTF-16 branch below).
    /// </summary>
    private static readonly Gen<int> CodePoint = Gen.Frequency(
        (55, (IGen<int>)Gen.Int[0x20, 0x7E]),
        (5, Gen.Int[0x00, 0x1F]),
        (20, Gen.Int[0x80, 0x7FF]),
        (12, Gen.Int[0x800, 0xD7FF]),
        (5, Gen.Int[0xE000, 0xFFFF]),
        (3, Gen.Int[0x10000, 0x10FFFF]));

    /// <summary>Strings of 0 to 40 code points usually, up to 3,000 sometimes; empty included.</summary>
    private static readonly Gen<string> Text = Gen.Frequency(
            (85, (IGen<int[]>)CodePoint.Array[0, 40]),
            (15, CodePoint.Array[0, 3000]))
        .Select(points =>
        {
            var text = new StringBuilder(points.Length * 2);
            foreach (int point in points)
            {
                text.Append(char.ConvertFromUtf32(point));
            }

            return text.ToString();
        });

    /// <summary>Span sizes from 0 to 1 MiB, skewed small: 80% up to 1 KiB, 15% up to 64 KiB, 5% up to 1 MiB.</summary>
    private static readonly Gen<int> SpanSize = Gen.Frequency(
        (80, (IGen<int>)Gen.Int[0, 1024]),
        (15, Gen.Int[1025, 64 * 1024]),
        (5, Gen.Int[64 * 1024 + 1, 1024 * 1024]));

    [Fact]
    public void Strings_round_trip_exactly_through_utf8_and_utf16()
    {
        var gen = Gen.Select(Text, Gen.Int[0, 99]);
        int cases = 0, astral = 0, empty = 0;
        var clock = Stopwatch.StartNew();
        foreach (var scratch in s_allocators)
        {
            using var test = TestGuests.MarshalTest(scratch: scratch);
            var strings = test.Guest.Import<IStrings>();
            gen.Sample((text, roll) =>
            {
                cases++;
                astral += text.Any(char.IsSurrogate) ? 1 : 0;
                empty += text.Length == 0 ? 1 : 0;
                if (roll == 0)
                {
                    Assert.Null(strings.EchoNullable(null));
                }

                var utf8 = Encoding.UTF8.GetBytes(text);
                Assert.Equal(text, strings.EchoNullable(text));
                Assert.Equal(Fnv.Hash32(utf8), strings.Fnv1a(text));
                Assert.Equal(AsciiUpper(text), strings.ToUpper(text));
                Assert.Equal(Fnv.Hash32(Encoding.Unicode.GetBytes(text)), strings.Utf16Fnv1a(text));

                // utf16_reverse reverses code units: a surrogate pair comes back as low, high, which the host must reject.
                var reversed = new string(text.Reverse().ToArray());
                if (text.Any(char.IsSurrogate))
                {
                    var error = Assert.Throws<WasmGuestDataException>(() => strings.Utf16Reverse(text));
                    Assert.Equal("IStrings.Utf16Reverse", error.Method);
                }
                else
                {
                    Assert.Equal(reversed, strings.Utf16Reverse(text));
                    Assert.Equal(text, strings.Utf16Reverse(strings.Utf16Reverse(text)));
                }
            }, iter: CasesPerAllocator, threads: 1);
            AssertBaseline(test);
        }

        Report("strings", cases, clock, $"{astral} with astral characters, {empty} empty");
        Assert.True(astral > cases / 10 && empty > 0);
    }

    [Fact]
    public void Particles_step_exactly_as_the_c_model_says()
    {
        var gen = Gen.Select(
            Gen.Select(Gen.Byte, Gen.Double, Gen.Float, Gen.Float, Gen.Float, Gen.Int, Gen.Bool),
            Gen.Select(Gen.Short, Gen.Byte.Array[16], Gen.Long, Gen.Float));
        int cases = 0;
        var clock = Stopwatch.StartNew();
        foreach (var scratch in s_allocators)
        {
            using var test = TestGuests.MarshalTest(scratch: scratch);
            var structs = test.Guest.Import<IStructs>();
            gen.Sample((a, b) =>
            {
                cases++;
                var particle = new Particle
                {
                    Kind = a.Item1, Mass = a.Item2, Position = new Vec3(a.Item3, a.Item4, a.Item5), Id = a.Item6,
                    Alive = a.Item7, Level = b.Item1, Score = b.Item3,
                };
                SetName(ref particle, b.Item2);
                float dt = b.Item4;

                var once = structs.ParticleStep(in particle, dt);
                AssertStep(particle, dt, once);
                AssertStep(once, dt, structs.ParticleStep(in once, dt));
            }, iter: CasesPerAllocator, threads: 1);
            AssertBaseline(test);
        }

        Report("structs", cases, clock, "ParticleStep applied twice per case");
    }

    [Fact]
    public void Spans_of_0_to_1_MiB_arrive_and_come_back_byte_for_byte()
    {
        var gen = Gen.Select(SpanSize, Gen.UInt, Gen.Int[0, 49]);
        int cases = 0, large = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        foreach (var scratch in s_allocators)
        {
            using var test = TestGuests.MarshalTest(scratch: scratch);
            var spans = test.Guest.Import<ISpans>();
            nint firstBase = TestGuests.BaseAddress(test.Guest);
            gen.Sample((size, seed, roll) =>
            {
                cases++;
                large += size > 64 * 1024 ? 1 : 0;
                bytes += size;
                var data = Bytes(size, seed);
                Assert.Equal(Fnv.Hash64(data), spans.ChecksumBytes(data));

                var buffer = Bytes(size, ~seed); // random contents, all overwritten by the guest
                spans.FillPattern(buffer, seed);
                for (int i = 0; i < buffer.Length; i++)
                {
                    if (buffer[i] != (byte)((uint)i * 31u + seed))
                    {
                        Assert.Fail($"FillPattern({size}, {seed}): byte {i} is {buffer[i]}");
                    }
                }

                // One case in 50 grows memory by a page first, moving the base under the copy of the result.
                Assert.Equal(data, spans.GrowThenEcho(data, roll == 0 ? 1 : 0));
            }, iter: SpanCasesPerAllocator, threads: 1);
            Assert.NotEqual(firstBase, TestGuests.BaseAddress(test.Guest));
            AssertBaseline(test);
        }

        Report("spans", cases, clock, $"{large} over 64 KiB, {bytes / (1024 * 1024)} MiB in total");
    }

    private static string AsciiUpper(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                span[i] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            }
        });

    private static unsafe void SetName(ref Particle particle, byte[] name)
    {
        fixed (byte* target = particle.Name)
        {
            name.AsSpan().CopyTo(new Span<byte>(target, 16));
        }
    }

    private static unsafe byte[] NameOf(in Particle particle)
    {
        fixed (byte* name = particle.Name)
        {
            return new Span<byte>(name, 16).ToArray();
        }
    }

    /// <summary>marshal_test.h: kind + 1, mass * 2, position + dt, id unchanged, alive negated, level - 1, name[0] + 1, score + id.</summary>
    private static void AssertStep(in Particle before, float dt, in Particle after)
    {
        Assert.Equal((byte)(before.Kind + 1), after.Kind);
        Assert.True((before.Mass * 2).Equals(after.Mass), $"mass {before.Mass} * 2 = {after.Mass}");
        Assert.True((before.Position.X + dt).Equals(after.Position.X), $"x {before.Position.X} + {dt} = {after.Position.X}");
        Assert.True((before.Position.Y + dt).Equals(after.Position.Y), $"y {before.Position.Y} + {dt} = {after.Position.Y}");
        Assert.True((before.Position.Z + dt).Equals(after.Position.Z), $"z {before.Position.Z} + {dt} = {after.Position.Z}");
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(!before.Alive, after.Alive);
        Assert.Equal(unchecked((short)(before.Level - 1)), after.Level);
        var name = NameOf(before);
        name[0]++;
        Assert.Equal(name, NameOf(after));
        Assert.Equal(unchecked(before.Score + before.Id), after.Score);
    }

    /// <summary>Deterministic bytes from a seed (xorshift32), so that a case is reproducible from its generated values.</summary>
    private static byte[] Bytes(int size, uint seed)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(size);
        uint state = seed | 1;
        for (int i = 0; i < bytes.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            bytes[i] = (byte)state;
        }

        return bytes;
    }

    /// <summary>
    /// Every argument freed, no buffer remembered by the overlap check, the guest not poisoned. (Disposing the
    /// <see cref="TestGuest"/> then checks the host heap or arena: zero bytes in use, invariants intact.) The guest heap
    /// holds only the blocks a host heap or arena reserved in it, which they keep.
    /// </summary>
    private static void AssertBaseline(TestGuest test)
    {
        Assert.Equal(0, test.Scratch.LiveCount);
        if (test.Scratch.Inner is GuestMallocAllocator malloc)
        {
            Assert.Equal(0, malloc.LiveBuffers);
        }

        Assert.False(test.Guest.IsPoisoned);
    }

    private void Report(string shape, int cases, Stopwatch clock, string detail) =>
        output.WriteLine($"{shape}: {cases} cases on {s_allocators.Length} allocators in {clock.Elapsed.TotalSeconds:0.0} s ({detail})");
}
